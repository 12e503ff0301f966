#include "dsp/SosFilter.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace execg::dsp {

SosFilter& SosFilter::append(const SosFilter& other)
{
    sections.insert(sections.end(), other.sections.begin(), other.sections.end());
    if (!other.description.empty())
        description = description.empty() ? other.description : description + "; " + other.description;
    return *this;
}

std::complex<double> response(const SosFilter& filter, double f, double fs)
{
    const std::complex<double> zi = std::polar(1.0, -2.0 * std::numbers::pi * f / fs);   // z^-1
    const std::complex<double> zi2 = zi * zi;
    std::complex<double> h = 1.0;
    for (const auto& s : filter.sections)
        h *= (s.b0 + s.b1 * zi + s.b2 * zi2) / (1.0 + s.a1 * zi + s.a2 * zi2);
    return h;
}

double gainDb(const SosFilter& filter, double f, double fs)
{
    const double mag = std::abs(response(filter, f, fs));
    return mag > 0 ? 20.0 * std::log10(mag) : -std::numeric_limits<double>::infinity();
}

double slowestPoleRadius(const SosFilter& filter)
{
    double worst = 0.0;
    for (const auto& s : filter.sections) {
        double r = 0.0;
        if (s.a2 == 0.0) {
            r = std::abs(s.a1);
        } else {
            const double disc = s.a1 * s.a1 - 4.0 * s.a2;
            if (disc < 0) {
                r = std::sqrt(s.a2);
            } else {
                const double q = std::sqrt(disc);
                r = std::max(std::abs(-s.a1 + q), std::abs(-s.a1 - q)) / 2.0;
            }
        }
        worst = std::max(worst, r);
    }
    return worst;
}

std::size_t paddingLength(const SosFilter& filter)
{
    std::size_t pad = 3 * (2 * filter.sections.size() + 1);
    const double r = slowestPoleRadius(filter);
    // Decay to 1e-3 of the start-up transient; capped so a pole at 1 - 1e-12 cannot ask for billions.
    const double settle = r >= 1 ? 1e7 : r > 0 ? std::ceil(std::log(1e-3) / std::log(r)) : 0.0;
    return std::max(pad, static_cast<std::size_t>(std::min(settle, 1e7)));
}

void filterInPlace(const SosFilter& filter, std::vector<double>& data)
{
    if (data.empty())
        return;
    for (const auto& s : filter.sections) {
        // Direct form II transposed: its state after a constant input v is closed-form, which is what lets the
        // pass start in steady state (SciPy's lfilter_zi) instead of ringing from zero.
        const double v0 = data.front();
        const double den = 1.0 + s.a1 + s.a2;
        const double dc = std::abs(den) > 1e-300 ? (s.b0 + s.b1 + s.b2) / den : 0.0;
        double z2 = (s.b2 - s.a2 * dc) * v0;
        double z1 = (s.b1 - s.a1 * dc) * v0 + z2;
        const double b0 = s.b0, b1 = s.b1, b2 = s.b2, a1 = s.a1, a2 = s.a2;
        for (double& v : data) {
            const double in = v;
            const double out = b0 * in + z1;
            z1 = b1 * in - a1 * out + z2;
            z2 = b2 * in - a2 * out;
            v = out;
        }
    }
}

namespace {

// Least-squares line a + b·i through samples x[from … from+count) (i counted from `from`).
template <typename T>
std::pair<double, double> lineFit(const T* x, std::size_t count)
{
    if (count < 2)
        return {double(x[0]), 0.0};
    double si = 0, sx = 0, sii = 0, six = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const double v = double(x[i]);
        si += double(i), sx += v, sii += double(i) * double(i), six += double(i) * v;
    }
    const double c = double(count);
    const double slope = (c * six - si * sx) / (c * sii - si * si);
    return {(sx - slope * si) / c, slope};
}

// Fills padLen samples before x[0] (out[padLen - 1] is the one next to x[0]).
template <typename T>
void extendStart(const T* x, std::size_t n, std::size_t padLen, Padding padding, double* out)
{
    if (padding == Padding::Odd) {   // padLen < n here
        for (std::size_t j = 1; j <= padLen; ++j)
            out[padLen - j] = 2.0 * double(x[0]) - double(x[j]);
        return;
    }
    if (n == 1) {
        std::fill(out, out + padLen, double(x[0]));
        return;
    }
    // The local trend (least-squares line over the samples the filter remembers) continued outwards, plus the
    // residual about it mirrored back and forth across the run: ext[-j] = x[m] - slope·(j + m), m = j folded into
    // the run. A baseline ramp continues straight (as with odd extension), a run that starts on a wave (an R peak)
    // is not point-reflected into a shifted baseline the high-pass would ring on, and the padding can be as long
    // as the slowest pole needs however short the run.
    const double slope = lineFit(x, std::min(n, std::max<std::size_t>(padLen, 2))).second;
    const std::size_t period = 2 * (n - 1);
    for (std::size_t j = 1; j <= padLen; ++j) {
        std::size_t m = j % period;
        if (m > n - 1)
            m = period - m;
        out[padLen - j] = double(x[m]) - slope * double(j + m);
    }
}

// Zero-phase pass over one run of finite samples.
template <typename T>
void filtfiltRun(const SosFilter& filter, const T* x, std::size_t n, T* y, std::vector<double>& work, Padding padding)
{
    const std::size_t pad = padding == Padding::Odd ? std::min(paddingLength(filter), n - 1) : paddingLength(filter);
    work.resize(n + 2 * pad);
    extendStart(x, n, pad, padding, work.data());
    for (std::size_t i = 0; i < n; ++i)
        work[pad + i] = double(x[i]);
    // The end: the same extension of the time-reversed run, written backwards.
    std::vector<T> reversed(x, x + n);
    std::reverse(reversed.begin(), reversed.end());
    std::vector<double> tail(pad);
    extendStart(reversed.data(), n, pad, padding, tail.data());
    for (std::size_t j = 0; j < pad; ++j)
        work[pad + n + j] = tail[pad - 1 - j];
    filterInPlace(filter, work);
    std::reverse(work.begin(), work.end());
    filterInPlace(filter, work);
    for (std::size_t i = 0; i < n; ++i)
        y[i] = static_cast<T>(work[work.size() - 1 - pad - i]);
}

template <typename T>
std::vector<T> filtfiltImpl(const SosFilter& filter, const std::vector<T>& x, Padding padding)
{
    std::vector<T> y(x);
    if (filter.empty())
        return y;
    std::vector<double> work;
    std::size_t i = 0;
    while (i < x.size()) {
        if (!std::isfinite(x[i])) {
            y[i] = std::numeric_limits<T>::quiet_NaN();
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < x.size() && std::isfinite(x[j]))
            ++j;
        filtfiltRun(filter, x.data() + i, j - i, y.data() + i, work, padding);
        i = j;
    }
    return y;
}

} // namespace

std::vector<float> filtfilt(const SosFilter& filter, const std::vector<float>& x, Padding padding)
{
    return filtfiltImpl(filter, x, padding);
}

std::vector<double> filtfilt(const SosFilter& filter, const std::vector<double>& x, Padding padding)
{
    return filtfiltImpl(filter, x, padding);
}

} // namespace execg::dsp
