#include "measure/Measurements.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace execg {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kStAfterJSeconds = 0.060;
// Surface ECG deflections stay within a few mV (the tallest QRS complexes ~5–7 mV). A lead whose typical
// deflection exceeds this is not in millivolts: measuring it would report numbers from the wrong units.
constexpr double kMaxPlausibleMv = 50.0;

// A single sample far from both neighbours, which agree with each other (an electrode pop, a pacing artefact):
// no cardiac wave jumps this much in one sample at ≥ 250 Hz (a steep R upstroke is ~0.3 mV per 4 ms).
constexpr double kMinSpikeRateHz = 250.0;
constexpr double kSpikeJumpMv = 2.0;

// The group with isolated one-sample spikes replaced by the mean of their neighbours; counts them.
SignalGroup withoutSpikes(const SignalGroup& g, int& removed)
{
    SignalGroup out = g;
    removed = 0;
    if (g.samplingRateHz < kMinSpikeRateHz)
        return out;
    for (auto& lead : out.leads) {
        auto& x = lead.samples;
        for (std::size_t i = 1; i + 1 < x.size(); ++i) {
            const double a = x[i - 1], b = x[i], c = x[i + 1];
            if ((b - a) * (b - c) > kSpikeJumpMv * kSpikeJumpMv && std::abs(a - c) < 0.25 * std::min(std::abs(b - a), std::abs(b - c))) {
                x[i] = float((a + c) / 2);
                ++removed;
            }
        }
    }
    return out;
}

// The 99th percentile of |x − median| over a lead's finite samples, for voltage leads; the largest over leads.
double typicalLargestDeflection(const SignalGroup& g)
{
    double largest = 0;
    std::vector<float> v;
    for (const auto& l : g.leads) {
        if (!l.provenance.isVoltage)
            continue;
        v.clear();
        for (float x : l.samples)
            if (std::isfinite(x))
                v.push_back(x);
        if (v.empty())
            continue;
        auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
        std::nth_element(v.begin(), mid, v.end());
        const float median = *mid;
        for (auto& x : v)
            x = std::abs(x - median);
        auto p99 = v.begin() + std::ptrdiff_t(std::size_t(0.99 * double(v.size() - 1)));
        std::nth_element(v.begin(), p99, v.end());
        largest = std::max(largest, double(*p99));
    }
    return largest;
}

Quantity missing(const std::string& why) { return Quantity{std::numeric_limits<double>::quiet_NaN(), why}; }
Quantity value(double v) { return Quantity{v, {}}; }

std::string formatHz(double hz)
{
    std::ostringstream s;
    s << hz;
    return s.str();
}

void measureRhythm(EcgMeasurements& m)
{
    const auto beats = m.detection.samples();
    const std::string few = "cannot measure: " + std::to_string(beats.size()) + " beat(s) detected, ";
    if (beats.size() < 2) {
        m.heartRateBpm = m.rrMeanMs = missing(few + "RR needs 2");
        m.rrSdMs = m.rrIrregularity = missing(few + "RR variation needs 3");
        return;
    }
    std::vector<double> rr;
    for (std::size_t k = 1; k < beats.size(); ++k)
        rr.push_back(double(beats[k] - beats[k - 1]) / m.samplingRateHz * 1000.0);
    const double mean = std::accumulate(rr.begin(), rr.end(), 0.0) / double(rr.size());
    m.rrMeanMs = value(mean);
    m.heartRateBpm = value(60000.0 / mean);
    if (rr.size() < 2) {
        m.rrSdMs = m.rrIrregularity = missing(few + "RR variation needs 3");
        return;
    }
    double ss = 0, successive = 0;
    for (std::size_t k = 0; k < rr.size(); ++k) {
        ss += (rr[k] - mean) * (rr[k] - mean);
        if (k > 0)
            successive += (rr[k] - rr[k - 1]) * (rr[k] - rr[k - 1]);
    }
    m.rrSdMs = value(std::sqrt(ss / double(rr.size() - 1)));
    m.rrIrregularity = value(std::sqrt(successive / double(rr.size() - 1)) / mean);
}

