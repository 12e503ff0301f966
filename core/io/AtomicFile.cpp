#include "io/AtomicFile.h"

#include "io/WriteError.h"

#include <filesystem>
#include <fstream>
#include <random>

namespace execg {

void writeFileAtomically(const std::string& path, std::string_view bytes)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    std::random_device rd;
    const fs::path temporary = target.parent_path() / (target.filename().string() + ".part" + std::to_string(rd()));
    std::error_code ec;
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            throw WriteError(path, "cannot be written (" + temporary.string() + " cannot be created)");
        out.write(bytes.data(), std::streamsize(bytes.size()));
        out.close();
        if (!out) {
            fs::remove(temporary, ec);
            throw WriteError(path, "writing failed (disk full?)");
        }
    }
    fs::rename(temporary, target, ec);
    if (ec) {
        const std::string why = ec.message();   // before remove() reuses ec
        fs::remove(temporary, ec);
        throw WriteError(path, "cannot be replaced (" + why + ")");
    }
}

} // namespace execg
