#pragma once
// SHA-256 (FIPS 180-4) of a file, so every result can name the exact model that produced it.
#include <cstdint>
#include <string>
#include <vector>

namespace execg {

std::string sha256Hex(const std::vector<std::uint8_t>& data);
// Throws std::runtime_error naming the file when it cannot be read.
std::string sha256OfFile(const std::string& path);

} // namespace execg
