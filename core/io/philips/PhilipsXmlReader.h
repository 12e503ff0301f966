#pragma once
// Philips SierraECG / PhilipsECG XML (documentversion 1.03, 1.04, 1.04.01; later 1.04.x read alike): the parsed
// (rhythm) waveforms, XLI-compressed (io/philips/XliDecoder.h) or plain base64 int16, and the representative beats,
// in µV per unit; the stored filters, patient, acquisition and device, the device's measurements and its
// interpretation statements. The channels beyond the labelled leads (13–16 of a 12-lead cart, all zero) are left out.
#include "io/RecordingReader.h"

namespace execg {

class PhilipsXmlReader : public RecordingReader {
public:
    std::string name() const override { return "Philips SierraECG XML"; }
    std::vector<std::string> extensions() const override { return {".xml"}; }
    int sniff(const std::string& path, const std::vector<std::uint8_t>& head) const override;
    Recording read(const std::string& path, const ReadOptions& options) const override;
};

} // namespace execg
