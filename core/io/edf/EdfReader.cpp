#include "io/edf/EdfReader.h"

#include "io/BinaryFile.h"
#include "io/FileExtension.h"
#include "io/ReadError.h"
#include "io/TimeWindow.h"
#include "io/edf/EdfAnnotations.h"
#include "io/edf/EdfHeader.h"
#include "recording/LeadNames.h"
#include "recording/Units.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <sstream>

namespace execg {

namespace {

constexpr std::uint64_t kChunkBytes = 4u << 20;          // records are read in bounded chunks
constexpr std::int64_t kMaxSamplesPerLead = std::int64_t(1) << 31;

// Millivolts per unit of an EDF physical dimension; 0 when it is not a voltage. EDF headers are ASCII, written in
// any case: the micro sign arrives as '?' (a Latin-1 or UTF-8 µ), "u" or "mc". Spelled as UCUM, then looked up.
double millivoltsPer(const std::string& dimension)
{
    std::string d = lowerCase(dimension);
    for (const std::string micro : {"??", "?", "mc"})
        if (d.size() == micro.size() + 1 && d.rfind(micro, 0) == 0)
            d = "u" + d.substr(micro.size());
    if (!d.empty() && d.back() == 'v')
        d.back() = 'V';
    return millivoltsPerUcumUnit(d).value_or(0.0);
}

// "ECG V1", "EKG II", "ECG lead I" → the standard name; anything else keeps its label.
std::string leadNameFor(const std::string& label)
{
    std::string l = label;
    for (const char* prefix : {"ECG ", "EKG ", "ecg ", "ekg "})
        if (l.rfind(prefix, 0) == 0)
            l = l.substr(std::strlen(prefix));
    if (auto standard = standardLeadName(l))
        return *standard;
    if (auto standard = standardLeadName(label))
        return *standard;
    return label;
}

std::optional<double> prefilterValue(const std::string& text, const std::string& key)
{
    const std::string t = lowerCase(text);
    const auto at = t.find(lowerCase(key) + ":");
    if (at == std::string::npos)
        return std::nullopt;
    try {
        return std::stod(t.substr(at + key.size() + 1));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

FilterSettings filtersFrom(const std::string& prefiltering)
{
    FilterSettings f;
    f.highPassHz = prefilterValue(prefiltering, "HP");
    f.lowPassHz = prefilterValue(prefiltering, "LP");
    f.notchHz = prefilterValue(prefiltering, "N");
    f.description = prefiltering;
    return f;
}

std::vector<std::string> words(const std::string& s)
{
    std::istringstream in(s);
    std::vector<std::string> w;
    for (std::string t; in >> t;)
        w.push_back(t);
    return w;
}

std::string spaced(std::string s)
{
    std::replace(s.begin(), s.end(), '_', ' ');
    return s == "X" ? std::string() : s;
}

void readMetadata(const edf::Header& h, Recording& rec)
{
    auto& m = rec.metadata;
    // Start date "dd.mm.yy" (years 85–99 are 19xx, EDF's clipping date) and time "hh.mm.ss".
    int dd = 0, mm = 0, yy = 0, hh = 0, mi = 0, ss = 0;
    std::string year;
    if (std::sscanf(h.startDate.c_str(), "%d.%d.%d", &dd, &mm, &yy) == 3 && std::sscanf(h.startTime.c_str(), "%d.%d.%d", &hh, &mi, &ss) == 3) {
        int fullYear = yy >= 85 ? 1900 + yy : 2000 + yy;
        if (h.edfPlus()) {
            const auto w = words(h.recording);
            if (w.size() >= 2 && w[0] == "Startdate")
                if (const std::string d = edf::isoFromEdfPlusDate(w[1]); !d.empty())
                    fullYear = std::stoi(d.substr(0, 4));
        }
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", fullYear, mm, dd, hh, mi, ss);
        m.acquisitionDateTime = buf;
    }
    if (h.edfPlus()) {
        // "code sex birthdate name [more]", each "X" when unknown.
        const auto p = words(h.patient);
        if (!p.empty())
            m.patient.id = spaced(p[0]);
        if (p.size() > 1 && (p[1] == "M" || p[1] == "F"))
            m.patient.sex = p[1];
        if (p.size() > 2)
            m.patient.birthDate = edf::isoFromEdfPlusDate(p[2]);
        if (p.size() > 3)
            m.patient.name = spaced(p[3]);
        for (std::size_t i = 4; i < p.size(); ++i)
            m.comments.push_back(spaced(p[i]));
        // "Startdate date admincode technician equipment [more]".
        const auto r = words(h.recording);
        if (r.size() > 2 && r[2] != "X")
            m.extra["EDF+ admin code"] = spaced(r[2]);
        if (r.size() > 3 && r[3] != "X")
            m.extra["EDF+ technician"] = spaced(r[3]);
        if (r.size() > 4)
            m.device.model = spaced(r[4]);
        for (std::size_t i = 5; i < r.size(); ++i)
            m.comments.push_back(spaced(r[i]));
    } else {
        // Plain EDF: free text, which names the patient as often as not.
        if (!h.patient.empty())
            m.patient.name = h.patient;
        if (!h.recording.empty())
            m.comments.push_back(h.recording);
    }
}

struct GroupPlan {
    double rate = 0;
    std::int64_t perRecord = 0;
    std::vector<std::size_t> channels;   // indices into the header's signals
};

} // namespace

int EdfReader::sniff(const std::string& path, const std::vector<std::uint8_t>& head) const
{
    const std::string ext = lowerCaseExtension(path);
    const bool extension = ext == ".edf" || ext == ".rec" || ext == ".bdf";
    if (head.size() >= 8 && std::memcmp(head.data(), "0       ", 8) == 0)
        return extension ? 95 : 80;
    if (head.size() >= 8 && head[0] == 0xFF && std::memcmp(head.data() + 1, "BIOSEMI", 7) == 0)
        return 90;   // BDF: refused with its name, rather than "no reader"
    return extension ? 40 : 0;
}

Recording EdfReader::read(const std::string& path, const ReadOptions& options) const
{
    requireRegularFile(path, "EDF file", true);
    BinaryFile file(path);
    const auto first = file.read(0, 8);
    if (first.size() >= 8 && first[0] == 0xFF && std::memcmp(first.data() + 1, "BIOSEMI", 7) == 0)
        throw ReadError(path, "BDF (BioSemi 24-bit EDF) is not supported; convert it to EDF or EDF+");
    auto probe = file.read(0, 256);
    if (probe.size() < 256)
        throw ReadError(path, "truncated EDF header: " + std::to_string(probe.size()) + " of 256 bytes");
    const auto signalCount = [&] {
        const std::string text(probe.begin() + 252, probe.begin() + 256);
        try {
            return std::clamp(std::stoll(text), 0LL, 4096LL);
        } catch (const std::exception&) {
            return 0LL;
        }
    }();
    const edf::Header h = edf::parseHeader(file.read(0, 256 + 256 * std::uint64_t(signalCount)), file.size(), path);

    Recording rec;
    rec.sourcePath = path;
    rec.formatName = h.edfPlus() ? "EDF+" : "EDF";
    rec.warnings = h.warnings;
    readMetadata(h, rec);
    rec.metadata.extra["EDF type"] = h.edfPlus() ? h.reserved.substr(0, 5) : "EDF";
    std::ostringstream records;
    records << h.records << " × " << h.recordSeconds << " s";
    rec.metadata.extra["EDF data records"] = records.str();

    // Signals sharing a rate form one group, in the order they first appear.
    std::vector<GroupPlan> plans;
    std::vector<std::size_t> annotationSignals;
    for (std::size_t i = 0; i < h.channels.size(); ++i) {
        const auto& s = h.channels[i];
        if (s.annotations()) {
            annotationSignals.push_back(i);
            continue;
        }
        if (h.recordSeconds <= 0)
            throw ReadError(path, "EDF header: data records of 0 s, but signal " + std::to_string(i + 1) + " (" + s.label +
                                      ") holds samples");
        const double rate = double(s.samplesPerRecord) / h.recordSeconds;
        auto it = std::find_if(plans.begin(), plans.end(), [&](const GroupPlan& g) { return g.perRecord == s.samplesPerRecord; });
        if (it == plans.end())
            it = plans.insert(plans.end(), GroupPlan{rate, s.samplesPerRecord, {}});
        it->channels.push_back(i);
    }

    // Signal byte offsets within a record.
    std::vector<std::int64_t> offset(h.channels.size(), 0);
    for (std::size_t i = 1; i < h.channels.size(); ++i)
        offset[i] = offset[i - 1] + 2 * h.channels[i - 1].samplesPerRecord;
    const std::int64_t recordBytes = h.recordBytes();

    // Record start times: EDF+D states them in each record's first annotation; otherwise they follow one another.
    std::vector<double> onsets(std::size_t(h.records));
    for (std::int64_t r = 0; r < h.records; ++r)
        onsets[std::size_t(r)] = double(r) * h.recordSeconds;
    std::vector<Annotation> annotations;
    std::int64_t untimedRecords = 0, firstUntimed = 0;
    if (!annotationSignals.empty() && (h.discontinuous() || options.readAnnotations)) {
        for (std::int64_t r = 0; r < h.records; ++r) {
            for (std::size_t k = 0; k < annotationSignals.size(); ++k) {
                const std::size_t a = annotationSignals[k];
                const auto bytes = file.readExact(std::uint64_t(h.headerBytes + r * recordBytes + offset[a]),
                                                  std::uint64_t(2 * h.channels[a].samplesPerRecord));
                auto parsed = edf::parseAnnotationRecord(bytes);
                if (k == 0 && parsed.recordStart)
                    onsets[std::size_t(r)] = *parsed.recordStart;
                else if (k == 0 && h.edfPlus() && untimedRecords++ == 0)
                    firstUntimed = r + 1;
                for (auto& w : parsed.warnings)
                    if (rec.warnings.size() < 50)
                        rec.warnings.push_back("EDF+ annotations, record " + std::to_string(r + 1) + ": " + w);
                if (options.readAnnotations)
                    for (auto& e : parsed.events) {
                        Annotation an;
                        an.timeSeconds = e.onset;
                        an.code = e.text;
                        an.text = e.duration > 0 ? "duration " + std::to_string(e.duration) + " s" : std::string();
                        an.source = "EDF+ annotations";
                        annotations.push_back(an);
                    }
            }
        }
    }
    // Said once, however many records lack it: a day's file has 86 400.
    if (untimedRecords > 0)
        rec.warnings.push_back(std::to_string(untimedRecords) + " EDF+ data record(s) have no time-keeping annotation (the first: record " +
                               std::to_string(firstUntimed) + "); they are placed one after another");
    if (h.discontinuous())
        for (std::size_t r = 1; r < onsets.size(); ++r)
            if (onsets[r] < onsets[r - 1] + h.recordSeconds - 1e-9)
                throw ReadError(path, "EDF+D data record " + std::to_string(r + 1) + " starts at " + std::to_string(onsets[r]) +
                                          " s, before the previous one ends");

    const double span = onsets.empty() ? 0.0 : onsets.back() + h.recordSeconds;
    for (const auto& plan : plans) {
        SignalGroup g;
        g.label = "signals @ " + std::to_string(int(std::lround(plan.rate))) + " Hz";
        g.samplingRateHz = plan.rate;
        const std::int64_t total = std::int64_t(std::llround(span * plan.rate));
        if (total > kMaxSamplesPerLead)
            throw ReadError(path, "EDF: " + std::to_string(total) + " samples per signal is more than can be held");
        g.totalSamples = total;
        const SampleRange range = sampleRangeForWindow(options, plan.rate, total, path);
        g.firstSample = range.first;
        g.filters = filtersFrom(h.channels[plan.channels.front()].prefiltering);
        for (std::size_t i : plan.channels) {
            const auto& s = h.channels[i];
            Lead lead;
            lead.name = leadNameFor(s.label);
            const double toMv = millivoltsPer(s.physicalDimension);
            auto& p = lead.provenance;
            p.storedLabel = s.label;
            p.storedUnits = s.physicalDimension;
            p.gain = 1.0 / s.scale();
            p.baseline = -s.offset() / s.scale();
            p.isVoltage = toMv > 0;
            p.toMillivolts = toMv > 0 ? toMv : 1.0;
            p.storedFormat = "EDF 16-bit";
            if (!options.headerOnly)
                lead.samples.assign(std::size_t(range.count()), kMissingSample);
            g.leads.push_back(std::move(lead));
        }
        if (!options.headerOnly && range.count() > 0) {
            // The records the window touches, read in chunks; each sample lands at its record's own start time.
            const std::int64_t perChunk = std::max<std::int64_t>(1, std::int64_t(kChunkBytes) / recordBytes);
            for (std::int64_t r0 = 0; r0 < h.records; r0 += perChunk) {
                const std::int64_t r1 = std::min(h.records, r0 + perChunk);
                const std::int64_t firstSample = std::llround(onsets[std::size_t(r0)] * plan.rate);
                const std::int64_t lastSample = std::llround(onsets[std::size_t(r1 - 1)] * plan.rate) + plan.perRecord;
                if (lastSample <= range.first || firstSample >= range.last)
                    continue;
                const auto bytes = file.readExact(std::uint64_t(h.headerBytes + r0 * recordBytes), std::uint64_t((r1 - r0) * recordBytes));
                for (std::int64_t r = r0; r < r1; ++r) {
                    const std::int64_t start = std::llround(onsets[std::size_t(r)] * plan.rate);
                    for (std::size_t k = 0; k < plan.channels.size(); ++k) {
                        const auto& s = h.channels[plan.channels[k]];
                        auto& out = g.leads[k].samples;
                        const double scale = s.scale() * g.leads[k].provenance.toMillivolts;
                        const double shift = s.offset() * g.leads[k].provenance.toMillivolts;
                        const std::uint8_t* at = bytes.data() + (r - r0) * recordBytes + offset[plan.channels[k]];
                        for (std::int64_t j = 0; j < plan.perRecord; ++j) {
                            const std::int64_t t = start + j - range.first;
                            if (t < 0 || t >= range.count())
                                continue;
                            const auto digital = std::int16_t(std::uint16_t(at[2 * j]) | std::uint16_t(at[2 * j + 1]) << 8);
                            out[std::size_t(t)] = float(double(digital) * scale + shift);
                        }
                    }
                }
                if (options.progress && !options.progress(double(r1) / double(h.records)))
                    throw ReadCancelled();
            }
        }
        rec.groups.push_back(std::move(g));
    }
    if (rec.groups.empty() && annotations.empty())
        throw ReadError(path, "EDF file holds neither signals nor annotations");
    if (h.discontinuous())
        rec.warnings.push_back("EDF+D (discontinuous): the gaps between data records are shown as missing samples");
    for (auto& an : annotations) {
        an.group = 0;
        if (!rec.groups.empty())
            an.sample = std::llround(an.timeSeconds * rec.groups.front().samplingRateHz);
    }
    rec.metadata.annotations = std::move(annotations);
    if (options.deriveLimbLeads)
        deriveMissingLimbLeads(rec);
    return rec;
}

} // namespace execg
