#pragma once
// Where an explanation's evidence lies, in the terms a clinician reads an ECG: each lead's share of the total
// |attribution|, and each lead's share in each wave of every beat (P, PR segment, QRS, ST, T, TP baseline) from the
// recording's own beat-by-beat delineation — "62 % of the evidence lies in the T waves of V2–V4".
#include "measure/Delineator.h"
#include "recording/Recording.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace execg {

enum class WaveSegment { P, PR, QRS, ST, T, TP };
inline constexpr int kWaveSegments = 6;
std::string toString(WaveSegment w);     // "P", "PR segment", "QRS", "ST segment", "T", "TP baseline"
std::string keyOf(WaveSegment w);        // "p", "pr", "qrs", "st", "t", "tp" (JSON keys)

// Every sample of a recording labelled with the wave it belongs to (−1: before the first or after the last
// delineated beat, or in a beat whose boundaries could not be found). Conventions, because the waves have no sharp
// common edges: P = P onset → P offset; PR = P offset → QRS onset (QRS onset − 0 when P is absent: no PR);
// QRS = onset → J; ST = J → J + 30 % of (T offset − J); T = there → T offset; TP = T offset → next P onset (or
// next QRS onset when that beat has no P).
struct WaveSegmentation {
    double samplingRateHz = 0.0;
    std::vector<std::int64_t> beats;
    std::vector<WaveFiducials> fiducials;   // per beat, sample positions
    std::vector<signed char> label;         // per sample: WaveSegment as int, or −1
    std::string problem;                    // non-empty when no beat could be found
};
WaveSegmentation segmentWaves(const SignalGroup& group);

struct AttributionSummary {
    std::vector<std::string> leads;
    std::vector<double> leadShare;                          // Σ|a| of the lead / Σ|a| of all leads
    std::vector<std::array<double, kWaveSegments>> leadWaveShare;   // per lead, per wave, of the total
    std::array<double, kWaveSegments> waveShare{};          // per wave, over all leads
    double unassignedShare = 0.0;                           // outside any delineated wave
    std::string headline;                                   // the one-line reading; empty without evidence
};

// `map`: one vector per group lead on the group's samples (NaN = not seen by the model), as
// Explanation::recordingMap holds it.
AttributionSummary summariseAttribution(const std::vector<std::vector<float>>& map, const SignalGroup& group,
                                        const WaveSegmentation& waves);

} // namespace execg
