#pragma once
// The analysis of one case with one model — fit the recording to the model, predict, choose the output to explain,
// explain with each chosen method, map back and summarise per lead and wave, score the explanations, compare the
// methods, find a counterfactual — written once, for every front end: `execg-cli explain` and `report` run it in a
// row (run()), the workstation calls the steps one by one on its worker thread, the cohort runner per record. Each
// step returns plain values, takes progress and cancellation, and only reads the case and the model, which are
// shared and immutable: steps of one CaseAnalysis may run on any thread.
#include "analysis/ResultsDocument.h"
#include "counterfactual/torch/CounterfactualRegistry.h"
#include "explain/Explainer.h"
#include "measure/WaveSegmentation.h"
#include "model/ModelInputAdapter.h"
#include "quality/SyntheticTruth.h"
#include "quality/torch/Scorecard.h"
#include "recording/Recording.h"

#include <functional>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace execg {

class TorchModel;

// The case cannot be analysed at all (it does not fit the model, the model returned NaN); names the file.
struct AnalysisError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// One method as a user chose it: a registry name (explainer or counterfactual generator) and the parameters given;
// defaults fill the rest.
struct MethodChoice {
    std::string method;
    std::map<std::string, std::string> parameters;
    bool operator==(const MethodChoice&) const = default;
};

bool isCounterfactualMethod(const std::string& name);   // a CounterfactualRegistry name: "cf-input", …

// The recording fitted to the model: the input the model sees and the waves of the recording's group.
// The recording fitted to the model: the input the model sees and the waves of the recording's group. A card with a
// window rule sees the whole recording in `windows` (input is the first: what single-window steps — scorecards,
// counterfactuals — work on); otherwise `windows` holds input alone.
struct FittedCase {
    AdaptedInput input;
    WaveSegmentation waves;
    std::vector<AdaptedInput> windows;
};

// The files behind a case.
struct CaseFiles {
    std::string input;        // the recording's file as read
    std::string model;        // the model's file (the card's generator is read from beside it)
    std::string shownInput;   // what results call the recording (a de-identified case: its alias); `input` if empty
};

struct PredictionResult {
    std::vector<float> raw;      // the model's outputs as returned
    Prediction prediction;       // interpreted by the card; prediction.problem non-empty: no result to show
};

// What every step may get: progress in [0, 1] (returning false cancels: the step throws ExplainCancelled) and a
// baseline recording fitted to the same card, for the methods and measures that take one.
struct StepOptions {
    ExplainProgress progress;
    const AdaptedInput* baseline = nullptr;
};

// Everything run() does in a row.
struct AnalysisRequest {
    AdaptOptions adapt;
    std::optional<int> target;                        // the output to explain; the predicted one otherwise
    std::vector<MethodChoice> methods;                // attribution methods and counterfactual generators, in order
    std::optional<CounterfactualTarget> counterfactualTarget;   // for the counterfactual generators (output −1: the
                                                                // explained one)
    bool quality = false;                             // a scorecard for every map, and the agreement between them
    bool uncertainty = false;                         // the prediction's spread (CaseAnalysis::uncertainty)
    std::optional<quality::GroundTruth> truth;        // the synthetic record's truth, for localisation
    std::vector<std::string> qualityNotes;            // what finding the truth said
    const AdaptedInput* baseline = nullptr;
    // Progress over the whole run in [0, 1] (each method and each scorecard an equal share); returning false cancels
    // (run() throws ExplainCancelled and returns nothing).
    ExplainProgress progress;
    // Called once the prediction is known, with the document's case part (a CLI prints the warnings and target).
    std::function<void(const ResultsDocument&)> predicted;
    // Called as each method finishes (its scorecard comes later, when asked): a CLI prints a line, writes its map and
    // notes the files it wrote in the result.
    std::function<void(MethodResult&)> methodDone;
    // Called as each method's scorecard is ready.
    std::function<void(const MethodResult&)> scored;
};

class CaseAnalysis {
public:
    CaseAnalysis(std::shared_ptr<const Recording> recording, int group, std::shared_ptr<const TorchModel> model,
                 CaseFiles files);

    const Recording& recording() const { return *recording_; }
    const SignalGroup& group() const;
    int groupIndex() const { return group_; }
    const TorchModel& model() const { return *model_; }
    // The SHA-256 of the recording's file, read once (the first call pays; call it off the GUI thread); empty when
    // the file cannot be read again (it has gone since it was opened).
    const std::string& inputSha256() const;

    // --- the steps ---
    // AnalysisError naming the file when the group cannot be fitted to the card.
    FittedCase fit(const AdaptOptions& options = {}) const;
    PredictionResult predict(const FittedCase& fitted) const;
    // Many cases fitted to one model's card, in batches of model calls: predict()'s result for each, every case's
    // windows combined as the card says.
    static std::vector<PredictionResult> predictBatch(const TorchModel& model, const std::vector<const FittedCase*>& cases);
    // The requested output where the model has it, else the predicted one.
    static int chooseTarget(const std::vector<float>& raw, std::optional<int> requested);
    // One attribution method: its explanation on the recording's axis, where its evidence lies and the headline. On a
    // windowed card every window is explained and the maps joined on the recording's axis (overlaps averaged).
    // Throws ExplainError (it cannot run: the reason) or ExplainCancelled.
    MethodResult explain(const FittedCase& fitted, int target, const MethodChoice& choice, const StepOptions& options = {}) const;
    quality::Scorecard score(const FittedCase& fitted, const Explanation& explanation,
                             const std::optional<quality::GroundTruth>& truth, const StepOptions& options = {}) const;
    // A counterfactual generator towards `target`. Throws ExplainError (bad parameter, unavailable for the model,
    // the card's generator cannot be read) or ExplainCancelled.
    MethodResult counterfactual(const FittedCase& fitted, const MethodChoice& choice, const CounterfactualTarget& target,
                                const StepOptions& options = {}) const;
    // How far the prediction (its `target` output) moves under the recording's own variation — noise at its measured
    // level, baseline wander, the window a beat later or earlier — and MC dropout where the model has dropout; the
    // 90 % interval, the referral against the card's decision threshold, and an arm-lead reversal warning.
    // Deterministic for options.seed. Throws AnalysisError when the model gives no result on any draw.
    UncertaintyResult uncertainty(const FittedCase& fitted, const PredictionResult& prediction, int target,
                                  const AdaptOptions& adapt = {}, const UncertaintyOptions& options = {}) const;

    // The recording with its group replaced by the counterfactual, marked in its warnings as not a recorded ECG.
    Recording counterfactualRecording(const CounterfactualResult& result) const;

    // The document's case part — recording, model, prediction, warnings, target, beats, software versions — to
    // which the methods' results are added.
    ResultsDocument document(const FittedCase& fitted, const PredictionResult& prediction, int target) const;

    // --- in a row ---
    // Fit, predict (AnalysisError when the model gives no result), choose the target, run every method (a method
    // that cannot run is recorded with its reason and the rest go on), score and compare them when asked.
    ResultsDocument run(const AnalysisRequest& request, FittedCase* fittedOut = nullptr) const;

private:
    std::shared_ptr<const Recording> recording_;
    int group_ = 0;
    std::shared_ptr<const TorchModel> model_;
    CaseFiles files_;
    mutable std::once_flag hashed_;
    mutable std::string inputSha256_;
};

// The versions a results document and a report cite: "execg", "libtorch", "dcmtk".
std::map<std::string, std::string> softwareVersions();

} // namespace execg
