// Grad-CAM (Selvaraju et al. 2017) and Grad-CAM++ (Chattopadhay et al. 2018) at a layer the card lists: the layer's
// activations A (channels × time) weighted per channel by the target's gradient, summed over channels, then
// stretched over the input's samples. The layer's output is reached through the model's verified submodule chain or,
// off it, on forward()'s own graph (TorchScript takes no hooks; model/torch/LayerTap.h). One time course, the same
// on every lead.
#include "explain/torch/Gradients.h"
#include "explain/torch/Methods.h"
#include "model/torch/TorchModelImpl.h"

#include <torch/csrc/autograd/autograd.h>

namespace execg {

LayerPass layerPass(const ExplainRequest& r, const std::string& method)
{
    const std::string layer = checkedLayer(r, method, true);
    LayerTap::Pass pass;
    try {
        pass = r.model->impl().layerForward(inputTensor(r), layer);
    } catch (const LayerTapError& e) {
        throw ExplainError(method + ": layer '" + layer + "' cannot be used: " + e.what());
    }
    if (pass.activations.dim() != 3)
        throw ExplainError(method + ": layer '" + layer + "' gives " + std::to_string(pass.activations.dim()) +
                           "-dimensional output; Grad-CAM needs channels × time");
    // A layer whose time axis is one sample for this input (a short input, where the card takes shorter ones) would
    // paint one value over the whole window: no map at all, so no map is drawn.
    if (pass.activations.size(2) < 2)
        throw ExplainError(method + ": layer '" + layer + "' has one time sample for this input of " +
                           std::to_string(r.input->samples) + " samples; Grad-CAM needs a time course");
    if (!pass.output.requires_grad())
        throw ExplainError(method + ": the model's output does not depend differentiably on layer '" + layer + "'");
    r.report(0.5);
    const auto gradients = torch::autograd::grad({pass.output.select(1, r.target).sum()}, {pass.activations})[0];
    return {pass.activations.detach(), gradients};
}

torch::Tensor camCourse(const LayerPass& pass, bool plusPlus)
{
    const auto& g = pass.gradients;
    if (!plusPlus)
        return (g.mean(2, true) * pass.activations).sum(1, true);   // channel weights: time-averaged gradients
    // Grad-CAM++: second- and third-order terms as powers of the first (the paper's exponential-score form).
    const auto g2 = g * g, g3 = g2 * g;
    auto denominator = 2.0 * g2 + pass.activations.sum(2, true) * g3;
    denominator = torch::where(denominator != 0, denominator, torch::ones_like(denominator));
    const auto weights = (g2 / denominator * torch::relu(g)).sum(2, true);
    return (weights * pass.activations).sum(1, true);
}

namespace {

AttributionResult finish(const ExplainRequest& r, torch::Tensor cam, const LayerPass& pass)
{
    if (r.parameters.flag("relu"))
        cam = torch::relu(cam);
    const auto samples = r.input->samples;
    const auto stretched = r.parameters.text("upsample") == "linear"
                               ? at::upsample_linear1d(cam, {samples}, false)
                               : at::upsample_nearest1d(cam, {samples});
    AttributionResult result{toValues(stretched.expand({1, r.input->leads, samples})), {}, {}};
    result.diagnostics = {{"layer_samples", double(pass.activations.size(2))},
                          {"layer_channels", double(pass.activations.size(1))}};
    result.notes.push_back("one time course for all leads: the layer mixes the leads");
    if (const auto note = r.model->layerNote(r.parameters.text("layer")); !note.empty())
        result.notes.push_back(note);
    return result;
}

AttributionResult gradCam(const ExplainRequest& r)
{
    const auto pass = layerPass(r, "grad-cam");
    return finish(r, camCourse(pass, false), pass);
}

AttributionResult gradCamPlusPlus(const ExplainRequest& r)
{
    const auto pass = layerPass(r, "grad-cam-plus-plus");
    return finish(r, camCourse(pass, true), pass);
}

std::vector<ParameterSpec> camSpecs()
{
    return {gradCamLayerSpec(),
            {"relu", ParameterType::Flag, 0, 0, "false", "", "Keep only evidence for the target (positive values).", {}},
            {"upsample", ParameterType::Choice, 0, 0, "linear", "", "How the layer's time course is stretched to the input.",
             {"linear", "nearest"}}};
}

} // namespace

std::unique_ptr<Explainer> makeGradCam()
{
    return makeExplainer({"grad-cam", "Grad-CAM", "layer",
                          "Which stretches of time a layer's features, weighted by their importance for the target, respond to.",
                          camSpecs(), false},
                         gradCam);
}

std::unique_ptr<Explainer> makeGradCamPlusPlus()
{
    return makeExplainer({"grad-cam-plus-plus", "Grad-CAM++", "layer",
                          "Grad-CAM with per-position weights, better when the finding occurs several times (every beat).",
                          camSpecs(), false},
                         gradCamPlusPlus);
}

} // namespace execg
