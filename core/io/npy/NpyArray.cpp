#include "io/npy/NpyArray.h"

#include "io/AtomicFile.h"
#include "io/BinaryFile.h"
#include "io/ReadError.h"
#include "io/npy/NpyFormat.h"

#include <bit>
#include <cstring>
#include <stdexcept>

namespace execg::npy {

NpyArray readNpyArray(const std::string& path)
{
    const BinaryFile file(path);
    const FileSlice source(file, 0, file.size(), path);
    const Header h = parseHeader(source);
    const auto bytes = source.readExact(h.dataOffset, h.elementCount * std::uint64_t(h.dtype.itemSize));
    NpyArray a;
    a.shape = h.shape;
    a.values.resize(std::size_t(h.elementCount));
    if (h.dtype.kind == 'f' && h.dtype.itemSize == 8 && !h.dtype.bigEndian && std::endian::native == std::endian::little) {
        std::memcpy(a.values.data(), bytes.data(), bytes.size());   // doubles exactly, not through float
    } else {
        std::vector<float> f(a.values.size());
        decodeElements(bytes.data(), f.size(), std::size_t(h.dtype.itemSize), h.dtype, 1.0, f.data());
        std::copy(f.begin(), f.end(), a.values.begin());
    }
    if (h.fortranOrder && a.shape.size() > 1) {
        // Fortran order: the first index varies fastest; turn into C order.
        std::vector<double> c(a.values.size());
        const std::size_t dims = a.shape.size();
        std::vector<std::uint64_t> index(dims, 0);
        for (std::size_t f = 0; f < a.values.size(); ++f) {
            std::uint64_t offset = 0;
            for (std::size_t d = 0; d < dims; ++d)
                offset = offset * a.shape[d] + index[d];
            c[std::size_t(offset)] = a.values[f];
            for (std::size_t d = 0; d < dims && ++index[d] == a.shape[d]; ++d)
                index[d] = 0;
        }
        a.values = std::move(c);
    }
    return a;
}

void writeNpyFloat32(const std::string& path, const std::vector<std::uint64_t>& shape, const std::vector<float>& values)
{
    std::uint64_t count = 1;
    for (auto d : shape)
        count *= d;
    if (count != values.size())
        throw std::invalid_argument(path + ": shape " + shapeText(shape) + " does not match " + std::to_string(values.size()) + " values");
    std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
    // Magic (6) + version (2) + header length (2) + dict + padding + '\n', a multiple of 64 bytes.
    const std::size_t unpadded = 10 + dict.size() + 1;
    dict.append((64 - unpadded % 64) % 64, ' ');
    dict += '\n';
    std::string bytes = "\x93NUMPY\x01";
    bytes += '\0';
    const std::uint16_t headerLength = std::uint16_t(dict.size());
    bytes += char(headerLength & 0xff);
    bytes += char(headerLength >> 8);
    bytes += dict;
    static_assert(std::endian::native == std::endian::little, "writeNpyFloat32 writes native floats as <f4");
    bytes.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(float));
    writeFileAtomically(path, bytes);
}

} // namespace execg::npy
