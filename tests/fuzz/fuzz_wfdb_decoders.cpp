// Fuzzes the WFDB signal decoders: the first byte picks the format and how many samples to ask for, the rest
// is signal-file data. Every decoder must stay inside the buffer and never produce more than it was asked for.
#include "FuzzSupport.h"

#include "io/wfdb/WfdbSignalDecoder.h"

#include <array>
#include <cstdlib>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static constexpr std::array<int, 10> kFormats{8, 16, 24, 32, 61, 80, 160, 212, 310, 311};
    if (size < 2)
        return 0;
    const int format = kFormats[data[0] % kFormats.size()];
    const execg::WfdbFormatInfo* info = execg::wfdbFormatInfo(format);
    if (!info)
        std::abort();   // every listed format must be known
    const std::uint8_t* body = data + 1;
    const std::size_t bytes = size - 1;
    const std::size_t available = execg::wfdbSamplesInBytes(*info, bytes);
    // Ask for fewer, exactly as many, or more samples than the bytes hold.
    const std::size_t asked = (data[0] / kFormats.size()) % 3 == 0 ? available / 2
                              : (data[0] / kFormats.size()) % 3 == 1 ? available
                                                                      : available + 7;
    std::vector<std::int32_t> out(asked + 1, 0x5a5a5a5a);
    const std::size_t got = execg::decodeWfdbSamples(*info, body, bytes, asked, out.data());
    if (got > asked || out[asked] != 0x5a5a5a5a)
        std::abort();   // wrote past what was asked
    if (got > available)
        std::abort();   // invented samples the bytes do not hold
    return 0;
}
