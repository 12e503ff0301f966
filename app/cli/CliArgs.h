#pragma once
#include "io/RecordingReader.h"
#include "recording/Recording.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace execg::cli {

// Command-line arguments after the subcommand: `--name value`, `--flag`, and positional words.
class CliArgs {
public:
    // `flags` lists options that take no value (e.g. "json").
    CliArgs(const std::vector<std::string>& words, const std::vector<std::string>& flags);

    bool has(const std::string& name) const { return options_.count(name) != 0; }
    std::optional<std::string> value(const std::string& name) const;   // the last one given
    std::vector<std::string> values(const std::string& name) const;    // every one, in order (repeatable options)
    std::optional<double> number(const std::string& name) const;   // throws UsageError when not a number
    std::optional<int> integer(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }
    // Options that the subcommand did not ask for, so typos are reported instead of ignored.
    std::vector<std::string> unknown(const std::vector<std::string>& known) const;

private:
    std::map<std::string, std::string> options_;
    std::vector<std::pair<std::string, std::string>> given_;
    std::vector<std::string> positional_;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The raw-array options every subcommand accepts: --fs HZ --units mV|uV --lead-names I,II,...
inline const std::vector<std::string>& rawArrayOptionNames()
{
    static const std::vector<std::string> names{"fs", "units", "lead-names"};
    return names;
}
RawArrayHints rawArrayHints(const CliArgs& args);

// One signal group of a file, read with the raw-array hints and --from/--to, chosen by --group N (the file's own
// order), --group rhythm or --group median (by kind, whatever the order; default: the recording's primary group). Throws UsageError or ReadError naming what is wrong.
struct GroupInFile {
    Recording recording;
    int index = 0;
    const SignalGroup& group() const { return recording.groups[static_cast<std::size_t>(index)]; }
};
GroupInFile readGroup(const CliArgs& args, const std::string& file);

} // namespace execg::cli
