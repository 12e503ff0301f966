#pragma once
// The results of analysing one case, as one plain value: the recording and the model that were used, the prediction,
// the output explained, and per method its explanation (or counterfactual), where its evidence lies and its
// scorecard. Every front end writes this one document — `execg-cli explain`'s summary.json, `execg-cli report`'s
// JSON, the workstation's "Export results" — through the one serialiser in ResultsJson.h (schema:
// docs/results-format.md). Torch-free and Qt-free: stores, reports and viewers read it without the model code.
#include "analysis/Uncertainty.h"
#include "counterfactual/Counterfactual.h"
#include "explain/Explanation.h"
#include "explain/WaveSummary.h"
#include "model/Prediction.h"
#include "quality/Scorecard.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace execg {

inline constexpr int kResultsSchemaVersion = 1;

struct ResultsRecording {
    std::string file;                    // as given (a de-identified case: its alias)
    std::string sha256;                  // of the file's bytes
    int group = 0;
    std::vector<std::string> leads;
    double samplingRateHz = 0.0;
    double windowStartS = 0.0, windowEndS = 0.0;   // what the model saw, in seconds of the group
    int windows = 1;                               // windows combined (a card with a window rule: the whole group)
};

struct ResultsModel {
    std::string name, version, file, sha256;
    std::string notice;                  // kDemoModelNotice for the synthetic demo models
};

struct ResultsTarget {
    int index = 0;                       // the output explained
    std::string label;
    float raw = 0.0f;
};

// One method on the case: an attribution method (explanation set) or a counterfactual generator (counterfactual
// set); `error` alone when it could not run.
struct MethodResult {
    std::string method;                  // registry name
    std::string file;                    // its map beside the document (NAME.npy), when written
    std::string error;
    std::shared_ptr<const Explanation> explanation;    // recordingMap filled in; maps never go into the JSON
    bool stochastic = false;             // the method draws random numbers: its seed is part of the result
    std::optional<AttributionSummary> summary;
    std::string headline;                // the summary's reading, in the language it was shown in
    std::optional<quality::Scorecard> scorecard;
    std::string scoreError;              // the scorecard was asked for but could not be made: why
    double agreement = 0.0;              // with a scorecard: mean rank agreement with the other scored methods
    std::shared_ptr<const CounterfactualResult> counterfactual;   // its `counterfactual` group stays out of the JSON
    std::map<std::string, std::string> files;   // a counterfactual's written files: "npy", "wfdb", "dicom"
};

// The three kinds of entry, made whole.
MethodResult attributionResult(std::string method, std::shared_ptr<const Explanation> explanation);
MethodResult counterfactualResult(std::string method, std::shared_ptr<const CounterfactualResult> counterfactual);
MethodResult failedMethod(std::string method, std::string error);

struct ResultsAgreement {
    std::vector<std::string> methods;
    std::vector<std::vector<double>> rankCorrelation, topKOverlap;
};

// Rank correlation and top-10 % overlap between every pair of the methods' maps (model input space); each method
// must hold an explanation.
ResultsAgreement agreementBetween(const std::vector<const MethodResult*>& methods);

struct ResultsDocument;
// The agreement between the document's scored maps (every method with a scorecard: rank correlation and top-10 %
// overlap of the model-space maps) into d.agreement, and each scored method's mean agreement with the others; no
// agreement without a scored method.
void agreeScoredMethods(ResultsDocument& d);

struct ResultsQuality {
    std::uint64_t seed = 0;
    std::string groundTruth;             // the synthetic record's truth file; empty for a recorded ECG
    std::vector<std::string> labelWaves; // the card's waves that carry the label ("t")
    std::vector<std::string> notes;
};

struct ResultsDocument {
    int schemaVersion = kResultsSchemaVersion;
    std::map<std::string, std::string> software;   // "execg", "libtorch", "dcmtk"
    ResultsRecording recording;
    ResultsModel model;
    std::vector<std::string> warnings;
    std::optional<Prediction> prediction;          // none when the model could not predict
    std::optional<ResultsTarget> target;
    int beats = 0;                                 // beats delineated in the group
    std::string beatsProblem;
    std::vector<MethodResult> methods;
    std::optional<ResultsAgreement> agreement;     // between the scored methods
    std::optional<ResultsQuality> quality;
    std::optional<UncertaintyResult> uncertainty;  // the prediction's spread under the recording's own variation
    int threads = 0;
    double totalMs = 0.0;
    std::map<std::string, std::string> files;      // what else was written for the case ("pdf", "png", "svg")
};

} // namespace execg