// Baseline-corrected area (mV·samples) of a median lead between two fractional positions.
double netArea(const std::vector<float>& x, float iso, double from, double to)
{
    const int a = std::max(0, int(std::ceil(from))), b = std::min(int(x.size()) - 1, int(std::floor(to)));
    double sum = 0;
    for (int i = a; i <= b; ++i)
        sum += double(x[std::size_t(i)]) - iso;
    return sum;
}

// Frontal axis over [from, to] from leads I and aVF (each taken as stored, else derived from the limb leads).
Quantity frontalAxis(const SignalGroup& g, const EcgMeasurements& m, double from, double to)
{
    auto area = [&](const char* name) -> double {
        for (std::size_t l = 0; l < g.leads.size() && l < m.medians.leads.size(); ++l)
            if (g.leads[l].name == name && !m.medians.leads[l].empty())
                return netArea(m.medians.leads[l], m.delineation.isoelectricMv[l], from, to);
        return std::numeric_limits<double>::quiet_NaN();
    };
    const double I = area("I"), II = area("II"), III = area("III");
    double lead1 = std::isfinite(I) ? I : II - III;          // Einthoven: I = II − III
    double aVF = area("aVF");
    if (!std::isfinite(aVF))
        aVF = std::isfinite(II) && std::isfinite(III) ? (II + III) / 2 : II - lead1 / 2;   // Goldberger
    if (!std::isfinite(lead1) || !std::isfinite(aVF))
        return missing("cannot measure: needs limb leads I and aVF (or two of I, II, III)");
    const double y = 2.0 * aVF / std::sqrt(3.0);
    if (std::hypot(lead1, y) < 1e-9)
        return missing("cannot measure: no net deflection in the frontal plane");
    double deg = std::atan2(y, lead1) * 180.0 / kPi;
    if (deg <= -180.0)
        deg += 360.0;
    return value(deg);
}

// The deflection of largest magnitude, with its sign, between two positions.
double extreme(const std::vector<float>& x, float iso, double from, double to)
{
    const int a = std::max(0, int(std::ceil(from))), b = std::min(int(x.size()) - 1, int(std::floor(to)));
    double best = kNoPosition;
    for (int i = a; i <= b; ++i) {
        const double v = double(x[std::size_t(i)]) - iso;
        if (!std::isfinite(best) || std::abs(v) > std::abs(best))
            best = v;
    }
    return best;
}

double lowestFrom(const std::vector<float>& x, float iso, int a, int b)
{
    double low = 0;
    for (int i = a; i <= b; ++i)
        low = std::min(low, double(x[std::size_t(i)]) - iso);
    return low;
}

// Linear interpolation at a fractional position; NaN outside the beat.
double sampleAt(const std::vector<float>& x, double position)
{
    if (!(position >= 0) || position > double(x.size() - 1))
        return kNoPosition;
    const auto i = std::size_t(position);
    const double f = position - double(i);
    return i + 1 < x.size() ? (1 - f) * x[i] + f * x[i + 1] : double(x[i]);
}

LeadMeasurements leadAmplitudes(const std::string& name, const std::vector<float>& x, float iso,
                                const WaveFiducials& f, double rate)
{
    LeadMeasurements lm;
    lm.lead = name;
    if (x.empty() || !std::isfinite(iso))
        return lm;
    if (f.hasP())
        lm.pMv = extreme(x, iso, f.pOnset, f.pOffset);
    if (f.hasQrs()) {
        const int a = int(std::ceil(f.qrsOnset)), b = std::min(int(x.size()) - 1, int(std::floor(f.qrsOffset)));
        int peak = a;
        for (int i = a; i <= b; ++i)
            if (x[std::size_t(i)] > x[std::size_t(peak)])
                peak = i;
        const double r = double(x[std::size_t(peak)]) - iso;
        if (r <= 0) {   // QS complex: all negative
            lm.rMv = 0;
            lm.qMv = lowestFrom(x, iso, a, b);
            lm.sMv = 0;
        } else {
            lm.rMv = r;
            lm.qMv = std::min(0.0, lowestFrom(x, iso, a, peak));
            lm.sMv = std::min(0.0, lowestFrom(x, iso, peak, b));
        }
        const double j = f.qrsOffset;
        lm.stJMv = sampleAt(x, j) - iso;
        lm.stJ60Mv = sampleAt(x, j + kStAfterJSeconds * rate) - iso;
    }
    if (f.hasT())
        lm.tMv = extreme(x, iso, (f.qrsOffset + f.tPeak) / 2, f.tOffset);
    return lm;
}

} // namespace

