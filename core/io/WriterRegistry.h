#pragma once
#include "io/RecordingWriter.h"

#include <memory>
#include <string>
#include <vector>

namespace execg {

// The one place that knows every format written, chosen by the output's extension: the counterpart of
// ReaderRegistry. A new format is one writer class plus one line in WriterRegistry.cpp (registerBuiltinWriters).
class WriterRegistry {
public:
    static WriterRegistry& instance();   // with the built-in writers registered

    void add(std::unique_ptr<RecordingWriter> writer);
    const std::vector<std::unique_ptr<RecordingWriter>>& writers() const { return writers_; }
    const RecordingWriter* byName(const std::string& name) const;
    // The writer for an extension with its dot, in any case; nullptr when none writes it ("" included).
    const RecordingWriter* byExtension(const std::string& extension) const;

    // By the output's extension, in any case; a path without one names a record of the writer that takes bare paths
    // (WFDB). Throws WriteError naming the file and the known extensions when no writer fits.
    const RecordingWriter& writerFor(const std::string& path) const;
    WriteResult write(const Recording& recording, const std::string& path, const WriteOptions& options = {}) const;

    // Glob-style patterns for save dialogs, e.g. {"*.hea", "*.dcm"}.
    std::vector<std::string> filePatterns() const;
    // The extensions with their formats, for messages: ".hea (WFDB), .dcm (DICOM), .edf (EDF+) or .scp (SCP-ECG)".
    std::string extensionList() const;

private:
    std::vector<std::unique_ptr<RecordingWriter>> writers_;
};

} // namespace execg
