#include "io/scp/ScpHuffman.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace execg::scp {

namespace {

std::uint32_t reverseBits(std::uint32_t v, int n)
{
    std::uint32_t r = 0;
    for (int i = 0; i < n; ++i)
        r = r << 1 | (v >> i & 1u);
    return r;
}

class BitReader {
public:
    BitReader(const std::uint8_t* data, std::size_t size) : data_(data), bits_(std::uint64_t(size) * 8) {}
    bool atEnd() const { return pos_ >= bits_; }
    std::uint64_t left() const { return bits_ - pos_; }
    unsigned next()
    {
        const unsigned b = data_[pos_ >> 3] >> (7 - (pos_ & 7)) & 1u;
        ++pos_;
        return b;
    }

private:
    const std::uint8_t* data_;
    std::uint64_t bits_;
    std::uint64_t pos_ = 0;
};

class BitWriter {
public:
    void put(std::uint32_t value, int n)
    {
        for (int i = n - 1; i >= 0; --i) {
            if (fill_ == 0)
                bytes_.push_back(0);
            if (value >> i & 1u)
                bytes_.back() = std::uint8_t(bytes_.back() | 0x80u >> fill_);
            fill_ = (fill_ + 1) & 7;
        }
    }
    std::vector<std::uint8_t> take() { return std::move(bytes_); }

private:
    std::vector<std::uint8_t> bytes_;
    int fill_ = 0;
};

} // namespace

std::vector<HuffmanTable> parseHuffmanTables(const std::uint8_t* data, std::size_t size)
{
    if (size < 2)
        throw std::invalid_argument("section 2 holds no table count");
    const std::uint16_t count = get16(data);
    if (count == kDefaultHuffmanTableMarker)
        return {defaultHuffmanTable()};
    if (count == 0)
        throw std::invalid_argument("section 2 defines no Huffman table");
    std::vector<HuffmanTable> tables;
    std::size_t at = 2;
    for (int t = 1; t <= count; ++t) {
        if (at + 2 > size)
            throw std::invalid_argument("section 2 ends before Huffman table " + std::to_string(t) + " of " + std::to_string(count));
        const std::uint16_t codes = get16(data + at);
        at += 2;
        if (codes == 0 || at + std::size_t(codes) * 9 > size)
            throw std::invalid_argument("Huffman table " + std::to_string(t) + " states " + std::to_string(codes) +
                                        " codes, which the section does not hold");
        HuffmanTable table;
        for (int c = 0; c < codes; ++c, at += 9) {
            HuffmanCode code;
            code.prefixBits = data[at];
            code.totalBits = data[at + 1];
            code.isValue = data[at + 2] != 0;
            code.baseValue = std::int16_t(get16(data + at + 3));
            const int extra = code.totalBits - code.prefixBits;
            if (code.prefixBits < 1 || code.prefixBits > 32 || extra < 0 || extra > 32 || (!code.isValue && extra != 0))
                throw std::invalid_argument("Huffman table " + std::to_string(t) + ", code " + std::to_string(c + 1) + ": " +
                                            std::to_string(code.prefixBits) + " prefix bits of " + std::to_string(code.totalBits));
            code.bits = reverseBits(get32(data + at + 5), code.prefixBits);
            table.codes.push_back(code);
        }
        tables.push_back(std::move(table));
    }
    return tables;
}

HuffmanDecoded huffmanDecode(const std::vector<HuffmanTable>& tables, const std::uint8_t* data, std::size_t size,
                             std::size_t count)
{
    HuffmanDecoded out;
    out.values.reserve(std::min<std::size_t>(count, size * 8));   // every value takes at least one bit
    const HuffmanTable* table = &tables.at(0);
    BitReader in(data, size);
    while (out.values.size() < count) {
        if (in.atEnd()) {
            out.truncated = true;
            break;
        }
        // Bit by bit, the shortest code that matches wins; tables have a few dozen codes at most.
        std::uint32_t prefix = 0;
        const HuffmanCode* match = nullptr;
        for (int n = 1; n <= 32 && !match; ++n) {
            if (in.atEnd())
                break;
            prefix = prefix << 1 | in.next();
            for (const auto& c : table->codes)
                if (c.prefixBits == n && c.bits == prefix) {
                    match = &c;
                    break;
                }
        }
        if (!match) {
            if (in.atEnd()) {   // a partial code in the padding of the last byte
                out.truncated = true;
                break;
            }
            throw std::invalid_argument("no Huffman code matches the bits after value " + std::to_string(out.values.size()));
        }
        if (!match->isValue) {
            if (match->baseValue < 1 || std::size_t(match->baseValue) > tables.size())
                throw std::invalid_argument("a Huffman code switches to table " + std::to_string(match->baseValue) +
                                            ", which section 2 does not define");
            table = &tables[std::size_t(match->baseValue - 1)];
            continue;
        }
        const int extra = match->totalBits - match->prefixBits;
        if (extra == 0) {
            out.values.push_back(match->baseValue);
            continue;
        }
        if (in.left() < std::uint64_t(extra)) {
            out.truncated = true;
            break;
        }
        std::uint32_t v = 0;
        for (int i = 0; i < extra; ++i)
            v = v << 1 | in.next();
        // Two's complement of `extra` bits, sign-extended.
        const std::int64_t signedValue = extra < 32 && (v >> (extra - 1) & 1u) ? std::int64_t(v) - (std::int64_t(1) << extra)
                                                                               : std::int64_t(std::int32_t(v));
        out.values.push_back(std::int32_t(signedValue));
    }
    return out;
}

std::vector<std::uint8_t> huffmanEncodeDefault(const std::vector<std::int32_t>& values)
{
    BitWriter out;
    for (const std::int32_t v : values) {
        if (v == 0)
            out.put(0, 1);
        else if (v >= -8 && v <= 8) {
            const int n = v < 0 ? -v : v;
            out.put(((1u << n) - 1u) << 2 | (v < 0 ? 1u : 0u), n + 2);
        } else if (v >= -128 && v <= 127) {
            out.put(0x3FE, 10);
            out.put(std::uint32_t(v) & 0xFFu, 8);
        } else if (v >= -32768 && v <= 32767) {
            out.put(0x3FF, 10);
            out.put(std::uint32_t(v) & 0xFFFFu, 16);
        } else {
            throw std::invalid_argument("value " + std::to_string(v) + " does not fit the default Huffman table's 16 bits");
        }
    }
    return out.take();
}

} // namespace execg::scp
