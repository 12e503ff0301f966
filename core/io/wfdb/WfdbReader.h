#pragma once
// PhysioNet WFDB records (header(5), signal(5)): .hea plus signal files in formats 0, 8, 16, 24, 32, 61, 80,
// 160, 212, 310, 311 and FLAC 508/516/524, multi-frequency, skewed, with byte offsets (MATLAB v4 .mat signal
// files of the PhysioNet Challenges included), single- and multi-segment.
//
// Policies (see WfdbRecord.h for the low-level reader):
// - A header length beyond what the signal files hold is capped at what they hold, with a warning (never a
//   NaN block the size the header claims). Samples a skew pushes past the end of the file are NaN.
// - Checksums are verified only when the whole record is read; a mismatch is a warning, not a failure.
// - High resolution (default): one SignalGroup per distinct sampling rate, labelled "500 Hz".
//   options.lowResolution: one group at the frame rate; multi-sample signals give the mean of each frame
//   (digital mean truncated toward zero, as WFDB 10.5.24 and the PhysioNet targets).
// - Format 8 (first differences) windows decode from the start of the file; memory stays bounded.

#include "io/RecordingReader.h"

namespace execg {

class WfdbReader final : public RecordingReader {
public:
    std::string name() const override { return "WFDB"; }
    std::vector<std::string> extensions() const override;
    int sniff(const std::string& path, const std::vector<std::uint8_t>& head) const override;
    Recording read(const std::string& path, const ReadOptions& options) const override;
};

// The header of the record `path` belongs to: `path` itself for .hea, else the sibling "<stem>.hea" of a
// signal or annotation file (X.dat, X.mat, X.atr); empty when there is none.
std::string wfdbHeaderPathFor(const std::string& path);

} // namespace execg
