#pragma once
// One beat's wave components and its ground-truth fiducial times (s). Onsets and offsets are the exact ends
// of the components' supports; peaks are where the spatial magnitude of the wave's dipole is largest.
#include "synth/BeatSchedule.h"
#include "synth/HeartVectors.h"
#include "synth/PotassiumScale.h"
#include "synth/SynthParams.h"
#include "synth/WaveShape.h"

#include <optional>
#include <vector>

namespace execg::synth {

struct BeatWaves {
    std::vector<WaveComponent> p, qrs, t, u;
    std::optional<PlateauComponent> st;

    std::optional<double> pOnset, pPeak, pOffset;
    double qrsOnset = 0, qrsPeak = 0, qrsOffset = 0;   // qrsOffset is the J point
    double tPeak = 0, tOffset = 0;
    double qt = 0;                                     // s, QRS onset to T offset
};

// The beat's QT: QTc · RR^(1/2) (Bazett) or RR^(1/3) (Fridericia), RR in seconds.
double qtForRr(const SynthParams& p, double rrSeconds);

BeatWaves buildBeat(const ScheduledBeat& beat, const HeartVectors& heart, const SynthParams& p,
                    const PotassiumEffects& k);

} // namespace execg::synth
