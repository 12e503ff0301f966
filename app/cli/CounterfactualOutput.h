#pragma once
// `execg-cli explain --method cf-input --cf-target VALUE`: the counterfactual generators beside the attribution
// methods — their names, their parameters from `cf-input:steps=300,l2=0.2`, and their result written as the
// changed recording (.npy on the recording's axis, and a WFDB or DICOM record) plus its JSON entry.
#include "CliArgs.h"

#include "counterfactual/torch/InputCounterfactual.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace execg::cli {

bool isCounterfactualMethod(const std::string& name);   // "cf-input"

// The generator's options from `name:key=value,...` parameters; UsageError naming a bad one.
InputCounterfactualOptions counterfactualOptions(const std::map<std::string, std::string>& parameters);

// The output (--cf-output label or index; the explained target otherwise) and the value to reach (--cf-target).
CounterfactualTarget counterfactualTarget(const CliArgs& args, const ModelCard& card, int explainedTarget);

// Writes DIR/<name>.npy and DIR/<name>.hea/.dat (or DIR/<name>.dcm with --cf-format dicom); returns the JSON entry.
nlohmann::ordered_json writeCounterfactual(const CliArgs& args, const CounterfactualResult& r, const Recording& source,
                                           int groupIndex, const std::string& outDir, const std::string& name);

} // namespace execg::cli
