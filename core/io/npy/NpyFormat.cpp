#include "io/npy/NpyFormat.h"

#include "io/ReadError.h"

#include <cctype>
#include <cstring>
#include <limits>

namespace execg::npy {

namespace {

constexpr std::uint64_t kMaxHeaderLength = 1u << 20;   // numpy writes < 64 KiB; more is damage, not data

// The header is a Python literal dict: {'descr': '<f4', 'fortran_order': False, 'shape': (12, 5000), }
class DictParser {
public:
    DictParser(const std::string& text, const std::string& file) : s_(text), file_(file) {}

    void parse(Header& h)
    {
        bool haveDescr = false, haveOrder = false, haveShape = false;
        skipSpace();
        expect('{');
        while (true) {
            skipSpace();
            if (peek() == '}')
                break;
            const std::string key = parseString();
            skipSpace();
            expect(':');
            skipSpace();
            if (key == "descr") {
                if (peek() != '\'' && peek() != '"')
                    fail("structured (record) dtypes are not supported");
                h.dtype = parseDtype(parseString(), file_);
                haveDescr = true;
            } else if (key == "fortran_order") {
                h.fortranOrder = parseBool();
                haveOrder = true;
            } else if (key == "shape") {
                h.shape = parseShape();
                haveShape = true;
            } else {
                fail("unexpected key '" + key + "'");
            }
            skipSpace();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            skipSpace();
            if (peek() != '}')
                fail("expected ',' or '}' at position " + std::to_string(pos_));
        }
        if (!haveDescr || !haveOrder || !haveShape)
            fail("header dict lacks 'descr', 'fortran_order' or 'shape'");
    }

private:
    [[noreturn]] void fail(const std::string& what) const { throw ReadError(file_, "bad .npy header dict: " + what); }
    char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
    void skipSpace()
    {
        while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_])))
            ++pos_;
    }
    void expect(char c)
    {
        if (peek() != c)
            fail(std::string("expected '") + c + "' at position " + std::to_string(pos_));
        ++pos_;
    }
    std::string parseString()
    {
        const char quote = peek();
        if (quote != '\'' && quote != '"')
            fail("expected a quoted string at position " + std::to_string(pos_));
        const size_t end = s_.find(quote, pos_ + 1);
        if (end == std::string::npos)
            fail("unterminated string");
        std::string out = s_.substr(pos_ + 1, end - pos_ - 1);
        pos_ = end + 1;
        return out;
    }
    bool parseBool()
    {
        if (s_.compare(pos_, 4, "True") == 0) {
            pos_ += 4;
            return true;
        }
        if (s_.compare(pos_, 5, "False") == 0) {
            pos_ += 5;
            return false;
        }
        fail("fortran_order must be True or False");
    }
    std::vector<std::uint64_t> parseShape()
    {
        std::vector<std::uint64_t> shape;
        expect('(');
        while (true) {
            skipSpace();
            if (peek() == ')') {
                ++pos_;
                return shape;
            }
            if (!std::isdigit(static_cast<unsigned char>(peek())))
                fail("shape must be a tuple of non-negative integers");
            std::uint64_t v = 0;
            while (std::isdigit(static_cast<unsigned char>(peek()))) {
                const unsigned digit = static_cast<unsigned>(s_[pos_++] - '0');
                if (v > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
                    fail("shape dimension too large");
                v = v * 10 + digit;
            }
            if (peek() == 'L')   // Python 2 long literals
                ++pos_;
            shape.push_back(v);
            if (shape.size() > 32)
                fail("more than 32 dimensions");
            skipSpace();
            if (peek() == ',')
                ++pos_;
            else if (peek() != ')')
                fail("expected ',' or ')' in shape");
        }
    }

    const std::string& s_;
    const std::string& file_;
    size_t pos_ = 0;
};

template <typename T>
T load(const std::uint8_t* p, bool bigEndian)
{
    std::uint8_t b[sizeof(T)];
    for (size_t i = 0; i < sizeof(T); ++i)
        b[i] = bigEndian ? p[sizeof(T) - 1 - i] : p[i];   // NumPy's byte order char, not the host's, decides
    T v;
    std::memcpy(&v, b, sizeof(T));
    return v;
}

template <typename T>
void decodeAs(const std::uint8_t* src, size_t count, size_t stride, bool bigEndian, double scale, float* out)
{
    for (size_t i = 0; i < count; ++i, src += stride)
        out[i] = static_cast<float>(static_cast<double>(load<T>(src, bigEndian)) * scale);
}

} // namespace

