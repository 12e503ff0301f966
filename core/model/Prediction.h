#pragma once
// A model's raw outputs turned into what a reader sees: each output with its label, the card's activation applied
// (probability for sigmoid/softmax, value with unit for regression), the warnings that came with the input, and
// the model's identity (name, version, SHA-256) so every result names the exact model that produced it.
#include "model/ModelCard.h"

#include <string>
#include <vector>

namespace execg {

struct OutputValue {
    std::string label, unit;
    float raw = 0.0f;          // what the model returned (a logit for sigmoid/softmax)
    double value = 0.0;        // after the activation: probability in [0, 1], or the regression value in `unit`
    bool probability = false;
};

struct Prediction {
    std::string modelName, modelVersion, modelSha256;
    bool demo = false;                   // show kDemoModelNotice with it
    std::vector<OutputValue> outputs;
    std::vector<std::string> warnings;   // the card's and the input's
    std::string problem;                 // non-empty: no result to show (e.g. the model returned NaN)
};

// `raw` is one row of TorchModel::predict; `inputWarnings` the adapter's for that input.
Prediction interpretOutputs(const ModelCard& card, const std::string& modelSha256, const std::vector<float>& raw,
                            const std::vector<std::string>& inputWarnings = {});

// A windowed card's window outputs (TorchModel::predict rows) combined into the recording's, as its rule says: the
// mean of the raw outputs, or each output's largest value. One row is returned as it is.
std::vector<float> combineWindowOutputs(const ModelCard& card, const std::vector<std::vector<float>>& rows);

// "0.913 (probability; raw 2.354)", "7.31 mmol/L", or the bare value: how every output reads, in any command or report.
std::string formatOutputValue(const OutputValue& o);

} // namespace execg
