// Guided backpropagation (Springenberg et al. 2015) and Guided Grad-CAM (Selvaraju et al. 2017) for TorchScript
// models, which take no backward hooks: a copy of the model is loaded whose nn.ReLU modules call execg::guided_relu,
// an operator registered here whose backward passes relu(grad) where the input was positive — what Captum's hooks
// do on every nn.ReLU module (functional relu calls elsewhere are left as they are, as Captum leaves them).
#include "explain/torch/Gradients.h"
#include "explain/torch/Methods.h"
#include "model/torch/TorchModelImpl.h"

#include <torch/csrc/autograd/custom_function.h>
#include <torch/library.h>

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

bool isReluCall(torch::jit::Node* node)
{
    const std::string kind = node->kind().toQualString();
    if (kind == "aten::relu" || kind == "aten::relu_")
        return true;
    if (kind != "prim::CallFunction")
        return false;
    const auto* fn = node->input(0)->node();
    return fn->kind() == c10::prim::Constant && fn->hasAttribute(c10::attr::name) && fn->s(c10::attr::name) == "relu";
}

// Replaces the relu in every nn.ReLU module's forward graph; returns the number of ReLU modules.
int guideReluModules(torch::jit::Module& model)
{
    int modules = 0;
    for (const auto& sub : model.modules()) {
        const auto type = sub.type()->name();
        if (!type || type->name() != "ReLU")
            continue;
        ++modules;
        auto graph = sub.get_method("forward").graph();
        for (auto it = graph->nodes().begin(); it != graph->nodes().end();) {
            torch::jit::Node* node = *it++;
            if (!isReluCall(node))
                continue;
            const bool call = node->kind() == c10::prim::CallFunction;
            auto* guided = graph->create(c10::Symbol::fromQualString("execg::guided_relu"), {node->input(call ? 1 : 0)}, 1);
            guided->output()->setType(c10::TensorType::get());
            guided->insertBefore(node);
            node->output()->replaceAllUsesWith(guided->output());
            node->destroy();
        }
    }
    return modules;
}

const torch::jit::Module& guidedModel(const ExplainRequest& r, int* reluModules)
{
    const auto& impl = r.model->impl();
    std::lock_guard lock(impl.guidedMutex);
    if (!impl.guided) {
        auto copy = torch::jit::load(r.model->path(), torch::kCPU);
        copy.eval();
        impl.guidedRelus = guideReluModules(copy);
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
        notes.push_back("the model has no ReLU modules: guided backpropagation equals the plain gradient");
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
