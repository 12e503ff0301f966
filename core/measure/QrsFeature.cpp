#include "measure/QrsFeature.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace execg::qrs {

namespace {

// Rate the feature is computed at. QRS energy lies below ~40 Hz, so block means down to about 250 Hz lose
// nothing the detector uses and keep a 10 kHz recording as cheap as a 250 Hz one.
constexpr double kFeatureRateTarget = 250.0;
// Filter transients near gaps and ends are not QRS energy.
constexpr double kGapMarginSeconds = 0.15;
// Normalisation looks at the largest feature value per block; a block this long holds at least one beat at any
// rate a person survives (> 30 bpm) and, at most rates, no more than a few.
constexpr double kNormalisationBlockSeconds = 2.0;
// Less than 1 µV peak to peak over the whole lead: a disconnected or zero-filled channel, never an ECG.
constexpr double kFlatRangeMillivolts = 1e-3;

Biquad normalise(double b0, double b1, double b2, double a0, double a1, double a2)
{
    return {b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0};
}

// All sections in one pass, each sample through the whole cascade (independent recurrences interleave, which
// roughly halves the time of section-by-section passes). Transposed direct form II with the steady state for
// a constant input equal to the first sample, so the pass starts without a transient.
template <typename T>
void runCascade(T* x, std::size_t n, std::ptrdiff_t step, const std::vector<Biquad>& sections)
{
    if (n == 0 || sections.empty())
        return;
    constexpr std::size_t kMax = 4;
    const std::size_t count = std::min(kMax, sections.size());
    double z1[kMax], z2[kMax];
    double u = x[0];
    for (std::size_t k = 0; k < count; ++k) {
        const Biquad& s = sections[k];
        const double gain = (s.b0 + s.b1 + s.b2) / (1.0 + s.a1 + s.a2);
        z1[k] = (gain - s.b0) * u;
        z2[k] = (s.b2 - s.a2 * gain) * u;
        u *= gain;
    }
    for (std::size_t i = 0; i < n; ++i, x += step) {
        double v = *x;
        for (std::size_t k = 0; k < count; ++k) {
            const Biquad& s = sections[k];
            const double out = s.b0 * v + z1[k];
            z1[k] = s.b1 * v - s.a1 * out + z2[k];
            z2[k] = s.b2 * v - s.a2 * out;
            v = out;
        }
        *x = T(v);
    }
}

// Block means (NaN-aware) into out[0, n): a block with no valid sample becomes NaN.
void blockMeans(std::span<const float> in, int k, float* out, std::size_t n)
{
    const auto step = std::size_t(k);
    for (std::size_t b = 0; b < n; ++b) {
        const std::size_t begin = b * step, end = std::min(in.size(), begin + step);
        double sum = 0;
        int count = 0;
        for (std::size_t i = begin; i < end; ++i)
            if (std::isfinite(in[i])) {
                sum += in[i];
                ++count;
            }
        out[b] = count > 0 ? float(sum / count) : std::numeric_limits<float>::quiet_NaN();
    }
}

// Gaps are bridged by straight lines (held at the ends) so that the filters see no step; the feature inside
// gaps is zeroed later.
void bridgeGaps(float* x, std::size_t n, std::vector<std::uint8_t>& valid)
{
    valid.assign(n, 0);
    std::size_t last = n;  // index of the previous valid sample, n = none yet
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]))
            continue;
        valid[i] = 1;
        if (last == n) {
            std::fill(x, x + i, x[i]);
        } else if (i > last + 1) {
            const double a = x[last], b = x[i];
            for (std::size_t j = last + 1; j < i; ++j)
                x[j] = float(a + (b - a) * double(j - last) / double(i - last));
        }
        last = i;
    }
    if (last != n)
        std::fill(x + last + 1, x + n, x[last]);
}

// x holds `padding` free samples before and after the n signal samples (one buffer, no copies: at 30 min
// per lead every full-length allocation costs more in page faults than the arithmetic).
template <typename T>
void filtFiltPadded(T* x, std::size_t n, std::size_t padding, const std::vector<Biquad>& sections)
{
    T* s = x + padding;
    for (std::size_t i = 0; i < padding; ++i) {
        s[-1 - std::ptrdiff_t(i)] = 2 * s[0] - s[i + 1];
        s[n + i] = 2 * s[n - 1] - s[n - 2 - i];
    }
    const std::size_t total = n + 2 * padding;
    runCascade(x, total, 1, sections);
    runCascade(x + total - 1, total, -1, sections);
}

// Centred moving average of x[0, n) into out (running sum).
void movingAverageCentred(const float* x, std::size_t n, std::size_t width, float* out)
{
    const std::size_t half = width / 2;
    double sum = 0;
    for (std::size_t i = 0; i < std::min(n, half); ++i)
        sum += x[i];
    for (std::size_t i = 0; i < n; ++i) {
        if (i + half < n)
            sum += x[i + half];
        if (i >= half + 1)
            sum -= x[i - half - 1];
        out[i] = float(std::max(0.0, sum) / double(width));
    }
}

} // namespace

