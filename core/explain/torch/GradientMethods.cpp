// Gradient maps (Simonyan et al. 2014; Shrikumar et al. 2016; Smilkov et al. 2017; Adebayo et al. 2018), defined as
// Captum 0.8 defines them so the numbers agree with it (../shared/reference/captum/README.md).
#include "explain/torch/Gradients.h"
#include "explain/torch/Methods.h"

namespace execg {

namespace {

ParameterSpec absSpec()
{
    return {"abs", ParameterType::Flag, 0, 0, "false", "", "Absolute values: how much each sample matters, not in which direction.", {}};
}

AttributionResult saliency(const ExplainRequest& r)
{
    auto g = inputGradients(r, inputTensor(r), 1);
    if (r.parameters.flag("abs"))
        g = g.abs();
    return {toValues(g), {}, {}};
}

AttributionResult inputTimesGradient(const ExplainRequest& r)
{
    const auto x = inputTensor(r);
    return {toValues(x * inputGradients(r, x, 1)), {}, {}};
}

// The noisy copies: N(0, noise²) mV per sample from the run's own generator, so a seed gives the same map on every
// run and parallel runs do not disturb each other (same sequence as torch::manual_seed(seed); torch::randn).
torch::Tensor noisyCopies(const ExplainRequest& r, const torch::Tensor& x)
{
    const int n = r.parameters.integer("samples");
    auto generator = at::detail::createCPUGenerator(std::uint64_t(std::stoull(r.parameters.text("seed"))));
    const auto noise = torch::randn({n, x.size(1), x.size(2)}, generator) * r.parameters.real("noise");
    return x + noise;
}

AttributionResult smoothGrad(const ExplainRequest& r)
{
    const auto x = inputTensor(r);
    auto g = inputGradients(r, noisyCopies(r, x), r.parameters.integer("batch"));
    if (r.parameters.flag("abs"))
        g = g.abs();
    return {toValues(g.sum(0, true) / double(g.size(0))), {}, {}};
}

AttributionResult varGrad(const ExplainRequest& r)
{
    const auto g = inputGradients(r, noisyCopies(r, inputTensor(r)), r.parameters.integer("batch"));
    const double n = double(g.size(0));
    const auto mean = g.sum(0, true) / n;
    return {toValues((g * g).sum(0, true) / n - mean * mean), {}, {}};
}

std::vector<ParameterSpec> noiseSpecs()
{
    return {{"samples", ParameterType::Integer, 1, 1000, "50", "", "Noisy copies averaged.", {}},
            {"noise", ParameterType::Real, 0.0, 5.0, "0.2", "mV", "Standard deviation of the Gaussian noise added to every sample.", {}},
            seedSpec("the noise"), batchSpec("Noisy copies")};
}

} // namespace

std::unique_ptr<Explainer> makeSaliency()
{
    return makeExplainer({"saliency", "Saliency", "gradient",
                          "How much the output changes for a small change of each sample (the gradient).", {absSpec()}, false},
                         saliency);
}

std::unique_ptr<Explainer> makeInputXGradient()
{
    return makeExplainer({"input-x-gradient", "Input × Gradient", "gradient",
                          "Each sample's value times the output's gradient: a first-order share of the output.", {}, false},
                         inputTimesGradient);
}

std::unique_ptr<Explainer> makeSmoothGrad()
{
    auto specs = noiseSpecs();
    specs.push_back(absSpec());
    return makeExplainer({"smoothgrad", "SmoothGrad", "gradient",
                          "Saliency averaged over noisy copies of the recording: steadier than one gradient.", specs, true},
                         smoothGrad);
}

std::unique_ptr<Explainer> makeVarGrad()
{
    return makeExplainer({"vargrad", "VarGrad", "gradient",
                          "Variance of the gradient over noisy copies: where the model's sensitivity is unstable.",
                          noiseSpecs(), true},
                         varGrad);
}

} // namespace execg
