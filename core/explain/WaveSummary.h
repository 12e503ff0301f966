#pragma once
// Where an explanation's evidence lies, in the terms a clinician reads an ECG: each lead's share of the total
// |attribution|, and each lead's share in each wave of every beat (P, PR segment, QRS, ST, T, TP baseline) from the
// recording's own beat-by-beat delineation — "62 % of the evidence lies in the T waves of V2–V4".
#include "measure/WaveSegmentation.h"
#include "recording/Recording.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace execg {

struct AttributionSummary {
    std::vector<std::string> leads;
    std::vector<double> leadShare;                          // Σ|a| of the lead / Σ|a| of all leads
    std::vector<std::array<double, kWaveSegments>> leadWaveShare;   // per lead, per wave, of the total
    std::array<double, kWaveSegments> waveShare{};          // per wave, over all leads
    double unassignedShare = 0.0;                           // outside any delineated wave
    std::string headline;                                   // the one-line reading; empty without evidence
    // The headline's parts, for a sentence in the reader's language: the wave (−1 without evidence), the share of
    // the evidence it holds in the leads named (standard order), and whether those are all the leads.
    int headlineWave = -1;
    double headlineShare = 0.0;
    std::vector<std::string> headlineLeads;
    bool headlineAllLeads = false;
};


// `map`: one vector per group lead on the group's samples (NaN = not seen by the model), as
// Explanation::recordingMap holds it.
AttributionSummary summariseAttribution(const std::vector<std::vector<float>>& map, const SignalGroup& group,
                                        const WaveSegmentation& waves);

} // namespace execg
