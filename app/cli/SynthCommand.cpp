// execg-cli synth: writes synthetic 12-lead ECGs (WFDB or DICOM) with their ground truth as JSON beside each.
#include "CliArgs.h"
#include "Commands.h"

#include "io/AtomicFile.h"
#include "io/WriterRegistry.h"
#include "synth/EcgSynthesizer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

namespace execg::cli {

namespace {

using synth::SynthParams;
using json = nlohmann::ordered_json;

// Every numeric parameter once: its flag, its place in SynthParams and its meaning. The flags, the usage
// text and the "parameters" object of the JSON all come from this table.
struct NumberOption {
    const char* name;
    std::function<double&(SynthParams&)> field;
    const char* help;
};

const std::vector<NumberOption>& numberOptions()
{
    static const std::vector<NumberOption> options{
        {"hr", [](SynthParams& p) -> double& { return p.heartRateBpm; }, "mean heart rate, bpm"},
        {"seconds", [](SynthParams& p) -> double& { return p.seconds; }, "duration, s"},
        {"fs", [](SynthParams& p) -> double& { return p.samplingRateHz; }, "sampling rate, Hz"},
        {"k", [](SynthParams& p) -> double& { return p.potassiumMmolL; }, "serum potassium, mmol/L (normal 3.5-5.0)"},
        {"hrv", [](SynthParams& p) -> double& { return p.hrvSdnnMs; }, "sinus RR SD, ms"},
        {"af-cv", [](SynthParams& p) -> double& { return p.afRrCv; }, "AF RR coefficient of variation"},
        {"rr-cv", [](SynthParams& p) -> double& { return p.irregularRrCv; },
         "sinus: irregular RR with P waves kept, coefficient of variation (0 = sinus HRV)"},
        {"f-wave", [](SynthParams& p) -> double& { return p.fWaveMv; }, "AF f-wave amplitude, mV"},
        {"f-hz", [](SynthParams& p) -> double& { return p.fWaveHz; }, "AF f-wave frequency, Hz (4-9)"},
        {"flutter-rate", [](SynthParams& p) -> double& { return p.flutterRateBpm; }, "atrial flutter rate, /min"},
        {"flutter-wave", [](SynthParams& p) -> double& { return p.flutterWaveMv; }, "flutter wave amplitude, mV"},
        {"pac", [](SynthParams& p) -> double& { return p.pacProbability; }, "PAC probability per sinus beat"},
        {"pvc", [](SynthParams& p) -> double& { return p.pvcProbability; }, "PVC probability per beat"},
        {"pr", [](SynthParams& p) -> double& { return p.prMs; }, "PR interval, ms"},
        {"p-dur", [](SynthParams& p) -> double& { return p.pDurationMs; }, "P duration, ms"},
        {"p-amp", [](SynthParams& p) -> double& { return p.pAmplitudeMv; }, "P vector, mV"},
        {"qrs", [](SynthParams& p) -> double& { return p.qrsMs; }, "QRS duration, ms"},
        {"axis", [](SynthParams& p) -> double& { return p.qrsAxisDeg; }, "frontal QRS axis, degrees"},
        {"r-amp", [](SynthParams& p) -> double& { return p.rAmplitudeMv; }, "R vector, mV"},
        {"s-amp", [](SynthParams& p) -> double& { return p.sAmplitudeMv; }, "S vector, mV"},
        {"q-amp", [](SynthParams& p) -> double& { return p.qAmplitudeMv; }, "septal q vector, mV"},
        {"st-anterior", [](SynthParams& p) -> double& { return p.st.anteriorMv; }, "ST shift V1-V4, mV"},
        {"st-inferior", [](SynthParams& p) -> double& { return p.st.inferiorMv; }, "ST shift II/III/aVF, mV"},
        {"st-lateral", [](SynthParams& p) -> double& { return p.st.lateralMv; }, "ST shift I/aVL/V5/V6, mV"},
        {"t-amp", [](SynthParams& p) -> double& { return p.tAmplitudeMv; }, "T vector, mV"},
        {"t-width", [](SynthParams& p) -> double& { return p.tWidthFactor; }, "T width factor"},
        {"qtc", [](SynthParams& p) -> double& { return p.qtcMs; }, "QTc, ms"},
        {"u-amp", [](SynthParams& p) -> double& { return p.uAmplitudeMv; }, "U vector, mV"},
        {"variability", [](SynthParams& p) -> double& { return p.variability; }, "morphological spread 0-1"},
        {"noise-baseline", [](SynthParams& p) -> double& { return p.noise.baselineMv; }, "baseline wander RMS, mV"},
        {"noise-emg", [](SynthParams& p) -> double& { return p.noise.emgMv; }, "muscle noise RMS, mV"},
        {"noise-mains", [](SynthParams& p) -> double& { return p.noise.mainsMv; }, "mains RMS, mV"},
        {"mains-hz", [](SynthParams& p) -> double& { return p.noise.mainsHz; }, "mains frequency, Hz"},
    };
    return options;
}

const std::vector<std::string> kOtherOptions{"rhythm", "t-polarity", "qt-formula", "flutter-conduction", "seed",
                                             "count", "out", "format", "threads", "k-range"};

// A cohort over a range of potassium: record i's K⁺ drawn uniformly from [low, high] by its own seed, so any record
// can be regenerated alone.
struct PotassiumRange {
    double low = 0, high = 0;
};

double uniformFromSeed(std::uint64_t seed)
{
    // SplitMix64's finaliser: well-spread bits from consecutive seeds.
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return double(z >> 11) * 0x1.0p-53;
}

json parametersJson(const SynthParams& p)
{
    json j;
    SynthParams copy = p;
    for (const auto& o : numberOptions())
        j[o.name] = o.field(copy);
    j["rhythm"] = synth::toString(p.rhythm);
    j["t-polarity"] = synth::toString(p.tPolarity);
    j["qt-formula"] = synth::toString(p.qtFormula);
    j["flutter-conduction"] = p.flutterConduction;
    j["seed"] = p.seed;
    return j;
}

json truthJson(const synth::SynthResult& r, const std::string& name, const std::vector<std::string>& files)
{
    const auto& k = r.potassium;
    json j;
    j["record"] = name;
    j["generator"] = r.generatorVersion;
    j["seed"] = r.params.seed;
    j["files"] = files;
    const auto& g = r.recording.groups.front();
    j["sampling_rate_hz"] = g.samplingRateHz;
    j["samples"] = g.totalSamples;
    j["units"] = "mV";
    json leads = json::array();
    for (const auto& l : g.leads)
        leads.push_back(l.name);
    j["leads"] = leads;
    j["parameters"] = parametersJson(r.params);
    j["potassium_effects"] = {{"t_amplitude_factor", k.tAmplitudeFactor}, {"t_width_factor", k.tWidthFactor},
                              {"p_amplitude_factor", k.pAmplitudeFactor}, {"pr_extra_ms", k.prExtraMs},
                              {"qrs_width_factor", k.qrsWidthFactor}, {"u_relative_to_t", k.uRelativeToT},
                              {"st_depression_mv", k.stDepressionMv}};
    json beats = json::array();
    for (const auto& b : r.beats) {
        json jb = {{"type", std::string(1, b.type)}, {"rr_s", b.rrSeconds}, {"qt_s", b.qtSeconds}};
        auto put = [&](const char* key, const std::optional<synth::Fiducial>& f) {
            jb[std::string(key) + "_s"] = f ? json(f->seconds) : json(nullptr);
            jb[std::string(key) + "_sample"] = f ? json(f->sample) : json(nullptr);
        };
        put("p_onset", b.pOnset);
        put("p_peak", b.pPeak);
        put("p_offset", b.pOffset);
        put("qrs_onset", b.qrsOnset);
        put("qrs_peak", b.qrsPeak);
        put("qrs_offset", b.qrsOffset);
        put("t_peak", b.tPeak);
        put("t_offset", b.tOffset);
        beats.push_back(jb);
    }
    j["beats"] = beats;
    return j;
}

SynthParams parseParams(const CliArgs& args)
{
    SynthParams p;
    for (const auto& o : numberOptions())
        if (const auto v = args.number(o.name))
            o.field(p) = *v;
    if (const auto v = args.value("rhythm")) {
        const auto r = synth::rhythmFromString(*v);
        if (!r)
            throw UsageError("synth: --rhythm must be sinus, af or flutter");
        p.rhythm = *r;
    }
    if (const auto v = args.value("t-polarity")) {
        const auto t = synth::tPolarityFromString(*v);
        if (!t)
            throw UsageError("synth: --t-polarity must be upright, peaked, flat or inverted");
        p.tPolarity = *t;
    }
    if (const auto v = args.value("qt-formula")) {
        const auto f = synth::qtFormulaFromString(*v);
        if (!f)
            throw UsageError("synth: --qt-formula must be bazett or fridericia");
        p.qtFormula = *f;
    }
    if (const auto v = args.integer("flutter-conduction"))
        p.flutterConduction = *v;
    if (const auto v = args.value("seed")) {
        try {
            std::size_t used = 0;
            p.seed = std::stoull(*v, &used);
            if (used != v->size() || v->front() == '-')
                throw std::invalid_argument(*v);
        } catch (const std::exception&) {
            throw UsageError("synth: --seed expects a whole number >= 0, got '" + *v + "'");
        }
    }
    try {
        synth::validate(p);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    return p;
}

std::string recordName(std::uint64_t baseSeed, int index)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "synth_%04llu_%03d", static_cast<unsigned long long>(baseSeed), index);
    return buf;
}

SynthParams recordParams(const SynthParams& base, int index, const std::optional<PotassiumRange>& kRange)
{
    SynthParams p = base;
    p.seed = base.seed + static_cast<std::uint64_t>(index);
    if (kRange)
        p.potassiumMmolL = kRange->low + (kRange->high - kRange->low) * uniformFromSeed(p.seed);
    return p;
}

void writeOne(const SynthParams& p, int index, std::uint64_t baseSeed, const std::filesystem::path& dir, const RecordingWriter& writer)
{
    synth::SynthResult r = synth::generateEcg(p);
    const std::string name = recordName(baseSeed, index);
    std::vector<std::string> files;
    for (const auto& f : writer.write(r.recording, (dir / (name + writer.extensions().front())).string()).files)
        files.push_back(std::filesystem::path(f).filename().string());
    const auto jsonPath = dir / (name + ".json");
    const auto tmp = dir / (name + ".json.tmp");
    {
        std::ofstream out(tmp);
        out << truthJson(r, name, files).dump(1) << "\n";
        if (!out)
            throw std::runtime_error(tmp.string() + ": cannot write");
    }
    std::filesystem::rename(tmp, jsonPath);
}

} // namespace

