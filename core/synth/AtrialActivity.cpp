#include "synth/AtrialActivity.h"

#include <algorithm>
#include <cmath>

namespace execg::synth {

namespace {
constexpr double kTwoPi = 6.283185307179586476925286766559;
}

void addFibrillationWaves(DipoleTrace& trace, const SynthParams& p, SynthRandom& rng)
{
    const Vec3 d1 = Vec3{-0.3, 0.55, -0.8}.unit();
    const Vec3 d2 = Vec3{0.5, 0.7, 0.2}.unit();
    const double fmHz1 = rng.uniform(0.05, 0.2), fmHz2 = rng.uniform(0.2, 0.5);
    const double fmPhase1 = rng.uniform(0, kTwoPi), fmPhase2 = rng.uniform(0, kTwoPi);
    const double amHz = rng.uniform(0.1, 0.4), amPhase = rng.uniform(0, kTwoPi);
    const double dirHz = rng.uniform(0.05, 0.15), dirPhase = rng.uniform(0, kTwoPi);
    const double harmonicPhase = rng.uniform(0, kTwoPi);
    double phase = rng.uniform(0, kTwoPi);
    const double dt = 1.0 / trace.fs;
    const double nyquist = 0.5 * trace.fs;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const double t = static_cast<double>(i) * dt;
        const double f = std::clamp(p.fWaveHz + 0.7 * std::sin(kTwoPi * fmHz1 * t + fmPhase1) +
                                        0.4 * std::sin(kTwoPi * fmHz2 * t + fmPhase2),
                                    4.0, 9.0);
        phase += kTwoPi * f * dt;
        const double amplitude = p.fWaveMv * (0.75 + 0.25 * std::sin(kTwoPi * amHz * t + amPhase));
        const double theta = 0.6 * std::sin(kTwoPi * dirHz * t + dirPhase);
        // The second harmonic sharpens the waves; it is left out where it would alias.
        const double wave = std::sin(phase) + (2 * f < nyquist ? 0.3 * std::sin(2 * phase + harmonicPhase) : 0.0);
        const Vec3 d = (d1 * std::cos(theta) + d2 * std::sin(theta)) * (amplitude * wave / 1.15);
        trace.x[i] += d.x;
        trace.y[i] += d.y;
        trace.z[i] += d.z;
    }
}

void addFlutterWaves(DipoleTrace& trace, const SynthParams& p, double activationTime)
{
    const double f = p.flutterRateBpm / 60.0;
    // Σ sin(kφ)/k is (π − φ)/2 on (0, 2π): falls slowly, jumps up at each activation. Harmonics that would
    // alias are dropped; ~1.85 is the peak of the 6-term sum, so the amplitude is about flutterWaveMv.
    int harmonics = 6;
    while (harmonics > 1 && harmonics * f >= 0.45 * trace.fs)
        --harmonics;
    const Vec3 direction = Vec3{0.15, 0.95, 0.25}.unit() * (p.flutterWaveMv / 1.85);
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const double phase = kTwoPi * f * (static_cast<double>(i) / trace.fs - activationTime);
        double wave = 0.0;
        for (int k = 1; k <= harmonics; ++k)
            wave += std::sin(k * phase) / k;
        trace.x[i] += direction.x * wave;
        trace.y[i] += direction.y * wave;
        trace.z[i] += direction.z * wave;
    }
}

} // namespace execg::synth
