#pragma once
// Does the map point where the label lives? On synthetic records the generator knows which waves carry the label
// (the T waves for potassium), so the share of |attribution| inside them (Arras et al. 2022, relevance mass
// accuracy) and a pointing-game hit (Zhang et al. 2018: the strongest attribution falls inside) can be measured
// against ground truth, next to what a map without preference would score (the share of samples inside).
#include "measure/WaveSegmentation.h"
#include "quality/Verdict.h"
#include "synth/EcgSynthesizer.h"

#include <string>
#include <vector>

namespace execg::quality {

struct Localisation {
    std::vector<WaveSegment> waves;   // the ground-truth waves
    double massShare = 0.0;           // Σ|a| inside the waves (every lead) / Σ|a|
    double chanceShare = 0.0;         // share of the map's samples inside the waves: a uniform map's mass share
    double lift = 0.0;                // massShare / chanceShare; 0 when no sample is inside
    bool pointingHit = false;         // the largest |a| lies inside the waves (± the tolerance)
    std::string note;                 // why a value is a convention (a map of zeros, no ground-truth wave)
};

// `map`: one vector per lead on the segmentation's samples (NaN = not seen by the model, skipped), as
// Explanation::recordingMap holds it.
Localisation localise(const std::vector<std::vector<float>>& map, const WaveSegmentation& truth,
                      const std::vector<WaveSegment>& waves, double toleranceMs = 10.0);

// The wave labels of a synthetic record from the generator's own fiducials (not from delineation).
WaveSegmentation groundTruthSegmentation(const std::vector<synth::BeatTruth>& beats, std::size_t samples,
                                         double samplingRateHz);

// Plain words for the scorecard; a warning when the map puts no more mass in the label's waves than chance would
// (less than 1.5 times the chance share).
Verdict localisationVerdict(const Localisation& l);

} // namespace execg::quality
