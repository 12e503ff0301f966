#include "counterfactual/torch/CounterfactualRegistry.h"

#include "counterfactual/torch/InputCounterfactual.h"
#include "counterfactual/torch/LatentCounterfactual.h"
#include "counterfactual/torch/ParametricCounterfactual.h"

namespace execg {

namespace {

CounterfactualMethod inputMethod()
{
    return {"cf-input", "Input-space counterfactual",
            "The recording itself changes, smoothly and band-limited, on the leads allowed to move.",
            inputCounterfactualParameters(), false, [](const CounterfactualRequest& q) {
                auto o = inputCounterfactualOptions(q.parameters);
                o.progress = q.progress;
                return inputCounterfactual(*q.model, *q.group, *q.input, q.target, o);
            }};
}

CounterfactualMethod parametricMethod()
{
    return {"cf-parametric", "Parametric (beat) counterfactual",
            "The beats' wave amplitudes per lead, PR, QRS, QT, P and T widths and RR intervals change, and say so in words.",
            parametricCounterfactualParameters(), false, [](const CounterfactualRequest& q) {
                auto o = parametricCounterfactualOptions(q.parameters);
                o.progress = q.progress;
                return parametricCounterfactual(*q.model, *q.group, *q.input, q.target, o);
            }};
}

CounterfactualMethod latentMethod()
{
    return {"cf-latent", "Generator (latent) counterfactual",
            "The recording's code in the model card's generator moves; the change is what the generator draws.",
            latentCounterfactualParameters(), true, [](const CounterfactualRequest& q) {
                auto o = latentCounterfactualOptions(q.parameters);
                o.progress = q.progress;
                return latentCounterfactual(*q.model, *q.generator, *q.group, *q.input, q.target, o);
            }};
}

} // namespace

CounterfactualRegistry& CounterfactualRegistry::instance()
{
    static CounterfactualRegistry registry = [] {
        CounterfactualRegistry r;
        r.add(inputMethod());
        r.add(parametricMethod());
        r.add(latentMethod());
        return r;
    }();
    return registry;
}

void CounterfactualRegistry::add(CounterfactualMethod method) { methods_.push_back(std::move(method)); }

const CounterfactualMethod* CounterfactualRegistry::find(const std::string& name) const
{
    for (const auto& m : methods_)
        if (m.name == name)
            return &m;
    return nullptr;
}

std::string CounterfactualRegistry::unavailableReason(const std::string& name, const ModelCard& card) const
{
    const auto* m = find(name);
    if (!m)
        return "no counterfactual method is called '" + name + "'";
    if (m->needsGenerator && !card.generator)
        return "the model card of '" + card.name + "' names no generator (its \"generator\" entry), so " + name +
               " cannot run; cf-input and cf-parametric need none";
    return {};
}

CounterfactualResult CounterfactualRegistry::run(const std::string& name, CounterfactualRequest request,
                                                 const std::map<std::string, std::string>& parameters) const
{
    const auto* m = find(name);
    if (!m || !request.model || !request.group || !request.input)
        throw ExplainError(m ? "counterfactual: model, recording and input are all needed" : unavailableReason(name, {}));
    if (const auto why = unavailableReason(name, request.model->card()); !why.empty())
        throw ExplainError(why);
    if (m->needsGenerator && !request.generator)
        throw ExplainError(name + ": the model card's generator could not be loaded");
    if (!parameters.empty() || request.parameters.all().empty())
        request.parameters = resolveParameters(name, m->parameters, parameters);
    return m->run(request);
}

} // namespace execg
