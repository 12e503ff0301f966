#include "io/npy/NpyReader.h"

#include "io/BinaryFile.h"
#include "io/FileExtension.h"
#include "io/ReadError.h"
#include "io/TimeWindow.h"
#include "io/npy/NpyFormat.h"
#include "io/npy/ZipArchive.h"
#include "recording/LeadNames.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace execg {

namespace {

constexpr std::uint64_t kChunkBytes = 4u << 20;   // bounded read size, whatever the array's length
constexpr std::uint64_t kHeaderProbeBytes = (1u << 20) + 12;

// Element strides of the logical (lead, sample) axes in the stored array.
struct Layout {
    std::uint64_t leads = 0, samples = 0;
    std::uint64_t leadStride = 0, sampleStride = 1;
    bool transposed = false;
};

Layout layoutFor(const npy::Header& h, std::uint64_t nameCount, const std::string& file)
{
    std::vector<std::uint64_t> dims = h.shape;
    std::vector<std::uint64_t> strides(dims.size(), 1);
    for (size_t k = 0; k < dims.size(); ++k)
        for (size_t j = 0; j < dims.size(); ++j)
            if (h.fortranOrder ? j < k : j > k)
                strides[k] *= dims[j];
    if (dims.size() == 3) {
        if (dims[0] != 1)
            throw ReadError(file, "3-D array of shape " + npy::shapeText(h.shape) +
                                      ": only one recording, (1, leads, samples), can be read");
        dims.erase(dims.begin());
        strides.erase(strides.begin());
    }
    Layout l;
    const std::string names = std::to_string(nameCount) + " lead name" + (nameCount == 1 ? "" : "s");
    if (dims.size() == 1) {
        if (nameCount != 1)
            throw ReadError(file, "1-D array holds 1 lead but " + names + " were given");
        l.leads = 1;
        l.samples = dims[0];
        return l;
    }
    if (dims.size() != 2)
        throw ReadError(file, "array of shape " + npy::shapeText(h.shape) +
                                  " is not (leads, samples) or (1, leads, samples)");
    if (dims[0] == nameCount) {
        l.leads = dims[0];
        l.samples = dims[1];
        l.leadStride = strides[0];
        l.sampleStride = strides[1];
    } else if (dims[1] == nameCount && dims[0] > dims[1]) {
        l.leads = dims[1];
        l.samples = dims[0];
        l.leadStride = strides[1];
        l.sampleStride = strides[0];
        l.transposed = true;
    } else {
        throw ReadError(file, "array of shape " + npy::shapeText(h.shape) + " has " + std::to_string(dims[0]) +
                                  " leads (first axis) but " + names + " were given");
    }
    return l;
}

double millivoltsPerUnit(const std::string& units, const std::string& file)
{
    if (units == "mV" || units == "mv")
        return 1.0;
    if (units == "uV" || units == "uv" || units == "\xC2\xB5V" || units == "\xCE\xBCV")
        return 0.001;
    throw ReadError(file, "units '" + units + "' are not supported for raw arrays (mV or uV)");
}

std::string rateText(double fs)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", fs);
    return buf;
}

void reportProgress(const ReadOptions& options, double fraction)
{
    if (options.progress && !options.progress(fraction))
        throw ReadCancelled();
}

