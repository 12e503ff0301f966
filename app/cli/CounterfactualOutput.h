#pragma once
// `execg-cli explain --method cf-input|cf-parametric|cf-latent --cf-target VALUE`: the counterfactual generators
// beside the attribution methods — run from the registry with their parameters from `cf-input:steps=300,l2=0.2`, and
// their result written as the changed recording (.npy on the recording's axis, and a WFDB or DICOM record) plus its
// JSON entry.
#include "CliArgs.h"

#include "counterfactual/torch/CounterfactualRegistry.h"
#include "model/torch/TorchModel.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace execg::cli {

bool isCounterfactualMethod(const std::string& name);   // "cf-input", "cf-parametric", "cf-latent"

// Runs the generator `name` with its `key=value` parameters (UsageError naming a bad one); the card's generator is
// loaded from beside the card at `modelPath` when the method needs it. ExplainError when it cannot run.
CounterfactualResult runCounterfactualMethod(const std::string& name, const std::map<std::string, std::string>& parameters,
                                             const TorchModel& model, const std::string& modelPath,
                                             const SignalGroup& group, const AdaptedInput& input,
                                             const CounterfactualTarget& target);

// The output (--cf-output label or index; the explained target otherwise) and the value to reach (--cf-target).
CounterfactualTarget counterfactualTarget(const CliArgs& args, const ModelCard& card, int explainedTarget);

// Writes DIR/<name>.npy and DIR/<name>.hea/.dat (or DIR/<name>.dcm with --cf-format dicom); returns the JSON entry.
nlohmann::ordered_json writeCounterfactual(const CliArgs& args, const CounterfactualResult& r, const Recording& source,
                                           int groupIndex, const std::string& outDir, const std::string& name);

} // namespace execg::cli
