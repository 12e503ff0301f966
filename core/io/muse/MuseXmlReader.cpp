#include "io/muse/MuseXmlReader.h"

#include "io/BinaryFile.h"
#include "io/ReadError.h"
#include "io/TimeWindow.h"
#include "io/xml/XmlDocument.h"
#include "recording/LeadNames.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace execg {

namespace {

using xml::number;

// MUSE dates are MM-DD-YYYY.
std::string isoDate(const std::string& museDate)
{
    int m = 0, d = 0, y = 0;
    if (std::sscanf(museDate.c_str(), "%d-%d-%d", &m, &d, &y) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

void readDemographics(const xml::Node& root, Recording& rec)
{
    auto& m = rec.metadata;
    if (const auto p = root.child("PatientDemographics")) {
        m.patient.id = p.childText("PatientID");
        const std::string last = p.childText("PatientLastName"), first = p.childText("PatientFirstName");
        m.patient.name = last + (last.empty() || first.empty() ? "" : "^") + first;
        const std::string gender = p.childText("Gender");
        m.patient.sex = gender == "MALE" ? "M" : gender == "FEMALE" ? "F" : "";
        m.patient.birthDate = isoDate(p.childText("DateofBirth"));
        if (const auto age = number(p.childText("PatientAge")); age && (p.childText("AgeUnits").empty() || p.childText("AgeUnits") == "YEARS"))
            m.patient.ageYears = *age;
        if (const auto h = number(p.childText("HeightCM")))
            m.patient.heightCm = *h;
        if (const auto w = number(p.childText("WeightKG")))
            m.patient.weightKg = *w;
    }
    if (const auto t = root.child("TestDemographics")) {
        const std::string date = isoDate(t.childText("AcquisitionDate"));
        const std::string time = t.childText("AcquisitionTime");
        if (!date.empty())
            m.acquisitionDateTime = date + (time.empty() ? "" : "T" + time);
        m.device.model = t.childText("AcquisitionDevice");
        m.device.softwareVersion = t.childText("AcquisitionSoftwareVersion");
        m.device.institution = t.childText("SiteName");
        m.device.manufacturer = "GE";
        if (const std::string s = t.childText("Location"); !s.empty())
            m.extra["MUSE location"] = s;
    }
    if (const auto v = root.child("MuseInfo").childText("MuseVersion"); !v.empty())
        m.extra["MUSE version"] = v;
}

void readMeasurements(const xml::Node& root, Recording& rec)
{
    struct Item {
        const char* element;
        const char* name;
        const char* unit;
    };
    static const Item items[] = {{"VentricularRate", "Ventricular rate", "bpm"}, {"AtrialRate", "Atrial rate", "bpm"},
                                 {"PRInterval", "PR interval", "ms"},           {"QRSDuration", "QRS duration", "ms"},
                                 {"QTInterval", "QT interval", "ms"},           {"QTCorrected", "QTc interval", "ms"},
                                 {"PAxis", "P axis", "deg"},                   {"RAxis", "QRS axis", "deg"},
                                 {"TAxis", "T axis", "deg"}};
    const auto m = root.child("RestingECGMeasurements");
    for (const auto& item : items)
        if (const auto v = number(m.childText(item.element)))
            rec.metadata.measurements.push_back({item.name, *v, item.unit, "device"});
    // The statements of the device's (or the overreader's) diagnosis, one line each.
    for (const char* block : {"Diagnosis", "OriginalDiagnosis"}) {
        const auto d = root.child(block);
        if (!d)
            continue;
        std::string line;
        for (const auto& s : d.children("DiagnosisStatement")) {
            line += (line.empty() ? "" : " ") + s.childText("StmtText");
            // StmtFlag ENDSLINE closes a statement; without flags each one is its own.
            const auto flags = s.children("StmtFlag");
            const bool ends = flags.empty() || std::any_of(flags.begin(), flags.end(), [](const xml::Node& f) { return f.text() == "ENDSLINE"; });
            if (ends && !line.empty()) {
                rec.metadata.statements.push_back(line);
                line.clear();
            }
        }
        if (!line.empty())
            rec.metadata.statements.push_back(line);
        if (!rec.metadata.statements.empty())
            break;   // the current diagnosis; the original only when there is no other
    }
}

SignalGroup readWaveform(const xml::Node& w, const ReadOptions& options, const std::string& path, std::vector<std::string>& warnings)
{
    const std::string type = w.childText("WaveformType");
    const auto base = number(w.childText("SampleBase"));
    const double exponent = number(w.childText("SampleExponent")).value_or(0.0);
    if (!base || *base <= 0)
        throw ReadError(path, "MUSE " + type + " waveform (line " + std::to_string(w.line()) + "): no valid SampleBase");
    SignalGroup g;
    g.samplingRateHz = *base * std::pow(10.0, exponent);
    g.label = type == "Median" ? "median beats" : "rhythm";
    // HighPassFilter is in hundredths of a hertz (16 = 0.16 Hz), LowPassFilter and ACFilter in hertz.
    if (const auto hp = number(w.childText("HighPassFilter")))
        g.filters.highPassHz = *hp / 100.0;
    if (const auto lp = number(w.childText("LowPassFilter")))
        g.filters.lowPassHz = *lp;
    if (const auto ac = number(w.childText("ACFilter")))
        g.filters.notchHz = *ac;

    std::set<std::string> seen;
    std::int64_t samples = -1;
    SampleRange range{};
    for (const auto& ld : w.children("LeadData")) {
        const std::string id = ld.childText("LeadID");
        const std::string where = "MUSE " + type + " lead " + id + " (line " + std::to_string(ld.line()) + ")";
        if (id.empty())
            throw ReadError(path, where + ": no LeadID");
        const std::string leadName = standardLeadName(id).value_or(id);
        if (!seen.insert(leadName).second)
            throw ReadError(path, where + ": the lead is given twice");
        const auto count = number(ld.childText("LeadSampleCountTotal"));
        const auto perBit = number(ld.childText("LeadAmplitudeUnitsPerBit"));
        const std::string units = ld.childText("LeadAmplitudeUnits");
        const double sampleSize = number(ld.childText("LeadSampleSize")).value_or(2.0);
        if (!count || *count < 0 || *count > 1e8)
            throw ReadError(path, where + ": no valid LeadSampleCountTotal");
        if (!perBit || *perBit <= 0)
            throw ReadError(path, where + ": no valid LeadAmplitudeUnitsPerBit");
        if (sampleSize != 2.0)
            throw ReadError(path, where + ": samples of " + ld.childText("LeadSampleSize") + " bytes (2 expected)");
        double toMv = 0.0;
        if (units == "MICROVOLTS" || units.empty())
            toMv = 1e-3;
        else if (units == "MILLIVOLTS")
            toMv = 1.0;
        else
            throw ReadError(path, where + ": amplitude units \"" + units + "\" (MICROVOLTS or MILLIVOLTS expected)");
        std::vector<std::uint8_t> bytes;
        try {
            bytes = xml::decodeBase64(ld.childText("WaveFormData"));
        } catch (const std::invalid_argument& e) {
            throw ReadError(path, where + ": " + e.what());
        }
        const auto n = std::int64_t(*count);
        if (std::int64_t(bytes.size()) < 2 * n)
            throw ReadError(path, where + ": " + std::to_string(bytes.size() / 2) + " samples of data for " + std::to_string(n) + " stated");
        if (std::int64_t(bytes.size()) > 2 * n)
            warnings.push_back(where + ": " + std::to_string(bytes.size() / 2 - std::size_t(n)) + " samples beyond the stated count ignored");
        if (samples < 0) {
            samples = n;
            g.totalSamples = n;
            range = sampleRangeForWindow(options, g.samplingRateHz, n, path);
            g.firstSample = range.first;
        } else if (n != samples) {
            throw ReadError(path, where + ": " + std::to_string(n) + " samples where the other leads have " + std::to_string(samples));
        }
        Lead lead;
        lead.name = leadName;
        auto& p = lead.provenance;
        p.storedLabel = id;
        p.storedUnits = units.empty() ? "MICROVOLTS" : units;
        p.gain = 1.0 / *perBit;
        p.toMillivolts = toMv;
        p.storedFormat = "MUSE base64 int16";
        if (!options.headerOnly) {
            lead.samples.resize(std::size_t(range.count()));
            const double scale = *perBit * toMv;
            for (std::int64_t i = 0; i < range.count(); ++i) {
                const std::size_t at = std::size_t(2 * (range.first + i));
                lead.samples[std::size_t(i)] = float(double(std::int16_t(std::uint16_t(bytes[at]) | std::uint16_t(bytes[at + 1]) << 8)) * scale);
            }
        }
        g.leads.push_back(std::move(lead));
    }
    if (g.leads.empty())
        throw ReadError(path, "MUSE " + type + " waveform (line " + std::to_string(w.line()) + "): no LeadData");
    if (const auto stated = number(w.childText("NumberofLeads")); stated && int(*stated) != int(g.leads.size()))
        warnings.push_back("MUSE " + type + " waveform states " + w.childText("NumberofLeads") + " leads and holds " +
                           std::to_string(g.leads.size()));
    return g;
}

} // namespace

int MuseXmlReader::sniff(const std::string& path, const std::vector<std::uint8_t>& head) const
{
    const std::string text(head.begin(), head.end());
    if (text.find("<RestingECG") != std::string::npos || text.find("DOCTYPE RestingECG") != std::string::npos)
        return 95;
    (void)path;
    return 0;
}

Recording MuseXmlReader::read(const std::string& path, const ReadOptions& options) const
{
    requireRegularFile(path, "GE MUSE XML file", true);
    const xml::Document doc(path);
    const auto root = doc.root();
    if (root.name() != "RestingECG")
        throw ReadError(path, "not a GE MUSE RestingECG file: the root element is <" + root.name() + ">");
    Recording rec;
    rec.sourcePath = path;
    rec.formatName = "GE MUSE XML";
    if (!doc.encodingWarning().empty())
        rec.warnings.push_back(doc.encodingWarning());
    readDemographics(root, rec);
    readMeasurements(root, rec);
    for (const auto& w : root.children("Waveform")) {
        if (options.progress && !options.progress(0.5))
            throw ReadCancelled();
        rec.groups.push_back(readWaveform(w, options, path, rec.warnings));
    }
    if (rec.groups.empty())
        throw ReadError(path, "GE MUSE file without a Waveform");
    if (options.deriveLimbLeads)
        deriveMissingLimbLeads(rec);
    return rec;
}

} // namespace execg
