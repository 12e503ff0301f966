#pragma once
// Uncompressed WFDB signal file formats (signal(5)): how samples are packed into bytes.
// A signal file holds one stream of samples: frame after frame, within a frame each signal's
// samples-per-frame values in header order. Formats 212, 310 and 311 pack 2 or 3 samples into blocks.

#include <cstddef>
#include <cstdint>
#include <limits>

namespace execg {

// Marks an invalid sample in decoded digital values (each format's own marker is mapped to this).
inline constexpr std::int32_t kWfdbInvalidSample = std::numeric_limits<std::int32_t>::min();

struct WfdbFormatInfo {
    int format = 0;
    int samplesPerBlock = 1;     // samples in one packing unit
    int bytesPerBlock = 0;       // bytes of one packing unit (0 for the null format)
    std::int64_t invalidValue = 0; // the format's invalid-sample marker (its most negative value)
    bool firstDifferences = false; // format 8: bytes are differences; needs every earlier byte
    bool flac = false;           // 508/516/524: FLAC stream, decoded by WfdbFlac
    int bits = 0;                // sample width; the default ADC resolution
};

// nullptr for formats this reader does not know.
const WfdbFormatInfo* wfdbFormatInfo(int format);

// Complete samples held by `bytes` bytes of a file in this format, including those a partial final
// block still holds entirely (212: 1 sample in 2 bytes; 310: 1 in 2 bytes, 2 in 3; 311: 1 in 2 bytes, 2 in 3).
std::uint64_t wfdbSamplesInBytes(const WfdbFormatInfo& info, std::uint64_t bytes);

// Decodes up to `maxSamples` samples from block-aligned `data`. Samples whose bits are not all present
// are not produced. Returns the count written to `out`. The format's invalid marker becomes
// kWfdbInvalidSample, except for format 8, whose values are raw signed differences (the caller sums them).
std::size_t decodeWfdbSamples(const WfdbFormatInfo& info, const std::uint8_t* data, std::size_t bytes,
                              std::size_t maxSamples, std::int32_t* out);

} // namespace execg
