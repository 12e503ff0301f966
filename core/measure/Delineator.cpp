#include "measure/Delineator.h"

#include "dsp/FilterDesign.h"
#include "dsp/Resampler.h"

#include <algorithm>
#include <cmath>

namespace execg {

namespace {

constexpr double kDelineationRateHz = 500.0;

// Smoothing and slope spans. ±2 ms keeps the QRS's sharp corners; ±10 ms suits P and T (their content is below
// ~30 Hz) and puts the smoothing's first zero on 50 Hz mains.
constexpr double kFastSmoothSeconds = 0.002, kFastSlopeSeconds = 0.004;
constexpr double kSlowSmoothSeconds = 0.010, kSlowSlopeSeconds = 0.010;
constexpr double kIsoFromSeconds = 0.012, kIsoToSeconds = 0.002;   // isoelectric window before QRS onset
constexpr double kTSearchAfterJSeconds = 0.04;
constexpr double kTDownslopeSeconds = 0.20;
constexpr double kPSlopeSearchSeconds = 0.12;
constexpr double kPClearanceSeconds = 0.02;   // a P peak lies at least this long before QRS onset
// The slopes of noise (mains, muscle) over the quiet quarter of the beat, times this, is the least a QRS slope
// must exceed: boundaries are where the complex leaves the noise, not where they are lost in it.
constexpr double kNoiseFactor = 2.5;
constexpr double kMainsNotchQ = 10.0;
constexpr double kMainsGuardSeconds = 0.12;   // the QRS region left out when looking for mains
constexpr double kMainsPresentMv = 0.005;     // RMS of 50/60 Hz above which the notches are applied
constexpr double kProminentT = 0.6;           // a T peak candidate holds at least this part of the largest
constexpr double kHumpReturn = 0.5;           // a P hump must fall below this part of its peak on both sides

std::vector<double> movingAverage(std::span<const float> x, int half)
{
    const int n = int(x.size());
    std::vector<double> prefix(std::size_t(n) + 1, 0.0);
    std::vector<double> out(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        prefix[std::size_t(i) + 1] = prefix[std::size_t(i)] + x[std::size_t(i)];
    for (int i = 0; i < n; ++i) {
        const int a = std::max(0, i - half), b = std::min(n - 1, i + half);
        out[std::size_t(i)] = (prefix[std::size_t(b) + 1] - prefix[std::size_t(a)]) / double(b - a + 1);
    }
    return out;
}

std::vector<double> slope(const std::vector<double>& x, int half, double rate)
{
    const int n = int(x.size());
    std::vector<double> d(std::size_t(n), 0.0);
    for (int i = 0; i < n; ++i) {
        const int a = std::max(0, i - half), b = std::min(n - 1, i + half);
        if (b > a)
            d[std::size_t(i)] = (x[std::size_t(b)] - x[std::size_t(a)]) * rate / double(b - a);
    }
    return d;
}

struct LeadSignals {
    bool usable = false;
    std::vector<double> fast, slow;            // smoothed signal (mV)
    std::vector<double> fastSlope, slowSlope;  // mV/s
};

// Root sum of squares over `leads` of per-lead vectors picked by `field`, optionally minus a per-lead offset.
template <class Field>
std::vector<double> spatial(const std::vector<LeadSignals>& s, const std::vector<int>& leads, Field field,
                            const std::vector<float>* offsets = nullptr)
{
    std::vector<double> out;
    for (int l : leads) {
        const auto& v = field(s[std::size_t(l)]);
        if (out.empty())
            out.assign(v.size(), 0.0);
        const double o = offsets ? double((*offsets)[std::size_t(l)]) : 0.0;
        for (std::size_t i = 0; i < v.size(); ++i)
            out[i] += (v[i] - o) * (v[i] - o);
    }
    for (auto& e : out)
        e = std::sqrt(e);
    return out;
}

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0.0;
    const auto k = std::size_t(q * double(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(k), v.end());
    return v[k];
}

int argMax(const std::vector<double>& v, int a, int b)
{
    int best = a;
    for (int i = a; i <= b; ++i)
        if (v[std::size_t(i)] > v[std::size_t(best)])
            best = i;
    return best;
}

// Walks from `from` towards `limit` (inclusive) and returns the interpolated position where `v` first drops below
// `threshold` and stays below for `hold` samples; NaN when it never does.
double crossing(const std::vector<double>& v, int from, int step, int limit, double threshold, int hold)
{
    const int n = int(v.size());
    for (int i = from + step; step > 0 ? i <= limit : i >= limit; i += step) {
        if (v[std::size_t(i)] >= threshold)
            continue;
        bool held = true;
        for (int k = 1; k <= hold && held; ++k) {
            const int j = i + k * step;
            held = j < 0 || j >= n || v[std::size_t(j)] < threshold;
        }
        if (!held)
            continue;
        const double above = v[std::size_t(i - step)], below = v[std::size_t(i)];
        const double fraction = above > below ? (above - threshold) / (above - below) : 1.0;
        return double(i - step) + step * std::clamp(fraction, 0.0, 1.0);
    }
    return kNoPosition;
}

struct Amplitudes {
    double minQrs, minP, minT;
};

// Mains interference (50 or 60 Hz) is the one noise whose slopes rival a QRS's. Where the beat carries it
// (residual of narrow 50 and 60 Hz notches, away from the QRS whose own spectrum reaches there), the notched
// leads are used; otherwise the leads as they are, since a notch rings a little around a sharp QRS.
std::vector<std::vector<float>> withoutMains(const std::vector<std::span<const float>>& leads, double rate,
                                             double fiducial)
{
    std::vector<std::vector<float>> plain, notched;
    dsp::SosFilter mains;
    for (double f0 : {50.0, 60.0})
        if (f0 < 0.45 * rate)
            mains.append(dsp::notchFilter(f0, kMainsNotchQ, rate, 2));
    double residual = 0;
    std::size_t count = 0;
    const double guard = kMainsGuardSeconds * rate;
    for (const auto& x : leads) {
        plain.emplace_back(x.begin(), x.end());
        notched.push_back(mains.empty() ? plain.back() : dsp::filtfilt(mains, plain.back()));
        for (std::size_t i = 0; i < x.size(); ++i)
            if (std::abs(double(i) - fiducial) > guard && std::isfinite(x[i])) {
                const double d = double(x[i]) - notched.back()[i];
                residual += d * d;
                ++count;
            }
    }
    const bool present = count > 0 && std::sqrt(residual / double(count)) > kMainsPresentMv;
    return present ? notched : plain;
}

class BeatDelineator {
public:
    BeatDelineator(const std::vector<std::span<const float>>& leads, double rate, double fiducial,
                   const DelineatorOptions& o)
        : rate_(rate), o_(o), signals_(leads.size())
    {
        for (const auto& x : leads)
            n_ = std::max(n_, int(x.size()));
        const int fastHalf = std::max(1, int(std::lround(kFastSmoothSeconds * rate)));
        const int fastSlope = std::max(1, int(std::lround(kFastSlopeSeconds * rate)));
        const int slowHalf = std::max(1, int(std::lround(kSlowSmoothSeconds * rate)));
        const int slowSlope = std::max(1, int(std::lround(kSlowSlopeSeconds * rate)));
        const auto clean = withoutMains(leads, rate, fiducial);
        for (std::size_t l = 0; l < leads.size(); ++l) {
            const auto& x = clean[l];
            if (int(x.size()) != n_ || n_ < 3 || !std::all_of(x.begin(), x.end(), [](float v) { return std::isfinite(v); }))
                continue;
            auto& s = signals_[l];
            s.fast = movingAverage(x, fastHalf);
            s.fastSlope = slope(s.fast, fastSlope, rate);
            s.slow = movingAverage(x, slowHalf);
            s.slowSlope = slope(s.slow, slowSlope, rate);
            s.usable = true;
        }
        hold_ = std::max(1, int(std::lround(o.holdSeconds * rate)));
    }

    bool usable(int l) const { return l >= 0 && std::size_t(l) < signals_.size() && signals_[std::size_t(l)].usable; }

    // QRS onset and J from the spatial velocity of `leads`; returns false (with a note) when there is no QRS.
    bool qrs(const std::vector<int>& leads, double fiducial, double minMv, WaveFiducials& f, std::string* note) const
    {
        const auto v = spatial(signals_, leads, [](const LeadSignals& s) -> const auto& { return s.fastSlope; });
        const int centre = std::clamp(int(std::lround(fiducial)), 0, n_ - 1);
        const int search = std::max(1, int(std::lround(o_.qrsSearchSeconds * rate_)));
        const int peak = argMax(v, std::max(0, centre - search), std::min(n_ - 1, centre + search));
        if (!(v[std::size_t(peak)] > 0)) {
            if (note)
                *note = "no QRS complex: the leads are flat";
            return false;
        }
        const int reach = int(std::lround(o_.maxQrsSeconds * rate_));
        const double threshold = std::max(o_.qrsSlopeFraction * v[std::size_t(peak)], kNoiseFactor * quantile(v, 0.25));
        const double on = crossing(v, peak, -1, std::max(0, peak - reach), threshold, hold_);
        const double off = crossing(v, peak, +1, std::min(n_ - 1, peak + reach), threshold, hold_);
        if (!std::isfinite(on) || !std::isfinite(off) || off - on > reach) {
            if (note)
                *note = "no QRS boundaries: the slopes do not settle within " +
                        std::to_string(int(std::lround(o_.maxQrsSeconds * 1000))) + " ms of the complex";
            return false;
        }
        double range = 0;
        for (int l : leads) {
            const auto& x = signals_[std::size_t(l)].fast;
            const auto [lo, hi] = std::minmax_element(x.begin() + int(on), x.begin() + int(off) + 1);
            range = std::max(range, *hi - *lo);
        }
        if (range < minMv) {
            if (note)
                *note = "QRS complex smaller than " + std::to_string(minMv) + " mV";
            return false;
        }
        f.qrsOnset = on;
        f.qrsOffset = off;
        return true;
    }

    std::vector<float> isoelectric(double qrsOnset) const
    {
        std::vector<float> iso(signals_.size(), kMissingSample);
        const int b = std::max(0, int(std::floor(qrsOnset - kIsoToSeconds * rate_)));
        const int a = std::max(0, std::min(b, int(std::floor(qrsOnset - kIsoFromSeconds * rate_))));
        for (std::size_t l = 0; l < signals_.size(); ++l) {
            if (!signals_[l].usable)
                continue;
            double sum = 0;
            for (int i = a; i <= b; ++i)
                sum += signals_[l].fast[std::size_t(i)];
            iso[l] = float(sum / double(b - a + 1));
        }
        return iso;
    }

    // T peak (largest spatial deviation from the isoelectric level after J) and T offset (tangent method).
    void tWave(const std::vector<int>& leads, const std::vector<float>& iso, double minMv, WaveFiducials& f,
               std::string* note) const
    {
        const auto m = spatial(signals_, leads, [](const LeadSignals& s) -> const auto& { return s.slow; }, &iso);
        const int from = int(std::ceil(f.qrsOffset + kTSearchAfterJSeconds * rate_));
        const int to = n_ - 1 - hold_;
        if (to - from < 2) {
            if (note)
                *note = "no T wave: the beat ends too soon after the J point";
            return;
        }
        // The first prominent maximum, not simply the largest: at fast rates the window may reach the next P wave,
        // and a U wave can outgrow a flat T.
        const int largest = argMax(m, from, to);
        int peak = largest;
        for (int i = from + 1; i < largest; ++i)
            if (m[std::size_t(i)] >= kProminentT * m[std::size_t(largest)] && m[std::size_t(i)] >= m[std::size_t(i - 1)] &&
                m[std::size_t(i)] > m[std::size_t(i + 1)]) {
                peak = i;
                break;
            }
        if (m[std::size_t(peak)] < minMv || peak == from || peak == to) {
            if (note)
                *note = m[std::size_t(peak)] < minMv ? "no T wave: flat (below " + std::to_string(minMv) + " mV)"
                                                     : "no T wave: no distinct T peak after the J point";
            return;
        }
        const int slopeHalf = std::max(1, int(std::lround(kSlowSlopeSeconds * rate_)));
        const auto dm = slope(m, slopeHalf, rate_);
        const int end = std::min(to, peak + int(std::lround(kTDownslopeSeconds * rate_)));
        int steepest = peak;
        for (int i = peak; i <= end; ++i)
            if (dm[std::size_t(i)] < dm[std::size_t(steepest)])
                steepest = i;
        if (!(dm[std::size_t(steepest)] < 0)) {
            if (note)
                *note = "no T offset: the T wave does not come down within the beat";
            return;
        }
        // Tangent method. The level the T wave returns to: the lowest magnitude after its down-slope (the isoelectric line, plus
        // whatever noise or drift the magnitude cannot be below).
        double floorLevel = m[std::size_t(steepest)];
        for (int i = steepest; i <= end; ++i)
            floorLevel = std::min(floorLevel, m[std::size_t(i)]);
        double offset = steepest + (m[std::size_t(steepest)] - floorLevel) / -dm[std::size_t(steepest)] * rate_;
        if (o_.tOffsetMethod == TOffsetMethod::SlopeFlattening) {
            std::vector<double> down(dm.size());
            for (std::size_t i = 0; i < dm.size(); ++i)
                down[i] = std::max(0.0, -dm[i]);
            offset = crossing(down, steepest, +1, to, o_.tSlopeFraction * down[std::size_t(steepest)], hold_);
            if (!std::isfinite(offset))
                offset = to;
        }
        f.tPeak = peak;
        f.tOffset = std::min(offset, double(n_ - 1));
    }

    // P wave: a hump of spatial deviation in the PR window; boundaries from its steepest up- and down-slopes.
    void pWave(const std::vector<int>& leads, const std::vector<float>& iso, double minMv, WaveFiducials& f,
               std::string* note) const
    {
        const int lo = std::max(0, int(std::ceil(f.qrsOnset - o_.maxPrSeconds * rate_)));
        const int hi = int(std::floor(f.qrsOnset - kPClearanceSeconds * rate_));
        if (hi - lo < 3) {
            if (note)
                *note = "no P wave: the beat starts too close to the QRS";
            return;
        }
        const auto m = spatial(signals_, leads, [](const LeadSignals& s) -> const auto& { return s.slow; }, &iso);
        const auto lowest = [&](int a, int b) {
            return *std::min_element(m.begin() + std::max(0, a), m.begin() + std::min(n_ - 1, b) + 1);
        };
        // The largest hump that rises from and returns to the baseline: the window may begin on the previous
        // beat's T wave, which is larger but only falls.
        const int qrsOn = int(std::floor(f.qrsOnset - 2 * kSlowSlopeSeconds * rate_));
        int peak = -1;
        for (int i = lo + 1; i <= hi; ++i) {
            const double a = m[std::size_t(i)];
            if (a < minMv || a < m[std::size_t(i - 1)] || a <= m[std::size_t(i + 1)] || (peak >= 0 && a <= m[std::size_t(peak)]))
                continue;
            if (lowest(lo, i) <= kHumpReturn * a && lowest(i, std::max(i, qrsOn)) <= kHumpReturn * a)
                peak = i;
        }
        if (peak < 0) {
            if (note)
                *note = m[std::size_t(argMax(m, lo, hi))] < minMv
                            ? "no P wave found (below " + std::to_string(minMv) + " mV)"
                            : "no P wave found (no separate atrial deflection before the QRS)";
            return;
        }
        const auto v = spatial(signals_, leads, [](const LeadSignals& s) -> const auto& { return s.slowSlope; });
        const int reach = int(std::lround(kPSlopeSearchSeconds * rate_));
        const int up = argMax(v, std::max(lo, peak - reach), peak);
        const int down = argMax(v, peak, std::min(qrsOn, peak + reach));
        const double on = crossing(v, up, -1, std::max(0, lo - reach), o_.pSlopeFraction * v[std::size_t(up)], hold_);
        const double off = crossing(v, down, +1, qrsOn, o_.pSlopeFraction * v[std::size_t(down)], hold_);
        if (!std::isfinite(on) || !std::isfinite(off)) {
            if (note)
                *note = "no P wave boundaries: its slopes do not settle before the QRS";
            return;
        }
        f.pOnset = on;
        f.pPeak = peak;
        f.pOffset = off;
    }

    // T and P once the QRS boundaries are in `f`; why a wave is absent goes to whyNoT / whyNoP.
    void waves(const std::vector<int>& leads, const std::vector<float>& iso, const Amplitudes& minimum,
               WaveFiducials& f, std::string* whyNoT, std::string* whyNoP) const
    {
        tWave(leads, iso, minimum.minT, f, whyNoT);
        pWave(leads, iso, minimum.minP, f, whyNoP);
    }

    WaveFiducials delineate(const std::vector<int>& leads, double fiducial, const std::vector<float>& iso,
                            const Amplitudes& minimum) const
    {
        WaveFiducials f;
        if (qrs(leads, fiducial, minimum.minQrs, f, nullptr))
            waves(leads, iso, minimum, f, nullptr, nullptr);
        return f;
    }

    int size() const { return n_; }

private:
    double rate_;
    DelineatorOptions o_;
    int n_ = 0;
    int hold_ = 1;
    std::vector<LeadSignals> signals_;
};

Delineation delineateAtRate(const std::vector<std::span<const float>>& leads, double rate, double fiducial,
                            const std::vector<int>& globalLeads, const DelineatorOptions& options)
{
    Delineation out;
    out.samplingRateHz = rate;
    out.perLead.resize(leads.size());
    out.isoelectricMv.assign(leads.size(), kMissingSample);
    if (!(rate > 0) || leads.empty()) {
        out.problem = "cannot delineate: no leads or no sampling rate";
        return out;
    }
    const BeatDelineator d(leads, rate, fiducial, options);
    const auto& wanted = globalLeads;
    for (std::size_t l = 0; l < leads.size(); ++l)
        if (d.usable(int(l)) && (wanted.empty() || std::find(wanted.begin(), wanted.end(), int(l)) != wanted.end()))
            out.globalLeads.push_back(int(l));
    if (out.globalLeads.empty()) {
        out.problem = "cannot delineate: no lead without gaps";
        return out;
    }
    if (!(fiducial >= 0 && fiducial < d.size())) {
        out.problem = "cannot delineate: the QRS fiducial lies outside the beat";
        return out;
    }
    std::string note;
    if (!d.qrs(out.globalLeads, fiducial, options.minLeadQrsMv, out.global, &note)) {
        out.problem = "cannot delineate: " + note;
        return out;
    }
    out.isoelectricMv = d.isoelectric(out.global.qrsOnset);
    d.waves(out.globalLeads, out.isoelectricMv, {options.minLeadQrsMv, options.minPMv, options.minTMv}, out.global,
            &out.whyNoT, &out.whyNoP);
    for (const auto* why : {&out.whyNoT, &out.whyNoP})
        if (!why->empty())
            out.notes.push_back(*why);
    for (std::size_t l = 0; l < leads.size(); ++l)
        if (d.usable(int(l)))
            out.perLead[l] = d.delineate({int(l)}, fiducial, out.isoelectricMv,
                                         {options.minLeadQrsMv, options.minLeadPMv, options.minLeadTMv});
    return out;
}

} // namespace

// Boundaries need slopes over a few milliseconds: below 500 Hz the beat is first interpolated (band-limited, by
// an integer factor) so that the slope spans stay as short as at 500 Hz and do not widen the waves.
Delineation delineateBeat(const std::vector<std::span<const float>>& leads, double rate, double fiducial,
                          const std::vector<int>& globalLeads, const DelineatorOptions& options)
{
    if (!(rate > 0) || rate >= kDelineationRateHz || leads.empty())
        return delineateAtRate(leads, rate, fiducial, globalLeads, options);
    const int factor = int(std::ceil(kDelineationRateHz / rate));
    const dsp::Resampler up(rate, rate * factor);
    std::vector<std::vector<float>> fine;
    for (const auto& x : leads) {
        const std::vector<float> v(x.begin(), x.end());
        const bool finite = std::all_of(v.begin(), v.end(), [](float e) { return std::isfinite(e); });
        fine.push_back(finite ? up.process(v, v.size() * std::size_t(factor))
                              : std::vector<float>(v.size() * std::size_t(factor), kMissingSample));
    }
    std::vector<std::span<const float>> spans(fine.begin(), fine.end());
    Delineation d = delineateAtRate(spans, rate * factor, fiducial * factor, globalLeads, options);
    d.samplingRateHz = rate;
    auto back = [factor](WaveFiducials& f) {
        for (double* p : {&f.pOnset, &f.pPeak, &f.pOffset, &f.qrsOnset, &f.qrsOffset, &f.tPeak, &f.tOffset})
            *p /= factor;
    };
    back(d.global);
    for (auto& f : d.perLead)
        back(f);
    return d;
}

Delineation delineateMedianBeats(const MedianBeatSet& medians, const std::vector<int>& globalLeads,
                                 const DelineatorOptions& options)
{
    std::size_t length = 0;
    for (const auto& m : medians.leads)
        length = std::max(length, m.size());
    // Leads without a median beat join as gaps, so lead indices stay those of the set.
    const std::vector<float> gap(length, kMissingSample);
    std::vector<std::span<const float>> spans;
    for (const auto& m : medians.leads)
        spans.emplace_back(m.size() == length ? std::span<const float>(m) : std::span<const float>(gap));
    Delineation d = delineateBeat(spans, medians.samplingRateHz, medians.fiducialIndex, globalLeads, options);
    if (!medians.problem.empty() && d.problem.empty())
        d.problem = medians.problem;
    return d;
}

std::vector<WaveFiducials> delineateBeats(const std::vector<std::span<const float>>& leads, double rate,
                                          const std::vector<std::int64_t>& beats, const std::vector<int>& globalLeads,
                                          const DelineatorOptions& options)
{
    std::vector<WaveFiducials> out(beats.size());
    if (!(rate > 0) || leads.empty())
        return out;
    const auto n = std::int64_t(leads.front().size());
    // A beat's window reaches back over most of the preceding RR (where its P wave is) and forward over most of the
    // following one (its T wave), but never into the neighbouring QRS complexes.
    const auto maxPre = std::int64_t(std::lround(0.40 * rate)), maxPost = std::int64_t(std::lround(0.70 * rate));
    for (std::size_t k = 0; k < beats.size(); ++k) {
        const std::int64_t b = beats[k];
        if (b < 0 || b >= n)
            continue;
        std::int64_t a = std::max<std::int64_t>(0, b - maxPre), e = std::min(n, b + maxPost + 1);
        if (k > 0)
            a = std::max(a, b - std::int64_t(0.6 * double(b - beats[k - 1])));
        if (k + 1 < beats.size())
            e = std::min(e, b + std::int64_t(0.7 * double(beats[k + 1] - b)));
        std::vector<std::span<const float>> window;
        for (const auto& l : leads)
            window.push_back(std::int64_t(l.size()) >= e ? l.subspan(std::size_t(a), std::size_t(e - a))
                                                         : std::span<const float>());
        const Delineation d = delineateBeat(window, rate, double(b - a), globalLeads, options);
        auto f = d.global;
        for (double* p : {&f.pOnset, &f.pPeak, &f.pOffset, &f.qrsOnset, &f.qrsOffset, &f.tPeak, &f.tOffset})
            *p += double(a);
        out[k] = f;
    }
    return out;
}

std::vector<int> independentLeads(const SignalGroup& group)
{
    std::vector<int> out;
    const bool haveIandII = group.findLead("I") && group.findLead("II");
    for (std::size_t l = 0; l < group.leads.size(); ++l) {
        const auto& lead = group.leads[l];
        if (!lead.provenance.isVoltage)
            continue;
        const bool limbDerivable = lead.name == "III" || lead.name == "aVR" || lead.name == "aVL" || lead.name == "aVF";
        if (haveIandII && limbDerivable)
            continue;
        out.push_back(int(l));
    }
    return out;
}

} // namespace execg
