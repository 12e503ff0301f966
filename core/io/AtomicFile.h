#pragma once
// Writing a whole file so that no reader ever sees half of it: the bytes go to a temporary file beside the target,
// which is then renamed over it (atomic on one file system). An existing file is untouched if anything fails.
#include <string>
#include <string_view>

namespace execg {

// Throws WriteError naming `path` and the problem.
void writeFileAtomically(const std::string& path, std::string_view bytes);

} // namespace execg
