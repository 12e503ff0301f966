#include "workbench/Workbench.h"

#include "counterfactual/torch/CounterfactualRegistry.h"
#include "dsp/FilterPresets.h"
#include "explain/Explainer.h"
#include "explain/WaveSummary.h"
#include "model/torch/TorchModel.h"
#include "quality/MapMetrics.h"
#include "recording/Deidentify.h"
#include "render/EvidenceText.h"
#include "render/LocaleFormat.h"
#include "render/Text.h"
#include "synth/EcgSynthesizer.h"
#include "workbench/BundledResources.h"
#include "workbench/ConceptTests.h"
#include "workbench/RecordingLoader.h"
#include "workbench/Settings.h"
#include "workbench/Teaching.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace execg {

namespace {

// A step's progress and cancel are its job's.
StepOptions stepOptions(const JobControl& control)
{
    StepOptions options;
    options.progress = [&control](double f) { return control.report(f); };
    return options;
}

// Each map is 2 × leads × samples floats (model and recording axis): 64 of 10 s 12-lead cases stay under 40 MB.
constexpr int kCacheSize = 64;

} // namespace

QString titleOf(const std::string& method)
{
    const Explainer* e = ExplainerRegistry::instance().find(method);
    return e ? q(e->info().title) : q(method);
}

Workbench::Workbench(QObject* parent) : QObject(parent)
{
    deidentify_ = Settings().value(setting::deidentify);
    runner_ = new AnalysisRunner(this);
    conceptTests_ = new ConceptTests(*runner_, this);
    teaching_ = new Teaching(this);
    loader_ = new RecordingLoader(this);
    cases_ = new CaseList(this);
    connect(loader_, &RecordingLoader::loaded, this, &Workbench::caseLoaded);
    connect(loader_, &RecordingLoader::failed, this, &Workbench::caseLoadFailed);
    connect(runner_, &AnalysisRunner::jobQueued, this, [this] { emit busyChanged(true); });
    connect(runner_, &AnalysisRunner::idle, this, [this] { emit busyChanged(loading()); });
    connect(runner_, &AnalysisRunner::jobProgress, this, [this](int job, double f) {
        if (const int i = entryForJob(job, false); i >= 0) {
            entries_[std::size_t(i)].progress = f;
            if (entries_[std::size_t(i)].state == JobState::Queued)
                entries_[std::size_t(i)].state = JobState::Running;
            emit explanationUpdated(i);
        } else if (job == counterfactualJob_) {
            emit counterfactualProgress(f);
        } else if (const int k = entryForJob(job, true); k >= 0) {
            entries_[std::size_t(k)].qualityProgress = f;
            entries_[std::size_t(k)].qualityState = JobState::Running;
            emit qualityUpdated(k);
        }
    });
}

Workbench::~Workbench() = default;

QString Workbench::caseAlias(int index) const { return tr("case %1").arg(std::max(0, index) + 1); }

void Workbench::setDeidentify(bool on)
{
    if (on == deidentify_)
        return;
    deidentify_ = on;
    Settings().setValue(setting::deidentify, on);
    emit deidentifyChanged(on);
    if (!casePath_.isEmpty())
        openCaseAt(cases_->indexOf(casePath_));   // read again: the shown case follows the switch either way
}

const SignalGroup* Workbench::group() const
{
    return recording_ && group_ >= 0 && group_ < int(recording_->groups.size()) ? &recording_->groups[std::size_t(group_)] : nullptr;
}

bool Workbench::loading() const { return loader_->busy(); }

int Workbench::submitForCurrent(const int& generation, const QString& title, AnalysisRunner::Work work, AnalysisRunner::Done done)
{
    // The generation the job starts under; a job that returns under another is dropped.
    const int started = generation;
    return runner_->submit(title, std::move(work), [&generation, started, done = std::move(done)](JobState state, const QString& message) {
        if (generation == started && done)
            done(state, message);
    });
}

