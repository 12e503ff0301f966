#pragma once
// Low-level access to a WFDB record: open it from its header, read digital (ADC) samples or physical
// values for a frame range at high or low resolution. Handles single- and multi-segment records.
//
// High resolution: every signal at its own rate (frame rate × samples per frame).
// Low resolution: one value per frame; signals with several samples per frame give their mean. WFDB
// 10.5.24 (which produced the PhysioNet target files) truncates that mean toward zero, WFDB >= 10.7 rounds
// it. Both are offered; truncation is the default because it is what the published targets show.
// A frame whose samples include an invalid one is invalid at low resolution.

#include "io/RecordingReader.h"
#include "io/wfdb/WfdbHeader.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace execg {

enum class WfdbLowResRounding {
    TruncateTowardZero,   // WFDB 10.5.24 getvec: integer division of the sum
    RoundToNearest,       // WFDB >= 10.7: nearest integer, halves away from zero
};

struct WfdbReadRequest {
    std::int64_t fromFrame = 0;
    std::optional<std::int64_t> toFrame;    // exclusive; empty = end of record
    bool lowResolution = false;
    WfdbLowResRounding rounding = WfdbLowResRounding::TruncateTowardZero;
    ProgressCallback progress;              // false -> ReadCancelled
};

// The signal's values in its own physical units ("mV", "mmHg", …), NaN = invalid or missing.
struct WfdbSignalValues {
    std::vector<float> values;
    int samplesPerFrame = 1;                // of the returned vector: 1 at low resolution
};

class WfdbRecord {
public:
    // `headerPath` is the .hea file. Reads the header (and, for a multi-segment record, the layout header,
    // or the first segment's header for a fixed layout). Signal files are opened when read.
    explicit WfdbRecord(const std::string& headerPath);
    ~WfdbRecord();
    WfdbRecord(const WfdbRecord&) = delete;
    WfdbRecord& operator=(const WfdbRecord&) = delete;

    const WfdbHeader& header() const { return header_; }
    const std::string& headerPath() const { return headerPath_; }
    // The record's signals: the header's own, or for a multi-segment record the layout's
    // (variable layout) or the first segment's (fixed layout).
    const std::vector<WfdbSignalSpec>& signalSpecs() const { return signals_; }
    double frameRate() const { return header_.frameRate; }
    // Frames the record holds: the header length, capped at what the signal files hold (single-segment).
    std::int64_t lengthFrames() const { return length_; }
    // Things a reader should know (capped length, uncalibrated signals, checksum mismatch after a full read).
    const std::vector<std::string>& warnings() const { return warnings_; }

    // Digital samples per signal; kWfdbInvalidSample marks invalid or missing samples. Multi-segment records
    // are mapped onto the layout's gain and baseline, as WFDB's getvec does.
    std::vector<std::vector<std::int32_t>> readDigital(const WfdbReadRequest& request);
    // Physical values per signal; each segment of a multi-segment record is converted with its own gain.
    std::vector<WfdbSignalValues> readPhysical(const WfdbReadRequest& request);

    struct Segment;

private:
    struct Range { std::int64_t from, to; };
    Range resolve(const WfdbReadRequest& request) const;
    // Refuses a read whose frames are mostly promised by the header alone (see kMaxUnbackedSamplesPerRead).
    void checkUnbacked(Range r, bool lowResolution);
    // Output samples of segment-local frames [a, b) that no signal file holds.
    std::int64_t unbackedSamples(const Segment& seg, std::int64_t a, std::int64_t b, bool lowResolution) const;
    // Reads one single-segment record's frames at high resolution.
    std::vector<std::vector<std::int32_t>> readSingle(const WfdbHeader& header, std::int64_t from, std::int64_t to,
                                                      bool verifyChecksums, const std::function<void(std::int64_t)>& onFrames);
    // Reads a multi-segment record's frames into digital (high resolution, layout ADC units) or values
    // (physical, per segment; low resolution when the request asks).
    void readMulti(Range range, const WfdbReadRequest& request, std::vector<std::vector<std::int32_t>>* digital,
                   std::vector<std::vector<float>>* values);
    // Loads a segment's header and signal mapping (its files are opened only while read).
    Segment& segment(size_t index);
    void addWarning(const std::string& warning);

    std::string headerPath_;
    std::string folder_;
    WfdbHeader header_;
    std::vector<WfdbSignalSpec> signals_;
    std::int64_t length_ = 0;
    bool variableLayout_ = false;
    std::vector<std::unique_ptr<Segment>> segments_;    // headers loaded lazily
    std::vector<std::int64_t> segmentStart_;
    std::vector<std::string> warnings_;
};

// Scale from a voltage unit to millivolts ("V" -> 1000, "mV" -> 1, "uV"/"µV" -> 0.001, "nV" -> 1e-6);
// nullopt when the units are not a voltage.
std::optional<double> wfdbVoltageToMillivolts(const std::string& units);

// Reduces high-resolution samples (spf per frame) to one value per frame.
std::vector<std::int32_t> wfdbLowResolution(const std::vector<std::int32_t>& samples, int samplesPerFrame,
                                            WfdbLowResRounding rounding);

} // namespace execg
