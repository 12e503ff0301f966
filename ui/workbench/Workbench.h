#pragma once
// The workstation's domain state, apart from any widget: the open case, the model, its prediction, the methods the
// user chose and their explanations and scorecards. Widgets read it and ask it to act; every slow step (reading a
// file, loading a model, and the steps of core's CaseAnalysis: predicting, explaining, scoring, counterfactuals) runs
// off the GUI thread through one AnalysisRunner and comes back as a signal. Results are cached by recording, model, target, method and parameters, so going back
// to a case or re-ticking a method shows its map at once.
#include "analysis/ResultsDocument.h"
#include "analysis/torch/CaseAnalysis.h"
#include "counterfactual/Counterfactual.h"
#include "explain/Explanation.h"
#include "explain/WaveSummary.h"
#include "measure/Measurements.h"
#include "measure/WaveSegmentation.h"
#include "model/ModelInputAdapter.h"
#include "model/Prediction.h"
#include "quality/SyntheticTruth.h"
#include "quality/torch/Scorecard.h"
#include "recording/Recording.h"
#include "render/PdfReport.h"
#include "workbench/AnalysisRunner.h"
#include "workbench/CaseList.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace execg {

class ConceptTests;
class RecordingLoader;
class Teaching;
class TorchModel;

// How a method is named to users: its registry title ("Integrated Gradients"), else its name.
QString titleOf(const std::string& method);

// One chosen method on the current case: its job while it runs, its explanation when done.
struct ExplanationEntry {
    MethodChoice choice;
    QString title;                                   // "Integrated Gradients"
    JobState state = JobState::Queued;
    int job = 0;
    double progress = 0.0;
    QString error;
    bool fromCache = false;
    std::shared_ptr<const Explanation> explanation;  // recordingMap filled in
    QString headline;                                // "62 % of the evidence lies in the T waves of V2–V4"
    std::shared_ptr<const AttributionSummary> summary;   // where the evidence lies, per lead and wave

    // Its explanation-quality scorecard, when asked for.
    JobState qualityState = JobState::Queued;
    int qualityJob = 0;
    double qualityProgress = 0.0;
    QString qualityError;
    std::shared_ptr<const quality::Scorecard> scorecard;
    double agreement = 0.0;                          // mean rank agreement with the other finished methods
};

class Workbench : public QObject {
    Q_OBJECT
public:
    explicit Workbench(QObject* parent = nullptr);
    ~Workbench() override;

    AnalysisRunner& runner() { return *runner_; }
    CaseList& cases() { return *cases_; }
    const CaseList& cases() const { return *cases_; }

    // --- the case ---
    // Adds the paths to the worklist and opens the first; a folder adds every readable file in it.
    void openPaths(const QStringList& paths);
    void openCaseAt(int index);
    void nextCase();
    void previousCase();
    QString casePath() const { return casePath_; }
    // Teaching: every case de-identified on open (deidentified(): names, IDs, dates, free text), on screen and in
    // every export; remembered in Settings. Switching reopens the case on screen.
    void setDeidentify(bool on);
    bool deidentify() const { return deidentify_; }
    QString caseAlias(int index) const;   // "case 3"
    std::shared_ptr<const Recording> recording() const { return recording_; }
    int groupIndex() const { return group_; }
    const SignalGroup* group() const;
    qint64 lastReadMs() const { return lastReadMs_; }
    bool loading() const;

    // What the charts show: the recording as read, or filtered for display (diagnostic 0.05–150 Hz, monitoring
    // 0.5–40 Hz, with an optional mains notch). Display only: the model, the measurements and the report always
    // read the recording as read. Filtered off the GUI thread; displayChanged says when.
    void setDisplayFilter(const QString& preset, double mainsHz);   // preset "" (none), "diagnostic", "monitoring"
    std::shared_ptr<const Recording> displayRecording() const { return display_ ? display_ : recording_; }
    QString displayFilterNote() const { return displayNote_; }

    // The case's measurements (intervals, axes, amplitudes, median beats), computed off the GUI thread on opening;
    // null until then. measurementsChanged says when.
    std::shared_ptr<const EcgMeasurements> measurements() const { return measurements_; }

    // --- the model ---
    // With the card beside the model, or `card` (a model without one, described by the user: inferredModelCard).
    // A model the user chose stays whatever case opens; an automatic one (the first start's, the demo's) follows
    // the case: a real recording gets the model trained on real ECGs, a synthetic one the teaching model.
    enum class ModelChoice { User, Automatic };
    void loadModel(const QString& path, const std::optional<ModelCard>& card = std::nullopt,
                   ModelChoice choice = ModelChoice::User);
    bool modelChosenByUser() const { return modelChosenByUser_; }

