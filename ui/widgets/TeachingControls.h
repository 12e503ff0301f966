#pragma once
// The Teaching menu and toolbar around the workbench's Teaching state: blind mode and reveal, the quiz and its score,
// the chart's teaching tools (mark, pen, pointer), the presenter view, session files and the teaching bundle.
// The window owns one; it keeps the window's own file short and puts everything a lecture needs in one place. It
// works on the Workbench, the chart state and the chart it draws on, not on the window: what it has to say goes out
// as signals (problem, notice).
#include "explain/MarkOverlap.h"
#include "widgets/PresenterWindow.h"   // presenter() converts the QPointer: the type must be complete
#include "workbench/TeachingBundle.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QAction;
class QLabel;
class QMainWindow;
class QMenu;
class QToolBar;

namespace execg {

class ChartState;
class PaperChartView;
class Workbench;

class TeachingControls : public QObject {
    Q_OBJECT
public:
    // Fills `menu` and adds the Teaching toolbar to `host`; the teaching tools draw on `chart`.
    TeachingControls(Workbench& workbench, ChartState& chartState, PaperChartView& chart, QMainWindow& host, QMenu* menu);
    ~TeachingControls() override;

    QLabel* scoreLabel() const { return score_; }   // the quiz's score, for the chart's top bar
    // The quiz score on the chart's method after reveal; nothing before, or without marks or a map.
    std::optional<MarkOverlap> score() const { return score_value_; }

    // Session files: false with the reason said as a problem (and in `error`); missing files are named as a problem
    // and the rest of the session opens.
    bool saveSession(const QString& path, QString* error = nullptr);
    bool openSession(const QString& path, QString* error = nullptr);
    QStringList lastMissing() const { return missing_; }
    // Writes the bundle off the GUI thread; bundleExported says when.
    void exportBundle(const QString& folder, BundleFormat format);

    void showPresenter();
    PresenterWindow* presenter() const { return presenter_; }

    QAction* revealAction() const { return reveal_; }

signals:
    void bundleExported(const QString& sessionPath, const QString& error);
    void problem(const QString& text);   // for the window's banner: it stays until the next case
    void notice(const QString& text);    // for the status bar

private:
    void buildActions(QMenu* menu);
    SessionFile currentSession() const;
    void refreshMode();
    void refreshScore();
    void chooseSessionToOpen();
    void chooseSessionToSave();
    void chooseBundleFolder();

    Workbench& workbench_;
    ChartState& chartState_;
    PaperChartView& chart_;
    QMainWindow& host_;
    QToolBar* toolbar_ = nullptr;
    QLabel* score_ = nullptr;
    std::optional<MarkOverlap> score_value_;
    QAction *blind_ = nullptr, *quiz_ = nullptr, *reveal_ = nullptr, *hideAgain_ = nullptr;
    QAction *navigate_ = nullptr, *mark_ = nullptr, *pen_ = nullptr, *pointer_ = nullptr;
    QStringList missing_;
    QPointer<PresenterWindow> presenter_;
};

} // namespace execg
