#include "io/edf/EdfRecordingWriter.h"

#include "io/edf/EdfWriter.h"

#include <algorithm>

namespace execg {

WriteResult EdfRecordingWriter::writeChecked(const Recording& recording, const std::string& path,
                                             const WriteOptions& options) const
{
    EdfWriteOptions o;
    o.groupIndex = options.groupIndex;
    const EdfWriteResult e = writeEdfPlus(recording, path, o);
    WriteResult result;
    result.files = {path};
    result.warnings = e.warnings;
    for (const double step : e.microvoltsPerUnit)
        result.stepMicrovolts = std::max(result.stepMicrovolts, step);
    return result;
}

} // namespace execg
