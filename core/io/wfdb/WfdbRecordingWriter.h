#pragma once
// WFDB through the writer registry: OUT is the record's .hea or its bare name, and the .dat goes beside it.
// Option "format": "16" (the default, 16-bit) or "212" (12-bit, MIT-BIH); gains as writeWfdbRecord chooses them.
#include "io/RecordingWriter.h"

namespace execg {

class WfdbRecordingWriter : public RecordingWriter {
public:
    std::string name() const override { return "WFDB"; }
    std::vector<std::string> extensions() const override { return {".hea"}; }
    std::vector<WriterOption> options() const override { return {{"format", {"16", "212"}}}; }
    bool acceptsBarePath() const override { return true; }
    std::vector<std::string> outputFiles(const std::string& path) const override;

private:
    WriteResult writeChecked(const Recording& recording, const std::string& path, const WriteOptions& options) const override;
};

} // namespace execg
