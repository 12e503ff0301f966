#pragma once
#include "io/FileError.h"

#include <stdexcept>

namespace execg {

// Every reading failure names the file and the problem, so the GUI and CLI can show it as-is.
class ReadError : public FileError {
public:
    using FileError::FileError;
};

// Thrown when a progress callback asked to stop.
class ReadCancelled : public std::runtime_error {
public:
    ReadCancelled() : std::runtime_error("reading cancelled") {}
};

} // namespace execg