// --- the case -----------------------------------------------------------------------------------------------------

void Workbench::openPaths(const QStringList& paths)
{
    const int first = cases_->add(paths);
    if (first < 0) {
        emit caseFailed(paths.join(QStringLiteral(", ")), tr("%1: no readable ECG files (DICOM, WFDB header, NumPy)").arg(paths.join(QStringLiteral(", "))));
        return;
    }
    openCaseAt(first);
}

void Workbench::openCaseAt(int index)
{
    if (index < 0 || index >= cases_->size())
        return;
    cases_->setCurrent(index);
    pendingPath_ = cases_->entries()[std::size_t(index)].path;
    loader_->load(pendingPath_);
    emit busyChanged(true);
    emit message(tr("Reading %1 …").arg(deidentify_ ? caseAlias(index) : QFileInfo(pendingPath_).fileName()));
}

void Workbench::nextCase() { openCaseAt(std::min(cases_->current() + 1, cases_->size() - 1)); }

void Workbench::previousCase() { openCaseAt(std::max(cases_->current() - 1, 0)); }

void Workbench::caseLoaded(std::shared_ptr<const Recording> recording, qint64 ms)
{
    if (!recording || recording->groups.empty()) {
        caseLoadFailed(pendingPath_, tr("%1: has no signal groups").arg(pendingPath_));
        return;
    }
    recording_ = deidentify_ ? std::make_shared<const Recording>(deidentified(*recording, caseAlias(cases_->indexOf(pendingPath_)).toStdString()))
                             : std::move(recording);
    casePath_ = pendingPath_;
    const QFileInfo info(casePath_);
    caseIdentity_ = casePath_ + QLatin1Char('|') + QString::number(info.size()) + QLatin1Char('|') +
                    QString::number(info.lastModified().toMSecsSinceEpoch());
    // A file of median beats only has no primary group: its first group is shown rather than none.
    group_ = std::max(0, recording_->primaryGroupIndex());
    lastReadMs_ = ms;
    cases_->markOpened(casePath_);
    teaching_->setCase(QFileInfo(casePath_).absoluteFilePath());
    std::vector<std::string> notes;
    truth_ = quality::groundTruthBeside(casePath_.toStdString(), *group(), notes);
    for (const auto& n : notes)
        emit message(q(n));
    if (!modelLead_.isEmpty()) {
        const auto& leads = group()->leads;
        if (std::none_of(leads.begin(), leads.end(), [&](const Lead& l) { return q(l.name) == modelLead_; }))
            modelLead_.clear();   // the chosen lead is not in this case: the card's own again
    }
    measurements_.reset();   // before resetAnalysis: its signals must not show the last case's measurements
    ++caseGeneration_;
    runner_->cancel(measureJob_);
    display_.reset();
    resetAnalysis();
    emit caseOpened();
    startDisplayFilter();
    emit busyChanged(runner_->busy());
    startMeasuring();
    if (!followCaseWithModel())
        startPrediction();
}

bool Workbench::followCaseWithModel()
{
    if (modelChosenByUser_ || !recording_)
        return false;
    const bool synthetic = synth::isSyntheticRecording(*recording_);
    const QString wanted = synthetic ? defaultModelPath() : realRecordingModelPath();
    if (wanted == requestedModelPath_ || !QFileInfo::exists(wanted))
        return false;
    emit message(synthetic ? tr("A synthetic recording: the potassium demo model, trained on synthetic ECGs for teaching, "
                                "is used. Choose another model in the model panel.")
                           : tr("A real recording: the AF model trained on real ECGs (PhysioNet/CinC 2017) is used; the "
                                "synthetic demo models remain for teaching. Choose another model in the model panel."));
    loadModel(wanted, std::nullopt, ModelChoice::Automatic);
    return true;
}

