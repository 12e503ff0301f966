#pragma once
// The methods a command runs (--method NAME[:param=value,...], repeatable; the defaults otherwise) and the output
// it explains (--target label or index; the predicted one otherwise), as `explain` and `report` read them.
#include "CliArgs.h"

#include "analysis/torch/CaseAnalysis.h"
#include "model/ModelCard.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace execg::cli {

struct MethodSpec {
    MethodChoice choice;
    std::string file;   // NAME.npy (NAME-2.npy for the same method again, other settings)
};

// Without --method: saliency, integrated gradients, SmoothGrad, Grad-CAM (when the card lists a layer), occlusion.
std::vector<MethodSpec> methodSpecs(const CliArgs& args, const ModelCard& card, const std::string& command);

// The output a user named by its label or its index; none when the model has no such output.
std::optional<int> outputIndex(const ModelCard& card, const std::string& text);

// --target as an output index; none (the predicted output) without it. UsageError for an output the model lacks.
std::optional<int> targetFromArgs(const CliArgs& args, const ModelCard& card, const std::string& command);

} // namespace execg::cli
