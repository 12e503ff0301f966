#include "measure/QrsDetector.h"

#include "measure/QrsFeature.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace execg {

namespace {

using qrs::FeatureSignal;

// Below this the feature cannot hold a QRS (the 5–15 Hz band needs > 30 Hz); above it nobody records ECG.
constexpr double kMinRateHz = 40.0;
constexpr double kMaxRateHz = 20000.0;
constexpr double kMinSeconds = 0.5;

struct Candidate {
    std::int64_t index = 0;   // feature sample
    float energy = 0;
    float slope = 0;          // largest squared slope within the integration window: what tells QRS from T
};

struct Detected {
    Candidate peak;
    bool searchBack = false;
};

std::vector<Candidate> findCandidates(const FeatureSignal& f, std::int64_t halfWindow, std::int64_t slopeHalf)
{
    const auto& e = f.energy;
    const auto n = std::int64_t(e.size());
    std::vector<Candidate> out;
    // The integrated energy is smooth, so simple peaks are few; each is kept only if it dominates ±halfWindow.
    // Peaks closer to an end than half the integration window are a cut-off complex or a padding artefact.
    for (std::int64_t i = std::max<std::int64_t>(1, slopeHalf); i + std::max<std::int64_t>(1, slopeHalf) < n; ++i) {
        if (!(e[size_t(i)] > 1e-6f && e[size_t(i)] >= e[size_t(i - 1)] && e[size_t(i)] > e[size_t(i + 1)]))
            continue;
        const std::int64_t a = std::max<std::int64_t>(0, i - halfWindow), b = std::min(n, i + halfWindow + 1);
        bool dominant = true;
        for (std::int64_t j = a; j < b && dominant; ++j)
            dominant = j == i || (j < i ? e[size_t(j)] <= e[size_t(i)] : e[size_t(j)] < e[size_t(i)]);  // plateaus: last
        if (!dominant)
            continue;
        const std::int64_t sa = std::max<std::int64_t>(0, i - slopeHalf), sb = std::min(n, i + slopeHalf + 1);
        const float slope = *std::max_element(f.slope.begin() + sa, f.slope.begin() + sb);
        out.push_back({i, e[size_t(i)], slope});
    }
    return out;
}

// The Pan–Tompkins decision stage over the candidate peaks (their §III-D, with the levels in feature units).
class DecisionStage {
public:
    DecisionStage(const QrsDetectorOptions& o, double rate)
        : refractory_(std::int64_t(std::lround(o.refractorySeconds * rate))),
          tWave_(std::int64_t(std::lround(o.tWaveSeconds * rate))), searchBackFactor_(o.searchBackFactor),
          rate_(rate), rrMean_(rate)  // 60 bpm until two beats are known
    {
    }

    std::vector<Detected> run(const std::vector<Candidate>& c, std::int64_t end, double initialSignalLevel)
    {
        signal_ = initialSignalLevel;
        noise_ = 0;
        std::size_t since = 0;  // first candidate after the last beat
        for (std::size_t k = 0; k < c.size(); ++k) {
            searchBack(c, since, c[k].index);
            if (!beats_.empty() && c[k].index - beats_.back().peak.index < refractory_)
                continue;
            if (c[k].energy > threshold() && !isTWave(c[k])) {
                accept(c[k], false);
                since = k + 1;
            } else {
                noise_ = 0.125 * c[k].energy + 0.875 * noise_;
            }
        }
        searchBack(c, since, end);
        return std::move(beats_);
    }

private:
    double threshold() const { return noise_ + 0.25 * (signal_ - noise_); }

    bool isTWave(const Candidate& c) const
    {
        return !beats_.empty() && c.index - beats_.back().peak.index < tWave_ &&
               c.slope < 0.5f * beats_.back().peak.slope;
    }

    void accept(const Candidate& c, bool lowered)
    {
        if (!beats_.empty()) {
            rr_.push_back(double(c.index - beats_.back().peak.index));
            if (rr_.size() > 8)
                rr_.erase(rr_.begin());
            rrMean_ = std::accumulate(rr_.begin(), rr_.end(), 0.0) / double(rr_.size());
        }
        const double weight = lowered ? 0.25 : 0.125;
        signal_ = weight * c.energy + (1 - weight) * signal_;
        beats_.push_back({c, lowered});
    }

