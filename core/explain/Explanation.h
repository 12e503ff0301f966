#pragma once
// The result of one explanation method on one recording: a plain value that the chart, the report, the command line
// and the tests read, carrying everything needed to reproduce it (method, parameters, seed, target, model SHA-256).
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace execg {

struct Explanation {
    std::string method;                              // registry name, e.g. "integrated-gradients"
    std::map<std::string, std::string> parameters;   // every parameter, resolved (defaults filled in)
    std::uint64_t seed = 0;                          // for stochastic methods; 0 otherwise
    int target = 0;                                  // output index explained
    std::string targetLabel;
    std::string modelName, modelSha256;
    double runtimeMs = 0.0;

    // Signed attribution per model lead and model sample (leads × samples, row-major, the model's input space).
    int leads = 0, samples = 0;
    std::vector<float> modelMap;
    // The same map on the recording's own leads and samples (NaN where the model saw nothing); filled by
    // mapExplanationToRecording.
    std::vector<std::vector<float>> recordingMap;

    // Method-specific figures: "completeness_delta", "f_x", "f_baseline", "layer_samples" …
    std::vector<std::pair<std::string, double>> diagnostics;
    std::vector<std::string> notes;

    float at(int lead, int sample) const { return modelMap[std::size_t(lead) * std::size_t(samples) + std::size_t(sample)]; }
    double diagnostic(const std::string& name, double fallback = 0.0) const
    {
        for (const auto& [k, v] : diagnostics)
            if (k == name)
                return v;
        return fallback;
    }
};

} // namespace execg
