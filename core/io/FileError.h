#pragma once
#include <stdexcept>
#include <string>

namespace execg {

// A failure on one file, as "<file>: <problem>" with both parts kept, so the GUI and CLI can show it as-is or put
// the problem beside the file's name. Its two kinds, ReadError and WriteError, let a caller tell reading from writing.
class FileError : public std::runtime_error {
public:
    FileError(std::string file, std::string problem)
        : std::runtime_error(file + ": " + problem), file_(std::move(file)), problem_(std::move(problem)) {}
    const std::string& file() const { return file_; }
    const std::string& problem() const { return problem_; }

private:
    std::string file_;
    std::string problem_;
};

} // namespace execg
