#include "audit/AuditLog.h"

#include "io/SqliteStatement.h"
#include "io/UtcTime.h"
#include "model/Sha256.h"

#include <nlohmann/json.hpp>

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace execg {

namespace {

const char* const kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS entries(
  seq INTEGER PRIMARY KEY, time_utc TEXT NOT NULL, user TEXT NOT NULL, host TEXT NOT NULL, program TEXT NOT NULL,
  input TEXT NOT NULL, input_sha256 TEXT NOT NULL, model TEXT NOT NULL, model_sha256 TEXT NOT NULL,
  methods TEXT NOT NULL, software TEXT NOT NULL, results_sha256 TEXT NOT NULL, prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entries_by_results ON entries(results_sha256);
CREATE TRIGGER IF NOT EXISTS entries_no_update BEFORE UPDATE ON entries
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS entries_no_delete BEFORE DELETE ON entries
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)SQL";

const char* const kColumns =
    "seq, time_utc, user, host, program, input, input_sha256, model, model_sha256, methods, software, results_sha256, prev_hash, hash";

using Statement = SqliteStatement<AuditError>;


std::string userName()
{
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name && *pw->pw_name)
        return pw->pw_name;
    for (const char* v : {"USER", "LOGNAME"})
        if (const char* u = std::getenv(v); u && *u)
            return u;
    return "uid " + std::to_string(getuid());
}

std::string hostName()
{
    char buffer[256] = {};
    return gethostname(buffer, sizeof buffer - 1) == 0 ? std::string(buffer) : std::string("unknown");
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// `needle` within `path`, or the start of `sha256`; an empty needle matches.
bool mentions(const std::string& path, const std::string& sha256, const std::string& needle)
{
    if (needle.empty())
        return true;
    const std::string n = lower(needle);
    return lower(path).find(n) != std::string::npos || lower(sha256).rfind(n, 0) == 0;
}

AuditEntry entryFromRow(const Statement& s)
{
    AuditEntry e;
    e.seq = s.integer64(0);
    std::string* fields[] = {&e.timeUtc, &e.user,    &e.host,     &e.program,       &e.input,    &e.inputSha256, &e.model,
                             &e.modelSha256, &e.methods, &e.software, &e.resultsSha256, &e.prevHash, &e.hash};
    for (int k = 0; k < 13; ++k)
        *fields[k] = s.text(k + 1);
    return e;
}

} // namespace

bool AuditFilter::matches(const AuditEntry& e) const
{
    // ISO 8601 dates compare as text; the entry's date is the first ten characters of its UTC time.
    const std::string date = e.timeUtc.substr(0, 10);
    return mentions(e.input, e.inputSha256, caseText) && mentions(e.model, e.modelSha256, model) &&
           (fromDate.empty() || date >= fromDate) && (toDate.empty() || date <= toDate);
}

std::string auditEntryHash(const AuditEntry& e)
{
    // Not the seq: the order lies in the chain (prevHash), so that moving an entry reads as moved, not as edited.
    const nlohmann::json fields = {e.timeUtc, e.user,    e.host,     e.program,       e.input,   e.inputSha256,
                                   e.model,   e.modelSha256, e.methods, e.software, e.resultsSha256, e.prevHash};
    const std::string bytes = fields.dump();
    return sha256Hex(std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
}

AuditEntry auditEntryFor(const ResultsDocument& d, const std::string& program, const std::string& resultsSha256)
{
    AuditEntry e;
    e.program = program;
    e.input = d.recording.file;
    e.inputSha256 = d.recording.sha256;
    e.model = d.model.file;
    e.modelSha256 = d.model.sha256;
    auto methods = nlohmann::json::array();
    for (const auto& m : d.methods) {
        nlohmann::json j{{"method", m.method}};
        if (m.explanation) {
            j["parameters"] = m.explanation->parameters;
            if (m.stochastic)
                j["seed"] = m.explanation->seed;
        } else if (m.counterfactual) {
            j["parameters"] = m.counterfactual->parameters;
            j["seed"] = m.counterfactual->seed;
        }
        if (!m.error.empty())
            j["error"] = m.error;
        methods.push_back(j);
    }
    e.methods = methods.dump();
    e.software = nlohmann::json(d.software).dump();
    e.resultsSha256 = resultsSha256;
    return e;
}

std::string AuditLog::defaultPath()
{
    if (const char* p = std::getenv("EXECG_AUDIT_LOG"); p && *p)
        return p;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x)
        return std::string(x) + "/execg-studio/audit.sqlite";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.local/share/execg-studio/audit.sqlite";
}

bool AuditLog::enabledByEnvironment()
{
    const char* v = std::getenv("EXECG_AUDIT");
    return !(v && std::string(v) == "off");
}

AuditLog::AuditLog(const std::string& path) : path_(path)
{
    std::error_code ec;
    if (const auto folder = std::filesystem::path(path).parent_path(); !folder.empty())
        std::filesystem::create_directories(folder, ec);
    db_ = openSqliteDatabase<AuditError>(path, true, "the audit log");   // several programs append to one log
    char* message = nullptr;
    const std::string setup = std::string("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;") + kSchema;
    if (sqlite3_exec(db_, setup.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string why = message ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        sqlite3_close(db_);
        db_ = nullptr;
        throw AuditError(path + ": not an audit log, or it cannot be written: " + why);
    }
}

AuditLog::~AuditLog() { sqlite3_close(db_); }

AuditEntry AuditLog::append(AuditEntry e) { return appendEntry(std::move(e), false); }

AuditEntry AuditLog::appendOnce(AuditEntry e) { return appendEntry(std::move(e), true); }

AuditEntry AuditLog::appendEntry(AuditEntry e, bool once)
{
    // IMMEDIATE: the chain's last hash is read and the new entry written with no other writer between.
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        throw AuditError(path_ + ": cannot append: " + sqlite3_errmsg(db_));
    try {
        if (once) {
            Statement same(db_, std::string("SELECT ") + kColumns + " FROM entries WHERE results_sha256 = ? AND program = ? ORDER BY seq DESC LIMIT 1",
                           path_);
            same.bind(1, e.resultsSha256).bind(2, e.program);
            if (same.step()) {
                AuditEntry found = entryFromRow(same);
                same.reset();   // no statement left open across the COMMIT
                sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
                return found;
            }
        }
        Statement last(db_, "SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1", path_);
        e.seq = 1;
        e.prevHash = std::string(64, '0');
        if (last.step()) {
            e.seq = last.integer64(0) + 1;
            e.prevHash = last.text(1);
        }
        last.reset();
        e.timeUtc = utcTimestamp();
        e.user = userName();
        e.host = hostName();
        e.hash = auditEntryHash(e);
        Statement insert(db_, std::string("INSERT INTO entries(") + kColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", path_);
        insert.bind(1, e.seq);
        const std::string* values[] = {&e.timeUtc, &e.user,     &e.host,     &e.program,       &e.input,    &e.inputSha256,
                                       &e.model,   &e.modelSha256, &e.methods, &e.software, &e.resultsSha256, &e.prevHash, &e.hash};
        for (int k = 0; k < 13; ++k)
            insert.bind(k + 2, *values[k]);
        insert.step();
        if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
            throw AuditError(path_ + ": cannot append: " + sqlite3_errmsg(db_));
    } catch (const AuditError&) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    return e;
}

std::vector<AuditEntry> AuditLog::entries() const
{
    std::vector<AuditEntry> out;
    Statement s(db_, std::string("SELECT ") + kColumns + " FROM entries ORDER BY seq", path_);
    while (s.step())
        out.push_back(entryFromRow(s));
    return out;
}

std::vector<AuditProblem> AuditLog::verify() const
{
    std::vector<AuditProblem> problems;
    const auto all = entries();
    std::string previousHash(64, '0');
    std::int64_t expected = 1;
    for (const auto& e : all) {
        if (e.seq > expected)
            problems.push_back({e.seq, "removed: entr" + std::string(e.seq - expected > 1 ? "ies " : "y ") + std::to_string(expected) +
                                           (e.seq - expected > 1 ? "–" + std::to_string(e.seq - 1) : "") + " before it " +
                                           (e.seq - expected > 1 ? "are" : "is") + " missing"});
        if (auditEntryHash(e) != e.hash)
            problems.push_back({e.seq, "edited: its contents do not match its hash"});
        else if (e.prevHash != previousHash && e.seq == expected)
            problems.push_back({e.seq, "out of place: it does not follow the entry before it (reordered or replaced)"});
        previousHash = e.hash;
        expected = e.seq + 1;
    }
    return problems;
}

} // namespace execg
