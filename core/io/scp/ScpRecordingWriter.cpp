#include "io/scp/ScpRecordingWriter.h"

#include "io/scp/ScpWriter.h"

namespace execg {

WriteResult ScpRecordingWriter::writeChecked(const Recording& recording, const std::string& path,
                                             const WriteOptions& options) const
{
    ScpWriteOptions o;
    o.groupIndex = options.groupIndex;
    o.compression = option(options, "compression") == "none" ? ScpCompression::None : ScpCompression::DefaultHuffman;
    ScpWriteResult s;
    try {
        s = writeScpEcg(recording, path, o);
    } catch (const ScpWriteError& e) {
        throw WriteError(path, e.what());   // writeScpEcg's errors give the problem only
    }
    WriteResult result;
    result.files = {path};
    result.warnings = s.warnings;
    result.exact = s.exact;
    result.stepMicrovolts = s.nanovoltsPerUnit / 1000.0;
    return result;
}

} // namespace execg
