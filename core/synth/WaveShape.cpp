#include "synth/WaveShape.h"

#include <algorithm>
#include <cmath>

namespace execg::synth {

namespace {

// The Gaussian is cut at 2.5 σ: wide enough to look like ECGSYN's Gaussians, narrow enough that the visible
// wave starts close to its true onset (a delineator should find it within a few ms).
constexpr double kSigmas = 2.5;
const double kFloor = std::exp(-0.5 * kSigmas * kSigmas);

// First and one-past-last sample index inside (t0, t1) on t = i/fs.
std::pair<std::size_t, std::size_t> sampleRange(double t0, double t1, double fs, std::size_t n)
{
    const double first = std::max(0.0, std::floor(t0 * fs) + 1.0);
    const double last = std::min(static_cast<double>(n), std::ceil(t1 * fs));
    if (!(first < last))
        return {0, 0};
    return {static_cast<std::size_t>(first), static_cast<std::size_t>(last)};
}

double smoothstep(double u)
{
    u = std::clamp(u, 0.0, 1.0);
    return u * u * (3.0 - 2.0 * u);
}

} // namespace

double bump(double x)
{
    if (!(std::abs(x) < 1.0))
        return 0.0;
    const double s = kSigmas * x;
    return (std::exp(-0.5 * s * s) - kFloor) / (1.0 - kFloor);
}

double plateau(const PlateauComponent& c, double t)
{
    if (t <= c.riseStart || t >= c.fallEnd)
        return 0.0;
    if (t < c.riseEnd)
        return smoothstep((t - c.riseStart) / (c.riseEnd - c.riseStart));
    if (t <= c.fallStart)
        return 1.0;
    return 1.0 - smoothstep((t - c.fallStart) / (c.fallEnd - c.fallStart));
}

void DipoleTrace::add(const WaveComponent& c)
{
    if (c.halfWidth <= 0.0)
        return;
    const auto [first, last] = sampleRange(c.start(), c.end(), fs, size());
    const double invH = 1.0 / c.halfWidth;
    for (std::size_t i = first; i < last; ++i) {
        const double b = bump((static_cast<double>(i) / fs - c.centre) * invH);
        x[i] += b * c.amplitude.x;
        y[i] += b * c.amplitude.y;
        z[i] += b * c.amplitude.z;
    }
}

void DipoleTrace::add(const PlateauComponent& c)
{
    const auto [first, last] = sampleRange(c.riseStart, c.fallEnd, fs, size());
    for (std::size_t i = first; i < last; ++i) {
        const double p = plateau(c, static_cast<double>(i) / fs);
        x[i] += p * c.amplitude.x;
        y[i] += p * c.amplitude.y;
        z[i] += p * c.amplitude.z;
    }
}

Vec3 dipoleAt(const std::vector<WaveComponent>& components, double t)
{
    Vec3 d;
    for (const auto& c : components)
        if (c.halfWidth > 0.0)
            d += c.amplitude * bump((t - c.centre) / c.halfWidth);
    return d;
}

double peakTime(const std::vector<WaveComponent>& components, double t0, double t1)
{
    // Coarse 1 ms scan, then 0.1 ms around the best coarse point: the waves are smooth on a 1 ms scale.
    auto scan = [&](double a, double b, double step) {
        double best = a, bestMagnitude = -1.0;
        const auto steps = static_cast<long>(std::ceil((b - a) / step));
        for (long k = 0; k <= steps; ++k) {
            const double t = std::min(b, a + static_cast<double>(k) * step);
            const double m = dipoleAt(components, t).norm();
            if (m > bestMagnitude) {
                bestMagnitude = m;
                best = t;
            }
        }
        return best;
    };
    const double coarse = scan(t0, t1, 1e-3);
    return scan(std::max(t0, coarse - 1e-3), std::min(t1, coarse + 1e-3), 1e-4);
}

} // namespace execg::synth
