#pragma once
// HL7 v3 annotated ECG (aECG, the FDA's format for trial ECGs): every series (rhythm, representative beats) as a
// signal group, each sequence's values as origin + scale × digits in its stated units, the sampling interval from the
// time sequence's increment, the filters from the series' control variables, the subject's demographics, and the
// annotation sets as statements (rhythm, interpretation), timed annotations (beats, waves) and measurements.
#include "io/RecordingReader.h"

namespace execg {

class AecgReader : public RecordingReader {
public:
    std::string name() const override { return "HL7 aECG"; }
    std::vector<std::string> extensions() const override { return {".xml"}; }
    int sniff(const std::string& path, const std::vector<std::uint8_t>& head) const override;
    Recording read(const std::string& path, const ReadOptions& options) const override;
};

} // namespace execg
