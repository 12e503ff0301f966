// Issue 28: the real-data AF model on a whole 30 s single-lead recording — the prediction and the default
// explanation set (the card's, as `execg-cli explain` without --method and the workstation run it), each method
// timed on its own and the whole set in a row through CaseAnalysis::run, at 2 threads unless told otherwise.
// Figures only, never pass/fail. The recording: ../shared/cinc2017/A00054 (real AF, 30 s) when there, else a
// synthetic 30 s AF lead at 300 Hz. Another model with the same card (an average of seeds from `execg-train
// --members`) can be timed in its place.
//   bench_af_recording [threads] [repeats] [model.pt]
#include "analysis/torch/CaseAnalysis.h"
#include "explain/Explainer.h"
#include "io/ReaderRegistry.h"
#include "model/torch/TorchModel.h"
#include "synth/EcgSynthesizer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

using namespace execg;

namespace {

template <class F>
double medianMs(int repeats, F&& f)
{
    f();   // warm-up: the graph executor's first run profiles and optimises
    std::vector<double> ms;
    for (int k = 0; k < repeats; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::nth_element(ms.begin(), ms.begin() + long(ms.size() / 2), ms.end());
    return ms[ms.size() / 2];
}

std::shared_ptr<const Recording> thirtySeconds(std::string& file)
{
    file = std::string(EXECG_SOURCE_DIR) + "/../shared/cinc2017/A00054.hea";
    if (std::filesystem::exists(file))
        return std::make_shared<const Recording>(ReaderRegistry::instance().read(file));
    synth::SynthParams p;
    p.rhythm = synth::Rhythm::AtrialFibrillation;
    p.samplingRateHz = 300.0;
    p.seconds = 30.0;
    p.seed = 28;
    auto r = synth::generateEcg(p).recording;
    r.groups[0].leads.resize(1);   // lead I alone, as a handheld device records it
    file = "synthetic 30 s AF, lead I";
    return std::make_shared<const Recording>(std::move(r));
}

} // namespace

int main(int argc, char** argv)
{
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    configureTorchThreads(threads);
    const std::string modelFile = argc > 3 ? std::string(argv[3]) : std::string(EXECG_SOURCE_DIR) + "/resources/models/af-cinc2017.pt";
    auto model = std::make_shared<const TorchModel>(modelFile, loadModelCard(modelCardPathFor(modelFile)));
    std::string file;
    const auto recording = thirtySeconds(file);
    const CaseAnalysis analysis(recording, recording->primaryGroupIndex(), model, CaseFiles{file, modelFile, {}});
    const FittedCase fitted = analysis.fit();
    std::printf("%s on %s (%.1f s): %zu window(s) of %.1f s, %d threads, median of %d after a warm-up\n",
                modelFile.c_str(), file.c_str(), double(analysis.group().sampleCount()) / analysis.group().samplingRateHz, fitted.windows.size(),
                model->card().input.samples / model->card().input.samplingRateHz, threads, repeats);
    const auto prediction = analysis.predict(fitted);
    const int target = CaseAnalysis::chooseTarget(prediction.raw, std::nullopt);
    std::printf("  %-34s %8.1f ms\n", "predict", medianMs(repeats, [&] { analysis.predict(fitted); }));
    double sum = 0;
    AnalysisRequest request;
    for (const auto& name : defaultExplainerNames(model->card())) {
        MethodChoice choice;
        choice.method = name;
        const double ms = medianMs(repeats, [&] { analysis.explain(fitted, target, choice); });
        sum += ms;
        std::printf("  %-34s %8.1f ms\n", name.c_str(), ms);
        request.methods.push_back(choice);
    }
    std::printf("  %-34s %8.1f ms\n", "default set, sum of the above", sum);
    request.target = target;
    std::printf("  %-34s %8.1f ms  (read, fit, predict, every method, evidence per wave)\n", "default set in one run()",
                medianMs(repeats, [&] { analysis.run(request); }));
    return 0;
}