    // A beat missed by the main threshold: the largest candidate since the last beat above half the threshold.
    // When even that finds nothing for long (the complexes shrank: electrode moved, posture changed), the
    // signal level halves for every further long gap, down to a floor, so the levels re-learn the amplitude
    // instead of waiting for beats that can no longer reach them.
    void searchBack(const std::vector<Candidate>& c, std::size_t& since, std::int64_t now)
    {
        while (!beats_.empty() && double(now - beats_.back().peak.index) > searchBackFactor_ * rrMean_) {
            if (!searchBackOnce(c, since, now) && !decay(now))
                return;
        }
    }

    bool decay(std::int64_t now)
    {
        const double longGap = std::max(kDecayGapSeconds * rate_, 2.5 * rrMean_);
        const std::int64_t from = std::max(beats_.back().peak.index, decayedAt_);
        if (double(now - from) <= longGap || signal_ <= kSignalFloor)
            return false;
        signal_ = std::max(kSignalFloor, 0.5 * signal_);
        noise_ = std::min(noise_, 0.5 * signal_);
        decayedAt_ = from + std::int64_t(longGap);
        return true;
    }

    bool searchBackOnce(const std::vector<Candidate>& c, std::size_t& since, std::int64_t now)
    {
        const std::int64_t last = beats_.back().peak.index;
        std::size_t best = c.size();
        for (std::size_t k = since; k < c.size() && c[k].index < now; ++k) {
            if (c[k].index - last < refractory_ || now - c[k].index < refractory_ || isTWave(c[k]))
                continue;
            if (best == c.size() || c[k].energy > c[best].energy)
                best = k;
        }
        if (best == c.size() || c[best].energy <= 0.5 * threshold())
            return false;
        accept(c[best], true);
        since = best + 1;
        return true;
    }

    static constexpr double kDecayGapSeconds = 2.0;
    // A tenth of the record's typical QRS energy (a third of its amplitude): below it lies noise, and a flat
    // stretch or asystole must not end up "detecting" it.
    static constexpr double kSignalFloor = 0.1;
    std::int64_t refractory_, tWave_;
    double searchBackFactor_;
    double rate_;
    std::int64_t decayedAt_ = 0;
    double rrMean_;
    double signal_ = 1, noise_ = 0;
    std::vector<double> rr_;
    std::vector<Detected> beats_;
};

// How clearly a lead shows the QRS: its feature at the beats over its largest feature between beats (T waves
// and noise), both as medians over the record.
double qrsClarity(const qrs::LeadFeature& lf, const std::vector<Detected>& beats, std::int64_t refractory)
{
    std::vector<double> at, between;
    for (std::size_t k = 0; k < beats.size(); ++k) {
        at.push_back(lf.energy[size_t(beats[k].peak.index)]);
        if (k + 1 < beats.size()) {
            const std::int64_t a = beats[k].peak.index + refractory, b = beats[k + 1].peak.index - refractory;
            if (b > a)
                between.push_back(*std::max_element(lf.energy.begin() + a, lf.energy.begin() + b));
        }
    }
    const double noise = between.empty() ? 1e-3 : std::max(1e-3, qrs::medianOf(between));
    return qrs::medianOf(at) / noise;
}

// R peak: the extremum of the lead's dominant QRS polarity near the detected QRS centre.
struct FiducialPlacer {
    std::span<const float> x;
    std::int64_t half = 0;   // search half-window
    std::int64_t ring = 0;   // the baseline is read from ±(ring, 1.5 ring), outside all but the widest QRS
    int polarity = 1;

    bool window(std::int64_t centre, std::int64_t& a, std::int64_t& b) const
    {
        a = std::max<std::int64_t>(0, centre - half);
        b = std::min<std::int64_t>(std::int64_t(x.size()), centre + half + 1);
        if (b <= a)
            return false;
        return std::all_of(x.begin() + a, x.begin() + b, [](float v) { return std::isfinite(v); });
    }

