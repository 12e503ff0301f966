#include "io/npy/ZipArchive.h"

#include "io/ReadError.h"

#include <algorithm>
#include <new>
#include <zlib.h>

namespace execg::npy {

namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::uint32_t kZip64EndOfDirectory = 0x06064b50;
// Deflate cannot expand data by more than about 1032:1, so a directory entry claiming more is a lie that
// would otherwise make us allocate a huge buffer.
constexpr std::uint64_t kMaxDeflateRatio = 1032;

class Cursor {
public:
    Cursor(const std::vector<std::uint8_t>& b, const std::string& file) : b_(b), file_(file) {}
    std::uint64_t get(size_t pos, int bytes) const
    {
        if (pos > b_.size() || static_cast<size_t>(bytes) > b_.size() - pos)
            throw ReadError(file_, "damaged zip directory (record runs past its end)");
        std::uint64_t v = 0;
        for (int i = bytes - 1; i >= 0; --i)
            v = (v << 8) | b_[pos + static_cast<size_t>(i)];
        return v;
    }
    std::uint16_t u16(size_t pos) const { return static_cast<std::uint16_t>(get(pos, 2)); }
    std::uint32_t u32(size_t pos) const { return static_cast<std::uint32_t>(get(pos, 4)); }
    std::uint64_t u64(size_t pos) const { return get(pos, 8); }

private:
    const std::vector<std::uint8_t>& b_;
    const std::string& file_;
};

struct InflateGuard {
    z_stream zs{};
    bool initialised = false;
    ~InflateGuard()
    {
        if (initialised)
            inflateEnd(&zs);
    }
};

} // namespace

ZipArchive::ZipArchive(const BinaryFile& file) : file_(file)
{
    const std::string& path = file.path();
    const std::uint64_t size = file.size();
    if (size < 22)
        throw ReadError(path, "not a zip (.npz) archive: too short");
    // The end-of-central-directory record sits at the end, followed only by a comment of up to 65535 bytes.
    const std::uint64_t tailLength = std::min<std::uint64_t>(size, 22 + 65535);
    const std::uint64_t tailStart = size - tailLength;
    const auto tail = file.readExact(tailStart, tailLength);
    const Cursor t(tail, path);
    size_t eocd = tail.size();
    for (size_t i = tail.size() - 22 + 1; i-- > 0;)
        if (t.u32(i) == kEndOfDirectory && i + 22 + t.u16(i + 20) <= tail.size()) {
            eocd = i;
            break;
        }
    if (eocd == tail.size())
        throw ReadError(path, "not a zip (.npz) archive: no end of central directory record");
    std::uint64_t count = t.u16(eocd + 10);
    std::uint64_t cdSize = t.u32(eocd + 12);
    std::uint64_t cdOffset = t.u32(eocd + 16);
    if ((count == 0xffff || cdSize == 0xffffffff || cdOffset == 0xffffffff) && eocd >= 20 &&
        t.u32(eocd - 20) == kZip64Locator) {
        const std::uint64_t z64 = t.u64(eocd - 20 + 8);
        const auto rec = file.readExact(z64, 56);
        const Cursor z(rec, path);
        if (z.u32(0) != kZip64EndOfDirectory)
            throw ReadError(path, "damaged zip: Zip64 end of central directory not found");
        count = z.u64(32);
        cdSize = z.u64(40);
        cdOffset = z.u64(48);
    }
    if (cdOffset > size || cdSize > size - cdOffset)
        throw ReadError(path, "damaged zip: central directory lies outside the file");
    const auto cd = file.readExact(cdOffset, cdSize);
    const Cursor c(cd, path);
    size_t pos = 0;
    // Bounded by the directory's real size: each record is at least 46 bytes.
    for (std::uint64_t i = 0; i < count && pos + 46 <= cd.size(); ++i) {
        if (c.u32(pos) != kCentralHeader)
            throw ReadError(path, "damaged zip: bad central directory record " + std::to_string(i));
        ZipEntry e;
        e.flags = c.u16(pos + 8);
        e.method = c.u16(pos + 10);
        e.crc32 = c.u32(pos + 16);
        e.compressedSize = c.u32(pos + 20);
        e.uncompressedSize = c.u32(pos + 24);
        const size_t nameLength = c.u16(pos + 28), extraLength = c.u16(pos + 30), commentLength = c.u16(pos + 32);
        e.localHeaderOffset = c.u32(pos + 42);
        if (pos + 46 + nameLength + extraLength + commentLength > cd.size())
            throw ReadError(path, "damaged zip: central directory record " + std::to_string(i) + " runs past its end");
        e.name.assign(reinterpret_cast<const char*>(cd.data() + pos + 46), nameLength);
        // Zip64 extended information: 64-bit values for exactly those fields that read 0xffffffff.
        for (size_t x = pos + 46 + nameLength, end = x + extraLength; x + 4 <= end;) {
            const std::uint16_t id = c.u16(x), length = c.u16(x + 2);
            if (id == 0x0001) {
                size_t v = x + 4;
                if (e.uncompressedSize == 0xffffffff && v + 8 <= x + 4 + length)
                    e.uncompressedSize = c.u64(v), v += 8;
                if (e.compressedSize == 0xffffffff && v + 8 <= x + 4 + length)
                    e.compressedSize = c.u64(v), v += 8;
                if (e.localHeaderOffset == 0xffffffff && v + 8 <= x + 4 + length)
                    e.localHeaderOffset = c.u64(v);
            }
            x += 4 + length;
        }
        entries_.push_back(std::move(e));
        pos += 46 + nameLength + extraLength + commentLength;
    }
}

