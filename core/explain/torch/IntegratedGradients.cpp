// Integrated Gradients (Sundararajan et al. 2017): (x − x′) · ∫₀¹ ∂f/∂x (x′ + α(x − x′)) dα, the integral by
// quadrature, all path points through the model in batches. Completeness says the map sums to f(x) − f(x′);
// the difference (the quadrature's error) is reported with every result.
#include "dsp/FilterDesign.h"
#include "dsp/SosFilter.h"
#include "explain/Quadrature.h"
#include "explain/torch/Gradients.h"
#include "explain/torch/Methods.h"
#include "model/torch/TorchModelImpl.h"

namespace execg {

namespace {

// The path's start. "lowpass" keeps each lead's slow baseline (wander, offsets) and removes the waves, so the map
// explains the waves rather than the distance from 0 mV.
torch::Tensor baselineFor(const ExplainRequest& r, const torch::Tensor& x)
{
    const auto& kind = r.parameters.text("baseline");
    if (kind == "zero")
        return torch::zeros_like(x);
    if (kind == "recording") {
        if (!r.baselineInput)
            throw ExplainError("integrated-gradients: baseline=recording needs a baseline recording (--baseline FILE)");
        // A model that takes shorter inputs may be given a short window; the baseline, fitted to the full window (and
        // normalised over all of it), is cut to the window's length.
        if (r.baselineInput->leads != r.input->leads || r.baselineInput->samples < r.input->samples)
            throw ExplainError("integrated-gradients: the baseline recording does not fit the model's input");
        return toTensor({*r.baselineInput}).slice(2, 0, r.input->samples).contiguous();
    }
    const auto filter = dsp::butterworthLowPass(2, r.parameters.real("cutoff"), r.input->modelRateHz);
    AdaptedInput low = *r.input;
    for (int l = 0; l < low.leads; ++l) {
        const auto begin = low.values.begin() + std::ptrdiff_t(l) * low.samples;
        const auto y = dsp::filtfilt(filter, std::vector<float>(begin, begin + low.samples));
        std::copy(y.begin(), y.end(), begin);
    }
    return toTensor({low});
}

AttributionResult integratedGradients(const ExplainRequest& r)
{
    const int steps = r.parameters.integer("steps");
    const bool gauss = r.parameters.text("rule") == "gauss-legendre";
    if (!gauss && steps < 2)
        throw ExplainError("integrated-gradients: the trapezoid rule needs at least 2 steps");
    const QuadratureRule rule = gauss ? gaussLegendre(steps) : captumTrapezoid(steps);
    const auto x = inputTensor(r);
    const auto base = baselineFor(r, x);
    const auto diff = x - base;
    // Captum's trapezoid alphas are torch.linspace values (float32); the Gauss–Legendre ones are doubles.
    const auto linspace = torch::linspace(0.0, 1.0, steps);
    std::vector<torch::Tensor> path;
    for (int k = 0; k < steps; ++k)
        path.push_back(gauss ? base + rule.alphas[std::size_t(k)] * diff : base + linspace[k] * diff);
    const auto grads = inputGradients(r, torch::cat(path, 0), r.parameters.integer("batch"), 0.0, 0.95);
    const auto w = torch::tensor(rule.weights, torch::kFloat64).to(torch::kFloat32).view({steps, 1, 1, 1});
    const auto total = (grads.view({steps, 1, x.size(1), x.size(2)}) * w).sum(0);
    const auto attribution = total * diff;

    const auto f = outputs(*r.model, torch::cat({x, base}, 0));
    const double fx = f[0][r.target].item<double>(), fb = f[1][r.target].item<double>();
    const double sum = attribution.sum().item<double>();
    AttributionResult result{toValues(attribution), {}, {}};
    result.diagnostics = {{"completeness_delta", sum - (fx - fb)}, {"f_x", fx}, {"f_baseline", fb}, {"attribution_sum", sum}};
    return result;
}

} // namespace

std::unique_ptr<Explainer> makeIntegratedGradients()
{
    return makeExplainer(
        {"integrated-gradients", "Integrated Gradients", "gradient",
         "Each sample's share of the change in output between a baseline and the recording; the shares add up to that "
         "change (up to the reported completeness delta).",
         {{"steps", ParameterType::Integer, 1, 1000, "50", "", "Points on the path from the baseline to the recording.", {}},
          {"rule", ParameterType::Choice, 0, 0, "gauss-legendre", "", "Quadrature along the path.", {"gauss-legendre", "trapezoid"}},
          {"baseline", ParameterType::Choice, 0, 0, "zero", "",
           "Where the path starts: 0 mV, the recording low-pass filtered (its slow baseline kept), or another recording.",
           {"zero", "lowpass", "recording"}},
          {"cutoff", ParameterType::Real, 0.05, 5.0, "0.5", "Hz", "Cut-off of the low-pass baseline.", {}},
          batchSpec("Path points")},
         false},
        integratedGradients);
}

} // namespace execg
