#pragma once
// Concept tests on a cohort: for the whole cohort and for each of the report's groups, TCAV with the group's own ECGs
// as the inputs — "does the output rise along peaked T in the ECGs predicted ≥ 6 mmol/L?" — added to the report.
#include "cohort/CohortReport.h"
#include "explain/Explainer.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace execg {

class TorchModel;

struct CohortTcavOptions {
    std::vector<std::string> concepts;   // specs as execg-cli tcav takes them: built-in names, folders, TABLE.csv:COLUMN
    std::vector<std::string> layers;     // empty: the card's TCAV layers
    int runs = 20;
    int examples = 50;                   // per built-in concept and random set
    std::string randomPool;              // a folder of ordinary ECGs to draw random sets from; empty: built-in ones
    int inputsPerGroup = 50;             // of the group's ECGs, spread evenly over them in input order
    std::uint64_t seed = 0;
    std::optional<int> target;           // the output; else the one the group's ECGs were most often predicted
    ExplainProgress progress;            // over all groups, 0–1; false cancels
};

// Fills report.tcav: one entry per group with at least 10 analysed ECGs (a group the test cannot run for says why).
// Throws std::invalid_argument for a concept that cannot be built, ExplainCancelled.
void addCohortTcav(CohortReport& report, const TorchModel& model, const CohortTcavOptions& options);

} // namespace execg
