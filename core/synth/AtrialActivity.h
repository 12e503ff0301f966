#pragma once
// Continuous atrial activity that replaces P waves: fibrillatory f-waves and flutter F-waves.
#include "synth/SynthParams.h"
#include "synth/SynthRandom.h"
#include "synth/WaveShape.h"

namespace execg::synth {

// f-waves: a dipole whose frequency wanders within 4–9 Hz around fWaveHz, whose size waxes and wanes and whose
// direction drifts (mostly towards V1 and the inferior leads, where f-waves are seen best).
void addFibrillationWaves(DipoleTrace& trace, const SynthParams& p, SynthRandom& rng);

// F-waves: a band-limited sawtooth at flutterRateBpm, slow descent and sharp rise in II, III and aVF
// (typical counter-clockwise flutter). `activationTime` is one atrial activation (the sawtooth's rise).
void addFlutterWaves(DipoleTrace& trace, const SynthParams& p, double activationTime);

} // namespace execg::synth
