#include "CliFormat.h"

#include <cmath>
#include <cstdio>

namespace execg::cli {

using nlohmann::ordered_json;

ordered_json round6(double v) { return std::isfinite(v) ? ordered_json(std::round(v * 1e6) / 1e6) : ordered_json(nullptr); }

std::string formatOutputValue(const OutputValue& o)
{
    char buf[96];
    if (o.probability)
        std::snprintf(buf, sizeof buf, "%.3f (probability; raw %.3f)", o.value, double(o.raw));
    else if (!o.unit.empty())
        std::snprintf(buf, sizeof buf, "%.2f %s", o.value, o.unit.c_str());
    else
        std::snprintf(buf, sizeof buf, "%.4f", o.value);
    return buf;
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
