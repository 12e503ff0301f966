#pragma once
// Beat-by-beat comparison of detected beats with reference beat annotations, as PhysioNet's bxb does
// (ANSI/AAMI EC38 and EC57): a detection matches a reference beat within ±150 ms, one to one.

#include "recording/Recording.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace execg {

// WFDB beat labels (ecgcodes.h, isqrs): N L R B A a J S V r F e j n E / f Q ?. Rhythm, noise, comment and
// artefact codes (+ ~ | " x [ ] ! …) are not beats and are never scored.
bool isBeatAnnotationCode(std::string_view code);

// Reference beats of one signal group, as indices into its sample vectors (annotation sample − firstSample),
// sorted. Only annotations from `source` ("atr" = the reference annotator in WFDB records).
std::vector<std::int64_t> referenceBeats(const Recording& recording, int group, const std::string& source = "atr");

struct BeatMatchOptions {
    double windowSeconds = 0.150;  // bxb's match window
    // Beats before this instant are matched but not counted: bxb starts 5 min in for the MIT-BIH records
    // (the AAMI learning period); 0 scores the whole record.
    double startSeconds = 0.0;
    double endSeconds = -1.0;      // < 0: to the end
};

struct BeatMatchResult {
    int truePositives = 0;
    int falseNegatives = 0;   // reference beats nobody detected
    int falsePositives = 0;   // detections matching no reference beat
    double sensitivity = 0.0;            // TP / (TP + FN), in [0, 1]; 0 when there are no reference beats
    double positivePredictivity = 0.0;   // TP / (TP + FP), in [0, 1]; 0 when nothing was detected
    std::vector<std::pair<std::int64_t, std::int64_t>> matches;  // (reference, detection) samples
    std::vector<std::int64_t> missed;    // reference samples without a detection
    std::vector<std::int64_t> extra;     // detections without a reference beat
};

// Pairs are formed greedily, nearest first, each beat used at most once. Inputs need not be sorted.
BeatMatchResult matchBeats(std::vector<std::int64_t> reference, std::vector<std::int64_t> detected,
                           double samplingRateHz, const BeatMatchOptions& options = {});

} // namespace execg
