// QRS detection and median beats: timings only, never pass/fail.
//   bench_qrs [google-benchmark flags]
// The 30-minute 2-lead MIT-BIH record 100 (360 Hz) comes from the corpus; without it that case is skipped.
#include "io/ReaderRegistry.h"
#include "measure/MedianBeat.h"
#include "measure/QrsDetector.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <filesystem>

using namespace execg;

namespace {

const SignalGroup* mitbih100()
{
    static const Recording rec = [] {
        const std::string path = std::string(EXECG_CORPUS_DIR) + "/wfdb-python/sample-data/100.hea";
        return std::filesystem::exists(path) ? ReaderRegistry::instance().read(path) : Recording{};
    }();
    return rec.groups.empty() ? nullptr : &rec.groups.front();
}

// 10 s, 12 leads, 500 Hz: the resting ECG the measurement budget (< 20 ms) is about.
const SignalGroup& resting12()
{
    static const SignalGroup g = [] {
        SignalGroup s;
        s.samplingRateHz = 500;
        for (int l = 0; l < 12; ++l) {
            Lead lead;
            lead.name = "L" + std::to_string(l);
            lead.samples.resize(5000);
            const double gain = 0.3 + 0.1 * l;
            for (int i = 0; i < 5000; ++i) {
                const double t = std::fmod(i / 500.0 + 0.4, 0.85) - 0.4;   // 70 bpm
                lead.samples[size_t(i)] = float(gain * (1.2 * std::exp(-0.5 * std::pow(t / 0.01, 2)) +
                                                        0.3 * std::exp(-0.5 * std::pow((t - 0.28) / 0.045, 2))));
            }
            s.leads.push_back(std::move(lead));
        }
        return s;
    }();
    return g;
}

void BM_DetectQrs_Mitbih100_30min(benchmark::State& state)
{
    const SignalGroup* g = mitbih100();
    if (!g) {
        state.SkipWithError("corpus record wfdb-python/sample-data/100 not found");
        return;
    }
    std::size_t beats = 0;
    for (auto _ : state) {
        const auto d = detectQrs(*g);
        beats = d.beats.size();
        benchmark::DoNotOptimize(beats);
    }
    state.counters["beats"] = double(beats);
}
BENCHMARK(BM_DetectQrs_Mitbih100_30min)->Unit(benchmark::kMillisecond);

void BM_MedianBeats_Mitbih100_30min(benchmark::State& state)
{
    const SignalGroup* g = mitbih100();
    if (!g) {
        state.SkipWithError("corpus record wfdb-python/sample-data/100 not found");
        return;
    }
    const auto beats = detectQrs(*g).samples();
    for (auto _ : state)
        benchmark::DoNotOptimize(computeMedianBeats(*g, beats));
}
BENCHMARK(BM_MedianBeats_Mitbih100_30min)->Unit(benchmark::kMillisecond);

void BM_DetectAndMedian_12lead_10s_500Hz(benchmark::State& state)
{
    const auto& g = resting12();
    for (auto _ : state) {
        const auto d = detectQrs(g);
        benchmark::DoNotOptimize(computeMedianBeats(g, d.samples()));
    }
}
BENCHMARK(BM_DetectAndMedian_12lead_10s_500Hz)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
