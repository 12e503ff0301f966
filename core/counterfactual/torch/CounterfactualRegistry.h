#pragma once
// One registry for the counterfactual generators, as for explainers and file readers: each declares its name, what
// it does, its parameters as data and whether it needs the model card's generator; the command line, the GUI and the
// tests run them all the same way. New generator: one file here plus one line in CounterfactualRegistry.cpp.
// Torch-free header.
#include "counterfactual/Counterfactual.h"
#include "explain/Explainer.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace execg {

class GeneratorModel;

struct CounterfactualRequest {
    const TorchModel* model = nullptr;
    const SignalGroup* group = nullptr;          // the recording's group
    const AdaptedInput* input = nullptr;         // `group` fitted to the model's card
    const GeneratorModel* generator = nullptr;   // the card's generator, for the methods that need one
    CounterfactualTarget target;
    ParameterValues parameters;                  // resolved against the method's parameters
    ExplainProgress progress;
};

struct CounterfactualMethod {
    std::string name;          // "cf-input"
    std::string title;         // "Input-space counterfactual"
    std::string description;   // one sentence: what changes
    std::vector<ParameterSpec> parameters;
    bool needsGenerator = false;
    std::function<CounterfactualResult(const CounterfactualRequest&)> run;
};

class CounterfactualRegistry {
public:
    static CounterfactualRegistry& instance();   // with the built-in generators registered

    void add(CounterfactualMethod method);
    const CounterfactualMethod* find(const std::string& name) const;
    const std::vector<CounterfactualMethod>& methods() const { return methods_; }

    // Empty when `name` can run for a model with this card; otherwise why not, in a sentence.
    std::string unavailableReason(const std::string& name, const ModelCard& card) const;

    // Resolves the parameters, checks the generator and runs; throws ExplainError (unknown method, bad parameter,
    // missing generator), ExplainCancelled.
    CounterfactualResult run(const std::string& name, CounterfactualRequest request,
                             const std::map<std::string, std::string>& parameters = {}) const;

private:
    std::vector<CounterfactualMethod> methods_;
};

} // namespace execg
