#include "io/npy/NpyReader.h"

#include "io/ReadError.h"

namespace execg {

std::vector<std::string> NpyReader::extensions() const { return {".npy"}; }

int NpyReader::sniff(const std::string&, const std::vector<std::uint8_t>&) const { return 0; }

Recording NpyReader::read(const std::string& path, const ReadOptions&) const
{
    throw ReadError(path, "NumPy reading is not implemented yet");
}

} // namespace execg
