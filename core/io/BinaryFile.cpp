#include "io/BinaryFile.h"

#include "io/ReadError.h"

#include <cerrno>
#include <filesystem>
#include <cstring>
#include <sys/stat.h>

namespace execg {

BinaryFile::BinaryFile(const std::string& path) : path_(path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw ReadError(path, std::string("cannot open: ") + std::strerror(errno));
    if (S_ISDIR(st.st_mode))
        throw ReadError(path, "is a folder, not a file");
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_)
        throw ReadError(path, std::string("cannot open: ") + std::strerror(errno));
    size_ = static_cast<std::uint64_t>(st.st_size);
}

BinaryFile::~BinaryFile()
{
    if (file_)
        std::fclose(file_);
}

BinaryFile::BinaryFile(BinaryFile&& other) noexcept
    : path_(std::move(other.path_)), file_(other.file_), size_(other.size_)
{
    other.file_ = nullptr;
}

std::vector<std::uint8_t> BinaryFile::read(std::uint64_t offset, std::uint64_t count) const
{
    if (offset >= size_ || count == 0)
        return {};
    const std::uint64_t n = std::min(count, size_ - offset);
    std::vector<std::uint8_t> buf(static_cast<size_t>(n));
    if (::fseeko(file_, static_cast<off_t>(offset), SEEK_SET) != 0)
        throw ReadError(path_, "seek failed at byte " + std::to_string(offset));
    const size_t got = std::fread(buf.data(), 1, buf.size(), file_);
    buf.resize(got);
    return buf;
}

std::vector<std::uint8_t> BinaryFile::readExact(std::uint64_t offset, std::uint64_t count) const
{
    if (offset > size_ || count > size_ - offset)
        throw ReadError(path_, "truncated: needs " + std::to_string(count) + " bytes at offset " +
                                   std::to_string(offset) + " but the file has " + std::to_string(size_) + " bytes");
    auto buf = read(offset, count);
    if (buf.size() != count)
        throw ReadError(path_, "short read at offset " + std::to_string(offset));
    return buf;
}

std::uint64_t requireRegularFile(const std::string& path, const std::string& what, bool requireNonEmpty)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        throw ReadError(path, "file not found");
    if (fs::is_directory(status))
        throw ReadError(path, "is a folder, not a " + what);
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw ReadError(path, "cannot read: " + ec.message());
    if (requireNonEmpty && size == 0)
        throw ReadError(path, "file is empty");
    return size;
}

} // namespace execg
