#pragma once
// Every sample of a recording labelled with the wave it belongs to (P, PR segment, QRS, ST, T, TP baseline), from
// the recording's own beat-by-beat delineation or from fiducials known in advance (a synthetic record's ground
// truth). The evidence summary and the localisation check both read ECG maps through it.
#include "measure/Delineator.h"
#include "recording/Recording.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace execg {

enum class WaveSegment { P, PR, QRS, ST, T, TP };
inline constexpr int kWaveSegments = 6;
std::string toString(WaveSegment w);     // "P", "PR segment", "QRS", "ST segment", "T", "TP baseline"
std::string keyOf(WaveSegment w);        // "p", "pr", "qrs", "st", "t", "tp" (JSON keys)
const char* waveInSentence(WaveSegment w);   // "P waves", …, "T waves", "TP baseline"
std::optional<WaveSegment> waveSegmentFromKey(const std::string& key);   // keyOf's inverse

// Conventions, because the waves have no sharp common edges: P = P onset → P offset; PR = P offset → QRS onset
// (none when P is absent); QRS = onset → J; ST = J → J + 30 % of (T offset − J); T = there → T offset; TP = T offset
// → next P onset (or next QRS onset when that beat has no P). −1: before the first or after the last beat, or in a
// beat whose boundaries are unknown.
struct WaveSegmentation {
    double samplingRateHz = 0.0;
    std::vector<std::int64_t> beats;
    std::vector<WaveFiducials> fiducials;   // per beat, sample positions
    std::vector<signed char> label;         // per sample: WaveSegment as int, or −1
    std::string problem;                    // non-empty when no beat could be found
};

// A run of samples [first, last) carrying one label (a wave of one beat, or −1 between beats), in time order.
struct WaveRun {
    std::size_t first = 0, last = 0;
    int label = -1;
};
std::vector<WaveRun> waveRuns(const WaveSegmentation& waves);

// Detects and delineates the group's beats, then labels.
WaveSegmentation segmentWaves(const SignalGroup& group);

// Labels `samples` samples from fiducials already known (sample positions, one entry per beat in time order).
WaveSegmentation segmentFromFiducials(std::size_t samples, double samplingRateHz, std::vector<std::int64_t> beats,
                                      std::vector<WaveFiducials> fiducials);

} // namespace execg
