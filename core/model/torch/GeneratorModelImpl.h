#pragma once
// The torch side of GeneratorModel, for the latent counterfactual (it differentiates through decode()).
#include "model/torch/GeneratorModel.h"
#include "model/torch/ModelChain.h"

#include <torch/script.h>

namespace execg {

struct GeneratorModel::Impl {
    torch::jit::Module module;
    ModelChain chain;
    double chainDifference = -1.0;
};

} // namespace execg
