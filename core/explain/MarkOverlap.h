#pragma once
// The teaching quiz's score: a learner marks stretches of leads they think drive the diagnosis, and on reveal the
// marks are compared with the model's attribution map. Two plain figures a class can read:
//  - evidence captured: the share of the map's total |attribution| that lies inside the marks, beside the share of
//    the ECG the marks cover (what marks placed at random would capture on average);
//  - overlap score: the Dice overlap (0–1) between the marked samples and the model's top evidence, the fewest
//    samples that together hold `topShare` of the |attribution|.
// Only samples the model saw count (the map's NaN samples are outside both sets).
#include <string>
#include <vector>

namespace execg {

// One learner mark: a lead (standard name) from `startSeconds` to `endSeconds`, in seconds from the signal group's
// first sample (the chart's time axis).
struct LeadMark {
    std::string lead;
    double startSeconds = 0.0, endSeconds = 0.0;
    bool operator==(const LeadMark&) const = default;
};

struct MarkOverlap {
    double evidenceCaptured = 0.0;   // share of Σ|attribution| inside the marks, 0–1
    double markedShare = 0.0;        // share of the seen samples marked, 0–1 (what random marks capture on average)
    double dice = 0.0;               // overlap with the model's top evidence, 0–1
    double topShare = 0.5;           // the evidence share that defines the top set
    long markedSamples = 0, topSamples = 0, seenSamples = 0;
    std::vector<std::string> unknownLeads;   // marks on leads the map does not have (ignored)
};

// `map`: per lead (named by `leadNames`) the attribution on the group's samples at `samplingRateHz`, NaN where the
// model saw nothing (Explanation::recordingMap). Overlapping marks count once.
MarkOverlap markOverlap(const std::vector<std::vector<float>>& map, const std::vector<std::string>& leadNames,
                        double samplingRateHz, const std::vector<LeadMark>& marks, double topShare = 0.5);

} // namespace execg
