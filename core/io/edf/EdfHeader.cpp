#include "io/edf/EdfHeader.h"

#include "io/ReadError.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace execg::edf {

namespace {

constexpr std::size_t kFixedBytes = 256, kSignalBytes = 256;
constexpr std::int64_t kMaxSignals = 4096;
const char* const kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

std::string trimmed(const std::string& s)
{
    const auto a = s.find_first_not_of(' ');
    if (a == std::string::npos)
        return {};
    return s.substr(a, s.find_last_not_of(' ') - a + 1);
}

// The field's printable ASCII (EDF allows 32..126 only; other bytes are kept as '?', and counted).
std::string field(const std::vector<std::uint8_t>& b, std::size_t at, std::size_t width, int& nonAscii)
{
    std::string s;
    for (std::size_t i = at; i < at + width; ++i) {
        const auto c = b[i];
        if (c >= 32 && c <= 126)
            s += char(c);
        else {
            s += '?';
            ++nonAscii;
        }
    }
    return trimmed(s);
}

double number(const std::string& text, const std::string& what, const std::string& file)
{
    if (text.empty())
        throw ReadError(file, "EDF header: " + what + " is empty");
    std::size_t used = 0;
    double v = 0;
    try {
        v = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || !std::isfinite(v))
        throw ReadError(file, "EDF header: " + what + " is not a number (\"" + text + "\")");
    return v;
}

std::int64_t integer(const std::string& text, const std::string& what, const std::string& file)
{
    const double v = number(text, what, file);
    if (v != std::floor(v) || std::abs(v) > 9.0e15)
        throw ReadError(file, "EDF header: " + what + " is not a whole number (\"" + text + "\")");
    return std::int64_t(v);
}

void put(std::string& out, const std::string& value, std::size_t width)
{
    std::string v = value.substr(0, width);
    v.resize(width, ' ');
    out += v;
}

// A number in at most `width` characters, as precise as fits.
std::string fit(double v, std::size_t width)
{
    char buf[64];
    for (int precision = 12; precision >= 1; --precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::string(buf).size() <= width)
            return buf;
    }
    throw std::runtime_error("EDF: " + std::to_string(v) + " does not fit a " + std::to_string(width) + "-character field");
}

} // namespace

std::int64_t Header::recordBytes() const
{
    std::int64_t n = 0;
    for (const auto& s : channels)
        n += 2 * s.samplesPerRecord;
    return n;
}

