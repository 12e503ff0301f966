#include "measure/BeatMatching.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace execg {

bool isBeatAnnotationCode(std::string_view code)
{
    static constexpr std::string_view kBeats[] = {"N", "L", "R", "B", "A", "a", "J", "S", "V", "r",
                                                  "F", "e", "j", "n", "E", "/", "f", "Q", "?"};
    return std::find(std::begin(kBeats), std::end(kBeats), code) != std::end(kBeats);
}

std::vector<std::int64_t> referenceBeats(const Recording& recording, int group, const std::string& source)
{
    std::vector<std::int64_t> out;
    if (group < 0 || std::size_t(group) >= recording.groups.size())
        return out;
    const std::int64_t first = recording.groups[size_t(group)].firstSample;
    for (const auto& a : recording.metadata.annotations)
        if (a.group == group && a.sample >= 0 && a.source == source && isBeatAnnotationCode(a.code))
            out.push_back(a.sample - first);
    std::sort(out.begin(), out.end());
    return out;
}

BeatMatchResult matchBeats(std::vector<std::int64_t> reference, std::vector<std::int64_t> detected,
                           double rate, const BeatMatchOptions& options)
{
    BeatMatchResult r;
    std::sort(reference.begin(), reference.end());
    std::sort(detected.begin(), detected.end());
    const auto window = std::int64_t(std::floor(options.windowSeconds * rate + 1e-9));
    // Every pair within the window; sorted lists make this linear in the number of pairs.
    std::vector<std::tuple<std::int64_t, std::size_t, std::size_t>> pairs;
    std::size_t lo = 0;
    for (std::size_t i = 0; i < reference.size(); ++i) {
        while (lo < detected.size() && detected[lo] < reference[i] - window)
            ++lo;
        for (std::size_t j = lo; j < detected.size() && detected[j] <= reference[i] + window; ++j)
            pairs.emplace_back(std::llabs(detected[j] - reference[i]), i, j);
    }
    std::sort(pairs.begin(), pairs.end());
    std::vector<char> refUsed(reference.size(), 0), detUsed(detected.size(), 0);
    for (const auto& [distance, i, j] : pairs)
        if (!refUsed[i] && !detUsed[j]) {
            refUsed[i] = detUsed[j] = 1;
            r.matches.emplace_back(reference[i], detected[j]);
        }
    std::sort(r.matches.begin(), r.matches.end());

    const auto start = std::int64_t(std::ceil(options.startSeconds * rate - 1e-9));
    const std::int64_t end = options.endSeconds < 0 ? INT64_MAX : std::int64_t(std::floor(options.endSeconds * rate));
    auto scored = [&](std::int64_t s) { return s >= start && s <= end; };
    for (const auto& [ref, det] : r.matches)
        if (scored(ref))
            ++r.truePositives;
    for (std::size_t i = 0; i < reference.size(); ++i)
        if (!refUsed[i] && scored(reference[i])) {
            r.missed.push_back(reference[i]);
            ++r.falseNegatives;
        }
    for (std::size_t j = 0; j < detected.size(); ++j)
        if (!detUsed[j] && scored(detected[j])) {
            r.extra.push_back(detected[j]);
            ++r.falsePositives;
        }
    const int tp = r.truePositives;
    r.sensitivity = tp + r.falseNegatives > 0 ? double(tp) / double(tp + r.falseNegatives) : 0.0;
    r.positivePredictivity = tp + r.falsePositives > 0 ? double(tp) / double(tp + r.falsePositives) : 0.0;
    return r;
}

} // namespace execg
