#pragma once
// Does removing what a map calls important change the model's answer? Deletion and insertion curves (Petsiuk et al.
// 2018, RISE; Samek et al. 2017, region perturbation) and faithfulness correlation (Bhatt et al. 2020), over lead ×
// time segments, with an ECG-aware removal baseline: each lead's isoelectric level (its median) or a low-pass copy,
// not zeros alone. All copies of one measure go through the model in batches. Formulas in
// docs/explanation-quality.md.
#include "explain/Explainer.h"
#include "model/torch/TorchModel.h"
#include "quality/Scorecard.h"

#include <cstdint>
#include <string>
#include <vector>

namespace execg::quality {

enum class RemovalBaseline { Isoelectric, LowPass, Zero };

struct FaithfulnessOptions {
    double segmentMs = 40.0;          // segments are one lead × this long
    int steps = 20;                   // points on each curve after the start
    RemovalBaseline baseline = RemovalBaseline::Isoelectric;
    double lowPassHz = 1.0;           // for RemovalBaseline::LowPass
    int subsets = 100;                // faithfulness correlation: random subsets
    bool deletionOnly = false;        // only the deletion curve (a reference map's bar to beat); the rest stays 0
    double subsetShare = 0.1;         // of the segments, per subset
    std::uint64_t seed = 0;
    int batch = 64;
    ExplainProgress progress;         // may be empty; returning false cancels (ExplainCancelled)
};

// `map` is leads × samples on the model input (an Explanation's modelMap), for `target`.
Faithfulness faithfulness(const TorchModel& model, const AdaptedInput& input, int target, const std::vector<float>& map,
                          const FaithfulnessOptions& options = {});

} // namespace execg::quality
