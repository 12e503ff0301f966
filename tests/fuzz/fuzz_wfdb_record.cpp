// Fuzzes the whole WFDB read path with a header and its signal file together: the input is header text, a NUL,
// then the bytes of "r.dat". Headers that lie about lengths, offsets, formats or segments must give a Recording
// (with warnings) or a ReadError — never a crash, a hang or an allocation the file cannot back.
#include "FuzzSupport.h"

#include "io/ReadError.h"
#include "io/wfdb/WfdbReader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::uint8_t* nul = std::find(data, data + size, std::uint8_t(0));
    const std::size_t headerBytes = static_cast<std::size_t>(nul - data);
    const std::string hea = execg::fuzz::writeScratch(data, headerBytes, ".hea");
    // The signal file sits beside the header under the name most seeds use.
    const std::string dat = std::filesystem::path(hea).replace_filename("r.dat").string();
    if (std::FILE* f = std::fopen(dat.c_str(), "wb")) {
        if (nul != data + size)
            std::fwrite(nul + 1, 1, size - headerBytes - 1, f);
        std::fclose(f);
    }
    execg::ReadOptions options;
    options.readAnnotations = false;
    try {
        const auto rec = execg::WfdbReader().read(hea, options);
        volatile std::size_t n = rec.groups.size();
        (void)n;
        options.fromSeconds = 0.5;   // a window too: its own offset arithmetic
        options.toSeconds = 1.0;
        (void)execg::WfdbReader().read(hea, options);
    } catch (const execg::ReadError&) {
    }
    return 0;
}