void readSamples(const npy::ByteSource& source, const npy::Header& h, const Layout& layout, std::uint64_t first,
                 std::uint64_t last, double scale, std::vector<Lead>& leads, const ReadOptions& options)
{
    const std::uint64_t item = static_cast<std::uint64_t>(h.dtype.itemSize);
    const std::uint64_t count = last - first;
    for (auto& lead : leads)
        lead.samples.resize(static_cast<size_t>(count));
    if (count == 0)
        return;
    if (layout.sampleStride == 1) {   // each lead contiguous: read only its window
        const std::uint64_t chunk = std::max<std::uint64_t>(1, kChunkBytes / item);
        for (std::uint64_t l = 0; l < layout.leads; ++l) {
            for (std::uint64_t s = first; s < last; s += chunk) {
                const std::uint64_t n = std::min(chunk, last - s);
                const auto bytes = source.readExact(h.dataOffset + (l * layout.leadStride + s) * item, n * item);
                npy::decodeElements(bytes.data(), static_cast<size_t>(n), static_cast<size_t>(item), h.dtype, scale,
                                    leads[l].samples.data() + (s - first));
            }
            reportProgress(options, double(l + 1) / double(layout.leads));
        }
        return;
    }
    // Sample-major storage (a transposed or Fortran-ordered array): read whole rows of the window.
    const std::uint64_t rowBytes = layout.sampleStride * item;
    const std::uint64_t rows = std::max<std::uint64_t>(1, kChunkBytes / rowBytes);
    for (std::uint64_t s = first; s < last; s += rows) {
        const std::uint64_t n = std::min(rows, last - s);
        const std::uint64_t span = ((n - 1) * layout.sampleStride + (layout.leads - 1) * layout.leadStride + 1) * item;
        const auto bytes = source.readExact(h.dataOffset + s * layout.sampleStride * item, span);
        for (std::uint64_t l = 0; l < layout.leads; ++l)
            npy::decodeElements(bytes.data() + l * layout.leadStride * item, static_cast<size_t>(n),
                                static_cast<size_t>(rowBytes), h.dtype, scale, leads[l].samples.data() + (s - first));
        reportProgress(options, double(s + n - first) / double(count));
    }
}

struct NpzChoice {
    std::unique_ptr<npy::ByteSource> source;
    std::string arrayName;
    std::string allNames;
};

NpzChoice chooseNpzArray(const npy::ZipArchive& zip, const std::string& path)
{
    std::vector<const npy::ZipEntry*> arrays;
    NpzChoice choice;
    for (const auto& e : zip.entries())
        if (e.name.size() > 4 && e.name.compare(e.name.size() - 4, 4, ".npy") == 0) {
            arrays.push_back(&e);
            choice.allNames += (choice.allNames.empty() ? "" : ", ") + e.name.substr(0, e.name.size() - 4);
        }
    if (arrays.empty())
        throw ReadError(path, "the .npz archive holds no .npy arrays");
    const npy::ZipEntry* chosen = nullptr;
    for (const char* preferred : {"x", "X", "signal", "ecg"})
        for (const auto* e : arrays)
            if (!chosen && e->name == std::string(preferred) + ".npy")
                chosen = e;
    for (const auto* e : arrays) {
        if (chosen)
            break;
        try {   // other arrays (lead name strings, rates) may well be of dtypes we cannot read: skip them
            const auto probe = zip.open(*e, kHeaderProbeBytes);
            const auto h = npy::parseHeader(*probe, false);
            if (h.shape.size() == 2 || h.shape.size() == 3)
                chosen = e;
        } catch (const ReadError&) {
        }
    }
    if (!chosen)
        throw ReadError(path, "the .npz archive holds no readable 2-D or 3-D array (arrays: " + choice.allNames + ")");
    choice.arrayName = chosen->name.substr(0, chosen->name.size() - 4);
    choice.source = zip.open(*chosen);
    return choice;
}

} // namespace

std::vector<std::string> NpyReader::extensions() const { return {".npy", ".npz"}; }

int NpyReader::sniff(const std::string& path, const std::vector<std::uint8_t>& head) const
{
    if (head.size() >= 6 && std::memcmp(head.data(), "\x93NUMPY", 6) == 0)
        return 95;
    const std::string ext = lowerCaseExtension(path);
    if (ext == ".npz" && head.size() >= 2 && head[0] == 'P' && head[1] == 'K')
        return 90;
    return (ext == ".npy" || ext == ".npz") ? 50 : 0;
}

