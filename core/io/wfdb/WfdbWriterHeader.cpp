#include "io/wfdb/WfdbWriterHeader.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>

namespace execg {

namespace {

// Shortest text that reads back as the same double (the header is parsed with strtod).
std::string number(double v)
{
    char buf[32];
    for (int precision = 6; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v)
            break;
    }
    return buf;
}

// A header field or comment is one line; embedded line breaks would start a bogus signal or record line.
std::string oneLine(std::string s)
{
    for (char& c : s)
        if (c == '\n' || c == '\r')
            c = ' ';
    return s;
}

void comment(std::ostringstream& out, const std::string& label, const std::string& value)
{
    if (!value.empty())
        out << "# " << label << ": " << oneLine(value) << '\n';
}

std::string optionalNumber(const std::optional<double>& v) { return v ? number(*v) : std::string(); }

bool parseIso(const std::string& s, int& y, int& mo, int& d, int& h, int& mi, double& sec)
{
    int consumed = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) != 3 || consumed != 10)
        return false;
    if (s.size() < 16 || (s[10] != 'T' && s[10] != ' '))
        return false;
    sec = 0.0;
    const std::string clock = s.substr(11);
    if (std::sscanf(clock.c_str(), "%2d:%2d:%lf", &h, &mi, &sec) < 2)
        return false;
    return h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 && sec < 61;
}

} // namespace

std::string wfdbBaseTimeDate(const std::string& isoDateTime, double offsetSeconds)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    double sec = 0;
    if (!parseIso(isoDateTime, y, mo, d, h, mi, sec))
        return {};
    using namespace std::chrono;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok())
        return {};
    // Whole milliseconds: the resolution header(5) base times are written with.
    const auto start = sys_days{ymd} + milliseconds{std::llround((h * 3600.0 + mi * 60.0 + sec + offsetSeconds) * 1000.0)};
    const auto dayStart = floor<days>(start);
    const year_month_day date{dayStart};
    const hh_mm_ss<milliseconds> tod{duration_cast<milliseconds>(start - dayStart)};
    char buf[64];
    const long long ms = tod.subseconds().count();
    if (ms != 0)
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03lld %02u/%02u/%04d", int(tod.hours().count()),
                      int(tod.minutes().count()), int(tod.seconds().count()), ms, unsigned(date.day()),
                      unsigned(date.month()), int(date.year()));
    else
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d %02u/%02u/%04d", int(tod.hours().count()),
                      int(tod.minutes().count()), int(tod.seconds().count()), unsigned(date.day()),
                      unsigned(date.month()), int(date.year()));
    return buf;
}

std::string formatWfdbHeader(const Recording& recording, const SignalGroup& group, const WfdbWriterHeader& header)
{
    std::ostringstream out;
    out << header.recordName << ' ' << header.signalLines.size() << ' ' << number(group.samplingRateHz) << ' '
        << group.sampleCount();
    const double offset = static_cast<double>(group.firstSample) / group.samplingRateHz;
    const std::string base = wfdbBaseTimeDate(recording.metadata.acquisitionDateTime, offset);
    if (!base.empty())
        out << ' ' << base;
    out << '\n';
    for (const auto& s : header.signalLines) {
        // Baseline 0 and ADC zero 0: stored values are the physical value times the gain, nothing subtracted.
        out << header.dataFileName << ' ' << header.format << ' ' << number(s.gain) << "(0)/" << s.units << ' '
            << header.adcResolution << " 0 " << s.initialValue << ' ' << s.checksum << " 0 " << oneLine(s.description)
            << '\n';
    }

    const auto& m = recording.metadata;
    const auto& p = m.patient;
    comment(out, "Patient ID", p.id);
    comment(out, "Name", p.name);
    comment(out, "Sex", p.sex);
    comment(out, "Birth date", p.birthDate);
    comment(out, "Age", optionalNumber(p.ageYears));
    comment(out, "Height (cm)", optionalNumber(p.heightCm));
    comment(out, "Weight (kg)", optionalNumber(p.weightKg));
    comment(out, "Acquired", m.acquisitionDateTime);
    if (group.firstSample != 0)
        comment(out, "Excerpt from sample", std::to_string(group.firstSample));
    std::string device;
    for (const auto* part : {&m.device.manufacturer, &m.device.model, &m.device.serialNumber})
        if (!part->empty())
            device += (device.empty() ? "" : " ") + *part;
    comment(out, "Device", device);
    comment(out, "Software", m.device.softwareVersion);
    comment(out, "Institution", m.device.institution);
    if (!recording.formatName.empty())
        comment(out, "Converted from", recording.formatName);
    for (const auto& s : m.statements)
        comment(out, "Statement", s);
    for (const auto& c : m.comments) {
        std::istringstream lines(c);
        std::string line;
        while (std::getline(lines, line))
            out << "# " << oneLine(line) << '\n';
    }
    return out.str();
}

} // namespace execg
