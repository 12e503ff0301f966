#include "synth/SynthNoise.h"

#include <cmath>

namespace execg::synth {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;

// Adds amplitude·sin(2π f t + phase) by rotating a phasor (written out: std::complex's operator* guards
// against NaN/inf through a library call and was most of the noise's cost), renormalised every 4096 samples so
// rounding cannot build up over a long record.
void addSinusoid(std::vector<double>& out, double fs, double hz, double amplitude, double phase)
{
    const double stepRe = std::cos(kTwoPi * hz / fs), stepIm = std::sin(kTwoPi * hz / fs);
    double re = std::cos(phase), im = std::sin(phase);
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] += amplitude * im;
        const double nextRe = re * stepRe - im * stepIm;
        im = re * stepIm + im * stepRe;
        re = nextRe;
        if ((i & 4095) == 4095) {
            const double norm = std::hypot(re, im);
            re /= norm;
            im /= norm;
        }
    }
}

void scaleToRms(std::vector<double>& v, double rms)
{
    double sum = 0.0;
    for (double x : v)
        sum += x * x;
    const double current = std::sqrt(sum / static_cast<double>(v.size()));
    if (current > 0)
        for (double& x : v)
            x *= rms / current;
}

} // namespace

ElectrodeNoise electrodeNoise(const NoiseParams& noise, double fs, std::size_t n, std::uint64_t seed)
{
    SynthRandom baselineRng(seed, RandomStream::Baseline), muscleRng(seed, RandomStream::Muscle),
        mainsRng(seed, RandomStream::Mains);
    ElectrodeNoise out;
    if (noise.baselineMv <= 0 && noise.emgMv <= 0 && noise.mainsMv <= 0)
        return out;
    const double perElectrode = 1.0 / std::sqrt(2.0);
    // Respiration is shared by all electrodes (one rate), each electrode moving with its own size and phase.
    const double respirationHz = baselineRng.uniform(0.15, 0.35);
    std::vector<double> work(n);
    for (auto& e : out) {
        e.assign(n, 0.0);
        // Baseline wander: respiration plus a slower drift, RMS fixed exactly by construction (A²/2 each).
        {
            const double share = baselineRng.uniform(0.5, 0.8);
            const double a1 = std::sqrt(2 * share) * noise.baselineMv * perElectrode;
            const double a2 = std::sqrt(2 * (1 - share)) * noise.baselineMv * perElectrode;
            const double p1 = baselineRng.uniform(0, kTwoPi), p2 = baselineRng.uniform(0, kTwoPi);
            const double drift = baselineRng.uniform(0.04, 0.1);
            if (noise.baselineMv > 0) {
                addSinusoid(e, fs, respirationHz, a1, p1);
                addSinusoid(e, fs, drift, a2, p2);
            }
        }
        // Muscle: white Gaussian noise through a one-pole high-pass at 20 Hz (EMG has little below that).
        if (noise.emgMv > 0) {
            const double a = std::exp(-kTwoPi * 20.0 / fs);
            double prevIn = 0.0, prevOut = 0.0;
            for (std::size_t i = 0; i < n; ++i) {
                const double in = muscleRng.normal();
                prevOut = a * (prevOut + in - prevIn);
                prevIn = in;
                work[i] = prevOut;
            }
            scaleToRms(work, noise.emgMv * perElectrode);
            for (std::size_t i = 0; i < n; ++i)
                e[i] += work[i];
        }
        // Mains: each electrode picks up the line field through its own impedance, so size and phase differ.
        {
            const double a = noise.mainsMv * perElectrode * std::sqrt(2.0) * mainsRng.uniform(0.7, 1.3);
            const double phase = mainsRng.uniform(0, kTwoPi), phase3 = mainsRng.uniform(0, kTwoPi);
            if (noise.mainsMv > 0) {
                addSinusoid(e, fs, noise.mainsHz, a, phase);
                if (3 * noise.mainsHz < 0.5 * fs)
                    addSinusoid(e, fs, 3 * noise.mainsHz, 0.1 * a, phase3);
            }
        }
    }
    return out;
}

} // namespace execg::synth