void Workbench::setDisplayFilter(const QString& preset, double mainsHz)
{
    if (preset == displayPreset_ && mainsHz == displayMains_)
        return;
    displayPreset_ = preset;
    displayMains_ = mainsHz;
    startDisplayFilter();
}

void Workbench::startDisplayFilter()
{
    const int generation = ++displayGeneration_;
    if (!recording_ || (displayPreset_.isEmpty() && displayMains_ <= 0.0)) {
        display_.reset();
        displayNote_.clear();
        emit displayChanged();
        return;
    }
    dsp::FilterSpec spec;
    const std::optional<double> mains = displayMains_ > 0.0 ? std::optional<double>(displayMains_) : std::nullopt;
    if (const auto preset = dsp::filterPreset(displayPreset_.toStdString(), mains))
        spec = *preset;
    else
        spec.notchHz = mains;
    QStringList parts;
    if (spec.highPassHz && spec.lowPassHz)
        parts << tr("%1–%2 Hz").arg(*spec.highPassHz).arg(*spec.lowPassHz);
    if (spec.notchHz)
        parts << tr("notch %1 Hz").arg(*spec.notchHz);
    displayNote_ = tr("display filter %1").arg(parts.join(QStringLiteral(", ")));
    // Filtering is not a model job: it runs beside the model on Qt's global pool.
    auto watcher = new QFutureWatcher<std::shared_ptr<const Recording>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<const Recording>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != displayGeneration_)
            return;
        display_ = watcher->result();
        emit displayChanged();
    });
    watcher->setFuture(QtConcurrent::run([rec = recording_, spec] {
        auto filtered = std::make_shared<Recording>(*rec);
        for (auto& g : filtered->groups)
            dsp::applyFilters(g, spec);
        return std::shared_ptr<const Recording>(std::move(filtered));
    }));
}

void Workbench::startMeasuring()
{
    auto result = std::make_shared<std::shared_ptr<const EcgMeasurements>>();
    measureJob_ = submitForCurrent(caseGeneration_, tr("Measuring"), [rec = recording_, g = group_, result](const JobControl&) {
        *result = std::make_shared<const EcgMeasurements>(measureEcg(rec->groups[std::size_t(g)]));
    }, [this, result](JobState state, const QString& error) {
        if (state == JobState::Finished)
            measurements_ = *result;
        else if (state == JobState::Failed)
            emit message(tr("The measurements could not be made: %1").arg(error));
        emit measurementsChanged();
    });
}

void Workbench::caseLoadFailed(const QString& path, const QString& message)
{
    cases_->markFailed(path, message);
    emit busyChanged(runner_->busy());
    emit caseFailed(path, message);
}

QString Workbench::caseKey() const { return caseIdentity_ + QLatin1Char('|') + QString::number(group_); }

// --- the model ----------------------------------------------------------------------------------------------------

void Workbench::loadModel(const QString& path, const std::optional<ModelCard>& given, ModelChoice choice)
{
    modelChosenByUser_ = choice == ModelChoice::User;
    requestedModelPath_ = path;
    const int request = ++modelRequest_;
    const std::string file = path.toStdString();
    auto loaded = std::make_shared<std::shared_ptr<const TorchModel>>();
    modelJob_ = runner_->submit(tr("Loading model %1").arg(QFileInfo(path).fileName()), [file, given, loaded](const JobControl&) {
        const std::string card = modelCardPathFor(file);
        if (!given && !QFileInfo::exists(QString::fromStdString(card)))
            throw ModelError(file, "no model card beside it (" + card + "); ExECG Studio needs the card to know the "
                                   "model's leads, rate, units and outputs");
        auto model = std::make_shared<const TorchModel>(file, given ? *given : loadModelCard(card));
        try {
            defaultExplainerNames(model->card());   // a card naming no method fails here, not in a slot later
        } catch (const ExplainError& e) {
            throw ModelError(file, e.what());
        }
        // Without a card every submodule is offered for the layer methods: find here, off the GUI thread, which
        // of them the model can give (the answers are kept), so the layer list opens at once.
        if (model->card().inferred)
            for (const auto& name : model->submodules())
                model->layerProblem(name);
        *loaded = model;
    }, [this, path, loaded, request](JobState state, const QString& error) {
        if (request != modelRequest_)
            return;   // another model was asked for meanwhile: the last one asked for wins
        if (state != JobState::Finished) {
            modelError_ = state == JobState::Cancelled ? tr("%1: loading was cancelled").arg(path) : error;
            emit modelFailed(path, modelError_);
            return;
        }
        model_ = *loaded;
        modelPath_ = path;
        modelError_.clear();
        resetAnalysis();
        conceptTests_->reset();
        emit modelLoaded();
        startPrediction();
    });
}

