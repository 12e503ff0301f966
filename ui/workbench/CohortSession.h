#pragma once
// The workstation's cohort: a results store opened (its report built off the GUI thread), or a cohort run on
// files and folders with one model — progress, rate, ETA and failures as it goes, cancel at any record (what is
// stored stays; running again resumes) — then its report. The Cohort view subscribes to it; no widget here.
#include "cohort/CohortReport.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace execg {

class CohortSession : public QObject {
    Q_OBJECT
public:
    explicit CohortSession(QObject* parent = nullptr);
    ~CohortSession() override;   // cancels a run and waits for the record in hand

    // The store's report, grouped as `options` says: reportReady, or failed with the reason.
    void openStore(const QString& path, const CohortReportOptions& options = {});
    // Every recording of `inputs` (files, folders; a .csv/.tsv manifest) analysed with the model (its card beside it)
    // and `methods` (none: the card's defaults) into `storePath` (created, or resumed when made by the same model
    // and methods); then its report. failed when the model, the inputs or the store cannot be used.
    void run(const QStringList& inputs, const QString& modelPath, const QStringList& methods, const QString& storePath);
    void cancel();   // the run stops after the record in hand

    bool busy() const { return busy_; }
    std::shared_ptr<const CohortReport> report() const { return report_; }
    QString storePath() const { return storePath_; }
    QString lastError() const { return lastError_; }

signals:
    void progress(int done, int total, int failed, double perMinute, double etaSeconds);
    void runFinished(int analysed, int failed, bool cancelled);
    void reportReady();
    void failed(const QString& message);

private:
    void buildReport(const QString& path, const CohortReportOptions& options);
    void fail(const QString& message);

    std::shared_ptr<const CohortReport> report_;
    QString storePath_, lastError_;
    bool busy_ = false;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::shared_ptr<std::atomic<bool>> alive_;
};

} // namespace execg
