// Counterfactual figures (not pass/fail): time per counterfactual with the default settings, steps, whether the
// target was reached and what changed — for the potassium demo model (K+ 4.0 towards 6.5 and 3.0) and the AF demo
// model (AF towards sinus). Usage: bench_counterfactual [--threads N] [--records N]
#include "counterfactual/torch/InputCounterfactual.h"
#include "model/torch/TorchModel.h"
#include "synth/EcgSynthesizer.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

using namespace execg;

namespace {

TorchModel load(const char* name)
{
    const std::string path = std::string(EXECG_SOURCE_DIR) + "/resources/models/" + name;
    return TorchModel(path, loadModelCard(modelCardPathFor(path)));
}

void run(const TorchModel& model, const char* what, synth::SynthParams p, double target, int records)
{
    double totalMs = 0, steps = 0, change = 0, t = 0, pWave = 0, rr = 0;
    int valid = 0;
    for (int i = 0; i < records; ++i) {
        p.seed = std::uint64_t(500 + i);
        const SignalGroup g = synth::generateEcg(p).recording.groups.at(0);
        const AdaptedInput input = adaptToModel(g, model.card());
        const auto r = inputCounterfactual(model, g, input, {0, target});   // both demo models have one output
        totalMs += r.runtimeMs;
        steps += r.steps;
        change += r.meanAbsMv;
        valid += r.valid;
        t += r.deltas.meanOver("T amplitude", {"V2", "V3", "V4"});
        pWave += r.deltas.meanOver("P amplitude", {"II", "V1"});
        if (const auto* d = r.deltas.find("RR irregularity (RMSSD/mean RR)"); d && std::isfinite(d->delta))
            rr += d->delta;
    }
    const double n = records;
    std::printf("%-34s %6.0f ms/cf  %5.1f steps  reached %2d/%d  mean|change| %.3f mV  dT(V2-4) %+.3f mV  dP(II,V1) %+.3f mV  dRRirr %+.3f\n",
                what, totalMs / n, steps / n, valid, records, change / n, t / n, pWave / n, rr / n);
}

} // namespace

int main(int argc, char** argv)
{
    int threads = 2, records = 10;
    for (int i = 1; i + 1 < argc; ++i) {
        if (!std::strcmp(argv[i], "--threads"))
            threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--records"))
            records = std::atoi(argv[++i]);
    }
    configureTorchThreads(threads);
    std::printf("bench_counterfactual: input-space counterfactual, default settings, %d threads, %d records each\n", threads, records);
    const TorchModel potassium = load("potassium.pt");
    synth::SynthParams k4;
    k4.potassiumMmolL = 4.0;
    run(potassium, "potassium: K+ 4.0 -> 6.5 mmol/L", k4, 6.5, records);
    run(potassium, "potassium: K+ 4.0 -> 3.0 mmol/L", k4, 3.0, records);
    const TorchModel af = load("af.pt");
    synth::SynthParams fib;
    fib.rhythm = synth::Rhythm::AtrialFibrillation;
    run(af, "af: AF -> P(AF) <= 0.2", fib, 0.2, records);
    return 0;
}