// --- the prediction -----------------------------------------------------------------------------------------------

void Workbench::resetAnalysis()
{
    ++generation_;
    ++explainGeneration_;
    runner_->cancel(predictJob_);
    runner_->cancel(counterfactualJob_);
    counterfactualJob_ = 0;
    counterfactual_.reset();
    counterfactualError_.clear();
    emit counterfactualChanged();
    for (const auto& e : entries_) {
        runner_->cancel(e.job);
        runner_->cancel(e.qualityJob);
    }
    entries_.clear();
    analysis_.reset();
    fitted_.reset();
    prediction_.reset();
    raw_.clear();
    predictionError_.clear();
    runner_->cancel(uncertaintyJob_);
    uncertaintyJob_ = 0;
    uncertainty_.reset();
    uncertaintyError_.clear();
    emit predictionChanged();
    emit uncertaintyChanged();
    emit explanationsChanged();
}

AdaptOptions Workbench::adaptOptions() const
{
    AdaptOptions adapt;
    if (model_->card().input.leads.size() == 1)   // the choice is kept for the next single-lead model
        adapt.lead = modelLead_.toStdString();
    return adapt;
}

void Workbench::startPrediction()
{
    if (!recording_ || !model_)
        return;
    // De-identified, every result names the case by its alias: the file's own name may carry the patient's.
    analysis_ = std::make_shared<const CaseAnalysis>(
        recording_, group_, model_,
        CaseFiles{casePath_.toStdString(), modelPath_.toStdString(), deidentify_ ? recording_->sourcePath : std::string()});
    struct Result {
        std::shared_ptr<const FittedCase> fitted;
        PredictionResult prediction;
    };
    auto result = std::make_shared<Result>();
    const AdaptOptions adapt = adaptOptions();
    predictJob_ = submitForCurrent(generation_, tr("Predicting"), [analysis = analysis_, adapt, result](const JobControl&) {
        analysis->inputSha256();   // read here, off the GUI thread, for the exports that cite it
        auto fitted = std::make_shared<const FittedCase>(analysis->fit(adapt));
        result->prediction = analysis->predict(*fitted);
        result->fitted = std::move(fitted);
    }, [this, result](JobState state, const QString& error) {
        const Prediction& p = result->prediction.prediction;
        if (state != JobState::Finished || !p.problem.empty()) {
            predictionError_ = state == JobState::Finished ? q(p.problem) : error;
            emit predictionChanged();
            return;
        }
        fitted_ = result->fitted;
        raw_ = result->prediction.raw;
        prediction_ = p;
        target_ = CaseAnalysis::chooseTarget(raw_, requestedTarget_ >= 0 ? std::optional<int>(requestedTarget_) : std::nullopt);
        emit predictionChanged();
        // The maps first: on the model's one worker the stability check (tens of model calls, about a second on a
        // 60 s recording with the real AF model) queues behind them.
        if (autoRun_)
            runExplanations();
        startUncertainty();
    });
}

