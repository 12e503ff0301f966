#pragma once
// Waveform Data sample decoding (PS3.3 C.10.9.1.5 Waveform Bits Allocated / Sample Interpretation,
// C.10.9.1.7 Waveform Data): channel-interleaved samples, little-endian bytes, to per-channel values.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace execg::dicom {

enum class SampleInterpretation { SB, UB, MB, AB, SS, US, SL, UL, SV, UV };

struct SampleFormat {
    int bitsAllocated = 16;
    SampleInterpretation interpretation = SampleInterpretation::SS;

    int bytesPerSample() const { return bitsAllocated / 8; }
    std::string name() const;     // "SS/16"
};

// The format for a Bits Allocated / Sample Interpretation pair, or nullopt with the reason in `why`
// (PS3.3 Table C.10-10: 8 bits go with SB/UB/MB/AB, 16 with SS/US, 32 with SL/UL, 64 with SV/UV).
std::optional<SampleFormat> parseSampleFormat(int bitsAllocated, const std::string& interpretation, std::string& why);

// ITU-T G.711 expansion to the 16-bit linear range (µ-law ±32124, A-law ±32256).
int muLawToLinear(std::uint8_t code);
int aLawToLinear(std::uint8_t code);

// The stored bit pattern of one sample (for comparing against Waveform Padding Value).
std::uint64_t sampleBits(const std::uint8_t* p, int bytes);

// The numeric value of one sample: signed/unsigned integer, or G.711-expanded for MB/AB.
double sampleValue(const std::uint8_t* p, const SampleFormat& format);

// value = raw·scale + offset, applied after decoding.
struct ChannelTransform {
    double scale = 1.0;
    double offset = 0.0;
};

// Appends `frames` multiplexed frames (channels × samples, C1S1 C2S1 … CnS1 C1S2 …) to `out`
// (one vector per channel). Samples whose bit pattern equals `paddingBits` become NaN.
void decodeFrames(const std::uint8_t* data, std::size_t frames, const SampleFormat& format,
                  const std::vector<ChannelTransform>& transforms, std::optional<std::uint64_t> paddingBits,
                  std::vector<std::vector<float>>& out);

} // namespace execg::dicom
