#include "dsp/Resampler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>
#include <stdexcept>

namespace execg::dsp {

RationalRatio rationalRatio(double fsIn, double fsOut, int maxFactor)
{
    const double r = fsOut / fsIn;
    RationalRatio best;
    if (!(r > 0) || !std::isfinite(r))
        return best;
    // Continued-fraction convergents are the best rational approximations for their denominator size.
    double x = r;
    double h0 = 0, h1 = 1, k0 = 1, k1 = 0;
    for (int i = 0; i < 64; ++i) {
        const double a = std::floor(x);
        const double h2 = a * h1 + h0, k2 = a * k1 + k0;
        if (h2 > maxFactor || k2 > maxFactor)
            break;
        h0 = h1, h1 = h2, k0 = k1, k1 = k2;
        best = {static_cast<std::int64_t>(h1), static_cast<std::int64_t>(k1), false};
        if (std::abs(h1 / k1 - r) <= 1e-12 * r) {
            best.exact = true;
            return best;
        }
        const double frac = x - a;
        if (frac < 1e-15)
            break;
        x = 1.0 / frac;
    }
    best.exact = false;
    return best;
}

std::size_t resampledLength(std::size_t n, double fsIn, double fsOut)
{
    return static_cast<std::size_t>(std::llround(static_cast<double>(n) * fsOut / fsIn));
}

std::int64_t mapSampleIndex(std::int64_t index, double fsIn, double fsOut)
{
    return std::llround(static_cast<double>(index) * fsOut / fsIn);
}

Resampler::Resampler(double fsIn, double fsOut, const ResampleOptions& options)
    : fsIn_(fsIn), fsOut_(fsOut), options_(options)
{
    if (!(fsIn > 0) || !(fsOut > 0) || !std::isfinite(fsIn) || !std::isfinite(fsOut))
        throw std::invalid_argument("resample: sampling rates must be positive and finite");
    if (!(options.passbandFraction > 0 && options.passbandFraction < 1))
        throw std::invalid_argument("resample: passband fraction must be in (0, 1)");
    if (!(options.stopbandAttenuationDb >= 21 && options.stopbandAttenuationDb <= 200))
        throw std::invalid_argument("resample: stop-band attenuation must be 21–200 dB");
    if (options.maxFactor < 1)
        throw std::invalid_argument("resample: maxFactor must be at least 1");
    ratio_ = rationalRatio(fsIn, fsOut, options.maxFactor);

    // Frequencies in cycles per input sample. The lower Nyquist frequency bounds both the aliases of a
    // decimation and the images of an interpolation, so one low-pass serves both directions.
    const double lowNyquist = 0.5 * std::min(1.0, fsOut / fsIn);
    const double pass = options.passbandFraction * lowNyquist;
    const double cutoff = 0.5 * (pass + lowNyquist);
    const double transition = lowNyquist - pass;
    // Kaiser's design rules (Oppenheim & Schafer 7.6): beta from the attenuation, length from the transition.
    const double a = options.stopbandAttenuationDb;
    const double beta = a > 50 ? 0.1102 * (a - 8.7) : 0.5842 * std::pow(a - 21, 0.4) + 0.07886 * (a - 21);
    const double halfSpan = (a - 7.95) / (2.285 * 2 * std::numbers::pi * transition) / 2;   // input samples
    halfWidth_ = static_cast<std::int64_t>(std::ceil(halfSpan));
    taps_ = static_cast<std::size_t>(2 * halfWidth_ + 2);
    if (ratio_.exact)
        branches_ = static_cast<std::size_t>(ratio_.up);
    else   // linear interpolation between branches errs by ~(2·pi·cutoff/branches)^2/8: < 1e-5 with this many
        branches_ = static_cast<std::size_t>(std::clamp(std::ceil(4096 * cutoff), 32.0, 2048.0));

    const double i0Beta = std::cyl_bessel_i(0.0, beta);
    table_.assign((branches_ + 1) * taps_, 0.0);
    for (std::size_t p = 0; p <= branches_; ++p) {
        const double phase = static_cast<double>(p) / static_cast<double>(branches_);
        double* row = &table_[p * taps_];
        double sum = 0;
        for (std::size_t i = 0; i < taps_; ++i) {
            const double tau = phase - static_cast<double>(static_cast<std::int64_t>(i) - halfWidth_);
            if (std::abs(tau) > halfSpan)
                continue;
            const double u = tau / halfSpan;
            const double arg = 2 * cutoff * tau;
            const double sinc = arg == 0 ? 1.0 : std::sin(std::numbers::pi * arg) / (std::numbers::pi * arg);
            row[i] = 2 * cutoff * sinc * std::cyl_bessel_i(0.0, beta * std::sqrt(1 - u * u)) / i0Beta;
            sum += row[i];
        }
        // Unit sum per branch: a constant (a baseline offset) comes out exactly, whatever the phase.
        for (std::size_t i = 0; i < taps_; ++i)
            row[i] /= sum;
    }
}

double Resampler::passbandEdgeHz() const
{
    return options_.passbandFraction * 0.5 * std::min(fsIn_, fsOut_);
}

double Resampler::stopbandEdgeHz() const
{
    return 0.5 * std::min(fsIn_, fsOut_);
}

std::complex<double> Resampler::response(double fHz) const
{
    std::complex<double> h = 0;
    const double w = -2 * std::numbers::pi * fHz / fsIn_;
    for (std::size_t p = 0; p < branches_; ++p) {
        const double phase = static_cast<double>(p) / static_cast<double>(branches_);
        for (std::size_t i = 0; i < taps_; ++i) {
            const double tau = phase - static_cast<double>(static_cast<std::int64_t>(i) - halfWidth_);
            h += table_[p * taps_ + i] * std::polar(1.0, w * tau);
        }
    }
    return h / static_cast<double>(branches_);
}

namespace {

double dot(const double* w, const float* x, std::size_t n)
{
    double s = 0;
    for (std::size_t i = 0; i < n; ++i)
        s += w[i] * static_cast<double>(x[i]);
    return s;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

std::vector<float> Resampler::process(const std::vector<float>& x, std::size_t outLength, std::int64_t firstIn,
                                      std::int64_t firstOut) const
{
    std::vector<float> y(outLength, std::numeric_limits<float>::quiet_NaN());
    const auto n = static_cast<std::int64_t>(x.size());
    std::vector<std::pair<std::int64_t, std::int64_t>> runs;   // [begin, end) of finite samples
    for (std::int64_t i = 0; i < n;) {
        if (!std::isfinite(x[static_cast<std::size_t>(i)])) {
            ++i;
            continue;
        }
        std::int64_t j = i;
        while (j < n && std::isfinite(x[static_cast<std::size_t>(j)]))
            ++j;
        runs.emplace_back(i, j);
        i = j;
    }
    if (runs.empty())
        return y;

    std::vector<float> edge(taps_);
    std::size_t run = 0;
    const auto branches = static_cast<std::int64_t>(branches_);
    for (std::size_t k = 0; k < outLength; ++k) {
        const std::int64_t outIndex = firstOut + static_cast<std::int64_t>(k);
        std::int64_t base = 0, branch = 0, nearest = 0;
        double frac = 0;
        if (ratio_.exact) {
            // Integer arithmetic: position·up is exact, so every branch is hit exactly and no drift accumulates.
            const std::int64_t num = outIndex * ratio_.down - firstIn * ratio_.up;
            base = floorDiv(num, ratio_.up);
            branch = num - base * ratio_.up;
            nearest = base + (2 * branch >= ratio_.up ? 1 : 0);
        } else {
            const double t = static_cast<double>(outIndex) * fsIn_ / fsOut_ - static_cast<double>(firstIn);
            const double fl = std::floor(t);
            base = static_cast<std::int64_t>(fl);
            const double pos = (t - fl) * static_cast<double>(branches_);
            branch = std::min(static_cast<std::int64_t>(pos), branches - 1);
            frac = pos - static_cast<double>(branch);
            nearest = std::llround(t);
        }
        nearest = std::clamp<std::int64_t>(nearest, 0, n - 1);
        if (!std::isfinite(x[static_cast<std::size_t>(nearest)]))
            continue;
        while (runs[run].second <= nearest)
            ++run;
        const auto [a, b] = runs[run];
        const std::int64_t lo = base - halfWidth_;
        const std::int64_t hi = lo + static_cast<std::int64_t>(taps_);   // exclusive
        const float* src = nullptr;
        if (lo >= a && hi <= b) {
            src = x.data() + lo;
        } else {
            // Point reflection about the run's end samples (clamped inside the run when the reflection would
            // reach past its other end), the same extension filtfilt uses.
            const double first = x[static_cast<std::size_t>(a)], last = x[static_cast<std::size_t>(b - 1)];
            for (std::int64_t i = lo; i < hi; ++i) {
                double v;
                if (i < a)
                    v = 2 * first - x[static_cast<std::size_t>(std::min(a + (a - i), b - 1))];
                else if (i >= b)
                    v = 2 * last - x[static_cast<std::size_t>(std::max((b - 1) - (i - (b - 1)), a))];
                else
                    v = x[static_cast<std::size_t>(i)];
                edge[static_cast<std::size_t>(i - lo)] = static_cast<float>(v);
            }
            src = edge.data();
        }
        double v = dot(&table_[static_cast<std::size_t>(branch) * taps_], src, taps_);
        if (frac > 0)
            v += frac * (dot(&table_[static_cast<std::size_t>(branch + 1) * taps_], src, taps_) - v);
        y[k] = static_cast<float>(v);
    }
    return y;
}

std::vector<float> resample(const std::vector<float>& x, double fsIn, double fsOut, const ResampleOptions& options)
{
    return resample(x, fsIn, fsOut, resampledLength(x.size(), fsIn, fsOut), options);
}

std::vector<float> resample(const std::vector<float>& x, double fsIn, double fsOut, std::size_t outLength,
                            const ResampleOptions& options)
{
    if (fsIn == fsOut && fsIn > 0) {
        std::vector<float> y(x);
        y.resize(outLength, std::numeric_limits<float>::quiet_NaN());
        return y;
    }
    return Resampler(fsIn, fsOut, options).process(x, outLength);
}

SignalGroup resampleGroup(const SignalGroup& group, double fsOut, const ResampleOptions& options)
{
    const double fsIn = group.samplingRateHz;
    if (fsIn == fsOut)
        return group;
    const Resampler resampler(fsIn, fsOut, options);
    // Copy, then replace the samples: every field of the group (present or future) is carried over as is;
    // the copy of the old samples costs little next to the resampling itself.
    SignalGroup out = group;
    out.samplingRateHz = fsOut;
    const std::int64_t n = group.sampleCount();
    out.firstSample = mapSampleIndex(group.firstSample, fsIn, fsOut);
    out.totalSamples = group.totalSamples > 0 ? mapSampleIndex(group.totalSamples, fsIn, fsOut) : 0;
    const std::int64_t end = mapSampleIndex(group.firstSample + n, fsIn, fsOut);
    const auto outLength = static_cast<std::size_t>(std::max<std::int64_t>(0, end - out.firstSample));
    for (auto& lead : out.leads)
        lead.samples = resampler.process(lead.samples, outLength, group.firstSample, out.firstSample);
    std::ostringstream d;
    d << "resampled " << fsIn << " -> " << fsOut << " Hz (Kaiser-windowed sinc: flat to "
      << resampler.passbandEdgeHz() << " Hz, -" << options.stopbandAttenuationDb << " dB from "
      << resampler.stopbandEdgeHz() << " Hz)";
    out.filters.description = out.filters.description.empty() ? d.str() : out.filters.description + "; " + d.str();
    return out;
}

} // namespace execg::dsp
