#pragma once
// Formatting the subcommands share, so a value reads the same in `predict`, `measure`, `explain` and `report`.
#include "explain/WaveSummary.h"
#include "measure/Measurements.h"
#include "model/Prediction.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace execg::cli {

// Six decimals, null for NaN or infinity (JSON has neither).
nlohmann::ordered_json round6(double v);

// "0.913 (probability; raw 2.354)", "7.31 mmol/L", or the bare value.
std::string formatOutputValue(const OutputValue& o);

// A measurement with its JSON key, label and unit.
struct NamedQuantity {
    const char* key;
    const char* label;
    const char* unit;
    const Quantity* q;
};
std::vector<NamedQuantity> rhythmQuantities(const EcgMeasurements& m);   // heart rate, RR mean, SD, irregularity
std::vector<NamedQuantity> medianQuantities(const EcgMeasurements& m);   // intervals, QTc, axes (median beat)

// The evidence summary of one map: headline, shares per lead, per wave and per lead × wave.
nlohmann::ordered_json attributionSummaryJson(const AttributionSummary& s);

} // namespace execg::cli
