#include "io/edf/EdfWriter.h"

#include "io/AtomicFile.h"
#include "io/edf/EdfAnnotations.h"
#include "io/edf/EdfHeader.h"
#include "io/wfdb/WfdbWriter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace execg {

namespace {

constexpr std::int64_t kRecordBytesLimit = 61440;   // EDF+'s recommended largest data record

[[noreturn]] void fail(const std::string& path, const std::string& why) { throw EdfWriteError(path, why); }

std::string underscored(std::string s)
{
    std::replace(s.begin(), s.end(), ' ', '_');
    return s.empty() ? "X" : s;
}

std::string prefiltering(const FilterSettings& f)
{
    std::string s;
    char buf[32];
    const auto add = [&](const char* key, const std::optional<double>& v) {
        if (!v)
            return;
        std::snprintf(buf, sizeof buf, "%s:%gHz", key, *v);
        s += (s.empty() ? "" : " ") + std::string(buf);
    };
    add("HP", f.highPassHz);
    add("LP", f.lowPassHz);
    add("N", f.notchHz);
    return s;
}

// The record length: whole samples per record, dividing the recording exactly where possible, within EDF+'s size.
double recordSecondsFor(double rate, std::int64_t samples, std::int64_t leads, const std::string& path)
{
    const double candidates[] = {1, 0.5, 0.25, 0.2, 0.1, 2, 5, 10, 0.05, 0.04, 0.02, 0.01};
    double fallback = 0.0;
    for (double d : candidates) {
        const double perRecord = rate * d;
        if (std::abs(perRecord - std::round(perRecord)) > 1e-9 || perRecord < 1)
            continue;
        if (2 * std::llround(perRecord) * leads > kRecordBytesLimit)
            continue;
        if (samples % std::llround(perRecord) == 0)
            return d;
        if (fallback == 0.0)
            fallback = d;
    }
    if (rate > 0 && std::abs(rate - std::round(rate)) < 1e-9)
        return 1.0 / rate;   // one sample per record: always divides
    if (fallback > 0)
        return fallback;
    fail(path, "a sampling rate of " + std::to_string(rate) + " Hz gives no whole number of samples per EDF data record");
}

} // namespace

