#pragma once
// A cohort's results store: one SQLite file (WAL journal, full sync) holding what a run settled about each record,
// one transaction per record — so a run killed at any moment (kill -9, a power cut) leaves every finished record
// whole and no half of one, and the next run takes up the rest. The store names what produced it (model SHA-256,
// methods, counterfactual target, schema version): a run or a merge with anything else is refused. Schema:
// docs/cohort.md.
#include "cohort/CohortRecord.h"

#include <functional>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace execg {

inline constexpr int kCohortSchemaVersion = 1;

struct CohortStoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// What produced a store; two stores may be merged only when these agree.
struct CohortIdentity {
    int schemaVersion = kCohortSchemaVersion;
    std::string modelSha256, modelName, modelFile;
    std::vector<std::string> methods;   // as chosen, in order ("saliency", "occlusion:window-ms=80")
    std::string counterfactualTarget;   // "" without one; else the value as given
    std::vector<std::string> labelColumns;   // the manifest's (informative; not compared)
    std::string software;                    // execg version (informative)

    // Why `other` cannot share a store with this one; empty when it can.
    std::string mismatch(const CohortIdentity& other) const;
};

struct CohortCounts {
    int records = 0, analysed = 0, failed = 0;
};

// How much of each record forEachRecord reads: the record's own row and its outputs (what groups it), everything
// but the full maps, or everything.
enum class CohortRead { Outputs, Full, WithMaps };

class CohortStore {
public:
    // Creates the store with `identity`, or opens an existing one made with the same identity (CohortStoreError
    // naming the file and the difference otherwise).
    static CohortStore openForRun(const std::string& path, const CohortIdentity& identity);
    // An existing store, to read (CohortStoreError when absent, not a store, or of another schema).
    static CohortStore openToRead(const std::string& path);

    CohortStore(CohortStore&&) noexcept;
    CohortStore& operator=(CohortStore&&) noexcept;
    ~CohortStore();

    const std::string& path() const { return path_; }
    const CohortIdentity& identity() const { return identity_; }
    CohortCounts counts() const;
    // The inputs already settled (analysed or failed): a resumed run skips them.
    std::set<std::string> settledInputs() const;

    // The record, whole, in one transaction; CohortStoreError when its input is already in the store.
    void add(const CohortRecord& record);

    // Every record in input order (full maps only when asked: they are large).
    void forEachRecord(const std::function<void(const CohortRecord&)>& visit, CohortRead parts = CohortRead::Full) const;

    // Joins `sources` into this store: each record not yet here is copied whole (one transaction per source);
    // a record already here is left as it is and counted. CohortStoreError, before anything is copied, when a
    // source's identity differs. Returns {copied, already present}.
    std::pair<int, int> merge(const std::vector<std::string>& sources);

private:
    CohortStore(std::string path, sqlite3* db);
    void exec(const std::string& sql) const;
    void insert(const CohortRecord& record);   // inside the caller's transaction
    CohortIdentity readIdentity() const;

    std::string path_;
    sqlite3* db_ = nullptr;
    CohortIdentity identity_;
};

} // namespace execg
