// Guided backpropagation (Springenberg et al. 2015) and Guided Grad-CAM (Selvaraju et al. 2017) for TorchScript
// models, which take no backward hooks: a copy of the model is loaded in which every ReLU calls execg::guided_relu,
// an operator registered here whose backward passes relu(grad) where the input was positive. Every ReLU: nn.ReLU
// modules (where Captum's hooks act, so the two agree on models built from them) and functional ones — F.relu,
// torch.relu, x.relu_(), clamp_min(0) — which Captum's hooks miss, leaving such a model's map a plain gradient.
#include "explain/torch/Gradients.h"
#include "explain/torch/Methods.h"
#include "model/torch/TorchModelImpl.h"

#include <torch/csrc/autograd/custom_function.h>
#include <torch/csrc/jit/api/function_impl.h>
#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/ir/ir.h>
#include <torch/library.h>

#include <optional>
#include <set>

namespace execg {

namespace {

struct GuidedReluFunction : torch::autograd::Function<GuidedReluFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x)
    {
        auto y = x.clamp_min(0);
        ctx->save_for_backward({y});
        return y;
    }
    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::tensor_list g)
    {
        const auto y = ctx->get_saved_variables()[0];
        return {g[0].clamp_min(0) * (y > 0)};
    }
};

torch::Tensor guidedRelu(const torch::Tensor& x) { return GuidedReluFunction::apply(x); }

std::optional<double> constantNumber(torch::jit::Value* v)
{
    const auto value = torch::jit::toIValue(v);
    if (!value || !(value->isInt() || value->isDouble()))
        return std::nullopt;
    return value->isInt() ? double(value->toInt()) : value->toDouble();
}

bool isNone(torch::jit::Value* v)
{
    const auto value = torch::jit::toIValue(v);
    return value && value->isNone();
}

// What a node is, as far as guiding goes: a ReLU in any of the forms TorchScript gives one — F.relu (a call to the
// compiled function), torch.relu / x.relu_() (aten::relu, aten::relu_), clamp_min(0) and clamp(min=0) — and, for
// the in-place ones, that later uses of its input must see the guided value.
struct ReluCall {
    torch::jit::Value* input = nullptr;
    bool inPlace = false;
};

std::optional<ReluCall> reluCall(torch::jit::Node* node)
{
    const std::string kind = node->kind().toQualString();
    if (kind == "aten::relu" || kind == "aten::relu_")
        return ReluCall{node->input(0), kind == "aten::relu_"};
    if ((kind == "aten::clamp_min" || kind == "aten::clamp_min_") && constantNumber(node->input(1)) == 0.0)
        return ReluCall{node->input(0), kind == "aten::clamp_min_"};
    if ((kind == "aten::clamp" || kind == "aten::clamp_") && node->inputs().size() == 3 &&
        constantNumber(node->input(1)) == 0.0 && isNone(node->input(2)))
        return ReluCall{node->input(0), kind == "aten::clamp_"};
    if (kind != "prim::CallFunction")
        return std::nullopt;
    const auto* fn = node->input(0)->node();
    if (fn->kind() != c10::prim::Constant || !fn->hasAttribute(c10::attr::name) || fn->s(c10::attr::name) != "relu")
        return std::nullopt;
    const auto inPlace = node->inputs().size() > 2 ? torch::jit::toIValue(node->input(2)) : c10::nullopt;
    return ReluCall{node->input(1), inPlace && inPlace->isBool() && inPlace->toBool()};
}

int guideBlock(torch::jit::Block* block)
{
    int replaced = 0;
    for (auto it = block->nodes().begin(); it != block->nodes().end();) {
        torch::jit::Node* node = *it++;
        for (auto* inner : node->blocks())
            replaced += guideBlock(inner);
        const auto relu = reluCall(node);
        if (!relu)
            continue;
        auto* graph = node->owningGraph();
        auto* guided = graph->create(c10::Symbol::fromQualString("execg::guided_relu"), {relu->input}, 1);
        guided->output()->setType(c10::TensorType::get());
        guided->insertBefore(node);
        node->output()->replaceAllUsesWith(guided->output());
        if (relu->inPlace)   // x.relu_(); then x is used: those uses see the guided value
            relu->input->replaceAllUsesAfterNodeWith(node, guided->output());
        node->destroy();
        ++replaced;
    }
    return replaced;
}

