#pragma once
// The representative beat per lead: beats of the dominant QRS morphology (those whose QRS correlates with a
// median template, so premature ventricular and aberrant beats are left out), aligned on their fiducial by
// cross-correlation, then the sample-wise median — the way resting-ECG analysers build the "median beat" their
// measurements are taken from. A median rather than a mean, so one artefact or ectopic beat cannot shift it.

#include "recording/Recording.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace execg {

struct MedianBeatOptions {
    double preSeconds = 0.25;      // window before the fiducial (P wave and PR segment)
    double postSeconds = 0.45;     // window after it (through the T wave)
    // Shrinks the window by median RR / 0.85 s (within 0.5–1.2) so that at fast rates it holds one beat only.
    bool scaleForRr = true;
    double qrsHalfSeconds = 0.06;  // QRS region compared with the template
    double minCorrelation = 0.90;  // Pearson r with the template to count as the dominant morphology
    double maxShiftSeconds = 0.02; // re-alignment range around the given fiducial
    int minBeats = 3;
    std::vector<int> morphologyLeads; // leads compared for morphology; empty = all (group: every voltage lead)
};

struct MedianBeatSet {
    double samplingRateHz = 0.0;
    int fiducialIndex = 0;                       // index of the fiducial in each lead's samples
    double preSeconds = 0.0, postSeconds = 0.0;  // the window actually used
    std::vector<std::vector<float>> leads;       // one per input lead; empty where the lead had no usable beat
    std::vector<int> beatsPerLead;               // beats that went into each lead's median
    std::vector<std::int64_t> beatsUsed;         // aligned fiducials of the beats in the median
    std::vector<std::int64_t> beatsRejected;     // given fiducials left out (other morphology, edges, gaps)
    std::string problem;                         // non-empty when no median beat could be formed
};

// `beats`: fiducial sample indices into the lead vectors (e.g. QrsDetection::samples()).
MedianBeatSet computeMedianBeats(const std::vector<std::span<const float>>& leads, double samplingRateHz,
                                 const std::vector<std::int64_t>& beats, const MedianBeatOptions& options = {});
MedianBeatSet computeMedianBeats(const SignalGroup& group, const std::vector<std::int64_t>& beats,
                                 const MedianBeatOptions& options = {});

// Any per-sample series of the group (an attribution map: one vector per lead, NaN where absent) averaged over the
// beats that went into the median, aligned as they were: one vector per lead of the median window's length, NaN
// where no beat had a value. What a map says about "the" beat, drawn under the median beat.
std::vector<std::vector<float>> beatAlignedMean(const std::vector<std::vector<float>>& perSample, const MedianBeatSet& medians);

} // namespace execg
