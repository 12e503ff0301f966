// Fuzzes the GE MUSE XML reader (XML, base64, lead bookkeeping): any bytes give a Recording or a ReadError.
#include "FuzzSupport.h"

#include "io/ReadError.h"
#include "io/muse/MuseXmlReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = execg::fuzz::writeScratch(data, size, ".xml");
    try {
        const auto rec = execg::MuseXmlReader().read(path, {});
        volatile std::size_t n = rec.groups.size();
        (void)n;
    } catch (const execg::ReadError&) {
    }
    return 0;
}
