#pragma once
// Text of the header (.hea) that WfdbWriter writes; header(5) layout.

#include "recording/Recording.h"

#include <string>
#include <vector>

namespace execg {

struct WfdbWriterSignalLine {
    double gain = 0.0;            // ADC units per physical unit
    std::string units;
    int initialValue = 0;
    int checksum = 0;             // 16-bit signed sum of all stored values
    std::string description;
};

struct WfdbWriterHeader {
    std::string recordName;
    std::string dataFileName;
    int format = 16;
    int adcResolution = 16;
    std::vector<WfdbWriterSignalLine> signalLines;
};

// Record line, one line per signal, then patient and acquisition details as '#' comment lines.
std::string formatWfdbHeader(const Recording& recording, const SignalGroup& group, const WfdbWriterHeader& header);

// "2019-03-01T10:12:30.500" moved by offsetSeconds → "10:12:30.500 01/03/2019" (header(5) base time and date).
// Empty when the text carries no time of day, since WFDB cannot state a base date without a base time.
std::string wfdbBaseTimeDate(const std::string& isoDateTime, double offsetSeconds);

} // namespace execg
