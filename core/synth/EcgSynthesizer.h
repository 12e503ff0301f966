#pragma once
// The synthetic 12-lead ECG with ground truth: a 3-D cardiac dipole built from per-beat wave components,
// projected through a fixed lead field (Dower) onto the 12 leads, plus electrode noise. Deterministic by seed.
//
//   SynthParams p;  p.potassiumMmolL = 6.5;  p.seed = 7;
//   SynthResult r = generateEcg(p);      // r.recording: one group, 12 leads in mV; r.beats: fiducials
#include "recording/Recording.h"
#include "synth/PotassiumScale.h"
#include "synth/SynthParams.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace execg::synth {

struct Fiducial {
    double seconds = 0.0;       // from the record start
    std::int64_t sample = 0;    // round(seconds · fs)
};

// One ventricular beat whose QRS peak lies inside the record. A fiducial is absent when the beat has no such
// wave (no P in AF, flutter, PVCs or severe hyperkalaemia) or when it falls outside the record.
struct BeatTruth {
    char type = 'N';            // N normal (sinus / conducted), A premature atrial, V premature ventricular
    double rrSeconds = 0.0;     // QRS onset to this QRS onset; the first beat's predecessor lies before the record
    double qtSeconds = 0.0;
    std::optional<Fiducial> pOnset, pPeak, pOffset;
    std::optional<Fiducial> qrsOnset, qrsPeak, qrsOffset;   // qrsOffset = J point
    std::optional<Fiducial> tPeak, tOffset;
};

struct SynthResult {
    Recording recording;           // one "rhythm" group: I, II, III, aVR, aVL, aVF, V1–V6 in mV (float)
    std::vector<BeatTruth> beats;
    SynthParams params;
    PotassiumEffects potassium;    // the factors the potassium level applied
    std::string generatorVersion = kGeneratorVersion;
};

// Throws std::invalid_argument (via validate) for parameters outside the model.
SynthResult generateEcg(const SynthParams& params);

// Whether a recording came from this generator, as it marks what it writes (the device, and the description every
// file format keeps as a comment): a real recording gets real-data models by default, a synthetic one the teaching
// models it was made for.
bool isSyntheticRecording(const Recording& recording);

} // namespace execg::synth
