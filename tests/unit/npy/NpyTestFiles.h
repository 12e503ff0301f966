#pragma once
// Writers for test .npy/.npz files laid out as numpy.save and numpy.savez(_compressed) lay them out.
#include <QByteArray>
#include <QFile>
#include <QString>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>
#include <zlib.h>

namespace execg::test {

template <typename T>
QByteArray rawValues(const std::vector<T>& values, bool bigEndian = false)
{
    QByteArray out;
    for (T v : values) {
        char b[sizeof(T)];
        std::memcpy(b, &v, sizeof(T));
        if (bigEndian)
            std::reverse(b, b + sizeof(T));
        out.append(b, sizeof(T));
    }
    return out;
}

// A .npy with the given header dict text, padded as numpy pads it.
inline QByteArray npyWithDict(std::string dict, const QByteArray& data, int major = 1)
{
    const size_t prefix = major == 1 ? 10 : 12;
    while ((prefix + dict.size() + 1) % 64 != 0)   // numpy pads the header to a multiple of 64 bytes
        dict += ' ';
    dict += '\n';
    QByteArray out("\x93NUMPY", 6);
    out.append(char(major));
    out.append(char(0));
    const auto length = static_cast<std::uint32_t>(dict.size());
    for (size_t i = 0; i < prefix - 8; ++i)
        out.append(char((length >> (8 * i)) & 0xff));
    out.append(dict.data(), qsizetype(dict.size()));
    return out + data;
}

inline QByteArray npyFile(const std::string& descr, const std::string& shape, const QByteArray& data,
                          bool fortran = false, int major = 1)
{
    return npyWithDict("{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") +
                           ", 'shape': " + shape + ", }",
                       data, major);
}

struct ZipMember {
    std::string name;
    QByteArray data;
    bool deflate = false;
};

inline void put16(QByteArray& b, unsigned v) { b.append(char(v & 0xff)).append(char((v >> 8) & 0xff)); }
inline void put32(QByteArray& b, std::uint32_t v)
{
    put16(b, v & 0xffff);
    put16(b, v >> 16);
}

inline QByteArray deflateRaw(const QByteArray& in)
{
    z_stream zs{};
    deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&zs, uLong(in.size()))), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(int(zs.total_out));
    deflateEnd(&zs);
    return out;
}

inline QByteArray zipFile(const std::vector<ZipMember>& members)
{
    QByteArray out, directory;
    for (const auto& m : members) {
        const QByteArray stored = m.deflate ? deflateRaw(m.data) : m.data;
        const auto crc = std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(m.data.data()), uInt(m.data.size())));
        const auto offset = std::uint32_t(out.size());
        QByteArray common;
        put16(common, 20);                       // version needed
        put16(common, 0);                        // flags
        put16(common, m.deflate ? 8 : 0);
        put16(common, 0);                        // time
        put16(common, 0x21);                     // date
        put32(common, crc);
        put32(common, std::uint32_t(stored.size()));
        put32(common, std::uint32_t(m.data.size()));
        put16(common, unsigned(m.name.size()));
        put16(common, 0);                        // extra length
        out.append("PK\x03\x04", 4).append(common).append(m.name.data(), qsizetype(m.name.size())).append(stored);
        directory.append("PK\x01\x02", 4);
        put16(directory, 20);                    // version made by
        directory.append(common);
        put16(directory, 0);                     // comment length
        put16(directory, 0);                     // disk
        put16(directory, 0);                     // internal attributes
        put32(directory, 0);                     // external attributes
        put32(directory, offset);
        directory.append(m.name.data(), qsizetype(m.name.size()));
    }
    const auto cdOffset = std::uint32_t(out.size());
    out.append(directory);
    out.append("PK\x05\x06", 4);
    put16(out, 0);
    put16(out, 0);
    put16(out, unsigned(members.size()));
    put16(out, unsigned(members.size()));
    put32(out, std::uint32_t(directory.size()));
    put32(out, cdOffset);
    put16(out, 0);
    return out;
}

