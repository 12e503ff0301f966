#pragma once
// Writing small hand-made input files (headers, signal bytes) for reader tests.
#include <QString>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace execg::test {

using Bytes = std::vector<std::uint8_t>;

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
