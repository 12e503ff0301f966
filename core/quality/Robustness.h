#pragma once
// Does the map stay put when the ECG changes in ways a clinician would ignore? Max- and average-sensitivity (Yeh et
// al. 2019, "On the (in)fidelity and sensitivity of explanations") under physiological perturbations in physical
// units — white noise of a few µV and a baseline drift well under a millimetre — applied to the mV samples the model
// saw, then normalised as the card says. Model-free: the caller runs the method on each perturbed copy.
#include "model/ModelInputAdapter.h"
#include "quality/Verdict.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace execg::quality {

struct PhysiologicalPerturbation {
    double noiseUv = 10.0;     // RMS of white noise per sample, µV (a good electrode: 5-10 µV)
    double driftMv = 0.05;     // peak baseline drift per lead, mV (0.5 mm at 10 mm/mV)
    double driftMinHz = 0.05, driftMaxHz = 0.5;   // drift frequency, drawn per copy (respiration and slower)
};

struct RobustnessOptions {
    PhysiologicalPerturbation perturbation;
    int samples = 10;          // perturbed copies, each explained once
    std::uint64_t seed = 0;
    std::function<bool(double)> progress;   // may be empty; returning false stops (the caller throws)
};

struct Robustness {
    // ‖Φ(x′) − Φ(x)‖₂ / ‖Φ(x)‖₂: the change relative to the map itself, comparable across methods whose maps
    // have different units. The scorecard reads these.
    double maxSensitivity = 0.0, averageSensitivity = 0.0;
    // ‖Φ(x′) − Φ(x)‖₂ / ‖x‖₂ (x as the model sees it): Quantus' MaxSensitivity / AvgSensitivity with their defaults
    // (difference, Frobenius norms, no normalisation), for comparison with published numbers.
    double quantusMaxSensitivity = 0.0, quantusAverageSensitivity = 0.0;
    int samples = 0;
    std::string note;          // why a value is a convention (a map of zeros)
};

// Copies of `input` with noise and drift added to its mV samples (padding untouched) and re-normalised for `card`.
std::vector<AdaptedInput> physiologicalPerturbations(const AdaptedInput& input, const ModelCard& card,
                                                     const RobustnessOptions& options);

// The sensitivities of `map` (explaining `input`) given the maps of perturbed copies.
Robustness sensitivity(const AdaptedInput& input, const std::vector<float>& map,
                       const std::vector<std::vector<float>>& perturbedMaps);

// Perturbs, explains each copy with `explain`, and measures. Returns samples = 0 when progress stopped it.
Robustness robustness(const AdaptedInput& input, const ModelCard& card, const std::vector<float>& map,
                      const std::function<std::vector<float>(const AdaptedInput&)>& explain,
                      const RobustnessOptions& options = {});

// Plain words for the scorecard from the average map-relative sensitivity.
Verdict robustnessVerdict(const Robustness& r);

} // namespace execg::quality
