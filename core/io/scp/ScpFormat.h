#pragma once
// What the SCP-ECG reader and writer share (EN 1064 / ISO 11073-91064): little-endian fields, the CRC-CCITT that
// guards the file and each section, the lead identification codes, and the Huffman tables of section 2.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace execg::scp {

inline constexpr std::size_t kSectionHeaderBytes = 16;
inline constexpr std::uint16_t kDefaultHuffmanTableMarker = 19999;   // section 2: "the default table only"

inline std::uint16_t get16(const std::uint8_t* p) { return std::uint16_t(p[0] | p[1] << 8); }
inline std::uint32_t get32(const std::uint8_t* p)
{
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

// CRC-CCITT (polynomial 0x1021, initial value 0xFFFF, no reflection), as the standard defines for the file and for
// every section (each over everything after its own two CRC bytes).
std::uint16_t crcCcitt(const std::uint8_t* data, std::size_t size);

// Standard lead name for an SCP lead identification code (1 → "I", 61 → "III", 3 → "V1", …); codes without a
// standard lead name give nullopt.
std::optional<std::string> leadNameForCode(int code);
// The code the writer stores for a standard lead name; nullopt for a lead SCP has no code for.
std::optional<int> codeForLeadName(const std::string& name);

// One code of a Huffman table. `bits` holds the prefix MSB-first, in the order the bits arrive (the file stores it
// bit-reversed). A code whose totalBits exceed its prefixBits is followed by the value itself, two's complement.
struct HuffmanCode {
    int prefixBits = 0;
    int totalBits = 0;
    bool isValue = true;       // false: a table switch to table number `baseValue` (1-based)
    int baseValue = 0;
    std::uint32_t bits = 0;
};

struct HuffmanTable {
    std::vector<HuffmanCode> codes;
};

// The standard's default table (19 codes): 0 in one bit, ±1…±8 in 3…10 bits, then 8- and 16-bit originals.
const HuffmanTable& defaultHuffmanTable();

} // namespace execg::scp
