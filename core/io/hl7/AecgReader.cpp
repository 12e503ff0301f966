#include "io/hl7/AecgReader.h"

#include "io/BinaryFile.h"
#include "io/ReadError.h"
#include "io/TimeWindow.h"
#include "io/xml/XmlDocument.h"
#include "recording/LeadNames.h"
#include "recording/Units.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

namespace execg {

namespace {

using xml::number;

double secondsPer(const std::string& unit)
{
    if (unit == "s" || unit.empty())
        return 1.0;
    if (unit == "ms")
        return 1e-3;
    if (unit == "us")
        return 1e-6;
    return 0.0;
}

// HL7 TS "20021122091000.000" → ISO 8601 "2002-11-22T09:10:00.000"; as much as is given.
std::string isoTime(const std::string& ts)
{
    if (ts.size() < 8)
        return {};
    std::string s = ts.substr(0, 4) + "-" + ts.substr(4, 2) + "-" + ts.substr(6, 2);
    if (ts.size() >= 14)
        s += "T" + ts.substr(8, 2) + ":" + ts.substr(10, 2) + ":" + ts.substr(12, 2) + (ts.size() > 14 && ts[14] == '.' ? ts.substr(14) : "");
    return s;
}

// Seconds since midnight of the time stamp's day, with its fraction (enough for offsets within one recording).
std::optional<double> secondsOfDay(const std::string& ts)
{
    if (ts.size() < 14)
        return std::nullopt;
    const auto part = [&](std::size_t at) { return std::atoi(ts.substr(at, 2).c_str()); };
    double s = 3600.0 * part(8) + 60.0 * part(10) + part(12);
    if (ts.size() > 14 && ts[14] == '.')
        s += std::atof(("0" + ts.substr(14)).c_str());
    return s;
}

// "MDC_ECG_LEAD_AVR" → "aVR"; the label itself when it is not a lead code.
std::string leadFromCode(const std::string& code)
{
    const std::string prefix = "MDC_ECG_LEAD_";
    if (code.rfind(prefix, 0) != 0)
        return code;
    std::string l = code.substr(prefix.size());
    if (l == "AVR" || l == "AVL" || l == "AVF")
        l = std::string("a") + char(std::toupper(l[1])) + char(std::toupper(l[2]));
    return standardLeadName(l).value_or(l);
}

std::string shortCode(const std::string& code)
{
    const std::string prefix = "MDC_ECG_";
    return code.rfind(prefix, 0) == 0 ? code.substr(prefix.size()) : code;
}

void readSubject(const xml::Node& root, Recording& rec)
{
    auto& m = rec.metadata;
    if (const auto center = root.child("effectiveTime").child("center"))
        m.acquisitionDateTime = isoTime(center.attribute("value"));
    else if (const auto low = root.child("effectiveTime").child("low"))
        m.acquisitionDateTime = isoTime(low.attribute("value"));
    if (const auto subject = root.find("trialSubject")) {
        m.patient.id = subject.child("id").attribute("extension");
        if (const auto person = subject.child("subjectDemographicPerson")) {
            m.patient.name = person.childText("name");
            const std::string sex = person.child("administrativeGenderCode").attribute("code");
            m.patient.sex = sex == "M" || sex == "F" ? sex : "";
            const std::string birth = person.child("birthTime").attribute("value");
            if (birth.size() >= 8)
                m.patient.birthDate = isoTime(birth.substr(0, 8));
        }
    }
    for (const auto& observation : root.findAll("relatedObservation"))
        if (observation.child("code").attribute("code") == "21612-7")   // LOINC: reported age
            if (const auto age = number(observation.child("value").attribute("value")); age && observation.child("value").attribute("unit") == "a")
                m.patient.ageYears = *age;
    for (const auto& comment : root.findAll("subjectFindingComment"))
        if (const std::string t = comment.childText("text"); !t.empty())
            m.comments.push_back(t);
    if (const auto site = root.child("location").find("location"))
        m.device.institution = site.childText("name");
    if (const auto device = root.find("manufacturedSeriesDevice")) {
        m.device.model = device.childText("manufacturerModelName");
        m.device.softwareVersion = device.childText("softwareName");
    }
    if (const auto maker = root.find("manufacturerOrganization"))
        m.device.manufacturer = maker.childText("name");
}

FilterSettings filtersOf(const xml::Node& series)
{
    FilterSettings f;
    for (const auto& outer : series.children("controlVariable")) {
        const auto cv = outer.child("controlVariable");
        const std::string kind = cv.child("code").attribute("code");
        for (const auto& component : cv.children("component")) {
            const auto inner = component.child("controlVariable");
            const std::string what = inner.child("code").attribute("code");
            const auto value = number(inner.child("value").attribute("value"));
            if (!value)
                continue;
            if (kind == "MDC_ECG_CTL_VBL_ATTR_FILTER_LOW_PASS" && what == "MDC_ECG_CTL_VBL_ATTR_FILTER_CUTOFF_FREQ")
                f.lowPassHz = *value;
            else if (kind == "MDC_ECG_CTL_VBL_ATTR_FILTER_HIGH_PASS" && what == "MDC_ECG_CTL_VBL_ATTR_FILTER_CUTOFF_FREQ")
                f.highPassHz = *value;
            else if (kind == "MDC_ECG_CTL_VBL_ATTR_FILTER_NOTCH" && what == "MDC_ECG_CTL_VBL_ATTR_FILTER_NOTCH_FREQ")
                f.notchHz = *value;
        }
    }
    return f;
}

// Annotations, nested ones included: statements (rhythm, interpretation), measurements (a PQ value) and timed
// events (a boundary in absolute time), relative to the series' start.
void readAnnotations(const xml::Node& set, std::optional<double> seriesStart, int group, Recording& rec)
{
    for (const auto& a : set.findAll("annotation")) {
        const std::string code = a.child("code").attribute("code");
        const auto value = a.child("value");
        const std::string type = value.attribute("type");   // xsi:type, matched by its local name
        if (type == "PQ") {
            if (const auto v = number(value.attribute("value")))
                rec.metadata.measurements.push_back({shortCode(code), *v, value.attribute("unit"), "device"});
            continue;
        }
        const std::string valueCode = value.attribute("code");
        const std::string display = value.attribute("displayName");
        if (code == "MDC_ECG_RHY" || code.rfind("MDC_ECG_INTERPRETATION", 0) == 0) {
            const std::string text = !display.empty() ? display : !value.text().empty() ? value.text() : shortCode(valueCode);
            if (!text.empty())
                rec.metadata.statements.push_back(text);
            continue;
        }
        const auto boundary = a.child("support").find("boundary");
        if (!boundary || !seriesStart)
            continue;
        const auto low = secondsOfDay(boundary.child("value").child("low").attribute("value"));
        if (!low)
            continue;
        Annotation an;
        an.group = group;
        an.timeSeconds = std::max(0.0, *low - *seriesStart);
        an.code = shortCode(valueCode.empty() ? code : valueCode);
        an.text = display;
        an.source = "HL7 aECG annotations";
        rec.metadata.annotations.push_back(an);
    }
}

SignalGroup readSeries(const xml::Node& series, const ReadOptions& options, const std::string& path, std::optional<double>& start)
{
    const std::string kind = series.child("code").attribute("code");
    const std::string where = "aECG series " + (kind.empty() ? std::string("?") : kind) + " (line " + std::to_string(series.line()) + ")";
    xml::Node set;
    for (const auto& component : series.children("component"))
        if (const auto candidate = component.child("sequenceSet"))
            set = candidate;
    if (!set)
        throw ReadError(path, where + ": no sequenceSet");
    SignalGroup g;
    g.label = kind == "REPRESENTATIVE_BEAT" ? "median beats" : "rhythm";
    g.filters = filtersOf(series);
    std::set<std::string> seen;
    std::int64_t samples = -1;
    SampleRange range{};
    struct Pending {
        Lead lead;
        std::string digits;   // kept as text until the window is known
        double mvPerDigit = 0, mvOffset = 0;
    };
    std::vector<Pending> pending;
    for (const auto& component : set.children("component")) {
        const auto sequence = component.child("sequence");
        const std::string code = sequence.child("code").attribute("code");
        const auto value = sequence.child("value");
        if (code == "TIME_ABSOLUTE" || code == "TIME_RELATIVE") {
            const auto increment = value.child("increment");
            const auto step = number(increment.attribute("value"));
            const double unit = secondsPer(increment.attribute("unit"));
            if (!step || *step <= 0 || unit <= 0)
                throw ReadError(path, where + ": the time sequence has no valid increment");
            g.samplingRateHz = 1.0 / (*step * unit);
            if (code == "TIME_ABSOLUTE")
                start = secondsOfDay(value.child("head").attribute("value"));
            continue;
        }
        const std::string name = leadFromCode(code);
        const std::string lineText = " (line " + std::to_string(sequence.line()) + ")";
        if (!seen.insert(name).second)
            throw ReadError(path, where + ": lead " + name + lineText + " is given twice");
        const auto origin = value.child("origin"), scale = value.child("scale");
        const auto scaleValue = number(scale.attribute("value"));
        const double originValue = number(origin.attribute("value")).value_or(0.0);
        if (!scaleValue || *scaleValue == 0)
            throw ReadError(path, where + ": lead " + name + lineText + " has no valid scale");
        // value = origin + scale × digit, each in its own unit; voltages to mV, anything else left in its unit.
        const double toMv = millivoltsPerUcumUnit(scale.attribute("unit")).value_or(0.0);
        const std::string originUnit = origin.attribute("unit").empty() ? scale.attribute("unit") : origin.attribute("unit");
        Lead lead;
        lead.name = name;
        auto& p = lead.provenance;
        p.storedLabel = code;
        p.code = code;
        p.storedUnits = scale.attribute("unit");
        p.gain = 1.0 / *scaleValue;
        p.baseline = -originValue / *scaleValue;
        p.isVoltage = toMv > 0;
        p.toMillivolts = toMv > 0 ? toMv : 1.0;
        p.storedFormat = "HL7 SLIST_PQ digits";
        // The digits: whitespace-separated integers, counted here and parsed once the window is known.
        std::string digits = value.childText("digits");
        std::int64_t count = 0;
        for (std::size_t i = 0; i < digits.size();) {
            while (i < digits.size() && std::isspace(static_cast<unsigned char>(digits[i])))
                ++i;
            if (i == digits.size())
                break;
            ++count;
            while (i < digits.size() && !std::isspace(static_cast<unsigned char>(digits[i])))
                ++i;
        }
        if (samples < 0)
            samples = count;
        else if (count != samples)
            throw ReadError(path, where + ": lead " + name + lineText + " has " + std::to_string(count) +
                                      " samples where the others have " + std::to_string(samples));
        const double mvPerDigit = *scaleValue * p.toMillivolts;
        const double mvOffset = originValue * (toMv > 0 ? millivoltsPerUcumUnit(originUnit).value_or(0.0) : 1.0);
        pending.push_back({std::move(lead), std::move(digits), mvPerDigit, mvOffset});
    }
    if (g.samplingRateHz <= 0)
        throw ReadError(path, where + ": no time sequence with the sampling interval");
    if (pending.empty())
        throw ReadError(path, where + ": no lead sequences");
    g.totalSamples = samples;
    range = sampleRangeForWindow(options, g.samplingRateHz, samples, path);
    g.firstSample = range.first;
    for (auto& [lead, digits, scale, offset] : pending) {
        if (!options.headerOnly) {
            lead.samples.resize(std::size_t(range.count()));
            const char* at = digits.c_str();
            for (std::int64_t i = 0; i < range.last; ++i) {
                char* end = nullptr;
                const long v = std::strtol(at, &end, 10);
                if (end == at || (*end != '\0' && !std::isspace(static_cast<unsigned char>(*end)))) {
                    const char* token = at + std::strspn(at, " \t\r\n");
                    throw ReadError(path, where + ": lead " + lead.name + " sample " + std::to_string(i + 1) + " is \"" +
                                              std::string(token, std::min<std::size_t>(20, std::strcspn(token, " \t\r\n"))) +
                                              "\", not a whole number");
                }
                at = end;
                if (i >= range.first)
                    lead.samples[std::size_t(i - range.first)] = float(double(v) * scale + offset);
            }
        }
        g.leads.push_back(std::move(lead));
    }
    return g;
}

} // namespace

int AecgReader::sniff(const std::string& path, const std::vector<std::uint8_t>& head) const
{
    (void)path;
    const std::string text(head.begin(), head.end());
    return text.find("<AnnotatedECG") != std::string::npos ? 95 : 0;
}

Recording AecgReader::read(const std::string& path, const ReadOptions& options) const
{
    requireRegularFile(path, "HL7 aECG file", true);
    const xml::Document doc(path);
    const auto root = doc.root();
    if (root.name() != "AnnotatedECG")
        throw ReadError(path, "not an HL7 annotated ECG: the root element is <" + root.name() + ">");
    Recording rec;
    rec.sourcePath = path;
    rec.formatName = "HL7 aECG";
    if (!doc.encodingWarning().empty())
        rec.warnings.push_back(doc.encodingWarning());
    readSubject(root, rec);
    for (const auto& component : root.children("component")) {
        const auto series = component.child("series");
        if (!series)
            continue;
        std::optional<double> start;
        rec.groups.push_back(readSeries(series, options, path, start));
        if (options.readAnnotations)
            for (const auto& subject : series.children("subjectOf"))
                readAnnotations(subject, start, int(rec.groups.size()) - 1, rec);
        // Derived series (representative beats) hang below the rhythm series.
        for (const auto& derived : series.findAll("derivedSeries")) {
            std::optional<double> derivedStart;
            rec.groups.push_back(readSeries(derived, options, path, derivedStart));
        }
    }
    if (rec.groups.empty())
        throw ReadError(path, "HL7 aECG without a series of waveforms");
    for (auto& a : rec.metadata.annotations)
        a.sample = std::llround(a.timeSeconds * rec.groups[std::size_t(a.group)].samplingRateHz);
    if (options.deriveLimbLeads)
        deriveMissingLimbLeads(rec);
    return rec;
}

} // namespace execg
