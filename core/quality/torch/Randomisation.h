#pragma once
// The model-parameter randomisation test (Adebayo et al. 2018, "Sanity checks for saliency maps", NeurIPS):
// randomise the model's weights cascading from the output layer down, explain again, and compare with the original
// map. A map that barely changes once the weights are random cannot be showing what the model learned (an edge
// detector, or the input itself, passes as an explanation without this check).
#include "explain/Explainer.h"
#include "model/torch/TorchModel.h"
#include "quality/Scorecard.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace execg::quality {

// Explains `model` again at every step with `explain` (the method as run on the original). Weights of each
// randomised submodule are drawn from a normal distribution with that tensor's own spread, seeded.
RandomisationCheck cascadingRandomisation(const TorchModel& model,
                                          const std::function<std::vector<float>(const TorchModel&)>& explain,
                                          const std::vector<float>& original, std::uint64_t seed = 0,
                                          double threshold = 0.5, const ExplainProgress& progress = {});

} // namespace execg::quality
