#pragma once
// A TorchScript model run as the chain of its direct submodules, so Grad-CAM and concept tests can take a layer's
// output and continue from it: TorchScript modules in LibTorch 1.13 take no forward hooks. A nested layer
// ("features.3", "layer3.1") is reached by opening the submodules on its path into their own submodules in order
// (as a Sequential runs). Valid only when running the chain reproduces forward() — TorchModel checks that at load
// and reaches layers on forward()'s own graph otherwise (LayerTap.h).
// Torch-including: for the model and explainer code only.
#include <torch/script.h>

#include <string>
#include <utility>
#include <vector>

namespace execg {

class ModelChain {
public:
    ModelChain() = default;
    // `open`: dotted layer names whose enclosing submodules are opened into their own submodules.
    explicit ModelChain(const torch::jit::Module& model, const std::vector<std::string>& open = {});

    std::vector<std::string> names() const;
    int indexOf(const std::string& layer) const;   // −1 when not a step of the chain

    torch::Tensor run(const torch::Tensor& x) const;                                   // every child
    torch::Tensor runTo(const torch::Tensor& x, const std::string& layer) const;       // through `layer`
    torch::Tensor runFrom(const torch::Tensor& layerOutput, const std::string& layer) const;   // the children after it
    torch::Tensor runRange(torch::Tensor h, std::size_t first, std::size_t last) const;   // children [first, last)

    std::size_t size() const { return children_.size(); }
    torch::jit::Module& child(std::size_t i) const { return children_[i].second; }

private:
    void openStep(const std::string& name);   // replaces the step `name` by its submodules, in order
    std::size_t position(const std::string& layer) const;                                 // throws when absent

    // Module handles share the model's parameters; forward() is not const on a handle, hence mutable.
    mutable std::vector<std::pair<std::string, torch::jit::Module>> children_;
    std::vector<bool> flattenBefore_;
};

} // namespace execg
