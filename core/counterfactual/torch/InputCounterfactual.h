#pragma once
// The input-space counterfactual: the recording itself is changed, by gradient descent on the model, until the
// model's answer reaches the target — with the change kept small (L1 + L2 in mV), smooth (total variation, and drawn
// through knots 20 ms apart so it is band-limited like an ECG rather than noise), inside physiological amplitudes,
// and only on the leads allowed to move. Works for any differentiable model with a card: no generator needed.
#include "counterfactual/Counterfactual.h"
#include "explain/Explainer.h"
#include "model/ModelInputAdapter.h"
#include "model/torch/TorchModel.h"

#include <string>
#include <vector>

namespace execg {

struct InputCounterfactualOptions {
    int maxSteps = 300;
    double learningRate = 0.01;      // mV per step at most (Adam)
    double l1 = 0.02, l2 = 0.2;      // proximity: weights of mean |Δ| and mean Δ² (mV)
    double tv = 0.2;                 // smoothness: weight of mean |Δ(t+1) − Δ(t)|
    double knotMs = 20.0;            // the change passes through knots this far apart (band limit ~ 1/(2·knot))
    double maxChangeMv = 1.5;        // |Δ| per sample at most
    double maxAmplitudeMv = 5.0;     // |x + Δ| at most
    std::vector<std::string> leads;  // the leads allowed to change; empty: every lead the recording holds
    ExplainProgress progress;        // 0–1; returning false cancels (ExplainCancelled)
};

// cf-input's parameters as data, like an explainer's: `cf-input:steps=300,l2=0.2,leads=V2;V3` is checked against
// them by resolveParameters (ranges, units, unknown names refused); defaults are InputCounterfactualOptions'.
const std::vector<ParameterSpec>& inputCounterfactualParameters();
// The options for resolved values (progress left empty).
InputCounterfactualOptions inputCounterfactualOptions(const ParameterValues& values);

// `input` is `group` fitted to the model's card (adaptRecordingToModel); the counterfactual keeps the recording's
// leads, rate and samples, changed only inside the model's window. Throws ExplainError when the target output does
// not exist or the model is not differentiable, ExplainCancelled when cancelled.
CounterfactualResult inputCounterfactual(const TorchModel& model, const SignalGroup& group, const AdaptedInput& input,
                                         const CounterfactualTarget& target, const InputCounterfactualOptions& options = {});

} // namespace execg
