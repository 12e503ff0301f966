// Concept-test figures (not pass/fail): issue 8's load — 3 concepts × 2 layers × 20 runs × 100 examples per set —
// on the potassium demo model: the synthetic sets' generation, the test with an empty activation cache, and again
// with the activations cached. Usage: bench_tcav [--threads N] [--examples N] [--runs N]
#include "concept/torch/Tcav.h"
#include "model/torch/TorchModel.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

using namespace execg;

namespace {

double secondsSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv)
{
    int threads = 2, examples = 100, runs = 20;
    for (int i = 1; i + 1 < argc; ++i) {
        if (!std::strcmp(argv[i], "--threads"))
            threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--examples"))
            examples = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--runs"))
            runs = std::atoi(argv[++i]);
    }
    configureTorchThreads(threads);
    const std::string path = std::string(EXECG_SOURCE_DIR) + "/resources/models/potassium.pt";
    const TorchModel model(path, loadModelCard(modelCardPathFor(path)));
    std::printf("bench_tcav: potassium demo model, %d threads, 3 concepts x layers %s x %d runs x %d examples per set\n",
                threads, "layer2+layer3", runs, examples);

    auto t0 = std::chrono::steady_clock::now();
    const std::vector<tcav::ConceptSet> concepts{tcav::builtinConceptSet("peaked-t", examples, 1),
                                                 tcav::builtinConceptSet("flat-t", examples, 2),
                                                 tcav::builtinConceptSet("random", examples, 3)};
    const auto pool = tcav::normalPool(3 * examples, 4, 250.0);
    const auto inputs = tcav::builtinConceptSet("random", examples, 5);
    std::printf("  synthetic sets (%d ECGs, 250 Hz):            %6.1f s\n", 3 * examples + 3 * examples + examples, secondsSince(t0));

    TcavOptions o;
    o.runs = runs;
    o.seed = 1;
    clearActivationCache();
    t0 = std::chrono::steady_clock::now();
    const TcavResult cold = runTcav(model, concepts, pool, inputs, 0, o);
    std::printf("  concept test, empty cache:                  %6.1f s  (activations computed for %d sets x layers)\n",
                secondsSince(t0), cold.computedActivations);
    t0 = std::chrono::steady_clock::now();
    const TcavResult warm = runTcav(model, concepts, pool, inputs, 0, o);
    std::printf("  concept test, activations cached:           %6.1f s  (%d served from the cache)\n", secondsSince(t0),
                warm.cachedActivations);
    for (const auto& row : cold.rows)
        std::printf("    %-9s %-7s score %.3f [%.3f, %.3f]  random %.3f  p(Holm) %.2g  CAV %.0f %%  %s\n", row.conceptName.c_str(),
                    row.layer.c_str(), row.score, row.ciLow, row.ciHigh, row.nullMean, row.pCorrected, 100 * row.cavAccuracy,
                    row.significant ? "SIGNIFICANT" : row.reliable ? "not significant" : "unreliable");
    return 0;
}
