#include "CliArgs.h"
#include "Commands.h"

#include "io/ReaderRegistry.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>

namespace execg::cli {

namespace {

std::string fmt(double v, int precision = 6)
{
    std::ostringstream s;
    s.precision(precision);
    s << v;
    return s.str();
}

std::string filterText(const FilterSettings& f)
{
    std::string out;
    if (f.highPassHz || f.lowPassHz)
        out += (f.highPassHz ? fmt(*f.highPassHz) : "?") + "–" + (f.lowPassHz ? fmt(*f.lowPassHz) : "?") + " Hz";
    if (f.notchHz)
        out += (out.empty() ? "" : ", ") + std::string("notch ") + (*f.notchHz > 0 ? fmt(*f.notchHz) + " Hz" : "off");
    if (!f.description.empty())
        out += (out.empty() ? "" : ", ") + f.description;
    return out.empty() ? "not stated" : out;
}

nlohmann::json toJson(const Recording& rec)
{
    using nlohmann::json;
    json j;
    j["file"] = rec.sourcePath;
    j["format"] = rec.formatName;
    const auto& m = rec.metadata;
    json patient = {{"id", m.patient.id}, {"name", m.patient.name}, {"sex", m.patient.sex},
                    {"birth_date", m.patient.birthDate}};
    if (m.patient.ageYears) patient["age_years"] = *m.patient.ageYears;
    if (m.patient.heightCm) patient["height_cm"] = *m.patient.heightCm;
    if (m.patient.weightKg) patient["weight_kg"] = *m.patient.weightKg;
    j["patient"] = patient;
    j["acquisition_time"] = m.acquisitionDateTime;
    j["device"] = {{"manufacturer", m.device.manufacturer}, {"model", m.device.model},
                   {"serial", m.device.serialNumber}, {"software", m.device.softwareVersion},
                   {"institution", m.device.institution}};
    json groups = json::array();
    for (const auto& g : rec.groups) {
        json jg = {{"label", g.label}, {"sampling_rate_hz", g.samplingRateHz}, {"samples", g.totalSamples},
                   {"duration_s", g.samplingRateHz > 0 ? double(g.totalSamples) / g.samplingRateHz : 0.0}};
        json filters = json::object();
        if (g.filters.highPassHz) filters["high_pass_hz"] = *g.filters.highPassHz;
        if (g.filters.lowPassHz) filters["low_pass_hz"] = *g.filters.lowPassHz;
        if (g.filters.notchHz) filters["notch_hz"] = *g.filters.notchHz;
        if (!g.filters.description.empty()) filters["description"] = g.filters.description;
        jg["filters"] = filters;
        json leads = json::array();
        for (const auto& l : g.leads) {
            const auto& p = l.provenance;
            leads.push_back({{"name", l.name}, {"label", p.storedLabel}, {"units", p.isVoltage ? "mV" : p.storedUnits},
                             {"stored_units", p.storedUnits}, {"gain", p.gain}, {"baseline", p.baseline},
                             {"stored_format", p.storedFormat}, {"code", p.code}, {"derived", p.derived},
                             {"derivation", p.derivation}});
        }
        jg["leads"] = leads;
        groups.push_back(jg);
    }
    j["groups"] = groups;
    json anns = json::array();
    for (const auto& a : m.annotations)
        anns.push_back({{"group", a.group}, {"sample", a.sample}, {"time_s", a.timeSeconds}, {"code", a.code},
                        {"text", a.text}, {"channel", a.channel}, {"source", a.source}});
    j["annotations"] = anns;
    json meas = json::array();
    for (const auto& x : m.measurements)
        meas.push_back({{"name", x.name}, {"value", x.value}, {"unit", x.unit}, {"source", x.source}});
    j["measurements"] = meas;
    j["statements"] = m.statements;
    j["comments"] = m.comments;
    j["extra"] = m.extra;
    j["warnings"] = rec.warnings;
    return j;
}

void printText(const Recording& rec)
{
    const auto& m = rec.metadata;
    std::cout << "File:         " << rec.sourcePath << "\n"
              << "Format:       " << rec.formatName << "\n";
    if (!m.acquisitionDateTime.empty())
        std::cout << "Acquired:     " << m.acquisitionDateTime << "\n";
    std::string patient;
    for (const auto& [label, value] : {std::pair{"ID", m.patient.id}, {"name", m.patient.name},
                                       {"sex", m.patient.sex}, {"born", m.patient.birthDate}})
        if (!value.empty())
            patient += std::string(patient.empty() ? "" : ", ") + label + " " + value;
    if (m.patient.ageYears)
        patient += std::string(patient.empty() ? "" : ", ") + "age " + fmt(*m.patient.ageYears) + " y";
    if (!patient.empty())
        std::cout << "Patient:      " << patient << "\n";
    std::string device;
    for (const auto& v : {m.device.manufacturer, m.device.model, m.device.softwareVersion, m.device.serialNumber})
        if (!v.empty())
            device += (device.empty() ? "" : " ") + v;
    if (!device.empty())
        std::cout << "Device:       " << device << "\n";
    for (const auto& [k, v] : m.extra)
        std::cout << "  " << k << ": " << v << "\n";
    std::cout << "Groups:       " << rec.groups.size() << "\n";
    for (size_t gi = 0; gi < rec.groups.size(); ++gi) {
        const auto& g = rec.groups[gi];
        const double dur = g.samplingRateHz > 0 ? double(g.totalSamples) / g.samplingRateHz : 0.0;
        std::cout << "  [" << gi << "] " << g.label << ": " << g.leads.size() << " leads, " << fmt(g.samplingRateHz)
                  << " Hz, " << g.totalSamples << " samples (" << fmt(dur, 8) << " s), filters " << filterText(g.filters)
                  << "\n      ";
        for (const auto& l : g.leads) {
            std::cout << l.name;
            if (l.provenance.derived)
                std::cout << "(derived)";
            if (!l.provenance.isVoltage)
                std::cout << "[" << l.provenance.storedUnits << "]";
            std::cout << " ";
        }
        std::cout << "\n";
        std::map<std::string, int> units;
        for (const auto& l : g.leads)
            if (!l.provenance.derived)
                ++units[(l.provenance.storedUnits.empty() ? "(none)" : l.provenance.storedUnits) +
                        (l.provenance.isVoltage ? " -> mV" : " (not a voltage, kept)")];
        std::cout << "      units: ";
        for (const auto& [u, n] : units)
            std::cout << u << " ×" << n << "  ";
        std::cout << "\n";
    }
    if (!m.annotations.empty()) {
        std::map<std::string, std::map<std::string, int>> counts;   // source -> code -> count
        for (const auto& a : m.annotations)
            ++counts[a.source][a.code];
        std::cout << "Annotations:  " << m.annotations.size() << "\n";
        for (const auto& [source, codes] : counts) {
            std::cout << "  " << source << ":";
            int shown = 0;
            for (const auto& [code, n] : codes)
                if (shown++ < 16)
                    std::cout << " " << code << "×" << n;
            std::cout << (codes.size() > 16 ? " …" : "") << "\n";
        }
    }
    for (const auto& x : m.measurements)
        std::cout << "Measurement:  " << x.name << " = " << fmt(x.value) << " " << x.unit << "\n";
    for (const auto& s : m.statements)
        std::cout << "Statement:    " << s << "\n";
    for (const auto& c : m.comments)
        std::cout << "Comment:      " << c << "\n";
    for (const auto& w : rec.warnings)
        std::cout << "WARNING:      " << w << "\n";
}

} // namespace

int runInfo(const std::vector<std::string>& words)
{
    CliArgs args(words, {"json"});
    auto known = rawArrayOptionNames();
    known.push_back("json");
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("info: unknown option --" + bad.front());
    if (args.positional().empty())
        throw UsageError("info: give at least one FILE");
    ReadOptions opts;
    opts.headerOnly = true;   // info never needs the samples
    opts.raw = rawArrayHints(args);
    int failures = 0;
    nlohmann::json all = nlohmann::json::array();
    for (const auto& file : args.positional()) {
        try {
            const Recording rec = ReaderRegistry::instance().read(file, opts);
            if (args.has("json"))
                all.push_back(toJson(rec));
            else
                printText(rec);
        } catch (const std::exception& e) {
            ++failures;
            std::cerr << "execg-cli: " << e.what() << "\n";
            if (args.has("json"))
                all.push_back({{"file", file}, {"error", e.what()}});
        }
    }
    if (args.has("json"))
        std::cout << (all.size() == 1 ? all[0] : all).dump(2) << "\n";
    return failures ? 1 : 0;
}

} // namespace execg::cli
