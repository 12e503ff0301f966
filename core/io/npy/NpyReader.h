#pragma once
#include "io/RecordingReader.h"

namespace execg {

// NumPy .npy (format 1.0–3.0) and .npz (stored or deflated members) holding one array of shape
// (leads, samples), (1, leads, samples) or, with a warning, (samples, leads). A raw array carries no rate,
// units or lead names: they come from ReadOptions::raw. In a .npz the array named x, X, signal or ecg is
// read, else the first 2-D or 3-D one; its name is recorded in metadata.extra["npz array"].
class NpyReader final : public RecordingReader {
public:
    std::string name() const override { return "NumPy"; }
    std::vector<std::string> extensions() const override;
    int sniff(const std::string& path, const std::vector<std::uint8_t>& head) const override;
    Recording read(const std::string& path, const ReadOptions& options) const override;
};

} // namespace execg
