#pragma once
// Noise at the electrodes (RA, LA, LL, C1–C6), where it arises: the leads are then electrode differences and
// keep Einthoven's and Goldberger's relations exactly, as in a real recording.
#include "synth/LeadField.h"
#include "synth/SynthParams.h"
#include "synth/SynthRandom.h"

#include <array>
#include <cstdint>
#include <vector>

namespace execg::synth {

using ElectrodeNoise = std::array<std::vector<double>, kElectrodeCount>;

// Empty vectors when every level is 0. Each source is scaled so that a lead between two electrodes has about the
// requested RMS (each electrode carries level/√2). Each source draws from its own stream of `seed`, so adding
// one kind of noise leaves the others as they were.
ElectrodeNoise electrodeNoise(const NoiseParams& noise, double fs, std::size_t n, std::uint64_t seed);

} // namespace execg::synth
