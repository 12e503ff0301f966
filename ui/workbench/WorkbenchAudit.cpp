#include "workbench/WorkbenchAudit.h"

#include "analysis/ResultsJson.h"
#include "audit/AuditLog.h"
#include "model/Sha256.h"
#include "workbench/Settings.h"
#include "workbench/Workbench.h"

#include <QFutureWatcher>
#include <QtConcurrent>


namespace execg {

WorkbenchAudit::WorkbenchAudit(Workbench& workbench, QObject* parent) : QObject(parent), workbench_(workbench)
{
    connect(&workbench_, &Workbench::busyChanged, this, [this](bool busy) {
        if (!busy)
            settled();
    });
}

std::optional<AuditEntry> settledAnalysisEntry(const Workbench& workbench)
{
    const auto& entries = workbench.explanations();
    if (entries.empty())
        return std::nullopt;
    for (const auto& e : entries)
        if (e.state == JobState::Queued || e.state == JobState::Running)
            return std::nullopt;
    const auto document = workbench.resultsDocument();
    if (!document)
        return std::nullopt;
    // The document as `Export results` would write it: what its hash stands for.
    const std::string text = resultsText(*document);
    return auditEntryFor(*document, "execg-studio", sha256Hex(std::vector<std::uint8_t>(text.begin(), text.end())));
}

AuditRecordResult recordWorkstationAnalysis(const AuditEntry& entry)
{
    AuditRecordResult result;
    result.log = AuditLog::defaultPath();
    try {
        AuditLog log(result.log);
        result.entry = log.appendOnce(entry);
    } catch (const std::exception& e) {
        result.missing = e.what();
    }
    return result;
}

void WorkbenchAudit::settled()
{
    if (!Settings().value(setting::auditEnabled))
        return;
    const auto entry = settledAnalysisEntry(workbench_);
    if (!entry)
        return;
    const QString hash = QString::fromStdString(entry->resultsSha256);
    if (hash == lastDocumentHash_)
        return;   // the same analysis settling again (a view refreshed): one entry
    lastDocumentHash_ = hash;
    auto* watcher = new QFutureWatcher<AuditRecordResult>(this);
    connect(watcher, &QFutureWatcher<AuditRecordResult>::finished, this, [this, watcher] {
        const AuditRecordResult outcome = watcher->result();
        watcher->deleteLater();
        if (!outcome.entry) {
            lastError_ = QString::fromStdString(outcome.missing);
            emit failed(lastError_);
        } else {
            emit recorded(outcome.entry->seq);
        }
    });
    watcher->setFuture(QtConcurrent::run([e = *entry] { return recordWorkstationAnalysis(e); }));
}

} // namespace execg