Biquad butterworthLowPass(double cutoffHz, double rateHz)
{
    const double w0 = 2 * std::numbers::pi * cutoffHz / rateHz, c = std::cos(w0);
    const double alpha = std::sin(w0) / std::numbers::sqrt2;  // sin(w0) / (2Q), Q = 1/√2
    return normalise((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
}

Biquad butterworthHighPass(double cutoffHz, double rateHz)
{
    const double w0 = 2 * std::numbers::pi * cutoffHz / rateHz, c = std::cos(w0);
    const double alpha = std::sin(w0) / std::numbers::sqrt2;
    return normalise((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
}

void filtFilt(std::vector<double>& x, const std::vector<Biquad>& sections, std::size_t padding)
{
    const std::size_t n = x.size();
    if (n < 2)
        return;
    padding = std::min(padding, n - 1);
    std::vector<double> padded(n + 2 * padding);
    std::copy(x.begin(), x.end(), padded.begin() + std::ptrdiff_t(padding));
    filtFiltPadded(padded.data(), n, padding, sections);
    std::copy(padded.begin() + std::ptrdiff_t(padding), padded.begin() + std::ptrdiff_t(padding + n), x.begin());
}

double medianOf(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    auto mid = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    return *mid;
}

FeatureSignal computeFeature(const std::vector<std::span<const float>>& leads, double rateHz,
                             const FeatureOptions& options)
{
    FeatureSignal f;
    f.decimation = std::max(1, int(std::floor(rateHz / kFeatureRateTarget)));
    f.rateHz = rateHz / f.decimation;
    const double fr = f.rateHz;
    // Keep the pass band inside the feature rate's Nyquist band (50 Hz input: 5–15 Hz still fits, barely).
    const double high = std::min(options.bandHighHz, 0.45 * fr);
    const double low = std::min(options.bandLowHz, 0.5 * high);
    const std::vector<Biquad> band{butterworthHighPass(low, fr), butterworthLowPass(high, fr)};
    const auto width = std::max<std::size_t>(1, std::size_t(std::lround(options.integrationSeconds * fr)) | 1u);
    const auto margin = std::size_t(std::lround(kGapMarginSeconds * fr));
    const auto block = std::max<std::size_t>(1, std::size_t(std::lround(kNormalisationBlockSeconds * fr)));
    const auto k = std::size_t(f.decimation);

    std::size_t n = 0;
    for (const auto& l : leads)
        n = std::max(n, (l.size() + k - 1) / k);
    f.energy.assign(n, 0.0f);
    f.slope.assign(n, 0.0f);
    if (n < 3)
        return f;
    const std::size_t padding = std::min(n - 1, std::size_t(std::lround(0.5 * fr)) + 1);
    std::vector<float> buffer(n + 2 * padding);   // float storage, double arithmetic
    std::vector<std::uint8_t> valid;
    for (std::size_t li = 0; li < leads.size(); ++li) {
        const std::size_t m = (leads[li].size() + k - 1) / k;
        float* x = buffer.data() + padding;
        blockMeans(leads[li], f.decimation, x, m);
        std::fill(x + m, x + n, std::numeric_limits<float>::quiet_NaN());  // shorter leads: missing at the end
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (std::size_t i = 0; i < n; ++i)
            if (std::isfinite(x[i])) {
                lo = std::min(lo, double(x[i]));
                hi = std::max(hi, double(x[i]));
            }
        if (!(hi >= lo)) {
            f.notes.push_back("lead " + std::to_string(li) + ": no valid samples");
            continue;
        }
        if (hi - lo < kFlatRangeMillivolts) {
            f.notes.push_back("lead " + std::to_string(li) + ": flat (no deflection)");
            continue;
        }
        bridgeGaps(x, n, valid);
        filtFiltPadded(buffer.data(), n, padding, band);
        // Squared central difference, in place: zero phase, so slope and energy stay centred on the QRS.
        double previous = x[0];
        for (std::size_t i = 1; i + 1 < n; ++i) {
            const double d = (double(x[i + 1]) - previous) * fr / 2;
            previous = x[i];
            x[i] = float(d * d);
        }
        x[0] = x[n - 1] = 0.0f;
        for (std::size_t i = 0; i < n;) {
            if (valid[i]) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < n && !valid[j])
                ++j;
            std::fill(x + (i >= margin ? i - margin : 0), x + std::min(n, j + margin), 0.0f);
            i = j;
        }
        LeadFeature lf;
        lf.lead = int(li);
        lf.energy.resize(n);
        movingAverageCentred(x, n, width, lf.energy.data());
        std::vector<double> blockMax;
        for (std::size_t b = 0; b < n; b += block) {
            const std::size_t e = std::min(n, b + block);
            if (std::count(valid.begin() + std::ptrdiff_t(b), valid.begin() + std::ptrdiff_t(e), 1) * 2 <
                std::ptrdiff_t(e - b))
                continue;
            blockMax.push_back(*std::max_element(lf.energy.begin() + std::ptrdiff_t(b), lf.energy.begin() + std::ptrdiff_t(e)));
        }
        const double scale = medianOf(blockMax);
        if (!(scale > 0)) {
            f.notes.push_back("lead " + std::to_string(li) + ": no QRS energy");
            continue;
        }
        const auto inv = float(1.0 / scale);
        for (std::size_t i = 0; i < n; ++i) {
            lf.energy[i] *= inv;
            f.energy[i] += lf.energy[i];
            f.slope[i] += x[i] * inv;
        }
        f.leads.push_back(std::move(lf));
    }
    if (f.leads.size() > 1) {
        const float inv = 1.0f / float(f.leads.size());
        for (std::size_t i = 0; i < n; ++i) {
            f.energy[i] *= inv;
            f.slope[i] *= inv;
        }
    }
    return f;
}

} // namespace execg::qrs
