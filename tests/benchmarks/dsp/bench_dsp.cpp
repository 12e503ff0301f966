// Filtering and resampling speed on a 10 s 12-lead 500 Hz record. Prints figures; never pass/fail.
#include "SyntheticRecording.h"

#include "dsp/FilterPresets.h"
#include "dsp/Resampler.h"

#include <benchmark/benchmark.h>

using namespace execg;

namespace {

const SignalGroup& tenSecondGroup()
{
    static const SignalGroup g = test::syntheticTwelveLead(500.0, 10.0).groups.front();
    return g;
}

void BM_DiagnosticPreset10s12Lead500Hz(benchmark::State& state)
{
    for (auto _ : state) {
        state.PauseTiming();
        SignalGroup g = tenSecondGroup();
        state.ResumeTiming();
        benchmark::DoNotOptimize(dsp::applyFilters(g, dsp::diagnosticPreset(50.0)));
        benchmark::DoNotOptimize(g.leads.back().samples.data());
    }
}
BENCHMARK(BM_DiagnosticPreset10s12Lead500Hz)->Unit(benchmark::kMillisecond);

void BM_MonitoringPreset10s12Lead500Hz(benchmark::State& state)
{
    for (auto _ : state) {
        state.PauseTiming();
        SignalGroup g = tenSecondGroup();
        state.ResumeTiming();
        benchmark::DoNotOptimize(dsp::applyFilters(g, dsp::monitoringPreset()));
        benchmark::DoNotOptimize(g.leads.back().samples.data());
    }
}
BENCHMARK(BM_MonitoringPreset10s12Lead500Hz)->Unit(benchmark::kMillisecond);

void BM_Resample(benchmark::State& state)
{
    const double fsOut = static_cast<double>(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(dsp::resampleGroup(tenSecondGroup(), fsOut));
}
// 500 → 250 (models at 250 Hz), 500 → 100, 500 → 360 (a rational 18/25 ratio with 18 branches).
BENCHMARK(BM_Resample)->Arg(250)->Arg(100)->Arg(360)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