void Workbench::startUncertainty()
{
    runner_->cancel(uncertaintyJob_);
    uncertainty_.reset();
    uncertaintyError_.clear();
    emit uncertaintyChanged();
    if (!analysis_ || !fitted_ || !prediction_)
        return;
    auto result = std::make_shared<UncertaintyResult>();
    const AdaptOptions adapt = adaptOptions();
    const PredictionResult made{raw_, *prediction_};
    uncertaintyJob_ = submitForCurrent(generation_, tr("Checking the prediction's stability"),
                                       [analysis = analysis_, fitted = fitted_, made, target = target_, adapt, result](const JobControl&) {
                                           *result = analysis->uncertainty(*fitted, made, target, adapt);
                                       },
                                       [this, result](JobState state, const QString& error) {
                                           if (state == JobState::Finished)
                                               uncertainty_ = *result;
                                           else if (state == JobState::Failed)
                                               uncertaintyError_ = error;
                                           emit uncertaintyChanged();
                                       });
}

void Workbench::setModelLead(const QString& lead)
{
    if (lead == modelLead_)
        return;
    modelLead_ = lead;
    resetAnalysis();
    startPrediction();
}

QString Workbench::predictedFromLead() const
{
    if (!fitted_ || !model_ || model_->card().input.leads.size() != 1 || fitted_->input.sourceLead.empty())
        return {};
    const int source = fitted_->input.sourceLead.front();
    const auto* g = group();
    return g && source >= 0 && source < int(g->leads.size()) ? q(g->leads[std::size_t(source)].name) : QString();
}

QString Workbench::predictionText() const
{
    if (!prediction_)
        return {};
    const auto line = [](const OutputValue& o) {
        if (o.probability)
            return tr("%1: %2 %").arg(q(o.label)).arg(localNumber(100.0 * o.value, 'f', 1));
        return QStringLiteral("%1: %2 %3").arg(q(o.label)).arg(localNumber(o.value, 'f', 2)).arg(q(o.unit)).trimmed();
    };
    QStringList lines;
    for (std::size_t k = 0; k < prediction_->outputs.size(); ++k)
        lines << (int(k) == target_ && prediction_->outputs.size() > 1 ? QStringLiteral("▶ ") : QString()) + line(prediction_->outputs[k]);
    return lines.join(QLatin1Char('\n'));
}

void Workbench::setTarget(int output)
{
    requestedTarget_ = output;
    if (!prediction_)
        return;
    const int target = CaseAnalysis::chooseTarget(raw_, output >= 0 ? std::optional<int>(output) : std::nullopt);
    if (target == target_)
        return;
    target_ = target;
    emit predictionChanged();
    runExplanations();
    startUncertainty();
}

// --- explanations -------------------------------------------------------------------------------------------------

void Workbench::setMethods(const std::vector<MethodChoice>& methods) { methods_ = methods; }

QString Workbench::cacheKey(const MethodChoice& choice) const
{
    // The card too: the same weights read with another card (leads, rate, normalisation) are another model.
    QString key = caseKey() + QLatin1Char('|') + q(model_ ? model_->sha256() : std::string()) + QLatin1Char('|') +
                  QString::number(model_ ? qHash(q(modelCardToJson(model_->card()))) : 0) + QLatin1Char('|') +
                  QString::number(target_) + QLatin1Char('|') + q(choice.method);
    const Explainer* e = ExplainerRegistry::instance().find(choice.method);
    try {
        // Resolved, so "steps=50" given and the default 50 are one entry.
        const auto values = e ? resolveParameters(choice.method, e->info().parameters, choice.parameters).all() : choice.parameters;
        for (const auto& [k, v] : values)
            key += QLatin1Char('|') + q(k) + QLatin1Char('=') + q(v);
    } catch (const ExplainError&) {
        for (const auto& [k, v] : choice.parameters)
            key += QLatin1Char('|') + q(k) + QLatin1Char('=') + q(v);
    }
    return key;
}

