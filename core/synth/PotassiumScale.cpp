#include "synth/PotassiumScale.h"

#include <array>
#include <cstddef>

namespace execg::synth {

namespace {

constexpr std::array<double, 13> kKnots{2.0, 2.5, 3.0, 3.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0};

using Row = std::array<double, 13>;
constexpr Row kTAmplitude{0.15, 0.30, 0.60, 1.00, 1.00, 1.15, 1.45, 1.80, 2.10, 2.40, 2.60, 2.75, 2.85};
constexpr Row kTWidth{1.15, 1.10, 1.05, 1.00, 1.00, 0.92, 0.84, 0.76, 0.70, 0.66, 0.63, 0.61, 0.60};
constexpr Row kPAmplitude{1.30, 1.20, 1.10, 1.00, 1.00, 1.00, 1.00, 0.85, 0.60, 0.40, 0.20, 0.00, 0.00};
constexpr Row kPrExtra{0, 0, 0, 0, 0, 0, 0, 10, 25, 40, 60, 80, 90};
constexpr Row kQrsWidth{1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.10, 1.30, 1.50, 1.75, 2.00};
constexpr Row kU{0.70, 0.50, 0.25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
constexpr Row kStDepression{0.15, 0.10, 0.05, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

double interpolate(const Row& row, double k)
{
    if (k <= kKnots.front())
        return row.front();
    if (k >= kKnots.back())
        return row.back();
    std::size_t i = 1;
    while (kKnots[i] < k)
        ++i;
    const double f = (k - kKnots[i - 1]) / (kKnots[i] - kKnots[i - 1]);
    return row[i - 1] + f * (row[i] - row[i - 1]);
}

} // namespace

PotassiumEffects potassiumEffects(double k)
{
    PotassiumEffects e;
    e.tAmplitudeFactor = interpolate(kTAmplitude, k);
    e.tWidthFactor = interpolate(kTWidth, k);
    e.pAmplitudeFactor = interpolate(kPAmplitude, k);
    e.prExtraMs = interpolate(kPrExtra, k);
    e.qrsWidthFactor = interpolate(kQrsWidth, k);
    e.uRelativeToT = interpolate(kU, k);
    e.stDepressionMv = interpolate(kStDepression, k);
    return e;
}

} // namespace execg::synth
