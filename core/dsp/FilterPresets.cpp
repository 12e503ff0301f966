#include "dsp/FilterPresets.h"

#include "dsp/FilterDesign.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace execg::dsp {

FilterSpec diagnosticPreset(std::optional<double> mainsHz)
{
    FilterSpec s;
    s.name = "diagnostic";
    s.highPassHz = 0.05;
    s.lowPassHz = 150.0;
    s.notchHz = mainsHz;
    return s;
}

FilterSpec monitoringPreset(std::optional<double> mainsHz)
{
    FilterSpec s;
    s.name = "monitoring";
    s.highPassHz = 0.5;
    s.lowPassHz = 40.0;
    s.notchHz = mainsHz;
    return s;
}

std::optional<FilterSpec> filterPreset(std::string_view name, std::optional<double> mainsHz)
{
    if (name == "diagnostic")
        return diagnosticPreset(mainsHz);
    if (name == "monitoring")
        return monitoringPreset(mainsHz);
    return std::nullopt;
}

SosFilter designFilter(const FilterSpec& spec, double fs, std::vector<std::string>* notes)
{
    if (!(fs > 0))
        throw std::invalid_argument("filter: sampling rate must be positive");
    SosFilter all;
    auto add = [&](const SosFilter& stage) {
        if (stage.empty()) {
            if (notes && !stage.description.empty())
                notes->push_back(stage.description);
        } else {
            all.append(stage);
        }
    };
    if (spec.highPassHz)
        add(butterworthHighPass(spec.highPassOrder, *spec.highPassHz, fs));
    if (spec.lowPassHz)
        add(butterworthLowPass(spec.lowPassOrder, *spec.lowPassHz, fs));
    if (spec.notchHz)
        add(notchFilter(*spec.notchHz, spec.notchQ, fs, spec.notchHarmonics));
    return all;
}

std::vector<std::string> applyFilters(SignalGroup& group, const FilterSpec& spec)
{
    std::vector<std::string> notes;
    const SosFilter filter = designFilter(spec, group.samplingRateHz, &notes);
    if (filter.empty()) {
        notes.push_back("no filter applies at " + std::to_string(group.samplingRateHz) + " Hz");
        return notes;
    }
    int skippedLeads = 0;
    for (auto& lead : group.leads) {
        if (!lead.provenance.isVoltage) {
            ++skippedLeads;
            notes.push_back("lead " + lead.name + " not filtered: not a voltage");
            continue;
        }
        lead.samples = filtfilt(filter, lead.samples);
    }
    if (skippedLeads == static_cast<int>(group.leads.size()))
        return notes;

    auto& f = group.filters;
    const double nyquist = group.samplingRateHz / 2;
    if (spec.highPassHz)
        f.highPassHz = std::max(f.highPassHz.value_or(0.0), *spec.highPassHz);
    if (spec.lowPassHz && *spec.lowPassHz < nyquist)
        f.lowPassHz = f.lowPassHz ? std::min(*f.lowPassHz, *spec.lowPassHz) : *spec.lowPassHz;
    if (spec.notchHz && *spec.notchHz < nyquist)
        f.notchHz = *spec.notchHz;
    std::ostringstream d;
    d << "zero-phase " << spec.name << " filter (forward-backward): " << filter.description;
    f.description = f.description.empty() ? d.str() : f.description + "; " + d.str();
    return notes;
}

} // namespace execg::dsp
