#pragma once
// Measuring what a filter or resampler did to a test tone: least-squares fit of a sinusoid of known frequency.
#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

namespace execg::test {

// Complex amplitude A·e^{i·phi} of x[i] ≈ A·sin(2·pi·f·i/fs + phi) + rest, fitted over [from, to).
// Exact for the tone when the window holds a whole number of its periods, and orthogonal to other tones then too.
inline std::complex<double> fitTone(const std::vector<float>& x, double f, double fs, std::size_t from, std::size_t to)
{
    double s = 0, c = 0, ss = 0, cc = 0, sc = 0;
    for (std::size_t i = from; i < to; ++i) {
        const double w = 2 * std::numbers::pi * f * double(i) / fs;
        const double si = std::sin(w), co = std::cos(w);
        s += x[i] * si, c += x[i] * co;
        ss += si * si, cc += co * co, sc += si * co;
    }
    // Normal equations of x ≈ a·sin + b·cos.
    const double det = ss * cc - sc * sc;
    const double a = (s * cc - c * sc) / det;
    const double b = (c * ss - s * sc) / det;
    return {a, b};   // A·sin(w + phi) = A·cos(phi)·sin(w) + A·sin(phi)·cos(w)
}

inline double amplitude(const std::vector<float>& x, double f, double fs, std::size_t from, std::size_t to)
{
    return std::abs(fitTone(x, f, fs, from, to));
}

inline std::vector<float> tone(std::size_t n, double f, double fs, double amp = 1.0, double phase = 0.0)
{
    std::vector<float> x(n);
    for (std::size_t i = 0; i < n; ++i)
        x[i] = static_cast<float>(amp * std::sin(2 * std::numbers::pi * f * double(i) / fs + phase));
    return x;
}

inline double db(double ratio)
{
    return 20 * std::log10(ratio);
}

} // namespace execg::test
