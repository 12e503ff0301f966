#include "io/scp/ScpFormat.h"

#include <array>

namespace execg::scp {

std::uint16_t crcCcitt(const std::uint8_t* data, std::size_t size)
{
    static const auto table = [] {
        std::array<std::uint16_t, 256> t{};
        for (unsigned i = 0; i < 256; ++i) {
            std::uint16_t c = std::uint16_t(i << 8);
            for (int b = 0; b < 8; ++b)
                c = std::uint16_t(c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1);
            t[i] = c;
        }
        return t;
    }();
    std::uint16_t crc = 0xFFFF;
    for (std::size_t i = 0; i < size; ++i)
        crc = std::uint16_t(crc << 8 ^ table[(crc >> 8 ^ data[i]) & 0xFF]);
    return crc;
}

namespace {

struct LeadCode {
    int code;
    const char* name;
};

// EN 1064 lead identification (the -cal and Frank/Nehb leads have no standard name here and stay "SCP lead n").
constexpr LeadCode kLeadCodes[] = {
    {1, "I"},     {2, "II"},    {3, "V1"},    {4, "V2"},    {5, "V3"},    {6, "V4"},   {7, "V5"},
    {8, "V6"},    {9, "V7"},    {10, "V2R"},  {11, "V3R"},  {12, "V4R"},  {13, "V5R"}, {14, "V6R"},
    {15, "V7R"},  {16, "X"},    {17, "Y"},    {18, "Z"},    {61, "III"},  {62, "aVR"}, {63, "aVL"},
    {64, "aVF"},  {65, "-aVR"}, {66, "V8"},   {67, "V9"},   {68, "V8R"},  {69, "V9R"},
};

} // namespace

std::optional<std::string> leadNameForCode(int code)
{
    for (const auto& c : kLeadCodes)
        if (c.code == code)
            return std::string(c.name);
    return std::nullopt;
}

std::optional<int> codeForLeadName(const std::string& name)
{
    for (const auto& c : kLeadCodes)
        if (name == c.name)
            return c.code;
    return std::nullopt;
}

const HuffmanTable& defaultHuffmanTable()
{
    static const HuffmanTable table = [] {
        HuffmanTable t;
        t.codes.push_back({1, 1, true, 0, 0b0});
        // ±n for n = 1…8: n ones, a zero, then the sign bit (0 positive, 1 negative): 100, 101, 1100, …, 1111111101.
        for (int n = 1; n <= 8; ++n) {
            const int bits = n + 2;
            const std::uint32_t ones = ((1u << n) - 1u) << 2;
            t.codes.push_back({bits, bits, true, n, ones});
            t.codes.push_back({bits, bits, true, -n, ones | 1u});
        }
        t.codes.push_back({10, 18, true, 0, 0x3FE});   // an 8-bit original follows
        t.codes.push_back({10, 26, true, 0, 0x3FF});   // a 16-bit original follows
        return t;
    }();
    return table;
}

} // namespace execg::scp
