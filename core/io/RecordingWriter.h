#pragma once
#include "io/WriteError.h"
#include "recording/Recording.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace execg {

// A choice one format offers, given by name in WriteOptions::formatOptions: SCP-ECG's "compression".
struct WriterOption {
    std::string name;
    std::vector<std::string> values;   // every value it accepts, its default first
};

// No time window: ReadOptions' window already reads only that span from disk (convert --from/--to), and what is made
// here (synthetic records, counterfactuals) is written whole.
struct WriteOptions {
    int groupIndex = -1;   // the signal group to write; -1: the recording's primary group
    // Choices of one format by name, e.g. {"compression", "none"} for SCP-ECG. A writer refuses a name it does not
    // offer and a value it does not accept, so a choice meant for another format is never silently dropped.
    std::map<std::string, std::string> formatOptions;
};

struct WriteResult {
    std::vector<std::string> files;      // every file written, the one named first (WFDB: .hea, then .dat)
    std::vector<std::string> warnings;   // what the format could not hold: leads left out, samples clipped or rounded
    std::optional<bool> exact;           // every sample reads back as the same float; empty where the writer cannot tell
    double stepMicrovolts = 0.0;         // the coarsest amplitude step of the written voltage leads: a sample reads
                                         // back within half of it (and float rounding)
};

// A writer turns a Recording into one file format: the counterpart of RecordingReader. Writers are stateless and
// thread-safe. Each wraps its format's own function (writeWfdbRecord, …), which stays for callers that need that
// format's every option and detail of its result.
class RecordingWriter {
public:
    virtual ~RecordingWriter() = default;
    virtual std::string name() const = 0;                        // "WFDB"
    virtual std::vector<std::string> extensions() const = 0;     // lower case, with dot: {".hea"}
    virtual std::vector<WriterOption> options() const { return {}; }
    bool offers(const std::string& option) const;              // options() has one of this name
    // Whether a path without an extension names this format's output (a WFDB record name).
    virtual bool acceptsBarePath() const { return false; }
    // The files write() writes for `path`, the one named first: what a caller checks before replacing anything.
    virtual std::vector<std::string> outputFiles(const std::string& path) const { return {path}; }

    // Checks options.formatOptions against options(), then writes; throws WriteError naming the file and the problem.
    WriteResult write(const Recording& recording, const std::string& path, const WriteOptions& options = {}) const;

protected:
    // The named choice's value: as given, else its default. `name` must be one of options().
    std::string option(const WriteOptions& options, const std::string& name) const;

private:
    // Called with options that write() has checked.
    virtual WriteResult writeChecked(const Recording& recording, const std::string& path,
                                     const WriteOptions& options) const = 0;
};

// "a", "a or b", "a, b or c": the choices a message offers.
std::string alternatives(const std::vector<std::string>& choices);

} // namespace execg
