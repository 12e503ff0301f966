#pragma once
// The model's outputs for many copies of one input that each differ from it in one stretch of time (an occluded
// window, an ablated lead × time feature), recomputing for each copy only what its change reaches. Runs through the
// model's verified submodule chain: its leading time-local children (TimeLocality) are computed on short crops
// around each change, pasted into the unchanged input's activations, and the remaining children run in full.
// Exact up to float rounding: a plan is used only after it reproduced forward() on a probe.
// Torch-including: for the model and explainer code only.
#include "model/torch/TimeLocality.h"
#include "model/torch/TorchModel.h"

#include <torch/script.h>

#include <memory>
#include <string>
#include <vector>

namespace execg {

struct IncrementalPlan {
    std::vector<TimeLocality> local;   // the chain's leading time-local children, in order
};

// The model's plan for inputs of `samples` samples, made and checked on first use at that length (a card with
// input.shortest_samples gives shorter windows); null (with the reason in `whyNot`) when the model has no verified
// chain, its first child is not time-local at that length, or the plan failed its check.
std::shared_ptr<const IncrementalPlan> incrementalPlan(const TorchModel& model, int samples, std::string* whyNot = nullptr);
// At the card's full length.
std::shared_ptr<const IncrementalPlan> incrementalPlan(const TorchModel& model, std::string* whyNot = nullptr);

class IncrementalChain {
public:
    // `x`: 1 × leads × samples, the unchanged input; its activations are computed once here.
    IncrementalChain(const TorchModel& model, std::shared_ptr<const IncrementalPlan> plan, const torch::Tensor& x);

    // Outputs (B × outputs) for copies (B × leads × samples) where copy b differs from x only in samples changed[b];
    // the submodules after the local ones run `batch` copies at a time.
    torch::Tensor outputs(const torch::Tensor& copies, const std::vector<TimeRange>& changed, std::size_t batch) const;

private:
    // Carries each copy's changed range and its values (patch) through the local children.
    void propagate(const torch::Tensor& copies, std::vector<TimeRange>& range, std::vector<torch::Tensor>& patch) const;

    const TorchModel* model_;
    std::shared_ptr<const IncrementalPlan> plan_;
    std::vector<torch::Tensor> base_;   // x and the output of each local child, batch dimension dropped
};

} // namespace execg
