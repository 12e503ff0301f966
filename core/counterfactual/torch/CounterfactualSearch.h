#pragma once
// What every counterfactual generator shares, so that they differ only in what they change: parameters (the signal's
// knots, beat parameters, a latent code) are turned into the model's input in mV, and one search moves them by Adam
// towards the target with the generator's own proximity cost, keeping the best attempt; one finish applies the change
// to the recording, judges it as a file would be judged (re-fitted to the model) and measures what it did.
// Internal to core/counterfactual/torch (includes torch headers).
#include "counterfactual/Counterfactual.h"
#include "explain/Explainer.h"
#include "model/ModelInputAdapter.h"
#include "model/torch/TorchModel.h"

#include <torch/script.h>

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace execg::cf {

// The card's activation on one row of raw outputs, as interpretOutputs applies it, differentiably.
torch::Tensor activated(const torch::Tensor& raw, const ModelCard& card, int output);

// mV (1 × leads × samples) to the card's units and normalisation over the first `valid` samples; padding stays 0.
torch::Tensor toModelValues(const torch::Tensor& mv, const ModelCard& card, int valid);

// The model input's samples in mV (1 × leads × samples), and a mask (1 × 1 × samples) of the valid ones.
torch::Tensor inputMv(const AdaptedInput& input);
torch::Tensor validMask(const AdaptedInput& input);

// Makes the limb leads the file does not hold follow the ones it does: a change has to be one a recording can carry,
// so III, aVR, aVL and aVF (when derived from I and II) change only as I and II do. x: 1 × leads × samples.
class LimbLeadCoupling {
public:
    LimbLeadCoupling(const ModelCard& card, const AdaptedInput& input);
    torch::Tensor apply(const torch::Tensor& x, const torch::Tensor& original) const;
    const std::vector<std::string>& coupledLeads() const { return coupled_; }
    const std::vector<std::string>& frozenLeads() const { return frozen_; }
    bool recorded(int lead) const { return recorded_[std::size_t(lead)]; }

private:
    torch::Tensor mix_, keep_;   // x' = mix · x + keep · original
    std::vector<std::string> coupled_, frozen_;
    std::vector<bool> recorded_;
};

struct SearchProblem {
    torch::Tensor start;                                          // the parameters where the search begins
    std::function<torch::Tensor(const torch::Tensor&)> signal;    // parameters → model input in mV (1 × L × S)
    std::function<torch::Tensor(const torch::Tensor&)> cost;      // parameters → proximity cost (a scalar)
    std::function<void(torch::Tensor&)> project;                  // keeps parameters in range after a step (optional)
    double learningRate = 0.01;                                   // Adam: about this much per step, per parameter
    // Adam's gradient scale shared by all parameters (one RMS) rather than kept per parameter: the parameters that
    // matter most move most, so a change among many interpretable parameters stays sparse and nameable.
    bool sharedScale = false;
    int maxSteps = 300;
    ExplainProgress progress;
};

struct SearchOutcome {
    torch::Tensor best;                  // the parameters of the attempt closest to (or first at) the target
    int steps = 0;
    double initialValue = 0.0;
    std::vector<double> trajectory;      // the output after each step
};

// Throws ExplainError when the target output does not exist or the model is not differentiable, ExplainCancelled
// when cancelled.
SearchOutcome searchTowards(const TorchModel& model, const AdaptedInput& input, const CounterfactualTarget& target,
                            const SearchProblem& problem);

// The result's head: method, resolved parameters, target and its label and unit; throws on a missing output.
CounterfactualResult startResult(const std::string& method, std::map<std::string, std::string> parameters, const ModelCard& card,
                                 const CounterfactualTarget& target);

// Applies the change (leads × samples of the model input, mV) to a copy of `group` inside the model's window, on a
// 1 µV grid, clamped to ±maxAmplitudeMv; fills distances, the final prediction on the re-fitted counterfactual,
// validity, the measurement deltas and the notes every generator gives.
void finishResult(CounterfactualResult& r, const SearchOutcome& outcome, const torch::Tensor& changeMv,
                  const TorchModel& model, const SignalGroup& group, const AdaptedInput& input, double maxAmplitudeMv,
                  std::chrono::steady_clock::time_point started);

// A parameter value as text, shortest form ("0.02", "300").
std::string number(double value);

// "V2–V4", "II, aVF, V5, V6": the chosen leads, consecutive chest leads as a range.
std::string leadRuns(const std::vector<std::string>& order, const std::vector<bool>& chosen);

} // namespace execg::cf
