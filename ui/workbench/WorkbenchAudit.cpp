#include "workbench/WorkbenchAudit.h"

#include "analysis/ResultsJson.h"
#include "audit/AuditLog.h"
#include "model/Sha256.h"
#include "workbench/Settings.h"
#include "workbench/Workbench.h"

#include <QFutureWatcher>
#include <QtConcurrent>

#include <variant>

namespace execg {

WorkbenchAudit::WorkbenchAudit(Workbench& workbench, QObject* parent) : QObject(parent), workbench_(workbench)
{
    connect(&workbench_, &Workbench::busyChanged, this, [this](bool busy) {
        if (!busy)
            settled();
    });
}

void WorkbenchAudit::settled()
{
    if (!Settings().value(setting::auditEnabled))
        return;
    const auto& entries = workbench_.explanations();
    if (entries.empty())
        return;
    for (const auto& e : entries)
        if (e.state == JobState::Queued || e.state == JobState::Running)
            return;
    const auto document = workbench_.resultsDocument();
    if (!document)
        return;
    // The document as `Export results` would write it: what its hash stands for.
    const std::string text = resultsText(*document);
    const std::string hash = sha256Hex(std::vector<std::uint8_t>(text.begin(), text.end()));
    if (QString::fromStdString(hash) == lastDocumentHash_)
        return;   // the same analysis settling again (a view refreshed): one entry
    lastDocumentHash_ = QString::fromStdString(hash);
    AuditEntry entry = auditEntryFor(*document, "execg-studio", hash);
    using Outcome = std::variant<AuditEntry, QString>;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        if (const auto* error = std::get_if<QString>(&outcome)) {
            lastError_ = *error;
            emit failed(*error);
        } else {
            emit recorded(std::get<AuditEntry>(outcome).seq);
        }
    });
    watcher->setFuture(QtConcurrent::run([entry]() -> Outcome {
        try {
            AuditLog log(AuditLog::defaultPath());
            return log.append(entry);
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
    }));
}

} // namespace execg
