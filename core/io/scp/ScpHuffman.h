#pragma once
// Section 2's Huffman tables, and the coding of one lead's bytes with them.
#include "io/scp/ScpFormat.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace execg::scp {

// Section 2's data area (after the section header). 19999 tables means the default table alone.
// Throws std::invalid_argument naming the problem (a table running past the section, a code of impossible length).
std::vector<HuffmanTable> parseHuffmanTables(const std::uint8_t* data, std::size_t size);

struct HuffmanDecoded {
    std::vector<std::int32_t> values;
    bool truncated = false;   // the bits ran out before `count` values
};

// Decodes up to `count` values from `size` bytes, starting with the first table; a table-switch code changes the
// table for the codes after it. Throws std::invalid_argument at a bit pattern that no code of the table matches,
// or at a switch to a table that does not exist.
HuffmanDecoded huffmanDecode(const std::vector<HuffmanTable>& tables, const std::uint8_t* data, std::size_t size,
                             std::size_t count);

// Codes the values with the default table, the last byte padded with zero bits. Values must fit in 16 bits.
std::vector<std::uint8_t> huffmanEncodeDefault(const std::vector<std::int32_t>& values);

} // namespace execg::scp
