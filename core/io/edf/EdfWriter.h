#pragma once
// Writes one signal group of a Recording as EDF+C: the stored leads (derived ones are left to the reader to derive
// again) as "ECG <lead>" in µV at 1 µV per digital unit (a coarser 1-2-5 step only where the range needs it), the
// patient and recording fields in EDF+ form, the display filters as prefiltering, and the group's annotations in an
// "EDF Annotations" signal. Written atomically. What the reader gives back is exact: writing it again gives the same
// bytes.
#include "io/WriteError.h"
#include "recording/Recording.h"

#include <string>
#include <vector>

namespace execg {

class EdfWriteError : public WriteError {
public:
    using WriteError::WriteError;
};

struct EdfWriteOptions {
    int groupIndex = -1;   // −1: the recording's primary group
};

struct EdfWriteResult {
    double recordSeconds = 0.0;
    std::int64_t records = 0;
    std::vector<double> microvoltsPerUnit;   // per written voltage lead (1 unless the range needed more)
    std::vector<std::string> warnings;
};

EdfWriteResult writeEdfPlus(const Recording& recording, const std::string& path, const EdfWriteOptions& options = {});

} // namespace execg
