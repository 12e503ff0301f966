#pragma once
// EDF+ through the writer registry: writeEdfPlus with its defaults.
#include "io/RecordingWriter.h"

namespace execg {

class EdfRecordingWriter : public RecordingWriter {
public:
    std::string name() const override { return "EDF+"; }
    std::vector<std::string> extensions() const override { return {".edf"}; }

private:
    WriteResult writeChecked(const Recording& recording, const std::string& path, const WriteOptions& options) const override;
};

} // namespace execg
