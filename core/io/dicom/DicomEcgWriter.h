#pragma once
// Writes one signal group of a Recording as a DICOM waveform object (PS3.3 A.34.3 12-Lead ECG;
// General ECG A.34.4 when the group exceeds the 12-lead constraints), so other DICOM tools can read it.
#include "io/WriteError.h"
#include "recording/Recording.h"

#include <string>

namespace execg {

class DicomWriteError : public WriteError {
public:
    using WriteError::WriteError;
};

struct DicomWriteOptions {
    int groupIndex = -1;              // -1 = the recording's primary group
};

struct DicomWriteResult {
    std::string sopClassUid;          // 12-Lead ECG or General ECG Waveform Storage
    std::string sopInstanceUid;
    int channels = 0;
    std::vector<double> sensitivityMicrovolts;   // per channel, µV per LSB
};

class DicomEcgWriter {
public:
    // Writes to a temporary file in the target folder and renames it over `path`, so a reader never
    // sees a half-written file. Throws DicomWriteError naming the file and the problem.
    static DicomWriteResult write(const Recording& recording, const std::string& path, const DicomWriteOptions& options = {});
};

} // namespace execg
