#pragma once
// Writes one signal group of a Recording as a WFDB record: <name>.hea plus one <name>.dat in format 16 or 212.

#include "io/WriteError.h"
#include "recording/Recording.h"

#include <optional>
#include <string>
#include <vector>

namespace execg {

class WfdbWriteError : public WriteError {
public:
    using WriteError::WriteError;
};

struct WfdbWriteOptions {
    int format = 16;                 // 16 (16-bit, ±32767 ADC units) or 212 (12-bit pairs, ±2047, MIT-BIH)
    std::optional<double> gain;      // ADC units per mV for every voltage lead; chosen per lead when empty
    int groupIndex = -1;             // -1 = the recording's primary group
};

struct WfdbWriteResult {
    std::string headerPath;
    std::string dataPath;
    std::vector<double> gains;       // per lead: ADC units per stored unit (mV for voltage leads)
    std::vector<int> initialValues;  // per lead, as written in the header
    std::vector<int> checksums;      // per lead, as written in the header
    std::vector<std::string> warnings;
};

// `recordPath` is "<folder>/<record name>" (a trailing ".hea" is accepted). The record name must be letters,
// digits, '_' or '-'. Files are written under temporary names and renamed into place, .dat before .hea, so no
// reader ever sees a header without its complete signal file. Throws WfdbWriteError.
//
// Gain per lead, in this order: options.gain; the lead's own ADC gain (provenance) when every value is an
// exact multiple of it and fits; the default (format 16: 1000/mV, i.e. 1 µV; format 212: 200/mV like MIT-BIH);
// format 16 then falls back to the largest 1-2-5 gain that fits the range, format 212 clips with a warning.
// NaN is written as the format's invalid-sample value (-32768 / -2048).
WfdbWriteResult writeWfdbRecord(const Recording& recording, const std::string& recordPath,
                                const WfdbWriteOptions& options = {});

// The largest gain 1, 2 or 5 × 10^k with maxAbs · gain ≤ limit (ADC units); 0 when maxAbs is not finite.
double wfdbGainThatFits(double maxAbs, double limit);

} // namespace execg
