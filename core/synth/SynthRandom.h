#pragma once
// Random numbers that are the same on every standard library: std::mt19937_64's output sequence is fixed by
// the standard, but std::uniform_real_distribution and std::normal_distribution are not, so the distributions
// are written here from the raw 64-bit words.
#include <cmath>
#include <cstdint>
#include <random>

namespace execg::synth {

// SplitMix64 (Steele, Lea & Flood 2014): turns (seed, stream) into well-separated engine seeds, so the rhythm,
// the morphology and the noise draw from independent streams: switching noise on does not move a single beat.
inline std::uint64_t splitMix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

enum class RandomStream : std::uint64_t { Rhythm = 1, Morphology = 2, Atrial = 3, Baseline = 4, Muscle = 5, Mains = 6 };

class SynthRandom {
public:
    SynthRandom(std::uint64_t seed, RandomStream stream)
        : engine_(splitMix64(seed ^ splitMix64(static_cast<std::uint64_t>(stream)))) {}

    // Uniform on [0, 1) with 53 random bits: exactly representable doubles, no rounding up to 1.
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    // Standard normal by the Box–Muller transform (both values used).
    double normal()
    {
        if (hasSpare_) {
            hasSpare_ = false;
            return spare_;
        }
        const double u1 = 1.0 - uniform();   // (0, 1]: log stays finite
        const double u2 = uniform();
        const double r = std::sqrt(-2.0 * std::log(u1));
        constexpr double twoPi = 6.283185307179586476925286766559;
        spare_ = r * std::sin(twoPi * u2);
        hasSpare_ = true;
        return r * std::cos(twoPi * u2);
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }

    bool chance(double p) { return uniform() < p; }

private:
    std::mt19937_64 engine_;
    double spare_ = 0.0;
    bool hasSpare_ = false;
};

} // namespace execg::synth