std::string synthUsage()
{
    std::string text =
        "usage: execg-cli synth --out DIR [options]\n\n"
        "Writes synthetic 12-lead ECGs (mV) with their ground truth (parameters, seed, fiducials) as JSON beside\n"
        "each record; record i of --count N uses seed S+i and is named synth_<S>_<i>. See docs/synthetic-ecg.md.\n\n"
        "  --out DIR                       output folder (created)\n"
        "  --format wfdb|dicom             WFDB format 16 (.hea/.dat) or DICOM 12-lead / general ECG (default wfdb)\n"
        "  --count N --seed S              N records from seed S (defaults 1, 0); with more than one, a manifest\n"
        "                                  synth_<S>.csv (path, k, rhythm, hr, seed) for execg-cli cohort\n"
        "  --k-range LOW:HIGH              each record's K+ (mmol/L) drawn uniformly from LOW-HIGH by its seed\n"
        "  --threads N                     workers (default 2 from 8 records on, else 1)\n"
        "  --rhythm sinus|af|flutter       (default sinus)\n"
        "  --t-polarity upright|peaked|flat|inverted\n"
        "  --qt-formula bazett|fridericia  rate dependence of QT (default fridericia)\n"
        "  --flutter-conduction N          AV conduction ratio of flutter (default 2)\n";
    const SynthParams defaults;
    for (const auto& o : numberOptions()) {
        SynthParams copy = defaults;
        char line[160];
        std::snprintf(line, sizeof line, "  --%-29s %s (default %g)\n", (std::string(o.name) + " X").c_str(), o.help,
                      o.field(copy));
        text += line;
    }
    return text;
}