std::uint64_t ZipArchive::dataOffset(const ZipEntry& entry) const
{
    const auto local = file_.readExact(entry.localHeaderOffset, 30);
    const Cursor l(local, file_.path());
    if (l.u32(0) != kLocalHeader)
        throw ReadError(file_.path(), "damaged zip: no local header for member '" + entry.name + "'");
    const std::uint64_t data = entry.localHeaderOffset + 30 + l.u16(26) + l.u16(28);
    if (data > file_.size() || entry.compressedSize > file_.size() - data)
        throw ReadError(file_.path(), "truncated: zip member '" + entry.name + "' runs past the end of the file");
    return data;
}

std::unique_ptr<ByteSource> ZipArchive::open(const ZipEntry& entry, std::optional<std::uint64_t> prefixBytes) const
{
    const std::string name = file_.path() + ":" + entry.name;
    if (entry.flags & 1)
        throw ReadError(name, "encrypted zip members are not supported");
    const std::uint64_t start = dataOffset(entry);
    if (entry.method == 0) {
        if (entry.compressedSize != entry.uncompressedSize)
            throw ReadError(name, "damaged zip: stored member with different sizes");
        return std::make_unique<FileSlice>(file_, start, entry.uncompressedSize, name);
    }
    if (entry.method != 8)
        throw ReadError(name, "zip compression method " + std::to_string(entry.method) +
                                  " is not supported (only stored and deflate)");
    if (entry.uncompressedSize > entry.compressedSize * kMaxDeflateRatio + 1024)
        throw ReadError(name, "damaged zip: member claims " + std::to_string(entry.uncompressedSize) +
                                  " bytes from " + std::to_string(entry.compressedSize) + " compressed bytes");
    const std::uint64_t target = std::min(entry.uncompressedSize, prefixBytes.value_or(entry.uncompressedSize));
    const bool whole = target == entry.uncompressedSize;
    std::vector<std::uint8_t> out;
    try {
        out.resize(static_cast<size_t>(target));
    } catch (const std::bad_alloc&) {
        throw ReadError(name, "not enough memory to inflate " + std::to_string(target) + " bytes");
    }

    InflateGuard z;
    if (inflateInit2(&z.zs, -MAX_WBITS) != Z_OK)   // raw deflate: zip members carry no zlib header
        throw ReadError(name, "cannot initialise zlib");
    z.initialised = true;
    std::vector<std::uint8_t> input;
    std::uint64_t consumed = 0, produced = 0;
    bool ended = false;
    std::uint8_t overflow = 0;
    auto refill = [&] {
        if (consumed >= entry.compressedSize)
            throw ReadError(name, "truncated or damaged deflate data");
        const std::uint64_t n = std::min<std::uint64_t>(1u << 20, entry.compressedSize - consumed);
        input = file_.readExact(start + consumed, n);
        consumed += n;
        z.zs.next_in = input.data();
        z.zs.avail_in = static_cast<uInt>(n);
    };
    // Each pass either consumes input, produces output, or throws, so the loop ends.
    while (!ended && (produced < target || whole)) {
        if (z.zs.avail_in == 0)
            refill();
        const bool probing = produced == target;   // whole member read: the stream must end now
        z.zs.next_out = probing ? &overflow : out.data() + produced;
        z.zs.avail_out = probing ? 1u : static_cast<uInt>(std::min<std::uint64_t>(target - produced, 1u << 30));
        const uInt before = z.zs.avail_out;
        const int rc = inflate(&z.zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            throw ReadError(name, std::string("damaged deflate data: ") + (z.zs.msg ? z.zs.msg : "zlib error"));
        if (probing && z.zs.avail_out != before)
            throw ReadError(name, "damaged zip: member is longer than its directory entry says");
        produced += before - z.zs.avail_out;
        ended = rc == Z_STREAM_END;
    }
    if (whole && produced != entry.uncompressedSize)
        throw ReadError(name, "truncated deflate data: " + std::to_string(produced) + " of " +
                                  std::to_string(entry.uncompressedSize) + " bytes");
    if (whole) {
        uLong crc = crc32(0L, Z_NULL, 0);
        for (std::uint64_t off = 0; off < produced; off += 1u << 30)
            crc = crc32(crc, out.data() + off, static_cast<uInt>(std::min<std::uint64_t>(produced - off, 1u << 30)));
        if (crc != entry.crc32)
            throw ReadError(name, "CRC mismatch: the member is damaged");
    }
    return std::make_unique<MemorySource>(std::move(out), name);
}

} // namespace execg::npy
