#pragma once
// The EDF / EDF+ header (Kemp et al. 1992; Kemp & Olivan 2003, edfplus.info): 256 bytes of fixed ASCII fields, then
// 256 bytes per signal. Parsing only: every number checked, every count bounded by the file's size, so a header that
// lies produces a ReadError naming the field.
#include <cstdint>
#include <string>
#include <vector>

namespace execg::edf {

struct SignalHeader {
    std::string label;              // "ECG I", "EDF Annotations", …
    std::string transducer;
    std::string physicalDimension;  // "uV", "mV", …
    double physicalMin = 0, physicalMax = 0;
    std::int64_t digitalMin = 0, digitalMax = 0;
    std::string prefiltering;       // "HP:0.1Hz LP:75Hz N:50Hz"
    std::int64_t samplesPerRecord = 0;
    bool annotations() const { return label == "EDF Annotations"; }
    // Physical value of a digital sample: the straight line through (dmin, pmin) and (dmax, pmax).
    double scale() const { return (physicalMax - physicalMin) / double(digitalMax - digitalMin); }
    double offset() const { return physicalMin - scale() * double(digitalMin); }
};

struct Header {
    std::string version;            // "0"
    std::string patient;            // local patient identification (EDF+: "code sex birthdate name …")
    std::string recording;          // local recording identification (EDF+: "Startdate dd-MMM-yyyy …")
    std::string startDate, startTime;   // "dd.mm.yy", "hh.mm.ss"
    std::int64_t headerBytes = 0;
    std::string reserved;           // "EDF+C" (continuous), "EDF+D" (discontinuous), or empty for plain EDF
    std::int64_t records = 0;       // −1 in the file means unknown: counted from the file's size instead
    double recordSeconds = 0;
    std::vector<SignalHeader> channels;

    bool edfPlus() const { return reserved.rfind("EDF+", 0) == 0; }
    bool discontinuous() const { return reserved.rfind("EDF+D", 0) == 0; }
    std::int64_t recordBytes() const;   // 2 bytes per sample of every signal
    std::vector<std::string> warnings;
};

// Parses the header from the file's first bytes; `fileSize` bounds the record count. Throws ReadError naming `file`.
Header parseHeader(const std::vector<std::uint8_t>& bytes, std::uint64_t fileSize, const std::string& file);

// EDF+ dates ("02-MAY-1951") and ISO 8601 ("1951-05-02"), each way. The first gives "" when the text is "X" or not
// a date; the second gives "X" (EDF+'s unknown) when the ISO date is absent or malformed.
std::string isoFromEdfPlusDate(const std::string& text);
std::string edfPlusDateFromIso(const std::string& iso);

// Writes a header (the inverse of parseHeader): every field padded or checked to its width.
std::string formatHeader(const Header& header);

} // namespace execg::edf
