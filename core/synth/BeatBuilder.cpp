#include "synth/BeatBuilder.h"

#include <algorithm>
#include <cmath>

namespace execg::synth {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;

// The T wave: a slow upstroke and a faster downstroke, as two bumps along the T vector. Layout as fractions of
// the T duration counted back from the T offset; the pair's peak is normalised to 1 once.
struct TLayout {
    static constexpr double upStart = 1.0, upEnd = 0.3, upWeight = 0.45;
    static constexpr double mainStart = 0.7, mainEnd = 0.0;
};

double unitTPeak()
{
    static const double peak = [] {
        const std::vector<WaveComponent> unit{
            {-(TLayout::upStart + TLayout::upEnd) / 2, (TLayout::upStart - TLayout::upEnd) / 2, {TLayout::upWeight, 0, 0}},
            {-(TLayout::mainStart + TLayout::mainEnd) / 2, (TLayout::mainStart - TLayout::mainEnd) / 2, {1, 0, 0}}};
        return dipoleAt(unit, peakTime(unit, -1.0, 0.0)).norm();
    }();
    return peak;
}

// T components ending at tOffset, lasting tDuration, peak vector tVector.
std::vector<WaveComponent> tWave(double tOffset, double tDuration, const Vec3& tVector)
{
    const Vec3 unit = tVector * (1.0 / unitTPeak());
    auto comp = [&](double startFrac, double endFrac, double weight) {
        const double a = tOffset - startFrac * tDuration, b = tOffset - endFrac * tDuration;
        return WaveComponent{(a + b) / 2, (b - a) / 2, unit * weight};
    };
    return {comp(TLayout::upStart, TLayout::upEnd, TLayout::upWeight), comp(TLayout::mainStart, TLayout::mainEnd, 1.0)};
}

WaveComponent between(double start, double end, const Vec3& amplitude)
{
    return {(start + end) / 2, (end - start) / 2, amplitude};
}

} // namespace

double qtForRr(const SynthParams& p, double rrSeconds)
{
    const double exponent = p.qtFormula == QtFormula::Bazett ? 0.5 : 1.0 / 3.0;
    return p.qtcMs / 1000.0 * std::pow(rrSeconds, exponent);
}

BeatWaves buildBeat(const ScheduledBeat& beat, const HeartVectors& h, const SynthParams& p, const PotassiumEffects& k)
{
    BeatWaves w;
    const double on = beat.qrsOnset;
    const double breath = 1.0 + h.respirationDepth * std::sin(kTwoPi * h.respirationHz * on + h.respirationPhase);
    const bool pvc = beat.type == BeatType::Pvc;

    // Atria. An ectopic atrial focus near the AV node conducts a little sooner than the sinus node.
    const double pAmplitude = (h.pRight + h.pLeft).norm();
    if (beat.sinusP && pAmplitude > 1e-9) {
        const double pr = (p.prMs + k.prExtraMs) / 1000.0 * (beat.type == BeatType::Pac ? 0.85 : 1.0);
        const double dur = p.pDurationMs / 1000.0;
        const double pOn = on - pr;
        if (beat.type == BeatType::Pac)
            w.p = {between(pOn, pOn + dur, h.pEctopic)};
        else
            w.p = {between(pOn, pOn + 0.65 * dur, h.pRight), between(pOn + 0.35 * dur, pOn + dur, h.pLeft)};
        w.pOnset = pOn;
        w.pOffset = pOn + dur;
        w.pPeak = peakTime(w.p, pOn, pOn + dur);
    }

    // Ventricles. A PVC spreads through muscle rather than the conduction system: wide, with discordant T.
    const double qrsDuration = (pvc ? std::max(0.14, 1.5 * p.qrsMs / 1000.0) : p.qrsMs / 1000.0) * k.qrsWidthFactor;
    const double j = on + qrsDuration;
    auto at = [&](double frac) { return on + frac * qrsDuration; };
    if (pvc) {
        w.qrs = {between(at(0.0), at(0.65), h.pvc1 * breath), between(at(0.4), at(1.0), h.pvc2 * breath)};
    } else {
        w.qrs = {between(at(QrsLayout::qStart), at(QrsLayout::qEnd), h.q * breath),
                 between(at(QrsLayout::rStart), at(QrsLayout::rEnd), h.r * breath),
                 between(at(QrsLayout::sStart), at(QrsLayout::sEnd), h.s * breath)};
    }
    w.qrsOnset = on;
    w.qrsOffset = j;
    w.qrsPeak = peakTime(w.qrs, on, j);

    // Repolarisation ends QT after the QRS onset; the T wave takes most of the time left after J and the rest is
    // the ST segment. A PVC's repolarisation is slower, and very wide QRS complexes still leave room for a T.
    double qt = qtForRr(p, beat.rrForQt) + (pvc ? 0.06 : 0.0);
    qt = std::max(qt, qrsDuration + 0.12);
    const double available = qt - qrsDuration;
    const double widthFactor = p.tWidthFactor * k.tWidthFactor * (p.tPolarity == TPolarity::Peaked ? 0.7 : 1.0);
    const double tDuration = std::min(0.95, 0.7 * widthFactor) * available;
    w.qt = qt;
    w.tOffset = on + qt;
    w.t = tWave(w.tOffset, tDuration, (pvc ? h.pvcT : h.t) * breath);
    w.tPeak = peakTime(w.t, w.tOffset - tDuration, w.tOffset);

    if (!pvc && h.u.norm() > 1e-9)
        w.u = {between(w.tOffset, w.tOffset + 0.18, h.u)};
    if (!pvc && h.st.norm() > 1e-9) {
        // The injury current flows from late in the QRS (the J point is already displaced) until repolarisation
        // is complete; it is fully present from J to the T peak, so the ST level at J is exactly the shift.
        const double rise = at(0.6);
        const double fallStart = std::max(j + 1e-3, w.tPeak);
        w.st = PlateauComponent{rise, j, fallStart, std::max(fallStart + 1e-3, w.tOffset), h.st};
    }
    return w;
}

} // namespace execg::synth
