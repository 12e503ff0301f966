// Fuzzes the HL7 aECG reader (XML, sequences, annotations): any bytes give a Recording or a ReadError.
#include "FuzzSupport.h"

#include "io/ReadError.h"
#include "io/hl7/AecgReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = execg::fuzz::writeScratch(data, size, ".xml");
    try {
        const auto rec = execg::AecgReader().read(path, {});
        volatile std::size_t n = rec.groups.size() + rec.metadata.annotations.size();
        (void)n;
    } catch (const execg::ReadError&) {
    }
    return 0;
}
