#pragma once
// A submodule's output, and the target's gradient with respect to it, in any TorchScript model — scripted or traced,
// residual, branching, with a class token — where that submodule is called once in forward(). LibTorch 1.13 takes
// no forward hooks on TorchScript modules, so a copy of forward()'s graph is rewritten instead: the calls that lead
// to the layer (its enclosing submodules) are inlined until the layer's own call is in the copy, and its output is
// passed through execg::layer_tap, an operator that hands the value to the caller. The model's own graphs are not
// touched; the copy runs on the model's parameters.
//
// What cannot be reached, and is refused with the reason: a layer called more than once or inside a loop, one that
// forward() never calls as a module, one inside a submodule whose forward() is not a graph (an interface call), and a
// layer whose output holds no tensor.
// Torch-including: for the model and explainer code only.
#include <torch/script.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace torch::jit {
struct GraphFunction;
}

namespace execg {

struct LayerTapError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class LayerTap {
public:
    // Throws LayerTapError saying why `layer` cannot be reached.
    LayerTap(const torch::jit::Module& model, const std::string& layer);
    ~LayerTap();

    const std::string& layer() const { return layer_; }
    // What a user should know about the tapped value ("the layer returns 2 tensors; the first is used"); else empty.
    const std::string& note() const { return note_; }

    // The layer's output for a batch, without gradients; forward() stops at the layer.
    torch::Tensor activations(const torch::Tensor& input) const;

    // The layer's output as a leaf that requires gradients, and the model's output computed from it (gradients flow
    // from the output to the leaf only: what came before the layer is run without them).
    struct Pass {
        torch::Tensor activations, output;
    };
    Pass forwardFrom(const torch::Tensor& input) const;

private:
    torch::Tensor run(const torch::Tensor& input, bool stopAtLayer, torch::Tensor* output, bool gradientsBefore = false) const;

    torch::jit::Module model_;
    std::string layer_, note_;
    std::shared_ptr<torch::jit::GraphFunction> tapped_;
};

} // namespace execg
