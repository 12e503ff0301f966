#pragma once
// What an explanation-quality scorecard holds, as plain values: faithfulness curves, the randomisation check,
// stability, complexity, localisation and the verdicts. Torch-free, so results documents, reports and stores read
// and write scorecards without the model code; quality/torch/ computes them.
#include "quality/Localisation.h"
#include "quality/Robustness.h"
#include "quality/Verdict.h"

#include <optional>
#include <string>
#include <vector>

namespace execg::quality {

struct FaithfulnessCurve {
    std::vector<double> fraction;     // share of segments removed (deletion) or restored (insertion), 0 … 1
    std::vector<double> output;       // the target output there
    double area = 0.0;                // trapezoid area under output over fraction
};

struct Faithfulness {
    FaithfulnessCurve deletion;       // most-attributed first: a faithful map makes the output fall early (low area)
    FaithfulnessCurve insertion;      // from the baseline, most-attributed first: rises early (high area)
    double correlation = 0.0;         // Pearson r of Σ attribution in a subset vs output drop; 0 when undefined
    std::string note;                 // why a value is a convention (zero map, output that does not move)
};

struct RandomisationStep {
    std::string randomisedFrom;   // the top-level submodule down to which the weights are random (output side first)
    double rankCorrelation = 0.0;          // Spearman of the original vs the randomised map, as shown (signed)
    double magnitudeRankCorrelation = 0.0; // Spearman of |original| vs |randomised| (Adebayo's "absolute value")
    double ssim = 0.0;                     // structural similarity of the two |maps| scaled to [0, 1] (one window)
};

struct RandomisationCheck {
    std::vector<RandomisationStep> steps;
    bool passed = false;          // the fully randomised map's |signed rank correlation| is below the threshold; false
                                  // for a map of zeros (nothing to judge)
    std::string hint;             // plain words for the scorecard
};

struct Scorecard {
    std::string method;
    Faithfulness faithfulness;
    double randomMapDeletionArea = 0.0;     // the deletion area of a seeded random map: the bar to beat
    // (random-map area − this map's area) / |f(x) − f(everything removed)|: > 0 when removing what the map ranks
    // highest moves the output sooner than removing random segments; 0 when the output does not move at all.
    double deletionGain = 0.0;
    std::optional<RandomisationCheck> randomisation;
    Robustness robustness;
    double sparseness = 0.0;                // Gini of |map|
    std::vector<double> effectiveSupportMs; // per model lead: time holding 90 % of the lead's |map|
    std::optional<Localisation> localisation;
    std::vector<Verdict> verdicts;          // one line per measure, plain words; warnings say "do not trust"
    double runtimeMs = 0.0;
};

} // namespace execg::quality
