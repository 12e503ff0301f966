#pragma once
// What a change to an ECG did, in the words a cardiologist uses: the measurement module run on the original and on
// the changed recording, every quantity side by side with its unit — rate, PR, QRS, QT, QTc, axes, and per lead the
// P, R, S and T amplitudes and the ST level at J and J+60 ms.
#include "measure/Measurements.h"
#include "recording/Recording.h"

#include <string>
#include <vector>

namespace execg {

struct MeasurementDelta {
    std::string quantity;   // "QTc Fridericia", "T amplitude"
    std::string lead;       // empty for a global quantity
    std::string unit;       // "ms", "mV", "bpm", "deg"
    double before = 0.0, after = 0.0, delta = 0.0;   // NaN where either side could not be measured
};

struct MeasurementDeltas {
    std::vector<MeasurementDelta> rows;
    // The row for a quantity (and lead); null when absent.
    const MeasurementDelta* find(const std::string& quantity, const std::string& lead = {}) const;
    // The mean delta of a per-lead quantity over `leads` (NaN when none could be measured).
    double meanOver(const std::string& quantity, const std::vector<std::string>& leads) const;
};

MeasurementDeltas compareMeasurements(const EcgMeasurements& before, const EcgMeasurements& after);
MeasurementDeltas compareMeasurements(const SignalGroup& before, const SignalGroup& after);

} // namespace execg
