#pragma once
// EDF and EDF+ (continuous and discontinuous): signals grouped by sampling rate, ECG labels ("ECG V1", "II") mapped
// to standard lead names, voltages in mV (µV, mV, V and nV dimensions; any other dimension is kept in its own unit
// and marked not a voltage), the EDF+ patient and recording fields as metadata, and the annotation signal's
// time-stamped annotation lists as annotations. An EDF+D file's records are placed at their own start times, the gaps
// between them filled with NaN. BDF (24-bit) is recognised and refused by name.
#include "io/RecordingReader.h"

namespace execg {

class EdfReader : public RecordingReader {
public:
    std::string name() const override { return "EDF"; }
    std::vector<std::string> extensions() const override { return {".edf", ".rec"}; }
    int sniff(const std::string& path, const std::vector<std::uint8_t>& head) const override;
    Recording read(const std::string& path, const ReadOptions& options) const override;
};

} // namespace execg
