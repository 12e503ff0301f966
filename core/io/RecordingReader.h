#pragma once
#include "recording/Recording.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace execg {

// Returns false to cancel. Called with a fraction in [0, 1].
using ProgressCallback = std::function<bool(double fraction)>;

// For raw arrays (NumPy) that carry no rate, units or lead names; readers of self-describing formats ignore it.
struct RawArrayHints {
    double samplingRateHz = 500.0;
    std::string units = "mV";                 // "mV" or "uV"
    std::vector<std::string> leadNames;       // empty = the 12 standard leads
};

struct ReadOptions {
    // Time window in seconds from the recording start; readers read only what it covers from disk,
    // so a 24 h Holter opens with bounded memory.
    std::optional<double> fromSeconds;
    std::optional<double> toSeconds;
    bool headerOnly = false;                  // metadata, groups and leads with empty sample vectors
    bool deriveLimbLeads = true;              // compute III/aVR/aVL/aVF from I and II when absent
    bool readAnnotations = true;              // WFDB: look for .atr/.qrs/… beside the record
    bool lowResolution = false;               // WFDB multi-frequency: one value per frame instead of per sample
    RawArrayHints raw;
    ProgressCallback progress;
};

// A reader turns one file format into a Recording. Readers are stateless and thread-safe.
class RecordingReader {
public:
    virtual ~RecordingReader() = default;
    virtual std::string name() const = 0;                        // "WFDB"
    virtual std::vector<std::string> extensions() const = 0;     // lower case, with dot: {".hea"}
    // Confidence in [0, 100] that this reader handles the file, from its path and first bytes.
    // 0 = certainly not; extension alone ≈ 50; content signature ≈ 90+.
    virtual int sniff(const std::string& path, const std::vector<std::uint8_t>& head) const = 0;
    virtual Recording read(const std::string& path, const ReadOptions& options) const = 0;
};

} // namespace execg
