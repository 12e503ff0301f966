#pragma once
// How far a prediction moves under the recording's own plausible variation — noise at the level the recording
// itself shows, baseline wander, the model's window one beat later or earlier — and, where the model has dropout
// layers, under MC dropout; a referral flag when the 90 % interval crosses the card's decision threshold, in plain
// words: "stable: 0.91 (0.88–0.93)", "unstable: 0.48 (0.21–0.77) — refer to a physician". Also a check for the
// commonest cable swap (left and right arm), as a warning. The perturbations and the words live here; the model
// runs in analysis/torch/CaseAnalysis (uncertainty()).
#include "measure/WaveSegmentation.h"
#include "recording/Recording.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace execg {

struct UncertaintySource {
    std::string name;        // "noise", "baseline wander", "beat shift", "MC dropout"
    int draws = 0;           // 0: not applied (note says why)
    double low = 0.0, high = 0.0;   // 5th and 95th percentiles of the explained output over its draws
    std::string note;        // what was drawn ("noise at the recording's level, 0.012–0.031 mV by lead"), or why not
};

struct UncertaintyResult {
    int target = 0;
    std::string label, unit;
    bool probability = false;
    double value = 0.0;              // the prediction as made
    double low = 0.0, high = 0.0;    // 90 % interval over the recording's variation (noise, wander, shift)
    int draws = 0;
    std::vector<UncertaintySource> sources;
    std::optional<double> threshold; // the card's decision threshold on the explained output
    double classChangeShare = 0.0;   // the share of draws whose predicted class is another (multiclass and several outputs)
    bool referral = false;
    std::string verdict;             // the plain-words line
    std::vector<std::string> warnings;   // cable swap
};

struct UncertaintyOptions {
    int noiseDraws = 16, wanderDraws = 8, dropoutDraws = 16;
    std::uint64_t seed = 2027;
};

// The noise a lead carries, in mV. Where the beats are delineated: the median, over the TP baselines (from T offset to
// the next P, where the heart is electrically quiet), of the SD about each baseline's straight line — all of the
// noise in the recording's band. Otherwise the robust SD of the first differences over √2 (white noise's
// differences have √2 its SD; QRS slopes are too few to move the median). 0 for a flat or too short lead.
std::vector<double> noiseLevelMv(const SignalGroup& group, const WaveSegmentation* waves = nullptr);
// The baseline's slow movement in mV: the SD of the 1-second moving mean, by lead.
std::vector<double> baselineLevelMv(const SignalGroup& group);

// A copy with Gaussian noise of `sigmaMv[lead]` added; deterministic for a seed.
SignalGroup withNoise(const SignalGroup& group, const std::vector<double>& sigmaMv, std::uint64_t seed);
// A copy with a slow sinusoid (0.05–0.5 Hz, random phase, amplitude up to `amplitudeMv[lead]`) added to each lead.
SignalGroup withBaselineWander(const SignalGroup& group, const std::vector<double>& amplitudeMv, std::uint64_t seed);

// Left and right arm electrodes swapped: lead I's P wave, QRS and T wave all negative in most beats — the pattern of
// an arm-lead reversal (or of dextrocardia). A warning naming it, or nothing.
std::optional<std::string> armLeadSwapWarning(const SignalGroup& group, const WaveSegmentation& waves);

// The 5th and 95th percentiles (type 7).
std::pair<double, double> interval90(std::vector<double> values);

// The referral and the plain-words line, from the result's numbers (call once value, interval, threshold and
// class changes are set): unstable when the 90 % interval (of any source) crosses the threshold, or the predicted
// class changes in at least a tenth of the draws.
void decideReferral(UncertaintyResult& result);

} // namespace execg
