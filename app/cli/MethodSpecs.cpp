#include "MethodSpecs.h"

#include "counterfactual/torch/CounterfactualRegistry.h"

#include "explain/Explainer.h"


namespace execg::cli {

std::vector<MethodSpec> methodSpecs(const CliArgs& args, const ModelCard& card, const std::string& command)
{
    std::vector<std::string> given = args.values("method");
    if (given.empty())
        given = defaultExplainerNames(card);
    std::vector<MethodSpec> specs;
    std::map<std::string, int> seen;
    for (const auto& text : given) {
        MethodSpec s;
        const auto colon = text.find(':');
        const std::string name = text.substr(0, colon);
        s.choice.method = name;
        if (!ExplainerRegistry::instance().find(name) && !isCounterfactualMethod(name))
            throw UsageError(command + ": unknown method '" + name + "' (execg-cli " + command + " --help lists them)");
        try {
            if (colon != std::string::npos)
                s.choice.parameters = parseParameterList(text.substr(colon + 1));
            // A generator's parameters are checked before anything runs, as the explainers' are when they start.
            if (const auto* generator = CounterfactualRegistry::instance().find(name))
                resolveParameters(name, generator->parameters, s.choice.parameters);
        } catch (const ExplainError& e) {
            throw UsageError(command + ": " + name + ": " + e.what());
        }
        const int n = ++seen[name];
        s.file = name + (n > 1 ? "-" + std::to_string(n) : "") + ".npy";   // the same method twice, other settings
        specs.push_back(s);
    }
    return specs;
}

std::optional<int> outputIndex(const ModelCard& card, const std::string& text)
{
    for (std::size_t k = 0; k < card.outputs.size(); ++k)
        if (card.outputs[k].label == text)
            return int(k);
    try {
        std::size_t used = 0;
        const int k = std::stoi(text, &used);
        if (used == text.size() && k >= 0 && k < int(card.outputs.size()))
            return k;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::optional<int> targetFromArgs(const CliArgs& args, const ModelCard& card, const std::string& command)
{
    if (const auto t = args.value("target")) {
        if (const auto k = outputIndex(card, *t))
            return *k;
        std::string labels;
        for (std::size_t k = 0; k < card.outputs.size(); ++k)
            labels += (k ? ", " : "") + std::to_string(k) + " '" + card.outputs[k].label + "'";
        throw UsageError(command + ": --target " + *t + " is neither an output index nor a label (" + labels + ")");
    }
    return std::nullopt;
}

} // namespace execg::cli
