#include "CliArgs.h"
#include "Commands.h"

#include "io/ReadError.h"
#include "io/ReaderRegistry.h"
#include "recording/LeadNames.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace execg::cli {

namespace {

// Shortest text that reads back to the same float: no digits invented, none lost.
void appendFloat(std::string& line, float v)
{
    if (std::isnan(v)) {
        line += "NaN";
        return;
    }
    char buf[32];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    line.append(buf, ptr);
}

} // namespace

int runDump(const std::vector<std::string>& words)
{
    CliArgs args(words, {});
    auto known = rawArrayOptionNames();
    known.insert(known.end(), {"group", "leads", "from", "to"});
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("dump: unknown option --" + bad.front());
    if (args.positional().size() != 1)
        throw UsageError("dump: give exactly one FILE");
    const std::string& file = args.positional().front();

    const GroupInFile input = readGroup(args, file);
    const SignalGroup& g = input.group();

    std::vector<const Lead*> leads;
    if (auto list = args.value("leads")) {
        for (const auto& name : splitLeadList(*list)) {
            const Lead* l = g.findLead(name);
            if (!l)
                l = g.findLead(standardLeadName(name).value_or(name));
            if (!l) {
                std::string available;
                for (const auto& x : g.leads)
                    available += (available.empty() ? "" : ",") + x.name;
                throw UsageError("lead '" + name + "' is not in group " + std::to_string(input.index) +
                                 " (available: " + available + ")");
            }
            leads.push_back(l);
        }
    } else {
        for (const auto& l : g.leads)
            leads.push_back(&l);
    }

    for (const auto& w : input.recording.warnings)
        std::cerr << "warning: " << w << "\n";
    std::string line = "time_s";
    for (const Lead* l : leads)
        line += "," + l->name;
    line += "\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
    const std::int64_t n = g.sampleCount();
    char tbuf[32];
    for (std::int64_t i = 0; i < n; ++i) {
        line.clear();
        const double t = double(g.firstSample + i) / g.samplingRateHz;
        const int len = std::snprintf(tbuf, sizeof tbuf, "%.6f", t);
        line.append(tbuf, static_cast<size_t>(len));
        for (const Lead* l : leads) {
            line += ',';
            appendFloat(line, l->samples[static_cast<size_t>(i)]);
        }
        line += '\n';
        std::fwrite(line.data(), 1, line.size(), stdout);
    }
    return 0;
}

} // namespace execg::cli
