#pragma once
// The generator counterfactual, ExECG's: the recording is carried into the latent space of the generator its model
// card names (encode(x), or inversion by optimisation for a generator without an encoder), the latent code is moved
// towards the target with a proximity penalty, and the counterfactual is the recording plus what the move changes in
// the decoded signal (decode(z) − decode(z₀)), so the detail the generator cannot reproduce is kept. A structured
// latent (per-layer codes, StyleGAN's W+) moves only the codes chosen: the rows of its second dimension.
#include "counterfactual/Counterfactual.h"
#include "explain/Explainer.h"
#include "model/ModelInputAdapter.h"
#include "model/torch/GeneratorModel.h"
#include "model/torch/TorchModel.h"

#include <string>
#include <vector>

namespace execg {

struct LatentCounterfactualOptions {
    int maxSteps = 300;
    double learningRate = 0.02;   // latent units per step (Adam)
    double l1 = 0.0, l2 = 0.1;    // proximity: weights of mean |z − z₀| and mean (z − z₀)²
    std::vector<int> codes;       // rows of the latent's second dimension that may move; empty: all
    int inversionSteps = 500;     // without encode(): steps of the least-squares inversion
    double maxAmplitudeMv = 5.0;
    ExplainProgress progress;
};

const std::vector<ParameterSpec>& latentCounterfactualParameters();
LatentCounterfactualOptions latentCounterfactualOptions(const ParameterValues& values);   // codes "0;3-5"

// Throws ExplainError when the codes do not exist or the generator does not fit the model; ExplainCancelled.
CounterfactualResult latentCounterfactual(const TorchModel& model, const GeneratorModel& generator, const SignalGroup& group,
                                          const AdaptedInput& input, const CounterfactualTarget& target,
                                          const LatentCounterfactualOptions& options = {});

} // namespace execg
