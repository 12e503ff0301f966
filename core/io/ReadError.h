#pragma once
#include <stdexcept>
#include <string>

namespace execg {

// Every reading failure names the file and the problem, so the GUI and CLI can show it as-is.
class ReadError : public std::runtime_error {
public:
    ReadError(std::string file, std::string problem)
        : std::runtime_error(file + ": " + problem), file_(std::move(file)), problem_(std::move(problem)) {}
    const std::string& file() const { return file_; }
    const std::string& problem() const { return problem_; }

private:
    std::string file_;
    std::string problem_;
};

// Thrown when a progress callback asked to stop.
class ReadCancelled : public std::runtime_error {
public:
    ReadCancelled() : std::runtime_error("reading cancelled") {}
};

} // namespace execg
