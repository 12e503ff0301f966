#include "synth/EcgSynthesizer.h"

#include "recording/LeadNames.h"
#include "synth/AtrialActivity.h"
#include "synth/BeatBuilder.h"
#include "synth/BeatSchedule.h"
#include "synth/HeartVectors.h"
#include "synth/LeadField.h"
#include "synth/SynthNoise.h"
#include "synth/WaveShape.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace execg::synth {

namespace {

// Beats are laid out this far beyond both ends so the record opens and closes mid-rhythm: a T wave may run into
// the first samples and a P wave into the last ones, as in any real strip.
constexpr double kMarginSeconds = 1.5;

std::optional<Fiducial> fiducial(std::optional<double> t, double fs, std::int64_t n)
{
    if (!t)
        return std::nullopt;
    const auto sample = static_cast<std::int64_t>(std::llround(*t * fs));
    if (*t < 0.0 || sample >= n)
        return std::nullopt;
    return Fiducial{*t, sample};
}

// Leads from the dipole plus electrode noise. I, II and V1–V6 come from the lead field; III and the augmented
// leads are then formed from I and II exactly as an electrocardiograph forms them.
void projectLeads(const DipoleTrace& d, const ElectrodeNoise& noise, SignalGroup& group)
{
    const auto& L = leadVectors();
    const std::size_t n = d.size();
    const bool noisy = !noise[RA].empty();
    for (auto& lead : group.leads)
        lead.samples.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Vec3 v{d.x[i], d.y[i], d.z[i]};
        double one = L[0].dot(v), two = L[1].dot(v);
        double chest[6];
        for (int c = 0; c < 6; ++c)
            chest[c] = L[6 + c].dot(v);
        if (noisy) {
            const double ra = noise[RA][i], la = noise[LA][i], ll = noise[LL][i];
            const double wilson = (ra + la + ll) / 3.0;
            one += la - ra;
            two += ll - ra;
            for (int c = 0; c < 6; ++c)
                chest[c] += noise[C1 + c][i] - wilson;
        }
        group.leads[0].samples[i] = static_cast<float>(one);
        group.leads[1].samples[i] = static_cast<float>(two);
        group.leads[2].samples[i] = static_cast<float>(two - one);
        group.leads[3].samples[i] = static_cast<float>(-(one + two) / 2.0);
        group.leads[4].samples[i] = static_cast<float>(one - two / 2.0);
        group.leads[5].samples[i] = static_cast<float>(two - one / 2.0);
        for (int c = 0; c < 6; ++c)
            group.leads[6 + c].samples[i] = static_cast<float>(chest[c]);
    }
}

// How the generator marks what it writes, and isSyntheticRecording reads it back.
constexpr const char* kManufacturer = "ExECG Studio";
constexpr const char* kDeviceModel = "synthetic ECG generator";
constexpr const char* kDescriptionStart = "synthetic ECG (";
constexpr const char* kGeneratorName = "execg-synth";   // kGeneratorVersion without its version number

std::string describe(const SynthParams& p)
{
    std::ostringstream s;
    s << kDescriptionStart << kGeneratorVersion << "): rhythm " << toString(p.rhythm) << ", seed " << p.seed
      << ", HR " << p.heartRateBpm << " bpm, K+ " << p.potassiumMmolL << " mmol/L";
    return s.str();
}

} // namespace

bool isSyntheticRecording(const Recording& recording)
{
    const auto& md = recording.metadata;
    if (recording.formatName == "synthetic" || md.device.model == kDeviceModel || md.device.softwareVersion.rfind(kGeneratorName, 0) == 0)
        return true;
    // WFDB keeps the device and the description as comments ("Device: ExECG Studio synthetic ECG generator").
    const std::string device = std::string(kManufacturer) + " " + kDeviceModel;
    const std::string description = std::string(kDescriptionStart) + kGeneratorName;
    return std::any_of(md.comments.begin(), md.comments.end(), [&](const std::string& c) {
        return c.rfind(description, 0) == 0 || c.find(device) != std::string::npos;
    });
}

SynthResult generateEcg(const SynthParams& p)
{
    validate(p);
    SynthResult result;
    result.params = p;
    result.potassium = potassiumEffects(p.potassiumMmolL);
    const PotassiumEffects& k = result.potassium;
    const double fs = p.samplingRateHz;
    const auto n = static_cast<std::int64_t>(std::llround(p.seconds * fs));
    const double duration = static_cast<double>(n) / fs;

    SynthRandom rhythmRng(p.seed, RandomStream::Rhythm), morphologyRng(p.seed, RandomStream::Morphology),
        atrialRng(p.seed, RandomStream::Atrial);
    const HeartVectors heart = buildHeartVectors(p, k, morphologyRng);
    const BeatSchedule schedule = scheduleBeats(p, rhythmRng, -kMarginSeconds, duration + kMarginSeconds);

    DipoleTrace dipole(fs, static_cast<std::size_t>(n));
    for (const auto& beat : schedule.beats) {
        const BeatWaves w = buildBeat(beat, heart, p, k);
        for (const auto* set : {&w.p, &w.qrs, &w.t, &w.u})
            for (const auto& c : *set)
                dipole.add(c);
        if (w.st)
            dipole.add(*w.st);
        if (w.qrsPeak < 0.0 || w.qrsPeak >= duration)
            continue;
        BeatTruth b;
        b.type = beatCode(beat.type);
        b.rrSeconds = beat.rr;
        b.qtSeconds = w.qt;
        b.pOnset = fiducial(w.pOnset, fs, n);
        b.pPeak = fiducial(w.pPeak, fs, n);
        b.pOffset = fiducial(w.pOffset, fs, n);
        b.qrsOnset = fiducial(w.qrsOnset, fs, n);
        b.qrsPeak = fiducial(w.qrsPeak, fs, n);
        b.qrsOffset = fiducial(w.qrsOffset, fs, n);
        b.tPeak = fiducial(w.tPeak, fs, n);
        b.tOffset = fiducial(w.tOffset, fs, n);
        result.beats.push_back(b);
    }
    if (p.rhythm == Rhythm::AtrialFibrillation)
        addFibrillationWaves(dipole, p, atrialRng);
    else if (p.rhythm == Rhythm::AtrialFlutter)
        addFlutterWaves(dipole, p, schedule.flutterPhaseSeconds);

    Recording& rec = result.recording;
    rec.sourcePath = "synthetic";
    rec.formatName = "synthetic";
    SignalGroup group;
    group.label = "rhythm";
    group.samplingRateHz = fs;
    group.totalSamples = n;
    for (const auto& name : standardTwelveLeads()) {
        Lead lead;
        lead.name = name;
        lead.provenance.storedLabel = name;
        lead.provenance.storedUnits = "mV";
        lead.provenance.storedFormat = "synthetic";
        group.leads.push_back(std::move(lead));
    }
    projectLeads(dipole, electrodeNoise(p.noise, fs, static_cast<std::size_t>(n), p.seed), group);
    rec.groups.push_back(std::move(group));

    auto& md = rec.metadata;
    md.patient.id = "SYNTH-" + std::to_string(p.seed);
    md.device.manufacturer = kManufacturer;
    md.device.model = kDeviceModel;
    md.device.softwareVersion = kGeneratorVersion;
    md.comments.push_back(describe(p));
    for (const auto& b : result.beats)
        if (b.qrsPeak)
            md.annotations.push_back({0, b.qrsPeak->sample, b.qrsPeak->seconds, std::string(1, b.type), "", -1,
                                      "synthetic ground truth"});
    return result;
}

} // namespace execg::synth
