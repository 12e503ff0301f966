#include "workbench/AnalysisRunner.h"

#include "explain/Explainer.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>

#include <exception>
#include <new>

namespace execg {

AnalysisRunner::AnalysisRunner(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<execg::JobState>();
    pool_.setMaxThreadCount(1);
    // The worker keeps its thread (and LibTorch its thread-local state) between jobs.
    pool_.setExpiryTimeout(-1);
    poll_.setInterval(50);
    connect(&poll_, &QTimer::timeout, this, &AnalysisRunner::pollProgress);
}

AnalysisRunner::~AnalysisRunner()
{
    cancelAll();
    pool_.waitForDone();
}

QString AnalysisRunner::title(int job) const { return jobs_.value(job).title; }

int AnalysisRunner::submit(const QString& title, Work work, Done done)
{
    const int id = nextId_++;
    Job job{title, std::make_shared<std::atomic<double>>(0.0), std::make_shared<std::atomic_bool>(false)};
    jobs_.insert(id, job);
    JobControl control;
    control.progress_ = job.progress;
    control.cancelled_ = job.cancelled;
    QPointer<AnalysisRunner> self(this);
    pool_.start([self, id, control, work = std::move(work), done = std::move(done)] {
        JobState state = JobState::Finished;
        QString message;
        QElapsedTimer timer;
        timer.start();
        if (control.cancelled()) {
            state = JobState::Cancelled;
        } else {
            try {
                work(control);
                if (control.cancelled())
                    state = JobState::Cancelled;
            } catch (const ExplainCancelled&) {
                state = JobState::Cancelled;
            } catch (const std::bad_alloc&) {
                state = JobState::Failed;
                message = QObject::tr("not enough memory");
            } catch (const std::exception& e) {
                state = control.cancelled() ? JobState::Cancelled : JobState::Failed;
                message = QString::fromStdString(e.what());
            }
        }
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, id, state, message, elapsed, done] {
            if (!self)
                return;
            if (done)
                done(state, message);
            self->jobs_.remove(id);
            emit self->jobFinished(id, state, message, elapsed);
            if (self->jobs_.isEmpty()) {
                self->poll_.stop();
                emit self->idle();
            }
        }, Qt::QueuedConnection);
    });
    if (!poll_.isActive())
        poll_.start();
    emit jobQueued(id, title);
    return id;
}

void AnalysisRunner::cancel(int job)
{
    const auto it = jobs_.find(job);
    if (it != jobs_.end())
        it->cancelled->store(true);
}

void AnalysisRunner::cancelAll()
{
    for (auto& job : jobs_)
        job.cancelled->store(true);
}

void AnalysisRunner::pollProgress()
{
    for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
        const double f = it->progress->load();
        if (f != it->lastReported) {
            it->lastReported = f;
            emit jobProgress(it.key(), f);
        }
    }
}

} // namespace execg
