#include "explain/Explainer.h"

#include "model/torch/TorchModel.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace execg {

void registerBuiltinExplainers(ExplainerRegistry& registry);   // explain/torch/BuiltinExplainers.cpp

ExplainerRegistry& ExplainerRegistry::instance()
{
    static ExplainerRegistry registry = [] {
        ExplainerRegistry r;
        registerBuiltinExplainers(r);
        return r;
    }();
    return registry;
}

void ExplainerRegistry::add(std::unique_ptr<Explainer> explainer) { explainers_.push_back(std::move(explainer)); }

const Explainer* ExplainerRegistry::find(const std::string& name) const
{
    for (const auto& e : explainers_)
        if (e->info().name == name)
            return e.get();
    return nullptr;
}

std::vector<const Explainer*> ExplainerRegistry::all() const
{
    std::vector<const Explainer*> out;
    for (const auto& e : explainers_)
        out.push_back(e.get());
    return out;
}

std::vector<std::string> defaultExplainerNames(const ModelCard& card)
{
    if (!card.defaultMethods.empty()) {
        for (const auto& m : card.defaultMethods)
            if (!ExplainerRegistry::instance().find(m))
                throw ExplainError("the model card's explain_defaults names '" + m + "', which is no explanation method "
                                   "(execg-cli explain --help lists them)");
        return card.defaultMethods;
    }
    std::vector<std::string> names;
    const bool gradCamLayer = std::any_of(card.layers.begin(), card.layers.end(), [](const ModelLayer& l) { return l.gradCam; });
    for (const char* m : {"saliency", "integrated-gradients", "smoothgrad", "grad-cam", "occlusion"})
        if (std::string(m) != "grad-cam" || gradCamLayer)
            names.emplace_back(m);
    return names;
}

int predictedTarget(const std::vector<float>& rawOutputs)
{
    return rawOutputs.empty() ? 0 : int(std::max_element(rawOutputs.begin(), rawOutputs.end()) - rawOutputs.begin());
}

Explanation runExplanation(const std::string& method, const TorchModel& model, const AdaptedInput& input, int target,
                           const ExplainOptions& options)
{
    const Explainer* explainer = ExplainerRegistry::instance().find(method);
    if (!explainer) {
        std::string list;
        for (const auto* e : ExplainerRegistry::instance().all())
            list += (list.empty() ? "" : ", ") + e->info().name;
        throw ExplainError("unknown explanation method '" + method + "' (known: " + list + ")");
    }
    const ModelCard& card = model.card();
    if (target < 0 || target >= model.outputCount())
        throw ExplainError(method + ": target " + std::to_string(target) + " is out of range; the model has " +
                           std::to_string(model.outputCount()) + " output" + (model.outputCount() == 1 ? "" : "s") +
                           " (0 to " + std::to_string(model.outputCount() - 1) + ")");
    try {
        model.checkInputShape({input});
    } catch (const ModelError&) {
        throw ExplainError(method + ": the input (" + std::to_string(input.leads) + " × " + std::to_string(input.samples) +
                           ") does not fit the model's card");
    }
    for (float v : input.values)
        if (!std::isfinite(v))
            throw ExplainError(method + ": the input holds NaN or infinity; the adapter should have replaced gaps");

    ExplainRequest request;
    request.model = &model;
    request.input = &input;
    request.target = target;
    request.baselineInput = options.baselineInput;
    request.parameters = resolveParameters(method, explainer->info().parameters, options.parameters);
    request.progress = options.progress;

    const auto t0 = std::chrono::steady_clock::now();
    request.report(0.0);
    AttributionResult result = explainer->explain(request);
    request.report(1.0);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();

    if (result.map.size() != input.values.size())
        throw ExplainError(method + ": produced " + std::to_string(result.map.size()) + " values for an input of " +
                           std::to_string(input.values.size()));
    for (float v : result.map)
        if (!std::isfinite(v))
            throw ExplainError(method + ": the attribution holds NaN or infinity (does the model give NaN near this input?)");

    Explanation e;
    e.method = method;
    e.parameters = request.parameters.all();
    if (explainer->info().stochastic)
        e.seed = std::stoull(request.parameters.text("seed"));
    e.target = target;
    e.targetLabel = card.outputs[std::size_t(target)].label;
    e.modelName = card.name;
    e.modelSha256 = model.sha256();
    e.runtimeMs = ms;
    e.leads = input.leads;
    e.samples = input.samples;
    e.modelMap = std::move(result.map);
    e.diagnostics = std::move(result.diagnostics);
    e.notes = std::move(result.notes);
    return e;
}

void mapExplanationToRecording(Explanation& explanation, const AdaptedInput& input, const SignalGroup& group)
{
    explanation.recordingMap = mapToRecording(input, explanation.modelMap, group);
}

} // namespace execg
