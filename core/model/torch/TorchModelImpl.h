#pragma once
// TorchModel's torch side, for the explainers (also in execg_torch): the module itself and its verified chain.
#include "model/torch/LayerTap.h"
#include "model/torch/ModelChain.h"
#include "model/torch/TorchModel.h"

#include <torch/script.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace execg {

struct TorchModel::Impl {
    torch::jit::Module module;
    ModelChain chain;
    double chainDifference = -1.0;   // max |chain − forward| on the load-time probe; −1 when the chain failed to run
    std::string chainProblem;        // empty when the chain reproduces forward()

    // Layers off the verified chain are reached on forward()'s own graph (LayerTap), made on first use; a layer
    // that cannot be reached keeps its reason. Card layers are tried at load.
    mutable std::mutex layerMutex;
    mutable std::map<std::string, std::shared_ptr<const LayerTap>> taps;
    mutable std::map<std::string, std::string> layerProblems;

    // The verified chain reaches `layer` (cheapest, and what incremental occlusion builds on).
    bool onChain(const std::string& layer) const;
    // The tap for `layer`, made and tried on a probe input on first use; throws LayerTapError with the reason.
    std::shared_ptr<const LayerTap> tap(const std::string& layer) const;
    // The layer's output for a batch, without gradients; through the chain where it reaches the layer, else the tap.
    // `input` is leads-first, as everywhere outside the model.
    torch::Tensor layerActivations(const torch::Tensor& input, const std::string& layer) const;
    // The layer's output as a leaf requiring gradients and the model's output computed from it.
    LayerTap::Pass layerForward(const torch::Tensor& input, const std::string& layer) const;
    ModelCard card;   // for the probe input

    // A second copy of the model whose ReLU modules pass back only positive gradients (guided backpropagation),
    // loaded on first use into its own compilation unit so the model's own graphs stay untouched.
    mutable std::mutex guidedMutex;
    mutable std::optional<torch::jit::Module> guided;
    mutable int guidedRelus = 0;

    // The incremental plans for perturbation methods (IncrementalChain.h), one per input length, each made and
    // checked on first use: null with the reason where none reproduces forward().
    mutable std::mutex incrementalMutex;
    mutable std::map<int, std::pair<std::shared_ptr<const struct IncrementalPlan>, std::string>> incremental;
};

// A fixed ECG-sized input with structure in every lead and at every scale, for checks that a shortcut (the chain,
// an incremental plan) reproduces forward().
AdaptedInput chainProbe(const ModelCard& card);

// The input batch as a float tensor of the card's shape (B × leads × samples).
torch::Tensor toTensor(const std::vector<AdaptedInput>& batch);
torch::Tensor toTensor(const std::vector<const AdaptedInput*>& batch);

// A leads-first batch (B × leads × samples: what the adapter, the explainers and their maps work in) in the layout
// the card says the model takes — B × samples × leads for a samples-first model. Every call of the model or of a
// copy of it goes through this, so maps and gradients stay leads-first whatever the model takes.
torch::Tensor inModelLayout(const torch::Tensor& leadsFirst, const ModelCard& card);

// Loads a TorchScript file for inference (eval mode) and gives its SHA-256; ModelError naming the file when it is
// missing or not TorchScript.
torch::jit::Module loadTorchScript(const std::string& path, std::string& sha256);

// The cause in a torch exception's message (the last line after a TorchScript traceback, else the first line).
std::string torchErrorCause(const std::string& what);

} // namespace execg
