// Fuzzes the Philips SierraECG XML reader (XML, base64, XLI, lead and beat bookkeeping): any bytes give a Recording
// or a ReadError.
#include "FuzzSupport.h"

#include "io/ReadError.h"
#include "io/philips/PhilipsXmlReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = execg::fuzz::writeScratch(data, size, ".xml");
    try {
        const auto rec = execg::PhilipsXmlReader().read(path, {});
        volatile std::size_t n = rec.groups.size();
        (void)n;
    } catch (const execg::ReadError&) {
    }
    return 0;
}
