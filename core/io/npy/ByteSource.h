#pragma once
// Where the bytes of one .npy come from: a slice of a file (a plain .npy, or a stored .npz member) or a
// buffer in memory (a deflated .npz member). Every read is checked against the real size.

#include "io/BinaryFile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace execg::npy {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    virtual const std::string& name() const = 0;       // for error messages: "a.npz:x.npy"
    virtual std::uint64_t size() const = 0;
    // Exactly `count` bytes at `offset`, or ReadError("truncated: …").
    virtual std::vector<std::uint8_t> readExact(std::uint64_t offset, std::uint64_t count) const = 0;
};

class FileSlice final : public ByteSource {
public:
    FileSlice(const BinaryFile& file, std::uint64_t start, std::uint64_t length, std::string name);
    const std::string& name() const override { return name_; }
    std::uint64_t size() const override { return length_; }
    std::vector<std::uint8_t> readExact(std::uint64_t offset, std::uint64_t count) const override;

private:
    const BinaryFile& file_;
    std::uint64_t start_;
    std::uint64_t length_;
    std::string name_;
};

class MemorySource final : public ByteSource {
public:
    MemorySource(std::vector<std::uint8_t> bytes, std::string name) : bytes_(std::move(bytes)), name_(std::move(name)) {}
    const std::string& name() const override { return name_; }
    std::uint64_t size() const override { return bytes_.size(); }
    std::vector<std::uint8_t> readExact(std::uint64_t offset, std::uint64_t count) const override;

private:
    std::vector<std::uint8_t> bytes_;
    std::string name_;
};

} // namespace execg::npy
