#include "io/wfdb/WfdbReader.h"

#include "io/ReadError.h"

namespace execg {

std::vector<std::string> WfdbReader::extensions() const { return {".hea"}; }

int WfdbReader::sniff(const std::string&, const std::vector<std::uint8_t>&) const { return 0; }

Recording WfdbReader::read(const std::string& path, const ReadOptions&) const
{
    throw ReadError(path, "WFDB reading is not implemented yet");
}

} // namespace execg
