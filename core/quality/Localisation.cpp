#include "quality/Localisation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace execg::quality {
namespace {

constexpr double kClearLift = 1.5;

double at(const std::optional<synth::Fiducial>& f)
{
    return f ? double(f->sample) : std::numeric_limits<double>::quiet_NaN();
}

std::string waveNames(const std::vector<WaveSegment>& waves)
{
    std::string s;
    for (std::size_t i = 0; i < waves.size(); ++i)
        s += (i == 0 ? "" : i + 1 == waves.size() ? " and " : ", ") + std::string(waveInSentence(waves[i]));
    return s;
}

} // namespace

Localisation localise(const std::vector<std::vector<float>>& map, const WaveSegmentation& truth,
                      const std::vector<WaveSegment>& waves, double toleranceMs)
{
    Localisation r;
    r.waves = waves;
    const auto n = truth.label.size();
    std::vector<bool> inside(n, false);
    for (std::size_t i = 0; i < n; ++i)
        inside[i] = truth.label[i] >= 0 && std::find(waves.begin(), waves.end(), WaveSegment(truth.label[i])) != waves.end();
    // Within the tolerance of a ground-truth wave counts for the pointing game (wave edges are conventions).
    const auto reach = std::int64_t(std::lround(toleranceMs * 1e-3 * truth.samplingRateHz));
    std::vector<bool> near(n, false);
    for (std::size_t i = 0; i < n; ++i)
        if (inside[i])
            for (std::int64_t k = std::max<std::int64_t>(0, std::int64_t(i) - reach);
                 k <= std::min<std::int64_t>(std::int64_t(n) - 1, std::int64_t(i) + reach); ++k)
                near[std::size_t(k)] = true;

    double total = 0.0, within = 0.0, best = -1.0;
    std::size_t samples = 0, samplesInside = 0, bestAt = 0;
    for (const auto& lead : map)
        for (std::size_t i = 0; i < std::min(n, lead.size()); ++i) {
            if (!std::isfinite(lead[i]))
                continue;
            const double a = std::abs(double(lead[i]));
            total += a;
            ++samples;
            if (inside[i]) {
                within += a;
                ++samplesInside;
            }
            if (a > best) {
                best = a;
                bestAt = i;
            }
        }
    r.chanceShare = samples > 0 ? double(samplesInside) / double(samples) : 0.0;
    if (samplesInside == 0) {
        r.note = "no sample lies in the " + waveNames(waves) + ": nothing to localise";
        return r;
    }
    if (!(total > 0.0)) {
        r.note = "the map is all zeros: it points nowhere (mass share 0, no hit)";
        return r;
    }
    r.massShare = within / total;
    r.lift = r.massShare / r.chanceShare;
    r.pointingHit = near[bestAt];
    return r;
}

WaveSegmentation groundTruthSegmentation(const std::vector<synth::BeatTruth>& beats, std::size_t samples,
                                         double samplingRateHz)
{
    std::vector<std::int64_t> positions;
    std::vector<WaveFiducials> fiducials;
    for (const auto& b : beats) {
        WaveFiducials f;
        f.pOnset = at(b.pOnset);
        f.pPeak = at(b.pPeak);
        f.pOffset = at(b.pOffset);
        f.qrsOnset = at(b.qrsOnset);
        f.qrsOffset = at(b.qrsOffset);
        f.tPeak = at(b.tPeak);
        f.tOffset = at(b.tOffset);
        positions.push_back(b.qrsPeak ? b.qrsPeak->sample : std::int64_t(-1));
        fiducials.push_back(f);
    }
    return segmentFromFiducials(samples, samplingRateHz, std::move(positions), std::move(fiducials));
}

Verdict localisationVerdict(const Localisation& l)
{
    if (!l.note.empty())
        return {l.note, l.chanceShare > 0.0};   // a map of zeros points nowhere; no ground-truth wave is no fault
    const int percent = int(std::lround(100.0 * l.massShare)), chance = int(std::lround(100.0 * l.chanceShare));
    const std::string where = waveNames(l.waves);
    if (l.lift >= kClearLift)
        return {std::to_string(percent) + " % of the evidence lies in the " + where + " that carry the label (" +
                    std::to_string(chance) + " % by chance)",
                false};
    return {"only " + std::to_string(percent) + " % of the evidence lies in the " + where + " that carry the label (" +
                std::to_string(chance) + " % by chance): it does not point at the known cause",
            true};
}

} // namespace execg::quality
