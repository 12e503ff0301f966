#include "io/philips/PhilipsXmlReader.h"

#include "io/BinaryFile.h"
#include "io/ReadError.h"
#include "io/TimeWindow.h"
#include "io/philips/XliDecoder.h"
#include "io/xml/XmlDocument.h"
#include "recording/LeadNames.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace execg {

namespace {

using xml::number;

// Representative beats are padded to their stated duration with this value (half of every 1.04 beat in the corpus).
constexpr std::int16_t kPadding = 0x7FFF;

std::vector<std::string> words(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

// Attributes come untrimmed; a value may be given as an attribute (1.04) or as a child element (1.03).
std::optional<double> attrNumber(const xml::Node& n, const char* name)
{
    const auto w = words(n.attribute(name));
    return w.size() == 1 ? number(w.front()) : std::nullopt;
}

std::optional<double> firstNumber(std::initializer_list<std::optional<double>> candidates)
{
    for (const auto& c : candidates)
        if (c)
            return c;
    return std::nullopt;
}

std::string isoDate(const std::string& text)
{
    int y = 0, m = 0, d = 0;
    char buf[16];
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return {};
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

void readDemographics(const xml::Node& root, Recording& rec)
{
    auto& m = rec.metadata;
    const auto p = root.child("patient").child("generalpatientdata");
    m.patient.id = p.childText("patientid");
    const std::string last = p.child("name").childText("lastname"), first = p.child("name").childText("firstname");
    m.patient.name = last + (last.empty() || first.empty() ? "" : "^") + first;
    std::string sex = p.childText("sex");
    std::transform(sex.begin(), sex.end(), sex.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    m.patient.sex = sex == "male" ? "M" : sex == "female" ? "F" : "";
    const auto age = p.child("age");
    m.patient.birthDate = isoDate(age.childText("dateofbirth"));
    if (const auto years = number(age.childText("years")))
        m.patient.ageYears = *years;
    const auto inch = number(p.child("height").childText("inch")), lb = number(p.child("weight").childText("lb"));
    m.patient.heightCm = firstNumber({number(p.child("height").childText("cm")), inch ? std::optional(*inch * 2.54) : std::nullopt});
    m.patient.weightKg = firstNumber({number(p.child("weight").childText("kg")), lb ? std::optional(*lb * 0.45359237) : std::nullopt});

    const auto acq = root.child("dataacquisition");
    if (const std::string date = isoDate(acq.attribute("date")); !date.empty()) {
        const auto time = words(acq.attribute("time"));
        m.acquisitionDateTime = date + (time.size() == 1 ? "T" + time.front() : "");
    }
    const auto machine = acq.child("machine");
    m.device.manufacturer = "Philips";
    m.device.model = machine.text();
    m.device.softwareVersion = machine.attribute("detaildescription");   // "Philips Medical Products:860315:A.01.01.01"
    m.device.institution = acq.child("acquirer").childText("institutionname");
    if (const std::string id = machine.attribute("machineid"); !id.empty())
        m.extra["Philips machine ID"] = id;
    const auto doc = root.child("documentinfo");
    if (const std::string v = doc.childText("documentversion"); !v.empty())
        m.extra["Philips document version"] = doc.childText("documenttype") + " " + v;
    if (const std::string c = doc.childText("comments"); !c.empty())
        m.comments.push_back(c);
    if (const std::string r = root.child("orderinfo").childText("reasonfororder"); !r.empty())
        m.comments.push_back("Reason for order: " + r);
}

void readInterpretation(const xml::Node& root, Recording& rec)
{
    struct Item {
        const char* name;
        const char* unit;
        const char* elements[2];
    };
    static const Item items[] = {{"Ventricular rate", "bpm", {"heartrate", "meanventrate"}}, {"Atrial rate", "bpm", {"atrialrate", nullptr}},
                                 {"PR interval", "ms", {"meanprint", nullptr}},             {"QRS duration", "ms", {"meanqrsdur", nullptr}},
                                 {"QT interval", "ms", {"meanqtint", nullptr}},             {"QTc interval", "ms", {"meanqtc", "qtcb"}},
                                 {"P axis", "deg", {"pfrontaxis", nullptr}},                {"QRS axis", "deg", {"qrsfrontaxis", nullptr}},
                                 {"T axis", "deg", {"tfrontaxis", nullptr}}};
    const auto interp = root.child("interpretations").child("interpretation");
    // The interpretation's own measurements (what the report prints) first, then the analysis program's.
    const xml::Node sources[] = {interp.child("globalmeasurements"), interp.child("interpretationmeasurements"),
                                 root.child("internalmeasurements").child("crossleadmeasurements"),
                                 root.child("measurements").child("globalmeasurements")};
    for (const auto& item : items) {
        std::optional<double> value;
        for (const auto& s : sources)
            for (const char* e : item.elements)
                if (!value && e && s)
                    value = number(s.childText(e));   // "Failed", "Indeterminate" are no number
        if (value)
            rec.metadata.measurements.push_back({item.name, *value, item.unit, "device"});
    }
    for (const auto& s : interp.children("statement")) {
        const std::string left = s.childText("leftstatement"), right = s.childText("rightstatement");
        if (!left.empty())
            rec.metadata.statements.push_back(left + (right.empty() ? "" : " (" + right + ")"));
    }
    // "- ABNORMAL ECG -": the overall severity closes the statements, as on the printed report.
    const std::string severity = interp.childText("severity");
    if (const auto a = severity.find_first_not_of("- "); a != std::string::npos)
        rec.metadata.statements.push_back(severity.substr(a, severity.find_last_not_of("- ") - a + 1));
    if (const std::string sig = interp.childText("mdsignatureline"); !sig.empty())
        rec.metadata.extra["Philips interpretation status"] = sig;
}

struct Context {
    const std::string& path;
    const ReadOptions& options;
    std::vector<std::string>& warnings;
};

std::vector<std::uint8_t> base64(const xml::Node& n, const std::string& where, const Context& ctx)
{
    try {
        return xml::decodeBase64(n.text());
    } catch (const std::invalid_argument& e) {
        throw ReadError(ctx.path, where + ": " + e.what());
    }
}

std::int64_t sampleCount(double durationMs, double rateHz, const std::string& where, const Context& ctx)
{
    const double n = std::round(durationMs * rateHz / 1000.0);
    if (!(n >= 0 && n <= 1e8))
        throw ReadError(ctx.path, where + ": " + std::to_string(durationMs) + " ms at " + std::to_string(rateHz) +
                                      " Hz is no valid sample count");
    return std::int64_t(n);
}

Lead storedLead(const std::string& label, double resolution, const char* format)
{
    Lead lead;
    lead.name = standardLeadName(label).value_or(label);
    auto& p = lead.provenance;
    p.storedLabel = label;
    p.storedUnits = "uV";
    p.gain = 1.0 / resolution;
    p.toMillivolts = 1e-3;
    p.storedFormat = format;
    return lead;
}

std::int32_t le16(const std::vector<std::uint8_t>& bytes, std::size_t at)
{
    return std::int16_t(std::uint16_t(bytes[at] | bytes[at + 1] << 8));
}

// Fills a lead's samples (mV) from stored values in µV units, over the time window; 0x7FFF is a gap where asked.
void fill(Lead& lead, const std::vector<std::int32_t>& raw, const SampleRange& range, double resolution, double offset,
          bool paddingIsMissing)
{
    lead.samples.resize(std::size_t(range.count()));
    for (std::int64_t i = 0; i < range.count(); ++i) {
        const std::int32_t v = raw[std::size_t(range.first + i)];
        lead.samples[std::size_t(i)] = paddingIsMissing && v == kPadding ? kMissingSample : float((v - offset) * resolution * 1e-3);
    }
}

SignalGroup readRhythm(const xml::Node& root, const xml::Node& pw, const Context& ctx)
{
    const std::string where = "Philips parsed waveforms (line " + std::to_string(pw.line()) + ")";
    const auto sig = root.child("dataacquisition").child("signalcharacteristics");
    const auto rate = firstNumber({attrNumber(pw, "samplespersecond"), number(sig.childText("samplingrate"))});
    const auto resolution = firstNumber({attrNumber(pw, "resolution"), number(sig.childText("resolution")),
                                         number(sig.childText("signalresolution"))});
    const auto duration = attrNumber(pw, "durationperchannel");
    const double offset = firstNumber({attrNumber(pw, "signaloffset"), number(sig.childText("signaloffset"))}).value_or(0.0);
    const auto bits = firstNumber({attrNumber(pw, "bitspersample"), attrNumber(pw, "nbitspersample"), number(sig.childText("bitspersample"))});
    if (!rate || *rate <= 0 || *rate > 1e6)
        throw ReadError(ctx.path, where + ": no valid sampling rate");
    if (!resolution || *resolution <= 0)
        throw ReadError(ctx.path, where + ": no valid resolution (µV per unit)");
    if (!duration || *duration <= 0)
        throw ReadError(ctx.path, where + ": no valid durationperchannel");
    if (bits && *bits != 16)
        throw ReadError(ctx.path, where + ": " + std::to_string(int(*bits)) + " bits per sample (16 expected)");
    const std::string encoding = pw.attribute("dataencoding");
    if (!encoding.empty() && encoding != "Base64")
        throw ReadError(ctx.path, where + ": data encoding \"" + encoding + "\" (Base64 expected)");
    // 1.04: compression="XLI"; 1.03: compressflag="True" compressmethod="XLI".
    std::string compression = pw.attribute("compression");
    if (compression.empty() && pw.attribute("compressflag") == "True")
        compression = pw.attribute("compressmethod");
    const bool xli = compression == "XLI";
    if (!xli && !compression.empty() && compression != "None")
        throw ReadError(ctx.path, where + ": compression \"" + compression + "\" (XLI or none expected)");

    std::vector<std::string> labels = words(pw.attribute("leadlabels"));
    if (labels.empty()) {   // 1.03 names no leads: a 12-lead cart's standard order
        labels = standardTwelveLeads();
        if (const auto valid = number(sig.childText("numberchannelsvalid")); valid && *valid >= 1 && *valid < 12)
            labels.resize(std::size_t(*valid));
    }
    if (const auto stated = attrNumber(pw, "numberofleads"); stated && *stated >= 1 && *stated < double(labels.size()))
        labels.resize(std::size_t(*stated));

    SignalGroup g;
    g.label = "rhythm";
    g.samplingRateHz = *rate;
    g.totalSamples = sampleCount(*duration, *rate, where, ctx);
    const SampleRange range = sampleRangeForWindow(ctx.options, *rate, g.totalSamples, ctx.path);
    g.firstSample = range.first;
    g.filters.highPassHz = firstNumber({attrNumber(pw, "hipass"), number(sig.childText("hipass"))});
    g.filters.lowPassHz = firstNumber({attrNumber(pw, "lowpass"), number(sig.childText("lowpass"))});
    if (const auto band = sig.childText("signalbandwidth"); !g.filters.highPassHz && band.find('-') != std::string::npos) {
        g.filters.highPassHz = number(band.substr(0, band.find('-')));   // 1.03: "0.05-150"
        g.filters.lowPassHz = number(band.substr(band.find('-') + 1));
    }
    if (pw.attribute("notchfiltered") == "True" || sig.childText("notchfiltered") == "True") {
        // notchfilterfreqs may list harmonics too ("60 120"): the first is the mains frequency.
        const auto freqs = words(pw.attribute("notchfilterfreqs") + " " + sig.childText("notchfilterfreqs"));
        if (const auto f = freqs.empty() ? std::nullopt : number(freqs.front()); f && *f > 0)
            g.filters.notchHz = *f;
    }

    std::set<std::string> seen;
    for (const auto& label : labels) {
        Lead lead = storedLead(label, *resolution, xli ? "Philips XLI" : "Philips base64 int16");
        if (!seen.insert(lead.name).second)
            throw ReadError(ctx.path, where + ": lead " + label + " is given twice");
        lead.provenance.baseline = offset;
        g.leads.push_back(std::move(lead));
    }
    if (ctx.options.headerOnly)
        return g;

    const auto bytes = base64(pw, where, ctx);
    const auto n = std::size_t(g.totalSamples);
    std::vector<std::vector<std::int32_t>> raw;
    if (xli) {
        try {
            raw = xli::decode(bytes.data(), bytes.size(), labels.size(), n);
        } catch (const xli::XliError& e) {
            const auto k = std::size_t(e.chunk());
            const std::string lead = e.chunk() >= 0 && k < labels.size()
                                         ? "lead " + labels[k] + " (XLI chunk " + std::to_string(k + 1) + ")" : "XLI data";
            throw ReadError(ctx.path, where + ", " + lead + ": " + e.what());
        }
        // III, aVR, aVL, aVF are stored as residuals against I and II.
        std::map<std::string, std::size_t> at;
        for (std::size_t i = 0; i < g.leads.size(); ++i)
            at[g.leads[i].name] = i;
        const bool limbs = at.count("III") || at.count("aVR") || at.count("aVL") || at.count("aVF");
        if (limbs && (!at.count("I") || !at.count("II") || !at.count("III") || !at.count("aVR") || !at.count("aVL") || !at.count("aVF")))
            throw ReadError(ctx.path, where + ": XLI limb leads need all of I, II, III, aVR, aVL and aVF");
        if (limbs) {
            xli::restoreLimbLeads(raw[at["I"]], raw[at["II"]], raw[at["III"]], raw[at["aVR"]], raw[at["aVL"]], raw[at["aVF"]]);
            for (const char* name : {"III", "aVR", "aVL", "aVF"})
                g.leads[at[name]].provenance.storedFormat = "Philips XLI, residual to I and II";
        }
    } else {
        // Uncompressed: the leads one after the other, int16 little endian.
        const std::size_t need = labels.size() * n * 2;
        if (bytes.size() < need)
            throw ReadError(ctx.path, where + ": " + std::to_string(bytes.size() / 2) + " samples of data for " +
                                          std::to_string(labels.size()) + " leads of " + std::to_string(n));
        if (bytes.size() > need)
            ctx.warnings.push_back(where + ": " + std::to_string((bytes.size() - need) / 2) + " samples beyond the labelled leads ignored");
        for (std::size_t l = 0; l < labels.size(); ++l) {
            raw.emplace_back(n);
            for (std::size_t i = 0; i < n; ++i)
                raw.back()[i] = le16(bytes, 2 * (l * n + i));
        }
    }
    for (std::size_t l = 0; l < g.leads.size(); ++l)
        fill(g.leads[l], raw[l], range, *resolution, offset, false);
    return g;
}

std::optional<SignalGroup> readRepbeats(const xml::Node& rb, const Context& ctx)
{
    const std::string where = "Philips representative beats (line " + std::to_string(rb.line()) + ")";
    const auto rate = firstNumber({attrNumber(rb, "samplespersec"), attrNumber(rb, "samplespersecond")});
    const auto resolution = attrNumber(rb, "resolution");
    if (!rate || *rate <= 0 || *rate > 1e6)
        throw ReadError(ctx.path, where + ": no valid sampling rate");
    if (!resolution || *resolution <= 0)
        throw ReadError(ctx.path, where + ": no valid resolution (µV per unit)");
    if (const std::string c = rb.attribute("compression"); !c.empty() && c != "None") {
        ctx.warnings.push_back(where + ": compressed (" + c + ") representative beats are not read");
        return std::nullopt;
    }
    SignalGroup g;
    g.label = "median beats";
    g.samplingRateHz = *rate;
    std::vector<std::vector<std::int32_t>> raw;
    std::set<std::string> seen;
    for (const auto& beat : rb.children("repbeat")) {
        const auto name = words(beat.attribute("leadname"));
        const std::string label = name.empty() ? "" : name.front();
        const std::string lw = where + ", lead " + label + " (line " + std::to_string(beat.line()) + ")";
        if (label.empty())
            throw ReadError(ctx.path, lw + ": no leadname");
        // 1.04 puts the data in <waveform duration=…>; 1.03 writes them straight into <repbeat duration=…>.
        const auto data = beat.child("waveform") ? beat.child("waveform") : beat;
        const auto duration = attrNumber(data, "duration");
        if (!duration || *duration <= 0)
            throw ReadError(ctx.path, lw + ": no valid duration");
        const auto n = sampleCount(*duration, *rate, lw, ctx);
        Lead lead = storedLead(label, *resolution, "Philips base64 int16");
        if (!seen.insert(lead.name).second)
            throw ReadError(ctx.path, lw + ": the lead is given twice");
        if (!raw.empty() && std::int64_t(raw.front().size()) != n)
            throw ReadError(ctx.path, lw + ": " + std::to_string(n) + " samples where the other leads have " + std::to_string(raw.front().size()));
        const auto bytes = base64(data, lw, ctx);
        if (std::int64_t(bytes.size()) < 2 * n)
            throw ReadError(ctx.path, lw + ": " + std::to_string(bytes.size() / 2) + " samples of data for " + std::to_string(n) + " stated");
        raw.emplace_back(std::size_t(n));
        for (std::size_t i = 0; i < std::size_t(n); ++i)
            raw.back()[i] = le16(bytes, 2 * i);
        g.leads.push_back(std::move(lead));
    }
    if (g.leads.empty())
        return std::nullopt;
    // The padding that all leads end with is no part of the beat; any other 0x7FFF is a gap.
    std::size_t used = 0;
    for (const auto& r : raw) {
        std::size_t end = r.size();
        while (end > 0 && r[end - 1] == kPadding)
            --end;
        used = std::max(used, end);
    }
    g.totalSamples = std::int64_t(used);
    const SampleRange range = sampleRangeForWindow(ctx.options, *rate, g.totalSamples, ctx.path);
    g.firstSample = range.first;
    if (!ctx.options.headerOnly)
        for (std::size_t l = 0; l < g.leads.size(); ++l)
            fill(g.leads[l], raw[l], range, *resolution, 0.0, true);
    return g;
}

} // namespace

int PhilipsXmlReader::sniff(const std::string& path, const std::vector<std::uint8_t>& head) const
{
    // UTF-16 exports (PhilipsECG 1.04) are ASCII with zero bytes in between as far as the root element.
    std::string text;
    for (const auto b : head)
        if (b != 0)
            text += char(b);
    (void)path;
    if (text.find("<restingecgdata") == std::string::npos)
        return 0;
    const bool philips = text.find("medical.philips.com") != std::string::npos || text.find("SierraECG") != std::string::npos ||
                         text.find("PhilipsECG") != std::string::npos;
    return philips ? 95 : 90;
}

Recording PhilipsXmlReader::read(const std::string& path, const ReadOptions& options) const
{
    requireRegularFile(path, "Philips SierraECG XML file", true);
    const xml::Document doc(path);
    const auto root = doc.root();
    if (root.name() != "restingecgdata")
        throw ReadError(path, "not a Philips SierraECG file: the root element is <" + root.name() + ">");
    Recording rec;
    rec.sourcePath = path;
    rec.formatName = "Philips SierraECG XML";
    if (!doc.encodingWarning().empty())
        rec.warnings.push_back(doc.encodingWarning());
    const Context ctx{path, options, rec.warnings};
    readDemographics(root, rec);
    readInterpretation(root, rec);
    const auto waveforms = root.child("waveforms");
    const auto pw = waveforms.child("parsedwaveforms");
    if (!pw)
        throw ReadError(path, "Philips file without parsed waveforms");
    if (options.progress && !options.progress(0.1))
        throw ReadCancelled();
    rec.groups.push_back(readRhythm(root, pw, ctx));
    if (options.progress && !options.progress(0.8))
        throw ReadCancelled();
    if (const auto rb = waveforms.child("repbeats"))
        if (auto g = readRepbeats(rb, ctx))
            rec.groups.push_back(std::move(*g));
    if (options.deriveLimbLeads)
        deriveMissingLimbLeads(rec);
    return rec;
}

} // namespace execg
