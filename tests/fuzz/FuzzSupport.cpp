#include "FuzzSupport.h"

#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace execg::fuzz {

namespace {

// One folder per process, removed when the process ends normally: a replay of the corpus runs on every CI build and
// must not leave its inputs behind in /tmp (a crash keeps the last input, which is what one would want to look at).
struct ScratchDir {
    std::string path;
    ScratchDir()
    {
        const auto d = std::filesystem::temp_directory_path() / ("execg-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        path = d.string();
    }
    ~ScratchDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

} // namespace

std::string writeScratch(const std::uint8_t* data, std::size_t size, const std::string& extension)
{
    static const ScratchDir scratch;
    const std::string& dir = scratch.path;
    const std::string path = dir + "/input" + extension;
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        if (size)
            std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    return path;
}

} // namespace execg::fuzz
