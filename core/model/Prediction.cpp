#include "model/Prediction.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace execg {

Prediction interpretOutputs(const ModelCard& card, const std::string& modelSha256, const std::vector<float>& raw,
                            const std::vector<std::string>& inputWarnings)
{
    Prediction p;
    p.modelName = card.name;
    p.modelVersion = card.version;
    p.modelSha256 = modelSha256;
    p.demo = card.demo;
    p.warnings = card.warnings;
    p.warnings.insert(p.warnings.end(), inputWarnings.begin(), inputWarnings.end());
    if (raw.size() != card.outputs.size()) {
        p.problem = "the model gave " + std::to_string(raw.size()) + " outputs; its card lists " +
                    std::to_string(card.outputs.size());
        return p;
    }
    for (std::size_t k = 0; k < raw.size(); ++k)
        if (!std::isfinite(raw[k])) {
            // A NaN must never reach the screen as a number, nor through an activation that would hide it.
            p.problem = "the model returned " + std::string(std::isnan(raw[k]) ? "NaN" : "infinity") + " for '" +
                        card.outputs[k].label + "': no result for this recording";
            return p;
        }
    double softmaxSum = 0.0;
    const float maxRaw = *std::max_element(raw.begin(), raw.end());
    if (card.activation == OutputActivation::Softmax)
        for (float r : raw)
            softmaxSum += std::exp(double(r) - maxRaw);   // shifted so large logits do not overflow
    for (std::size_t k = 0; k < raw.size(); ++k) {
        OutputValue v;
        v.label = card.outputs[k].label;
        v.unit = card.outputs[k].unit;
        v.raw = raw[k];
        switch (card.activation) {
        case OutputActivation::None: v.value = raw[k]; break;
        case OutputActivation::Sigmoid:
            v.value = 1.0 / (1.0 + std::exp(-double(raw[k])));
            v.probability = true;
            break;
        case OutputActivation::Softmax:
            v.value = std::exp(double(raw[k]) - maxRaw) / softmaxSum;
            v.probability = true;
            break;
        }
        p.outputs.push_back(v);
    }
    return p;
}

std::string formatOutputValue(const OutputValue& o)
{
    char buf[96];
    if (o.probability)
        std::snprintf(buf, sizeof buf, "%.3f (probability; raw %.3f)", o.value, double(o.raw));
    else if (!o.unit.empty())
        std::snprintf(buf, sizeof buf, "%.2f %s", o.value, o.unit.c_str());
    else
        std::snprintf(buf, sizeof buf, "%.4f", o.value);
    return buf;
}

std::vector<float> combineWindowOutputs(const ModelCard& card, const std::vector<std::vector<float>>& rows)
{
    if (rows.size() == 1)
        return rows.front();
    if (rows.empty())
        return {};
    const bool max = card.input.windows && card.input.windows->combine == WindowCombine::Max;
    std::vector<float> out(rows.front().size(), max ? -std::numeric_limits<float>::infinity() : 0.0f);
    for (const auto& row : rows)
        for (std::size_t k = 0; k < out.size() && k < row.size(); ++k)
            out[k] = max ? (std::isnan(row[k]) || std::isnan(out[k]) ? std::numeric_limits<float>::quiet_NaN() : std::max(out[k], row[k]))
                         : out[k] + row[k] / float(rows.size());   // NaN in any window stays NaN: no result
    return out;
}

} // namespace execg
