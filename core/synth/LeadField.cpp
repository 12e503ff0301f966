#include "synth/LeadField.h"

#include <vector>

namespace execg::synth {

namespace {

std::array<Vec3, kLeadCount> makeLeadVectors()
{
    // Dower's coefficients (lead = cx·X + cy·Y + cz·Z), Frank axes with z posterior.
    const Vec3 I{0.632, -0.235, 0.059};
    const Vec3 II{0.235, 1.066, -0.132};
    return {I,
            II,
            II - I,
            -(I + II) * 0.5,
            I - II * 0.5,
            II - I * 0.5,
            Vec3{-0.515, 0.157, -0.917},
            Vec3{0.044, 0.164, -1.387},
            Vec3{0.882, 0.098, -1.277},
            Vec3{1.213, 0.127, -0.601},
            Vec3{1.125, 0.127, -0.086},
            Vec3{0.831, 0.076, 0.230}};
}

} // namespace

const std::array<Vec3, kLeadCount>& leadVectors()
{
    static const auto vectors = makeLeadVectors();
    return vectors;
}

const std::vector<std::size_t>& territoryLeads(Territory t)
{
    static const std::vector<std::size_t> anterior{6, 7, 8, 9};      // V1–V4
    static const std::vector<std::size_t> inferior{1, 2, 5};         // II, III, aVF
    static const std::vector<std::size_t> lateral{0, 4, 10, 11};     // I, aVL, V5, V6
    switch (t) {
    case Territory::Anterior: return anterior;
    case Territory::Inferior: return inferior;
    case Territory::Lateral: return lateral;
    }
    return anterior;
}

Vec3 stVectorForTerritory(Territory t, double meanShiftMv)
{
    // The injury vector points from healthy towards injured myocardium. Anterior (LAD) injury points forward and
    // a little up and left, so II, III and aVF show reciprocal depression; inferior (RCA) injury points down and
    // slightly right (III elevated more than II, reciprocal depression in aVL and I); lateral (LCx, diagonal)
    // injury points left and up (reciprocal depression in III and aVF). Its length is chosen so the territory's
    // mean deviation is exactly the requested shift.
    Vec3 direction;
    switch (t) {
    case Territory::Anterior: direction = Vec3{0.3, -0.35, -0.9}.unit(); break;
    case Territory::Inferior: direction = Vec3{-0.3, 1.0, 0.1}.unit(); break;
    case Territory::Lateral: direction = Vec3{1.0, -0.45, 0.1}.unit(); break;
    }
    const auto& leads = leadVectors();
    double meanProjection = 0.0;
    for (auto i : territoryLeads(t))
        meanProjection += leads[i].dot(direction);
    meanProjection /= static_cast<double>(territoryLeads(t).size());
    return direction * (meanShiftMv / meanProjection);
}

} // namespace execg::synth
