#include "cohort/CohortStore.h"

#include "io/SqliteStatement.h"
#include "io/UtcTime.h"

#include <nlohmann/json.hpp>

#include <bit>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>

namespace execg {

static_assert(std::endian::native == std::endian::little, "the store's BLOBs are float32 little-endian, written as the host holds them");

namespace {

using json = nlohmann::json;

// The schema, version 1 (docs/cohort.md). Child tables are WITHOUT ROWID: their primary key is the row's only index.
const char* const kSchema = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE records(
  id INTEGER PRIMARY KEY,
  input TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  status TEXT NOT NULL CHECK(status IN ('analysed', 'failed')),
  error TEXT NOT NULL,
  labels TEXT NOT NULL,
  warnings TEXT NOT NULL,
  leads TEXT NOT NULL,
  sampling_rate_hz REAL NOT NULL,
  seconds REAL NOT NULL,
  windows INTEGER NOT NULL,
  beats INTEGER NOT NULL,
  predicted INTEGER NOT NULL,
  target INTEGER NOT NULL,
  ms REAL NOT NULL,
  finished_utc TEXT NOT NULL);
CREATE TABLE outputs(record_id INTEGER NOT NULL, idx INTEGER NOT NULL, label TEXT NOT NULL, unit TEXT NOT NULL,
  raw REAL, value REAL, probability INTEGER NOT NULL, PRIMARY KEY(record_id, idx)) WITHOUT ROWID;
CREATE TABLE measurements(record_id INTEGER NOT NULL, quantity TEXT NOT NULL, lead TEXT NOT NULL, unit TEXT NOT NULL,
  value REAL, PRIMARY KEY(record_id, quantity, lead)) WITHOUT ROWID;
CREATE TABLE median_beats(record_id INTEGER PRIMARY KEY, profile BLOB NOT NULL);
CREATE TABLE methods(record_id INTEGER NOT NULL, method TEXT NOT NULL, ord INTEGER NOT NULL, error TEXT NOT NULL,
  headline TEXT NOT NULL, ms REAL NOT NULL, scorecard TEXT NOT NULL, PRIMARY KEY(record_id, method)) WITHOUT ROWID;
CREATE TABLE evidence(record_id INTEGER NOT NULL, method TEXT NOT NULL, lead TEXT NOT NULL, wave TEXT NOT NULL,
  share REAL, PRIMARY KEY(record_id, method, lead, wave)) WITHOUT ROWID;
CREATE TABLE beat_profiles(record_id INTEGER NOT NULL, method TEXT NOT NULL, profile BLOB NOT NULL,
  PRIMARY KEY(record_id, method)) WITHOUT ROWID;
CREATE TABLE counterfactuals(record_id INTEGER NOT NULL, method TEXT NOT NULL, reached INTEGER NOT NULL, target REAL,
  initial REAL, final REAL, steps INTEGER NOT NULL, mean_abs_mv REAL, rms_mv REAL, PRIMARY KEY(record_id, method)) WITHOUT ROWID;
CREATE TABLE counterfactual_deltas(record_id INTEGER NOT NULL, method TEXT NOT NULL, quantity TEXT NOT NULL,
  lead TEXT NOT NULL, unit TEXT NOT NULL, before REAL, after REAL, delta REAL,
  PRIMARY KEY(record_id, method, quantity, lead)) WITHOUT ROWID;
CREATE TABLE counterfactual_changes(record_id INTEGER NOT NULL, method TEXT NOT NULL, ord INTEGER NOT NULL,
  quantity TEXT NOT NULL, leads TEXT NOT NULL, unit TEXT NOT NULL, change REAL, text TEXT NOT NULL,
  PRIMARY KEY(record_id, method, ord)) WITHOUT ROWID;
CREATE TABLE maps(record_id INTEGER NOT NULL, method TEXT NOT NULL, leads INTEGER NOT NULL, samples INTEGER NOT NULL,
  data BLOB NOT NULL, PRIMARY KEY(record_id, method)) WITHOUT ROWID;
)SQL";

// One prepared statement: bind by position (from 1), step, read columns (from 0).
using Statement = SqliteStatement<CohortStoreError>;

std::vector<float> flatten(const std::vector<std::vector<float>>& perLead)
{
    std::vector<float> flat;
    for (const auto& lead : perLead)
        flat.insert(flat.end(), lead.begin(), lead.end());
    return flat;
}

std::vector<std::vector<float>> unflatten(const std::vector<float>& flat)
{
    std::vector<std::vector<float>> out;
    for (std::size_t at = 0; at + BeatAxis::points <= flat.size(); at += BeatAxis::points)
        out.emplace_back(flat.begin() + std::ptrdiff_t(at), flat.begin() + std::ptrdiff_t(at + BeatAxis::points));
    return out;
}


sqlite3* openDatabase(const std::string& path, bool create)
{
    return openSqliteDatabase<CohortStoreError>(path, create, "the store");
}

} // namespace

