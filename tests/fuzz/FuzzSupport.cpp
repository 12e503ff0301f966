#include "FuzzSupport.h"

#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace execg::fuzz {

std::string writeScratch(const std::uint8_t* data, std::size_t size, const std::string& extension)
{
    static const std::string dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("execg-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d.string();
    }();
    const std::string path = dir + "/input" + extension;
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        if (size)
            std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    return path;
}

} // namespace execg::fuzz
