#include "explain/WaveSummary.h"

#include "recording/LeadNames.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

namespace execg {

AttributionSummary summariseAttribution(const std::vector<std::vector<float>>& map, const SignalGroup& group,
                                        const WaveSegmentation& waves)
{
    AttributionSummary s;
    const std::size_t leads = std::min(map.size(), group.leads.size());
    double total = 0.0;
    std::vector<double> leadSum(leads, 0.0);
    std::vector<std::array<double, kWaveSegments>> leadWave(leads, std::array<double, kWaveSegments>{});
    double unassigned = 0.0;
    for (std::size_t l = 0; l < leads; ++l) {
        s.leads.push_back(group.leads[l].name);
        for (std::size_t i = 0; i < map[l].size(); ++i) {
            const float v = map[l][i];
            if (!std::isfinite(v))
                continue;
            const double a = std::abs(double(v));
            leadSum[l] += a;
            total += a;
            const int w = i < waves.label.size() ? waves.label[i] : -1;
            if (w >= 0)
                leadWave[l][std::size_t(w)] += a;
            else
                unassigned += a;
        }
    }
    s.leadShare.assign(leads, 0.0);
    s.leadWaveShare.assign(leads, std::array<double, kWaveSegments>{});
    if (total <= 0.0)
        return s;
    for (std::size_t l = 0; l < leads; ++l) {
        s.leadShare[l] = leadSum[l] / total;
        for (int w = 0; w < kWaveSegments; ++w) {
            s.leadWaveShare[l][std::size_t(w)] = leadWave[l][std::size_t(w)] / total;
            s.waveShare[std::size_t(w)] += s.leadWaveShare[l][std::size_t(w)];
        }
    }
    s.unassignedShare = unassigned / total;
    // The headline: the wave with the most evidence, and the leads that carry a good part of it (at least half of
    // the strongest lead's share in that wave).
    const auto best = std::max_element(s.waveShare.begin(), s.waveShare.end());
    if (*best <= 0.0)
        return s;
    const auto w = int(best - s.waveShare.begin());
    std::vector<std::size_t> order(leads);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return s.leadWaveShare[a][std::size_t(w)] > s.leadWaveShare[b][std::size_t(w)];
    });
    std::vector<std::string> top;
    double topShare = 0.0;
    const double strongest = s.leadWaveShare[order.front()][std::size_t(w)];
    for (std::size_t k : order) {
        if (s.leadWaveShare[k][std::size_t(w)] < 0.5 * strongest)
            break;
        top.push_back(s.leads[k]);
        topShare += s.leadWaveShare[k][std::size_t(w)];
    }
    // Keep the standard lead order in the sentence.
    std::vector<std::string> inOrder;
    for (const auto& name : s.leads)
        if (std::find(top.begin(), top.end(), name) != top.end())
            inOrder.push_back(name);
    s.headlineWave = w;
    s.headlineShare = topShare;
    s.headlineLeads = inOrder;
    s.headlineAllLeads = inOrder.size() == leads && leads > 1;
    const int percent = int(std::lround(100.0 * topShare));
    s.headline = std::to_string(percent) + " % of the evidence lies in the " + waveInSentence(WaveSegment(w)) + " of " +
                 (inOrder.size() == leads && leads > 1 ? std::string("all leads") : leadListText(inOrder));
    return s;
}

} // namespace execg
