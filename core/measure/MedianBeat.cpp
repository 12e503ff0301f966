#include "measure/MedianBeat.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace execg {

namespace {

// Morphology is compared at about 500 Hz whatever the recording rate: a QRS holds nothing finer that
// matters for "same shape or not", and a 10 kHz recording then costs what a 500 Hz one does.
constexpr double kShapeRateHz = 500.0;

using Shape = std::vector<std::vector<float>>;  // per lead, de-meaned QRS samples; empty = not usable

class ShapeSampler {
public:
    ShapeSampler(const std::vector<std::span<const float>>& leads, double rate, const MedianBeatOptions& o)
        : leads_(leads), stride_(std::max<std::int64_t>(1, std::int64_t(std::floor(rate / kShapeRateHz)))),
          half_(std::max<std::int64_t>(1, std::int64_t(std::lround(o.qrsHalfSeconds * rate)) / stride_)),
          maxShift_(std::int64_t(std::lround(o.maxShiftSeconds * rate)) / stride_), compare_(leads.size(), 1)
    {
        if (!o.morphologyLeads.empty()) {
            std::fill(compare_.begin(), compare_.end(), 0);
            for (int l : o.morphologyLeads)
                if (l >= 0 && std::size_t(l) < compare_.size())
                    compare_[size_t(l)] = 1;
        }
    }

    Shape at(std::int64_t centre) const
    {
        Shape s(leads_.size());
        for (std::size_t l = 0; l < leads_.size(); ++l) {
            if (!compare_[l])
                continue;
            const auto& x = leads_[l];
            const std::int64_t a = centre - half_ * stride_, b = centre + half_ * stride_;
            if (a < 0 || b >= std::int64_t(x.size()))
                continue;
            std::vector<float> v;
            v.reserve(size_t(2 * half_ + 1));
            double mean = 0;
            bool finite = true;
            for (std::int64_t i = a; i <= b && finite; i += stride_) {
                finite = std::isfinite(x[size_t(i)]);
                v.push_back(x[size_t(i)]);
                mean += x[size_t(i)];
            }
            if (!finite)
                continue;
            mean /= double(v.size());
            for (auto& e : v)
                e = float(e - mean);
            s[l] = std::move(v);
        }
        return s;
    }

    // Pearson r over all leads both shapes have (the leads concatenated); NaN when nothing is comparable.
    static double correlation(const Shape& a, const Shape& t)
    {
        double ab = 0, aa = 0, tt = 0;
        for (std::size_t l = 0; l < a.size(); ++l) {
            if (a[l].empty() || t[l].empty())
                continue;
            for (std::size_t i = 0; i < a[l].size(); ++i) {
                ab += double(a[l][i]) * t[l][i];
                aa += double(a[l][i]) * a[l][i];
                tt += double(t[l][i]) * t[l][i];
            }
        }
        return aa > 0 && tt > 0 ? ab / std::sqrt(aa * tt) : std::numeric_limits<double>::quiet_NaN();
    }

    // The shift (in input samples) within ±maxShift that best matches the template, and its r.
    std::pair<std::int64_t, double> align(std::int64_t centre, const Shape& templ) const
    {
        std::pair<std::int64_t, double> best{0, -2.0};
        for (std::int64_t s = -maxShift_; s <= maxShift_; ++s) {
            const double r = correlation(at(centre + s * stride_), templ);
            if (std::isfinite(r) && r > best.second)
                best = {s * stride_, r};
        }
        return best;
    }

private:
    const std::vector<std::span<const float>>& leads_;
    std::int64_t stride_, half_, maxShift_;
    std::vector<char> compare_;
};

float medianInPlace(std::vector<float>& v)
{
    const std::size_t m = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(m), v.end());
    const float upper = v[m];
    if (v.size() % 2)
        return upper;
    const float lower = *std::max_element(v.begin(), v.begin() + std::ptrdiff_t(m));
    return 0.5f * (lower + upper);
}

Shape medianShape(const std::vector<Shape>& shapes, std::size_t leadCount)
{
    Shape t(leadCount);
    std::vector<float> column;
    for (std::size_t l = 0; l < leadCount; ++l) {
        std::size_t length = 0;
        for (const auto& s : shapes)
            length = std::max(length, s[l].size());
        if (length == 0)
            continue;
        t[l].resize(length);
        for (std::size_t i = 0; i < length; ++i) {
            column.clear();
            for (const auto& s : shapes)
                if (!s[l].empty())
                    column.push_back(s[l][i]);
            t[l][i] = medianInPlace(column);
        }
    }
    return t;
}

} // namespace

