#include "io/dicom/DicomWaveformDecoder.h"

#include <limits>

namespace execg::dicom {

std::string SampleFormat::name() const
{
    static const char* names[] = {"SB", "UB", "MB", "AB", "SS", "US", "SL", "UL", "SV", "UV"};
    return std::string(names[static_cast<int>(interpretation)]) + "/" + std::to_string(bitsAllocated);
}

std::optional<SampleFormat> parseSampleFormat(int bitsAllocated, const std::string& interpretation, std::string& why)
{
    struct Entry { const char* code; SampleInterpretation interp; int bits; };
    static const Entry table[] = {
        {"SB", SampleInterpretation::SB, 8},  {"UB", SampleInterpretation::UB, 8},
        {"MB", SampleInterpretation::MB, 8},  {"AB", SampleInterpretation::AB, 8},
        {"SS", SampleInterpretation::SS, 16}, {"US", SampleInterpretation::US, 16},
        {"SL", SampleInterpretation::SL, 32}, {"UL", SampleInterpretation::UL, 32},
        {"SV", SampleInterpretation::SV, 64}, {"UV", SampleInterpretation::UV, 64},
    };
    for (const auto& e : table) {
        if (interpretation != e.code)
            continue;
        if (bitsAllocated != e.bits) {
            why = "Waveform Sample Interpretation " + interpretation + " requires Waveform Bits Allocated " +
                  std::to_string(e.bits) + ", but the file has " + std::to_string(bitsAllocated);
            return std::nullopt;
        }
        return SampleFormat{bitsAllocated, e.interp};
    }
    why = "unsupported Waveform Sample Interpretation '" + interpretation + "' (Bits Allocated " +
          std::to_string(bitsAllocated) + ")";
    return std::nullopt;
}

int muLawToLinear(std::uint8_t code)
{
    // G.711 §2: codes are transmitted inverted; segment (exponent) and quantisation step (mantissa)
    // rebuild the biased magnitude, and the bias 0x84 (132) is removed.
    const std::uint8_t u = static_cast<std::uint8_t>(~code);
    const int exponent = (u >> 4) & 0x07;
    const int mantissa = u & 0x0F;
    const int magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
    return (u & 0x80) ? -magnitude : magnitude;
}

int aLawToLinear(std::uint8_t code)
{
    // G.711 §3: even bits are inverted on the line (XOR 0x55); sign bit set = positive.
    const std::uint8_t a = static_cast<std::uint8_t>(code ^ 0x55);
    const int exponent = (a >> 4) & 0x07;
    const int mantissa = a & 0x0F;
    int magnitude = (mantissa << 4) + 8;
    if (exponent > 0)
        magnitude = (magnitude + 0x100) << (exponent - 1);
    return (a & 0x80) ? magnitude : -magnitude;
}

std::uint64_t sampleBits(const std::uint8_t* p, int bytes)
{
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

double sampleValue(const std::uint8_t* p, const SampleFormat& format)
{
    const std::uint64_t bits = sampleBits(p, format.bytesPerSample());
    switch (format.interpretation) {
    case SampleInterpretation::SB: return static_cast<std::int8_t>(static_cast<std::uint8_t>(bits));
    case SampleInterpretation::UB: return static_cast<double>(bits);
    case SampleInterpretation::MB: return muLawToLinear(static_cast<std::uint8_t>(bits));
    case SampleInterpretation::AB: return aLawToLinear(static_cast<std::uint8_t>(bits));
    case SampleInterpretation::SS: return static_cast<std::int16_t>(static_cast<std::uint16_t>(bits));
    case SampleInterpretation::US: return static_cast<double>(bits);
    case SampleInterpretation::SL: return static_cast<std::int32_t>(static_cast<std::uint32_t>(bits));
    case SampleInterpretation::UL: return static_cast<double>(bits);
    case SampleInterpretation::SV: return static_cast<double>(static_cast<std::int64_t>(bits));
    case SampleInterpretation::UV: return static_cast<double>(bits);
    }
    return std::numeric_limits<double>::quiet_NaN();
}

void decodeFrames(const std::uint8_t* data, std::size_t frames, const SampleFormat& format,
                  const std::vector<ChannelTransform>& transforms, std::optional<std::uint64_t> paddingBits,
                  std::vector<std::vector<float>>& out)
{
    const std::size_t channels = transforms.size();
    const int bytes = format.bytesPerSample();
    const std::uint8_t* p = data;
    for (std::size_t f = 0; f < frames; ++f) {
        for (std::size_t c = 0; c < channels; ++c, p += bytes) {
            if (paddingBits && sampleBits(p, bytes) == *paddingBits) {
                out[c].push_back(std::numeric_limits<float>::quiet_NaN());
                continue;
            }
            const double v = sampleValue(p, format) * transforms[c].scale + transforms[c].offset;
            out[c].push_back(static_cast<float>(v));
        }
    }
}

} // namespace execg::dicom
