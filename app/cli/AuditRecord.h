#pragma once
// Appends an analysis to the audit log (its results document as written at `resultsPath`; empty: as
// resultsText() would write it) (unless EXECG_AUDIT=off); a log that cannot be written is a warning on stderr,
// not a failed analysis.
#include "analysis/ResultsDocument.h"
#include "audit/AuditLog.h"

#include <string>

namespace execg::cli {

AuditRecordResult recordAudit(const ResultsDocument& document, const std::string& program, const std::string& resultsPath);

} // namespace execg::cli
