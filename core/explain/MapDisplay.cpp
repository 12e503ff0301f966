#include "explain/MapDisplay.h"

#include <cmath>
#include <limits>

namespace execg {

namespace {

// The moving average's width in samples (below 3: no smoothing).
long smoothingWidth(double samplingRateHz, double windowMs)
{
    return samplingRateHz > 0 && windowMs > 0 ? std::lround(windowMs * samplingRateHz / 1000.0) : 0;
}

} // namespace

std::string toString(MapView v) { return v == MapView::Waves ? "waves" : "samples"; }

bool mapViewFromString(const std::string& s, MapView& out)
{
    if (s == "samples" || s == "waves") {
        out = s == "waves" ? MapView::Waves : MapView::Samples;
        return true;
    }
    return false;
}

LeadMaps smoothedMap(const LeadMaps& map, double samplingRateHz, double windowMs)
{
    const long width = smoothingWidth(samplingRateHz, windowMs);
    if (width < 3)
        return map;
    const long half = width / 2;   // an odd window of 2·half + 1 samples, centred
    LeadMaps out(map.size());
    for (std::size_t l = 0; l < map.size(); ++l) {
        const auto& in = map[l];
        const long n = long(in.size());
        // Running sums of the finite values and of their count: each mean is O(1).
        std::vector<double> sum(std::size_t(n) + 1, 0.0);
        std::vector<long> count(std::size_t(n) + 1, 0);
        for (long i = 0; i < n; ++i) {
            const bool finite = std::isfinite(in[std::size_t(i)]);
            sum[std::size_t(i) + 1] = sum[std::size_t(i)] + (finite ? in[std::size_t(i)] : 0.0);
            count[std::size_t(i) + 1] = count[std::size_t(i)] + (finite ? 1 : 0);
        }
        out[l].resize(in.size());
        for (long i = 0; i < n; ++i) {
            if (!std::isfinite(in[std::size_t(i)])) {
                out[l][std::size_t(i)] = std::numeric_limits<float>::quiet_NaN();
                continue;
            }
            const long a = std::max(0L, i - half), b = std::min(n, i + half + 1);
            out[l][std::size_t(i)] = float((sum[std::size_t(b)] - sum[std::size_t(a)]) / double(count[std::size_t(b)] - count[std::size_t(a)]));
        }
    }
    return out;
}

LeadMaps waveShareMap(const LeadMaps& map, const WaveSegmentation& waves)
{
    double total = 0.0;
    for (const auto& lead : map)
        for (const float v : lead)
            if (std::isfinite(v))
                total += std::abs(v);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const auto runs = waveRuns(waves);
    LeadMaps out;
    for (const auto& lead : map) {
        std::vector<float> shares(lead.size(), nan);
        // Each wave of each beat (a run of one label), clipped to the lead.
        for (const auto& run : runs) {
            const std::size_t end = std::min(run.last, lead.size());
            if (run.label < 0 || total <= 0.0 || run.first >= end)
                continue;
            double s = 0.0;
            for (std::size_t i = run.first; i < end; ++i)
                if (std::isfinite(lead[i]))
                    s += std::abs(lead[i]);
            const float percent = float(100.0 * s / total);
            for (std::size_t i = run.first; i < end; ++i)
                if (std::isfinite(lead[i]))
                    shares[i] = percent;
        }
        out.push_back(std::move(shares));
    }
    return out;
}

std::shared_ptr<const Explanation> displayedExplanation(std::shared_ptr<const Explanation> explanation, double samplingRateHz,
                                                        const WaveSegmentation* waves, const MapDisplay& display)
{
    const bool waveView = drawableDisplay(display, waves).view == MapView::Waves;
    if (!explanation || (!waveView && smoothingWidth(samplingRateHz, display.smoothingMs) < 3))
        return explanation;   // nothing to change: no copy
    auto shown = std::make_shared<Explanation>(*explanation);
    shown->recordingMap = displayedMap(explanation->recordingMap, samplingRateHz, waves, display);
    return shown;
}

MapDisplay drawableDisplay(const MapDisplay& display, const WaveSegmentation* waves)
{
    MapDisplay d = display;
    if (d.view == MapView::Waves && !(waves && !waves->beats.empty()))
        d.view = MapView::Samples;
    return d;
}

LeadMaps displayedMap(const LeadMaps& map, double samplingRateHz, const WaveSegmentation* waves, const MapDisplay& display)
{
    if (drawableDisplay(display, waves).view == MapView::Waves)
        return waveShareMap(map, *waves);
    return smoothedMap(map, samplingRateHz, display.smoothingMs);
}

} // namespace execg