void Workbench::remember(const QString& key, const ExplanationEntry& entry)
{
    if (!cache_.contains(key))
        cacheOrder_ << key;
    cache_[key] = Cached{entry.explanation, entry.headline, entry.summary, nullptr};
    while (cacheOrder_.size() > kCacheSize)
        cache_.remove(cacheOrder_.takeFirst());
}

int Workbench::entryForJob(int job, bool quality) const
{
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if ((quality ? entries_[i].qualityJob : entries_[i].job) == job && job != 0)
            return int(i);
    return -1;
}

int Workbench::finishedExplanations() const
{
    return int(std::count_if(entries_.begin(), entries_.end(), [](const ExplanationEntry& e) { return e.explanation != nullptr; }));
}

void Workbench::runExplanations()
{
    for (const auto& e : entries_) {
        runner_->cancel(e.job);
        runner_->cancel(e.qualityJob);
    }
    ++explainGeneration_;
    entries_.clear();
    if (!fitted_ || !analysis_) {
        emit explanationsChanged();
        return;
    }
    for (const MethodChoice& choice : methods_) {
        ExplanationEntry entry;
        entry.choice = choice;
        entry.title = titleOf(choice.method);
        const QString key = cacheKey(choice);
        if (const auto it = cache_.constFind(key); it != cache_.constEnd()) {
            entry.state = JobState::Finished;
            entry.progress = 1.0;
            entry.fromCache = true;
            entry.explanation = it->explanation;
            entry.headline = it->headline;
            entry.summary = it->summary;
            entry.scorecard = it->scorecard;
            if (entry.scorecard)
                entry.qualityState = JobState::Finished;
            entries_.push_back(std::move(entry));
            continue;
        }
        auto result = std::make_shared<MethodResult>();
        entry.job = submitForCurrent(
            explainGeneration_, tr("%1 on %2").arg(entry.title, deidentify_ ? QString::fromStdString(recording_->sourcePath) : QFileInfo(casePath_).fileName()),
            [choice, analysis = analysis_, fitted = fitted_, target = target_, result](const JobControl& control) {
                const StepOptions options = stepOptions(control);
                *result = analysis->explain(*fitted, target, choice, options);
            },
            // Entries are only ever rebuilt under a new generation, so the index still names this one.
            [this, i = int(entries_.size()), key, result](JobState state, const QString& error) {
                ExplanationEntry& done = entries_[std::size_t(i)];
                if (done.state == JobState::Cancelled && state != JobState::Finished)
                    return;   // already shown as cancelled
                done.state = state;
                done.error = error;
                if (state == JobState::Finished) {
                    done.progress = 1.0;
                    done.explanation = result->explanation;
                    done.summary = std::make_shared<const AttributionSummary>(*result->summary);
                    done.headline = evidenceHeadline(*result->summary);
                    remember(key, done);
                }
                emit explanationUpdated(i);
            });
        entries_.push_back(std::move(entry));
    }
    emit explanationsChanged();
}

void Workbench::cancelExplanations()
{
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        ExplanationEntry& e = entries_[i];
        if (e.state == JobState::Queued || e.state == JobState::Running) {
            runner_->cancel(e.job);
            if (e.state == JobState::Queued) {   // never started: nothing to wait for
                e.state = JobState::Cancelled;
                emit explanationUpdated(int(i));
            }
        }
        if (e.qualityJob != 0 && (e.qualityState == JobState::Queued || e.qualityState == JobState::Running))
            runner_->cancel(e.qualityJob);
    }
}

// --- explanation quality ------------------------------------------------------------------------------------------

