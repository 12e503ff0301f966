#pragma once
// What the gradient-based methods share: the input as a tensor, the model's target output with its gradient with
// respect to the input (only — no weight gradients are formed), in batches with progress and cancellation.
#include "explain/Explainer.h"
#include "model/torch/TorchModel.h"

#include <torch/script.h>

#include <functional>

namespace execg {

// One explanation method from its description and a function: what most methods need.
std::unique_ptr<Explainer> makeExplainer(ExplainerInfo info, std::function<AttributionResult(const ExplainRequest&)> run);

torch::Tensor inputTensor(const ExplainRequest& request);                 // 1 × leads × samples
std::vector<float> toValues(const torch::Tensor& t);                       // contiguous float copy
torch::Tensor outputs(const TorchModel& model, const torch::Tensor& x);    // B × outputs, no gradient

// d output[target] / d x for each row of x (B × leads × samples), computed `batchSize` rows at a time; progress goes
// from `from` to `to` of the run. Throws ExplainError when the output does not depend differentiably on the input.
torch::Tensor inputGradients(const ExplainRequest& request, const torch::Tensor& x, int batchSize, double from = 0.0,
                             double to = 1.0);
// The same through another module with the model's interface (the guided-backpropagation copy).
torch::Tensor inputGradients(const ExplainRequest& request, torch::jit::Module module, const torch::Tensor& x,
                             int batchSize, double from, double to);

// How perturbedOutputs computed: copies recomputed only where their change reaches (IncrementalChain), and why the
// model cannot be run that way when it cannot.
struct PerturbationRun {
    std::size_t copies = 0, incrementalCopies = 0;
    std::string fullReason;
};

// The target output for `count` perturbed copies of the input: copy k (leads × samples) is changed in place by
// perturb(k, copy); the request's "batch" copies are evaluated together; progress goes from `from` to `to`. Copies
// changed in one short stretch of time are evaluated incrementally where the model allows it (same values up to
// float rounding).
std::vector<double> perturbedOutputs(const ExplainRequest& request, std::size_t count,
                                     const std::function<void(std::size_t, torch::Tensor)>& perturb, double from = 0.0,
                                     double to = 1.0, PerturbationRun* run = nullptr);

// Parameters several methods declare, described once: copies (`what`) per forward pass, a seed, a Grad-CAM layer.
ParameterSpec batchSpec(const std::string& what);
ParameterSpec seedSpec(const std::string& what);
ParameterSpec gradCamLayerSpec();

// The Layer parameter resolved against the card: a layer the card lists for `use` ("gradcam", "tcav") that the model
// can give (TorchModel::layerProblem); the card's first such layer when the parameter is empty.
std::string checkedLayer(const ExplainRequest& request, const std::string& method, bool forGradCam);

// A layer's activations and the target's gradient with respect to them (1 × channels × time), through the model's
// verified submodule chain or its graph; the layer is the request's "layer" parameter, checked by checkedLayer.
struct LayerPass {
    torch::Tensor activations, gradients;
};
LayerPass layerPass(const ExplainRequest& request, const std::string& method);
// The Grad-CAM (or Grad-CAM++) time course at the layer, 1 × 1 × layer samples, before any ReLU or upsampling.
torch::Tensor camCourse(const LayerPass& pass, bool plusPlus);

} // namespace execg
