#include "analysis/Uncertainty.h"

#include "io/NumberText.h"
#include "stats/Statistics.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace execg {

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

// The mean of `x` over [from, to) samples, clipped to the lead; NaN where nothing is left.
double meanOver(const std::vector<float>& x, double from, double to)
{
    const auto a = std::size_t(std::max(0.0, std::round(from)));
    const auto b = std::size_t(std::clamp(std::round(to), 0.0, double(x.size())));
    if (b <= a)
        return std::nan("");
    double s = 0.0;
    for (std::size_t i = a; i < b; ++i)
        s += x[i];
    return s / double(b - a);
}

// The TP baselines' runs of at least 60 ms.
std::vector<WaveRun> baselineRuns(const WaveSegmentation& waves)
{
    const auto shortest = std::size_t(std::max(3.0, 0.06 * waves.samplingRateHz));
    auto runs = waveRuns(waves);
    std::erase_if(runs, [&](const WaveRun& r) { return r.label != int(WaveSegment::TP) || r.last - r.first < shortest; });
    return runs;
}

// The SD of x[first, last) about its least-squares line; NaN when a sample is not finite.
double detrendedSd(const std::vector<float>& x, std::size_t first, std::size_t last)
{
    const double n = double(last - first);
    double st = 0, sx = 0, stt = 0, stx = 0;
    for (std::size_t i = first; i < last; ++i) {
        if (!std::isfinite(x[i]))
            return std::nan("");
        const double t = double(i - first);
        st += t;
        sx += x[i];
        stt += t * t;
        stx += t * x[i];
    }
    const double slope = (n * stx - st * sx) / std::max(1e-12, n * stt - st * st), intercept = (sx - slope * st) / n;
    double ss = 0;
    for (std::size_t i = first; i < last; ++i) {
        const double r = x[i] - (intercept + slope * double(i - first));
        ss += r * r;
    }
    return std::sqrt(ss / n);
}

} // namespace

std::vector<double> noiseLevelMv(const SignalGroup& group, const WaveSegmentation* waves)
{
    const auto runs = waves ? baselineRuns(*waves) : std::vector<WaveRun>{};
    std::vector<double> out;
    for (const auto& lead : group.leads) {
        if (runs.size() >= 3) {
            std::vector<double> sds;
            for (const auto& run : runs)
                if (run.last <= lead.samples.size())
                    if (const double sd = detrendedSd(lead.samples, run.first, run.last); std::isfinite(sd))
                        sds.push_back(sd);
            if (sds.size() >= 3) {
                out.push_back(median(sds));
                continue;
            }
        }
        std::vector<double> d;
        d.reserve(lead.samples.size());
        for (std::size_t i = 1; i < lead.samples.size(); ++i)
            if (std::isfinite(lead.samples[i]) && std::isfinite(lead.samples[i - 1]))
                d.push_back(double(lead.samples[i]) - lead.samples[i - 1]);
        if (d.size() < 10) {
            out.push_back(0.0);
            continue;
        }
        const double m = median(d);
        for (auto& v : d)
            v = std::abs(v - m);
        out.push_back(1.4826 * median(d) / std::sqrt(2.0));
    }
    return out;
}

std::vector<double> baselineLevelMv(const SignalGroup& group)
{
    std::vector<double> out;
    const std::size_t w = std::max<std::size_t>(1, std::size_t(std::lround(group.samplingRateHz)));
    for (const auto& lead : group.leads) {
        const auto& x = lead.samples;
        if (x.size() < 2 * w) {
            out.push_back(0.0);
            continue;
        }
        std::vector<double> means;
        double s = 0.0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            s += std::isfinite(x[i]) ? x[i] : 0.0;
            if (i >= w)
                s -= std::isfinite(x[i - w]) ? x[i - w] : 0.0;
            if (i + 1 >= w)
                means.push_back(s / double(w));
        }
        double m = 0.0, ss = 0.0;
        for (double v : means)
            m += v;
        m /= double(means.size());
        for (double v : means)
            ss += (v - m) * (v - m);
        out.push_back(std::sqrt(ss / double(means.size())));
    }
    return out;
}

