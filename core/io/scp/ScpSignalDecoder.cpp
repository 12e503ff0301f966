#include "io/scp/ScpSignalDecoder.h"

#include "io/scp/ScpHuffman.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace execg::scp {

DecodedLead decodeLead(const std::vector<HuffmanTable>& tables, std::span<const std::uint8_t> bytes, std::size_t count,
                       int differences)
{
    std::vector<std::int32_t> raw;
    DecodedLead out;
    if (tables.empty()) {
        const std::size_t n = std::min(count, bytes.size() / 2);
        out.truncated = n < count;
        raw.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            raw[i] = std::int16_t(get16(bytes.data() + 2 * i));
    } else {
        auto decoded = huffmanDecode(tables, bytes.data(), bytes.size(), count);
        raw = std::move(decoded.values);
        out.truncated = decoded.truncated;
    }
    out.values.resize(raw.size());
    // 64-bit sums: corrupt differences may run far, but never overflow into undefined behaviour.
    std::int64_t x = 0, dx = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (differences == 0 || i == 0 || (differences == 2 && i == 1)) {
            dx = i == 0 ? 0 : raw[i] - x;
            x = raw[i];
        } else if (differences == 1) {
            x += raw[i];
        } else {
            dx += raw[i];
            x += dx;
        }
        x = std::clamp<std::int64_t>(x, -(std::int64_t(1) << 40), std::int64_t(1) << 40);
        dx = std::clamp<std::int64_t>(dx, -(std::int64_t(1) << 40), std::int64_t(1) << 40);
        out.values[i] = double(x);
    }
    return out;
}

std::vector<double> expandBimodal(const std::vector<double>& stored, std::size_t count, int factor,
                                  const std::vector<std::pair<std::int64_t, std::int64_t>>& protectedAreas)
{
    std::vector<bool> isProtected(count, false);
    for (const auto& [first, last] : protectedAreas)
        for (std::int64_t i = std::max<std::int64_t>(first, 1); i <= last && i <= std::int64_t(count); ++i)
            isProtected[std::size_t(i - 1)] = true;
    // Anchors: (position, value); a protected sample sits at its own position, a decimated value at its block's centre.
    std::vector<std::pair<double, double>> anchors;
    std::size_t next = 0;
    for (std::size_t i = 0; i < count && next < stored.size();) {
        if (isProtected[i]) {
            anchors.emplace_back(double(i), stored[next++]);
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < count && end - i < std::size_t(factor) && !isProtected[end])
            ++end;
        anchors.emplace_back((double(i) + double(end - 1)) / 2.0, stored[next++]);
        i = end;
    }
    std::vector<double> out(count, 0.0);
    if (anchors.empty())
        return out;
    std::size_t a = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const double t = double(i);
        while (a + 1 < anchors.size() && anchors[a + 1].first <= t)
            ++a;
        if (t <= anchors[a].first || a + 1 >= anchors.size()) {
            out[i] = anchors[a].second;
        } else {
            const auto& [t0, v0] = anchors[a];
            const auto& [t1, v1] = anchors[a + 1];
            out[i] = v0 + (v1 - v0) * (t - t0) / (t1 - t0);
        }
    }
    return out;
}

std::vector<double> addReferenceBeat(const std::vector<double>& residual, double residualScale,
                                     const std::vector<double>& reference, const QrsSection& qrs,
                                     const std::string& leadName, std::vector<std::string>& warnings)
{
    const std::int64_t n = std::int64_t(residual.size());
    std::vector<double> scaled(residual.size());
    for (std::size_t i = 0; i < residual.size(); ++i)
        scaled[i] = residual[i] * residualScale;
    const bool wholeUnits = residualScale == std::floor(residualScale);
    std::vector<double> out = scaled;
    for (std::int64_t j = 1; j + 1 < n; ++j) {
        const double sum = scaled[std::size_t(j - 1)] + scaled[std::size_t(j)] + scaled[std::size_t(j + 1)];
        out[std::size_t(j)] = !wholeUnits ? sum / 3.0 : sum > 0 ? std::floor((sum + 2) / 3) : sum < 0 ? std::ceil((sum - 2) / 3) : 0.0;
    }
    const auto isZone = [](const QrsZone& z) { return z.type == 0 && z.last != 0; };
    // The subtraction zones, and the two samples after each (as parsescp has it), keep the residual as it was.
    for (const auto& z : qrs.zones)
        if (isZone(z))
            for (std::int64_t j = std::max<std::int64_t>(z.first - 1, 0); j <= z.last + 1 && j < n; ++j)
                out[std::size_t(j)] = scaled[std::size_t(j)];
    int skipped = 0;
    for (const auto& z : qrs.zones) {
        if (!isZone(z))
            continue;
        const std::int64_t m0 = std::int64_t(qrs.fiducial) - (z.fiducial - z.first) - 1;
        const std::int64_t span = z.last - z.first + 1;
        if (z.first < 1 || span < 1 || z.last > n || m0 < 0 || m0 + span > std::int64_t(reference.size())) {
            ++skipped;
            continue;
        }
        for (std::int64_t k = 0; k < span; ++k)
            out[std::size_t(z.first - 1 + k)] += reference[std::size_t(m0 + k)];
    }
    if (skipped > 0)
        warnings.push_back("lead " + leadName + ": " + std::to_string(skipped) +
                           " QRS subtraction zone(s) do not fit the reference beat or the lead; their reference beat was not added back");
    return out;
}

} // namespace execg::scp
