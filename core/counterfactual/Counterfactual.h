#pragma once
// A counterfactual ECG: "what minimal change to this recording would change the model's answer?" The plain result
// every generator returns — the changed recording on the original's own time axis, whether the target was reached,
// the prediction along the way, how far the change went, and what it did to the measurements a cardiologist reads.
#include "counterfactual/MeasurementDelta.h"
#include "recording/Recording.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace execg {

// Where the model's answer should go: an output (index in the card) reaching a value — a probability for a
// classifier (after the card's activation), a value in the output's unit for a regression. The direction is the
// one from the recording's own value towards the target: reached at or beyond it.
struct CounterfactualTarget {
    int output = 0;
    double value = 0.0;
};

// One interpretable parameter a generator moved, in a reader's words: "T amplitude in V2–V4 +0.42 mV", "PR +35 ms".
struct ParameterChange {
    std::string quantity;   // "T amplitude", "PR", "QRS", "QT", "heart rate", "RR irregularity"
    std::string leads;      // "V2–V4"; empty for a global parameter
    double change = 0.0;    // in `unit` (mean over `leads`)
    std::string unit;       // "mV", "ms", "bpm", ""
    std::string text;       // the sentence shown and reported
};

struct CounterfactualResult {
    std::string method;                              // "cf-input", "cf-parametric", "cf-latent"
    std::map<std::string, std::string> parameters;   // resolved
    std::uint64_t seed = 0;
    CounterfactualTarget target;
    std::string outputLabel, outputUnit;
    bool valid = false;                 // the counterfactual, as recorded (re-fitted to the model), reaches the target
    double initialValue = 0.0;          // the model's output on the recording
    double finalValue = 0.0;            // on the counterfactual recording, re-fitted to the model as any file would be
    int steps = 0;                      // optimisation steps taken
    std::vector<double> trajectory;     // the output after each step (model input space)
    SignalGroup counterfactual;         // the recording's group with the change applied (mV, same leads and rate)
    // How far the change went, in mV over the samples the model saw: mean |Δ|, root mean square, and the largest
    // |Δ| per lead (the group's leads, in order; 0 for a lead left unchanged).
    double meanAbsMv = 0.0, rmsMv = 0.0;
    std::vector<double> maxAbsPerLeadMv;
    MeasurementDeltas deltas;           // original vs counterfactual, from the measurement module
    std::vector<ParameterChange> parameterChanges;   // cf-parametric: what moved, in clinical words
    std::vector<std::string> notes;     // e.g. "target not reached in 300 steps; the best attempt is returned"
    double runtimeMs = 0.0;
};

} // namespace execg