    // The baseline as a straight line through the medians of the two rings, so that wander (a slope across
    // the complex) neither shifts the peak nor flips which deflection looks larger.
    double ringMedian(std::int64_t from, std::int64_t to, bool& ok) const
    {
        std::vector<double> v;
        for (std::int64_t i = std::max<std::int64_t>(0, from); i <= to && i < std::int64_t(x.size()); ++i)
            if (std::isfinite(x[size_t(i)]))
                v.push_back(x[size_t(i)]);
        ok = !v.empty();
        return ok ? qrs::medianOf(std::move(v)) : 0.0;
    }

    // Deflections above and below the baseline within the window; false where the window has gaps.
    bool deflections(std::int64_t centre, double& up, double& down, std::int64_t& upAt, std::int64_t& downAt) const
    {
        std::int64_t a, b;
        if (!window(centre, a, b))
            return false;
        const std::int64_t outer = ring + ring / 2;
        bool hasLeft, hasRight;
        const double left = ringMedian(centre - outer, centre - ring, hasLeft);
        const double right = ringMedian(centre + ring, centre + outer, hasRight);
        const double mid = double(ring + outer) / 2;
        const double l = hasLeft ? left : hasRight ? right : x[size_t(centre < a ? a : centre >= b ? b - 1 : centre)];
        const double slope = hasLeft && hasRight ? (right - left) / (2 * mid) : 0.0;
        up = down = -std::numeric_limits<double>::infinity();
        for (std::int64_t i = a; i < b; ++i) {
            const double v = x[size_t(i)] - (l + slope * (double(i - centre) + mid));
            if (v > up) {
                up = v;
                upAt = i;
            }
            if (-v > down) {
                down = -v;
                downAt = i;
            }
        }
        return true;
    }

    void choosePolarity(const std::vector<std::int64_t>& centres)
    {
        std::vector<double> ups, downs;
        const std::size_t step = std::max<std::size_t>(1, centres.size() / 200);
        for (std::size_t k = 0; k < centres.size(); k += step) {
            double up, down;
            std::int64_t i, j;
            if (deflections(centres[k], up, down, i, j)) {
                ups.push_back(up);
                downs.push_back(down);
            }
        }
        polarity = qrs::medianOf(ups) >= qrs::medianOf(downs) ? 1 : -1;
    }

    // The dominant-polarity peak, unless the opposite deflection is more than twice as large (an ectopic beat
    // of the other polarity), in which case that one.
    std::int64_t place(std::int64_t centre) const
    {
        double up, down;
        std::int64_t upAt, downAt;
        if (!deflections(centre, up, down, upAt, downAt))
            return -1;
        if (polarity > 0)
            return down > 2 * up ? downAt : upAt;
        return up > 2 * down ? upAt : downAt;
    }
};

} // namespace

std::vector<std::int64_t> QrsDetection::samples() const
{
    std::vector<std::int64_t> out;
    out.reserve(beats.size());
    for (const auto& b : beats)
        out.push_back(b.sample);
    return out;
}

