#pragma once
// The demo models' training and held-out sets, drawn from the synthetic ECG generator (docs/synthetic-ecg.md).
// Torch-free: a set is a flat float array (records × 12 leads × 2500 samples, mV) plus one target per record.
// Every record is a pure function of (set kind, seed base, index), so the same call gives the same set with any
// number of threads, and held-out sets differ from training sets only by their seed base.
#include "synth/SynthParams.h"

#include <cstdint>
#include <string>
#include <vector>

namespace execg::training {

inline constexpr int kDemoLeads = 12;
inline constexpr int kDemoSamples = 2500;
inline constexpr double kDemoRateHz = 250.0;

// I, II, III, aVR, aVL, aVF, V1–V6: the demo models' channel order.
const std::vector<std::string>& demoLeadNames();

enum class SetKind {
    Af,          // target 1 = atrial fibrillation, 0 = sinus (clean, PACs, PVCs) or atrial flutter
    Potassium,   // target = serum potassium, mmol/L, uniform 2.0–9.0
    Mixed,       // the autoencoder's: even records drawn as Af, odd as Potassium; target = the record's K
};

struct SyntheticSet {
    int count = 0;
    std::vector<float> samples;            // count × kDemoLeads × kDemoSamples, mV
    std::vector<float> targets;            // one per record
    std::vector<std::string> kinds;        // "af", "sinus", "sinus+PAC", "sinus+PVC", "flutter" per record

    const float* record(int i) const { return samples.data() + std::size_t(i) * kDemoLeads * kDemoSamples; }
};

// The parameters of record `index`; also names its kind (see SyntheticSet::kinds) and its target.
synth::SynthParams demoRecordParams(SetKind kind, std::uint64_t seedBase, int index, std::string* recordKind = nullptr,
                                    float* target = nullptr);

// Generates `count` records on `threads` worker threads.
SyntheticSet generateSet(SetKind kind, int count, std::uint64_t seedBase, int threads);

// Seed bases: training, the trainer's own held-out set, and the shipped-model test's set never overlap.
std::uint64_t trainingSeedBase(SetKind kind, std::uint64_t seed);
std::uint64_t heldOutSeedBase(SetKind kind, std::uint64_t seed);
inline constexpr std::uint64_t kTestSeedBase = 0x7E57'0000'0000ull;

} // namespace execg::training
