#include "io/dicom/DicomRecordingWriter.h"

#include "io/dicom/DicomEcgWriter.h"

#include <algorithm>

namespace execg {

WriteResult DicomRecordingWriter::writeChecked(const Recording& recording, const std::string& path,
                                               const WriteOptions& options) const
{
    DicomWriteOptions o;
    o.groupIndex = options.groupIndex;
    const DicomWriteResult d = DicomEcgWriter::write(recording, path, o);
    WriteResult result;
    result.files = {path};
    // Only voltage leads become channels, each with its own sensitivity.
    for (const double s : d.sensitivityMicrovolts)
        result.stepMicrovolts = std::max(result.stepMicrovolts, s);
    return result;
}

} // namespace execg
