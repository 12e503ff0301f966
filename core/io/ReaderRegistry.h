#pragma once
#include "io/RecordingReader.h"

#include <memory>
#include <string>
#include <vector>

namespace execg {

// The one place that knows every file format. A new format is one reader class plus one line in
// ReaderRegistry.cpp (registerBuiltinReaders).
class ReaderRegistry {
public:
    static ReaderRegistry& instance();   // with the built-in readers registered

    void add(std::unique_ptr<RecordingReader> reader);
    const std::vector<std::unique_ptr<RecordingReader>>& readers() const { return readers_; }
    const RecordingReader* byName(const std::string& name) const;

    // Picks the reader by content first, extension second; throws ReadError naming the file when none fits.
    const RecordingReader& readerFor(const std::string& path) const;
    Recording read(const std::string& path, const ReadOptions& options = {}) const;

    // Glob-style patterns for file dialogs, e.g. {"*.hea", "*.dcm"}.
    std::vector<std::string> filePatterns() const;

private:
    std::vector<std::unique_ptr<RecordingReader>> readers_;
};

} // namespace execg
