#pragma once
// A whole .npy file as a plain n-dimensional array (not a recording): explanation maps written by `execg-cli explain`
// and reference arrays read by tests. Float32 maps are what explanation files hold; doubles are kept exact.
#include <cstdint>
#include <string>
#include <vector>

namespace execg::npy {

struct NpyArray {
    std::vector<std::uint64_t> shape;   // C order
    std::vector<double> values;         // every element, C order, as double
};

// Any dtype the reader supports (f2/f4/f8, signed and unsigned integers, either byte order, C or Fortran order).
// Throws ReadError naming the file and the problem.
NpyArray readNpyArray(const std::string& path);

// Little-endian float32, C order, format version 1.0; written to a temporary file beside `path` and renamed over it,
// so a reader never sees half a file. Throws std::runtime_error naming the file when it cannot be written.
void writeNpyFloat32(const std::string& path, const std::vector<std::uint64_t>& shape, const std::vector<float>& values);

} // namespace execg::npy
