// Generator throughput. Prints figures; never pass/fail.
//   bench_synth [google-benchmark flags]
// Target (issue 4): 10,000 ten-second 12-lead records at 250 Hz, in memory, in < 60 s on 2 cores. The
// Batch10000 cases do exactly that on 2 threads and report wall time and records per second.
#include "synth/EcgSynthesizer.h"

#include <benchmark/benchmark.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace execg::synth;

namespace {

SynthParams params(int kind, std::uint64_t seed)
{
    SynthParams p;
    p.samplingRateHz = 250;
    p.seconds = 10;
    p.seed = seed;
    switch (kind) {
    case 0: break;                                       // clean sinus
    case 1: p.noise = {0.1, 0.03, 0.02, 50.0}; break;    // sinus with every kind of noise
    case 2:                                              // AF with PVCs, hyperkalaemia and noise
        p.rhythm = Rhythm::AtrialFibrillation;
        p.pvcProbability = 0.1;
        p.potassiumMmolL = 7.0;
        p.noise = {0.1, 0.03, 0.02, 50.0};
        break;
    default: break;
    }
    return p;
}

void BM_OneRecord(benchmark::State& state)
{
    std::uint64_t seed = 0;
    for (auto _ : state) {
        auto r = generateEcg(params(int(state.range(0)), seed++));
        benchmark::DoNotOptimize(r.recording.groups.front().leads.back().samples.data());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OneRecord)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);

// 10,000 records over 2 worker threads, each record generated and dropped (what a training-set producer does
// before writing or feeding a model).
void BM_Batch10000TwoThreads(benchmark::State& state)
{
    const int kind = int(state.range(0));
    const int records = 10000;
    for (auto _ : state) {
        std::atomic<int> next{0};
        std::atomic<std::size_t> beats{0};
        auto worker = [&] {
            for (int i = next++; i < records; i = next++) {
                auto r = generateEcg(params(kind, std::uint64_t(i)));
                beats += r.beats.size();
            }
        };
        std::thread other(worker);
        worker();
        other.join();
        benchmark::DoNotOptimize(beats.load());
    }
    state.SetItemsProcessed(state.iterations() * records);
    state.counters["records"] = records;
}
BENCHMARK(BM_Batch10000TwoThreads)->Arg(0)->Arg(1)->Arg(2)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

} // namespace

BENCHMARK_MAIN();
