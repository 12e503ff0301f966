#include "io/scp/ScpSections.h"

#include "io/scp/ScpFormat.h"
#include "io/wfdb/WfdbHeader.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace execg::scp {

namespace {

std::string hex4(unsigned v)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%04X", v & 0xFFFFu);
    return buf;
}

std::string isoDate(int year, int month, int day)
{
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31)
        return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

// A text field: NUL-terminated within its length, Latin-1 where it is not UTF-8.
std::string text(const std::uint8_t* p, std::size_t n)
{
    std::size_t len = 0;
    while (len < n && p[len] != 0)
        ++len;
    std::string s(reinterpret_cast<const char*>(p), len);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\n'))
        s.pop_back();
    return wfdbTextToUtf8(s);
}

// The manufacturer codes of section 1 tag 14, for carts that give no manufacturer text.
const char* manufacturerName(int code)
{
    static const char* const names[] = {"",         "Burdick",   "Cambridge Heart", "Compumed",  "Datamed",
                                        "Fukuda",   "Hewlett-Packard", "Marquette", "Mortara",   "Nihon Kohden",
                                        "Okin",     "Quinton",   "Siemens",         "Spacelabs", "Telemed",
                                        "Hellige",  "ESA-OTE",   "Schiller",        "Picker-Schwarzer",
                                        "Elettronica-Trentina", "Zwönitz"};
    return code >= 0 && code < int(sizeof names / sizeof *names) ? names[code] : "";
}

void readDevice(const std::uint8_t* v, std::size_t n, DeviceInfo& device, RecordingMetadata& metadata)
{
    if (n < 36)
        return;
    if (get16(v + 4) != 0)
        metadata.extra["SCP device ID"] = std::to_string(get16(v + 4));
    const std::string model = text(v + 8, 6);
    if (!model.empty())
        device.model = model;
    // Five NUL-terminated strings follow the fixed part: analysing program, serial number, system software,
    // SCP implementation software, manufacturer.
    std::vector<std::string> strings;
    std::size_t at = 36;
    while (strings.size() < 5 && at < n) {
        std::size_t end = at;
        while (end < n && v[end] != 0)
            ++end;
        strings.push_back(text(v + at, end - at));
        at = end + 1;
    }
    strings.resize(5);
    device.serialNumber = strings[1];
    device.softwareVersion = strings[2];
    device.manufacturer = !strings[4].empty() ? strings[4] : manufacturerName(v[7]);
}

} // namespace

ScpFile::ScpFile(std::vector<std::uint8_t> bytes, std::vector<std::string>& warnings) : bytes_(std::move(bytes))
{
    if (bytes_.size() < 6 + kSectionHeaderBytes)
        throw std::invalid_argument("too short for an SCP-ECG file (" + std::to_string(bytes_.size()) + " bytes)");
    const std::uint32_t stated = get32(bytes_.data() + 2);
    if (stated != bytes_.size())
        warnings.push_back("the file states " + std::to_string(stated) + " bytes and holds " + std::to_string(bytes_.size()));
    else if (const auto crc = crcCcitt(bytes_.data() + 2, bytes_.size() - 2); crc != get16(bytes_.data()))
        warnings.push_back("file CRC mismatch (stored " + hex4(get16(bytes_.data())) + ", computed " + hex4(crc) +
                           "); the sections were read anyway");
    if (get16(bytes_.data() + 8) != 0)
        throw std::invalid_argument("no section 0 at byte 7 (found section " + std::to_string(get16(bytes_.data() + 8)) +
                                    "): not an SCP-ECG file");
    addSection(6, warnings);
    protocolVersion_ = bytes_[6 + 9];
    // Section 0's pointers: id, length, 1-based index of the section header.
    const auto pointers = data(0);
    for (std::size_t at = 0; at + 10 <= pointers.size(); at += 10) {
        const int id = get16(pointers.data() + at);
        const std::uint32_t length = get32(pointers.data() + at + 2), index = get32(pointers.data() + at + 6);
        if (id == 0 || length == 0 || index == 0 || has(id))
            continue;
        const std::size_t offset = std::size_t(index) - 1;
        if (offset + kSectionHeaderBytes > bytes_.size() || get16(bytes_.data() + offset + 2) != id) {
            warnings.push_back("section 0 points section " + std::to_string(id) + " to byte " + std::to_string(index) +
                               ", where it is not");
            continue;
        }
        addSection(offset, warnings);
    }
    // Writers that get the pointers wrong still write the sections one after another.
    for (std::size_t offset = 6; offset + kSectionHeaderBytes <= bytes_.size();) {
        const std::uint32_t length = get32(bytes_.data() + offset + 4);
        if (length < kSectionHeaderBytes || offset + length > bytes_.size())
            break;
        if (!has(get16(bytes_.data() + offset + 2)))
            addSection(offset, warnings);
        offset += length;
    }
}

