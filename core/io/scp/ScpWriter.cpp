#include "io/scp/ScpWriter.h"

#include "io/AtomicFile.h"
#include "io/scp/ScpFormat.h"
#include "io/scp/ScpHuffman.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

namespace execg {

namespace {

using namespace scp;

constexpr std::uint8_t kVersion = 20;   // SCP-ECG 2.0: what every reader of the format understands

// SCP holds intervals (µs), beat lengths (ms) and filter cut-offs (0.01 Hz) as whole numbers only.
bool isWhole(double x) { return std::abs(x - std::round(x)) <= 1e-6; }

class Bytes {
public:
    void u8(unsigned v) { b_.push_back(std::uint8_t(v)); }
    void u16(unsigned v) { u8(v & 0xFF), u8(v >> 8 & 0xFF); }
    void u32(std::uint32_t v) { u16(v & 0xFFFF), u16(v >> 16); }
    void append(const std::vector<std::uint8_t>& v) { b_.insert(b_.end(), v.begin(), v.end()); }
    void text(const std::string& s) { b_.insert(b_.end(), s.begin(), s.end()), u8(0); }
    std::vector<std::uint8_t>& data() { return b_; }

private:
    std::vector<std::uint8_t> b_;
};

// A section: header (CRC, id, length, versions, reserved) and data, padded to an even length as the standard asks.
std::vector<std::uint8_t> section(int id, std::vector<std::uint8_t> data)
{
    if (data.size() % 2)
        data.push_back(0);
    Bytes s;
    s.u16(0);
    s.u16(unsigned(id));
    s.u32(std::uint32_t(16 + data.size()));
    s.u8(kVersion);
    s.u8(kVersion);
    const char reserved[7] = {'S', 'C', 'P', 'E', 'C', 'G', 0};
    for (int i = 0; i < 6; ++i)
        s.u8(id == 0 ? unsigned(reserved[i]) : 0u);
    s.append(data);
    auto& out = s.data();
    const std::uint16_t crc = crcCcitt(out.data() + 2, out.size() - 2);
    out[0] = std::uint8_t(crc & 0xFF);
    out[1] = std::uint8_t(crc >> 8);
    return out;
}

void tagText(Bytes& b, int tag, const std::string& value)
{
    b.u8(unsigned(tag));
    b.u16(unsigned(value.size() + 1));
    b.text(value);
}

std::vector<std::uint8_t> patientSection(const Recording& rec, const FilterSettings& filters, std::vector<std::string>& warnings)
{
    const auto& m = rec.metadata;
    Bytes b;
    const auto caret = m.patient.name.find('^');
    const std::string last = m.patient.name.substr(0, caret);
    const std::string first = caret == std::string::npos ? "" : m.patient.name.substr(caret + 1);
    if (!last.empty())
        tagText(b, 0, last);
    if (!first.empty())
        tagText(b, 1, first);
    tagText(b, 2, m.patient.id);   // the standard requires the patient ID, if empty
    if (const auto age = m.patient.ageYears; age && *age > 0 && *age < 200) {
        const bool years = std::abs(*age - std::round(*age)) < 1e-9;
        b.u8(4), b.u16(3), b.u16(unsigned(std::lround(years ? *age : *age * 365.2425))), b.u8(years ? 1 : 4);
    }
    int y = 0, mo = 0, d = 0, h = -1, mi = -1, s = -1;
    if (std::sscanf(m.patient.birthDate.c_str(), "%d-%d-%d", &y, &mo, &d) == 3)
        b.u8(5), b.u16(4), b.u16(unsigned(y)), b.u8(unsigned(mo)), b.u8(unsigned(d));
    if (m.patient.heightCm && *m.patient.heightCm > 0)
        b.u8(6), b.u16(3), b.u16(unsigned(std::lround(*m.patient.heightCm))), b.u8(1);
    if (m.patient.weightKg && *m.patient.weightKg > 0)
        b.u8(7), b.u16(3), b.u16(unsigned(std::lround(*m.patient.weightKg))), b.u8(1);
    if (!m.patient.sex.empty())
        b.u8(8), b.u16(1), b.u8(m.patient.sex == "M" ? 1u : m.patient.sex == "F" ? 2u : 9u);
    // Acquiring device (mandatory): numbers, type, manufacturer code, model (6 bytes), protocol and language bytes,
    // 16 reserved, then the lengths-and-strings tail: analysing program, serial number, system software, SCP
    // implementation software, manufacturer.
    {
        Bytes dev;
        dev.u16(0), dev.u16(0), dev.u16(0), dev.u8(0), dev.u8(0);
        const std::string model = m.device.model.substr(0, 5);
        for (std::size_t i = 0; i < 6; ++i)
            dev.u8(i < model.size() ? unsigned(std::uint8_t(model[i])) : 0u);
        dev.u8(kVersion), dev.u8(0xA0), dev.u8(0), dev.u8(0), dev.u8(0);
        for (int i = 0; i < 16; ++i)
            dev.u8(0);
        dev.u8(1);
        dev.text("");
        dev.text(m.device.serialNumber);
        dev.text(m.device.softwareVersion);
        dev.text("ExECG Studio");
        dev.text(m.device.manufacturer);
        b.u8(14), b.u16(unsigned(dev.data().size())), b.append(dev.data());
    }
    if (!m.device.institution.empty())
        tagText(b, 16, m.device.institution);
    if (std::sscanf(m.acquisitionDateTime.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) >= 3) {
        b.u8(25), b.u16(4), b.u16(unsigned(y)), b.u8(unsigned(mo)), b.u8(unsigned(d));
        if (h >= 0 && mi >= 0 && s >= 0)
            b.u8(26), b.u16(3), b.u8(unsigned(h)), b.u8(unsigned(mi)), b.u8(unsigned(s));
    }
    if (const auto hp = filters.highPassHz) {
        if (*hp > 0 && *hp <= 2.0 && isWhole(*hp * 100))
            b.u8(27), b.u16(2), b.u16(unsigned(std::lround(*hp * 100)));
        else
            warnings.push_back("high-pass filter of " + std::to_string(*hp) + " Hz not written: SCP-ECG holds it in 0.01 Hz up to 2 Hz");
    }
    if (const auto lp = filters.lowPassHz; lp && *lp > 0 && *lp < 65535)
        b.u8(28), b.u16(2), b.u16(unsigned(std::lround(*lp)));
    if (const auto notch = filters.notchHz; notch && (*notch == 50.0 || *notch == 60.0))
        b.u8(29), b.u16(1), b.u8(*notch == 60.0 ? 1u : 2u);
    if (!m.comments.empty())
        tagText(b, 30, m.comments.front());
    b.u8(255), b.u16(0);
    return b.data();
}

std::vector<std::uint8_t> statementSection(const RecordingMetadata& m)
{
    Bytes b;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    std::sscanf(m.acquisitionDateTime.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s);
    b.u8(0), b.u16(unsigned(y)), b.u8(unsigned(mo)), b.u8(unsigned(d)), b.u8(unsigned(h)), b.u8(unsigned(mi)), b.u8(unsigned(s));
    const std::size_t n = std::min<std::size_t>(m.statements.size(), 255);
    b.u8(unsigned(n));
    for (std::size_t i = 0; i < n; ++i) {
        b.u8(unsigned(i + 1));
        b.u16(unsigned(m.statements[i].size() + 1));
        b.text(m.statements[i]);
    }
    return b.data();
}

struct StoredLead {
    std::string name;
    int code = 0;
    std::size_t first = 0, last = 0;   // 0-based, inclusive: the run between leading and trailing missing samples
    const std::vector<float>* samples = nullptr;
    const LeadProvenance* provenance = nullptr;
};

// The coarsest step (nV) at which every sample reads back as the same float: the leads' own step first (a file
// read at 4.88 µV per unit goes back at 4.88 µV), then round steps. Without one, the finest step that holds the
// range, and a warning.
int chooseStep(const std::vector<StoredLead>& leads, bool& exact)
{
    std::vector<int> candidates = {5000, 2500, 1250, 1000, 500, 250, 200, 100, 50, 25, 20, 10, 5, 2, 1};
    // The file's own step: stored units per ADC unit times mV per stored unit, in nV, where the leads agree on it.
    std::optional<long> own;
    for (const auto& l : leads) {
        const double nv = l.provenance->toMillivolts / l.provenance->gain * 1e6;
        const long rounded = std::lround(nv);
        if (!std::isfinite(nv) || rounded < 1 || rounded > 65535 || std::abs(nv - double(rounded)) > 1e-6 * nv || (own && *own != rounded)) {
            own.reset();
            break;
        }
        own = rounded;
    }
    if (own)
        candidates.insert(candidates.begin(), int(*own));
    const auto fits = [&](int nv, bool requireExact) {
        const double unit = nv * 1e-6;
        for (const auto& l : leads)
            for (std::size_t i = l.first; i <= l.last; ++i) {
                const float v = (*l.samples)[i];
                if (std::isnan(v))
                    continue;
                const double x = std::round(double(v) / unit);
                if (std::abs(x) > 32767 || (requireExact && float(x * unit) != v))
                    return false;
            }
        return true;
    };
    for (int c : candidates)
        if (fits(c, true))
            return exact = true, c;
    exact = false;
    for (auto it = candidates.rbegin(); it != candidates.rend(); ++it)
        if (fits(*it, false))
            return *it;
    throw ScpWriteError("the samples exceed what 16 bits hold at 5 µV steps (±163 mV)");
}

struct CodedLeads {
    int nanovoltsPerUnit = 0;
    int differences = 0;
    bool exact = true;
    std::vector<std::vector<std::uint8_t>> leads;
    std::vector<std::string> warnings;
};

// One amplitude step for all leads, their samples as whole steps, then coded: with the default Huffman table as
// second differences where they fit its 16 bits (else first differences, else amplitudes), or as 16-bit amplitudes.
CodedLeads encodeSignals(const std::vector<StoredLead>& leads, bool huffman, const std::string& what)
{
    CodedLeads out;
    out.nanovoltsPerUnit = chooseStep(leads, out.exact);
    if (!out.exact)
        out.warnings.push_back(what + "samples rounded to " + std::to_string(out.nanovoltsPerUnit) + " nV steps: they do not read back exactly");
    const double unit = out.nanovoltsPerUnit * 1e-6;
    std::vector<std::vector<std::int32_t>> values;
    std::size_t missing = 0;
    for (const auto& l : leads) {
        std::vector<std::int32_t> v;
        for (std::size_t i = l.first; i <= l.last; ++i) {
            const float x = (*l.samples)[i];
            missing += std::isnan(x);
            v.push_back(std::isnan(x) ? 0 : std::int32_t(std::lround(double(x) / unit)));
        }
        values.push_back(std::move(v));
    }
    if (missing) {
        out.exact = false;
        out.warnings.push_back(what + std::to_string(missing) + " missing samples inside the leads written as 0 (SCP-ECG cannot mark them)");
    }
    const auto coded = [&](int order) {
        std::vector<std::vector<std::int32_t>> d;
        for (const auto& v : values) {
            std::vector<std::int32_t> c(v.size());
            for (std::size_t i = 0; i < v.size(); ++i)
                c[i] = order == 0 || i == 0 || (order == 2 && i == 1) ? v[i]
                       : order == 1                                  ? v[i] - v[i - 1]
                                                                     : v[i] - 2 * v[i - 1] + v[i - 2];
            for (const auto x : c)
                if (x < -32768 || x > 32767)
                    return std::optional<std::vector<std::vector<std::int32_t>>>{};
            d.push_back(std::move(c));
        }
        return std::optional(d);
    };
    std::optional<std::vector<std::vector<std::int32_t>>> diffs;
    for (int order : huffman ? std::vector<int>{2, 1, 0} : std::vector<int>{0})
        if ((diffs = coded(order))) {
            out.differences = order;
            break;
        }
    for (std::size_t i = 0; i < leads.size(); ++i) {
        std::vector<std::uint8_t> bytes;
        if (huffman) {
            bytes = huffmanEncodeDefault((*diffs)[i]);
        } else {
            for (const auto x : (*diffs)[i])
                bytes.push_back(std::uint8_t(std::uint32_t(x) & 0xFF)), bytes.push_back(std::uint8_t(std::uint32_t(x) >> 8 & 0xFF));
        }
        if (bytes.size() > 65535)
            throw ScpWriteError(what + "lead " + leads[i].name + " needs " + std::to_string(bytes.size()) +
                                " bytes; SCP-ECG stores at most 65535 per lead (32767 samples uncompressed)");
        out.leads.push_back(std::move(bytes));
    }
    return out;
}

// Sections 5 and 6 alike: multiplier, interval, difference coding, a zero byte (6: no bimodal compression), the
// leads' byte counts, their data.
std::vector<std::uint8_t> signalSection(const CodedLeads& e, double intervalMicroseconds)
{
    Bytes b;
    b.u16(unsigned(e.nanovoltsPerUnit));
    b.u16(unsigned(std::lround(intervalMicroseconds)));
    b.u8(unsigned(e.differences));
    b.u8(0);
    for (const auto& l : e.leads)
        b.u16(unsigned(l.size()));
    for (const auto& l : e.leads)
        b.append(l);
    return b.data();
}

struct MedianLeads {
    double rateHz = 0;
    std::size_t samples = 0;
    std::vector<StoredLead> leads;   // in the order of the rhythm's leads, whole beats (first = 0)
};

// The recording's median-beat group for the leads written, when there is one and it has every one of them.
std::optional<MedianLeads> medianLeads(const Recording& rec, int rhythmGroup, const std::vector<StoredLead>& rhythm,
                                       std::vector<std::string>& warnings)
{
    for (int gi = 0; gi < int(rec.groups.size()); ++gi) {
        const SignalGroup& g = rec.groups[std::size_t(gi)];
        if (gi == rhythmGroup || g.label != "median beats" || g.sampleCount() < 1 || !(g.samplingRateHz > 0))
            continue;
        MedianLeads m{g.samplingRateHz, std::size_t(g.sampleCount()), {}};
        for (const auto& r : rhythm) {
            const Lead* l = g.findLead(r.name);
            if (!l) {
                warnings.push_back("median beats not written: they have no lead " + r.name);
                return std::nullopt;
            }
            m.leads.push_back({r.name, r.code, 0, m.samples - 1, &l->samples, &l->provenance});
        }
        return m;
    }
    return std::nullopt;
}

} // namespace

ScpWriteResult writeScpEcg(const Recording& recording, const std::string& path, const ScpWriteOptions& options)
{
    ScpWriteResult result;
    const int gi = options.groupIndex >= 0 ? options.groupIndex : recording.primaryGroupIndex();
    if (gi < 0 || gi >= int(recording.groups.size()))
        throw ScpWriteError("the recording has no signal group " + std::to_string(gi));
    const SignalGroup& g = recording.groups[std::size_t(gi)];
    const double interval = 1e6 / g.samplingRateHz;
    if (!(g.samplingRateHz > 0) || !isWhole(interval) || interval > 65535)
        throw ScpWriteError("SCP-ECG stores the sample interval in whole microseconds; " + std::to_string(g.samplingRateHz) + " Hz has none");

    std::vector<StoredLead> leads;
    for (const auto& l : g.leads) {
        if (l.provenance.derived || !l.provenance.isVoltage)
            continue;
        const auto code = codeForLeadName(l.name);
        if (!code) {
            result.warnings.push_back("lead " + l.name + " left out: SCP-ECG has no code for it");
            continue;
        }
        StoredLead s{l.name, *code, 0, 0, &l.samples, &l.provenance};
        while (s.first < l.samples.size() && std::isnan(l.samples[s.first]))
            ++s.first;
        if (s.first == l.samples.size()) {
            result.warnings.push_back("lead " + l.name + " left out: it holds no sample");
            continue;
        }
        s.last = l.samples.size() - 1;
        while (std::isnan(l.samples[s.last]))
            --s.last;
        leads.push_back(s);
    }
    if (leads.empty())
        throw ScpWriteError("no lead SCP-ECG can store (derived leads are left to the reader)");
    if (leads.size() > 255)
        throw ScpWriteError("SCP-ECG stores at most 255 leads");

    const bool huffman = options.compression == ScpCompression::DefaultHuffman;
    const CodedLeads rhythm = encodeSignals(leads, huffman, "");
    result.nanovoltsPerUnit = rhythm.nanovoltsPerUnit;
    result.differences = rhythm.differences;
    result.exact = rhythm.exact;
    result.warnings.insert(result.warnings.end(), rhythm.warnings.begin(), rhythm.warnings.end());

    Bytes leadDef;
    leadDef.u8(unsigned(leads.size()));
    leadDef.u8(0x04u | (unsigned(std::min<std::size_t>(leads.size(), 31)) << 3));   // recorded simultaneously
    for (const auto& l : leads)
        leadDef.u32(std::uint32_t(l.first + 1)), leadDef.u32(std::uint32_t(l.last + 1)), leadDef.u8(unsigned(l.code));

    std::map<int, std::vector<std::uint8_t>> sections;
    sections[1] = section(1, patientSection(recording, g.filters, result.warnings));
    if (huffman) {
        Bytes t;
        t.u16(kDefaultHuffmanTableMarker);
        sections[2] = section(2, t.data());
    }
    sections[3] = section(3, leadDef.data());
    sections[6] = section(6, signalSection(rhythm, interval));
    // The median beats, where the recording has them for the same leads: section 5 without subtraction, and
    // section 4 with the beat's length and no QRS complexes.
    if (const auto median = medianLeads(recording, gi, leads, result.warnings)) {
        const double beatInterval = 1e6 / median->rateHz;
        // Section 4 holds the length in whole milliseconds, rounded as other writers round it; readers take the
        // count from section 5 (431 samples at 2500 µs are 1077.5 ms, written 1078).
        const double beatMs = double(median->samples) * beatInterval / 1000.0;
        if (!isWhole(beatInterval) || std::lround(beatMs) > 65535) {
            result.warnings.push_back("median beats not written: SCP-ECG needs a whole-microsecond interval and at most 65535 ms");
        } else {
            const CodedLeads beat = encodeSignals(median->leads, huffman, "median beats: ");
            result.exact = result.exact && beat.exact;
            result.warnings.insert(result.warnings.end(), beat.warnings.begin(), beat.warnings.end());
            Bytes qrs;
            qrs.u16(unsigned(std::lround(beatMs))), qrs.u16(0), qrs.u16(0);
            sections[4] = section(4, qrs.data());
            sections[5] = section(5, signalSection(beat, beatInterval));
        }
    }
    if (!recording.metadata.statements.empty())
        sections[8] = section(8, statementSection(recording.metadata));

    // Section 0 points at every section 0–11 (absent ones with length and index 0); indices count from 1.
    const std::size_t section0Bytes = 16 + 12 * 10;
    std::size_t at = 6 + section0Bytes;
    Bytes pointers;
    pointers.u16(0), pointers.u32(std::uint32_t(section0Bytes)), pointers.u32(7);
    for (int id = 1; id <= 11; ++id) {
        const auto it = sections.find(id);
        pointers.u16(unsigned(id));
        pointers.u32(it == sections.end() ? 0u : std::uint32_t(it->second.size()));
        pointers.u32(it == sections.end() ? 0u : std::uint32_t(at + 1));
        if (it != sections.end())
            at += it->second.size();
    }
    Bytes file;
    file.u16(0);
    file.u32(std::uint32_t(at));
    file.append(section(0, pointers.data()));
    for (const auto& [id, bytes] : sections)
        file.append(bytes);
    auto& out = file.data();
    const std::uint16_t crc = crcCcitt(out.data() + 2, out.size() - 2);
    out[0] = std::uint8_t(crc & 0xFF);
    out[1] = std::uint8_t(crc >> 8);
    writeFileAtomically(path, std::string_view(reinterpret_cast<const char*>(out.data()), out.size()));
    return result;
}

} // namespace execg
