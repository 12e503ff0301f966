#pragma once
// DICOM waveform (12-Lead or General ECG) through the writer registry: DicomEcgWriter::write with its defaults.
#include "io/RecordingWriter.h"

namespace execg {

class DicomRecordingWriter : public RecordingWriter {
public:
    std::string name() const override { return "DICOM"; }
    std::vector<std::string> extensions() const override { return {".dcm"}; }

private:
    WriteResult writeChecked(const Recording& recording, const std::string& path, const WriteOptions& options) const override;
};

} // namespace execg
