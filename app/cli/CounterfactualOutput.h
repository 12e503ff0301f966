#pragma once
// `execg-cli explain --method cf-input|cf-parametric|cf-latent --cf-target VALUE`: the counterfactual generators
// beside the attribution methods (run by CaseAnalysis), their result written as the changed recording (.npy on the
// recording's axis, and a WFDB or DICOM record) and told on the terminal.
#include "CliArgs.h"

#include "analysis/torch/CaseAnalysis.h"

#include <string>

namespace execg::cli {

// The output (--cf-output label or index; −1, the explained output, otherwise) and the value to reach (--cf-target);
// UsageError without --cf-target or with an unknown --cf-format.
CounterfactualTarget counterfactualTarget(const CliArgs& args, const ModelCard& card);

// Writes DIR/<name>.npy and the changed recording through the writer registry: DIR/<name>.hea/.dat, or with
// --cf-format dicom|scp|edf DIR/<name>.dcm|.scp|.edf; notes them in m.files.
void writeCounterfactual(const CliArgs& args, const CaseAnalysis& analysis, MethodResult& m, const std::string& outDir,
                         const std::string& name);

// The result's lines on the terminal: reached or not, the output's path, the change's size, what moved.
void printCounterfactual(const CounterfactualResult& r);

} // namespace execg::cli