void ScpFile::addSection(std::size_t offset, std::vector<std::string>& warnings)
{
    const std::uint8_t* h = bytes_.data() + offset;
    Section s;
    s.id = get16(h + 2);
    s.offset = offset;
    s.length = get32(h + 4);
    if (s.length < kSectionHeaderBytes || s.length > bytes_.size() - offset) {
        warnings.push_back("section " + std::to_string(s.id) + " states " + std::to_string(s.length) + " bytes, " +
                           std::to_string(bytes_.size() - offset) + " remain in the file; it was skipped");
        return;
    }
    if (const auto crc = crcCcitt(h + 2, s.length - 2); crc != get16(h))
        warnings.push_back("section " + std::to_string(s.id) + " CRC mismatch (stored " + hex4(get16(h)) + ", computed " +
                           hex4(crc) + "); read anyway");
    sections_.emplace(s.id, s);
}

const Section* ScpFile::section(int id) const
{
    const auto it = sections_.find(id);
    return it == sections_.end() ? nullptr : &it->second;
}

std::span<const std::uint8_t> ScpFile::data(int id) const
{
    const Section* s = section(id);
    if (!s)
        return {};
    return {bytes_.data() + s->offset + kSectionHeaderBytes, s->length - kSectionHeaderBytes};
}

LeadSection parseLeadSection(std::span<const std::uint8_t> d)
{
    if (d.size() < 2)
        throw std::invalid_argument("section 3 (lead definition) is empty");
    LeadSection s;
    const std::size_t n = d[0];
    s.referenceBeatSubtracted = d[1] & 1u;
    if (n == 0)
        throw std::invalid_argument("section 3 defines no lead");
    if (2 + 9 * n > d.size())
        throw std::invalid_argument("section 3 states " + std::to_string(n) + " leads and holds " + std::to_string((d.size() - 2) / 9));
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* p = d.data() + 2 + 9 * i;
        s.leads.push_back({p[8], get32(p), get32(p + 4)});
    }
    return s;
}

QrsSection parseQrsSection(std::span<const std::uint8_t> d)
{
    if (d.size() < 6)
        throw std::invalid_argument("section 4 (QRS locations) is shorter than its 6-byte header");
    QrsSection s;
    s.referenceBeatMilliseconds = get16(d.data());
    s.fiducial = get16(d.data() + 2);
    const std::size_t n = get16(d.data() + 4);
    if (6 + 14 * n > d.size())
        throw std::invalid_argument("section 4 states " + std::to_string(n) + " QRS complexes and holds " + std::to_string((d.size() - 6) / 14));
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* p = d.data() + 6 + 14 * i;
        s.zones.push_back({get16(p), get32(p + 2), get32(p + 6), get32(p + 10)});
    }
    const std::size_t areas = 6 + 14 * n;
    if (areas + 8 * n <= d.size())
        for (std::size_t i = 0; i < n; ++i)
            s.protectedAreas.emplace_back(get32(d.data() + areas + 8 * i), get32(d.data() + areas + 8 * i + 4));
    return s;
}

