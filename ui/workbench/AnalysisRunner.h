#pragma once
// Runs the workstation's analysis jobs — loading a model, predicting, explaining, scoring — one after another on a
// worker thread of their own, so the GUI thread only ever queues work and reads results. Serial on purpose: on a
// review workstation's few cores two LibTorch jobs side by side finish no sooner than one after the other, and
// each job's timing stays honest. Every job reports progress and can be cancelled, queued or running.
#include <QHash>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace execg {

enum class JobState { Queued, Running, Finished, Failed, Cancelled };

// What a job's work function gets: progress in [0, 1] (returns false once the user cancelled) and the flag itself.
class JobControl {
public:
    bool report(double fraction) const
    {
        progress_->store(fraction);
        return !cancelled_->load();
    }
    bool cancelled() const { return cancelled_->load(); }

private:
    friend class AnalysisRunner;
    std::shared_ptr<std::atomic<double>> progress_;
    std::shared_ptr<std::atomic_bool> cancelled_;
};

class AnalysisRunner : public QObject {
    Q_OBJECT
public:
    // Runs on the worker thread. Throws to fail (the message is shown, naming the job); returns normally otherwise.
    using Work = std::function<void(const JobControl&)>;
    // Runs on the GUI thread after `Work` returned or threw: state Finished, Failed (with the message) or Cancelled.
    using Done = std::function<void(JobState state, const QString& message)>;

    explicit AnalysisRunner(QObject* parent = nullptr);
    ~AnalysisRunner() override;   // cancels everything and waits for the running job

    int submit(const QString& title, Work work, Done done = {});
    void cancel(int job);
    void cancelAll();
    bool busy() const { return !jobs_.isEmpty(); }
    int pending() const { return int(jobs_.size()); }
    QString title(int job) const;

signals:
    void jobQueued(int job, const QString& title);
    void jobProgress(int job, double fraction);
    // After the job's Done callback ran.
    void jobFinished(int job, execg::JobState state, const QString& message, double elapsedMs);
    void idle();

private:
    struct Job {
        QString title;
        std::shared_ptr<std::atomic<double>> progress;
        std::shared_ptr<std::atomic_bool> cancelled;
        double lastReported = 0.0;   // a job is reported once it has made progress
    };
    void pollProgress();

    QThreadPool pool_;      // one thread: the jobs run in the order given
    QTimer poll_;           // progress reaches the GUI at a steady pace, however often a job reports
    QHash<int, Job> jobs_;
    int nextId_ = 1;
};

} // namespace execg

Q_DECLARE_METATYPE(execg::JobState)