    // A single-lead model's lead: the recording's lead to give it (empty: the card's own where the recording has
    // it, else a single-lead recording's only lead). Kept from case to case while the cases have that lead.
    void setModelLead(const QString& lead);
    QString modelLead() const { return modelLead_; }
    // The recording's lead the prediction was made from, for a single-lead model; empty otherwise.
    QString predictedFromLead() const;
    std::shared_ptr<const TorchModel> model() const { return model_; }
    QString modelPath() const { return modelPath_; }
    QString modelError() const { return modelError_; }

    // --- the prediction for case and model ---
    const std::optional<Prediction>& prediction() const { return prediction_; }
    // The explained output's spread under the recording's own variation (CaseAnalysis::uncertainty), computed off
    // the GUI thread after each prediction and each change of target; uncertaintyChanged says when.
    const std::optional<UncertaintyResult>& uncertainty() const { return uncertainty_; }
    QString uncertaintyError() const { return uncertaintyError_; }
    // The recording's waves as the analysis delineated them (the per-wave map view paints them); null before a fit.
    const WaveSegmentation* waves() const { return fitted_ ? &fitted_->waves : nullptr; }
    std::shared_ptr<const AdaptedInput> input() const
    {
        return fitted_ ? std::shared_ptr<const AdaptedInput>(fitted_, &fitted_->input) : nullptr;
    }
    int target() const { return target_; }
    void setTarget(int output);   // −1: the predicted output
    int requestedTarget() const { return requestedTarget_; }
    QString predictionError() const { return predictionError_; }
    // The answer as a reader sees it: one line per output ("potassium: 6.93 mmol/L", "AF: 91.2 %"), the explained
    // one marked where there are several, in the reader's locale; empty without a prediction.
    QString predictionText() const;

    // --- explanations ---
    void setMethods(const std::vector<MethodChoice>& methods);
    const std::vector<MethodChoice>& methods() const { return methods_; }
    void setAutoRun(bool on) { autoRun_ = on; }   // explain every new case with the chosen methods
    bool autoRun() const { return autoRun_; }
    void runExplanations();
    void cancelExplanations();
    const std::vector<ExplanationEntry>& explanations() const { return entries_; }
    int finishedExplanations() const;

    // --- counterfactual ---
    // "What minimal change would bring output `output` to `value`?" — the input-space counterfactual of the case,
    // off the GUI thread; counterfactualChanged when it is done (or failed: counterfactualError()).
    // `method`: a CounterfactualRegistry name ("cf-input", "cf-parametric", "cf-latent").
    void runCounterfactual(const QString& method, int output, double value);
    QString counterfactualUnavailable(const QString& method) const;   // empty when it can run with this model
    void cancelCounterfactual();
    std::shared_ptr<const CounterfactualResult> counterfactual() const { return counterfactual_; }
    QString counterfactualError() const { return counterfactualError_; }
    bool counterfactualRunning() const { return counterfactualJob_ != 0; }

    // The counterfactual as a recording file in any format the writer registry knows, chosen by the path's extension
    // (.hea WFDB, .dcm DICOM, .scp SCP-ECG, .edf EDF+), marked in its warnings as not a recorded ECG. False with
    // `error` naming the file when it cannot be written.
    bool exportCounterfactual(const QString& path, QString* error = nullptr) const;

    // --- concept tests (TCAV) of the model ---
    ConceptTests& conceptTests() { return *conceptTests_; }

    // --- teaching: blind mode, the quiz's marks, the presenter's pen (per case) ---
    Teaching& teaching() { return *teaching_; }
    const Teaching& teaching() const { return *teaching_; }

    // --- exports (atomic; the input file is never written) ---
    // The case's PDF report, as `execg-cli report` writes it, drawn with `look` (chart style, overlay, colours, the
    // chart's method); written off the GUI thread, then exported(path, error) with an empty error on success.
    void exportReport(const QString& path, const ReportContent& look, const QString& chartMethod);
    // The case's results document (docs/results-format.md) as `execg-cli explain` writes it: recording, model,
    // prediction, warnings, and per method its parameters, seed, runtime, diagnostics, evidence, headline and
    // scorecard, and the counterfactual; a method not finished is listed with why. Empty without a prediction.
    std::optional<ResultsDocument> resultsDocument() const;
    // That document as JSON (maps stay out: `execg-cli explain` writes them as .npy).
    bool exportResults(const QString& path, QString* error = nullptr) const;

