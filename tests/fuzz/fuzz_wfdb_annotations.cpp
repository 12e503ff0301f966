// Fuzzes the MIT annotation decoder: any bytes decode or give a ReadError, and always terminate.
#include "FuzzSupport.h"

#include "io/ReadError.h"
#include "io/wfdb/WfdbAnnotations.h"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        const auto file = execg::decodeWfdbAnnotations(std::vector<std::uint8_t>(data, data + size), "fuzz.atr");
        volatile std::size_t n = file.annotations.size();
        (void)n;
    } catch (const execg::ReadError&) {
    }
    return 0;
}
