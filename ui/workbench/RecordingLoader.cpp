#include "workbench/RecordingLoader.h"

#include "io/ReadError.h"
#include "io/ReaderRegistry.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace execg {

RecordingLoader::RecordingLoader(QObject* parent) : QObject(parent)
{
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome out = watcher_.result();
        if (out.cancelled)
            return;
        if (out.recording)
            emit loaded(out.recording, out.elapsedMs);
        else
            emit failed(path_, out.error);
    });
}

RecordingLoader::~RecordingLoader()
{
    cancel();
    watcher_.waitForFinished();
}

void RecordingLoader::cancel()
{
    if (cancelFlag_)
        cancelFlag_->store(true);
}

void RecordingLoader::load(const QString& path)
{
    cancel();
    watcher_.waitForFinished();   // cancelled reads return at their next progress check
    path_ = path;
    cancelFlag_ = std::make_shared<std::atomic_bool>(false);
    auto flag = cancelFlag_;
    QPointer<RecordingLoader> self(this);
    watcher_.setFuture(QtConcurrent::run([path, flag, self]() -> Outcome {
        Outcome out;
        QElapsedTimer timer;
        timer.start();
        ReadOptions opts;
        opts.progress = [flag, self](double f) {
            if (self)
                QMetaObject::invokeMethod(self.data(), [self, f] { if (self) emit self->progress(f); },
                                          Qt::QueuedConnection);
            return !flag->load();
        };
        try {
            out.recording = std::make_shared<const Recording>(ReaderRegistry::instance().read(path.toStdString(), opts));
        } catch (const ReadCancelled&) {
            out.cancelled = true;
        } catch (const std::bad_alloc&) {
            out.error = QObject::tr("%1: not enough memory to read this file").arg(path);
        } catch (const std::exception& e) {
            out.error = QString::fromStdString(e.what());
        }
        out.cancelled = out.cancelled || flag->load();
        out.elapsedMs = timer.elapsed();
        return out;
    }));
}

} // namespace execg
