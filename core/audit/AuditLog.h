#pragma once
// The audit trail: every analysis appended to a local log — who, where, when, which file and model (SHA-256), which
// methods with their parameters and seeds, which software, and the hash of the results document — each entry chained
// to the one before by SHA-256, so that an edited, removed or reordered entry is found by verify(). SQLite, one
// transaction per entry (a killed process leaves no torn entry), and triggers that refuse UPDATE and DELETE.
// What it cannot see: the last entries removed together with nothing after them (no outside anchor holds the head).
#include "analysis/ResultsDocument.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace execg {

struct AuditError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct AuditEntry {
    std::int64_t seq = 0;             // 1, 2, 3, … in the order appended
    std::string timeUtc, user, host;  // filled in by append()
    std::string program;              // "execg-cli explain", "execg-cli report", "execg-studio"
    std::string input, inputSha256;   // the recording
    std::string model, modelSha256;
    std::string methods;              // JSON: [{"method", "parameters", "seed"}]
    std::string software;             // JSON: {"execg", "libtorch", "dcmtk"}
    std::string resultsSha256;        // of the results document as written
    std::string prevHash, hash;       // the chain
};

struct AuditProblem {
    std::int64_t seq = 0;
    std::string problem;              // in words: "edited: its contents do not match its hash"
};

// One analysis's recording in the trail: its entry, or why there is none ("switched off", the log's error). A
// report's appendix cites it.
struct AuditRecordResult {
    std::optional<AuditEntry> entry;
    std::string log;        // the log's path
    std::string missing;    // why there is no entry
};

// Which entries a reader wants: the viewer's and `execg-cli audit list`'s filter. Every field empty matches all.
struct AuditFilter {
    std::string caseText;     // in the input's path, or the start of its SHA-256 (case-insensitive)
    std::string model;        // in the model's path, or the start of its SHA-256 (case-insensitive)
    std::string fromDate;     // "YYYY-MM-DD", UTC, inclusive
    std::string toDate;       // "YYYY-MM-DD", UTC, inclusive
    bool matches(const AuditEntry& e) const;
};

// The hash an entry must carry: SHA-256 of its fields (time to prevHash; not seq, whose order the chain holds) in a
// fixed serialisation.
std::string auditEntryHash(const AuditEntry& e);

// An entry for a results document (input, model, methods with parameters and seeds, software); `resultsSha256` of
// the document's bytes as written.
AuditEntry auditEntryFor(const ResultsDocument& document, const std::string& program, const std::string& resultsSha256);

class AuditLog {
public:
    // $EXECG_AUDIT_LOG, else $XDG_DATA_HOME/execg-studio/audit.sqlite, else ~/.local/share/execg-studio/audit.sqlite.
    static std::string defaultPath();
    // Off when $EXECG_AUDIT is "off" (the command line's switch; the workstation has a setting).
    static bool enabledByEnvironment();

    explicit AuditLog(const std::string& path);   // created with its folder when absent; AuditError naming the file
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;
    ~AuditLog();

    // Appends `entry` (seq, time, user, host and the chain filled in) in one transaction; returns it as stored.
    AuditEntry append(AuditEntry entry);
    // The entry `program` already made for this results document (entry.resultsSha256), else append(entry) — in one
    // transaction, so two threads recording one analysis (the workstation settling, its report citing) make one entry.
    // A document carries its methods' runtimes, so two runs of one analysis are two documents and two entries.
    AuditEntry appendOnce(AuditEntry entry);
    std::vector<AuditEntry> entries() const;     // in seq order
    // Every break in the chain, in words; empty when the log is whole.
    std::vector<AuditProblem> verify() const;
    const std::string& path() const { return path_; }

private:
    AuditEntry appendEntry(AuditEntry entry, bool once);

    std::string path_;
    sqlite3* db_ = nullptr;
};

} // namespace execg