int runSynth(const std::vector<std::string>& words)
{
    if (std::find(words.begin(), words.end(), "--help") != words.end()) {
        std::cout << synthUsage();
        return 0;
    }
    CliArgs args(words, {});
    std::vector<std::string> known = kOtherOptions;
    for (const auto& o : numberOptions())
        known.push_back(o.name);
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("synth: unknown option --" + bad.front());
    if (!args.positional().empty())
        throw UsageError("synth: unexpected argument '" + args.positional().front() + "'");
    const auto out = args.value("out");
    if (!out || out->empty())
        throw UsageError("synth: give --out DIR");
    const std::string format = args.value("format").value_or("wfdb");
    if (format != "wfdb" && format != "dicom")
        throw UsageError("synth: --format must be wfdb or dicom");
    // WFDB in its default format 16.
    const RecordingWriter& writer = *WriterRegistry::instance().byName(format == "dicom" ? "DICOM" : "WFDB");
    const int count = args.integer("count").value_or(1);
    if (count < 1 || count > 10'000'000)
        throw UsageError("synth: --count must be 1 or more");
    const SynthParams params = parseParams(args);
    std::optional<PotassiumRange> kRange;
    if (const auto v = args.value("k-range")) {
        const auto colon = v->find(':');
        try {
            if (colon == std::string::npos)
                throw std::invalid_argument(*v);
            kRange = PotassiumRange{std::stod(v->substr(0, colon)), std::stod(v->substr(colon + 1))};
        } catch (const std::exception&) {
            throw UsageError("synth: --k-range expects LOW:HIGH in mmol/L, e.g. 2.5:8.5, got '" + *v + "'");
        }
        if (args.has("k"))
            throw UsageError("synth: give --k or --k-range, not both");
        for (const double k : {kRange->low, kRange->high}) {
            SynthParams check = params;
            check.potassiumMmolL = k;
            try {
                synth::validate(check);
            } catch (const std::invalid_argument& e) {
                throw UsageError(std::string("synth: --k-range: ") + e.what());
            }
        }
        if (!(kRange->high >= kRange->low))
            throw UsageError("synth: --k-range: HIGH must not be below LOW");
    }
    // Two workers pay off once there is enough to share; small sets stay on one thread.
    int threads = args.integer("threads").value_or(count >= 8 ? 2 : 1);
    threads = std::clamp(threads, 1, std::min(count, 64));

    const std::filesystem::path dir(*out);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (!std::filesystem::is_directory(dir))
        throw std::runtime_error(dir.string() + ": cannot create the output folder");

    const auto start = std::chrono::steady_clock::now();
    std::atomic<int> next{0};
    std::atomic<bool> failed{false};
    std::mutex errorMutex;
    std::string firstError;
    auto worker = [&] {
        for (int i = next++; i < count && !failed; i = next++) {
            try {
                writeOne(recordParams(params, i, kRange), i, params.seed, dir, writer);
            } catch (const std::exception& e) {
                std::lock_guard lock(errorMutex);
                if (!failed.exchange(true))
                    firstError = recordName(params.seed, i) + ": " + e.what();
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& t : pool)
        t.join();
    if (failed) {
        std::cerr << "execg-cli: " << firstError << "\n";
        return 1;
    }
    if (count > 1) {
        // What a cohort run reads as its manifest: each record with its ground truth as label columns.
        std::ostringstream manifest;
        manifest << "path,k,rhythm,hr,seed\n";
        for (int i = 0; i < count; ++i) {
            const SynthParams p = recordParams(params, i, kRange);
            manifest << recordName(params.seed, i) << writer.extensions().front() << "," << p.potassiumMmolL << ","
                     << synth::toString(p.rhythm) << "," << p.heartRateBpm << "," << p.seed << "\n";
        }
        writeFileAtomically((dir / ("synth_" + std::to_string(params.seed) + ".csv")).string(), manifest.str());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "wrote " << count << " " << format << " record" << (count == 1 ? "" : "s") << " to " << dir.string()
              << " (" << recordName(params.seed, 0) << (count > 1 ? " … " + recordName(params.seed, count - 1) : "")
              << ") in " << seconds << " s\n";
    return 0;
}

} // namespace execg::cli
