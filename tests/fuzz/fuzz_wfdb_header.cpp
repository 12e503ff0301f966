// Fuzzes the WFDB header parser: any text parses or gives a ReadError, quickly.
#include "FuzzSupport.h"

#include "io/ReadError.h"
#include "io/wfdb/WfdbHeader.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const auto header = execg::parseWfdbHeader(text, "fuzz.hea");
        volatile std::size_t n = header.signalSpecs.size() + header.segments.size();
        (void)n;
        (void)execg::wfdbIsoDateTime(header);
    } catch (const execg::ReadError&) {
    }
    (void)execg::wfdbTextToUtf8(text);
    return 0;
}
