#include "io/ReaderRegistry.h"

#include "io/BinaryFile.h"
#include "io/ReadError.h"
#include "io/npy/NpyReader.h"
#include "io/wfdb/WfdbReader.h"
#include "io/dicom/DicomEcgReader.h"
#include "io/edf/EdfReader.h"
#include "io/hl7/AecgReader.h"
#include "io/muse/MuseXmlReader.h"
#include "io/philips/PhilipsXmlReader.h"
#include "io/scp/ScpReader.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace execg {

namespace {

void registerBuiltinReaders(ReaderRegistry& r)
{
    r.add(std::make_unique<WfdbReader>());
    r.add(std::make_unique<DicomEcgReader>());
    r.add(std::make_unique<NpyReader>());
    r.add(std::make_unique<EdfReader>());
    r.add(std::make_unique<MuseXmlReader>());
    r.add(std::make_unique<AecgReader>());
    r.add(std::make_unique<PhilipsXmlReader>());
    r.add(std::make_unique<ScpReader>());
}

std::vector<std::uint8_t> readHead(const std::string& path, size_t n)
{
    std::vector<std::uint8_t> buf(n);
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(buf.data()), static_cast<std::streamsize>(n));
    buf.resize(static_cast<size_t>(in.gcount()));
    return buf;
}

} // namespace

ReaderRegistry& ReaderRegistry::instance()
{
    static ReaderRegistry registry = [] {
        ReaderRegistry r;
        registerBuiltinReaders(r);
        return r;
    }();
    return registry;
}

void ReaderRegistry::add(std::unique_ptr<RecordingReader> reader)
{
    readers_.push_back(std::move(reader));
}

const RecordingReader* ReaderRegistry::byName(const std::string& name) const
{
    for (const auto& r : readers_)
        if (r->name() == name)
            return r.get();
    return nullptr;
}

const RecordingReader& ReaderRegistry::readerFor(const std::string& path) const
{
    const std::uint64_t size = requireRegularFile(path, "recording file", false);
    const auto head = readHead(path, 1024);
    const RecordingReader* best = nullptr;
    int bestScore = 0;
    for (const auto& r : readers_) {
        const int score = r->sniff(path, head);
        if (score > bestScore) {
            bestScore = score;
            best = r.get();
        }
    }
    if (!best) {
        if (size == 0)
            throw ReadError(path, "file is empty");
        throw ReadError(path, "not a recognised ECG format (supported: WFDB .hea, DICOM ECG, EDF/EDF+, GE MUSE XML, HL7 aECG, "
                              "Philips SierraECG XML, SCP-ECG, NumPy .npy/.npz)");
    }
    return *best;
}

Recording ReaderRegistry::read(const std::string& path, const ReadOptions& options) const
{
    return readerFor(path).read(path, options);
}

std::vector<std::string> ReaderRegistry::filePatterns() const
{
    std::vector<std::string> out;
    for (const auto& r : readers_)
        for (const auto& ext : r->extensions())
            out.push_back("*" + ext);
    return out;
}

} // namespace execg
