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


// The evidence summary of one map: headline, shares per lead, per wave and per lead × wave.
nlohmann::ordered_json attributionSummaryJson(const AttributionSummary& s);

} // namespace execg::cli
