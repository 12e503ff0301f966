// Perturbation maps: how much the target output drops when a part of the recording is replaced by a baseline
// (0 in the model's units). Occlusion slides a window over leads × time (Zeiler & Fergus 2014); feature ablation
// removes fixed lead × time features. Defined as Captum 0.8 defines them; many perturbed copies per forward pass.
#include "explain/torch/Gradients.h"
#include "explain/torch/Methods.h"

#include <cmath>

namespace execg {

namespace {

struct Region {
    int lead0, leads, sample0, samples;
};

int samplesFor(const ExplainRequest& r, const std::string& name)
{
    return std::max(1, int(std::lround(r.parameters.real(name) * 1e-3 * r.input->modelRateHz)));
}

// f(x)[target] − f(x with each region set to 0).
std::vector<double> outputDrops(const ExplainRequest& r, const std::vector<Region>& regions, PerturbationRun& run)
{
    const double fx = outputs(*r.model, inputTensor(r))[0][r.target].item<double>();
    auto drops = perturbedOutputs(r, regions.size(), [&](std::size_t k, torch::Tensor copy) {
        const Region& g = regions[k];
        copy.slice(0, g.lead0, g.lead0 + g.leads).slice(1, g.sample0, g.sample0 + g.samples).zero_();
    }, 0.0, 1.0, &run);
    for (auto& y : drops)
        y = fx - y;
    return drops;
}

// Window starts along one axis as Captum places them: ceil((size − window) / stride) + 1 windows, the last clipped.
std::vector<int> starts(int size, int window, int stride)
{
    std::vector<int> s;
    const int count = int(std::ceil(double(std::max(0, size - window)) / stride)) + 1;
    for (int k = 0; k < count; ++k)
        s.push_back(k * stride);
    return s;
}

AttributionResult occlusion(const ExplainRequest& r)
{
    const int leads = r.input->leads, samples = r.input->samples;
    const int windowLeads = std::min(leads, r.parameters.integer("leads"));
    const int leadStride = std::min(leads, r.parameters.integer("lead-stride") > 0 ? r.parameters.integer("lead-stride") : windowLeads);
    const int window = std::min(samples, samplesFor(r, "window-ms"));
    const int stride = r.parameters.real("stride-ms") > 0 ? samplesFor(r, "stride-ms") : window;
    std::vector<Region> regions;
    for (int l : starts(leads, windowLeads, leadStride))
        for (int s : starts(samples, window, stride))
            regions.push_back({l, std::min(windowLeads, leads - l), s, std::min(window, samples - s)});
    PerturbationRun run;
    const auto drops = outputDrops(r, regions, run);
    // Overlapping windows: each sample gets the mean drop of the windows that covered it.
    std::vector<double> total(std::size_t(leads) * std::size_t(samples), 0.0), count(total.size(), 0.0);
    for (std::size_t k = 0; k < regions.size(); ++k)
        for (int l = regions[k].lead0; l < regions[k].lead0 + regions[k].leads; ++l)
            for (int s = regions[k].sample0; s < regions[k].sample0 + regions[k].samples; ++s) {
                total[std::size_t(l) * std::size_t(samples) + std::size_t(s)] += drops[k];
                count[std::size_t(l) * std::size_t(samples) + std::size_t(s)] += 1.0;
            }
    AttributionResult result;
    result.map.resize(total.size());
    for (std::size_t i = 0; i < total.size(); ++i)
        result.map[i] = count[i] > 0 ? float(total[i] / count[i]) : 0.0f;
    result.diagnostics = {{"windows", double(regions.size())}, {"window_samples", double(window)}, {"stride_samples", double(stride)},
                          {"incremental_copies", double(run.incrementalCopies)}};
    return result;
}

AttributionResult featureAblation(const ExplainRequest& r)
{
    const int leads = r.input->leads, samples = r.input->samples;
    const int window = std::min(samples, samplesFor(r, "window-ms"));
    std::vector<Region> regions;
    for (int l = 0; l < leads; ++l)
        for (int s = 0; s < samples; s += window)
            regions.push_back({l, 1, s, std::min(window, samples - s)});
    PerturbationRun run;
    const auto drops = outputDrops(r, regions, run);
    AttributionResult result;
    result.map.assign(std::size_t(leads) * std::size_t(samples), 0.0f);
    for (std::size_t k = 0; k < regions.size(); ++k)
        for (int s = regions[k].sample0; s < regions[k].sample0 + regions[k].samples; ++s)
            result.map[std::size_t(regions[k].lead0) * std::size_t(samples) + std::size_t(s)] = float(drops[k]);
    result.diagnostics = {{"features", double(regions.size())}, {"window_samples", double(window)},
                          {"incremental_copies", double(run.incrementalCopies)}};
    return result;
}

} // namespace

std::unique_ptr<Explainer> makeOcclusion()
{
    return makeExplainer({"occlusion", "Occlusion", "perturbation",
                          "How much the output drops when a window of leads × time is set to 0 mV.",
                          {{"leads", ParameterType::Integer, 1, 1000, "12", "", "Leads covered by one window (all by default).", {}},
                           {"lead-stride", ParameterType::Integer, 0, 1000, "0", "", "Leads between windows (0: the window's height).", {}},
                           {"window-ms", ParameterType::Real, 1, 10000, "100", "ms", "Window length.", {}},
                           {"stride-ms", ParameterType::Real, 0, 10000, "0", "ms", "Time between windows (0: the window's length).", {}},
                           batchSpec("Perturbed copies")},
                          false},
                         occlusion);
}

std::unique_ptr<Explainer> makeFeatureAblation()
{
    return makeExplainer({"feature-ablation", "Feature ablation", "perturbation",
                          "How much the output drops when one lead's window of time is set to 0 mV, for every lead and window.",
                          {{"window-ms", ParameterType::Real, 1, 10000, "200", "ms", "Length of each lead's time features.", {}}, batchSpec("Perturbed copies")},
                          false},
                         featureAblation);
}

} // namespace execg
