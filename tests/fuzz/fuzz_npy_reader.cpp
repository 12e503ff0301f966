// Fuzzes the NumPy .npy/.npz reader: any bytes give a Recording or a ReadError.
#include "FuzzSupport.h"

#include "io/ReadError.h"
#include "io/npy/NpyReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Zip archives are read as .npz, everything else as .npy.
    const bool zip = size >= 2 && data[0] == 'P' && data[1] == 'K';
    const std::string path = execg::fuzz::writeScratch(data, size, zip ? ".npz" : ".npy");
    execg::ReadOptions options;
    options.raw.samplingRateHz = 250;
    try {
        const auto rec = execg::NpyReader().read(path, options);
        volatile std::size_t n = rec.groups.size();
        (void)n;
    } catch (const execg::ReadError&) {
    }
    return 0;
}
