#include "synth/BeatSchedule.h"

#include <algorithm>
#include <cmath>

namespace execg::synth {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;
constexpr double kMinRr = 0.2;   // 300 bpm: faster would overlap QRS complexes

// Sinus RR series: HF (respiratory sinus arrhythmia, 45 % of the variance), LF (Mayer waves at ~0.1 Hz, 35 %)
// and an AR(1) remainder (20 %), all zero-mean so the mean rate is the requested one.
class SinusRr {
public:
    SinusRr(double meanRr, double sdnn, SynthRandom& rng)
        : mean_(meanRr), hfAmp_(std::sqrt(2 * 0.45) * sdnn), lfAmp_(std::sqrt(2 * 0.35) * sdnn),
          arSd_(std::sqrt(0.20) * sdnn), hfHz_(rng.uniform(0.2, 0.33)), lfHz_(rng.uniform(0.08, 0.12)),
          hfPhase_(rng.uniform(0, kTwoPi)), lfPhase_(rng.uniform(0, kTwoPi)) {}

    double next(double t, SynthRandom& rng)
    {
        ar_ = 0.5 * ar_ + std::sqrt(0.75) * arSd_ * rng.normal();
        const double rr = mean_ + hfAmp_ * std::sin(kTwoPi * hfHz_ * t + hfPhase_) +
                          lfAmp_ * std::sin(kTwoPi * lfHz_ * t + lfPhase_) + ar_;
        return std::max(kMinRr, rr);
    }

private:
    double mean_, hfAmp_, lfAmp_, arSd_, hfHz_, lfHz_, hfPhase_, lfPhase_;
    double ar_ = 0.0;
};

} // namespace

char beatCode(BeatType t)
{
    switch (t) {
    case BeatType::Normal: return 'N';
    case BeatType::Pac: return 'A';
    case BeatType::Pvc: return 'V';
    }
    return '?';
}

BeatSchedule scheduleBeats(const SynthParams& p, SynthRandom& rng, double from, double to)
{
    BeatSchedule out;
    const bool sinus = p.rhythm == Rhythm::Sinus;
    const bool flutter = p.rhythm == Rhythm::AtrialFlutter;
    const double flutterCycle = 60.0 / p.flutterRateBpm;
    const double meanRr = flutter ? flutterCycle * p.flutterConduction : 60.0 / p.heartRateBpm;
    // HRV shrinks as the rate rises; capping the SD at 10 % of the mean RR keeps fast rhythms physiological and
    // keeps the 300-bpm floor from biasing the mean rate.
    SinusRr sinusRr(meanRr, std::min(p.hrvSdnnMs / 1000.0, 0.1 * meanRr), rng);
    out.flutterPhaseSeconds = rng.uniform(0.0, flutterCycle);

    // Irregularly irregular: independent RRs; the normal is clipped at ±2.5 SD so no RR is absurd.
    auto independentRr = [&](double cv) { return std::max(kMinRr, meanRr * (1.0 + cv * std::clamp(rng.normal(), -2.5, 2.5))); };
    auto nextRr = [&](double t) {
        switch (p.rhythm) {
        case Rhythm::Sinus: return p.irregularRrCv > 0.0 ? independentRr(p.irregularRrCv) : sinusRr.next(t, rng);
        case Rhythm::AtrialFibrillation: return independentRr(p.afRrCv);
        case Rhythm::AtrialFlutter: return meanRr;
        }
        return meanRr;
    };

    // The first beat falls at a random phase before `from`, so every record starts mid-rhythm.
    double t = from - rng.uniform(0.0, meanRr);
    if (flutter) {
        // Conducted beats sit a fixed AV delay after an atrial activation.
        const double avDelay = 0.18;
        const double k = std::floor((t - out.flutterPhaseSeconds - avDelay) / flutterCycle);
        t = out.flutterPhaseSeconds + k * flutterCycle + avDelay;
    }
    double previous = t - meanRr;
    double rrForQt = meanRr;
    auto emit = [&](BeatType type, double onset, bool sinusP) {
        const double rr = onset - previous;
        rrForQt = 0.8 * rrForQt + 0.2 * rr;
        if (onset >= from - 1e-12 && onset <= to)
            out.beats.push_back({type, onset, rr, rrForQt, sinusP});
        previous = onset;
    };
    while (t <= to) {
        emit(BeatType::Normal, t, sinus);
        const double rr = nextRr(t);
        // The same draws on every beat whatever the probabilities: records that differ only in a premature-beat
        // probability keep an identical rhythm up to their first premature beat.
        const double pvcDraw = rng.uniform(), pacDraw = rng.uniform(), coupling = rng.uniform();
        if (pvcDraw < p.pvcProbability) {
            const double pvc = t + rr * (0.55 + 0.1 * coupling);
            emit(BeatType::Pvc, pvc, false);
            // The sinus (or flutter) beat due at t + rr is blocked; AF simply goes on from the PVC.
            t = sinus || flutter ? t + rr + nextRr(t + rr) : pvc + nextRr(pvc);
        } else if (sinus && pacDraw < p.pacProbability) {
            const double pac = t + rr * (0.65 + 0.13 * coupling);
            emit(BeatType::Pac, pac, true);
            t = pac + nextRr(pac);
        } else {
            t += rr;
        }
    }
    return out;
}

} // namespace execg::synth