void Workbench::assessQuality()
{
    if (!fitted_ || !analysis_)
        return;
    auto truth = std::make_shared<const std::optional<quality::GroundTruth>>(truth_);
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        ExplanationEntry& entry = entries_[i];
        if (!entry.explanation || entry.scorecard || entry.qualityJob != 0)
            continue;
        auto result = std::make_shared<std::shared_ptr<const quality::Scorecard>>();
        const QString key = cacheKey(entry.choice);
        entry.qualityState = JobState::Queued;
        entry.qualityJob = submitForCurrent(
            explainGeneration_, tr("Quality of %1").arg(entry.title),
            [analysis = analysis_, fitted = fitted_, e = entry.explanation, truth, result](const JobControl& control) {
                const StepOptions options = stepOptions(control);
                *result = std::make_shared<const quality::Scorecard>(analysis->score(*fitted, *e, *truth, options));
            },
            [this, i, key, result](JobState state, const QString& error) {
                if (i >= entries_.size())
                    return;
                ExplanationEntry& done = entries_[i];
                done.qualityState = state;
                done.qualityError = error;
                done.qualityJob = state == JobState::Finished ? done.qualityJob : 0;   // may be asked again
                if (state == JobState::Finished) {
                    done.qualityProgress = 1.0;
                    done.scorecard = *result;
                    if (const auto it = cache_.find(key); it != cache_.end())
                        it->scorecard = *result;
                }
                emit qualityUpdated(int(i));
            });
    }
    updateAgreement();
}

void Workbench::updateAgreement()
{
    // Rank correlations between every pair of maps: tens of milliseconds, so off the GUI thread like the rest.
    auto methods = std::make_shared<std::vector<MethodResult>>();
    auto index = std::make_shared<std::vector<std::size_t>>();
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].explanation) {
            methods->push_back(attributionResult(entries_[i].choice.method, entries_[i].explanation));
            index->push_back(i);
        }
    if (methods->empty())
        return;
    auto mean = std::make_shared<std::vector<double>>();
    submitForCurrent(explainGeneration_, tr("Agreement between the methods"), [methods, mean](const JobControl&) {
        std::vector<const MethodResult*> maps;
        for (const auto& m : *methods)
            maps.push_back(&m);
        const ResultsAgreement a = agreementBetween(maps);
        *mean = quality::meanAgreement({a.rankCorrelation, a.topKOverlap});
    }, [this, index, mean](JobState state, const QString&) {
        if (state != JobState::Finished)
            return;
        for (std::size_t k = 0; k < index->size() && k < mean->size(); ++k)
            if ((*index)[k] < entries_.size()) {
                entries_[(*index)[k]].agreement = (*mean)[k];
                emit qualityUpdated(int((*index)[k]));
            }
    });
}

// --- counterfactual ----------------------------------------------------------------------------------------------

QString Workbench::counterfactualUnavailable(const QString& method) const
{
    if (!model_)
        return tr("no model is loaded");
    return q(CounterfactualRegistry::instance().unavailableReason(method.toStdString(), model_->card()));
}

void Workbench::runCounterfactual(const QString& method, int output, double value)
{
    if (!fitted_ || !analysis_) {
        counterfactualError_ = tr("Open a case and let the model predict first.");
        emit counterfactualChanged();
        return;
    }
    runner_->cancel(counterfactualJob_);
    counterfactual_.reset();
    counterfactualError_.clear();
    auto result = std::make_shared<std::shared_ptr<const CounterfactualResult>>();
    const CounterfactualTarget target{output, value};
    counterfactualJob_ = submitForCurrent(
        generation_, tr("Counterfactual towards %1").arg(value),
        [choice = MethodChoice{method.toStdString(), {}}, analysis = analysis_, fitted = fitted_, target,
         result](const JobControl& control) {
            const StepOptions options = stepOptions(control);
            *result = analysis->counterfactual(*fitted, choice, target, options).counterfactual;
        },
        [this, result](JobState state, const QString& error) {
            counterfactualJob_ = 0;
            if (state == JobState::Finished)
                counterfactual_ = *result;
            else
                counterfactualError_ = state == JobState::Cancelled ? tr("cancelled") : error;
            emit counterfactualChanged();
        });
    emit counterfactualChanged();
}

void Workbench::cancelCounterfactual() { runner_->cancel(counterfactualJob_); }

} // namespace execg