QrsDetection detectQrs(const std::vector<std::span<const float>>& leads, double rate, const QrsDetectorOptions& options)
{
    QrsDetection result;
    result.samplingRateHz = rate;
    if (!(rate >= kMinRateHz && rate <= kMaxRateHz)) {
        result.problem = "cannot measure: sampling rate " + std::to_string(rate) + " Hz is outside 40 Hz to 20 kHz";
        return result;
    }
    if (leads.empty()) {
        result.problem = "cannot measure: no ECG leads";
        return result;
    }
    std::size_t n = 0;
    for (const auto& l : leads)
        n = std::max(n, l.size());
    if (double(n) < kMinSeconds * rate) {
        result.problem = "cannot measure: recording shorter than 0.5 s";
        return result;
    }
    FeatureSignal f = qrs::computeFeature(leads, rate, {options.bandLowHz, options.bandHighHz, options.integrationSeconds});
    result.notes = f.notes;
    if (f.leads.empty()) {
        result.problem = "cannot measure: every lead is missing or flat";
        return result;
    }
    for (const auto& lf : f.leads)
        result.usedLeads.push_back(lf.lead);

    const double fr = f.rateHz;
    const auto refractory = std::int64_t(std::lround(options.refractorySeconds * fr));
    auto detect = [&] {
        const auto candidates = findCandidates(f, std::max<std::int64_t>(1, refractory / 2),
                                               std::int64_t(std::lround(options.integrationSeconds * fr / 2)));
        // Leads are normalised to a typical QRS peak of 1, so the signal level starts there rather than being
        // learnt from the first seconds, which may be noise.
        return DecisionStage(options, fr).run(candidates, std::int64_t(f.energy.size()), 1.0);
    };
    auto detected = detect();
    if (detected.empty())
        return result;
    auto rank = [&] {
        std::vector<std::pair<double, int>> c;
        for (std::size_t k = 0; k < f.leads.size(); ++k)
            c.push_back({qrsClarity(f.leads[k], detected, refractory), int(k)});
        return c;
    };
    auto clarity = rank();
    // A second pass weights each lead by how clearly it shows the complexes found in the first, so that a lead
    // full of artefact (or one with T waves as large as its QRS) no longer outvotes a clean one.
    if (f.leads.size() > 1) {
        std::fill(f.energy.begin(), f.energy.end(), 0.0f);
        double total = 0;
        for (const auto& [score, k] : clarity)
            total += score;
        for (const auto& [score, k] : clarity) {
            const auto w = float(score / total);
            const auto& e = f.leads[size_t(k)].energy;
            for (std::size_t i = 0; i < e.size(); ++i)
                f.energy[i] += w * e[i];
        }
        detected = detect();
        if (detected.empty())
            return result;
        clarity = rank();
    }
    std::sort(clarity.begin(), clarity.end(), std::greater<>());
    result.dominantLead = f.leads[size_t(clarity.front().second)].lead;

    std::vector<std::int64_t> centres;
    for (const auto& d : detected)
        centres.push_back(std::min<std::int64_t>(f.inputSample(d.peak.index), std::int64_t(n) - 1));
    std::vector<FiducialPlacer> placers;
    for (const auto& [score, k] : clarity) {
        const auto half = std::int64_t(std::lround(options.refineSeconds * rate));
        FiducialPlacer p{leads[size_t(f.leads[size_t(k)].lead)], half, half + half / 2, 1};
        p.choosePolarity(centres);
        placers.push_back(p);
    }
    const auto minGap = std::int64_t(std::lround(options.refractorySeconds * rate));
    for (std::size_t k = 0; k < detected.size(); ++k) {
        QrsBeat beat{centres[k], -1, detected[k].searchBack};
        for (std::size_t p = 0; p < placers.size(); ++p)
            if (const auto at = placers[p].place(centres[k]); at >= 0) {
                beat.sample = at;
                beat.fiducialLead = f.leads[size_t(clarity[p].second)].lead;
                break;
            }
        // Refinement may pull two close detections onto one complex: keep the stronger.
        if (!result.beats.empty() && beat.sample - result.beats.back().sample < minGap) {
            if (detected[k].peak.energy > detected[k - 1].peak.energy)
                result.beats.back() = beat;
            continue;
        }
        result.beats.push_back(beat);
    }
    return result;
}

QrsDetection detectQrs(const SignalGroup& group, const QrsDetectorOptions& options)
{
    std::vector<int> chosen = options.leads;
    if (chosen.empty())
        for (std::size_t i = 0; i < group.leads.size(); ++i)
            if (group.leads[i].provenance.isVoltage)
                chosen.push_back(int(i));
    std::vector<std::span<const float>> spans;
    std::vector<int> index;
    for (int i : chosen)
        if (i >= 0 && std::size_t(i) < group.leads.size()) {
            spans.emplace_back(group.leads[size_t(i)].samples);
            index.push_back(i);
        }
    QrsDetection r = detectQrs(spans, group.samplingRateHz, options);
    auto map = [&](int& k) {
        if (k >= 0)
            k = index[size_t(k)];
    };
    for (auto& k : r.usedLeads)
        map(k);
    map(r.dominantLead);
    for (auto& b : r.beats)
        map(b.fiducialLead);
    for (std::size_t i = 0; i < r.notes.size(); ++i)
        if (const auto pos = r.notes[i].find(':'); r.notes[i].rfind("lead ", 0) == 0 && pos != std::string::npos) {
            const int k = std::stoi(r.notes[i].substr(5, pos - 5));
            r.notes[i] = "lead " + group.leads[size_t(index[size_t(k)])].name + r.notes[i].substr(pos);
        }
    return r;
}

} // namespace execg
