// The explanation-quality scorecard for one method on one recording with each demo model (synthetic 10 s 12-lead
// records: K+ 7.5 mmol/L for the potassium model, atrial fibrillation for the AF model), and the randomisation
// check alone; median and minimum of `repeats` after one warm-up. Figures only, never pass/fail.
//   bench_quality [threads] [repeats]
#include "explain/Explainer.h"
#include "quality/torch/Scorecard.h"
#include "synth/EcgSynthesizer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace execg;

namespace {

double msSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

template <typename F>
std::pair<double, double> medianAndMin(int repeats, F&& run)
{
    run();   // warm-up
    std::vector<double> ms;
    for (int k = 0; k < repeats; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        run();
        ms.push_back(msSince(t0));
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front()};
}

} // namespace

int main(int argc, char** argv)
{
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    configureTorchThreads(threads);
    std::printf("threads %d, median (min) of %d after 1 warm-up; scorecard = faithfulness (deletion, insertion, 100 "
                "subsets) + random-map bar + 10 perturbed explanations + randomisation check\n\n", threads, repeats);
    std::printf("%-10s %-22s %10s %9s %12s %9s\n", "model", "method", "explain", "", "scorecard", "(min)");
    for (const std::string name : {"potassium", "af"}) {
        const std::string path = std::string(EXECG_SOURCE_DIR) + "/resources/models/" + name + ".pt";
        const TorchModel model(path, loadModelCard(modelCardPathFor(path)));
        synth::SynthParams p;
        p.seed = 11;
        if (name == "potassium")
            p.potassiumMmolL = 7.5;
        else
            p.rhythm = synth::Rhythm::AtrialFibrillation;
        const auto record = synth::generateEcg(p);
        const auto& group = record.recording.groups.front();
        const auto input = adaptToModel(group, model.card());
        const auto truth = quality::groundTruthSegmentation(record.beats, group.leads.front().samples.size(), group.samplingRateHz);
        for (const std::string method : {"saliency", "integrated-gradients", "smoothgrad", "grad-cam", "occlusion"}) {
            Explanation e;
            const auto [explainMs, explainMin] = medianAndMin(repeats, [&] { e = runExplanation(method, model, input, 0); });
            mapExplanationToRecording(e, input, group);
            quality::ScorecardOptions o;
            if (!model.card().labelWaves.empty()) {
                o.truth = &truth;
                o.truthWaves = model.card().labelWaves;
            }
            const auto [scoreMs, scoreMin] = medianAndMin(repeats, [&] { quality::scoreExplanation(model, input, e, o); });
            std::printf("%-10s %-22s %7.0f ms %9s %9.0f ms %6.0f ms\n", name.c_str(), method.c_str(), explainMs, "",
                        scoreMs, scoreMin);
            std::fflush(stdout);
        }
        const auto rerun = [&](const TorchModel& m) { return runExplanation("integrated-gradients", m, input, 0).modelMap; };
        const auto original = rerun(model);
        const auto [randMs, randMin] = medianAndMin(repeats, [&] { quality::cascadingRandomisation(model, rerun, original); });
        std::printf("%-10s %-22s %10s %9s %9.0f ms %6.0f ms  (randomisation check alone, %zu submodules)\n\n",
                    name.c_str(), "integrated-gradients", "", "", randMs, randMin, model.children().size());
    }
    return 0;
}
