#pragma once
// How an attribution map is drawn, never how it is stored: gradient maps of CNNs are spiky, so the chart and the
// report may show them smoothed over a window of milliseconds, or as each wave's share of the evidence painted over
// that wave's extent. Results documents, stores, summaries and scorecards always use the map as computed.
#include "explain/Explanation.h"
#include "measure/WaveSegmentation.h"

#include <memory>

#include <string>
#include <vector>

namespace execg {

enum class MapView {
    Samples,   // sample by sample (smoothed when smoothingMs > 0)
    Waves      // each wave of each beat in each lead: its share of the map's total |a|, in %, over its extent
};

// The smoothing the chart and the report start with, chosen by looking at real cases (docs/readable-maps.md): 40 ms
// (1 mm at 25 mm/s) turns one-sample gradient spikes into bands the eye finds, and stays inside a QRS complex; 80 ms
// already halves the peaks and runs the QRS into the ST segment.
inline constexpr double kDefaultSmoothingMs = 40.0;

struct MapDisplay {
    double smoothingMs = kDefaultSmoothingMs;   // centred moving average of this width; 0: none. Samples view only.
    MapView view = MapView::Samples;
    bool operator==(const MapDisplay&) const = default;
};

std::string toString(MapView v);                       // "samples", "waves"
bool mapViewFromString(const std::string& s, MapView& out);

using LeadMaps = std::vector<std::vector<float>>;      // per lead, per sample; NaN where the model saw nothing

// Centred moving average over `windowMs` (an odd number of samples, at least 3; less: the map unchanged). NaN samples
// stay NaN and count in no neighbour's mean, so the map never spreads into what the model did not see.
LeadMaps smoothedMap(const LeadMaps& map, double samplingRateHz, double windowMs);

// Each labelled wave occurrence (a run of one wave label in one beat) in each lead painted with its share of the
// map's total |a| in % (ΣΣ over every occurrence of a lead's wave = that lead's wave share in the evidence summary);
// NaN outside the delineated waves and where the model saw nothing.
LeadMaps waveShareMap(const LeadMaps& map, const WaveSegmentation& waves);

// `display` as a case can be drawn: the per-wave view needs delineated beats; without them (no `waves`, no beat
// found) the samples view. Whatever draws a map, and whatever says how it was drawn, starts from this.
MapDisplay drawableDisplay(const MapDisplay& display, const WaveSegmentation* waves);

// The map as `display` shows it (through drawableDisplay).
LeadMaps displayedMap(const LeadMaps& map, double samplingRateHz, const WaveSegmentation* waves, const MapDisplay& display);

// `explanation` with its recordingMap as `display` draws it; the same object when the display leaves it unchanged.
// What the views draw; the computed explanation stays what summaries, scores and documents read.
std::shared_ptr<const Explanation> displayedExplanation(std::shared_ptr<const Explanation> explanation, double samplingRateHz,
                                                        const WaveSegmentation* waves, const MapDisplay& display);

} // namespace execg
