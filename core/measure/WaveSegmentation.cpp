#include "measure/WaveSegmentation.h"

#include "measure/QrsDetector.h"

#include <algorithm>
#include <cmath>
#include <span>

namespace execg {

std::string toString(WaveSegment w)
{
    static const char* names[] = {"P", "PR segment", "QRS", "ST segment", "T", "TP baseline"};
    return names[int(w)];
}

std::string keyOf(WaveSegment w)
{
    static const char* keys[] = {"p", "pr", "qrs", "st", "t", "tp"};
    return keys[int(w)];
}

std::optional<WaveSegment> waveSegmentFromKey(const std::string& key)
{
    for (int w = 0; w < kWaveSegments; ++w)
        if (keyOf(WaveSegment(w)) == key)
            return WaveSegment(w);
    return std::nullopt;
}

const char* waveInSentence(WaveSegment w)
{
    static const char* words[] = {"P waves", "PR segments", "QRS complexes", "ST segments", "T waves", "TP baseline"};
    return words[int(w)];
}

namespace {

void labelRange(std::vector<signed char>& label, double from, double to, WaveSegment w)
{
    if (!std::isfinite(from) || !std::isfinite(to) || to <= from)
        return;
    const auto n = std::int64_t(label.size());
    for (std::int64_t i = std::max<std::int64_t>(0, std::llround(from)); i < std::min<std::int64_t>(n, std::llround(to)); ++i)
        label[std::size_t(i)] = static_cast<signed char>(w);
}

} // namespace

WaveSegmentation segmentWaves(const SignalGroup& group)
{
    const std::size_t n = group.leads.empty() ? 0 : group.leads.front().samples.size();
    const auto detection = detectQrs(group);
    if (!detection.problem.empty() || detection.beats.empty()) {
        WaveSegmentation s;
        s.samplingRateHz = group.samplingRateHz;
        s.label.assign(n, -1);
        s.problem = detection.problem.empty() ? "no beats found" : detection.problem;
        return s;
    }
    auto beats = detection.samples();
    std::vector<std::span<const float>> leads;
    for (const auto& l : group.leads)
        leads.emplace_back(l.samples);
    auto fiducials = delineateBeats(leads, group.samplingRateHz, beats, independentLeads(group));
    return segmentFromFiducials(n, group.samplingRateHz, std::move(beats), std::move(fiducials));
}

WaveSegmentation segmentFromFiducials(std::size_t samples, double samplingRateHz, std::vector<std::int64_t> beats,
                                      std::vector<WaveFiducials> fiducials)
{
    WaveSegmentation s;
    s.samplingRateHz = samplingRateHz;
    s.beats = std::move(beats);
    s.fiducials = std::move(fiducials);
    s.label.assign(samples, -1);
    for (std::size_t b = 0; b < s.fiducials.size(); ++b) {
        const auto& f = s.fiducials[b];
        if (!f.hasQrs())
            continue;
        labelRange(s.label, f.pOnset, f.pOffset, WaveSegment::P);
        if (f.hasP())
            labelRange(s.label, f.pOffset, f.qrsOnset, WaveSegment::PR);
        labelRange(s.label, f.qrsOnset, f.qrsOffset, WaveSegment::QRS);
        if (f.hasT()) {
            const double tOnset = f.qrsOffset + 0.3 * (f.tOffset - f.qrsOffset);
            labelRange(s.label, f.qrsOffset, tOnset, WaveSegment::ST);
            labelRange(s.label, tOnset, f.tOffset, WaveSegment::T);
            if (b + 1 < s.fiducials.size()) {
                const auto& next = s.fiducials[b + 1];
                labelRange(s.label, f.tOffset, next.hasP() ? next.pOnset : next.qrsOnset, WaveSegment::TP);
            }
        }
    }
    if (s.fiducials.empty())
        s.problem = "no beats given";
    return s;
}

std::vector<WaveRun> waveRuns(const WaveSegmentation& waves)
{
    std::vector<WaveRun> runs;
    for (std::size_t i = 0; i < waves.label.size();) {
        std::size_t j = i + 1;
        while (j < waves.label.size() && waves.label[j] == waves.label[i])
            ++j;
        runs.push_back({i, j, waves.label[i]});
        i = j;
    }
    return runs;
}

} // namespace execg
