#include "cohort/torch/CohortRunner.h"

#include "io/ReaderRegistry.h"
#include "measure/Measurements.h"
#include "model/Sha256.h"
#include "model/torch/TorchModel.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

namespace execg {

CohortIdentity cohortIdentity(const TorchModel& model, const std::string& modelPath, const std::vector<std::string>& methodNames,
                              const std::string& counterfactualTarget, const std::vector<std::string>& labelColumns)
{
    CohortIdentity id;
    id.modelSha256 = model.sha256();
    id.modelName = model.card().name;
    id.modelFile = modelPath;
    id.methods = methodNames;
    id.counterfactualTarget = counterfactualTarget;
    id.labelColumns = labelColumns;
    id.software = softwareVersions().at("execg");
    return id;
}

CohortRecord analyseCohortRecord(const CohortInput& input, const std::shared_ptr<const TorchModel>& model,
                                 const std::string& modelPath, const CohortRunOptions& options)
{
    const auto t0 = std::chrono::steady_clock::now();
    CohortRecord r;
    try {
        auto recording = std::make_shared<Recording>(ReaderRegistry::instance().read(input.path, options.read));
        if (recording->groups.empty())
            throw AnalysisError(input.path + ": has no signal groups");
        const int groupIndex = recording->primaryGroupIndex();
        const CaseAnalysis analysis(recording, groupIndex, model, {input.path, modelPath, {}});
        // One ECG among thousands is not looked at by a person: a recording that fills less than half of what the
        // model sees (a truncated file, a strip cut short) would enter the population's figures as padding.
        const SignalGroup& g = analysis.group();
        const double seconds = g.samplingRateHz > 0 && !g.leads.empty() ? double(g.leads.front().samples.size()) / g.samplingRateHz : 0.0;
        const ModelInput& need = model->card().input;
        // A model that reads shorter recordings at their own length pads only up to its shortest input.
        const int seen = need.shortestLength();
        const double needSeconds = need.samplingRateHz > 0 ? double(seen) / need.samplingRateHz : 0.0;
        if (seconds < kCohortMinimumCoverage * needSeconds) {
            char text[200];
            std::snprintf(text, sizeof text, ": holds %.2f s; the model sees %s%.2f s, and a cohort analyses a recording only when "
                          "it fills at least half of that", seconds, need.takesShorterInputs() ? "at least " : "", needSeconds);
            std::string reason = input.path + text;
            for (const auto& w : recording->warnings)
                reason += " (" + w + ")";
            throw AnalysisError(reason);
        }
        AnalysisRequest request;
        request.adapt = options.adapt;
        request.methods = options.methods;
        request.counterfactualTarget = options.counterfactualTarget;
        request.quality = options.quality;
        const ResultsDocument document = analysis.run(request);
        const EcgMeasurements measurements = measureEcg(analysis.group());
        r = cohortRecordFrom(document, analysis.group(), measurements, options.methodNames,
                             CohortRecordOptions{options.fullMaps, options.quality});
    } catch (const std::exception& e) {
        r = CohortRecord{};
        r.error = e.what();
        // Every reason names the file, whichever layer raised it.
        if (r.error.find(input.path) == std::string::npos)
            r.error = input.path + ": " + r.error;
        try {
            if (std::filesystem::is_regular_file(input.path))
                r.sha256 = sha256OfFile(input.path);
        } catch (const std::exception&) {
        }
    }
    r.input = input.path;
    r.labels = input.labels;
    r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

CohortRunSummary runCohort(CohortStore& store, const std::vector<CohortInput>& inputs, const std::shared_ptr<const TorchModel>& model,
                           const std::string& modelPath, const CohortRunOptions& options)
{
    const auto t0 = std::chrono::steady_clock::now();
    CohortRunSummary summary;
    summary.inputs = int(inputs.size());
    const auto settled = store.settledInputs();
    std::vector<const CohortInput*> todo;
    for (const auto& input : inputs)
        if (settled.count(input.path))
            ++summary.alreadyStored;
        else
            todo.push_back(&input);
    CohortProgress progress;
    progress.total = int(todo.size());
    for (const CohortInput* input : todo) {
        const CohortRecord record = analyseCohortRecord(*input, model, modelPath, options);
        store.add(record);
        ++(record.error.empty() ? summary.analysed : summary.failed);
        ++progress.done;
        progress.failed = summary.failed;
        progress.elapsedS = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        progress.perMinute = progress.elapsedS > 0 ? 60.0 * progress.done / progress.elapsedS : 0.0;
        progress.etaS = progress.done ? progress.elapsedS / progress.done * (progress.total - progress.done) : 0.0;
        progress.last = record.input;
        progress.lastError = record.error;
        if (options.progress && !options.progress(progress) && progress.done < progress.total) {
            summary.stopped = true;
            break;
        }
    }
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return summary;
}

} // namespace execg
