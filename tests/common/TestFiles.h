#pragma once
// Writing small hand-made input files (headers, signal bytes) for reader tests.
#include <QString>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace execg::test {

using Bytes = std::vector<std::uint8_t>;

inline void writeFile(const std::string& path, const std::string& content)
{
    std::ofstream(path, std::ios::binary) << content;
}

// The whole file as bytes ("" when it cannot be read).
inline std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeFile(const QString& path, const std::string& content)
{
    std::ofstream(path.toStdString(), std::ios::binary) << content;
}

inline void writeFile(const QString& path, const Bytes& bytes)
{
    std::ofstream(path.toStdString(), std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

} // namespace execg::test
