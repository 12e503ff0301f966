#include "io/wfdb/WfdbRecordingWriter.h"

#include "io/FileExtension.h"
#include "io/wfdb/WfdbWriter.h"

#include <algorithm>
#include <filesystem>

namespace execg {

namespace {

// The record's path without ".hea" in any case: writeWfdbRecord takes only a lower-case one, and always names the
// header ".hea", the one spelling WFDB's readers look for.
std::string recordBase(const std::string& path)
{
    std::filesystem::path base(path);
    if (lowerCaseExtension(path) == ".hea")
        base.replace_extension();
    return base.string();
}

} // namespace

std::vector<std::string> WfdbRecordingWriter::outputFiles(const std::string& path) const
{
    const std::string base = recordBase(path);
    return {base + ".hea", base + ".dat"};
}

WriteResult WfdbRecordingWriter::writeChecked(const Recording& recording, const std::string& path,
                                              const WriteOptions& options) const
{
    WfdbWriteOptions o;
    o.format = std::stoi(option(options, "format"));
    o.groupIndex = options.groupIndex;
    const WfdbWriteResult w = writeWfdbRecord(recording, recordBase(path), o);
    WriteResult result;
    result.files = {w.headerPath, w.dataPath};
    result.warnings = w.warnings;
    // The gains are ADC units per mV for voltage leads, per stored unit for the others, which have no step in µV.
    const auto& leads = recording.groups[std::size_t(o.groupIndex >= 0 ? o.groupIndex : recording.primaryGroupIndex())].leads;
    for (std::size_t l = 0; l < leads.size(); ++l)
        if (leads[l].provenance.isVoltage)
            result.stepMicrovolts = std::max(result.stepMicrovolts, 1000.0 / w.gains[l]);
    return result;
}

} // namespace execg
