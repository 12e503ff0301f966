#include "io/wfdb/WfdbSignalDecoder.h"

#include <algorithm>
#include <array>

namespace execg {

namespace {

constexpr std::array<WfdbFormatInfo, 14> kFormats{{
    {0, 1, 0, 0, false, false, 0},
    {8, 1, 1, 0, true, false, 8},
    {16, 1, 2, -32768, false, false, 16},
    {24, 1, 3, -8388608, false, false, 24},
    {32, 1, 4, std::numeric_limits<std::int32_t>::min(), false, false, 32},
    {61, 1, 2, -32768, false, false, 16},
    {80, 1, 1, -128, false, false, 8},
    {160, 1, 2, -32768, false, false, 16},
    {212, 2, 3, -2048, false, false, 12},
    {310, 3, 4, -512, false, false, 10},
    {311, 3, 4, -512, false, false, 10},
    {508, 1, 0, -128, false, true, 8},
    {516, 1, 0, -32768, false, true, 16},
    {524, 1, 0, -8388608, false, true, 24},
}};

inline std::int32_t signExtend(std::uint32_t v, int bits)
{
    const std::uint32_t m = 1u << (bits - 1);
    v &= (bits == 32) ? 0xFFFFFFFFu : ((1u << bits) - 1u);
    return static_cast<std::int32_t>(v ^ m) - static_cast<std::int32_t>(m);
}

inline std::uint32_t le16(const std::uint8_t* p) { return p[0] | (static_cast<std::uint32_t>(p[1]) << 8); }

// Bytes of a block that must be present for sample k of the block to be complete.
int bytesNeeded(int format, int k)
{
    switch (format) {
    case 212: return k == 0 ? 2 : 3;          // s0: byte0 + low nibble of byte1; s1: high nibble + byte2
    case 310: return k == 0 ? 2 : k == 1 ? 4 : 4;  // s0 in word 0, s1 in word 1, s2 split across both
    case 311: return k == 0 ? 2 : k == 1 ? 3 : 4;  // 10-bit fields at bits 0, 10, 20 of a 32-bit word
    default: return 0;
    }
}

} // namespace

const WfdbFormatInfo* wfdbFormatInfo(int format)
{
    for (const auto& f : kFormats)
        if (f.format == format)
            return &f;
    return nullptr;
}

std::uint64_t wfdbSamplesInBytes(const WfdbFormatInfo& info, std::uint64_t bytes)
{
    if (info.bytesPerBlock == 0)
        return 0;
    const std::uint64_t blocks = bytes / static_cast<std::uint64_t>(info.bytesPerBlock);
    const auto rest = static_cast<int>(bytes % static_cast<std::uint64_t>(info.bytesPerBlock));
    std::uint64_t n = blocks * static_cast<std::uint64_t>(info.samplesPerBlock);
    for (int k = 0; k < info.samplesPerBlock - 1; ++k)
        if (rest > 0 && bytesNeeded(info.format, k) <= rest)
            ++n;
    return n;
}

std::size_t decodeWfdbSamples(const WfdbFormatInfo& info, const std::uint8_t* data, std::size_t bytes,
                              std::size_t maxSamples, std::int32_t* out)
{
    const std::size_t n = std::min<std::size_t>(maxSamples, wfdbSamplesInBytes(info, bytes));
    const auto inv = info.invalidValue;
    auto mark = [inv](std::int32_t v) { return v == inv ? kWfdbInvalidSample : v; };
    switch (info.format) {
    case 8:
        for (std::size_t i = 0; i < n; ++i)
            out[i] = static_cast<std::int8_t>(data[i]);
        break;
    case 16:
        for (std::size_t i = 0; i < n; ++i)
            out[i] = mark(signExtend(le16(data + 2 * i), 16));
        break;
    case 61:
        for (std::size_t i = 0; i < n; ++i)
            out[i] = mark(signExtend((static_cast<std::uint32_t>(data[2 * i]) << 8) | data[2 * i + 1], 16));
        break;
    case 160:
        for (std::size_t i = 0; i < n; ++i)
            out[i] = mark(static_cast<std::int32_t>(le16(data + 2 * i)) - 32768);
        break;
    case 80:
        for (std::size_t i = 0; i < n; ++i)
            out[i] = mark(static_cast<std::int32_t>(data[i]) - 128);
        break;
    case 24:
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint8_t* p = data + 3 * i;
            out[i] = mark(signExtend(p[0] | (static_cast<std::uint32_t>(p[1]) << 8) | (static_cast<std::uint32_t>(p[2]) << 16), 24));
        }
        break;
    case 32:
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint8_t* p = data + 4 * i;
            const std::uint32_t v = p[0] | (static_cast<std::uint32_t>(p[1]) << 8) |
                                    (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
            out[i] = mark(static_cast<std::int32_t>(v));
        }
        break;
    case 212:
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint8_t* p = data + 3 * (i / 2);
            const std::uint32_t v = (i % 2 == 0) ? (p[0] | ((static_cast<std::uint32_t>(p[1]) & 0x0F) << 8))
                                                 : (p[2] | ((static_cast<std::uint32_t>(p[1]) & 0xF0) << 4));
            out[i] = mark(signExtend(v, 12));
        }
        break;
    case 310:
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint8_t* p = data + 4 * (i / 3);
            std::uint32_t v = 0;
            switch (i % 3) {
            case 0: v = le16(p) >> 1; break;
            case 1: v = le16(p + 2) >> 1; break;
            default: v = ((le16(p) >> 11) & 0x1F) | ((le16(p + 2) >> 6) & 0x3E0); break;
            }
            out[i] = mark(signExtend(v, 10));
        }
        break;
    case 311:
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint8_t* p = data + 4 * (i / 3);
            const std::size_t k = i % 3;
            // Only the bytes sample k needs are read, so a partial final block is safe.
            std::uint32_t w = 0;
            for (int b = 0; b < bytesNeeded(311, static_cast<int>(k)); ++b)
                w |= static_cast<std::uint32_t>(p[b]) << (8 * b);
            out[i] = mark(signExtend(w >> (10 * k), 10));
        }
        break;
    default:
        return 0;
    }
    return n;
}

} // namespace execg
