#include "analysis/torch/CaseAnalysis.h"

#include "io/dicom/DicomEcgReader.h"
#include "model/Prediction.h"
#include "model/Sha256.h"
#include "model/torch/GeneratorModel.h"
#include "model/torch/TorchModel.h"

#include <algorithm>
#include <chrono>

namespace execg {

bool isCounterfactualMethod(const std::string& name) { return CounterfactualRegistry::instance().find(name) != nullptr; }

std::map<std::string, std::string> softwareVersions()
{
    return {{"execg", EXECG_VERSION}, {"libtorch", libtorchVersion()}, {"dcmtk", dcmtkVersion()}};
}

CaseAnalysis::CaseAnalysis(std::shared_ptr<const Recording> recording, int group, std::shared_ptr<const TorchModel> model,
                           CaseFiles files)
    : recording_(std::move(recording)), group_(group), model_(std::move(model)), files_(std::move(files))
{
    if (files_.shownInput.empty())
        files_.shownInput = files_.input;
}

const std::string& CaseAnalysis::inputSha256() const
{
    std::call_once(hashed_, [this] {
        try {
            if (!files_.input.empty())
                inputSha256_ = sha256OfFile(files_.input);
        } catch (const std::exception&) {
            // Gone since it was read (a removable drive): the document says nothing rather than fail the analysis.
        }
    });
    return inputSha256_;
}

const SignalGroup& CaseAnalysis::group() const { return recording_->groups.at(std::size_t(group_)); }

FittedCase CaseAnalysis::fit(const AdaptOptions& options) const
{
    try {
        FittedCase fitted;
        fitted.windows = adaptRecordingWindows(*recording_, group_, model_->card(), options);
        fitted.input = fitted.windows.front();
        fitted.waves = segmentWaves(group());
        return fitted;
    } catch (const std::invalid_argument& e) {
        throw AnalysisError(files_.shownInput + ": " + e.what());
    }
}

PredictionResult CaseAnalysis::predict(const FittedCase& fitted) const { return predictBatch(*model_, {&fitted}).front(); }

std::vector<PredictionResult> CaseAnalysis::predictBatch(const TorchModel& model, const std::vector<const FittedCase*>& cases)
{
    constexpr std::size_t kBatch = 32;   // windows per model call: bounded memory, whatever the recordings' lengths
    std::vector<const AdaptedInput*> windows;
    for (const FittedCase* c : cases) {
        if (c->windows.empty())
            windows.push_back(&c->input);
        for (const auto& w : c->windows)
            windows.push_back(&w);
    }
    std::vector<std::vector<float>> rows;
    for (std::size_t first = 0; first < windows.size(); first += kBatch) {
        std::vector<AdaptedInput> batch;
        for (std::size_t k = first; k < std::min(windows.size(), first + kBatch); ++k)
            batch.push_back(*windows[k]);
        auto part = model.predict(batch);
        rows.insert(rows.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    std::vector<PredictionResult> out(cases.size());
    std::size_t at = 0;
    for (std::size_t k = 0; k < cases.size(); ++k) {
        const std::size_t n = std::max<std::size_t>(1, cases[k]->windows.size());
        out[k].raw = combineWindowOutputs(model.card(), {rows.begin() + std::ptrdiff_t(at), rows.begin() + std::ptrdiff_t(at + n)});
        at += n;
        out[k].prediction = interpretOutputs(model.card(), model.sha256(), out[k].raw, cases[k]->input.warnings);
    }
    return out;
}

int CaseAnalysis::chooseTarget(const std::vector<float>& raw, std::optional<int> requested)
{
    return requested && *requested >= 0 && *requested < int(raw.size()) ? *requested : predictedTarget(raw);
}

MethodResult CaseAnalysis::explain(const FittedCase& fitted, int target, const MethodChoice& choice,
                                   const StepOptions& options) const
{
    ExplainOptions o;
    o.parameters = choice.parameters;
    o.baselineInput = options.baseline;
    std::shared_ptr<Explanation> e;
    const std::size_t windows = std::max<std::size_t>(1, fitted.windows.size());
    std::vector<std::vector<float>> sum;
    std::vector<std::vector<int>> count;
    for (std::size_t k = 0; k < windows; ++k) {
        const AdaptedInput& in = fitted.windows.empty() ? fitted.input : fitted.windows[k];
        if (options.progress)
            o.progress = [&, k](double f) { return options.progress((double(k) + f) / double(windows)); };
        auto part = runExplanation(choice.method, *model_, in, target, o);
        mapExplanationToRecording(part, in, group());
        if (windows == 1) {
            e = std::make_shared<Explanation>(std::move(part));
            break;
        }
        // Joined on the recording's axis: each sample the mean of the windows that saw it.
        if (!e) {
            e = std::make_shared<Explanation>(part);
            sum.assign(part.recordingMap.size(), {});
            count.assign(part.recordingMap.size(), {});
            for (std::size_t l = 0; l < sum.size(); ++l) {
                sum[l].assign(part.recordingMap[l].size(), 0.0f);
                count[l].assign(part.recordingMap[l].size(), 0);
            }
        } else
            e->runtimeMs += part.runtimeMs;
        for (std::size_t l = 0; l < sum.size(); ++l)
            for (std::size_t i = 0; i < sum[l].size(); ++i)
                if (const float v = part.recordingMap[l][i]; !std::isnan(v)) {
                    sum[l][i] += v;
                    ++count[l][i];
                }
    }
    if (windows > 1) {
        for (std::size_t l = 0; l < sum.size(); ++l)
            for (std::size_t i = 0; i < sum[l].size(); ++i)
                e->recordingMap[l][i] = count[l][i] ? sum[l][i] / float(count[l][i]) : std::numeric_limits<float>::quiet_NaN();
        e->diagnostics.emplace_back("windows", double(windows));
        e->notes.push_back("the whole recording: " + std::to_string(windows) +
                           " windows explained and joined on the recording's axis (overlaps averaged); the model-space "
                           "map and its scorecard are the first window's");
    }
    MethodResult m = attributionResult(choice.method, e);
    m.stochastic = ExplainerRegistry::instance().find(choice.method)->info().stochastic;
    m.summary = summariseAttribution(e->recordingMap, group(), fitted.waves);
    m.headline = m.summary->headline;
    return m;
}

quality::Scorecard CaseAnalysis::score(const FittedCase& fitted, const Explanation& explanation,
                                       const std::optional<quality::GroundTruth>& truth, const StepOptions& options) const
{
    auto o = quality::scorecardOptionsFor(model_->card(), truth ? &truth->waves : nullptr);
    o.baselineInput = options.baseline;
    o.progress = options.progress;
    return quality::scoreExplanation(*model_, fitted.input, explanation, o);
}

MethodResult CaseAnalysis::counterfactual(const FittedCase& fitted, const MethodChoice& choice,
                                          const CounterfactualTarget& target, const StepOptions& options) const
{
    const auto& registry = CounterfactualRegistry::instance();
    const CounterfactualMethod* method = registry.find(choice.method);
    if (!method)
        throw ExplainError("unknown counterfactual generator '" + choice.method + "'");
    if (const auto why = registry.unavailableReason(choice.method, model_->card()); !why.empty())
        throw ExplainError(why);
    CounterfactualRequest request;
    request.model = model_.get();
    request.group = &group();
    request.input = &fitted.input;
    request.target = target;
    request.progress = options.progress;
    std::unique_ptr<GeneratorModel> generator;
    AdaptedInput fullWindow;
    if (method->needsGenerator && fitted.input.samples < model_->card().input.samples) {
        // The generator makes and reads the card's full window only: a shorter window is fitted again, padded to it.
        auto o = refitOptions(fitted.input, group(), model_->card());
        o.fullWindow = true;
        fullWindow = adaptToModel(group(), model_->card(), o);
        request.input = &fullWindow;
    }
    if (method->needsGenerator) {
        try {
            generator = loadCardGenerator(modelCardPathFor(files_.model), model_->card());
        } catch (const ModelError& e) {
            throw ExplainError(choice.method + ": the card's generator cannot be used: " + e.what());
        }
        request.generator = generator.get();
    }
    auto result = registry.run(choice.method, request, choice.parameters);
    if (request.input == &fullWindow)
        result.notes.push_back("the generator makes the model's full " + std::to_string(model_->card().input.samples) +
                               "-sample window: this counterfactual was searched and judged on the recording padded to it, "
                               "while the prediction shown reads the recording at its own length");
    return counterfactualResult(choice.method, std::make_shared<const CounterfactualResult>(std::move(result)));
}

Recording CaseAnalysis::counterfactualRecording(const CounterfactualResult& result) const
{
    // The source with its group replaced, so every other fact about the file stays.
    Recording changed = *recording_;
    changed.groups.at(std::size_t(group_)) = result.counterfactual;
    changed.warnings.push_back("counterfactual (" + result.method + ") of " + recording_->sourcePath + ": not a recorded ECG");
    return changed;
}

ResultsDocument CaseAnalysis::document(const FittedCase& fitted, const PredictionResult& prediction, int target) const
{
    const ModelCard& card = model_->card();
    ResultsDocument d;
    d.software = softwareVersions();
    d.model = {card.name, card.version, files_.model, model_->sha256(), card.demo ? kDemoModelNotice : ""};
    const AdaptedInput& in = fitted.input;
    d.recording.file = files_.shownInput;
    d.recording.sha256 = inputSha256();
    d.recording.group = group_;
    for (const auto& lead : group().leads)
        d.recording.leads.push_back(lead.name);
    d.recording.samplingRateHz = group().samplingRateHz;
    const AdaptedInput& last = fitted.windows.empty() ? in : fitted.windows.back();
    d.recording.windowStartS = double(in.sourceFirst) / in.sourceRateHz;
    d.recording.windowEndS = double(last.sourceFirst + last.sourceCount) / last.sourceRateHz;
    d.recording.windows = int(std::max<std::size_t>(1, fitted.windows.size()));
    d.warnings = prediction.prediction.warnings;
    if (prediction.prediction.problem.empty())
        d.prediction = prediction.prediction;
    if (target >= 0 && target < int(card.outputs.size()) && target < int(prediction.raw.size()))
        d.target = ResultsTarget{target, card.outputs[std::size_t(target)].label, prediction.raw[std::size_t(target)]};
    d.beats = int(fitted.waves.beats.size());
    d.beatsProblem = fitted.waves.problem;
    return d;
}

ResultsDocument CaseAnalysis::run(const AnalysisRequest& request, FittedCase* fittedOut) const
{
    const auto t0 = std::chrono::steady_clock::now();
    FittedCase fitted = fit(request.adapt);
    const PredictionResult prediction = predict(fitted);
    if (!prediction.prediction.problem.empty())
        throw AnalysisError(files_.shownInput + ": " + prediction.prediction.problem);
    const int target = chooseTarget(prediction.raw, request.target);
    ResultsDocument d = document(fitted, prediction, target);
    if (request.uncertainty)
        d.uncertainty = uncertainty(fitted, prediction, target, request.adapt);
    if (request.predicted)
        request.predicted(d);

    StepOptions options;
    options.baseline = request.baseline;
    const double parts = double(request.methods.size()) * (request.quality ? 2.0 : 1.0);
    double done = 0.0;   // parts finished
    const auto share = [&](double fraction) {
        return !request.progress || request.progress(std::min(1.0, (done + fraction) / std::max(1.0, parts)));
    };
    options.progress = share;
    for (const MethodChoice& choice : request.methods) {
        if (!share(0.0))
            throw ExplainCancelled();
        MethodResult m;
        try {
            if (isCounterfactualMethod(choice.method)) {
                if (!request.counterfactualTarget)
                    throw ExplainError(choice.method + ": no counterfactual target was given");
                CounterfactualTarget t = *request.counterfactualTarget;
                if (t.output < 0)
                    t.output = target;
                m = counterfactual(fitted, choice, t, options);
            } else {
                m = explain(fitted, target, choice, options);
            }
        } catch (const ExplainCancelled&) {
            throw;
        } catch (const ExplainError& e) {
            m = failedMethod(choice.method, e.what());
        }
        done += 1.0;
        d.methods.push_back(std::move(m));
        if (request.methodDone)
            request.methodDone(d.methods.back());
    }
    if (request.quality) {
        for (MethodResult& m : d.methods) {
            if (!m.explanation)
                continue;
            try {
                m.scorecard = score(fitted, *m.explanation, request.truth, options);
            } catch (const ExplainCancelled&) {
                throw;
            } catch (const ExplainError& e) {
                m.scoreError = e.what();   // the map stands; only its scorecard is missing, and says why
            }
            done += 1.0;
        }
        agreeScoredMethods(d);
        for (const MethodResult& m : d.methods)
            if (request.scored && (m.scorecard || !m.scoreError.empty()))
                request.scored(m);
        ResultsQuality q;
        q.groundTruth = request.truth ? request.truth->file : std::string();
        for (const auto w : model_->card().labelWaves)
            q.labelWaves.push_back(keyOf(w));
        q.notes = request.qualityNotes;
        d.quality = q;
    }
    if (request.progress)
        request.progress(1.0);
    d.totalMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (fittedOut)
        *fittedOut = std::move(fitted);
    return d;
}

} // namespace execg
