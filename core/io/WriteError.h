#pragma once
#include "io/FileError.h"

namespace execg {

// Every writing failure names the file and the problem. The formats' own errors (WfdbWriteError, …) are WriteErrors,
// so one catch serves every writer.
class WriteError : public FileError {
public:
    using FileError::FileError;
};

} // namespace execg
