#pragma once
// SCP-ECG (EN 1064, ISO 11073-91064), versions 1.x to 3.0: sections 0–11; Huffman-coded (default or the file's own
// tables) or plain 16-bit data; amplitudes, first or second differences; reference-beat subtraction with the
// residual's reconstruction, and bimodal compression; per-lead start and end; patient and acquisition data (1),
// the device's measurements (7) and statements (8, else 11). The reference beat becomes a "median beats" group.
// Producer bugs the data survive (bad CRCs, saturated lead byte counts, 0-based sample ranges) are warnings.
#include "io/RecordingReader.h"

namespace execg {

class ScpReader : public RecordingReader {
public:
    std::string name() const override { return "SCP-ECG"; }
    std::vector<std::string> extensions() const override { return {".scp"}; }
    int sniff(const std::string& path, const std::vector<std::uint8_t>& head) const override;
    Recording read(const std::string& path, const ReadOptions& options) const override;
};

} // namespace execg