    // --- explanation quality ---
    void assessQuality();
    const std::optional<quality::GroundTruth>& groundTruth() const { return truth_; }

signals:
    void caseOpened();                                      // recording() is the new case
    void deidentifyChanged(bool on);
    void caseFailed(const QString& path, const QString& message);
    void measurementsChanged();
    void displayChanged();
    void counterfactualChanged();
    void counterfactualProgress(double fraction);
    void modelLoaded();
    void modelFailed(const QString& path, const QString& message);
    void predictionChanged();
    void uncertaintyChanged();
    void explanationsChanged();                             // entries added, removed or reordered
    void explanationUpdated(int index);                     // one entry's progress, state or result
    void qualityUpdated(int index);
    void busyChanged(bool busy);
    void exported(const QString& path, const QString& error);
    void message(const QString& text);                      // for the status bar

private:
    // The one way the Workbench runs a job: on the runner, its result taken only while `generation` (a member:
    // caseGeneration_ for the case, generation_ for case and model, explainGeneration_ for the explanations) is
    // still what it was when the job started.
    int submitForCurrent(const int& generation, const QString& title, AnalysisRunner::Work work, AnalysisRunner::Done done);
    void caseLoaded(std::shared_ptr<const Recording> recording, qint64 ms);
    void caseLoadFailed(const QString& path, const QString& message);
    void startPrediction();
    void resetAnalysis();
    int entryForJob(int job, bool quality) const;
    QString caseKey() const;
    QString cacheKey(const MethodChoice& choice) const;
    void remember(const QString& key, const ExplanationEntry& entry);
    void startMeasuring();
    void updateAgreement();

    AnalysisRunner* runner_ = nullptr;
    ConceptTests* conceptTests_ = nullptr;
    Teaching* teaching_ = nullptr;
    RecordingLoader* loader_ = nullptr;
    CaseList* cases_ = nullptr;
    QString pendingPath_, casePath_, caseIdentity_;
    std::shared_ptr<const Recording> recording_;
    std::shared_ptr<const EcgMeasurements> measurements_;
    std::shared_ptr<const Recording> display_;
    std::shared_ptr<const CounterfactualResult> counterfactual_;
    QString counterfactualError_;
    int counterfactualJob_ = 0;
    QString displayPreset_, displayNote_;
    double displayMains_ = 0.0;
    int displayGeneration_ = 0;
    void startDisplayFilter();
    int caseGeneration_ = 0;
    bool deidentify_ = false;
    int group_ = -1;
    qint64 lastReadMs_ = 0;

    std::shared_ptr<const TorchModel> model_;
    QString modelPath_, modelError_;
    int modelJob_ = 0, predictJob_ = 0, measureJob_ = 0;
    bool modelChosenByUser_ = false;
    QString modelLead_;
    QString requestedModelPath_;   // the last model asked for (loaded, or still loading)
    int modelRequest_ = 0;
    bool followCaseWithModel();   // true when it started loading the case's model (which then predicts)

    std::shared_ptr<const CaseAnalysis> analysis_;   // the case with the model; null until both are there
    std::shared_ptr<const FittedCase> fitted_;
    std::optional<Prediction> prediction_;
    std::optional<UncertaintyResult> uncertainty_;
    QString uncertaintyError_;
    quint64 uncertaintyJob_ = 0;
    void startUncertainty();
    AdaptOptions adaptOptions() const;   // how the case is fitted to the model: the prediction's and its checks' own
    std::vector<float> raw_;
    QString predictionError_;
    int target_ = 0, requestedTarget_ = -1;
    std::optional<quality::GroundTruth> truth_;

    std::vector<MethodChoice> methods_;
    std::vector<ExplanationEntry> entries_;
    bool autoRun_ = true;
    // Bumped whenever case or model change: a job that returns for an older generation is dropped.
    int generation_ = 0;
    // Bumped with generation_ and whenever the explanations are run again (another target, other methods): their
    // entries are rebuilt, so an older job's index no longer names its entry. A counterfactual outlives that.
    int explainGeneration_ = 0;

    struct Cached {
        std::shared_ptr<const Explanation> explanation;
        QString headline;
        std::shared_ptr<const AttributionSummary> summary;
        std::shared_ptr<const quality::Scorecard> scorecard;
    };
    QHash<QString, Cached> cache_;
    QStringList cacheOrder_;   // oldest first; the cache keeps the last kCacheSize
};

} // namespace execg