// Replaces every ReLU in every graph of the copy (the modules' methods and the functions they call); returns the
// number replaced.
int guideRelus(torch::jit::Module& model)
{
    std::set<torch::jit::Graph*> seen;
    int replaced = 0;
    const auto guide = [&](torch::jit::Function& f) {
        auto* graphFunction = torch::jit::tryToGraphFunction(f);
        if (graphFunction && seen.insert(graphFunction->graph().get()).second)
            replaced += guideBlock(graphFunction->graph()->block());
    };
    for (const auto& sub : model.modules())
        for (const auto& method : sub.get_methods())
            guide(method.function());
    for (auto* f : model._ivalue()->compilation_unit()->get_functions())
        guide(*f);
    return replaced;
}

const torch::jit::Module& guidedModel(const ExplainRequest& r, int* reluModules)
{
    const auto& impl = r.model->impl();
    std::lock_guard lock(impl.guidedMutex);
    if (!impl.guided) {
        auto copy = torch::jit::load(r.model->path(), torch::kCPU);
        copy.eval();
        impl.guidedRelus = guideRelus(copy);
        impl.guided = copy;
    }
    *reluModules = impl.guidedRelus;
    return *impl.guided;
}

// Progress runs to `to` of the run.
torch::Tensor guidedGradient(const ExplainRequest& r, std::vector<std::string>& notes, double to)
{
    int relus = 0;
    auto module = guidedModel(r, &relus);
    if (relus == 0)
        notes.push_back("the model has no ReLU (as module, function or clamp at 0): guided backpropagation equals the "
                        "plain gradient");
    return inputGradients(r, module, inputTensor(r), 1, 0.0, to);
}

AttributionResult guidedBackprop(const ExplainRequest& r)
{
    AttributionResult result;
    result.map = toValues(guidedGradient(r, result.notes, 1.0));
    return result;
}

AttributionResult guidedGradCam(const ExplainRequest& r)
{
    AttributionResult result;
    const auto guided = guidedGradient(r, result.notes, 0.5);
    const auto pass = layerPass(r, "guided-grad-cam");
    // As Captum: the CAM with ReLU, stretched by nearest neighbour, times the guided gradient of every lead.
    const auto cam = at::upsample_nearest1d(torch::relu(camCourse(pass, false)), {r.input->samples});
    result.map = toValues(guided * cam);
    result.diagnostics = {{"layer_samples", double(pass.activations.size(2))}};
    return result;
}

} // namespace

TORCH_LIBRARY(execg, m) { m.def("guided_relu(Tensor x) -> Tensor"); }
TORCH_LIBRARY_IMPL(execg, CPU, m) { m.impl("guided_relu", [](const torch::Tensor& x) { return x.clamp_min(0); }); }
TORCH_LIBRARY_IMPL(execg, Autograd, m) { m.impl("guided_relu", guidedRelu); }

std::unique_ptr<Explainer> makeGuidedBackprop()
{
    return makeExplainer({"guided-backprop", "Guided Backpropagation", "gradient",
                          "The gradient with only positive evidence passed back through every ReLU: sharper, "
                          "but partly independent of the model's decision.",
                          {}, false},
                         guidedBackprop);
}

std::unique_ptr<Explainer> makeGuidedGradCam()
{
    return makeExplainer({"guided-grad-cam", "Guided Grad-CAM", "layer",
                          "Guided backpropagation restricted to where the layer's Grad-CAM is positive: "
                          "fine detail inside the stretches the layer points at.",
                          {gradCamLayerSpec()},
                          false},
                         guidedGradCam);
}

} // namespace execg