EncodedSignals parseEncodedSignals(std::span<const std::uint8_t> d, std::size_t leads)
{
    if (d.size() < 6 + 2 * leads)
        throw std::invalid_argument("shorter than its header and " + std::to_string(leads) + " lead lengths");
    EncodedSignals s;
    s.nanovoltsPerUnit = get16(d.data());
    s.sampleIntervalMicroseconds = get16(d.data() + 2);
    s.differences = d[4];
    s.bimodal = d[5] == 1;
    for (std::size_t i = 0; i < leads; ++i)
        s.leadBytes.push_back(get16(d.data() + 6 + 2 * i));
    s.data = d.subspan(6 + 2 * leads);
    if (s.nanovoltsPerUnit == 0)
        throw std::invalid_argument("amplitude value multiplier is 0 nV");
    if (s.sampleIntervalMicroseconds == 0)
        throw std::invalid_argument("sample time interval is 0 µs");
    if (s.differences > 2)
        throw std::invalid_argument("difference coding " + std::to_string(s.differences) + " (0, 1 or 2 expected)");
    return s;
}

void readPatientSection(std::span<const std::uint8_t> d, RecordingMetadata& metadata, FilterSettings& filters,
                        std::vector<std::string>& warnings)
{
    auto& patient = metadata.patient;
    std::string last, first, date, time;
    for (std::size_t at = 0; at + 3 <= d.size();) {
        const int tag = d[at];
        const std::size_t n = get16(d.data() + at + 1);
        if (tag == 255)
            break;
        if (at + 3 + n > d.size()) {
            warnings.push_back("section 1: tag " + std::to_string(tag) + " runs past the section; the fields after it were not read");
            break;
        }
        const std::uint8_t* v = d.data() + at + 3;
        at += 3 + n;
        switch (tag) {
        case 0: last = text(v, n); break;
        case 1: first = text(v, n); break;
        case 2: patient.id = text(v, n); break;
        case 4:
            // Age: value, then unit (1 years, 2 months, 3 weeks, 4 days, 5 hours).
            if (n >= 3 && get16(v) > 0) {
                static const double perYear[] = {1, 1, 12, 52.1775, 365.2425, 8765.82};
                patient.ageYears = get16(v) / (v[2] <= 5 ? perYear[v[2]] : 1.0);
            }
            break;
        case 5:
            if (n >= 4)
                patient.birthDate = isoDate(get16(v), v[2], v[3]);
            break;
        case 6:
            // Height: 1 cm, 2 inches, 3 mm.
            if (n >= 3 && get16(v) > 0 && v[2] >= 1 && v[2] <= 3)
                patient.heightCm = get16(v) * (v[2] == 1 ? 1.0 : v[2] == 2 ? 2.54 : 0.1);
            break;
        case 7:
            // Weight: 1 kg, 2 g, 3 pounds, 4 ounces.
            if (n >= 3 && get16(v) > 0 && v[2] >= 1 && v[2] <= 4)
                patient.weightKg = get16(v) * (v[2] == 1 ? 1.0 : v[2] == 2 ? 1e-3 : v[2] == 3 ? 0.45359237 : 0.028349523);
            break;
        case 8:
            if (n >= 1)
                patient.sex = v[0] == 1 ? "M" : v[0] == 2 ? "F" : "";
            break;
        case 13:
        case 30:
            if (const std::string s = text(v, n); !s.empty())
                metadata.comments.push_back(s);
            break;
        case 14: readDevice(v, n, metadata.device, metadata); break;
        case 16: metadata.device.institution = text(v, n); break;
        case 25:
            if (n >= 4)
                date = isoDate(get16(v), v[2], v[3]);
            break;
        case 26:
            if (n >= 3 && v[0] < 24 && v[1] < 60 && v[2] < 61) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", v[0], v[1], v[2]);
                time = buf;
            }
            break;
        case 27:
            // The standard's unit is 0.01 Hz, but Spacelabs/Burdick carts write 0.0001 Hz (500 for 0.05 Hz);
            // no baseline filter is above 2 Hz, so a larger value is read in the carts' unit.
            if (n >= 2 && get16(v) > 0 && get16(v) != 0xFFFF) {
                const double hz = get16(v) * 0.01;
                filters.highPassHz = hz > 2.0 ? get16(v) * 0.0001 : hz;
            }
            break;
        case 28:
            if (n >= 2 && get16(v) > 0 && get16(v) != 0xFFFF)
                filters.lowPassHz = get16(v);
            break;
        case 29:
            if (n >= 1 && (v[0] & 3u))
                filters.notchHz = v[0] & 1u ? 60.0 : 50.0;
            break;
        case 31:
            if (const std::string s = text(v, n); !s.empty())
                metadata.extra["SCP sequence number"] = s;
            break;
        default: break;
        }
    }
    patient.name = last + (last.empty() || first.empty() ? "" : "^") + first;
    if (!date.empty())
        metadata.acquisitionDateTime = date + (time.empty() ? "" : "T" + time);
}

