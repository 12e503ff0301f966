#pragma once
// "How much can I trust this heatmap?": every quality measure for one explanation on one recording, with the plain
// words a clinician reads beside the map. Runs under the explainer protocol: progress, cancellation
// (ExplainCancelled), a seed for every random draw, batched model calls.
#include "explain/Explainer.h"
#include "explain/Explanation.h"
#include "model/torch/TorchModel.h"
#include "quality/Localisation.h"
#include "quality/Robustness.h"
#include "quality/torch/Faithfulness.h"
#include "quality/torch/Randomisation.h"
#include "quality/Scorecard.h"

#include <optional>
#include <string>
#include <vector>

namespace execg::quality {

struct ScorecardOptions {
    FaithfulnessOptions faithfulness;
    RobustnessOptions robustness;
    bool randomisation = true;              // the sanity check (the costliest part: one explanation per submodule)
    double randomisationThreshold = 0.5;
    // Ground truth, where it exists (synthetic records): the waves on the recording's samples, and which carry the
    // label. Localisation reads the explanation's recordingMap.
    const WaveSegmentation* truth = nullptr;
    std::vector<WaveSegment> truthWaves;
    const AdaptedInput* baselineInput = nullptr;   // the baseline the explanation ran with, if any
    std::uint64_t seed = 0;
    ExplainProgress progress;
};

// The options for a model and the ground truth found for the recording (or null): localisation only where the card
// names the waves that carry the label and the recording brought its truth, which must outlive the options.
ScorecardOptions scorecardOptionsFor(const ModelCard& card, const WaveSegmentation* truth);

// Re-runs explanation.method with its own parameters and seed where a measure needs new maps.
Scorecard scoreExplanation(const TorchModel& model, const AdaptedInput& input, const Explanation& explanation,
                           const ScorecardOptions& options = {});

} // namespace execg::quality