Header parseHeader(const std::vector<std::uint8_t>& b, std::uint64_t fileSize, const std::string& file)
{
    if (b.size() < kFixedBytes)
        throw ReadError(file, "truncated EDF header: " + std::to_string(b.size()) + " of 256 bytes");
    int nonAscii = 0;
    Header h;
    h.version = field(b, 0, 8, nonAscii);
    if (h.version != "0")
        throw ReadError(file, "not an EDF file: the version field is \"" + h.version + "\", not \"0\"");
    h.patient = field(b, 8, 80, nonAscii);
    h.recording = field(b, 88, 80, nonAscii);
    h.startDate = field(b, 168, 8, nonAscii);
    h.startTime = field(b, 176, 8, nonAscii);
    h.headerBytes = integer(field(b, 184, 8, nonAscii), "the header size", file);
    h.reserved = field(b, 192, 44, nonAscii);
    h.records = integer(field(b, 236, 8, nonAscii), "the number of data records", file);
    h.recordSeconds = number(field(b, 244, 8, nonAscii), "the duration of a data record", file);
    const std::int64_t ns = integer(field(b, 252, 4, nonAscii), "the number of signals", file);
    if (ns < 1 || ns > kMaxSignals)
        throw ReadError(file, "EDF header: " + std::to_string(ns) + " signals (1 to " + std::to_string(kMaxSignals) + " expected)");
    if (h.headerBytes != std::int64_t(kFixedBytes + kSignalBytes * std::size_t(ns)))
        throw ReadError(file, "EDF header: the header size field says " + std::to_string(h.headerBytes) + " bytes, but " +
                                  std::to_string(ns) + " signals need " + std::to_string(kFixedBytes + kSignalBytes * std::size_t(ns)));
    if (b.size() < std::size_t(h.headerBytes))
        throw ReadError(file, "truncated EDF header: " + std::to_string(b.size()) + " of " + std::to_string(h.headerBytes) + " bytes");
    if (h.recordSeconds < 0)
        throw ReadError(file, "EDF header: negative data record duration");

    h.channels.resize(std::size_t(ns));
    std::size_t at = kFixedBytes;
    const auto column = [&](std::size_t width, auto&& set) {
        for (auto& s : h.channels) {
            set(s, field(b, at, width, nonAscii));
            at += width;
        }
    };
    int index = 0;
    const auto what = [&](const char* name) { return std::string(name) + " of signal " + std::to_string(++index); };
    column(16, [](SignalHeader& s, std::string v) { s.label = std::move(v); });
    column(80, [](SignalHeader& s, std::string v) { s.transducer = std::move(v); });
    column(8, [](SignalHeader& s, std::string v) { s.physicalDimension = std::move(v); });
    index = 0;
    column(8, [&](SignalHeader& s, const std::string& v) { s.physicalMin = number(v, what("the physical minimum"), file); });
    index = 0;
    column(8, [&](SignalHeader& s, const std::string& v) { s.physicalMax = number(v, what("the physical maximum"), file); });
    index = 0;
    column(8, [&](SignalHeader& s, const std::string& v) { s.digitalMin = integer(v, what("the digital minimum"), file); });
    index = 0;
    column(8, [&](SignalHeader& s, const std::string& v) { s.digitalMax = integer(v, what("the digital maximum"), file); });
    column(80, [](SignalHeader& s, std::string v) { s.prefiltering = std::move(v); });
    index = 0;
    column(8, [&](SignalHeader& s, const std::string& v) { s.samplesPerRecord = integer(v, what("the samples per record"), file); });

    for (std::size_t i = 0; i < h.channels.size(); ++i) {
        const auto& s = h.channels[i];
        const std::string name = "signal " + std::to_string(i + 1) + " (" + s.label + ")";
        if (s.samplesPerRecord < 1 || s.samplesPerRecord > (1 << 24))
            throw ReadError(file, "EDF header: " + name + " has " + std::to_string(s.samplesPerRecord) + " samples per record");
        if (s.digitalMax <= s.digitalMin || s.digitalMin < -32768 || s.digitalMax > 32767)
            throw ReadError(file, "EDF header: " + name + " has digital range " + std::to_string(s.digitalMin) + " to " +
                                      std::to_string(s.digitalMax) + " (16-bit, minimum below maximum expected)");
        if (s.physicalMax == s.physicalMin)
            throw ReadError(file, "EDF header: " + name + " has equal physical minimum and maximum");
    }
    const std::int64_t recordBytes = h.recordBytes();
    const std::uint64_t data = fileSize > std::uint64_t(h.headerBytes) ? fileSize - std::uint64_t(h.headerBytes) : 0;
    const std::int64_t whole = std::int64_t(data / std::uint64_t(recordBytes));
    if (h.records < 0) {
        h.warnings.push_back("the number of data records is not stated (-1); counted " + std::to_string(whole) + " from the file's size");
        h.records = whole;
    } else if (h.records > whole) {
        h.warnings.push_back("truncated: the header announces " + std::to_string(h.records) + " data records, the file holds " +
                             std::to_string(whole) + "; reading those");
        h.records = whole;
    } else if (data > std::uint64_t(h.records * recordBytes)) {
        h.warnings.push_back(std::to_string(data - std::uint64_t(h.records * recordBytes)) +
                             " bytes after the last data record were ignored");
    }
    if (nonAscii > 0)
        h.warnings.push_back("the header holds " + std::to_string(nonAscii) + " non-ASCII byte(s), shown as '?'");
    return h;
}

std::string isoFromEdfPlusDate(const std::string& text)
{
    const auto digits = [&](std::size_t at, std::size_t n) {
        return std::all_of(text.begin() + std::ptrdiff_t(at), text.begin() + std::ptrdiff_t(at + n),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    if (text.size() != 11 || text[2] != '-' || text[6] != '-' || !digits(0, 2) || !digits(7, 4))
        return {};
    const std::string month = text.substr(3, 3);
    for (int m = 0; m < 12; ++m)
        if (month == kMonths[m]) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%s-%02d-%s", text.substr(7, 4).c_str(), m + 1, text.substr(0, 2).c_str());
            return buf;
        }
    return {};
}

std::string edfPlusDateFromIso(const std::string& iso)
{
    int y = 0, m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return "X";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d-%s-%04d", d, kMonths[m - 1], y);
    return buf;
}

std::string formatHeader(const Header& h)
{
    std::string out;
    put(out, h.version, 8);
    put(out, h.patient, 80);
    put(out, h.recording, 80);
    put(out, h.startDate, 8);
    put(out, h.startTime, 8);
    put(out, std::to_string(kFixedBytes + kSignalBytes * h.channels.size()), 8);
    put(out, h.reserved, 44);
    put(out, std::to_string(h.records), 8);
    put(out, fit(h.recordSeconds, 8), 8);
    put(out, std::to_string(h.channels.size()), 4);
    for (const auto& s : h.channels)
        put(out, s.label, 16);
    for (const auto& s : h.channels)
        put(out, s.transducer, 80);
    for (const auto& s : h.channels)
        put(out, s.physicalDimension, 8);
    for (const auto& s : h.channels)
        put(out, fit(s.physicalMin, 8), 8);
    for (const auto& s : h.channels)
        put(out, fit(s.physicalMax, 8), 8);
    for (const auto& s : h.channels)
        put(out, std::to_string(s.digitalMin), 8);
    for (const auto& s : h.channels)
        put(out, std::to_string(s.digitalMax), 8);
    for (const auto& s : h.channels)
        put(out, s.prefiltering, 80);
    for (const auto& s : h.channels)
        put(out, std::to_string(s.samplesPerRecord), 8);
    for (std::size_t i = 0; i < h.channels.size(); ++i)
        put(out, "", 32);
    return out;
}

} // namespace execg::edf
