#pragma once
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace execg {

// Read-only random access to a file with every read checked against the real file size, so a header
// that lies about lengths or offsets produces a ReadError instead of a huge allocation or a short read.
class BinaryFile {
public:
    explicit BinaryFile(const std::string& path);   // throws ReadError when it cannot be opened
    ~BinaryFile();
    BinaryFile(const BinaryFile&) = delete;
    BinaryFile& operator=(const BinaryFile&) = delete;
    BinaryFile(BinaryFile&& other) noexcept;

    const std::string& path() const { return path_; }
    std::uint64_t size() const { return size_; }
    // Reads up to `count` bytes at `offset` (fewer at end of file). Never allocates more than the file holds.
    std::vector<std::uint8_t> read(std::uint64_t offset, std::uint64_t count) const;
    // Reads exactly `count` bytes or throws ReadError("truncated: …").
    std::vector<std::uint8_t> readExact(std::uint64_t offset, std::uint64_t count) const;
    std::vector<std::uint8_t> readAll() const { return read(0, size_); }

private:
    std::string path_;
    std::FILE* file_ = nullptr;
    std::uint64_t size_ = 0;
};

// Checks that `path` is an existing regular file and returns its size; throws ReadError ("file not found",
// "is a folder, not a <what>", "cannot read: …") otherwise. With requireNonEmpty, an empty file is an error too.
std::uint64_t requireRegularFile(const std::string& path, const std::string& what, bool requireNonEmpty);

} // namespace execg