EdfWriteResult writeEdfPlus(const Recording& recording, const std::string& path, const EdfWriteOptions& options)
{
    const int gi = options.groupIndex >= 0 ? options.groupIndex : recording.primaryGroupIndex();
    if (gi < 0 || gi >= int(recording.groups.size()))
        fail(path, "the recording has no signal group " + std::to_string(gi));
    const SignalGroup& g = recording.groups[std::size_t(gi)];
    std::vector<const Lead*> leads;
    for (const auto& l : g.leads)
        if (!l.provenance.derived)
            leads.push_back(&l);
    if (leads.empty())
        fail(path, "the signal group has no stored leads to write");
    const std::int64_t n = g.sampleCount();

    EdfWriteResult result;
    edf::Header h;
    h.version = "0";
    const auto& m = recording.metadata;
    const std::string sex = m.patient.sex == "M" || m.patient.sex == "F" ? m.patient.sex : "X";
    h.patient = underscored(m.patient.id) + " " + sex + " " + edf::edfPlusDateFromIso(m.patient.birthDate) + " " + underscored(m.patient.name);
    const std::string equipment = m.device.manufacturer + (m.device.manufacturer.empty() || m.device.model.empty() ? "" : " ") +
                                  m.device.model;
    h.recording = "Startdate " + edf::edfPlusDateFromIso(m.acquisitionDateTime) + " X X " + underscored(equipment);
    int y = 1985, mo = 1, d = 1, hh = 0, mi = 0, ss = 0;
    std::sscanf(m.acquisitionDateTime.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &hh, &mi, &ss);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%02d", d, mo, y % 100);
    h.startDate = buf;
    std::snprintf(buf, sizeof buf, "%02d.%02d.%02d", hh, mi, ss);
    h.startTime = buf;
    h.reserved = "EDF+C";
    h.recordSeconds = recordSecondsFor(g.samplingRateHz, n, std::int64_t(leads.size()) + 8, path);
    const std::int64_t perRecord = std::llround(g.samplingRateHz * h.recordSeconds);
    h.records = (n + perRecord - 1) / perRecord;
    if (n % perRecord != 0)
        result.warnings.push_back("the last data record is padded with " + std::to_string(h.records * perRecord - n) + " zero samples");

    // Each lead's digital step: 1 µV, or the finest 1-2-5 step that holds its largest value in 16 bits.
    std::vector<double> step(leads.size(), 1.0);
    const std::string filters = prefiltering(g.filters);
    bool hadNaN = false;
    for (std::size_t k = 0; k < leads.size(); ++k) {
        const Lead& l = *leads[k];
        double maxAbs = 0;
        for (float v : l.samples)
            if (std::isfinite(v))
                maxAbs = std::max(maxAbs, double(std::abs(v)));
            else
                hadNaN = true;
        edf::SignalHeader s;
        s.digitalMin = -32768;
        s.digitalMax = 32767;
        s.samplesPerRecord = perRecord;
        s.prefiltering = filters;
        s.label = l.provenance.isVoltage ? "ECG " + l.name : l.name;
        if (l.provenance.isVoltage) {
            const double microvolts = 1000.0 * maxAbs;
            if (microvolts > 32767.0)
                step[k] = 1.0 / wfdbGainThatFits(microvolts, 32767.0);
            // Up to 50 µV a step writes its range in µV within the field's 8 characters; beyond, in mV.
            const bool inMillivolts = step[k] >= 100.0;
            s.physicalDimension = inMillivolts ? "mV" : "uV";
            const double unit = inMillivolts ? step[k] / 1000.0 : step[k];
            s.physicalMin = -32768.0 * unit;
            s.physicalMax = 32767.0 * unit;
            result.microvoltsPerUnit.push_back(step[k]);
        } else {
            // Not a voltage: its own unit over its own range.
            double lo = 0, hi = 0;
            for (float v : l.samples)
                if (std::isfinite(v)) {
                    lo = std::min(lo, double(v));
                    hi = std::max(hi, double(v));
                }
            s.physicalDimension = l.provenance.storedUnits;
            s.physicalMin = lo;
            s.physicalMax = hi > lo ? hi : lo + 1.0;
        }
        h.channels.push_back(s);
    }
    if (hadNaN)
        result.warnings.push_back("missing samples (NaN) are written as 0: EDF has no value for them");

    // The annotations of this group, by the record they fall in, and the annotation signal's size.
    std::vector<std::vector<edf::AnnotationEvent>> events(std::size_t(h.records));
    for (const auto& a : m.annotations) {
        if (a.group != gi)
            continue;
        const double t = a.timeSeconds >= 0 ? a.timeSeconds : double(a.sample) / g.samplingRateHz;
        if (t < 0)
            continue;
        const auto r = std::clamp<std::int64_t>(std::int64_t(t / h.recordSeconds), 0, h.records - 1);
        std::string text = a.code + (a.text.empty() ? "" : " " + a.text);
        std::replace(text.begin(), text.end(), '\x14', ' ');
        std::replace(text.begin(), text.end(), '\0', ' ');
        events[std::size_t(r)].push_back({t, 0.0, text});
    }
    std::size_t annotationBytes = 16;
    for (std::int64_t r = 0; r < h.records; ++r) {
        std::size_t need = 24;
        for (const auto& e : events[std::size_t(r)])
            need += e.text.size() + 24;
        annotationBytes = std::max(annotationBytes, need);
    }
    annotationBytes += annotationBytes % 2;
    edf::SignalHeader annotationSignal;
    annotationSignal.label = "EDF Annotations";
    annotationSignal.physicalMin = -1;
    annotationSignal.physicalMax = 1;
    annotationSignal.digitalMin = -32768;
    annotationSignal.digitalMax = 32767;
    annotationSignal.samplesPerRecord = std::int64_t(annotationBytes / 2);
    h.channels.push_back(annotationSignal);

    std::string bytes = edf::formatHeader(h);
    bytes.reserve(bytes.size() + std::size_t(h.records * h.recordBytes()));
    for (std::int64_t r = 0; r < h.records; ++r) {
        for (std::size_t k = 0; k < leads.size(); ++k) {
            const auto& samples = leads[k]->samples;
            const auto& s = h.channels[k];
            const double perUnit = leads[k]->provenance.isVoltage ? 1000.0 / step[k] : 1.0 / s.scale();
            const double shift = leads[k]->provenance.isVoltage ? 0.0 : s.offset();
            for (std::int64_t j = 0; j < perRecord; ++j) {
                const std::int64_t i = r * perRecord + j;
                const float v = i < n ? samples[std::size_t(i)] : 0.0f;
                const double digital = std::isfinite(v) ? std::round((double(v) - shift) * perUnit) : 0.0;
                const auto d16 = std::int16_t(std::clamp(digital, -32768.0, 32767.0));
                bytes += char(std::uint16_t(d16) & 0xFF);
                bytes += char(std::uint16_t(d16) >> 8);
            }
        }
        const auto tal = edf::formatAnnotationRecord(double(r) * h.recordSeconds, events[std::size_t(r)], annotationBytes);
        bytes.append(tal.begin(), tal.end());
    }
    try {
        writeFileAtomically(path, bytes);
    } catch (const WriteError& e) {
        throw EdfWriteError(e.file(), e.problem());
    }
    result.recordSeconds = h.recordSeconds;
    result.records = h.records;
    return result;
}

} // namespace execg
