#include "io/philips/XliDecoder.h"

#include <algorithm>
#include <array>
#include <limits>

namespace execg::xli {

namespace {

// A dictionary string as the entry it extends plus one byte, so that no string is ever copied: it is written
// backwards from its last byte by following the prefixes, `length` steps.
struct Entry {
    std::uint16_t prefix = 0;
    std::uint16_t length = 0;
    std::uint8_t last = 0;
    std::uint8_t first = 0;
};

constexpr std::size_t kDictionarySize = kEndCode;   // codes 0 … 1022

std::int16_t wrap16(std::int32_t v)
{
    // Conversion to a narrower signed type is modular since C++20.
    return static_cast<std::int16_t>(v);
}

} // namespace

std::vector<std::uint8_t> lzwDecode(const std::uint8_t* data, std::size_t size, std::size_t expectedBytes, int chunk)
{
    std::array<Entry, kDictionarySize> dict{};
    for (unsigned c = 0; c < 256; ++c)
        dict[c] = {0, 1, std::uint8_t(c), std::uint8_t(c)};
    std::size_t next = 256;

    std::vector<std::uint8_t> out;
    // Each code yields at most kDictionarySize bytes, so the output is bounded by the input; reserving no more than
    // what the input can give keeps a forged sample count from allocating memory the data never fill.
    out.reserve(std::min(expectedBytes, size * 8));

    std::uint32_t bits = 0;
    int nbits = 0;
    std::size_t pos = 0;
    int prev = -1;
    for (;;) {
        while (nbits < kCodeBits && pos < size) {
            bits = (bits << 8 | data[pos++]) & 0xFFFFFu;
            nbits += 8;
        }
        if (nbits < kCodeBits)
            break;   // the bits left over are padding
        const unsigned code = (bits >> (nbits - kCodeBits)) & kEndCode;
        nbits -= kCodeBits;
        if (code == kEndCode)
            break;

        const bool repeat = code == next && prev >= 0;   // the string being defined by this very code (KwKwK)
        if (code > next || (code == next && !repeat) || code >= kDictionarySize)
            throw XliError(chunk, "invalid LZW code " + std::to_string(code) + " (the dictionary holds " +
                                      std::to_string(next) + " entries)");
        const Entry& body = dict[repeat ? std::size_t(prev) : code];
        const std::size_t length = std::size_t(body.length) + (repeat ? 1 : 0);
        if (out.size() + length > expectedBytes)
            throw XliError(chunk, "too many samples: the LZW data give more than the " + std::to_string(expectedBytes) +
                                      " bytes of " + std::to_string(expectedBytes / 2) + " samples");
        const std::size_t start = out.size();
        out.resize(start + length);
        std::size_t at = start + body.length;
        if (repeat)
            out[at] = body.first;
        for (unsigned c = repeat ? unsigned(prev) : code; at > start;) {
            out[--at] = dict[c].last;
            c = dict[c].prefix;
        }
        if (prev >= 0 && next < kDictionarySize) {
            const Entry& p = dict[std::size_t(prev)];
            dict[next] = {std::uint16_t(prev), std::uint16_t(p.length + 1), out[start], p.first};
            ++next;
        }
        prev = int(code);
    }
    if (out.size() != expectedBytes)
        throw XliError(chunk, "too few samples: the LZW data give " + std::to_string(out.size()) + " bytes, " +
                                  std::to_string(expectedBytes) + " needed for " + std::to_string(expectedBytes / 2) +
                                  " samples");
    return out;
}

std::vector<std::int32_t> undoDeltas(const std::vector<std::uint8_t>& lzwOutput, std::int16_t start)
{
    const std::size_t n = lzwOutput.size() / 2;
    std::vector<std::int32_t> x(n);
    std::int32_t delta = start;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t value = wrap16(std::int32_t(lzwOutput[i]) << 8 | lzwOutput[n + i]);
        if (i < 2) {
            x[i] = value;
            continue;
        }
        x[i] = wrap16(2 * x[i - 1] - x[i - 2] - delta);
        delta = value - 64;
    }
    return x;
}

std::vector<std::vector<std::int32_t>> decode(const std::uint8_t* data, std::size_t size, std::size_t leads,
                                              std::size_t samplesPerLead)
{
    if (samplesPerLead > std::numeric_limits<std::size_t>::max() / 4)
        throw XliError(-1, "sample count " + std::to_string(samplesPerLead) + " out of range");
    std::vector<std::vector<std::int32_t>> out;
    std::size_t offset = 0;
    for (std::size_t lead = 0; lead < leads; ++lead) {
        const int chunk = int(std::min<std::size_t>(lead, std::numeric_limits<int>::max()));
        const std::size_t left = size - offset;
        if (left == 0)
            throw XliError(chunk, "missing: the XLI data end after " + std::to_string(lead) + " chunks");
        if (left < kChunkHeaderBytes)
            throw XliError(chunk, "chunk header truncated: " + std::to_string(left) + " bytes left where " +
                                      std::to_string(kChunkHeaderBytes) + " are needed");
        const std::uint8_t* h = data + offset;
        const std::uint32_t compressed = std::uint32_t(h[0]) | std::uint32_t(h[1]) << 8 | std::uint32_t(h[2]) << 16 |
                                         std::uint32_t(h[3]) << 24;
        const auto start = static_cast<std::int16_t>(std::uint16_t(h[6] | h[7] << 8));
        if (compressed > left - kChunkHeaderBytes)
            throw XliError(chunk, "compressed size " + std::to_string(compressed) + " beyond the " +
                                      std::to_string(left - kChunkHeaderBytes) + " bytes left");
        const auto bytes = lzwDecode(h + kChunkHeaderBytes, compressed, 2 * samplesPerLead, chunk);
        out.push_back(undoDeltas(bytes, start));
        offset += kChunkHeaderBytes + compressed;
    }
    return out;
}

void restoreLimbLeads(const std::vector<std::int32_t>& i, const std::vector<std::int32_t>& ii, std::vector<std::int32_t>& iii,
                      std::vector<std::int32_t>& avr, std::vector<std::int32_t>& avl, std::vector<std::int32_t>& avf)
{
    const std::size_t n = i.size();
    if (ii.size() != n || iii.size() != n || avr.size() != n || avl.size() != n || avf.size() != n)
        throw std::invalid_argument("XLI limb leads of different lengths");
    // >> on a negative int is an arithmetic shift since C++20: the halves round towards −∞.
    for (std::size_t k = 0; k < n; ++k) {
        iii[k] = ii[k] - i[k] - iii[k];
        avr[k] = -avr[k] - ((i[k] + ii[k]) >> 1);
        avl[k] = ((i[k] - iii[k]) >> 1) - avl[k];
        avf[k] = ((ii[k] + iii[k]) >> 1) - avf[k];
    }
}

} // namespace execg::xli
