#pragma once
// The sections of an SCP-ECG file, found through section 0's pointers (or, where those are unusable, by walking the
// headers), each checked against its CRC; and the parsers of the sections that hold no signal: patient and
// acquisition data (1), lead definition (3), QRS locations (4), global measurements (7), statements (8, 11).
// Parsers throw std::invalid_argument naming what is wrong; the reader adds the file.
#include "recording/Recording.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace execg::scp {

struct Section {
    int id = 0;
    std::size_t offset = 0;     // of the 16-byte header in the file
    std::size_t length = 0;     // header included
};

class ScpFile {
public:
    // Locates the sections. Problems the data survive (CRC mismatches, a wrong stated file length, section 0
    // pointing astray) go into `warnings`; a file that is not SCP-ECG at all throws std::invalid_argument.
    ScpFile(std::vector<std::uint8_t> bytes, std::vector<std::string>& warnings);
    bool has(int id) const { return sections_.count(id) != 0; }
    const Section* section(int id) const;
    // The data area after the section header; empty when the section is absent.
    std::span<const std::uint8_t> data(int id) const;
    int protocolVersion() const { return protocolVersion_; }

private:
    void addSection(std::size_t offset, std::vector<std::string>& warnings);
    std::vector<std::uint8_t> bytes_;
    std::map<int, Section> sections_;
    int protocolVersion_ = 0;
};

struct LeadDefinition {
    int code = 0;
    std::uint32_t first = 0;    // 1-based sample numbers, inclusive
    std::uint32_t last = 0;
};

struct LeadSection {
    bool referenceBeatSubtracted = false;
    std::vector<LeadDefinition> leads;
};
LeadSection parseLeadSection(std::span<const std::uint8_t> d);

struct QrsZone {
    int type = 0;                          // reference beat type; 0 is the one section 5 holds
    std::int64_t first = 0, fiducial = 0, last = 0;   // 1-based; first = last = 0 when the beat has no zone
};

struct QrsSection {
    int referenceBeatMilliseconds = 0;
    int fiducial = 0;                      // 1-based sample of the fiducial point within the reference beat
    std::vector<QrsZone> zones;
    std::vector<std::pair<std::int64_t, std::int64_t>> protectedAreas;   // 1-based, inclusive (bimodal coding)
};
QrsSection parseQrsSection(std::span<const std::uint8_t> d);

// Sections 5 and 6 start alike: amplitude value multiplier (nV), sample interval (µs), difference coding,
// then (6 only) bimodal compression, then one byte count per lead and the leads' data.
struct EncodedSignals {
    int nanovoltsPerUnit = 0;
    int sampleIntervalMicroseconds = 0;
    int differences = 0;                   // 0 amplitudes, 1 first differences, 2 second differences
    bool bimodal = false;
    std::vector<std::uint32_t> leadBytes;
    std::span<const std::uint8_t> data;    // all leads' bytes, one after another
};
EncodedSignals parseEncodedSignals(std::span<const std::uint8_t> d, std::size_t leads);

// Section 1's tagged fields into the metadata (patient, device, date and time) and the filters into `filters`.
void readPatientSection(std::span<const std::uint8_t> d, RecordingMetadata& metadata, FilterSettings& filters,
                        std::vector<std::string>& warnings);
// Section 7's first measurement block and additional global measurements.
void readGlobalMeasurements(std::span<const std::uint8_t> d, RecordingMetadata& metadata);
// Section 8's (else section 11's) statements.
void readStatements(std::span<const std::uint8_t> section8, std::span<const std::uint8_t> section11, RecordingMetadata& metadata);

} // namespace execg::scp
