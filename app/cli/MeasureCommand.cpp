#include "CliArgs.h"
#include "CliFormat.h"
#include "Commands.h"

#include "io/NumberText.h"
#include "io/ReadError.h"
#include "io/ReaderRegistry.h"
#include "measure/Measurements.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>

namespace execg::cli {

namespace {

using nlohmann::ordered_json;



std::vector<std::pair<const char*, double>> boundaries(const WaveFiducials& f)
{
    return {{"p_onset", f.pOnset}, {"p_peak", f.pPeak},       {"p_offset", f.pOffset}, {"qrs_onset", f.qrsOnset},
            {"j_point", f.qrsOffset}, {"t_peak", f.tPeak}, {"t_offset", f.tOffset}};
}

ordered_json number(double v, int decimals)
{
    if (!std::isfinite(v))
        return nullptr;
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

// Beat samples as the recording counts them (the group's first sample added) and their times.
struct BeatTimes {
    std::vector<std::int64_t> samples;
    std::vector<double> seconds;
};

BeatTimes beatTimes(const SignalGroup& g, const std::vector<std::int64_t>& beats)
{
    BeatTimes t;
    for (auto b : beats) {
        t.samples.push_back(g.firstSample + b);
        t.seconds.push_back(g.timeOffsetSeconds + double(g.firstSample + b) / g.samplingRateHz);
    }
    return t;
}

ordered_json toJson(const std::string& file, int groupIndex, const SignalGroup& g, const EcgMeasurements& m,
                    const Recording& rec)
{
    ordered_json j;
    j["file"] = file;
    j["group"] = groupIndex;
    j["sampling_rate_hz"] = g.samplingRateHz;
    const auto beats = beatTimes(g, m.detection.samples());
    ordered_json beatList = ordered_json::array();
    for (std::size_t k = 0; k < beats.samples.size(); ++k)
        beatList.push_back({{"sample", beats.samples[k]}, {"time_s", number(beats.seconds[k], 4)}});
    j["beats"] = beatList;
    auto quantities = [](const std::vector<NamedQuantity>& list) {
        ordered_json o;
        for (const auto& n : list)
            o[n.key] = n.q->ok() ? ordered_json(number(n.q->value, 3)) : ordered_json({{"missing", n.q->missing}});
        return o;
    };
    j["rhythm"] = quantities(rhythmQuantities(m));
    j["rhythm"]["beats_used"] = beats.samples;
    ordered_json median = quantities(medianQuantities(m));
    median["beats_used"] = beatTimes(g, m.medians.beatsUsed).samples;
    ordered_json bounds;
    for (const auto& [key, pos] : boundaries(m.delineation.global))
        bounds[key] = number(m.msFromQrsOnset(pos), 1);
    median["boundaries_ms_from_qrs_onset"] = bounds;
    ordered_json leads = ordered_json::array();
    for (const auto& l : m.leads)
        leads.push_back({{"lead", l.lead},
                         {"p_mv", number(l.pMv, 3)},
                         {"q_mv", number(l.qMv, 3)},
                         {"r_mv", number(l.rMv, 3)},
                         {"s_mv", number(l.sMv, 3)},
                         {"t_mv", number(l.tMv, 3)},
                         {"st_j_mv", number(l.stJMv, 3)},
                         {"st_j60_mv", number(l.stJ60Mv, 3)}});
    median["leads"] = leads;
    j["median_beat"] = median;
    j["notes"] = m.notes;
    if (!m.problem.empty())
        j["problem"] = m.problem;
    ordered_json device = ordered_json::array();
    for (const auto& d : rec.metadata.measurements)
        device.push_back({{"name", d.name}, {"value", d.value}, {"unit", d.unit}});
    j["device_measurements"] = device;
    return j;
}

void printText(std::ostream& out, const std::string& file, int groupIndex, const SignalGroup& g,
               const EcgMeasurements& m, const Recording& rec)
{
    out << "File:   " << file << "\nGroup:  " << groupIndex << " (" << g.label << "), " << g.leads.size() << " leads, "
        << g.samplingRateHz << " Hz, " << fixedDecimals(g.durationSeconds(), 2) << " s\n";
    const auto beats = beatTimes(g, m.detection.samples());
    out << "\nBeats (" << beats.samples.size() << "):      sample     time_s\n";
    for (std::size_t k = 0; k < beats.samples.size(); ++k) {
        char line[64];
        std::snprintf(line, sizeof line, "  %4zu %14lld %10.3f\n", k + 1, static_cast<long long>(beats.samples[k]),
                      beats.seconds[k]);
        out << line;
    }
    auto print = [&](const std::vector<NamedQuantity>& list) {
        for (const auto& n : list) {
            char line[160];
            std::snprintf(line, sizeof line, "  %-32s %10s %s", n.label,
                          n.q->ok() ? fixedDecimals(n.q->value, n.unit[0] ? 0 : 3).c_str() : "-", n.q->ok() ? n.unit : "");
            out << line << (n.q->ok() ? "" : "    (" + n.q->missing + ")") << "\n";
        }
    };
    out << "\nRhythm (every detected beat):\n";
    print(rhythmQuantities(m));
    out << "\nMedian beat (" << m.medians.beatsUsed.size() << " beats of the dominant QRS morphology):\n";
    print(medianQuantities(m));
    if (m.delineation.global.hasQrs()) {
        out << "\n  Boundaries, ms from QRS onset:";
        for (const auto& [key, pos] : boundaries(m.delineation.global))
            out << ' ' << key << ' ' << fixedDecimals(m.msFromQrsOnset(pos), 0);
        out << "\n\n  Lead amplitudes, mV from the isoelectric level (before QRS onset):\n"
            << "  lead        P       Q       R       S       T   ST(J) ST(J+60)\n";
        for (const auto& l : m.leads) {
            char line[160];
            std::snprintf(line, sizeof line, "  %-6s %7s %7s %7s %7s %7s %7s %7s\n", l.lead.c_str(),
                          fixedDecimals(l.pMv, 3).c_str(), fixedDecimals(l.qMv, 3).c_str(), fixedDecimals(l.rMv, 3).c_str(),
                          fixedDecimals(l.sMv, 3).c_str(), fixedDecimals(l.tMv, 3).c_str(), fixedDecimals(l.stJMv, 3).c_str(),
                          fixedDecimals(l.stJ60Mv, 3).c_str());
            out << line;
        }
    }
    if (!m.notes.empty()) {
        out << "\nNot measured:\n";
        for (const auto& n : m.notes)
            out << "  " << n << "\n";
    }
    if (!rec.metadata.measurements.empty()) {
        out << "\nThe device's own measurements (stored in the file, for comparison):\n";
        for (const auto& d : rec.metadata.measurements)
            out << "  " << d.name << " = " << d.value << ' ' << d.unit << "\n";
    }
}

} // namespace

int runMeasure(const std::vector<std::string>& words)
{
    CliArgs args(words, {"json"});
    auto known = rawArrayOptionNames();
    known.insert(known.end(), {"json", "group", "from", "to"});
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("measure: unknown option --" + bad.front());
    if (args.positional().size() != 1)
        throw UsageError("measure: give exactly one FILE");
    const std::string& file = args.positional().front();
    const GroupInFile input = readGroup(args, file);
    const SignalGroup& g = input.group();
    const EcgMeasurements m = measureEcg(g);
    if (args.has("json"))
        std::cout << toJson(file, input.index, g, m, input.recording).dump(2) << "\n";
    else
        printText(std::cout, file, input.index, g, m, input.recording);
    return 0;
}

} // namespace execg::cli
