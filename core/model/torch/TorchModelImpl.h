#pragma once
// TorchModel's torch side, for the explainers (also in execg_torch): the module itself and its verified chain.
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
    std::map<std::string, std::string> layerProblems;   // nested card layers that cannot be reached, and why

    // A second copy of the model whose ReLU modules pass back only positive gradients (guided backpropagation),
    // loaded on first use into its own compilation unit so the model's own graphs stay untouched.
    mutable std::mutex guidedMutex;
    mutable std::optional<torch::jit::Module> guided;
    mutable int guidedRelus = 0;

    // The incremental plan for perturbation methods (IncrementalChain.h), made on first use.
    mutable std::once_flag incrementalOnce;
    mutable std::shared_ptr<const struct IncrementalPlan> incremental;
    mutable std::string incrementalProblem;
};

// A fixed ECG-sized input with structure in every lead and at every scale, for checks that a shortcut (the chain,
// an incremental plan) reproduces forward().
AdaptedInput chainProbe(const ModelCard& card);

// The input batch as a float tensor of the card's shape (B × leads × samples).
torch::Tensor toTensor(const std::vector<AdaptedInput>& batch);

// Loads a TorchScript file for inference (eval mode) and gives its SHA-256; ModelError naming the file when it is
// missing or not TorchScript.
torch::jit::Module loadTorchScript(const std::string& path, std::string& sha256);

// The cause in a torch exception's message (the last line after a TorchScript traceback, else the first line).
std::string torchErrorCause(const std::string& what);

} // namespace execg