inline void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

// Written by Python's zipfile exactly as numpy.savez_compressed writes (ZIP_DEFLATED, force_zip64=True, so the
// local headers carry 0xffffffff sizes and a Zip64 extra field): x = float32 [[1, 2, 3], [4, 5, nan]] and
// fs = int64 500 (a 0-d array).
inline QByteArray pythonSavezCompressed()
{
    static const char bytes[] =
        "\x50\x4b\x03\x04\x2d\x00\x00\x00\x08\x00\x00\x00\x21\x00\x3e\xa0\x63\xbb\xff\xff\xff\xff\xff\xff"
        "\xff\xff\x06\x00\x14\x00\x66\x73\x2e\x6e\x70\x79\x01\x00\x10\x00\x88\x00\x00\x00\x00\x00\x00\x00"
        "\x47\x00\x00\x00\x00\x00\x00\x00\x9b\xec\x17\xea\x1b\x10\xc9\xc8\x50\xc6\x50\xad\x9e\x92\x5a\x9c"
        "\x5c\xa4\x6e\xa5\xa0\x6e\x93\x69\xa1\xae\xa3\xa0\x9e\x96\x5f\x54\x52\x94\x98\x17\x9f\x5f\x94\x92"
        "\x0a\x12\x77\x4b\xcc\x29\x4e\x05\x8a\x17\x67\x24\x16\xa4\x02\xf9\x1a\x9a\x3a\x0a\xb5\x0a\x14\x01"
        "\xae\x2f\x8c\x0c\x60\x00\x00\x50\x4b\x03\x04\x2d\x00\x00\x00\x08\x00\x00\x00\x21\x00\x41\xb1\xb8"
        "\x14\xff\xff\xff\xff\xff\xff\xff\xff\x05\x00\x14\x00\x78\x2e\x6e\x70\x79\x01\x00\x10\x00\x98\x00"
        "\x00\x00\x00\x00\x00\x00\x58\x00\x00\x00\x00\x00\x00\x00\x9b\xec\x17\xea\x1b\x10\xc9\xc8\x50\xc6"
        "\x50\xad\x9e\x92\x5a\x9c\x5c\xa4\x6e\xa5\xa0\x6e\x93\x66\xa2\xae\xa3\xa0\x9e\x96\x5f\x54\x52\x94"
        "\x98\x17\x9f\x5f\x94\x92\x0a\x12\x77\x4b\xcc\x29\x4e\x05\x8a\x17\x67\x24\x16\xa4\x02\xf9\x1a\x46"
        "\x3a\x0a\xc6\x9a\x3a\x0a\xb5\x0a\x64\x03\x2e\x06\x86\x06\x7b\x06\x06\x06\x07\x20\x02\xe2\x06\x20"
        "\x5e\x00\xc4\x07\xea\x01\x50\x4b\x01\x02\x2d\x03\x2d\x00\x00\x00\x08\x00\x00\x00\x21\x00\x3e\xa0"
        "\x63\xbb\x47\x00\x00\x00\x88\x00\x00\x00\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x01"
        "\x00\x00\x00\x00\x66\x73\x2e\x6e\x70\x79\x50\x4b\x01\x02\x2d\x03\x2d\x00\x00\x00\x08\x00\x00\x00"
        "\x21\x00\x41\xb1\xb8\x14\x58\x00\x00\x00\x98\x00\x00\x00\x05\x00\x00\x00\x00\x00\x00\x00\x00\x00"
        "\x00\x00\x80\x01\x7f\x00\x00\x00\x78\x2e\x6e\x70\x79\x50\x4b\x05\x06\x00\x00\x00\x00\x02\x00\x02"
        "\x00\x67\x00\x00\x00\x0e\x01\x00\x00\x00\x00";
    return QByteArray(bytes, sizeof(bytes) - 1);
}

} // namespace execg::test
