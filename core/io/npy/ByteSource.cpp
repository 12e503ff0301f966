#include "io/npy/ByteSource.h"

#include "io/ReadError.h"

namespace execg::npy {

namespace {

[[noreturn]] void truncated(const std::string& name, std::uint64_t offset, std::uint64_t count, std::uint64_t size)
{
    throw ReadError(name, "truncated: needs " + std::to_string(count) + " bytes at offset " + std::to_string(offset) +
                              " but only " + std::to_string(size) + " bytes are there");
}

} // namespace

FileSlice::FileSlice(const BinaryFile& file, std::uint64_t start, std::uint64_t length, std::string name)
    : file_(file), start_(start), length_(length), name_(std::move(name))
{
    if (start > file.size() || length > file.size() - start)
        truncated(name_, start, length, file.size());
}

std::vector<std::uint8_t> FileSlice::readExact(std::uint64_t offset, std::uint64_t count) const
{
    if (offset > length_ || count > length_ - offset)
        truncated(name_, offset, count, length_);
    return file_.readExact(start_ + offset, count);
}

std::vector<std::uint8_t> MemorySource::readExact(std::uint64_t offset, std::uint64_t count) const
{
    if (offset > bytes_.size() || count > bytes_.size() - offset)
        truncated(name_, offset, count, bytes_.size());
    const auto first = bytes_.begin() + static_cast<std::ptrdiff_t>(offset);
    return {first, first + static_cast<std::ptrdiff_t>(count)};
}

} // namespace execg::npy
