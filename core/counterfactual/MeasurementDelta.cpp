#include "counterfactual/MeasurementDelta.h"

#include <cmath>
#include <limits>

namespace execg {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double finiteOrNaN(double v) { return std::isfinite(v) ? v : kNaN; }

void add(MeasurementDeltas& out, const std::string& quantity, const std::string& lead, const std::string& unit, double a,
         double b)
{
    a = finiteOrNaN(a);
    b = finiteOrNaN(b);
    out.rows.push_back({quantity, lead, unit, a, b, b - a});   // NaN − x stays NaN
}

} // namespace

const MeasurementDelta* MeasurementDeltas::find(const std::string& quantity, const std::string& lead) const
{
    for (const auto& r : rows)
        if (r.quantity == quantity && r.lead == lead)
            return &r;
    return nullptr;
}

double MeasurementDeltas::meanOver(const std::string& quantity, const std::vector<std::string>& leads) const
{
    double sum = 0.0;
    int n = 0;
    for (const auto& lead : leads)
        if (const auto* r = find(quantity, lead); r && std::isfinite(r->delta)) {
            sum += r->delta;
            ++n;
        }
    return n > 0 ? sum / n : kNaN;
}

MeasurementDeltas compareMeasurements(const EcgMeasurements& before, const EcgMeasurements& after)
{
    MeasurementDeltas out;
    for (const auto& pair : {std::make_pair(rhythmQuantities(before), rhythmQuantities(after)),
                             std::make_pair(medianQuantities(before), medianQuantities(after))})
        for (std::size_t k = 0; k < pair.first.size(); ++k)
            add(out, pair.first[k].label, {}, pair.first[k].unit, pair.first[k].q->value, pair.second[k].q->value);
    for (const auto& a : before.leads)
        for (const auto& b : after.leads)
            if (a.lead == b.lead) {
                add(out, "P amplitude", a.lead, "mV", a.pMv, b.pMv);
                add(out, "R amplitude", a.lead, "mV", a.rMv, b.rMv);
                add(out, "S amplitude", a.lead, "mV", a.sMv, b.sMv);
                add(out, "T amplitude", a.lead, "mV", a.tMv, b.tMv);
                add(out, "ST at J", a.lead, "mV", a.stJMv, b.stJMv);
                add(out, "ST at J+60 ms", a.lead, "mV", a.stJ60Mv, b.stJ60Mv);
            }
    return out;
}

MeasurementDeltas compareMeasurements(const SignalGroup& before, const SignalGroup& after)
{
    return compareMeasurements(measureEcg(before), measureEcg(after));
}

} // namespace execg
