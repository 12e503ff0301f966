#pragma once
#include "recording/Recording.h"

#include <QMainWindow>

#include <memory>

class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;

namespace execg {

class RecordingLoader;
class RecordingView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openFile(const QString& path);
    // The recording on screen; null before the first successful open.
    std::shared_ptr<const Recording> recording() const { return recording_; }
    QString lastError() const;

signals:
    void recordingShown();
    void openFailed(const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildToolBar();
    void showRecording(std::shared_ptr<const Recording> recording, qint64 elapsedMs);
    void showError(const QString& path, const QString& message);
    void chooseFile();
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();

    std::shared_ptr<const Recording> recording_;
    RecordingLoader* loader_ = nullptr;
    RecordingView* view_ = nullptr;
    QLabel* errorBanner_ = nullptr;
    QComboBox* groupBox_ = nullptr;
    QComboBox* speedBox_ = nullptr;
    QComboBox* gainBox_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QMenu* recentMenu_ = nullptr;
};

} // namespace execg