std::string CohortIdentity::mismatch(const CohortIdentity& o) const
{
    if (schemaVersion != o.schemaVersion)
        return "schema version " + std::to_string(o.schemaVersion) + ", not " + std::to_string(schemaVersion);
    if (modelSha256 != o.modelSha256)
        return "another model (SHA-256 " + o.modelSha256.substr(0, 12) + "…, not " + modelSha256.substr(0, 12) + "…)";
    if (methods != o.methods) {
        std::string a, b;
        for (const auto& m : methods)
            a += (a.empty() ? "" : ", ") + m;
        for (const auto& m : o.methods)
            b += (b.empty() ? "" : ", ") + m;
        return "other methods (" + (b.empty() ? std::string("none") : b) + ", not " + (a.empty() ? std::string("none") : a) + ")";
    }
    if (counterfactualTarget != o.counterfactualTarget)
        return "another counterfactual target ('" + o.counterfactualTarget + "', not '" + counterfactualTarget + "')";
    return {};
}

CohortStore::CohortStore(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

CohortStore::CohortStore(CohortStore&& o) noexcept : path_(std::move(o.path_)), db_(o.db_), identity_(std::move(o.identity_))
{
    o.db_ = nullptr;
}

CohortStore& CohortStore::operator=(CohortStore&& o) noexcept
{
    if (this != &o) {
        sqlite3_close(db_);
        path_ = std::move(o.path_);
        db_ = o.db_;
        identity_ = std::move(o.identity_);
        o.db_ = nullptr;
    }
    return *this;
}

CohortStore::~CohortStore() { sqlite3_close(db_); }

void CohortStore::exec(const std::string& sql) const
{
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string why = message ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        throw CohortStoreError(path_ + ": " + why);
    }
}

CohortIdentity CohortStore::readIdentity() const
{
    std::map<std::string, std::string> meta;
    try {
        Statement s(db_, "SELECT key, value FROM meta", path_);
        while (s.step())
            meta[s.text(0)] = s.text(1);
    } catch (const CohortStoreError&) {
        throw CohortStoreError(path_ + ": not a cohort store (no meta table)");
    }
    if (meta["format"] != "execg-cohort")
        throw CohortStoreError(path_ + ": not a cohort store");
    CohortIdentity id;
    try {
        id.schemaVersion = std::stoi(meta["schema_version"]);
        id.modelSha256 = meta["model_sha256"];
        id.modelName = meta["model_name"];
        id.modelFile = meta["model_file"];
        id.methods = json::parse(meta["methods"]).get<std::vector<std::string>>();
        id.counterfactualTarget = meta["counterfactual_target"];
        id.labelColumns = json::parse(meta["label_columns"]).get<std::vector<std::string>>();
        id.software = meta["software"];
    } catch (const std::exception& e) {
        throw CohortStoreError(path_ + ": the store's meta table is damaged (" + e.what() + ")");
    }
    if (id.schemaVersion != kCohortSchemaVersion)
        throw CohortStoreError(path_ + ": a cohort store of schema version " + std::to_string(id.schemaVersion) +
                               "; this version of ExECG reads version " + std::to_string(kCohortSchemaVersion));
    return id;
}

