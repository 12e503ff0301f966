#pragma once
// The methods a command runs (--method NAME[:param=value,...], repeatable; the defaults otherwise) and the output
// it explains (--target label or index; the predicted one otherwise), as `explain` and `report` read them.
#include "CliArgs.h"

#include "model/ModelCard.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace execg::cli {

struct MethodSpec {
    std::string name, file;   // registry name; NAME.npy (NAME-2.npy for the same method again, other settings)
    std::map<std::string, std::string> parameters;
};

// Without --method: saliency, integrated gradients, SmoothGrad, Grad-CAM (when the card lists a layer), occlusion.
std::vector<MethodSpec> methodSpecs(const CliArgs& args, const ModelCard& card, const std::string& command);

// The output a user named by its label or its index; none when the model has no such output.
std::optional<int> outputIndex(const ModelCard& card, const std::string& text);

int targetFromArgs(const CliArgs& args, const ModelCard& card, const std::vector<float>& raw, const std::string& command);

} // namespace execg::cli