std::vector<const Quantity*> EcgMeasurements::quantities() const
{
    return {&heartRateBpm, &rrMeanMs, &rrSdMs, &rrIrregularity, &prMs, &qrsMs, &qtMs, &qtcBazettMs,
            &qtcFridericiaMs, &qtcFraminghamMs, &qtcHodgesMs, &pAxisDeg, &qrsAxisDeg, &tAxisDeg};
}

double EcgMeasurements::msFromQrsOnset(double position) const
{
    return (position - delineation.global.qrsOnset) / samplingRateHz * 1000.0;
}

static EcgMeasurements measureWithoutSummary(const SignalGroup& group, const MeasureOptions& options);

EcgMeasurements measureEcg(const SignalGroup& group, const MeasureOptions& options)
{
    EcgMeasurements m = measureWithoutSummary(group, options);
    // Nothing measured at all is a problem of the whole record, stated once.
    const auto all = m.quantities();
    if (m.problem.empty() && std::none_of(all.begin(), all.end(), [](const Quantity* q) { return q->ok(); }))
        m.problem = m.heartRateBpm.missing.empty() ? m.qrsMs.missing : m.heartRateBpm.missing;
    return m;
}

static EcgMeasurements measureWithoutSummary(const SignalGroup& groupIn, const MeasureOptions& options)
{
    EcgMeasurements m;
    m.samplingRateHz = groupIn.samplingRateHz;
    auto setMedianQuantities = [&](const std::string& why) {
        for (Quantity* q : {&m.prMs, &m.qrsMs, &m.qtMs, &m.qtcBazettMs, &m.qtcFridericiaMs, &m.qtcFraminghamMs,
                            &m.qtcHodgesMs, &m.pAxisDeg, &m.qrsAxisDeg, &m.tAxisDeg})
            *q = missing(why);
        m.notes.push_back(why);
    };
    if (const double typical = typicalLargestDeflection(groupIn); typical > kMaxPlausibleMv) {
        std::ostringstream why;
        why << "cannot measure: deflections of " << typical << " mV are not physiological (an ECG stays within a few mV); "
            << "check the units";
        m.problem = why.str();
        m.heartRateBpm = m.rrMeanMs = m.rrSdMs = m.rrIrregularity = missing(m.problem);
        setMedianQuantities(m.problem);
        return m;
    }
    int spikes = 0;
    const SignalGroup cleaned = withoutSpikes(groupIn, spikes);
    const SignalGroup& group = cleaned;
    if (spikes > 0)
        m.notes.push_back(std::to_string(spikes) + " one-sample spike(s) (electrode pops or pacing artefacts) "
                          "replaced by their neighbours' mean before measuring");
    m.detection = detectQrs(group, options.detector);
    measureRhythm(m);
    if (!m.detection.problem.empty()) {
        m.problem = m.detection.problem;
        setMedianQuantities(m.detection.problem);
        return m;
    }
    const double rate = group.samplingRateHz;
    if (rate < options.minDelineationRateHz) {
        setMedianQuantities("cannot measure: sampling rate " + formatHz(rate) + " Hz is below the " +
                            formatHz(options.minDelineationRateHz) + " Hz that wave boundaries need");
        return m;
    }
    // The median window: back over most of the RR for the P wave, forward for the T wave, never a whole beat.
    const double rr = m.rrMeanMs.ok() ? m.rrMeanMs.value / 1000.0 : 0.8;
    MedianBeatOptions mo;
    mo.scaleForRr = false;
    mo.preSeconds = std::clamp(0.55 * rr, 0.25, 0.40);
    mo.postSeconds = std::clamp(0.75 * rr, 0.30, 0.65);
    m.medians = computeMedianBeats(group, m.detection.samples(), mo);
    if (!m.medians.problem.empty()) {
        setMedianQuantities(m.medians.problem);
        return m;
    }
    m.delineation = delineateMedianBeats(m.medians, independentLeads(group), options.delineator);
    if (!m.delineation.problem.empty()) {
        setMedianQuantities(m.delineation.problem);
        return m;
    }
    for (const auto& n : m.delineation.notes)
        m.notes.push_back("cannot measure: " + n);
    const auto& f = m.delineation.global;
    const double toMs = 1000.0 / rate;
    m.qrsMs = value((f.qrsOffset - f.qrsOnset) * toMs);
    m.qrsAxisDeg = frontalAxis(group, m, f.qrsOnset, f.qrsOffset);
    if (f.hasP()) {
        m.prMs = value((f.qrsOnset - f.pOnset) * toMs);
        m.pAxisDeg = frontalAxis(group, m, f.pOnset, f.pOffset);
    } else {
        m.prMs = m.pAxisDeg = missing("cannot measure: " + m.delineation.whyNoP);
    }
    if (f.hasT()) {
        const double qt = (f.tOffset - f.qrsOnset) * toMs;
        m.qtMs = value(qt);
        m.tAxisDeg = frontalAxis(group, m, f.qrsOffset, f.tOffset);
        if (m.rrMeanMs.ok()) {
            const double rrS = m.rrMeanMs.value / 1000.0;
            m.qtcBazettMs = value(qt / std::sqrt(rrS));
            m.qtcFridericiaMs = value(qt / std::cbrt(rrS));
            m.qtcFraminghamMs = value(qt + 154.0 * (1.0 - rrS));
            m.qtcHodgesMs = value(qt + 1.75 * (m.heartRateBpm.value - 60.0));
        } else {
            m.qtcBazettMs = m.qtcFridericiaMs = m.qtcFraminghamMs = m.qtcHodgesMs = m.rrMeanMs;
        }
    } else {
        m.qtMs = m.tAxisDeg = m.qtcBazettMs = m.qtcFridericiaMs = m.qtcFraminghamMs = m.qtcHodgesMs =
            missing("cannot measure: " + m.delineation.whyNoT);
    }
    for (std::size_t l = 0; l < group.leads.size(); ++l)
        m.leads.push_back(leadAmplitudes(group.leads[l].name, m.medians.leads[l], m.delineation.isoelectricMv[l], f,
                                         rate));
    return m;
}

