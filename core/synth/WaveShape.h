#pragma once
// The building blocks of every wave: a Gaussian bump cut to a finite support and lowered so it meets zero
// there (continuous, with a kink at the ends), and a plateau for the ST segment. Finite support is what gives
// every wave an exact onset and offset for the ground truth, and an exact zero baseline between beats.
#include "synth/Vec3.h"

#include <cstdint>
#include <vector>

namespace execg::synth {

// A dipole that follows the bump around `centre` (s) and is zero outside centre ± halfWidth.
struct WaveComponent {
    double centre = 0.0;
    double halfWidth = 0.0;
    Vec3 amplitude;           // dipole at the bump's peak
    double start() const { return centre - halfWidth; }
    double end() const { return centre + halfWidth; }
};

// A dipole that rises (smoothstep) over [riseStart, riseEnd], holds, and falls over [fallStart, fallEnd].
struct PlateauComponent {
    double riseStart = 0.0, riseEnd = 0.0, fallStart = 0.0, fallEnd = 0.0;
    Vec3 amplitude;
};

// Bump value at x = (t − centre)/halfWidth: 1 at 0, 0 for |x| ≥ 1.
double bump(double x);
double plateau(const PlateauComponent& c, double t);

// The dipole as three sampled arrays (x, y, z) on t = i / fs, i = 0 … n−1.
struct DipoleTrace {
    double fs = 0.0;
    std::vector<double> x, y, z;
    explicit DipoleTrace(double samplingRateHz, std::size_t n) : fs(samplingRateHz), x(n), y(n), z(n) {}
    std::size_t size() const { return x.size(); }

    void add(const WaveComponent& c);
    void add(const PlateauComponent& c);
};

// Dipole of a set of bumps at time t (for locating wave peaks on a fine grid, independent of fs).
Vec3 dipoleAt(const std::vector<WaveComponent>& components, double t);

// Time of the largest spatial magnitude of `components` between t0 and t1, on a 0.1 ms grid.
double peakTime(const std::vector<WaveComponent>& components, double t0, double t1);

} // namespace execg::synth
