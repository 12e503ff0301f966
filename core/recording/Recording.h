#pragma once
// The one internal representation every reader produces and everything downstream consumes.
// Values are physical, in millivolts, as float; NaN marks an invalid or missing sample.

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace execg {

inline constexpr float kMissingSample = std::numeric_limits<float>::quiet_NaN();

// Where a lead's values came from, so a reader of a report can trace every number to the file.
struct LeadProvenance {
    std::string storedLabel;      // label as written in the file ("Lead I (Einthoven)", "MLII", …)
    std::string storedUnits;      // units as written ("uV", "mV", "" when the file has none)
    double gain = 1.0;            // ADC units per stored unit (WFDB) or stored units per ADC unit inverse
    double baseline = 0.0;        // ADC value that corresponds to 0 stored units
    double toMillivolts = 1.0;    // stored units → mV factor that was applied
    std::string storedFormat;     // e.g. "WFDB 212", "DICOM SS/16"
    std::string code;             // coded lead identity where the file has one ("SCPECG 5.6.3-9-1", "MDC 2:1")
    bool derived = false;         // computed by the reader, not stored in the file
    std::string derivation;       // e.g. "II - I" for a derived lead III
    bool isVoltage = true;        // false for non-ECG channels (pressure, respiration, …): values left in stored units
};

struct Lead {
    std::string name;             // standard name where known (I, II, III, aVR, aVL, aVF, V1–V6, X, Y, Z), else the label
    std::vector<float> samples;   // physical values (mV for voltage leads); NaN = invalid/missing
    LeadProvenance provenance;
};

struct FilterSettings {
    std::optional<double> highPassHz;   // low-frequency cut-off
    std::optional<double> lowPassHz;    // high-frequency cut-off
    std::optional<double> notchHz;
    std::string description;            // free text where the file only has text
};

// One set of leads sampled together (a DICOM multiplex group; WFDB signals sharing one rate).
struct SignalGroup {
    std::string label;                 // "rhythm", "median", "signals @ 250 Hz", …
    double samplingRateHz = 0.0;
    std::int64_t totalSamples = 0;     // length of the whole recording in this group (0 when unknown)
    std::int64_t firstSample = 0;      // index in the recording of samples[0] (non-zero for a time window)
    double timeOffsetSeconds = 0.0;    // start of this group's sample 0 from the recording start (DICOM Multiplex Group
                                       // Time Offset): samples[i] lies at timeOffsetSeconds + (firstSample + i) / fs
    FilterSettings filters;
    std::vector<Lead> leads;

    std::int64_t sampleCount() const { return leads.empty() ? 0 : static_cast<std::int64_t>(leads.front().samples.size()); }
    double durationSeconds() const { return samplingRateHz > 0 ? static_cast<double>(sampleCount()) / samplingRateHz : 0.0; }
    const Lead* findLead(const std::string& name) const;
    Lead* findLead(const std::string& name);
    // Median (representative) beats — every reader labels them "median beats" — rather than signals in time.
    bool isMedianBeats() const { return label.find("median") != std::string::npos; }
};

// What a group holds, for choosing one by kind whatever order the file stores its groups in.
enum class GroupKind { Rhythm, Median };

struct Annotation {
    int group = 0;                     // signal group whose sample axis `sample` refers to
    std::int64_t sample = -1;          // sample index in that group, -1 when not tied to a time
    double timeSeconds = -1.0;         // same instant in seconds from the recording start, -1 when not tied to a time
    std::string code;                  // beat or event label ("N", "V", "+", "PR interval" …)
    std::string text;                  // aux text / statement
    int channel = -1;                  // lead index within the group, -1 = all
    std::string source;                // annotator or file ("atr", "DICOM WaveformAnnotationSequence")
};

struct Measurement {
    std::string name;                  // "PR interval", "QRS duration", "QT interval", "Ventricular rate" …
    double value = 0.0;
    std::string unit;                  // "ms", "bpm", "deg", "mV" …
    std::string source;                // who measured it ("device")
};

struct PatientInfo {
    std::string id, name, sex, birthDate;   // birthDate as YYYY-MM-DD where known
    std::optional<double> ageYears, heightCm, weightKg;
};

struct DeviceInfo {
    std::string manufacturer, model, serialNumber, softwareVersion, institution;
};

struct RecordingMetadata {
    PatientInfo patient;
    DeviceInfo device;
    std::string acquisitionDateTime;        // ISO 8601, as precise as the file is ("2019-03-01T10:12:30.500")
    std::vector<std::string> comments;      // free text: header comments, info lines, study description
    std::vector<std::string> statements;    // interpretation statements stored by the device
    std::vector<Measurement> measurements;  // device measurements
    std::vector<Annotation> annotations;    // beat labels and timed events
    std::map<std::string, std::string> extra; // format-specific fields worth showing ("SOP Class", "WFDB format" …)
};

struct Recording {
    std::string sourcePath;
    std::string formatName;                 // reader's name, e.g. "WFDB", "DICOM ECG", "NumPy"
    std::vector<SignalGroup> groups;
    RecordingMetadata metadata;
    std::vector<std::string> warnings;      // things a clinician must know (checksum mismatch, derived leads, …)

    // The group a viewer shows first: the longest original rhythm group.
    int primaryGroupIndex() const;
    // The group of a kind: Rhythm, the primary group unless it is median beats; Median, the first median-beats group.
    // −1 when the recording has none of that kind.
    int groupIndex(GroupKind kind) const;
};

} // namespace execg
