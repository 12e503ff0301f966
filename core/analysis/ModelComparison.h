#pragma once
// Model against model on one recording: each model's prediction and where its evidence lies (the evidence summary's
// lead × wave table, one explanation method), the difference of each table from the first model's, and the reading
// in words — "ExECG demo: atrial fibrillation relies on the QRS complexes of V1 (34 %) where ExECG demo: serum
// potassium relies on the T waves of V2–V4 (43 %)". The maps are compared as shares of each model's own evidence,
// so that models whose outputs come in different units can share one colour scale.
#include "analysis/ResultsDocument.h"
#include "explain/MapDisplay.h"
#include "explain/WaveSummary.h"

#include <nlohmann/json.hpp>

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

namespace execg {

struct ComparedModel {
    std::string name;         // the card's name; with the file's name where two cards share one
    std::string file, sha256;
    std::string prediction;   // "potassium 7.18 mmol/L"
    std::string method;
    AttributionSummary summary;
};

using WaveTable = std::vector<std::array<double, kWaveSegments>>;   // per lead, per wave: a share of the evidence

struct ModelComparison {
    std::vector<std::string> leads;        // the recording's group's leads (a lead a model does not read holds 0)
    std::vector<ComparedModel> models;     // two or more, the first the reference
    std::vector<WaveTable> difference;     // models[k] − models[0] for k = 1…, per lead and wave
    std::vector<std::string> readings;     // models[k] against models[0], in words
};

// From each model's results document on the same recording and group, the summaries of `method`. Throws
// std::invalid_argument naming what does not fit (fewer than two documents, another recording or group, the method
// missing or without a summary).
ModelComparison compareModels(const std::vector<const ResultsDocument*>& documents, const std::string& method);

// The comparison as JSON (schema "execg-model-comparison"): each model with its lead × wave table, each difference
// with its reading; shares as fractions.
nlohmann::ordered_json modelComparisonJson(const ModelComparison& comparison);

// Each sample's signed share of the map's total |a|, in %: what the comparison draws on one colour scale.
LeadMaps evidenceShareMap(const LeadMaps& map);

} // namespace execg
