#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace execg::fuzz {

// Writes the input to a per-process scratch file with the given extension and returns its path,
// for readers that take file names. The file is reused across inputs.
std::string writeScratch(const std::uint8_t* data, std::size_t size, const std::string& extension);

} // namespace execg::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