MedianBeatSet computeMedianBeats(const std::vector<std::span<const float>>& leads, double rate,
                                 const std::vector<std::int64_t>& beatsIn, const MedianBeatOptions& options)
{
    MedianBeatSet out;
    out.samplingRateHz = rate;
    out.leads.resize(leads.size());
    out.beatsPerLead.assign(leads.size(), 0);
    if (!(rate > 0) || leads.empty()) {
        out.problem = "cannot measure: no leads or no sampling rate";
        return out;
    }
    std::vector<std::int64_t> beats = beatsIn;
    std::sort(beats.begin(), beats.end());
    double scale = 1.0;
    if (options.scaleForRr && beats.size() >= 2) {
        std::vector<double> rr;
        for (std::size_t k = 1; k < beats.size(); ++k)
            rr.push_back(double(beats[k] - beats[k - 1]) / rate);
        std::nth_element(rr.begin(), rr.begin() + std::ptrdiff_t(rr.size() / 2), rr.end());
        scale = std::clamp(rr[rr.size() / 2] / 0.85, 0.5, 1.2);
    }
    const auto pre = std::int64_t(std::lround(options.preSeconds * scale * rate));
    const auto post = std::int64_t(std::lround(options.postSeconds * scale * rate));
    out.fiducialIndex = int(pre);
    out.preSeconds = double(pre) / rate;
    out.postSeconds = double(post) / rate;
    std::int64_t n = 0;
    for (const auto& l : leads)
        n = std::max(n, std::int64_t(l.size()));

    const ShapeSampler sampler(leads, rate, options);
    const auto margin = std::int64_t(std::lround(options.maxShiftSeconds * rate));
    std::vector<std::int64_t> inside;
    std::vector<Shape> shapes;
    for (auto b : beats) {
        if (b - pre - margin < 0 || b + post + margin >= n) {
            out.beatsRejected.push_back(b);
            continue;
        }
        inside.push_back(b);
        shapes.push_back(sampler.at(b));
    }
    // Two rounds: the first template is the median of every beat; the second, of those that matched it, so a
    // frequent ectopic morphology (bigeminy) blurs the template less.
    std::vector<std::pair<std::int64_t, std::int64_t>> kept;  // (given fiducial, aligned fiducial)
    Shape templ = medianShape(shapes, leads.size());
    for (int round = 0; round < 2 && !inside.empty(); ++round) {
        kept.clear();
        std::vector<Shape> matched;
        for (auto b : inside) {
            const auto [shift, r] = sampler.align(b, templ);
            if (r >= options.minCorrelation) {
                kept.emplace_back(b, b + shift);
                matched.push_back(sampler.at(b + shift));
            }
        }
        if (matched.empty())
            break;
        templ = medianShape(matched, leads.size());
    }
    if (int(kept.size()) < std::max(1, options.minBeats)) {
        out.problem = "cannot measure: " + std::to_string(kept.size()) + " beat(s) of the dominant QRS morphology, " +
                      std::to_string(std::max(1, options.minBeats)) + " needed";
        out.beatsRejected = beats;
        return out;
    }
    std::size_t k = 0;
    for (auto b : inside) {
        if (k < kept.size() && kept[k].first == b)
            out.beatsUsed.push_back(kept[k++].second);
        else
            out.beatsRejected.push_back(b);
    }
    std::sort(out.beatsRejected.begin(), out.beatsRejected.end());

    const auto length = std::size_t(pre + post + 1);
    std::vector<float> column;
    for (std::size_t l = 0; l < leads.size(); ++l) {
        std::vector<std::int64_t> usable;
        for (auto f : out.beatsUsed)
            if (f + post < std::int64_t(leads[l].size()) &&
                std::all_of(leads[l].begin() + (f - pre), leads[l].begin() + (f + post + 1),
                            [](float v) { return std::isfinite(v); }))
                usable.push_back(f);
        out.beatsPerLead[l] = int(usable.size());
        if (usable.empty())
            continue;
        auto& m = out.leads[l];
        m.resize(length);
        for (std::size_t i = 0; i < length; ++i) {
            column.clear();
            for (auto f : usable)
                column.push_back(leads[l][size_t(f - pre) + i]);
            m[i] = medianInPlace(column);
        }
    }
    return out;
}

MedianBeatSet computeMedianBeats(const SignalGroup& group, const std::vector<std::int64_t>& beats,
                                 const MedianBeatOptions& options)
{
    std::vector<std::span<const float>> spans;
    MedianBeatOptions o = options;
    for (std::size_t l = 0; l < group.leads.size(); ++l) {
        spans.emplace_back(group.leads[l].samples);
        if (options.morphologyLeads.empty() && group.leads[l].provenance.isVoltage)
            o.morphologyLeads.push_back(int(l));
    }
    return computeMedianBeats(spans, group.samplingRateHz, beats, o);
}

std::vector<std::vector<float>> beatAlignedMean(const std::vector<std::vector<float>>& perSample, const MedianBeatSet& m)
{
    std::size_t window = 0;
    for (const auto& l : m.leads)
        window = std::max(window, l.size());
    std::vector<std::vector<float>> out;
    for (const auto& series : perSample) {
        std::vector<double> sum(window, 0.0);
        std::vector<int> count(window, 0);
        for (const auto fiducial : m.beatsUsed)
            for (std::size_t k = 0; k < window; ++k) {
                const std::int64_t i = fiducial - m.fiducialIndex + std::int64_t(k);
                if (i < 0 || i >= std::int64_t(series.size()) || !std::isfinite(series[std::size_t(i)]))
                    continue;
                sum[k] += series[std::size_t(i)];
                ++count[k];
            }
        std::vector<float> mean(window, std::numeric_limits<float>::quiet_NaN());
        for (std::size_t k = 0; k < window; ++k)
            if (count[k] > 0)
                mean[k] = float(sum[k] / count[k]);
        out.push_back(std::move(mean));
    }
    return out;
}

} // namespace execg
