#pragma once
// The model-parameter randomisation test (Adebayo et al. 2018, "Sanity checks for saliency maps", NeurIPS):
// randomise the model's weights cascading from the output layer down, explain again, and compare with the original
// map. A map that barely changes once the weights are random cannot be showing what the model learned (an edge
// detector, or the input itself, passes as an explanation without this check).
#include "explain/Explainer.h"
#include "model/torch/TorchModel.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace execg::quality {

struct RandomisationStep {
    std::string randomisedFrom;   // the top-level submodule down to which the weights are random (output side first)
    double rankCorrelation = 0.0;          // Spearman of the original vs the randomised map, as shown (signed)
    double magnitudeRankCorrelation = 0.0; // Spearman of |original| vs |randomised| (Adebayo's "absolute value")
    double ssim = 0.0;                     // structural similarity of the two |maps| scaled to [0, 1] (one window)
};

struct RandomisationCheck {
    std::vector<RandomisationStep> steps;
    bool passed = false;          // the fully randomised map's |signed rank correlation| is below the threshold; false
                                  // for a map of zeros (nothing to judge)
    std::string hint;             // plain words for the scorecard
};

// Explains `model` again at every step with `explain` (the method as run on the original). Weights of each
// randomised submodule are drawn from a normal distribution with that tensor's own spread, seeded.
RandomisationCheck cascadingRandomisation(const TorchModel& model,
                                          const std::function<std::vector<float>(const TorchModel&)>& explain,
                                          const std::vector<float>& original, std::uint64_t seed = 0,
                                          double threshold = 0.5, const ExplainProgress& progress = {});

} // namespace execg::quality
