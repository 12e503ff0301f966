// The whole resting-ECG measurement (detection, median beats, delineation, intervals, axes, amplitudes) and its
// stages on synthetic 10 s 12-lead records: timings only, never pass/fail. Budget: < 20 ms per 10 s 500 Hz record.
//   bench_measure [google-benchmark flags]
#include "measure/Delineator.h"
#include "measure/Measurements.h"
#include "measure/MedianBeat.h"
#include "measure/QrsDetector.h"
#include "synth/EcgSynthesizer.h"

#include <benchmark/benchmark.h>

#include <map>
#include <span>

using namespace execg;

namespace {

// Generated once per rate, outside the timed loops; light noise so that the detector does real work.
const SignalGroup& resting12(double fs)
{
    static std::map<double, SignalGroup> cache;
    auto it = cache.find(fs);
    if (it == cache.end()) {
        synth::SynthParams p;
        p.samplingRateHz = fs;
        p.seconds = 10;
        p.seed = 11;
        p.noise.baselineMv = 0.05;
        p.noise.emgMv = 0.01;
        it = cache.emplace(fs, synth::generateEcg(p).recording.groups.front()).first;
    }
    return it->second;
}

std::vector<std::span<const float>> spans(const SignalGroup& g)
{
    std::vector<std::span<const float>> out;
    for (const auto& lead : g.leads)
        out.emplace_back(lead.samples);
    return out;
}

void BM_MeasureEcg_12lead_10s(benchmark::State& state)
{
    const auto& g = resting12(double(state.range(0)));
    std::size_t beats = 0;
    for (auto _ : state) {
        const auto m = measureEcg(g);
        beats = m.detection.beats.size();
        benchmark::DoNotOptimize(m.qtMs.value);
    }
    state.counters["beats"] = double(beats);
}
BENCHMARK(BM_MeasureEcg_12lead_10s)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond);

// The stages of measureEcg, to see where the time goes.
void BM_DetectQrs_12lead_10s(benchmark::State& state)
{
    const auto& g = resting12(double(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(detectQrs(g));
}
BENCHMARK(BM_DetectQrs_12lead_10s)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_MedianBeats_12lead_10s(benchmark::State& state)
{
    const auto& g = resting12(double(state.range(0)));
    const auto beats = detectQrs(g).samples();
    MedianBeatOptions mo;   // the window measureEcg uses at about 70 bpm
    mo.scaleForRr = false;
    mo.preSeconds = 0.40;
    mo.postSeconds = 0.65;
    for (auto _ : state)
        benchmark::DoNotOptimize(computeMedianBeats(g, beats, mo));
}
BENCHMARK(BM_MedianBeats_12lead_10s)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_DelineateMedianBeats_12lead(benchmark::State& state)
{
    const auto& g = resting12(double(state.range(0)));
    const auto m = measureEcg(g);
    const auto global = independentLeads(g);
    for (auto _ : state)
        benchmark::DoNotOptimize(delineateMedianBeats(m.medians, global));
}
BENCHMARK(BM_DelineateMedianBeats_12lead)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond);

// Per-beat delineation of every detected beat (the beat-to-beat view, not part of measureEcg).
void BM_DelineateBeats_12lead_10s(benchmark::State& state)
{
    const auto& g = resting12(double(state.range(0)));
    const auto leads = spans(g);
    const auto beats = detectQrs(g).samples();
    const auto global = independentLeads(g);
    for (auto _ : state)
        benchmark::DoNotOptimize(delineateBeats(leads, g.samplingRateHz, beats, global));
    state.counters["beats"] = double(beats.size());
}
BENCHMARK(BM_DelineateBeats_12lead_10s)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
