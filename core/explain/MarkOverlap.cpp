#include "explain/MarkOverlap.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace execg {

MarkOverlap markOverlap(const std::vector<std::vector<float>>& map, const std::vector<std::string>& leadNames,
                        double samplingRateHz, const std::vector<LeadMark>& marks, double topShare)
{
    MarkOverlap r;
    r.topShare = std::clamp(topShare, 0.0, 1.0);
    const std::size_t leads = std::min(map.size(), leadNames.size());

    // The marked samples, per lead, as a mask (overlapping marks count once).
    std::vector<std::vector<char>> marked(leads);
    for (std::size_t l = 0; l < leads; ++l)
        marked[l].assign(map[l].size(), 0);
    for (const auto& m : marks) {
        const auto it = std::find(leadNames.begin(), leadNames.begin() + std::ptrdiff_t(leads), m.lead);
        if (it == leadNames.begin() + std::ptrdiff_t(leads)) {
            if (std::find(r.unknownLeads.begin(), r.unknownLeads.end(), m.lead) == r.unknownLeads.end())
                r.unknownLeads.push_back(m.lead);
            continue;
        }
        auto& mask = marked[std::size_t(it - leadNames.begin())];
        const double a = std::min(m.startSeconds, m.endSeconds), b = std::max(m.startSeconds, m.endSeconds);
        const auto from = std::max<long>(0, long(std::floor(a * samplingRateHz)));
        const auto to = std::min<long>(long(mask.size()), long(std::ceil(b * samplingRateHz)));
        for (long i = from; i < to; ++i)
            mask[std::size_t(i)] = 1;
    }

    // Every seen sample's |attribution|, to find the top set and the totals.
    struct Seen {
        float weight;
        bool marked;
    };
    std::vector<Seen> seen;
    double total = 0.0, captured = 0.0;
    for (std::size_t l = 0; l < leads; ++l)
        for (std::size_t i = 0; i < map[l].size(); ++i) {
            const float v = map[l][i];
            if (!std::isfinite(v))
                continue;
            const float w = std::fabs(v);
            const bool in = marked[l][i] != 0;
            seen.push_back({w, in});
            total += w;
            if (in) {
                captured += w;
                ++r.markedSamples;
            }
        }
    r.seenSamples = long(seen.size());
    if (seen.empty())
        return r;
    r.markedShare = double(r.markedSamples) / double(r.seenSamples);
    r.evidenceCaptured = total > 0.0 ? captured / total : 0.0;
    if (total <= 0.0)
        return r;   // an all-zero map has no top evidence: Dice stays 0

    // The top set: the largest weights until they hold topShare of the total (at least one sample).
    std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) { return a.weight > b.weight; });
    double held = 0.0;
    long both = 0;
    for (const auto& s : seen) {
        if (r.topSamples > 0 && held >= r.topShare * total)
            break;
        held += s.weight;
        ++r.topSamples;
        both += s.marked ? 1 : 0;
    }
    const long denominator = r.markedSamples + r.topSamples;
    r.dice = denominator > 0 ? 2.0 * double(both) / double(denominator) : 0.0;
    return r;
}

} // namespace execg
