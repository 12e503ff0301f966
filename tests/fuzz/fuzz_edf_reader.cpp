// Fuzzes the EDF/EDF+ reader (header, records, annotation lists): any bytes give a Recording or a ReadError.
#include "FuzzSupport.h"

#include "io/ReadError.h"
#include "io/edf/EdfReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = execg::fuzz::writeScratch(data, size, ".edf");
    try {
        const auto rec = execg::EdfReader().read(path, {});
        volatile std::size_t n = rec.groups.size() + rec.metadata.annotations.size();
        (void)n;
    } catch (const execg::ReadError&) {
    }
    return 0;
}
