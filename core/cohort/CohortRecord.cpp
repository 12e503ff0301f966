#include "cohort/CohortRecord.h"

#include "analysis/ResultsJson.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace execg {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

std::vector<CohortShare> sharesOf(const AttributionSummary& s)
{
    std::vector<CohortShare> out;
    for (int w = 0; w < kWaveSegments; ++w)
        out.push_back({"", keyOf(WaveSegment(w)), s.waveShare[std::size_t(w)]});
    out.push_back({"", "none", s.unassignedShare});
    for (std::size_t l = 0; l < s.leads.size(); ++l) {
        out.push_back({s.leads[l], "", s.leadShare[l]});
        for (int w = 0; w < kWaveSegments; ++w)
            out.push_back({s.leads[l], keyOf(WaveSegment(w)), s.leadWaveShare[l][std::size_t(w)]});
    }
    return out;
}

// |a| averaged over the median beat's beats, relative to the record's mean |a|: scale-free, so records whose maps
// differ in size (another output, another method) can be averaged.
std::vector<std::vector<float>> evidenceProfile(const std::vector<std::vector<float>>& map, const MedianBeatSet& medians)
{
    if (!medians.problem.empty() || medians.beatsUsed.empty())
        return {};
    double sum = 0.0;
    std::size_t n = 0;
    std::vector<std::vector<float>> magnitude(map.size());
    for (std::size_t l = 0; l < map.size(); ++l) {
        magnitude[l].resize(map[l].size());
        for (std::size_t i = 0; i < map[l].size(); ++i) {
            const float v = map[l][i];
            magnitude[l][i] = std::isfinite(v) ? std::abs(v) : kNaN;
            if (std::isfinite(v)) {
                sum += std::abs(v);
                ++n;
            }
        }
    }
    if (n == 0 || !(sum > 0.0))
        return {};
    const float mean = float(sum / double(n));
    auto window = beatAlignedMean(magnitude, medians);
    for (auto& lead : window)
        for (auto& v : lead)
            v /= mean;
    return onBeatAxis(window, medians);
}

} // namespace

std::vector<std::vector<float>> onBeatAxis(const std::vector<std::vector<float>>& window, const MedianBeatSet& medians)
{
    std::vector<std::vector<float>> out;
    for (const auto& lead : window) {
        std::vector<float> axis(BeatAxis::points, kNaN);
        if (!lead.empty() && medians.samplingRateHz > 0)
            for (int i = 0; i < BeatAxis::points; ++i) {
                // Linear interpolation between the window's samples; NaN beyond them or next to a NaN.
                const double x = medians.fiducialIndex + BeatAxis::msAt(i) / 1000.0 * medians.samplingRateHz;
                const double k = std::floor(x), f = x - k;
                if (k < 0 || k >= double(lead.size()) || (f > 0.0 && k + 1 >= double(lead.size())))
                    continue;
                const float a = lead[std::size_t(k)];
                axis[std::size_t(i)] = f == 0.0 ? a : float(a + (lead[std::size_t(k) + 1] - a) * f);
            }
        out.push_back(std::move(axis));
    }
    return out;
}

std::vector<CohortMeasurement> cohortMeasurements(const EcgMeasurements& m)
{
    std::vector<CohortMeasurement> out;
    for (const auto& list : {rhythmQuantities(m), medianQuantities(m)})
        for (const auto& q : list)
            if (q.q->ok())
                out.push_back({q.key, "", q.unit, q.q->value});
    for (const auto& lead : m.leads) {
        const std::pair<const char*, double> amplitudes[] = {{"p_mv", lead.pMv},   {"q_mv", lead.qMv},     {"r_mv", lead.rMv},
                                                             {"s_mv", lead.sMv},   {"t_mv", lead.tMv},     {"st_j_mv", lead.stJMv},
                                                             {"st_j60_mv", lead.stJ60Mv}};
        for (const auto& [key, value] : amplitudes)
            if (std::isfinite(value))
                out.push_back({key, lead.lead, "mV", value});
    }
    return out;
}

CohortRecord cohortRecordFrom(const ResultsDocument& d, const SignalGroup& group, const EcgMeasurements& measurements,
                              const std::vector<std::string>& methodNames, const CohortRecordOptions& options)
{
    CohortRecord r;
    r.input = d.recording.file;
    r.sha256 = d.recording.sha256;
    r.warnings = d.warnings;
    r.leads = d.recording.leads;
    r.samplingRateHz = d.recording.samplingRateHz;
    r.seconds = group.samplingRateHz > 0 && !group.leads.empty() ? double(group.leads.front().samples.size()) / group.samplingRateHz : 0.0;
    r.windows = d.recording.windows;
    r.beats = d.beats;
    if (d.prediction) {
        r.outputs = d.prediction->outputs;
        r.predicted = 0;
        for (std::size_t k = 1; k < r.outputs.size(); ++k)
            if (r.outputs[k].raw > r.outputs[std::size_t(r.predicted)].raw)
                r.predicted = int(k);
    }
    if (d.target)
        r.target = d.target->index;
    r.measurements = cohortMeasurements(measurements);
    if (measurements.medians.problem.empty())
        r.medianBeat = onBeatAxis(measurements.medians.leads, measurements.medians);
    for (std::size_t k = 0; k < d.methods.size(); ++k) {
        const MethodResult& m = d.methods[k];
        CohortMethod c;
        c.method = k < methodNames.size() ? methodNames[k] : m.method;
        c.error = m.error;
        c.headline = m.headline;
        if (m.explanation) {
            c.ms = m.explanation->runtimeMs;
            if (m.summary)
                c.shares = sharesOf(*m.summary);
            c.beatProfile = evidenceProfile(m.explanation->recordingMap, measurements.medians);
            if (options.fullMaps && !m.explanation->recordingMap.empty()) {
                c.mapLeads = int(m.explanation->recordingMap.size());
                c.mapSamples = int(m.explanation->recordingMap.front().size());
                for (const auto& lead : m.explanation->recordingMap)
                    c.map.insert(c.map.end(), lead.begin(), lead.end());
            }
        }
        if (options.scorecards && m.scorecard)
            c.scorecardJson = scorecardJson(*m.scorecard, m.agreement).dump();
        else if (options.scorecards && !m.scoreError.empty())
            c.scorecardJson = nlohmann::ordered_json{{"error", m.scoreError}}.dump();
        if (m.counterfactual) {
            const CounterfactualResult& cf = *m.counterfactual;
            c.ms = cf.runtimeMs;
            c.counterfactual = CohortCounterfactual{cf.valid, cf.target.value, cf.initialValue, cf.finalValue, cf.steps,
                                                    cf.meanAbsMv, cf.rmsMv, cf.deltas.rows, cf.parameterChanges};
        }
        r.methods.push_back(std::move(c));
    }
    r.ms = d.totalMs;
    return r;
}

} // namespace execg
