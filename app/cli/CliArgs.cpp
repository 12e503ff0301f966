#include "CliArgs.h"

#include "io/ReadError.h"
#include "io/ReaderRegistry.h"
#include "recording/LeadNames.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace execg::cli {

CliArgs::CliArgs(const std::vector<std::string>& words, const std::vector<std::string>& flags)
{
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.size() > 2 && w.compare(0, 2, "--") == 0) {
            std::string name = w.substr(2);
            const auto eq = name.find('=');
            std::string value;
            if (eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
            } else if (std::find(flags.begin(), flags.end(), name) == flags.end()) {
                if (i + 1 >= words.size())
                    throw UsageError("option --" + name + " needs a value");
                value = words[++i];
            }
            options_[name] = value;
            given_.emplace_back(name, value);
        } else {
            positional_.push_back(w);
        }
    }
}

std::optional<std::string> CliArgs::value(const std::string& name) const
{
    auto it = options_.find(name);
    if (it == options_.end())
        return std::nullopt;
    return it->second;
}

std::vector<std::string> CliArgs::values(const std::string& name) const
{
    std::vector<std::string> out;
    for (const auto& [n, v] : given_)
        if (n == name)
            out.push_back(v);
    return out;
}

std::optional<double> CliArgs::number(const std::string& name) const
{
    auto v = value(name);
    if (!v)
        return std::nullopt;
    try {
        size_t used = 0;
        const double d = std::stod(*v, &used);
        if (used != v->size() || !std::isfinite(d))
            throw std::invalid_argument(*v);
        return d;
    } catch (const std::exception&) {
        throw UsageError("option --" + name + " expects a number, got '" + *v + "'");
    }
}

std::optional<int> CliArgs::integer(const std::string& name) const
{
    auto v = value(name);
    if (!v)
        return std::nullopt;
    int out = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || ptr != v->data() + v->size())
        throw UsageError("option --" + name + " expects a whole number, got '" + *v + "'");
    return out;
}

std::vector<std::string> CliArgs::unknown(const std::vector<std::string>& known) const
{
    std::vector<std::string> out;
    for (const auto& [name, v] : options_)
        if (std::find(known.begin(), known.end(), name) == known.end())
            out.push_back(name);
    return out;
}

RawArrayHints rawArrayHints(const CliArgs& args)
{
    RawArrayHints hints;
    if (auto fs = args.number("fs")) {
        if (!(*fs > 0) || *fs > 1e6)
            throw UsageError("--fs must be a sampling rate in Hz between 0 and 1e6");
        hints.samplingRateHz = *fs;
    }
    if (auto units = args.value("units")) {
        if (*units != "mV" && *units != "uV")
            throw UsageError("--units must be mV or uV, got '" + *units + "'");
        hints.units = *units;
    }
    if (auto names = args.value("lead-names"))
        hints.leadNames = splitLeadList(*names);
    return hints;
}

GroupInFile readGroup(const CliArgs& args, const std::string& file)
{
    ReadOptions opts;
    opts.raw = rawArrayHints(args);
    opts.fromSeconds = args.number("from");
    opts.toSeconds = args.number("to");
    if (opts.fromSeconds && *opts.fromSeconds < 0)
        throw UsageError("--from must be >= 0 seconds");
    if (opts.fromSeconds && opts.toSeconds && *opts.toSeconds <= *opts.fromSeconds)
        throw UsageError("--to must be after --from");
    GroupInFile out{ReaderRegistry::instance().read(file, opts), 0};
    const auto& groups = out.recording.groups;
    if (groups.empty())
        throw ReadError(file, "has no signal groups");
    // --group rhythm|median chooses by kind, so that one script means the same group in every file (a MUSE export
    // may store the median beats first); a number is the group in the file's own order.
    const auto group = args.value("group");
    if (group == "rhythm" || group == "median") {
        out.index = out.recording.groupIndex(*group == "rhythm" ? GroupKind::Rhythm : GroupKind::Median);
        if (out.index < 0) {
            std::string kinds;
            for (std::size_t i = 0; i < groups.size(); ++i)
                kinds += (i ? ", " : "") + std::to_string(i) + " (" + (groups[i].isMedianBeats() ? "median beats" : "rhythm") +
                         (groups[i].label.empty() ? "" : ", " + groups[i].label) + ")";
            throw UsageError("--group " + *group + ": " + file + " has no " + (*group == "rhythm" ? "rhythm group" : "median beats") +
                             "; its groups are " + kinds);
        }
        return out;
    }
    if (group && (group->empty() || group->find_first_not_of("-0123456789") != std::string::npos))
        throw UsageError("--group expects a group number, rhythm or median, got '" + *group + "'");
    out.index = args.integer("group").value_or(out.recording.primaryGroupIndex());
    if (out.index < 0 || out.index >= static_cast<int>(groups.size()))
        throw UsageError("--group " + std::to_string(out.index) + " does not exist; the file has groups 0.." +
                         std::to_string(groups.size() - 1));
    return out;
}

} // namespace execg::cli
