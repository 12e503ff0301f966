#pragma once
#include "recording/Recording.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace execg {

// Reads recordings off the GUI thread. One read at a time: a new request cancels the one in flight,
// whose result is then dropped. Results arrive as queued signals.
class RecordingLoader : public QObject {
    Q_OBJECT
public:
    explicit RecordingLoader(QObject* parent = nullptr);
    ~RecordingLoader() override;

    void load(const QString& path);
    void cancel();
    bool busy() const { return watcher_.isRunning(); }

signals:
    void progress(double fraction);
    void loaded(std::shared_ptr<const execg::Recording> recording, qint64 elapsedMs);
    void failed(const QString& path, const QString& message);

private:
    struct Outcome {
        std::shared_ptr<const Recording> recording;
        QString error;
        qint64 elapsedMs = 0;
        bool cancelled = false;
    };
    QFutureWatcher<Outcome> watcher_;
    std::shared_ptr<std::atomic_bool> cancelFlag_;
    QString path_;
};

} // namespace execg
