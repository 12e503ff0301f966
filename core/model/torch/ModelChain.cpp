#include "model/torch/ModelChain.h"

#include <algorithm>
#include <stdexcept>

namespace execg {

namespace {

// TorchScript's forward of a torchvision-style network flattens (B, C, 1) to (B, C) before its final Linear; that is
// the one operation allowed between children, and only there.
bool isLinear(const torch::jit::Module& m)
{
    const auto type = m.type()->name();
    return type && type->name() == "Linear";
}

} // namespace

ModelChain::ModelChain(const torch::jit::Module& model, const std::vector<std::string>& open)
{
    for (const auto& c : model.named_children()) {
        flattenBefore_.push_back(isLinear(c.value));
        children_.emplace_back(c.name, c.value);
    }
    for (const auto& layer : open)
        for (std::size_t dot = layer.find('.'); dot != std::string::npos; dot = layer.find('.', dot + 1))
            openStep(layer.substr(0, dot));
}

void ModelChain::openStep(const std::string& name)
{
    const auto it = std::find_if(children_.begin(), children_.end(), [&](const auto& c) { return c.first == name; });
    if (it == children_.end())
        return;   // already opened, or not on the chain
    const auto i = it - children_.begin();
    std::vector<std::pair<std::string, torch::jit::Module>> inner;
    std::vector<bool> flatten;
    for (const auto& c : children_[std::size_t(i)].second.named_children()) {
        inner.emplace_back(name + "." + c.name, c.value);
        flatten.push_back(isLinear(c.value));
    }
    if (inner.empty())
        return;
    children_.erase(children_.begin() + i);
    children_.insert(children_.begin() + i, inner.begin(), inner.end());
    flattenBefore_.erase(flattenBefore_.begin() + i);
    flattenBefore_.insert(flattenBefore_.begin() + i, flatten.begin(), flatten.end());
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
    // An opened submodule's output is its last inner step's.
    int found = -1;
    for (std::size_t i = 0; i < children_.size(); ++i)
        if (children_[i].first == layer || children_[i].first.rfind(layer + ".", 0) == 0)
            found = int(i);
    return found;
}

std::size_t ModelChain::position(const std::string& layer) const
{
    const int i = indexOf(layer);
    if (i < 0)
        throw std::invalid_argument("'" + layer + "' is not a step of the model's submodule chain");
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
