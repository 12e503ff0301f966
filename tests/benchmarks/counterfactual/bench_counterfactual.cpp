// Counterfactual figures (not pass/fail): time per counterfactual with the default settings, steps, whether the
// target was reached and what changed — for the potassium demo model (K+ 4.0 towards 6.5 and 3.0) and the AF demo
// model (AF towards sinus), for every generator in the registry. Usage: bench_counterfactual [--threads N] [--records N]
#include "counterfactual/torch/CounterfactualRegistry.h"
#include "model/torch/GeneratorModel.h"
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

void run(const std::string& method, const TorchModel& model, const GeneratorModel& generator, const char* what,
         synth::SynthParams p, double target, int records)
{
    double totalMs = 0, steps = 0, change = 0, t = 0, pWave = 0, rr = 0;
    int valid = 0;
    for (int i = 0; i < records; ++i) {
        p.seed = std::uint64_t(500 + i);
        const SignalGroup g = synth::generateEcg(p).recording.groups.at(0);
        const AdaptedInput input = adaptToModel(g, model.card());
        CounterfactualRequest request;   // both demo models have one output
        request.model = &model;
        request.group = &g;
        request.input = &input;
        request.generator = &generator;
        request.target = {0, target};
        const auto r = CounterfactualRegistry::instance().run(method, request);
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
    std::printf("%-14s %-34s %6.0f ms/cf  %5.1f steps  reached %2d/%d  mean|change| %.3f mV  dT(V2-4) %+.3f mV  dP(II,V1) %+.3f mV  dRRirr %+.3f\n",
                method.c_str(), what, totalMs / n, steps / n, valid, records, change / n, t / n, pWave / n, rr / n);
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
    std::printf("bench_counterfactual: default settings, %d threads, %d records each\n", threads, records);
    const TorchModel potassium = load("potassium.pt"), af = load("af.pt");
    const auto generator = loadCardGenerator(modelCardPathFor(potassium.path()), potassium.card());
    synth::SynthParams k4, fib;
    k4.potassiumMmolL = 4.0;
    fib.rhythm = synth::Rhythm::AtrialFibrillation;
    for (const auto& m : CounterfactualRegistry::instance().methods()) {
        run(m.name, potassium, *generator, "potassium: K+ 4.0 -> 6.5 mmol/L", k4, 6.5, records);
        run(m.name, potassium, *generator, "potassium: K+ 4.0 -> 3.0 mmol/L", k4, 3.0, records);
        run(m.name, af, *generator, "af: AF -> P(AF) <= 0.2", fib, 0.2, records);
    }
    return 0;
}
