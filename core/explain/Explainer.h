#pragma once
// One execution protocol for every explanation method: a method declares its parameters as data and computes a map
// for (model, adapted input, target, parameters), reporting progress and honouring cancellation; runExplanation does
// the rest the same way for all — target and parameter checks, timing, model identity, NaN checks — so methods can
// be compared fairly. New method: one file under core/explain/torch/ plus one line in BuiltinExplainers.cpp.
#include "explain/ExplainerParameters.h"
#include "explain/Explanation.h"
#include "model/ModelInputAdapter.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace execg {

class TorchModel;

struct ExplainerInfo {
    std::string name;          // command-line and registry name: "integrated-gradients"
    std::string title;         // shown to users: "Integrated Gradients"
    std::string family;        // "gradient", "layer", "perturbation", "wave"
    std::string description;   // one or two sentences: what the map means
    std::vector<ParameterSpec> parameters;
    bool stochastic = false;   // uses a seed (its "seed" parameter)
};

// Progress in [0, 1]; returning false cancels the run.
using ExplainProgress = std::function<bool(double fraction)>;

struct ExplainCancelled : ExplainError {
    ExplainCancelled() : ExplainError("cancelled") {}
};

struct ExplainRequest {
    const TorchModel* model = nullptr;
    const AdaptedInput* input = nullptr;
    const AdaptedInput* baselineInput = nullptr;   // a user-chosen baseline recording, fitted to the same card
    int target = 0;
    ParameterValues parameters;
    ExplainProgress progress;   // may be empty

    // Reports progress; throws ExplainCancelled when the caller asked to stop.
    void report(double fraction) const
    {
        if (progress && !progress(fraction))
            throw ExplainCancelled();
    }
};

// What a method computes; runExplanation fills in the rest of the Explanation.
struct AttributionResult {
    std::vector<float> map;   // leads × samples of the model input
    std::vector<std::pair<std::string, double>> diagnostics;
    std::vector<std::string> notes;
};

class Explainer {
public:
    virtual ~Explainer() = default;
    virtual const ExplainerInfo& info() const = 0;
    virtual AttributionResult explain(const ExplainRequest& request) const = 0;
};

class ExplainerRegistry {
public:
    static ExplainerRegistry& instance();   // with the built-in methods registered
    void add(std::unique_ptr<Explainer> explainer);
    const Explainer* find(const std::string& name) const;
    std::vector<const Explainer*> all() const;

private:
    std::vector<std::unique_ptr<Explainer>> explainers_;
};

// The methods run when the user names none (command line and GUI alike): the card's explain_defaults where it has
// them (ExplainError when one is no method), else saliency, integrated gradients, SmoothGrad, Grad-CAM (when the card
// lists a Grad-CAM layer), occlusion.
std::vector<std::string> defaultExplainerNames(const ModelCard& card);

// The output explained when the user names none: the one the model gives most weight to (the predicted class, or
// the only output of a regression).
int predictedTarget(const std::vector<float>& rawOutputs);

// Runs `method` with `given` parameters (defaults for the rest) on one adapted input. Throws ExplainError naming
// the problem (unknown method, target out of range, bad parameter, a map with NaN) or ExplainCancelled; a cancelled
// or failed run returns nothing, so no partial result can be shown.
struct ExplainOptions {
    std::map<std::string, std::string> parameters;   // given values; defaults fill the rest
    const AdaptedInput* baselineInput = nullptr;
    ExplainProgress progress;
};
Explanation runExplanation(const std::string& method, const TorchModel& model, const AdaptedInput& input, int target,
                           const ExplainOptions& options = {});

// Fills explanation.recordingMap from its model-space map (the adapter's exact inverse mapping).
void mapExplanationToRecording(Explanation& explanation, const AdaptedInput& input, const SignalGroup& group);

} // namespace execg