Recording NpyReader::read(const std::string& path, const ReadOptions& options) const
{
    const BinaryFile file(path);
    const auto magic = file.read(0, 6);
    const bool isZip = magic.size() >= 2 && magic[0] == 'P' && magic[1] == 'K';
    if (!isZip && lowerCaseExtension(path) == ".npz")
        throw ReadError(path, "bad magic: not a zip (.npz) archive");

    Recording rec;
    rec.sourcePath = path;
    rec.formatName = "NumPy";
    std::unique_ptr<npy::ByteSource> source;
    std::unique_ptr<npy::ZipArchive> zip;
    if (isZip) {
        zip = std::make_unique<npy::ZipArchive>(file);
        NpzChoice choice = chooseNpzArray(*zip, path);
        source = std::move(choice.source);
        rec.metadata.extra["npz array"] = choice.arrayName;
        rec.metadata.extra["npz arrays"] = choice.allNames;
    } else {
        source = std::make_unique<npy::FileSlice>(file, 0, file.size(), path);
    }
    const npy::Header h = npy::parseHeader(*source, true);

    const RawArrayHints& hints = options.raw;
    const std::vector<std::string> names = hints.leadNames.empty() ? standardTwelveLeads() : hints.leadNames;
    const Layout layout = layoutFor(h, names.size(), path);
    if (!(hints.samplingRateHz > 0) || !std::isfinite(hints.samplingRateHz))
        throw ReadError(path, "a raw array needs a sampling rate > 0 Hz (got " + std::to_string(hints.samplingRateHz) + ")");
    const double scale = millivoltsPerUnit(hints.units, path);
    const double fs = hints.samplingRateHz;

    // The shared window rule (rounding), so "--to 1.1" gives the same samples here as in every other format.
    const SampleRange window = sampleRangeForWindow(options, fs, static_cast<std::int64_t>(layout.samples), path);
    const auto first = static_cast<std::uint64_t>(window.first), last = static_cast<std::uint64_t>(window.last);

    SignalGroup g;
    g.label = "signals";
    g.samplingRateHz = fs;
    g.totalSamples = static_cast<std::int64_t>(layout.samples);
    g.firstSample = static_cast<std::int64_t>(first);
    for (const auto& label : names) {
        Lead lead;
        lead.name = standardLeadName(label).value_or(label);
        lead.provenance.storedLabel = label;
        lead.provenance.storedUnits = hints.units;
        lead.provenance.toMillivolts = scale;
        lead.provenance.storedFormat = "NumPy " + h.dtype.descr;
        g.leads.push_back(std::move(lead));
    }
    if (!options.headerOnly)
        readSamples(*source, h, layout, first, last, scale, g.leads, options);
    if (options.deriveLimbLeads) {
        const auto added = deriveMissingLimbLeads(g);
        if (!added.empty()) {
            std::string list;
            for (const auto& n : added)
                list += (list.empty() ? "" : ", ") + n;
            rec.warnings.push_back("Leads " + list + " were derived from I and II; they are not in the file");
        }
    }
    rec.groups.push_back(std::move(g));

    rec.warnings.insert(rec.warnings.begin(),
                        "A NumPy array stores no sampling rate, units or lead names: read as " +
                            rateText(fs) + " Hz, " + hints.units + ", " +
                            (hints.leadNames.empty() ? std::string("the 12 standard leads")
                                                     : std::to_string(names.size()) + " given lead names") +
                            " (import settings)");
    if (layout.transposed)
        rec.warnings.push_back("The array of shape " + npy::shapeText(h.shape) +
                               " was read as (samples, leads): its second axis matches the " +
                               std::to_string(names.size()) + " lead names and its first is longer");
    rec.metadata.extra["NumPy dtype"] = h.dtype.descr;
    rec.metadata.extra["NumPy shape"] = npy::shapeText(h.shape);
    rec.metadata.extra["NumPy order"] = h.fortranOrder ? "Fortran" : "C";
    rec.metadata.extra["NumPy format version"] = std::to_string(h.majorVersion) + "." + std::to_string(h.minorVersion);
    return rec;
}

} // namespace execg
