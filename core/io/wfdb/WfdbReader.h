#pragma once
#include "io/RecordingReader.h"

namespace execg {

class WfdbReader final : public RecordingReader {
public:
    std::string name() const override { return "WFDB"; }
    std::vector<std::string> extensions() const override;
    int sniff(const std::string& path, const std::vector<std::uint8_t>& head) const override;
    Recording read(const std::string& path, const ReadOptions& options) const override;
};

} // namespace execg
