#pragma once
// Philips XLI, the compression of SierraECG / PhilipsECG XML parsed waveforms, decoded without trusting a byte of it.
//
// The base64-decoded waveform data are one chunk per lead: an 8-byte little-endian header (uint32 size of the
// compressed payload, uint16 of unknown use, int16 start delta) and `size` bytes of LZW (10-bit codes packed most
// significant bit first, a dictionary of the 256 single bytes grown to 1023 entries, code 1023 ending the stream).
// The LZW output holds the samples' high bytes, then their low bytes; the int16 values they form are second
// differences, and III, aVR, aVL and aVF are further stored as residuals against what I and II predict (restoreLimbLeads).
// Kept apart from the XML reader so that it can be tested and fuzzed alone.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace execg::xli {

// A malformed XLI stream: which chunk (0-based, -1 when it concerns no chunk in particular) and what is wrong with it.
class XliError : public std::runtime_error {
public:
    XliError(int chunk, const std::string& problem) : std::runtime_error(problem), chunk_(chunk) {}
    int chunk() const { return chunk_; }

private:
    int chunk_;
};

inline constexpr std::size_t kChunkHeaderBytes = 8;
inline constexpr int kCodeBits = 10;
inline constexpr unsigned kEndCode = (1u << kCodeBits) - 1;   // 1023: no dictionary entry, ends the stream

// Expands one LZW payload into exactly `expectedBytes` bytes. Throws XliError(chunk, …) for a code the dictionary
// does not hold yet, output beyond `expectedBytes`, or a stream that ends short of it.
std::vector<std::uint8_t> lzwDecode(const std::uint8_t* data, std::size_t size, std::size_t expectedBytes, int chunk = -1);

// Turns the de-interleaved LZW output (n high bytes, then n low bytes) into the n samples, undoing the
// second-difference coding: the first two values are samples themselves; from the third on,
// x[i] = 2·x[i−1] − x[i−2] − d, where d is the header's start delta for i = 2 and (value[i−1] − 64) after that.
// Arithmetic wraps to 16 bits, as the device's does.
std::vector<std::int32_t> undoDeltas(const std::vector<std::uint8_t>& lzwOutput, std::int16_t start);

// Decodes the first `leads` chunks of `data`, each of which must give exactly `samplesPerLead` samples. Chunks after
// them (the disabled channels 13–16 of a 12-lead cart) are not looked at. Throws XliError naming the chunk.
std::vector<std::vector<std::int32_t>> decode(const std::uint8_t* data, std::size_t size, std::size_t leads,
                                              std::size_t samplesPerLead);

// Philips stores III, aVR, aVL and aVF as the difference from their value computed from I and II; this adds the
// computed part back (halves rounded towards −∞, which the reference decoders' published values confirm):
//   III = II − I − III',  aVR = −aVR' − ⌊(I + II)/2⌋,  aVL = ⌊(I − III)/2⌋ − aVL',  aVF = ⌊(II + III)/2⌋ − aVF'.
// All six must have the same length (throws std::invalid_argument otherwise).
void restoreLimbLeads(const std::vector<std::int32_t>& i, const std::vector<std::int32_t>& ii, std::vector<std::int32_t>& iii,
                      std::vector<std::int32_t>& avr, std::vector<std::int32_t>& avl, std::vector<std::int32_t>& avf);

} // namespace execg::xli