SignalGroup withNoise(const SignalGroup& group, const std::vector<double>& sigmaMv, std::uint64_t seed)
{
    SignalGroup g = group;
    std::mt19937_64 rng(seed);
    for (std::size_t l = 0; l < g.leads.size(); ++l) {
        const double s = l < sigmaMv.size() ? sigmaMv[l] : 0.0;
        if (!(s > 0.0))
            continue;
        std::normal_distribution<double> noise(0.0, s);
        for (auto& v : g.leads[l].samples)
            v = float(v + noise(rng));
    }
    return g;
}

SignalGroup withBaselineWander(const SignalGroup& group, const std::vector<double>& amplitudeMv, std::uint64_t seed)
{
    SignalGroup g = group;
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    const double twoPi = 6.283185307179586;
    for (std::size_t l = 0; l < g.leads.size(); ++l) {
        const double amplitude = (l < amplitudeMv.size() ? amplitudeMv[l] : 0.0) * u(rng);
        const double hz = 0.05 + 0.45 * u(rng), phase = twoPi * u(rng);
        if (!(amplitude > 0.0) || !(g.samplingRateHz > 0.0))
            continue;
        auto& x = g.leads[l].samples;
        for (std::size_t i = 0; i < x.size(); ++i)
            x[i] = float(x[i] + amplitude * std::sin(twoPi * hz * double(i) / g.samplingRateHz + phase));
    }
    return g;
}

std::optional<std::string> armLeadSwapWarning(const SignalGroup& group, const WaveSegmentation& waves)
{
    // Global negativity in lead I — its P wave, QRS complex and T wave all below the PR segment's level — is the mark
    // of swapped arm electrodes (or of dextrocardia, which the precordial leads tell apart). A sinus P wave is upright
    // in I whatever the QRS axis, so a negative QRS alone (right axis deviation) does not count.
    const Lead* one = group.findLead("I");
    if (!one || waves.fiducials.empty())
        return std::nullopt;
    int beats = 0, inverted = 0;
    for (const auto& f : waves.fiducials) {
        if (!f.hasP() || !f.hasQrs() || !f.hasT())
            continue;
        const double iso = meanOver(one->samples, f.pOffset, f.qrsOnset);
        const double p = meanOver(one->samples, f.pOnset, f.pOffset) - iso;
        const double qrs = meanOver(one->samples, f.qrsOnset, f.qrsOffset) - iso;
        const double t = meanOver(one->samples, f.qrsOffset, f.tOffset) - iso;
        if (!std::isfinite(p) || !std::isfinite(qrs) || !std::isfinite(t))
            continue;
        ++beats;
        inverted += p < 0.0 && qrs < 0.0 && t < 0.0;
    }
    if (beats < 3 || 3 * inverted < 2 * beats)
        return std::nullopt;
    return "possible arm-lead reversal: in " + std::to_string(inverted) + " of " + std::to_string(beats) +
           " beats lead I's P wave, QRS and T wave are all negative (left and right arm electrodes swapped, or "
           "dextrocardia) — check the electrodes before trusting the prediction";
}

std::pair<double, double> interval90(std::vector<double> values)
{
    if (values.empty())
        return {std::nan(""), std::nan("")};
    return {stats::quantile(values, 0.05), stats::quantile(values, 0.95)};
}

void decideReferral(UncertaintyResult& r)
{
    const auto crosses = [&](double low, double high) { return r.threshold && low < *r.threshold && *r.threshold < high; };
    bool unstable = crosses(r.low, r.high) || r.classChangeShare >= 0.1;
    for (const auto& s : r.sources)
        unstable = unstable || (s.draws > 0 && crosses(s.low, s.high));
    r.referral = unstable;
    const std::string unit = r.unit.empty() ? std::string() : " " + r.unit;
    r.verdict = std::string(unstable ? "unstable: " : "stable: ") + fixedDecimals(r.value, 2) + unit + " (" + fixedDecimals(r.low, 2) + "–" +
                fixedDecimals(r.high, 2) + ")" + (unstable ? " — refer to a physician" : "");
}

} // namespace execg
