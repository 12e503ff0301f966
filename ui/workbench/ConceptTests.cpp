#include "workbench/ConceptTests.h"

#include "model/torch/TorchModel.h"
#include "workbench/AnalysisRunner.h"

namespace execg {

ConceptTests::ConceptTests(AnalysisRunner& runner, QObject* parent) : QObject(parent), runner_(runner)
{
    connect(&runner_, &AnalysisRunner::jobProgress, this, [this](int job, double f) {
        if (job != 0 && job == job_)
            emit progress(f);
    });
}

void ConceptTests::run(std::shared_ptr<const TorchModel> model, const ConceptTestRequest& request)
{
    cancel();
    result_.reset();
    error_.clear();
    if (!model) {
        error_ = tr("Load a model first.");
        emit changed();
        return;
    }
    if (request.concepts.isEmpty()) {
        error_ = tr("Choose at least one concept.");
        emit changed();
        return;
    }
    auto result = std::make_shared<std::shared_ptr<const TcavResult>>();
    const int generation = ++generation_;
    job_ = runner_.submit(
        tr("Concept tests (%n concept(s))", nullptr, int(request.concepts.size())),
        [model, request, result](const JobControl& control) {
            const double rate = model->card().input.samplingRateHz;
            const double seconds = tcav::conceptExampleSeconds(model->card().input);
            std::vector<tcav::ConceptSet> concepts;
            for (const auto& spec : request.concepts)
                concepts.push_back(tcav::conceptSetFromSpec(spec.toStdString(), request.examples, request.seed, rate, seconds));
            const auto pool = tcav::randomPoolSet(request.randomPool.toStdString(), request.examples, request.seed, rate, seconds);
            tcav::ConceptSet inputs = request.inputs.isEmpty()
                                          ? tcav::builtinConceptSet("random", request.examples, request.seed + 999, rate, seconds)
                                          : tcav::folderConceptSet(request.inputs.toStdString());
            inputs.name = "inputs";
            TcavOptions o;
            for (const auto& layer : request.layers)
                o.layers.push_back(layer.toStdString());
            o.runs = request.runs;
            o.seed = request.seed;
            o.progress = [&control](double f) { return control.report(f); };
            *result = std::make_shared<const TcavResult>(runTcav(*model, concepts, pool, inputs, request.target, o));
        },
        [this, generation, result](JobState state, const QString& message) {
            if (generation != generation_)
                return;
            job_ = 0;
            if (state == JobState::Finished)
                result_ = *result;
            else
                error_ = state == JobState::Cancelled ? tr("cancelled") : message;
            emit changed();
        });
    emit changed();
}

void ConceptTests::cancel()
{
    if (job_ != 0)
        runner_.cancel(job_);
}

void ConceptTests::reset()
{
    cancel();
    ++generation_;
    job_ = 0;
    result_.reset();
    error_.clear();
    emit changed();
}

} // namespace execg