void readGlobalMeasurements(std::span<const std::uint8_t> d, RecordingMetadata& metadata)
{
    if (d.size() < 22)
        return;
    // 29999 not computed, 29998 rejected, 19999 wave absent; 999 an undefined axis.
    const auto valid = [](int v) { return v != 29999 && v != 29998 && v != 19999 && v != 0xFFFF; };
    const auto add = [&](const char* name, double value, const char* unit) {
        metadata.measurements.push_back({name, value, unit, "device"});
    };
    const int rr = get16(d.data() + 2);
    const std::uint8_t* b = d.data() + 6;   // the first measurement block: the dominant (type 0) beat
    const int pOn = get16(b), qrsOn = get16(b + 4), qrsOff = get16(b + 6), tOff = get16(b + 8);
    const int blocks = d[0], spikes = d[1];
    // The additional global measurements follow the blocks, the pacemaker spikes and the QRS types.
    std::size_t at = 6 + 16 * std::size_t(blocks) + 10 * std::size_t(spikes);
    int ventricularRate = 0, qtc = 0;
    if (at + 2 <= d.size()) {
        at += 2 + get16(d.data() + at);
        if (at + 6 <= d.size()) {
            ventricularRate = get16(d.data() + at);
            qtc = get16(d.data() + at + 4);
        }
    }
    if (ventricularRate > 0 && ventricularRate < 400 && valid(ventricularRate))
        add("Ventricular rate", ventricularRate, "bpm");
    else if (rr > 0 && valid(rr))
        add("Ventricular rate", std::round(60000.0 / rr), "bpm");
    if (valid(pOn) && valid(qrsOn) && qrsOn > pOn)
        add("PR interval", qrsOn - pOn, "ms");
    if (valid(qrsOn) && valid(qrsOff) && qrsOff > qrsOn)
        add("QRS duration", qrsOff - qrsOn, "ms");
    if (valid(qrsOn) && valid(tOff) && tOff > qrsOn)
        add("QT interval", tOff - qrsOn, "ms");
    if (qtc > 0 && qtc < 1000 && valid(qtc))
        add("QTc interval", qtc, "ms");
    const char* axes[] = {"P axis", "QRS axis", "T axis"};
    for (int i = 0; i < 3; ++i)
        if (const int axis = std::int16_t(get16(b + 10 + 2 * i)); axis != 999 && axis > -360 && axis <= 360)
            add(axes[i], axis, "deg");
}

void readStatements(std::span<const std::uint8_t> section8, std::span<const std::uint8_t> section11, RecordingMetadata& metadata)
{
    // Both: confirmation (1), date (4), time (3), number of statements (1), then per statement a sequence
    // number (1) and a length (2). Section 8 holds the text; section 11 a type byte, then NUL-separated fields.
    const auto read = [&](std::span<const std::uint8_t> d, bool coded) {
        if (d.size() < 9)
            return;
        const int n = d[8];
        std::size_t at = 9;
        for (int i = 0; i < n && at + 3 <= d.size(); ++i) {
            const std::size_t len = get16(d.data() + at + 1);
            if (at + 3 + len > d.size())
                break;
            const std::uint8_t* p = d.data() + at + 3;
            std::string statement;
            if (!coded) {
                statement = text(p, len);
            } else if (len > 1) {
                for (std::size_t f = 1; f < len;) {
                    std::size_t e = f;
                    while (e < len && p[e] != 0)
                        ++e;
                    if (const std::string field = text(p + f, e - f); !field.empty())
                        statement += (statement.empty() ? "" : ": ") + field;
                    f = e + 1;
                }
            }
            const auto begin = statement.find_first_not_of(" -");
            if (begin != std::string::npos)
                metadata.statements.push_back(statement.substr(statement.find_first_not_of(' ')));
            at += 3 + len;
        }
    };
    read(section8, false);
    if (metadata.statements.empty())
        read(section11, true);
}

} // namespace execg::scp
