// Every explanation method on the Captum reference model and input, timed as Captum was timed (2 warm-ups, then the
// median of 5, at 2 threads unless told otherwise), beside Captum's own median from ../shared/reference/captum/out/
// summary.json. Figures only, never pass/fail.
//   bench_explain [threads] [repeats] [warm-ups] [optimize 0|1] [method name filter]
#include "explain/Explainer.h"
#include "io/ReaderRegistry.h"
#include "model/torch/TorchModel.h"
#include "model/torch/TorchModelImpl.h"

#include <nlohmann/json.hpp>
#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/jit/runtime/graph_executor.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

using namespace execg;

namespace {

template <class F>
std::pair<double, double> medianAndMin(int repeats, int warmups, F&& f)
{
    std::vector<double> ms;
    for (int k = 0; k < repeats + warmups; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        if (k >= warmups)
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::nth_element(ms.begin(), ms.begin() + long(ms.size() / 2), ms.end());
    return {ms[ms.size() / 2], *std::min_element(ms.begin(), ms.end())};
}

struct Case {
    const char* label;
    const char* method;
    std::map<std::string, std::string> parameters;
    const char* captumKey;   // in summary.json "methods"
};

const std::vector<Case> kCases{
    {"saliency", "saliency", {}, "saliency"},
    {"input x gradient", "input-x-gradient", {}, "input_x_gradient"},
    {"IG 50 Gauss-Legendre", "integrated-gradients", {}, "ig_gausslegendre"},
    {"IG 50 trapezoid", "integrated-gradients", {{"rule", "trapezoid"}}, "ig_riemann_trapezoid"},
    {"SmoothGrad 50", "smoothgrad", {}, "smoothgrad_saliency"},
    {"Grad-CAM layer3", "grad-cam", {{"layer", "layer3"}}, "layer_gradcam_layer3_upsampled_linear"},
    {"guided backprop", "guided-backprop", {}, "guided_backprop"},
    {"guided Grad-CAM layer3", "guided-grad-cam", {{"layer", "layer3"}}, "guided_gradcam_layer3"},
    {"occlusion 12x25 (vs Captum 1/eval)", "occlusion", {{"window-ms", "100"}}, "occlusion_12x25"},
    {"occlusion 12x25 (vs Captum 50/eval)", "occlusion", {{"window-ms", "100"}}, "occlusion_12x25_ppe50"},
    {"feature ablation 600 (vs 1/eval)", "feature-ablation", {}, "feature_ablation_lead_x_50"},
    {"feature ablation 600 (vs 50/eval)", "feature-ablation", {}, "feature_ablation_lead_x_50_ppe50"},
};

} // namespace

int main(int argc, char** argv)
{
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    const int warmups = argc > 3 ? std::atoi(argv[3]) : 2;
    if (argc > 4)
        torch::jit::setGraphExecutorOptimize(std::atoi(argv[4]) != 0);
    const std::string only = argc > 5 ? argv[5] : "";
    const std::string dir = std::string(EXECG_CORPUS_DIR) + "/../reference/captum";
    std::ifstream summaryFile(dir + "/out/summary.json");
    if (!summaryFile) {
        std::cerr << "bench_explain: " << dir << "/out/summary.json not found\n";
        return 1;
    }
    const auto captum = nlohmann::json::parse(summaryFile);
    configureTorchThreads(threads);
    ModelCard card = inferredModelCard(dir + "/model.pt", 250, 2500);
    card.layers = {{"layer3", true, true}};
    card.warnings.clear();
    const TorchModel model(dir + "/model.pt", card);
    ReadOptions ro;
    ro.raw.samplingRateHz = 250;
    const auto rec = ReaderRegistry::instance().read(dir + "/input.npy", ro);
    const auto input = adaptToModel(rec.groups.front(), model.card());

    std::printf("threads %d, median of %d after %d warm-ups, graph optimisation %s; Captum 0.8 figures from summary.json (2 threads)\n\n",
                threads, repeats, warmups, torch::jit::getGraphExecutorOptimize() ? "on" : "off");
    std::printf("%-38s %10s %8s %10s %8s\n", "method", "ours ms", "(min)", "Captum ms", "speed-up");
    for (const auto& c : kCases) {
        if (std::string(c.method).find(only) == std::string::npos)
            continue;
        ExplainOptions options;
        options.parameters = c.parameters;
        std::vector<double> ms;
        for (int k = 0; k < repeats + warmups; ++k) {
            const auto t0 = std::chrono::steady_clock::now();
            runExplanation(c.method, model, input, 1, options);
            if (k >= warmups)
                ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
        if (std::getenv("BENCH_VERBOSE")) { for (double v : ms) std::fprintf(stderr, "%.0f ", v); std::fprintf(stderr, "\n"); }
        std::nth_element(ms.begin(), ms.begin() + long(ms.size() / 2), ms.end());
        const double ours = ms[ms.size() / 2];
        const double fastest = *std::min_element(ms.begin(), ms.end());
        const double theirs = captum["methods"][c.captumKey]["time_median_s"].get<double>() * 1000.0;
        std::printf("%-38s %10.1f %8.1f %10.1f %7.1fx\n", c.label, ours, fastest, theirs, theirs / ours);
    }

    // A layer's output and the target's gradient with respect to it — Grad-CAM's pass — through the submodule chain
    // (what a chain model uses) and through the tap on forward()'s graph (what any other model uses), same layer.
    if (only.empty() || std::string("grad-cam").find(only) != std::string::npos) {
        const auto x = toTensor({input});
        const auto pass = [&](auto&& forward) {
            const auto p = forward();
            return torch::autograd::grad({p.output.select(1, 1).sum()}, {p.activations})[0];
        };
        const LayerTap tap(model.impl().module, "layer3");
        const auto chain = medianAndMin(repeats, warmups, [&] { pass([&] { return model.impl().layerForward(x, "layer3"); }); });
        const auto graph = medianAndMin(repeats, warmups, [&] { pass([&] { return tap.forwardFrom(x); }); });
        const auto chainActs = medianAndMin(repeats, warmups, [&] { torch::NoGradGuard g; model.impl().layerActivations(x, "layer3"); });
        const auto graphActs = medianAndMin(repeats, warmups, [&] { torch::NoGradGuard g; tap.activations(x); });
        std::printf("\nlayer access at layer3 (ms, median / min)      chain           graph tap     tap / chain\n");
        std::printf("%-44s %7.2f / %-7.2f %7.2f / %-7.2f %6.2fx\n", "activations + gradient (Grad-CAM's pass)",
                    chain.first, chain.second, graph.first, graph.second, graph.first / chain.first);
        std::printf("%-44s %7.2f / %-7.2f %7.2f / %-7.2f %6.2fx\n", "activations only (concept tests)", chainActs.first,
                    chainActs.second, graphActs.first, graphActs.second, graphActs.first / chainActs.first);
    }
    return 0;
}
