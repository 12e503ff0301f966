#pragma once
// Test ECGs with known beat positions: each beat a sum of Gaussian waves (P, Q, R, S, T) placed on its R peak.
// Deliberately simple and independent of core/synth, so that detector tests do not share its assumptions.
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace execg::test {

struct Wave {
    double at, amplitude, width;   // seconds from the R peak, mV, Gaussian σ in seconds
};

inline std::vector<Wave> normalBeat(double gain = 1.0)
{
    return {{-0.18, 0.15 * gain, 0.025}, {-0.025, -0.10 * gain, 0.008}, {0.0, 1.2 * gain, 0.010},
            {0.028, -0.25 * gain, 0.008}, {0.28, 0.30 * gain, 0.045}};
}

// A premature ventricular beat: wide, opposite polarity, larger, no P wave, discordant T.
inline std::vector<Wave> ventricularBeat(double gain = 1.0)
{
    return {{0.0, -1.8 * gain, 0.035}, {0.05, 0.4 * gain, 0.03}, {0.32, 0.5 * gain, 0.06}};
}

struct SyntheticEcg {
    double fs = 360;
    std::vector<float> samples;
    std::vector<std::int64_t> rPeaks;   // ground truth, in samples
};

inline double waveSum(const std::vector<Wave>& beat, double t)
{
    double v = 0;
    for (const auto& w : beat)
        v += w.amplitude * std::exp(-0.5 * std::pow((t - w.at) / w.width, 2));
    return v;
}

// Beats at the given times (s); pvcEvery = k makes every k-th beat ventricular.
inline SyntheticEcg synthesize(double fs, double seconds, const std::vector<double>& beatTimes, int pvcEvery = 0,
                               double gain = 1.0)
{
    SyntheticEcg e;
    e.fs = fs;
    const auto n = std::size_t(std::llround(seconds * fs));
    std::vector<double> x(n, 0.0);
    for (std::size_t k = 0; k < beatTimes.size(); ++k) {
        const bool pvc = pvcEvery > 0 && k % std::size_t(pvcEvery) == std::size_t(pvcEvery - 1);
        const auto beat = pvc ? ventricularBeat(gain) : normalBeat(gain);
        const auto centre = std::int64_t(std::llround(beatTimes[k] * fs));
        const auto span = std::int64_t(0.6 * fs);
        for (std::int64_t i = std::max<std::int64_t>(0, centre - span); i < std::min<std::int64_t>(std::int64_t(n), centre + span); ++i)
            x[size_t(i)] += waveSum(beat, double(i - centre) / fs);
        if (centre >= 0 && centre < std::int64_t(n))
            e.rPeaks.push_back(centre);
    }
    e.samples.assign(x.begin(), x.end());
    return e;
}

inline std::vector<double> regularBeats(double seconds, double bpm, double first = 0.4)
{
    std::vector<double> t;
    for (double s = first; s < seconds; s += 60.0 / bpm)
        t.push_back(s);
    return t;
}

// Irregular RR (uniform within ±jitter around the mean), PVCs come early.
inline std::vector<double> irregularBeats(double seconds, double bpm, double jitter, unsigned seed, int pvcEvery = 0)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(-jitter, jitter);
    std::vector<double> t;
    double s = 0.5;
    for (int k = 0; s < seconds; ++k) {
        t.push_back(s);
        const bool nextPvc = pvcEvery > 0 && (k + 1) % pvcEvery == pvcEvery - 1;
        s += 60.0 / bpm * (1 + u(rng)) * (nextPvc ? 0.6 : 1.0);
    }
    return t;
}

inline void addNoise(std::vector<float>& x, double fs, double whiteMv, double mainsMv, double wanderMv, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> g(0.0, whiteMv);
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double t = double(i) / fs;
        x[i] += float(g(rng) + mainsMv * std::sin(2 * M_PI * 50 * t) +
                      wanderMv * (std::sin(2 * M_PI * 0.15 * t) + 0.5 * std::sin(2 * M_PI * 0.4 * t + 1)));
    }
}

} // namespace execg::test
