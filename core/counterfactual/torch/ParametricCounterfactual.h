#pragma once
// The ECG-native counterfactual: the recording is described by the synthetic generator's beat parameters — per lead
// the amplitude, centre and width of P, Q, R, S and T (the generator's finite-support bumps), and the time of every
// beat — fitted to it; the search then moves those interpretable parameters (wave amplitudes per lead, PR, QRS width,
// QT, P and T widths, beat times) towards the target and renders the counterfactual as the recording plus the change
// of the rendered beats, so everything the fit did not capture (noise, f waves, the fit's own error) is kept.
// The result names what moved in a reader's words ("T amplitude in V2–V4 +0.42 mV, QRS +22 ms, PR +35 ms").
#include "counterfactual/Counterfactual.h"
#include "explain/Explainer.h"
#include "model/ModelInputAdapter.h"
#include "model/torch/TorchModel.h"

#include <vector>

namespace execg {

struct ParametricCounterfactualOptions {
    int maxSteps = 300;
    double learningRate = 0.1;    // per step: 10 µV of amplitude, 1 ms of timing, 1 % of a width
    double amplitudeCost = 0.01;  // proximity: weight of the mean |amplitude change| (per 0.1 mV)
    double timingCost = 0.01;     // weight of the mean |PR, QT shift| (per 10 ms) and |QRS, P, T width change| (per 10 %)
    double rhythmCost = 0.01;     // weight of the mean |beat time change| (per 10 ms)
    bool moveBeats = true;        // beat times (RR) may change
    double maxAmplitudeMv = 5.0;  // |x| after the change at most
    ExplainProgress progress;
};

const std::vector<ParameterSpec>& parametricCounterfactualParameters();
ParametricCounterfactualOptions parametricCounterfactualOptions(const ParameterValues& values);

// `input` is `group` fitted to the model's card. Throws ExplainError when no beats can be found in the model's window,
// the target output does not exist or the model is not differentiable; ExplainCancelled when cancelled.
CounterfactualResult parametricCounterfactual(const TorchModel& model, const SignalGroup& group, const AdaptedInput& input,
                                              const CounterfactualTarget& target,
                                              const ParametricCounterfactualOptions& options = {});

} // namespace execg