std::vector<NamedQuantity> rhythmQuantities(const EcgMeasurements& m)
{
    return {{"heart_rate_bpm", "Heart rate", "bpm", &m.heartRateBpm},
            {"rr_mean_ms", "RR mean", "ms", &m.rrMeanMs},
            {"rr_sd_ms", "RR SD", "ms", &m.rrSdMs},
            {"rr_irregularity", "RR irregularity (RMSSD/mean RR)", "", &m.rrIrregularity}};
}

std::vector<NamedQuantity> medianQuantities(const EcgMeasurements& m)
{
    return {{"pr_ms", "PR", "ms", &m.prMs},
            {"qrs_ms", "QRS", "ms", &m.qrsMs},
            {"qt_ms", "QT", "ms", &m.qtMs},
            {"qtc_bazett_ms", "QTc Bazett", "ms", &m.qtcBazettMs},
            {"qtc_fridericia_ms", "QTc Fridericia", "ms", &m.qtcFridericiaMs},
            {"qtc_framingham_ms", "QTc Framingham", "ms", &m.qtcFraminghamMs},
            {"qtc_hodges_ms", "QTc Hodges", "ms", &m.qtcHodgesMs},
            {"p_axis_deg", "P axis", "deg", &m.pAxisDeg},
            {"qrs_axis_deg", "QRS axis", "deg", &m.qrsAxisDeg},
            {"t_axis_deg", "T axis", "deg", &m.tAxisDeg}};
}

} // namespace execg
