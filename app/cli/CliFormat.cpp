#include "CliFormat.h"

#include <cmath>
#include <cstdio>

namespace execg::cli {

using nlohmann::ordered_json;

ordered_json round6(double v) { return std::isfinite(v) ? ordered_json(std::round(v * 1e6) / 1e6) : ordered_json(nullptr); }

ordered_json attributionSummaryJson(const AttributionSummary& s)
{
    ordered_json j;
    ordered_json leads = ordered_json::object(), waves = ordered_json::object(), leadWaves = ordered_json::object();
    for (std::size_t l = 0; l < s.leads.size(); ++l) {
        leads[s.leads[l]] = round6(s.leadShare[l]);
        ordered_json per = ordered_json::object();
        for (int w = 0; w < kWaveSegments; ++w)
            per[keyOf(WaveSegment(w))] = round6(s.leadWaveShare[l][std::size_t(w)]);
        leadWaves[s.leads[l]] = per;
    }
    for (int w = 0; w < kWaveSegments; ++w)
        waves[keyOf(WaveSegment(w))] = round6(s.waveShare[std::size_t(w)]);
    j["headline"] = s.headline;
    j["lead_share"] = leads;
    j["wave_share"] = waves;
    j["unassigned_share"] = round6(s.unassignedShare);
    j["lead_wave_share"] = leadWaves;
    return j;
}

} // namespace execg::cli
