#include "explain/torch/Gradients.h"

#include "model/torch/IncrementalChain.h"

#include "model/torch/TorchModelImpl.h"

#include <torch/csrc/autograd/autograd.h>

namespace execg {

namespace {

class FunctionExplainer : public Explainer {
public:
    FunctionExplainer(ExplainerInfo info, std::function<AttributionResult(const ExplainRequest&)> run)
        : info_(std::move(info)), run_(std::move(run)) {}
    const ExplainerInfo& info() const override { return info_; }
    AttributionResult explain(const ExplainRequest& request) const override { return run_(request); }

private:
    ExplainerInfo info_;
    std::function<AttributionResult(const ExplainRequest&)> run_;
};

} // namespace

std::unique_ptr<Explainer> makeExplainer(ExplainerInfo info, std::function<AttributionResult(const ExplainRequest&)> run)
{
    return std::make_unique<FunctionExplainer>(std::move(info), std::move(run));
}

torch::Tensor inputTensor(const ExplainRequest& request) { return toTensor({*request.input}); }

std::vector<float> toValues(const torch::Tensor& t)
{
    const auto c = t.detach().to(torch::kFloat32).contiguous();
    return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

torch::Tensor outputs(const TorchModel& model, const torch::Tensor& x)
{
    torch::NoGradGuard noGrad;
    auto module = model.impl().module;
    return module.forward({inModelLayout(x, model.card())}).toTensor();
}

torch::Tensor inputGradients(const ExplainRequest& request, const torch::Tensor& x, int batchSize, double from, double to)
{
    return inputGradients(request, request.model->impl().module, x, batchSize, from, to);
}

torch::Tensor inputGradients(const ExplainRequest& request, torch::jit::Module module, const torch::Tensor& x,
                             int batchSize, double from, double to)
{
    const std::int64_t n = x.size(0), step = std::max(1, batchSize);
    std::vector<torch::Tensor> parts;
    for (std::int64_t first = 0; first < n; first += step) {
        const auto chunk = x.slice(0, first, std::min(n, first + step)).detach().clone().requires_grad_(true);
        const auto y = module.forward({inModelLayout(chunk, request.model->card())}).toTensor();
        if (!y.requires_grad())
            throw ExplainError("the model's output does not depend differentiably on its input (integer outputs or a "
                               "detached graph): gradient methods cannot explain it");
        // Rows are independent, so the gradient of the sum gives each row its own gradient in one backward pass.
        parts.push_back(torch::autograd::grad({y.select(1, request.target).sum()}, {chunk})[0]);
        request.report(from + (to - from) * double(std::min(n, first + step)) / double(n));
    }
    return parts.size() == 1 ? parts.front() : torch::cat(parts, 0);
}

namespace {

constexpr std::size_t kIncrementalPass = 600;

// The stretch of time in which each copy differs from x (any lead); empty where it does not differ.
std::vector<TimeRange> changedRanges(const torch::Tensor& copies, const torch::Tensor& x)
{
    const auto differs = (copies != x).any(1).contiguous();   // B × samples
    const auto count = differs.size(0), samples = differs.size(1);
    const bool* d = differs.data_ptr<bool>();
    std::vector<TimeRange> ranges(std::size_t(count), TimeRange{});
    for (std::int64_t b = 0; b < count; ++b) {
        const bool* row = d + b * samples;
        const auto first = std::find(row, row + samples, true);
        if (first == row + samples)
            continue;
        const auto last = std::find(std::make_reverse_iterator(row + samples), std::make_reverse_iterator(first), true);
        ranges[std::size_t(b)] = {int(first - row), int(last.base() - row)};
    }
    return ranges;
}

} // namespace

std::vector<double> perturbedOutputs(const ExplainRequest& request, std::size_t count,
                                     const std::function<void(std::size_t, torch::Tensor)>& perturb, double from, double to,
                                     PerturbationRun* run)
{
    const auto x = inputTensor(request);
    const auto samples = double(x.size(2));
    std::string why;
    const auto plan = incrementalPlan(*request.model, request.input->samples, &why);
    std::optional<IncrementalChain> incremental;
    if (plan)
        incremental.emplace(*request.model, plan, x);
    // Recomputed incrementally, a copy costs a few small convolutions, and each pass a fixed set-up: passes of
    // several hundred copies (still only ~70 MB of 12 × 2500 inputs) ran feature ablation 2-3x faster than passes
    // of 50. Full forwards keep the request's batch.
    const auto batch = std::size_t(request.parameters.integer("batch"));
    const std::size_t pass = incremental ? std::max<std::size_t>(batch, kIncrementalPass) : batch;
    std::vector<double> out;
    std::size_t incrementalCopies = 0;
    for (std::size_t first = 0; first < count;) {
        const std::size_t last = std::min(count, first + pass);
        auto copies = x.repeat({std::int64_t(last - first), 1, 1});
        for (std::size_t k = first; k < last; ++k)
            perturb(k, copies[std::int64_t(k - first)]);
        torch::Tensor y;
        if (incremental) {
            // Worth it while the changes are short; copies changed all over (SHAP coalitions) run in full.
            const auto changed = changedRanges(copies, x);
            double width = 0.0;
            for (const auto& c : changed)
                width += c.size();
            if (width / double(changed.size()) <= 0.25 * samples) {
                try {
                    y = incremental->outputs(copies, changed, batch);
                    incrementalCopies += last - first;
                } catch (const std::exception& e) {
                    // The plan held on the load-time probe; should a crop still fail, the full forward gives the answer.
                    why = std::string("recomputing only what a change reaches failed: ") + e.what();
                    y = torch::Tensor();
                }
            }
        }
        if (!y.defined()) {
            std::vector<torch::Tensor> parts;
            for (std::int64_t b = 0; b < copies.size(0); b += std::int64_t(batch))
                parts.push_back(outputs(*request.model, copies.slice(0, b, std::min(copies.size(0), b + std::int64_t(batch)))));
            y = torch::cat(parts);
        }
        y = y.select(1, request.target).to(torch::kFloat64).contiguous();
        for (std::size_t k = first; k < last; ++k)
            out.push_back(y[std::int64_t(k - first)].item<double>());
        first = last;
        request.report(from + (to - from) * double(last) / double(count));
    }
    if (run) {
        run->copies += count;
        run->incrementalCopies += incrementalCopies;
        run->fullReason = why;
    }
    return out;
}

ParameterSpec batchSpec(const std::string& what)
{
    return {"batch", ParameterType::Integer, 1, 1000, "50", "",
            what + " per forward pass: larger is faster until memory runs short; results do not change.", {}};
}

ParameterSpec seedSpec(const std::string& what)
{
    return {"seed", ParameterType::Integer, 0, 2147483647, "0", "", "Seed of " + what + ": the same seed gives the same map.", {}};
}

ParameterSpec gradCamLayerSpec()
{
    return {"layer", ParameterType::Layer, 0, 0, "", "", "A layer the model's card lists for Grad-CAM (default: the first).", {}};
}

std::string checkedLayer(const ExplainRequest& request, const std::string& method, bool forGradCam)
{
    const ModelCard& card = request.model->card();
    const auto usable = [&](const ModelLayer& l) { return forGradCam ? l.gradCam : l.tcav; };
    std::string layer = request.parameters.text("layer");
    if (layer.empty()) {
        for (const auto& l : card.layers)
            if (usable(l)) {
                layer = l.name;
                break;
            }
        if (layer.empty())
            throw ExplainError(method + ": the model's card lists no layer for " + (forGradCam ? "Grad-CAM" : "concept tests") +
                               (card.inferred ? "; name one (the layer parameter, or --layer NAME; `execg-cli model-info` lists them)" : ""));
    }
    const auto it = std::find_if(card.layers.begin(), card.layers.end(), [&](const ModelLayer& l) { return l.name == layer; });
    // Without a card nothing vouches for any layer: any submodule the model can give is the user's choice.
    if (!card.inferred && (it == card.layers.end() || !usable(*it))) {
        std::string list;
        for (const auto& l : card.layers)
            if (usable(l))
                list += (list.empty() ? "" : ", ") + l.name;
        throw ExplainError(method + ": layer '" + layer + "' is not listed in the model's card for " +
                           (forGradCam ? "Grad-CAM" : "concept tests") + " (listed: " + (list.empty() ? "none" : list) + ")");
    }
    if (const auto problem = request.model->layerProblem(layer); !problem.empty())
        throw ExplainError(method + ": layer '" + layer + "' cannot be used: " + problem);
    return layer;
}

} // namespace execg
