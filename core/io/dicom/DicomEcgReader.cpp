#include "io/dicom/DicomEcgReader.h"

#include "io/ReadError.h"

namespace execg {

std::vector<std::string> DicomEcgReader::extensions() const { return {".dcm"}; }

int DicomEcgReader::sniff(const std::string&, const std::vector<std::uint8_t>&) const { return 0; }

Recording DicomEcgReader::read(const std::string& path, const ReadOptions&) const
{
    throw ReadError(path, "DICOM ECG reading is not implemented yet");
}

} // namespace execg
