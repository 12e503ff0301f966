#pragma once
// The NumPy .npy format (numpy.lib.format, versions 1.0, 2.0 and 3.0): magic, header dict, raw data.

#include "io/npy/ByteSource.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace execg::npy {

struct Dtype {
    std::string descr;         // as written: "<f4", "|u1", ">i2"
    char kind = 'f';           // 'f' float, 'i' signed, 'u' unsigned integer
    int itemSize = 4;          // bytes
    bool bigEndian = false;
};

struct Header {
    int majorVersion = 1;
    int minorVersion = 0;
    Dtype dtype;
    bool fortranOrder = false;
    std::vector<std::uint64_t> shape;
    std::uint64_t dataOffset = 0;   // first data byte within the source
    std::uint64_t elementCount = 0;
};

// Parses magic and header dict. With checkData, also requires the data the header promises to be present
// (before anything is allocated for it). Throws ReadError naming the problem.
Header parseHeader(const ByteSource& source, bool checkData = true);

// Parses a descr string; throws ReadError for object, structured or otherwise unsupported dtypes.
Dtype parseDtype(const std::string& descr, const std::string& fileName);

// Converts `count` elements, `strideBytes` apart, to float times `scale`, into out[0..count).
void decodeElements(const std::uint8_t* src, std::size_t count, std::size_t strideBytes, const Dtype& dtype,
                    double scale, float* out);

std::string shapeText(const std::vector<std::uint64_t>& shape);   // "(12, 5000)"

} // namespace execg::npy
