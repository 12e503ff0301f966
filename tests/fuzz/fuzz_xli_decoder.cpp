// Fuzzes the XLI decoder alone: the first byte picks how many leads (1–16), the next two how many samples per lead
// (0–65535), the rest is the stream. Any bytes give exactly that many leads of that many samples, or an XliError.
#include "FuzzSupport.h"

#include "io/philips/XliDecoder.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 3)
        return 0;
    const std::size_t leads = 1 + data[0] % 16;
    const std::size_t samples = std::size_t(data[1]) | std::size_t(data[2]) << 8;
    try {
        auto out = execg::xli::decode(data + 3, size - 3, leads, samples);
        if (out.size() != leads)
            std::abort();
        for (const auto& lead : out)
            if (lead.size() != samples)
                std::abort();
        if (leads >= 6)
            execg::xli::restoreLimbLeads(out[0], out[1], out[2], out[3], out[4], out[5]);
    } catch (const execg::xli::XliError&) {
    }
    return 0;
}
