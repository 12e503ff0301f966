#include "MethodSpecs.h"

#include "CounterfactualOutput.h"

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
        s.name = text.substr(0, colon);
        if (!ExplainerRegistry::instance().find(s.name) && !isCounterfactualMethod(s.name))
            throw UsageError(command + ": unknown method '" + s.name + "' (execg-cli " + command + " --help lists them)");
        try {
            if (colon != std::string::npos)
                s.parameters = parseParameterList(text.substr(colon + 1));
        } catch (const ExplainError& e) {
            throw UsageError(command + ": " + s.name + ": " + e.what());
        }
        const int n = ++seen[s.name];
        s.file = s.name + (n > 1 ? "-" + std::to_string(n) : "") + ".npy";   // the same method twice, other settings
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

int targetFromArgs(const CliArgs& args, const ModelCard& card, const std::vector<float>& raw, const std::string& command)
{
    if (const auto t = args.value("target")) {
        if (const auto k = outputIndex(card, *t))
            return *k;
        std::string labels;
        for (std::size_t k = 0; k < card.outputs.size(); ++k)
            labels += (k ? ", " : "") + std::to_string(k) + " '" + card.outputs[k].label + "'";
        throw UsageError(command + ": --target " + *t + " is neither an output index nor a label (" + labels + ")");
    }
    return predictedTarget(raw);
}

} // namespace execg::cli
