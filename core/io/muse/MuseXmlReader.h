#pragma once
// GE MUSE RestingECG XML (MUSE 7–9 exports, restecg.dtd): the Rhythm and Median waveforms (base64, 16-bit little
// endian, LeadAmplitudeUnitsPerBit in µV per unit), the limb leads the cart leaves out (III, aVR, aVL, aVF) derived
// and marked, the filters, the patient and test demographics, the device's measurements and its diagnosis
// statements. Leads missing, given twice, or whose data do not match their stated sample count are named.
#include "io/RecordingReader.h"

namespace execg {

class MuseXmlReader : public RecordingReader {
public:
    std::string name() const override { return "GE MUSE XML"; }
    std::vector<std::string> extensions() const override { return {".xml"}; }
    int sniff(const std::string& path, const std::vector<std::uint8_t>& head) const override;
    Recording read(const std::string& path, const ReadOptions& options) const override;
};

} // namespace execg
