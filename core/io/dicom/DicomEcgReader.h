#pragma once
#include "io/RecordingReader.h"

namespace execg {

// "DCMTK 3.6.7" — for reports' reproducibility appendix.
std::string dcmtkVersion();

// DICOM waveform objects (PS3.3 A.34 ECG IODs, A.35 hemodynamic, A.36 cardiac EP) → Recording.
// One SignalGroup per multiplex group (Waveform Sequence item); voltage leads in mV.
class DicomEcgReader final : public RecordingReader {
public:
    std::string name() const override { return "DICOM ECG"; }
    std::vector<std::string> extensions() const override;
    int sniff(const std::string& path, const std::vector<std::uint8_t>& head) const override;
    Recording read(const std::string& path, const ReadOptions& options) const override;
};

} // namespace execg
