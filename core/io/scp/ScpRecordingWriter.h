#pragma once
// SCP-ECG through the writer registry. Option "compression": "huffman" (the default Huffman table, the default) or
// "none" (plain 16-bit values). The one writer that knows whether every sample was kept.
#include "io/RecordingWriter.h"

namespace execg {

class ScpRecordingWriter : public RecordingWriter {
public:
    std::string name() const override { return "SCP-ECG"; }
    std::vector<std::string> extensions() const override { return {".scp"}; }
    std::vector<WriterOption> options() const override { return {{"compression", {"huffman", "none"}}}; }

private:
    WriteResult writeChecked(const Recording& recording, const std::string& path, const WriteOptions& options) const override;
};

} // namespace execg
