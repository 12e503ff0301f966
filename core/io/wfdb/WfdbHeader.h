#pragma once
// WFDB header files (header(5), WFDB Applications Guide): record line, signal specification lines,
// segment lines of multi-segment records, and info (comment) strings.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace execg {

// WFDB_DEFFREQ and WFDB_DEFGAIN of the WFDB library: a missing sampling frequency means 250 Hz,
// a missing or zero gain means 200 ADC units per physical unit.
inline constexpr double kWfdbDefaultFrequency = 250.0;
inline constexpr double kWfdbDefaultGain = 200.0;

struct WfdbSignalSpec {
    std::string fileName;              // "100.dat"; "~" or "*" = no file (null signal)
    int format = 0;
    int samplesPerFrame = 1;           // the "x" modifier
    int skew = 0;                      // the ":" modifier, in frames
    std::int64_t byteOffset = 0;       // the "+" modifier
    double gain = kWfdbDefaultGain;    // ADC units per physical unit; 0 or missing in the file -> 200
    bool gainStated = false;           // the file had a non-zero gain (otherwise the signal is uncalibrated)
    double baseline = 0.0;             // ADC value of 0 physical units; ADC zero when not stated
    std::string units = "mV";          // as written (bytes, possibly Latin-1), "mV" when absent
    bool unitsStated = false;
    int adcResolution = 0;             // bits; 0 = not stated (the format's default applies)
    int adcZero = 0;
    int initialValue = 0;              // ADC zero when not stated
    std::optional<int> checksum;       // 16-bit sum of all samples, as a signed value
    int blockSize = 0;
    std::string description;           // signal label; may contain spaces
};

struct WfdbSegmentSpec {
    std::string recordName;            // "~" = a null segment (a gap)
    std::int64_t length = 0;           // frames
};

struct WfdbHeader {
    std::string recordName;
    int segmentCount = 0;              // 0 for an ordinary record, >0 for a multi-segment record
    int signalCount = 0;
    double frameRate = kWfdbDefaultFrequency;      // frames per second
    std::optional<double> counterFrequency;
    double baseCounter = 0.0;
    std::optional<std::int64_t> length;            // frames; absent = as many as the signal files hold
    std::string baseTime;                          // as written, e.g. "19:46:25.757"
    std::string baseDate;                          // as written, "dd/mm/yyyy"
    std::vector<WfdbSignalSpec> signalSpecs;
    std::vector<WfdbSegmentSpec> segments;
    std::vector<std::string> comments;             // info strings, without the leading '#'

    bool isMultiSegment() const { return segmentCount > 0; }
};

// Parses header text. `fileName` names the file in errors. Throws ReadError on anything a WFDB reader
// could not interpret (a missing record line, non-numeric counts, absurd counts, malformed signal lines).
WfdbHeader parseWfdbHeader(const std::string& text, const std::string& fileName);

// Reads and parses a header file (at most 16 MiB; real headers are a few kB).
WfdbHeader readWfdbHeaderFile(const std::string& path);

// ISO 8601 from base date and time ("1994-10-26T08:26:04"); "" when neither is known.
std::string wfdbIsoDateTime(const WfdbHeader& header);

// Header text is ASCII by the standard but real files carry Latin-1 bytes ("\xB5V"): returns valid UTF-8,
// reading the bytes as Latin-1 when they are not already valid UTF-8.
std::string wfdbTextToUtf8(const std::string& bytes);

} // namespace execg
