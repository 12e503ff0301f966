#pragma once
// Patient, device, acquisition time and the Waveform Annotation module (PS3.3 C.10.10) → RecordingMetadata.
#include "recording/Recording.h"

class DcmItem;

namespace execg::dicom {

void readPatientDeviceAndTime(DcmItem& dataset, RecordingMetadata& metadata);

// Needs the groups (for sampling rates) to place referenced sample positions in time.
void readWaveformAnnotations(DcmItem& dataset, const std::vector<SignalGroup>& groups, RecordingMetadata& metadata,
                             std::vector<std::string>& warnings);

} // namespace execg::dicom
