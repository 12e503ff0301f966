#pragma once
// The one serialiser of the results document (docs/results-format.md): written by resultsToJson, read back by
// resultsFromJson. Numbers are rounded to six decimals (null for NaN or infinity); maps stay out (they go beside the
// document as .npy files, named in each method's "file").
#include "analysis/ResultsDocument.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace execg {

struct ResultsFormatError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Six decimals, null for NaN or infinity (JSON has neither): how every number in a results document is written.
nlohmann::ordered_json round6(double v);

nlohmann::ordered_json resultsToJson(const ResultsDocument& document);

// Throws ResultsFormatError naming what is wrong (not a results document, a newer schema, a field of the wrong type).
ResultsDocument resultsFromJson(const nlohmann::ordered_json& json);

// The document as text (two-space indentation, a final newline), and written atomically to `path`.
std::string resultsText(const ResultsDocument& document);
void writeResultsFile(const ResultsDocument& document, const std::string& path);
ResultsDocument readResultsFile(const std::string& path);   // ResultsFormatError naming the file

// Parts that other outputs show on their own: an evidence summary (headline, shares per lead, wave and lead × wave),
// and a scorecard with its agreement.
nlohmann::ordered_json attributionSummaryJson(const AttributionSummary& s);
nlohmann::ordered_json scorecardJson(const quality::Scorecard& s, double agreement);
// The prediction's uncertainty as the document holds it ("uncertainty"); execg-cli predict --uncertainty prints it.
nlohmann::ordered_json uncertaintyJson(const UncertaintyResult& u);

} // namespace execg
