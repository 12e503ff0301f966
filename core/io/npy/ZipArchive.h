#pragma once
// Just enough of the ZIP format (APPNOTE.TXT) for .npz files: central directory (with Zip64, which
// numpy.savez forces), stored members read in place, deflated members inflated through zlib.

#include "io/BinaryFile.h"
#include "io/npy/ByteSource.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace execg::npy {

struct ZipEntry {
    std::string name;
    int method = 0;                       // 0 stored, 8 deflate
    std::uint16_t flags = 0;
    std::uint32_t crc32 = 0;
    std::uint64_t compressedSize = 0;
    std::uint64_t uncompressedSize = 0;
    std::uint64_t localHeaderOffset = 0;
};

class ZipArchive {
public:
    explicit ZipArchive(const BinaryFile& file);   // reads the central directory; throws ReadError
    const std::vector<ZipEntry>& entries() const { return entries_; }

    // A stored member is a slice of the file; a deflated one is inflated into memory, only its first
    // `prefixBytes` when given (enough to read a .npy header without inflating the data).
    std::unique_ptr<ByteSource> open(const ZipEntry& entry, std::optional<std::uint64_t> prefixBytes = {}) const;

private:
    std::uint64_t dataOffset(const ZipEntry& entry) const;

    const BinaryFile& file_;
    std::vector<ZipEntry> entries_;
};

} // namespace execg::npy
