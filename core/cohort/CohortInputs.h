#pragma once
// What a cohort is made of: recordings named on the command line (files, folders searched for every format a
// reader knows) or in a manifest — a CSV or TSV table with a path column and any label columns (a PTB-XL-style
// `filename_hr`, a CinC-2021-style `path`), the labels kept with each record for stratified reports. And the
// deterministic split of a cohort into shards, one per task of a cluster job array.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace execg {

struct CohortInputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct CohortInput {
    std::string path;                            // the file to read (as given, or resolved against the manifest)
    std::map<std::string, std::string> labels;   // the manifest's other columns for this row
};

struct CohortInputs {
    std::vector<CohortInput> inputs;             // in a stable order: sorted by path, duplicates dropped
    std::vector<std::string> labelColumns;       // the manifest's label columns, in its order
};

// Every file a reader knows under `folder` (recursively, sorted), or `given` itself when it is a file. A list
// file (`@list.txt`: one path per line, relative to the list's folder) is expanded too. A path that does not exist
// is a CohortInputError (a typo, not a record; a manifest's missing file is a record that fails).
std::vector<std::string> recordingFilesIn(const std::vector<std::string>& given);

// A CSV (comma) or TSV (tab, chosen when the header line has a tab) table with a header row; quoted fields may hold
// the separator, quotes ("") and line breaks. The path column is `pathColumn` when given, else the first of path,
// file, filename, filename_hr, filename_lr, record, recording present, else the first column. Relative paths are
// taken from the manifest's folder; a path without an extension that names no file gets ".hea" (WFDB record names,
// as PTB-XL lists them). CohortInputError naming the file, the line and the problem.
CohortInputs readManifest(const std::string& manifestPath, const std::string& pathColumn = {});

// Manifest rows and files given, together; sorted by path, each path once (the manifest's labels win).
CohortInputs collectCohortInputs(const std::string& manifestPath, const std::vector<std::string>& given,
                                 const std::string& pathColumn = {});

// "K/N": task K of N (1 ≤ K ≤ N), as `--shard` reads it; CohortInputError otherwise.
struct Shard {
    int index = 1, count = 1;
};
Shard parseShard(const std::string& text);

// The inputs of one shard: every N-th input of the sorted list starting at the K-th. The N shards of one cohort
// partition it exactly, whatever machine computes them.
std::vector<CohortInput> shardOf(const std::vector<CohortInput>& inputs, const Shard& shard);

} // namespace execg
