#include "model/torch/training/SyntheticDataset.h"

#include "synth/EcgSynthesizer.h"
#include "synth/SynthRandom.h"

#include <algorithm>
#include <stdexcept>
#include <thread>

namespace execg::training {

namespace {

using synth::Rhythm;
using synth::SynthParams;
using synth::SynthRandom;

// Patient-to-patient spread shared by both tasks: rate, axis, wave sizes and intervals inside the usual adult
// ranges, and mild noise of the three kinds a real recording carries, so a model cannot key on a textbook shape.
void drawCommon(SynthParams& p, SynthRandom& r)
{
    p.samplingRateHz = kDemoRateHz;
    p.seconds = double(kDemoSamples) / kDemoRateHz;
    p.heartRateBpm = r.uniform(50.0, 110.0);
    p.hrvSdnnMs = r.uniform(10.0, 60.0);
    p.qrsAxisDeg = r.uniform(-30.0, 100.0);
    p.rAmplitudeMv = r.uniform(0.9, 2.2);
    p.sAmplitudeMv = r.uniform(0.2, 0.8);
    p.qAmplitudeMv = r.uniform(0.05, 0.3);
    p.pAmplitudeMv = r.uniform(0.12, 0.25);
    p.prMs = r.uniform(130.0, 190.0);
    p.qrsMs = r.uniform(75.0, 105.0);
    p.qtcMs = r.uniform(380.0, 440.0);
    p.variability = r.uniform(0.1, 0.4);
    p.noise.baselineMv = r.uniform(0.0, 0.15);
    p.noise.emgMv = r.uniform(0.0, 0.02);
    p.noise.mainsMv = r.uniform(0.0, 0.02);
    p.noise.mainsHz = r.chance(0.5) ? 50.0 : 60.0;
}

SynthParams afRecord(SynthRandom& r, std::string& kind, float& target)
{
    SynthParams p;
    drawCommon(p, r);
    p.tAmplitudeMv = r.uniform(0.2, 0.5);
    p.potassiumMmolL = r.uniform(3.5, 5.0);   // the neutral band: rhythm is the only cause in this set
    const double u = r.uniform();
    target = 0.0f;
    if (u < 0.5) {
        kind = "af";
        target = 1.0f;
        p.rhythm = Rhythm::AtrialFibrillation;
        p.heartRateBpm = r.uniform(55.0, 150.0);
        p.afRrCv = r.uniform(0.08, 0.3);
        p.fWaveMv = r.uniform(0.03, 0.15);
        p.fWaveHz = r.uniform(4.5, 8.5);
        if (r.chance(0.3))
            p.pvcProbability = r.uniform(0.02, 0.1);
    } else if (u < 0.7) {
        kind = "sinus";
    } else if (u < 0.8) {
        kind = "sinus+PAC";
        p.pacProbability = r.uniform(0.05, 0.25);
    } else if (u < 0.9) {
        kind = "sinus+PVC";
        p.pvcProbability = r.uniform(0.05, 0.25);
    } else {
        kind = "flutter";
        p.rhythm = Rhythm::AtrialFlutter;
        p.flutterRateBpm = r.uniform(250.0, 350.0);
        p.flutterConduction = r.chance(0.5) ? 2 : 4;
        p.flutterWaveMv = r.uniform(0.1, 0.3);
    }
    return p;
}

SynthParams potassiumRecord(SynthRandom& r, std::string& kind, float& target)
{
    SynthParams p;
    drawCommon(p, r);
    // T size is the strongest potassium cue, so its patient spread is kept narrower than in the AF set: a wide
    // spread would make a tall normal T indistinguishable from early hyperkalaemia (true of real ECGs as well).
    p.tAmplitudeMv = r.uniform(0.28, 0.42);
    p.potassiumMmolL = r.uniform(2.0, 9.0);
    target = float(p.potassiumMmolL);
    kind = "sinus";
    const double u = r.uniform();
    if (u < 0.1) {
        kind = "sinus+PAC";
        p.pacProbability = r.uniform(0.02, 0.1);
    } else if (u < 0.2) {
        kind = "sinus+PVC";
        p.pvcProbability = r.uniform(0.02, 0.1);
    }
    return p;
}

} // namespace

const std::vector<std::string>& demoLeadNames()
{
    static const std::vector<std::string> names{"I", "II", "III", "aVR", "aVL", "aVF",
                                                "V1", "V2", "V3", "V4", "V5", "V6"};
    return names;
}

std::uint64_t trainingSeedBase(SetKind kind, std::uint64_t seed)
{
    return synth::splitMix64(seed * 16 + std::uint64_t(kind));
}

std::uint64_t heldOutSeedBase(SetKind kind, std::uint64_t seed)
{
    return synth::splitMix64(0x4E1D'0000'0000ull + seed * 16 + std::uint64_t(kind));
}

SynthParams demoRecordParams(SetKind kind, std::uint64_t seedBase, int index, std::string* recordKind, float* target)
{
    const std::uint64_t recordSeed = synth::splitMix64(seedBase ^ synth::splitMix64(std::uint64_t(index)));
    // Stream 99: the parameter draw is independent of the generator's own streams for the same seed.
    SynthRandom r(recordSeed, static_cast<synth::RandomStream>(99));
    std::string k;
    float t = 0.0f;
    const bool asAf = kind == SetKind::Af || (kind == SetKind::Mixed && index % 2 == 0);
    SynthParams p = asAf ? afRecord(r, k, t) : potassiumRecord(r, k, t);
    if (kind == SetKind::Mixed)
        t = float(p.potassiumMmolL);
    p.seed = recordSeed;
    if (recordKind)
        *recordKind = k;
    if (target)
        *target = t;
    return p;
}

SyntheticSet generateSet(SetKind kind, int count, std::uint64_t seedBase, int threads)
{
    SyntheticSet set;
    set.count = count;
    set.samples.assign(std::size_t(count) * kDemoLeads * kDemoSamples, 0.0f);
    set.targets.assign(std::size_t(count), 0.0f);
    set.kinds.assign(std::size_t(count), {});
    const auto& names = demoLeadNames();
    std::vector<std::string> errors(std::size_t(std::max(1, threads)));
    auto work = [&](int worker, int workers) {
        try {
            for (int i = worker; i < count; i += workers) {
                const SynthParams p = demoRecordParams(kind, seedBase, i, &set.kinds[std::size_t(i)],
                                                       &set.targets[std::size_t(i)]);
                const auto result = synth::generateEcg(p);
                const auto& group = result.recording.groups.at(0);
                float* dst = set.samples.data() + std::size_t(i) * kDemoLeads * kDemoSamples;
                for (int l = 0; l < kDemoLeads; ++l) {
                    const Lead* lead = group.findLead(names[std::size_t(l)]);
                    if (!lead || lead->samples.size() < std::size_t(kDemoSamples))
                        throw std::runtime_error("synthetic record lacks lead " + names[std::size_t(l)]);
                    std::copy_n(lead->samples.begin(), kDemoSamples, dst + std::size_t(l) * kDemoSamples);
                }
            }
        } catch (const std::exception& e) {
            errors[std::size_t(worker)] = e.what();
        }
    };
    const int workers = std::max(1, threads);
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w)
        pool.emplace_back(work, w, workers);
    work(0, workers);
    for (auto& t : pool)
        t.join();
    for (const auto& e : errors)
        if (!e.empty())
            throw std::runtime_error("generating the synthetic set: " + e);
    return set;
}

} // namespace execg::training
