// Runs a fuzz target's entry point over files, as libFuzzer would, for CI without clang.
// Arguments: folders or files. Shared-corpus folders are walked recursively; missing ones are skipped.
#include "FuzzSupport.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    std::size_t inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path root(argv[i]);
        std::error_code ec;
        if (!fs::exists(root, ec)) {
            std::cout << "skip (absent): " << root << "\n";
            continue;
        }
        std::vector<fs::path> files;
        if (fs::is_directory(root))
            for (const auto& e : fs::recursive_directory_iterator(root, ec))
                if (e.is_regular_file() && e.file_size() <= (4u << 20))
                    files.push_back(e.path());
        if (fs::is_regular_file(root))
            files.push_back(root);
        for (const auto& f : files) {
            std::ifstream in(f, std::ios::binary);
            std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
            ++inputs;
        }
    }
    std::cout << "replayed " << inputs << " inputs without a crash\n";
    return 0;
}
