#include "model/torch/ModelChain.h"

#include <stdexcept>

namespace execg {

ModelChain::ModelChain(const torch::jit::Module& model)
{
    for (const auto& c : model.named_children()) {
        // TorchScript's forward of a torchvision-style network flattens (B, C, 1) to (B, C) before its final
        // Linear; that is the one operation allowed between children, and only there.
        const auto type = c.value.type()->name();
        flattenBefore_.push_back(type && type->name() == "Linear");
        children_.emplace_back(c.name, c.value);
    }
}

std::vector<std::string> ModelChain::names() const
{
    std::vector<std::string> n;
    for (const auto& c : children_)
        n.push_back(c.first);
    return n;
}

int ModelChain::indexOf(const std::string& layer) const
{
    for (std::size_t i = 0; i < children_.size(); ++i)
        if (children_[i].first == layer)
            return int(i);
    return -1;
}

std::size_t ModelChain::position(const std::string& layer) const
{
    const int i = indexOf(layer);
    if (i < 0)
        throw std::invalid_argument("'" + layer + "' is not a direct submodule of the model");
    return std::size_t(i);
}

torch::Tensor ModelChain::runRange(torch::Tensor h, std::size_t first, std::size_t last) const
{
    for (std::size_t i = first; i < last; ++i) {
        if (flattenBefore_[i] && h.dim() > 2)
            h = h.flatten(1);
        h = children_[i].second.forward({h}).toTensor();
    }
    return h;
}

torch::Tensor ModelChain::run(const torch::Tensor& x) const { return runRange(x, 0, children_.size()); }

torch::Tensor ModelChain::runTo(const torch::Tensor& x, const std::string& layer) const
{
    return runRange(x, 0, position(layer) + 1);
}

torch::Tensor ModelChain::runFrom(const torch::Tensor& layerOutput, const std::string& layer) const
{
    return runRange(layerOutput, position(layer) + 1, children_.size());
}

} // namespace execg
