#pragma once
// The filter settings a reader of an ECG chooses between, as data, and their application to a signal group.
// All filtering is zero-phase (forward-backward), so P, QRS and T keep their timing; the magnitude response of
// each stage is therefore the square of its one-pass design (a Butterworth cut-off is -6 dB after filtering).

#include "dsp/SosFilter.h"
#include "recording/Recording.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace execg::dsp {

struct FilterSpec {
    std::string name = "custom";        // "diagnostic", "monitoring", "custom"
    std::optional<double> highPassHz;   // baseline-wander removal (Butterworth, -3 dB per pass here)
    int highPassOrder = 2;
    std::optional<double> lowPassHz;    // muscle noise / bandwidth (Butterworth, -3 dB per pass here)
    int lowPassOrder = 4;
    std::optional<double> notchHz;      // mains: 50 or 60
    double notchQ = 30.0;               // -3 dB width notchHz/notchQ per pass (1.67 Hz at 50 Hz)
    int notchHarmonics = 1;             // 1 = fundamental only; 3 also removes 100/150 Hz (or 120/180 Hz)
};

// Diagnostic bandwidth 0.05–150 Hz (AHA/ACC/HRS 2007: 0.05 Hz keeps the ST segment undistorted, 150 Hz keeps
// QRS notches and amplitudes in adults). The 150 Hz low-pass is skipped where Nyquist is lower.
FilterSpec diagnosticPreset(std::optional<double> mainsHz = std::nullopt);
// Monitoring bandwidth 0.5–40 Hz: a steady baseline and little muscle noise, at the cost of ST and QRS fidelity.
FilterSpec monitoringPreset(std::optional<double> mainsHz = std::nullopt);
// "diagnostic" or "monitoring" (case-sensitive); nullopt for any other name.
std::optional<FilterSpec> filterPreset(std::string_view name, std::optional<double> mainsHz = std::nullopt);

// The cascade for one sampling rate: high-pass, then low-pass, then notch (the order is immaterial for linear
// filters; it is the order the description lists). Stages that cannot apply at this rate (a low-pass or notch at
// or above Nyquist) are left out and explained in `notes`. Throws std::invalid_argument for invalid settings.
SosFilter designFilter(const FilterSpec& spec, double fs, std::vector<std::string>* notes = nullptr);

// Filters every voltage lead of the group in place with filtfilt(designFilter(spec, fs)) and records what was
// applied in group.filters (highPassHz raised, lowPassHz lowered, notchHz set, description appended), so the
// displayed settings are the effective ones. Leads whose provenance says they are not voltages (pressure,
// respiration, …) are left alone: a baseline filter would remove their mean, which is their meaning.
// Returns the notes (skipped stages, skipped leads). NaN gaps stay NaN (see filtfilt).
std::vector<std::string> applyFilters(SignalGroup& group, const FilterSpec& spec);

} // namespace execg::dsp
