#pragma once
// What a cohort store says about the population, as numbers and sentences: how the predictions are distributed;
// for each method where its evidence lies (share per wave and per lead, box-plot figures) overall and in groups —
// by predicted class, by prediction band, or by a manifest column — and its beat-aligned mean profile per lead on the
// shared beat axis; how far the methods agree; what the counterfactuals changed, with paired statistics; and a
// headline per group and method in plain words. Torch-free and Qt-free: the CLI writes it as JSON and a PDF, the
// GUI shows it.
#include "cohort/CohortStore.h"
#include "stats/Statistics.h"

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace execg {

// The waves a share is reported for: P, PR, QRS, ST, T, TP and "none" (outside every delineated wave).
inline constexpr int kReportWaves = 7;
const char* reportWaveKey(int wave);        // "p", …, "tp", "none"
const char* reportWaveSentence(int wave);   // "P waves", …, "TP baseline", "outside the delineated waves"

struct CohortReportOptions {
    std::string byColumn;               // a manifest column to group by; empty: the prediction
    std::vector<double> bins;           // edges for a numeric grouping (the prediction or the column); empty: quartiles
};

struct CohortMethodFigures {
    std::string method;
    int records = 0;                                        // with evidence
    std::array<stats::BoxFigures, kReportWaves> waveShare;  // per wave, over all leads
    std::vector<stats::BoxFigures> leadShare;               // per report lead
    std::vector<std::array<double, kReportWaves>> meanLeadWave;   // mean share per lead × wave
    std::array<int, kReportWaves> largestWave{};            // records whose largest wave share is this wave
    std::vector<std::vector<double>> meanProfile;           // per report lead on the beat axis (NaN: no record reached)
    // The headline: the wave most often holding the largest share, how often, and the leads holding most of it.
    int headlineWave = -1;
    double headlineFraction = 0.0;
    std::vector<std::string> headlineLeads;
};

struct CohortGroupFigures {
    std::string name;                   // "all", "predicted ≥ 6.0 mmol/L", "k 5.0–6.0", "label AF"
    int records = 0;
    std::vector<CohortMethodFigures> methods;
    std::vector<std::vector<double>> meanMedianBeat;   // per report lead on the beat axis, mV
};

struct CohortAgreementFigures {
    std::vector<std::string> methods;
    // Spearman's rank correlation of two methods' lead × wave shares, per record: median (and quartiles) over the
    // records where both have evidence.
    std::vector<std::vector<double>> median, q1, q3;
    std::vector<std::vector<int>> records;
};

struct CohortDeltaFigures {
    std::string method, quantity, lead, unit;
    int pairs = 0;                       // records where before and after were both measured
    double medianDelta = 0, ciLow = 0, ciHigh = 0;   // 95 % distribution-free CI of the median change
    double meanBefore = 0, meanAfter = 0;
    double increased = 0;                // fraction of pairs with a positive change
    stats::SignedRank test;
    double pHolm = 1;                    // over every quantity of the method
};

struct CohortCounterfactualFigures {
    std::string method;
    int records = 0, reached = 0;
    std::vector<CohortDeltaFigures> deltas;
};

struct CohortPredictionFigures {
    std::vector<std::string> labels;     // the outputs
    std::vector<std::string> units;
    bool probabilities = false;          // classification (activation gives probabilities)
    std::vector<int> predictedCount;     // per output: records where it is the largest (classification)
    stats::BoxFigures value;             // the first output's value (regression)
    std::vector<double> histogramEdges;  // the first output's value, 20 bins
    std::vector<int> histogram;
};

// One analysed record, for a plot whose points open their records.
struct CohortPoint {
    std::string input;
    double value = 0.0;          // the first output (NaN without one)
    int predicted = -1;
    int group = 0;               // index into CohortReport::groups: its own group, or 0 ("all") when it has none
    // Per method of the identity, the share of its evidence per wave (NaN where the method gave no evidence).
    std::vector<std::array<float, kReportWaves>> waveShare;
};

// Concept tests (TCAV) with a group's ECGs as the inputs, where asked (core/cohort/torch/CohortTcav.h fills them).
struct CohortTcavRow {
    std::string conceptName, layer;
    double score = 0, ciLow = 0, ciHigh = 0, randomScore = 0, p = 1, pHolm = 1, cavAccuracy = 0;
    bool significant = false, reliable = false;
    std::string verdict;
};

struct CohortTcavFigures {
    std::string group;                   // the group's name ("all", "predicted ≥ 6 mmol/L")
    int inputs = 0;                      // its ECGs the test used
    std::string targetLabel;             // the output whose rise the scores count
    std::vector<CohortTcavRow> rows;
    std::vector<std::string> notes;
    std::string error;                   // the test could not run for this group: why
};

struct CohortFailure {
    std::string reason;                  // the error without the file name
    int count = 0;
    std::string example;                 // one file it happened to
};

struct CohortReport {
    CohortIdentity identity;
    std::string store;
    CohortCounts counts;
    std::vector<CohortFailure> failures;
    std::vector<std::string> leads;      // the report's lead order: every lead seen, standard order first
    std::string grouping;                // what the groups are ("predicted class", "prediction band", "column k")
    CohortPredictionFigures prediction;
    std::vector<CohortGroupFigures> groups;   // "all" first
    std::optional<CohortAgreementFigures> agreement;
    std::vector<CohortCounterfactualFigures> counterfactuals;
    std::vector<std::string> headlines;  // one per group × method, in plain words
    std::vector<CohortPoint> points;     // every analysed record, in input order
    std::vector<CohortTcavFigures> tcav; // where asked
};

// CohortStoreError from the store; std::invalid_argument for a column the manifest did not have.
CohortReport buildCohortReport(const CohortStore& store, const CohortReportOptions& options = {});

nlohmann::ordered_json cohortReportJson(const CohortReport& report);

// "In 91 % of the 340 ECGs predicted ≥ 6.0 mmol/L, integrated-gradients puts the largest share of its evidence in
// the T waves, most in V2, V3 and V4."
std::string headlineSentence(const CohortGroupFigures& group, const CohortMethodFigures& method);

} // namespace execg
