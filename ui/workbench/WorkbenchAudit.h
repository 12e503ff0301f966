#pragma once
// The workstation's part of the audit trail: each time the chosen methods have all finished on a case (the Workbench
// falls idle with every entry settled), its results document is appended to the audit log (core/audit/AuditLog.h) —
// once per distinct document, off the GUI thread. Off by the setting audit/enabled.
#include "audit/AuditLog.h"

#include <QObject>
#include <QString>

#include <optional>

namespace execg {

class Workbench;

// The entry for the case's analysis once every chosen method has settled (finished, failed or cancelled); none
// while one is queued or running, or before the model has predicted.
std::optional<AuditEntry> settledAnalysisEntry(const Workbench& workbench);

// Records `entry` once (AuditLog::appendOnce) in the default log: the settling and a report of the same analysis
// share one entry. Blocking: call it off the GUI thread.
AuditRecordResult recordWorkstationAnalysis(const AuditEntry& entry);

class WorkbenchAudit : public QObject {
    Q_OBJECT
public:
    explicit WorkbenchAudit(Workbench& workbench, QObject* parent = nullptr);
    QString lastError() const { return lastError_; }

signals:
    void recorded(qint64 seq);            // the entry as stored
    void failed(const QString& message);  // the log cannot be written: the analysis stands, the trail lacks it

private:
    void settled();

    Workbench& workbench_;
    QString lastDocumentHash_;
    QString lastError_;
};

} // namespace execg
