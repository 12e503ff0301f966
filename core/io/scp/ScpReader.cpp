#include "io/scp/ScpReader.h"

#include "io/BinaryFile.h"
#include "io/FileExtension.h"
#include "io/ReadError.h"
#include "io/TimeWindow.h"
#include "io/scp/ScpHuffman.h"
#include "io/scp/ScpSections.h"
#include "io/scp/ScpSignalDecoder.h"
#include "recording/LeadNames.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <stdexcept>

namespace execg {

namespace {

using namespace scp;

constexpr std::uint64_t kMaxFileBytes = 64ull << 20;   // 12 leads × 64 KiB each is the most a file can need
// A lead's data are at most 65 535 bytes: 524 280 one-bit codes, four times that after bimodal expansion. Sample
// ranges beyond that are lies, refused before anything is allocated for them.
constexpr std::size_t kMaxSamplesPerLead = std::size_t(1) << 21;
constexpr std::size_t kMaxSamplesPerFile = std::size_t(1) << 25;

// Section parsers throw std::invalid_argument; the reader names the file and the section.
template <typename F>
auto inSection(const std::string& path, const std::string& section, F&& f)
{
    try {
        return f();
    } catch (const std::invalid_argument& e) {
        throw ReadError(path, section + ": " + e.what());
    }
}

std::string leadLabel(const LeadDefinition& d)
{
    return leadNameForCode(d.code).value_or("SCP lead " + std::to_string(d.code));
}

// Each lead's bytes within section 6 (or 5). Raw 16-bit data whose byte counts are saturated at 65534/65535 —
// a producer's 16-bit overflow — are cut by the sample counts of section 3 instead, where the section holds them.
std::vector<std::span<const std::uint8_t>> leadSpans(const EncodedSignals& s, const std::vector<std::size_t>& expected,
                                                     bool raw, const std::string& section, std::vector<std::string>& warnings)
{
    std::vector<std::uint64_t> bytes(s.leadBytes.begin(), s.leadBytes.end());
    const bool saturated = std::all_of(bytes.begin(), bytes.end(), [](std::uint64_t b) { return b >= 65534; });
    std::uint64_t needed = 0;
    for (const std::size_t e : expected)
        needed += 2 * std::uint64_t(e);
    if (raw && saturated && needed > std::accumulate(bytes.begin(), bytes.end(), std::uint64_t(0))) {
        const std::string what = section + ": the leads' byte counts are saturated at " + std::to_string(s.leadBytes.front()) +
                                 " (a 16-bit overflow of the writer)";
        if (needed <= s.data.size()) {
            for (std::size_t i = 0; i < bytes.size(); ++i)
                bytes[i] = 2 * std::uint64_t(expected[i]);
            warnings.push_back(what + "; the leads were cut by section 3's sample counts");
        } else {
            warnings.push_back(what + ", and the section holds no more than that");
        }
    }
    std::vector<std::span<const std::uint8_t>> spans;
    std::uint64_t at = 0;
    for (const std::uint64_t b : bytes) {
        const std::uint64_t begin = std::min<std::uint64_t>(at, s.data.size());
        const std::uint64_t end = std::min<std::uint64_t>(at + b, s.data.size());
        spans.push_back(s.data.subspan(std::size_t(begin), std::size_t(end - begin)));
        at += b;
    }
    if (at > s.data.size())
        warnings.push_back(section + ": the leads' byte counts add up to " + std::to_string(at) + " bytes, the section holds " +
                           std::to_string(s.data.size()));
    return spans;
}

struct LeadLayout {
    std::vector<std::size_t> first;   // 0-based start of each lead in the group
    std::vector<std::size_t> count;
    std::size_t total = 0;
};

LeadLayout layoutLeads(const LeadSection& leads, std::vector<std::string>& warnings)
{
    LeadLayout l;
    bool zeroBased = false;
    for (const auto& d : leads.leads) {
        std::uint32_t first = d.first, last = d.last;
        if (first == 0) {   // 1-based by the standard; some writers start at 0 and end at the count
            zeroBased = true;
            first = 1;
        }
        if (last < first || last > kMaxSamplesPerLead)
            throw std::invalid_argument("lead " + leadLabel(d) + " runs from sample " + std::to_string(d.first) + " to " + std::to_string(d.last));
        l.first.push_back(first - 1);
        l.count.push_back(last - first + 1);
        l.total = std::max<std::size_t>(l.total, last);
    }
    if (l.total * leads.leads.size() > kMaxSamplesPerFile)
        throw std::invalid_argument(std::to_string(leads.leads.size()) + " leads of up to " + std::to_string(l.total) +
                                    " samples: more than an SCP-ECG file can hold");
    if (zeroBased)
        warnings.push_back("section 3 numbers the samples from 0 (the standard counts from 1); read as samples 1 to the stated end");
    return l;
}

// The reference beat's length as section 4 states it, in whole milliseconds: N samples at I µs are written as any
// duration within a millisecond of N·I/1000, rounded either way (a Welch Allyn beat of 431 samples at 1667 µs is
// 718 ms, which is 430.7 samples), so the duration allows the counts from `fewest` to `most` — one count at most
// rates — and what section 5 stores decides among them. A duration of 0 states nothing: section 5 alone decides.
struct BeatLength {
    std::size_t fewest = 0, most = 0;
    bool fits = true;   // not more than a file can hold
};

constexpr std::size_t kHuffmanPadding = 8;   // values the padding bits of a Huffman stream's last byte can decode to

BeatLength beatLength(int milliseconds, int intervalMicroseconds, std::size_t leads)
{
    const std::size_t cap = kMaxSamplesPerFile / 8 / std::max<std::size_t>(leads, 1);
    if (milliseconds <= 0)
        return {0, cap, true};
    const auto ms = std::uint64_t(milliseconds), us = std::uint64_t(intervalMicroseconds);
    BeatLength l;
    l.most = std::size_t(((ms + 1) * 1000 - 1) / us);
    l.fewest = std::min(l.most, std::size_t((ms - 1) * 1000 / us + 1));
    l.fits = l.most <= cap;
    return l;
}

} // namespace

int ScpReader::sniff(const std::string& path, const std::vector<std::uint8_t>& head) const
{
    const std::string ext = lowerCaseExtension(path);
    // Byte 7 starts section 0: id 0, a length that holds at least its header, the pointer table a multiple of 10.
    const bool looksLikeScp = head.size() >= 22 && get16(head.data() + 8) == 0 && get32(head.data() + 10) >= 26 &&
                              get32(head.data() + 10) < 4096 && (get32(head.data() + 10) - 16) % 10 == 0;
    if (looksLikeScp && std::equal(head.begin() + 16, head.begin() + 22, "SCPECG"))
        return 95;
    if (looksLikeScp)
        return ext == ".scp" ? 90 : 40;
    return ext == ".scp" ? 50 : 0;
}

Recording ScpReader::read(const std::string& path, const ReadOptions& options) const
{
    const std::uint64_t size = requireRegularFile(path, "SCP-ECG file", true);
    if (size > kMaxFileBytes)
        throw ReadError(path, "an SCP-ECG file of " + std::to_string(size >> 20) + " MiB: too large to be one");
    Recording rec;
    rec.sourcePath = path;
    rec.formatName = name();
    const ScpFile file = inSection(path, "SCP-ECG", [&] { return ScpFile(BinaryFile(path).readAll(), rec.warnings); });

    FilterSettings filters;
    readPatientSection(file.data(1), rec.metadata, filters, rec.warnings);
    readGlobalMeasurements(file.data(7), rec.metadata);
    readStatements(file.data(8), file.data(11), rec.metadata);
    if (file.protocolVersion() > 0)   // 10–13 for 1.0–1.3, 20 for 2.0, 30 for 3.0; some carts leave it 0
        rec.metadata.extra["SCP-ECG version"] = std::to_string(file.protocolVersion() / 10) + "." + std::to_string(file.protocolVersion() % 10);

    if (!file.has(3))
        throw ReadError(path, "no section 3 (lead definition)");
    if (!file.has(6))
        throw ReadError(path, "no section 6 (rhythm data)");
    const LeadSection leads = inSection(path, "section 3", [&] { return parseLeadSection(file.data(3)); });
    const LeadLayout layout = inSection(path, "section 3", [&] { return layoutLeads(leads, rec.warnings); });
    const std::vector<HuffmanTable> tables =
        file.has(2) ? inSection(path, "section 2", [&] { return parseHuffmanTables(file.data(2).data(), file.data(2).size()); })
                    : std::vector<HuffmanTable>{};
    const EncodedSignals rhythm = inSection(path, "section 6", [&] { return parseEncodedSignals(file.data(6), leads.leads.size()); });

    // The reference beat (section 5), needed to undo its subtraction and shown as the median beat.
    const bool subtracted = leads.referenceBeatSubtracted;
    if (subtracted && (!file.has(4) || !file.has(5)))
        throw ReadError(path, "section 3 says the rhythm data are residuals after reference-beat subtraction, but section " +
                                  std::string(file.has(4) ? "5 (reference beats)" : "4 (QRS locations)") + " is missing");
    std::optional<QrsSection> qrs;
    std::optional<EncodedSignals> beat;
    std::vector<std::vector<double>> beatValues;
    if (file.has(4) && file.has(5)) {
        // Without subtraction the reference beat is only the median beat: a broken one costs the median group, not
        // the rhythm.
        try {
            qrs = inSection(path, "section 4", [&] { return parseQrsSection(file.data(4)); });
            beat = inSection(path, "section 5", [&] { return parseEncodedSignals(file.data(5), leads.leads.size()); });
            const BeatLength length = beatLength(qrs->referenceBeatMilliseconds, beat->sampleIntervalMicroseconds, leads.leads.size());
            if (!length.fits)
                throw ReadError(path, "section 4: a reference beat of " + std::to_string(qrs->referenceBeatMilliseconds) + " ms at " +
                                          std::to_string(beat->sampleIntervalMicroseconds) + " µs per sample is not a beat");
            const auto spans = leadSpans(*beat, std::vector<std::size_t>(leads.leads.size(), length.most), tables.empty(), "section 5", rec.warnings);
            // What section 5 stores, up to a few values past the longest beat the duration allows (a Huffman stream's
            // last byte is padded, and zero bits decode as zeros with the default table).
            std::size_t stored = 0;
            for (std::size_t i = 0; i < spans.size(); ++i) {
                // Bits past the beat that decode to nothing sensible are not the beat's: then the shortest beat is read.
                auto d = inSection(path, "section 5, lead " + leadLabel(leads.leads[i]), [&] {
                    try {
                        return decodeLead(tables, spans[i], length.most + kHuffmanPadding, beat->differences);
                    } catch (const std::invalid_argument&) {
                        return decodeLead(tables, spans[i], length.fewest, beat->differences);
                    }
                });
                stored = std::max(stored, d.values.size());
                beatValues.push_back(std::move(d.values));
            }
            const std::size_t beatSamples = std::clamp(stored, length.fewest, length.most);
            if (stored > length.most && (tables.empty() || stored >= length.most + kHuffmanPadding))
                rec.warnings.push_back("section 5 stores more than the " + std::to_string(qrs->referenceBeatMilliseconds) +
                                       " ms section 4 gives the reference beat; read as " + std::to_string(beatSamples) + " samples");
            for (std::size_t i = 0; i < beatValues.size(); ++i) {
                if (beatValues[i].size() < beatSamples)
                    rec.warnings.push_back("section 5, lead " + leadLabel(leads.leads[i]) + ": the reference beat ends after " +
                                           std::to_string(beatValues[i].size()) + " of " + std::to_string(beatSamples) + " samples");
                beatValues[i].resize(beatSamples, 0.0);
            }
        } catch (const ReadError& e) {
            if (subtracted)
                throw;
            rec.warnings.push_back("the reference beat (sections 4 and 5) was not read: " + e.problem());
            qrs.reset();
            beat.reset();
            beatValues.clear();
        }
    }
    if (subtracted && rhythm.sampleIntervalMicroseconds != beat->sampleIntervalMicroseconds && !rhythm.bimodal)
        throw ReadError(path, "the residual (" + std::to_string(rhythm.sampleIntervalMicroseconds) + " µs) and the reference beat (" +
                                  std::to_string(beat->sampleIntervalMicroseconds) + " µs) are sampled differently without bimodal compression");
    int decimation = 1;
    if (rhythm.bimodal && beat && rhythm.sampleIntervalMicroseconds > beat->sampleIntervalMicroseconds) {
        decimation = rhythm.sampleIntervalMicroseconds / beat->sampleIntervalMicroseconds;
        if (decimation * beat->sampleIntervalMicroseconds != rhythm.sampleIntervalMicroseconds)
            throw ReadError(path, "bimodal compression from " + std::to_string(beat->sampleIntervalMicroseconds) + " to " +
                                      std::to_string(rhythm.sampleIntervalMicroseconds) + " µs is not a whole-number decimation");
    } else if (rhythm.bimodal) {
        rec.warnings.push_back("section 6 is marked bimodal without a coarser sample interval than section 5; read as not decimated");
    }
    const int intervalUs = decimation > 1 ? beat->sampleIntervalMicroseconds : rhythm.sampleIntervalMicroseconds;

    SignalGroup g;
    g.label = "rhythm";
    g.samplingRateHz = 1e6 / intervalUs;
    g.filters = filters;
    g.totalSamples = std::int64_t(layout.total);
    const SampleRange range = sampleRangeForWindow(options, g.samplingRateHz, g.totalSamples, path);
    g.firstSample = range.first;
    const bool raw = tables.empty();
    const double unitMv = (subtracted ? beat->nanovoltsPerUnit : rhythm.nanovoltsPerUnit) * 1e-6;
    const auto spans = leadSpans(rhythm, layout.count, raw, "section 6", rec.warnings);
    struct ShortLead {
        std::string label;
        std::size_t got, expected;
    };
    std::vector<ShortLead> shortLeads;
    for (std::size_t i = 0; i < leads.leads.size(); ++i) {
        const std::string label = leadLabel(leads.leads[i]);
        Lead lead;
        lead.name = label;
        lead.provenance.storedLabel = "SCP lead " + std::to_string(leads.leads[i].code);
        lead.provenance.storedUnits = "nV";
        lead.provenance.gain = 1.0 / (unitMv * 1e6);
        lead.provenance.toMillivolts = 1e-6;
        lead.provenance.code = "SCP-ECG lead " + std::to_string(leads.leads[i].code);
        lead.provenance.storedFormat = std::string(raw ? "SCP 16-bit" : "SCP Huffman") +
                                       (rhythm.differences == 2 ? ", 2nd differences" : rhythm.differences == 1 ? ", 1st differences" : "") +
                                       (subtracted ? ", reference beat subtracted" : "") + (decimation > 1 ? ", bimodal" : "");
        if (options.headerOnly) {
            g.leads.push_back(std::move(lead));
            continue;
        }
        const std::size_t expected = layout.count[i];
        const std::size_t storedCount = decimation > 1 ? std::size_t(-1) / 2 : expected;
        auto d = inSection(path, "section 6, lead " + label, [&] { return decodeLead(tables, spans[i], storedCount, rhythm.differences); });
        std::vector<double> values = decimation > 1 ? expandBimodal(d.values, expected, decimation, qrs->protectedAreas) : std::move(d.values);
        if (decimation == 1 && d.truncated)
            shortLeads.push_back({label, values.size(), expected});
        if (subtracted)
            values = addReferenceBeat(values, double(rhythm.nanovoltsPerUnit) / beat->nanovoltsPerUnit, beatValues[i], *qrs, label, rec.warnings);
        lead.samples.assign(std::size_t(range.count()), kMissingSample);
        const std::size_t offset = layout.first[i];
        for (std::size_t k = 0; k < values.size() && k < expected; ++k) {
            const std::int64_t at = std::int64_t(offset + k) - range.first;
            if (at >= 0 && at < range.count())
                lead.samples[std::size_t(at)] = float(values[k] * unitMv);
        }
        g.leads.push_back(std::move(lead));
        if (options.progress && !options.progress(double(i + 1) / double(leads.leads.size())))
            throw ReadCancelled();
    }
    if (!shortLeads.empty()) {
        const ShortLead& f = shortLeads.front();
        const bool alike = std::all_of(shortLeads.begin(), shortLeads.end(), [&](const ShortLead& l) { return l.got == f.got && l.expected == f.expected; });
        std::string list;
        for (const auto& l : shortLeads)
            list += (list.empty() ? "" : ", ") + l.label + (alike ? "" : " (" + std::to_string(l.got) + " of " + std::to_string(l.expected) + ")");
        rec.warnings.push_back("section 6: the data of " + (shortLeads.size() == leads.leads.size() ? "all leads" : "lead(s) " + list) +
                               " end early" + (alike ? " (after " + std::to_string(f.got) + " of " + std::to_string(f.expected) + " samples)" : "") +
                               "; the rest is shown as missing");
    }
    rec.groups.push_back(std::move(g));

    if (beat) {
        SignalGroup median;
        median.label = "median beats";
        median.samplingRateHz = 1e6 / beat->sampleIntervalMicroseconds;
        median.totalSamples = beatValues.empty() ? 0 : std::int64_t(beatValues.front().size());
        median.filters = filters;
        for (std::size_t i = 0; i < leads.leads.size(); ++i) {
            Lead lead;
            lead.name = rec.groups.front().leads[i].name;
            lead.provenance = rec.groups.front().leads[i].provenance;
            lead.provenance.gain = 1.0 / beat->nanovoltsPerUnit;
            lead.provenance.storedFormat = raw ? "SCP 16-bit" : "SCP Huffman";
            if (!options.headerOnly)
                for (const double v : beatValues[i])
                    lead.samples.push_back(float(v * beat->nanovoltsPerUnit * 1e-6));
            median.leads.push_back(std::move(lead));
        }
        rec.groups.push_back(std::move(median));
    }
    if (options.deriveLimbLeads)
        deriveMissingLimbLeads(rec);
    return rec;
}

} // namespace execg
