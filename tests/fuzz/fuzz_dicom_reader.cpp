// Fuzzes the DICOM ECG reader end to end: any bytes must give a Recording or a ReadError, nothing else.
#include "FuzzSupport.h"

#include "io/ReadError.h"
#include "io/dicom/DicomEcgReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = execg::fuzz::writeScratch(data, size, ".dcm");
    execg::DicomEcgReader reader;
    execg::ReadOptions options;
    try {
        const auto rec = reader.read(path, options);
        volatile std::size_t n = rec.groups.size();
        (void)n;
    } catch (const execg::ReadError&) {
    }
    return 0;
}