CohortStore CohortStore::openForRun(const std::string& path, const CohortIdentity& identity)
{
    CohortStore store(path, openDatabase(path, true));
    // WAL: a reader (a report on a store still being filled) never blocks the run; full sync: a committed record
    // survives a power cut.
    store.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=OFF;");
    bool empty = true;
    {
        Statement s(store.db_, "SELECT count(*) FROM sqlite_master", path);
        empty = s.step() && s.integer(0) == 0;
    }
    if (!empty) {
        store.identity_ = store.readIdentity();
        if (const auto why = store.identity_.mismatch(identity); !why.empty())
            throw CohortStoreError(path + ": the store was made by another analysis: this run has " + why +
                                   "; use another store, or the store's model and methods");
        return store;
    }
    store.exec("BEGIN IMMEDIATE");
    try {
        store.exec(kSchema);
        Statement s(store.db_, "INSERT INTO meta(key, value) VALUES (?, ?)", path);
        const std::pair<const char*, std::string> meta[] = {
            {"format", "execg-cohort"},
            {"schema_version", std::to_string(identity.schemaVersion)},
            {"model_sha256", identity.modelSha256},
            {"model_name", identity.modelName},
            {"model_file", identity.modelFile},
            {"methods", json(identity.methods).dump()},
            {"counterfactual_target", identity.counterfactualTarget},
            {"label_columns", json(identity.labelColumns).dump()},
            {"software", identity.software},
            {"beat_axis", "ms from the QRS fiducial: -300 to +500 in steps of 5 (161 points)"},
            {"created_utc", utcTimestamp()}};
        for (const auto& [k, v] : meta)
            s.bind(1, std::string(k)).bind(2, v).run();
        store.exec("COMMIT");
    } catch (...) {
        sqlite3_exec(store.db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    store.identity_ = identity;
    return store;
}

CohortStore CohortStore::openToRead(const std::string& path)
{
    if (!std::filesystem::is_regular_file(path))
        throw CohortStoreError(path + ": no such cohort store");
    CohortStore store(path, openDatabase(path, false));
    store.identity_ = store.readIdentity();
    return store;
}

CohortCounts CohortStore::counts() const
{
    Statement s(db_, "SELECT count(*), coalesce(sum(status = 'analysed'), 0), coalesce(sum(status = 'failed'), 0) FROM records", path_);
    s.step();
    return {s.integer(0), s.integer(1), s.integer(2)};
}

std::set<std::string> CohortStore::settledInputs() const
{
    std::set<std::string> inputs;
    Statement s(db_, "SELECT input FROM records", path_);
    while (s.step())
        inputs.insert(s.text(0));
    return inputs;
}

void CohortStore::add(const CohortRecord& r)
{
    exec("BEGIN IMMEDIATE");
    try {
        insert(r);
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void CohortStore::insert(const CohortRecord& r)
{
    {
        Statement s(db_, R"SQL(INSERT INTO records(input, sha256, status, error, labels, warnings, leads, sampling_rate_hz,
            seconds, windows, beats, predicted, target, ms, finished_utc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))SQL", path_);
        s.bind(1, r.input).bind(2, r.sha256).bind(3, std::string(r.error.empty() ? "analysed" : "failed")).bind(4, r.error);
        s.bind(5, json(r.labels).dump()).bind(6, json(r.warnings).dump()).bind(7, json(r.leads).dump());
        s.bind(8, r.samplingRateHz).bind(9, r.seconds).bind(10, r.windows).bind(11, r.beats).bind(12, r.predicted);
        s.bind(13, r.target).bind(14, r.ms).bind(15, utcTimestamp());
        try {
            s.step();
        } catch (const CohortStoreError&) {
            if (sqlite3_extended_errcode(db_) == SQLITE_CONSTRAINT_UNIQUE)
                throw CohortStoreError(path_ + ": " + r.input + " is already in the store");
            throw;
        }
        const int id = int(sqlite3_last_insert_rowid(db_));
        {
            Statement o(db_, "INSERT INTO outputs VALUES (?,?,?,?,?,?,?)", path_);
            for (std::size_t k = 0; k < r.outputs.size(); ++k)
                o.bind(1, id).bind(2, int(k)).bind(3, r.outputs[k].label).bind(4, r.outputs[k].unit).bind(5, double(r.outputs[k].raw))
                    .bind(6, r.outputs[k].value).bind(7, r.outputs[k].probability ? 1 : 0).run();
        }
        {
            Statement m(db_, "INSERT INTO measurements VALUES (?,?,?,?,?)", path_);
            for (const auto& q : r.measurements)
                m.bind(1, id).bind(2, q.quantity).bind(3, q.lead).bind(4, q.unit).bind(5, q.value).run();
        }
        if (!r.medianBeat.empty())
            Statement(db_, "INSERT INTO median_beats VALUES (?,?)", path_).bind(1, id).bindFloats(2, flatten(r.medianBeat)).run();
        Statement method(db_, "INSERT INTO methods VALUES (?,?,?,?,?,?,?)", path_);
        Statement share(db_, "INSERT INTO evidence VALUES (?,?,?,?,?)", path_);
        Statement profile(db_, "INSERT INTO beat_profiles VALUES (?,?,?)", path_);
        Statement cf(db_, "INSERT INTO counterfactuals VALUES (?,?,?,?,?,?,?,?,?)", path_);
        Statement delta(db_, "INSERT INTO counterfactual_deltas VALUES (?,?,?,?,?,?,?,?)", path_);
        Statement change(db_, "INSERT INTO counterfactual_changes VALUES (?,?,?,?,?,?,?,?)", path_);
        Statement map(db_, "INSERT INTO maps VALUES (?,?,?,?,?)", path_);
        for (std::size_t k = 0; k < r.methods.size(); ++k) {
            const CohortMethod& m = r.methods[k];
            method.bind(1, id).bind(2, m.method).bind(3, int(k)).bind(4, m.error).bind(5, m.headline).bind(6, m.ms)
                .bind(7, m.scorecardJson).run();
            for (const auto& sh : m.shares)
                share.bind(1, id).bind(2, m.method).bind(3, sh.lead).bind(4, sh.wave).bind(5, sh.share).run();
            if (!m.beatProfile.empty())
                profile.bind(1, id).bind(2, m.method).bindFloats(3, flatten(m.beatProfile)).run();
            if (m.counterfactual) {
                const auto& c = *m.counterfactual;
                cf.bind(1, id).bind(2, m.method).bind(3, c.reached ? 1 : 0).bind(4, c.target).bind(5, c.initialValue)
                    .bind(6, c.finalValue).bind(7, c.steps).bind(8, c.meanAbsMv).bind(9, c.rmsMv).run();
                for (const auto& d : c.deltas)
                    delta.bind(1, id).bind(2, m.method).bind(3, d.quantity).bind(4, d.lead).bind(5, d.unit).bind(6, d.before)
                        .bind(7, d.after).bind(8, d.delta).run();
                for (std::size_t p = 0; p < c.parameterChanges.size(); ++p) {
                    const auto& pc = c.parameterChanges[p];
                    change.bind(1, id).bind(2, m.method).bind(3, int(p)).bind(4, pc.quantity).bind(5, pc.leads).bind(6, pc.unit)
                        .bind(7, pc.change).bind(8, pc.text).run();
                }
            }
            if (!m.map.empty())
                map.bind(1, id).bind(2, m.method).bind(3, m.mapLeads).bind(4, m.mapSamples).bindFloats(5, m.map).run();
        }
    }
}

void CohortStore::forEachRecord(const std::function<void(const CohortRecord&)>& visit, CohortRead parts) const
{
    // One read transaction: a run adding records meanwhile (WAL) changes nothing this pass sees.
    exec("BEGIN");
    try {
        Statement rec(db_, R"SQL(SELECT id, input, sha256, error, labels, warnings, leads, sampling_rate_hz, seconds, windows,
            beats, predicted, target, ms FROM records ORDER BY input)SQL", path_);
        Statement outputs(db_, "SELECT label, unit, raw, value, probability FROM outputs WHERE record_id = ? ORDER BY idx", path_);
        Statement measurements(db_, "SELECT quantity, lead, unit, value FROM measurements WHERE record_id = ?", path_);
        Statement median(db_, "SELECT profile FROM median_beats WHERE record_id = ?", path_);
        Statement methods(db_, "SELECT method, error, headline, ms, scorecard FROM methods WHERE record_id = ? ORDER BY ord", path_);
        Statement shares(db_, "SELECT lead, wave, share FROM evidence WHERE record_id = ? AND method = ?", path_);
        Statement profile(db_, "SELECT profile FROM beat_profiles WHERE record_id = ? AND method = ?", path_);
        Statement cf(db_, "SELECT reached, target, initial, final, steps, mean_abs_mv, rms_mv FROM counterfactuals "
                          "WHERE record_id = ? AND method = ?", path_);
        Statement deltas(db_, "SELECT quantity, lead, unit, before, after, delta FROM counterfactual_deltas "
                              "WHERE record_id = ? AND method = ?", path_);
        Statement changes(db_, "SELECT quantity, leads, unit, change, text FROM counterfactual_changes "
                               "WHERE record_id = ? AND method = ? ORDER BY ord", path_);
        Statement map(db_, "SELECT leads, samples, data FROM maps WHERE record_id = ? AND method = ?", path_);
        // Reads a statement's rows for (record, method) and resets it for the next.
        const auto each = [](Statement& s, const std::function<void(Statement&)>& row) {
            while (s.step())
                row(s);
            s.reset();
        };
        while (rec.step()) {
            CohortRecord r;
            const int id = rec.integer(0);
            r.input = rec.text(1);
            r.sha256 = rec.text(2);
            r.error = rec.text(3);
            r.labels = json::parse(rec.text(4)).get<std::map<std::string, std::string>>();
            r.warnings = json::parse(rec.text(5)).get<std::vector<std::string>>();
            r.leads = json::parse(rec.text(6)).get<std::vector<std::string>>();
            r.samplingRateHz = rec.real(7);
            r.seconds = rec.real(8);
            r.windows = rec.integer(9);
            r.beats = rec.integer(10);
            r.predicted = rec.integer(11);
            r.target = rec.integer(12);
            r.ms = rec.real(13);
            outputs.bind(1, id);
            each(outputs, [&](Statement& s) {
                r.outputs.push_back({s.text(0), s.text(1), float(s.real(2)), s.real(3), s.integer(4) != 0});
            });
            if (parts == CohortRead::Outputs) {
                visit(r);
                continue;
            }
            measurements.bind(1, id);
            each(measurements, [&](Statement& s) { r.measurements.push_back({s.text(0), s.text(1), s.text(2), s.real(3)}); });
            median.bind(1, id);
            each(median, [&](Statement& s) { r.medianBeat = unflatten(s.floats(0)); });
            methods.bind(1, id);
            each(methods, [&](Statement& s) {
                CohortMethod m;
                m.method = s.text(0);
                m.error = s.text(1);
                m.headline = s.text(2);
                m.ms = s.real(3);
                m.scorecardJson = s.text(4);
                r.methods.push_back(std::move(m));
            });
            for (auto& m : r.methods) {
                shares.bind(1, id).bind(2, m.method);
                each(shares, [&](Statement& s) { m.shares.push_back({s.text(0), s.text(1), s.real(2)}); });
                profile.bind(1, id).bind(2, m.method);
                each(profile, [&](Statement& s) { m.beatProfile = unflatten(s.floats(0)); });
                cf.bind(1, id).bind(2, m.method);
                each(cf, [&](Statement& s) {
                    m.counterfactual = CohortCounterfactual{s.integer(0) != 0, s.real(1), s.real(2), s.real(3), s.integer(4),
                                                            s.real(5), s.real(6), {}, {}};
                });
                if (m.counterfactual) {
                    deltas.bind(1, id).bind(2, m.method);
                    each(deltas, [&](Statement& s) {
                        m.counterfactual->deltas.push_back({s.text(0), s.text(1), s.text(2), s.real(3), s.real(4), s.real(5)});
                    });
                    changes.bind(1, id).bind(2, m.method);
                    each(changes, [&](Statement& s) {
                        m.counterfactual->parameterChanges.push_back({s.text(0), s.text(1), s.real(3), s.text(2), s.text(4)});
                    });
                }
                if (parts == CohortRead::WithMaps) {
                    map.bind(1, id).bind(2, m.method);
                    each(map, [&](Statement& s) {
                        m.mapLeads = s.integer(0);
                        m.mapSamples = s.integer(1);
                        m.map = s.floats(2);
                    });
                }
            }
            visit(r);
        }
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    exec("COMMIT");
}

std::pair<int, int> CohortStore::merge(const std::vector<std::string>& sources)
{
    std::vector<CohortStore> opened;
    for (const auto& source : sources) {
        if (std::filesystem::exists(source) && std::filesystem::exists(path_) &&
            std::filesystem::equivalent(source, path_))
            throw CohortStoreError(source + ": is the store being merged into");
        opened.push_back(openToRead(source));
        if (const auto why = identity_.mismatch(opened.back().identity()); !why.empty())
            throw CohortStoreError(source + ": cannot be merged into " + path_ + ": it has " + why);
    }
    int copied = 0, present = 0;
    for (const auto& source : opened) {
        auto settled = settledInputs();
        exec("BEGIN IMMEDIATE");
        try {
            source.forEachRecord([&](const CohortRecord& r) {
                if (!settled.insert(r.input).second) {
                    ++present;
                    return;
                }
                insert(r);
                ++copied;
            }, CohortRead::WithMaps);
            exec("COMMIT");
        } catch (...) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
    return {copied, present};
}

} // namespace execg