Dtype parseDtype(const std::string& descr, const std::string& fileName)
{
    Dtype d;
    d.descr = descr;
    std::string rest = descr;
    if (!rest.empty() && (rest[0] == '<' || rest[0] == '>' || rest[0] == '|' || rest[0] == '=')) {
        d.bigEndian = rest[0] == '>';
        rest.erase(0, 1);
    }
    if (rest == "O" || rest.rfind("O", 0) == 0)
        throw ReadError(fileName, "object arrays (pickled Python objects) cannot be read; save a numeric array");
    if (rest.size() == 2 && (rest[0] == 'f' || rest[0] == 'i' || rest[0] == 'u')) {
        d.kind = rest[0];
        d.itemSize = rest[1] - '0';
        const bool ok = d.kind == 'f' ? (d.itemSize == 4 || d.itemSize == 8)
                                      : (d.itemSize == 1 || d.itemSize == 2 || d.itemSize == 4 || d.itemSize == 8);
        if (ok)
            return d;
    }
    throw ReadError(fileName, "unsupported dtype '" + descr +
                                  "' (supported: float32/64, int8/16/32/64, uint8/16/32/64, either byte order)");
}

Header parseHeader(const ByteSource& source, bool checkData)
{
    const std::string& file = source.name();
    if (source.size() < 10)
        throw ReadError(file, "too short for a .npy file (" + std::to_string(source.size()) + " bytes)");
    const auto pre = source.readExact(0, std::min<std::uint64_t>(12, source.size()));
    if (std::memcmp(pre.data(), "\x93NUMPY", 6) != 0)
        throw ReadError(file, "bad magic: not a NumPy .npy file");
    Header h;
    h.majorVersion = pre[6];
    h.minorVersion = pre[7];
    std::uint64_t headerLength = 0;
    std::uint64_t prefix = 0;
    if (h.majorVersion == 1) {
        headerLength = pre[8] | (std::uint64_t(pre[9]) << 8);
        prefix = 10;
    } else if (h.majorVersion == 2 || h.majorVersion == 3) {   // 3.0 only changes the dict text to UTF-8
        if (pre.size() < 12)
            throw ReadError(file, "truncated .npy header");
        headerLength = pre[8] | (std::uint64_t(pre[9]) << 8) | (std::uint64_t(pre[10]) << 16) |
                       (std::uint64_t(pre[11]) << 24);
        prefix = 12;
    } else {
        throw ReadError(file, "unsupported .npy format version " + std::to_string(h.majorVersion) + "." +
                                  std::to_string(h.minorVersion));
    }
    if (headerLength > kMaxHeaderLength)
        throw ReadError(file, "bad .npy header: dict length " + std::to_string(headerLength) + " is implausible");
    const auto dictBytes = source.readExact(prefix, headerLength);
    const std::string dict(dictBytes.begin(), dictBytes.end());
    DictParser(dict, file).parse(h);
    h.dataOffset = prefix + headerLength;

    std::uint64_t count = 1;
    for (std::uint64_t dim : h.shape) {
        if (dim != 0 && count > std::numeric_limits<std::uint64_t>::max() / dim / 8)
            throw ReadError(file, "shape " + shapeText(h.shape) + " is too large");
        count *= dim;
    }
    h.elementCount = count;
    if (checkData) {
        const std::uint64_t need = count * static_cast<std::uint64_t>(h.dtype.itemSize);
        const std::uint64_t have = source.size() - std::min(source.size(), h.dataOffset);
        if (need > have)
            throw ReadError(file, "truncated data: shape " + shapeText(h.shape) + " of " + h.dtype.descr + " needs " +
                                      std::to_string(need) + " bytes but the file holds " + std::to_string(have));
    }
    return h;
}

void decodeElements(const std::uint8_t* src, std::size_t count, std::size_t strideBytes, const Dtype& dtype,
                    double scale, float* out)
{
    const bool be = dtype.bigEndian;
    switch (dtype.kind) {
    case 'f':
        if (dtype.itemSize == 4)
            return decodeAs<float>(src, count, strideBytes, be, scale, out);
        return decodeAs<double>(src, count, strideBytes, be, scale, out);
    case 'i':
        switch (dtype.itemSize) {
        case 1: return decodeAs<std::int8_t>(src, count, strideBytes, be, scale, out);
        case 2: return decodeAs<std::int16_t>(src, count, strideBytes, be, scale, out);
        case 4: return decodeAs<std::int32_t>(src, count, strideBytes, be, scale, out);
        default: return decodeAs<std::int64_t>(src, count, strideBytes, be, scale, out);
        }
    default:
        switch (dtype.itemSize) {
        case 1: return decodeAs<std::uint8_t>(src, count, strideBytes, be, scale, out);
        case 2: return decodeAs<std::uint16_t>(src, count, strideBytes, be, scale, out);
        case 4: return decodeAs<std::uint32_t>(src, count, strideBytes, be, scale, out);
        default: return decodeAs<std::uint64_t>(src, count, strideBytes, be, scale, out);
        }
    }
}

std::string shapeText(const std::vector<std::uint64_t>& shape)
{
    std::string s = "(";
    for (size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

} // namespace execg::npy
