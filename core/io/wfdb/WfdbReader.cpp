#include "io/wfdb/WfdbReader.h"

#include "io/FileExtension.h"
#include "io/ReadError.h"
#include "io/TimeWindow.h"
#include "io/wfdb/WfdbAnnotations.h"
#include "io/wfdb/WfdbMetadata.h"
#include "io/wfdb/WfdbRecord.h"
#include "recording/LeadNames.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace execg {

namespace {

namespace fs = std::filesystem;

std::string rateLabel(double hz)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6g Hz", hz);
    return buf;
}

Lead makeLead(const WfdbSignalSpec& s, std::vector<float> values)
{
    Lead lead;
    const std::string label = wfdbTextToUtf8(s.description);
    lead.name = standardLeadName(label).value_or(label);
    auto& p = lead.provenance;
    p.storedLabel = label;
    p.storedUnits = s.unitsStated ? wfdbTextToUtf8(s.units) : std::string();
    p.gain = s.gain;
    p.baseline = s.baseline;
    p.storedFormat = "WFDB " + std::to_string(s.format) + (s.samplesPerFrame > 1 ? "x" + std::to_string(s.samplesPerFrame) : "");
    const auto toMv = wfdbVoltageToMillivolts(s.units);
    p.isVoltage = toMv.has_value();
    p.toMillivolts = toMv.value_or(1.0);
    if (toMv && *toMv != 1.0)
        for (auto& v : values)
            v = static_cast<float>(v * *toMv);
    lead.samples = std::move(values);
    return lead;
}

void readAnnotations(const std::string& headerPath, double frameRate, std::int64_t from, std::int64_t to, Recording& rec)
{
    const fs::path base = fs::path(headerPath).replace_extension();
    if (rec.groups.empty())
        return;
    // Annotation times count frames. Attach them to the group sampled at the frame rate; when every signal is
    // sampled faster (high-resolution multi-frequency), to the first group, with frames scaled to its samples.
    int group = 0;
    for (size_t g = 0; g < rec.groups.size(); ++g)
        if (std::fabs(rec.groups[g].samplingRateHz - frameRate) < 1e-9 * frameRate)
            group = static_cast<int>(g);
    const auto samplesPerFrame =
        static_cast<std::int64_t>(std::llround(rec.groups[size_t(group)].samplingRateHz / frameRate));
    for (const char* ext : {"atr", "qrs", "ecg", "ari", "wqrs", "sqrs", "gqrs", "ann", "pu", "pu0", "pu1"}) {
        const std::string path = base.string() + "." + ext;
        std::error_code ec;
        if (!fs::is_regular_file(path, ec))
            continue;
        try {
            for (auto& a : readWfdbAnnotations(path, frameRate, ext)) {
                if (a.sample >= 0 && (a.sample < from || a.sample >= to))
                    continue;
                a.group = group;
                if (a.sample >= 0)
                    a.sample *= samplesPerFrame;
                rec.metadata.annotations.push_back(std::move(a));
            }
        } catch (const std::exception& e) {
            rec.warnings.push_back(std::string("annotations not read: ") + e.what());
        }
    }
}

} // namespace

std::string wfdbHeaderPathFor(const std::string& path)
{
    if (lowerCaseExtension(path) == ".hea")
        return path;
    fs::path hea = fs::path(path).replace_extension(".hea");
    std::error_code ec;
    return fs::is_regular_file(hea, ec) ? hea.string() : std::string();
}

std::vector<std::string> WfdbReader::extensions() const { return {".hea"}; }

int WfdbReader::sniff(const std::string& path, const std::vector<std::uint8_t>& head) const
{
    if (lowerCaseExtension(path) == ".hea") {
        // A record line starts with a name and a signal count (or "name/segments").
        std::string text(head.begin(), head.end());
        if (text.find('\0') != std::string::npos)
            return 20;
        size_t p = 0;
        while (p < text.size()) {
            const size_t nl = text.find('\n', p);
            const std::string line = text.substr(p, nl == std::string::npos ? std::string::npos : nl - p);
            p = nl == std::string::npos ? text.size() : nl + 1;
            const auto b = line.find_first_not_of(" \t\r");
            if (b == std::string::npos || line[b] == '#')
                continue;
            return 95;
        }
        return 60;
    }
    const std::string ext = lowerCaseExtension(path);
    // Signal and annotation files have no signature; their sibling header decides.
    if (!wfdbHeaderPathFor(path).empty() && ext != ".edf" && ext != ".npy" && ext != ".npz" && ext != ".dcm")
        return 80;
    return 0;
}

Recording WfdbReader::read(const std::string& path, const ReadOptions& options) const
{
    const std::string headerPath = wfdbHeaderPathFor(path);
    if (headerPath.empty())
        throw ReadError(path, "no WFDB header (.hea) found beside this file");
    WfdbRecord record(headerPath);
    Recording rec;
    rec.sourcePath = path;
    rec.formatName = "WFDB";
    fillWfdbMetadata(record.header(), rec.metadata);

    const double rate = record.frameRate();
    WfdbReadRequest request;
    // Windows count frames (WFDB's strtim rounds seconds to the nearest frame, as the shared rule does).
    const SampleRange window = sampleRangeForWindow(options, rate, record.lengthFrames(), path);
    const std::int64_t from = window.first, to = window.last;
    request.fromFrame = from;
    request.toFrame = to;
    request.lowResolution = options.lowResolution;
    request.progress = options.progress;

    const auto& specs = record.signalSpecs();
    std::vector<WfdbSignalValues> values;
    if (!options.headerOnly)
        values = record.readPhysical(request);
    std::string formats;
    for (size_t i = 0; i < specs.size(); ++i) {
        const auto& s = specs[i];
        const int spf = options.lowResolution ? 1 : s.samplesPerFrame;
        const double groupRate = rate * spf;
        auto it = std::find_if(rec.groups.begin(), rec.groups.end(),
                               [&](const SignalGroup& g) { return std::fabs(g.samplingRateHz - groupRate) <= 1e-9 * groupRate; });
        if (it == rec.groups.end()) {
            SignalGroup g;
            g.label = rateLabel(groupRate);
            g.samplingRateHz = groupRate;
            g.totalSamples = record.lengthFrames() * spf;
            g.firstSample = from * spf;
            rec.groups.push_back(std::move(g));
            it = rec.groups.end() - 1;
        }
        it->leads.push_back(makeLead(s, options.headerOnly ? std::vector<float>{} : std::move(values[i].values)));
        const std::string f = std::to_string(s.format);
        if (formats.find(f) == std::string::npos)
            formats += (formats.empty() ? "" : ", ") + f;
    }
    rec.metadata.extra["WFDB format"] = formats;
    rec.metadata.extra["WFDB frame rate"] = rateLabel(rate);
    rec.warnings = record.warnings();
    // Derived leads are listed for a header-only read too (with no samples), so `info` shows what a read will give.
    if (options.deriveLimbLeads)
        deriveMissingLimbLeads(rec);
    // Annotation files are small next to the signals and are part of what a header-only caller (info) shows.
    if (options.readAnnotations)
        readAnnotations(headerPath, rate, from, to, rec);
    return rec;
}

} // namespace execg
