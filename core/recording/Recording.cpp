#include "recording/Recording.h"

namespace execg {

const Lead* SignalGroup::findLead(const std::string& leadName) const
{
    for (const auto& lead : leads)
        if (lead.name == leadName)
            return &lead;
    return nullptr;
}

Lead* SignalGroup::findLead(const std::string& leadName)
{
    return const_cast<Lead*>(static_cast<const SignalGroup*>(this)->findLead(leadName));
}

int Recording::primaryGroupIndex() const
{
    int best = -1;
    double bestDuration = -1.0;
    for (int i = 0; i < static_cast<int>(groups.size()); ++i) {
        const auto& g = groups[static_cast<size_t>(i)];
        // Median beats are derived summaries; prefer anything else of the same length.
        const bool median = g.isMedianBeats();
        const double d = (g.samplingRateHz > 0 ? double(g.totalSamples ? g.totalSamples : g.sampleCount()) / g.samplingRateHz : 0.0)
                         - (median ? 1e9 : 0.0);
        if (d > bestDuration) {
            bestDuration = d;
            best = i;
        }
    }
    return best;
}

int Recording::groupIndex(GroupKind kind) const
{
    if (kind == GroupKind::Rhythm) {
        const int primary = primaryGroupIndex();
        return primary >= 0 && !groups[static_cast<size_t>(primary)].isMedianBeats() ? primary : -1;
    }
    for (int i = 0; i < static_cast<int>(groups.size()); ++i)
        if (groups[static_cast<size_t>(i)].isMedianBeats())
            return i;
    return -1;
}

} // namespace execg
