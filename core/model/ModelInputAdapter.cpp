#include "model/ModelInputAdapter.h"

#include "dsp/Resampler.h"
#include "recording/LeadNames.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace execg {

namespace {

constexpr double kFlatMv = 0.001;   // a lead moving less than 1 µV over the window carries no signal

std::string fmt(double v, int decimals = 1)
{
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(decimals);
    s << v;
    return s.str();
}

// The model rate's sample index of the window start, in recording time (so forward and back use one grid).
std::int64_t modelFirst(const AdaptedInput& in, double modelRate)
{
    return std::llround(double(in.sourceFirst) * modelRate / in.sourceRateHz);
}

} // namespace

AdaptedInput adaptToModel(const SignalGroup& group, const ModelCard& card, const AdaptOptions& options)
{
    const double fsIn = group.samplingRateHz, fsOut = card.input.samplingRateHz;
    if (!(fsIn > 0))
        throw std::invalid_argument("the recording has no sampling rate");
    if (card.input.leads.empty() || card.input.samples <= 0 || !(fsOut > 0))
        throw std::invalid_argument("the model card gives no input shape");
    SignalGroup g = group;
    const auto derivedNames = deriveMissingLimbLeads(g);
    const std::int64_t n = g.sampleCount();

    AdaptedInput out;
    out.leads = int(card.input.leads.size());
    out.samples = card.input.samples;
    out.sourceRateHz = fsIn;
    out.modelRateHz = fsOut;
    out.sourceFirst = std::llround(options.startSeconds * fsIn);
    if (options.startSeconds < 0 || out.sourceFirst >= n)
        throw std::invalid_argument("the window starts at " + fmt(options.startSeconds, 2) + " s, outside the " +
                                    fmt(double(n) / fsIn, 2) + " s recording");
    const double windowSeconds = double(card.input.samples) / fsOut;
    out.sourceCount = std::min<std::int64_t>(std::llround(windowSeconds * fsIn), n - out.sourceFirst);
    out.validSamples = int(std::min<std::int64_t>(card.input.samples, std::llround(double(out.sourceCount) * fsOut / fsIn)));
    // A model that takes shorter inputs gets a short recording at its own length: zeros it was never trained on would
    // pass through its normalisation and pooling as if they were signal.
    if (!options.fullWindow)
        out.samples = std::max(out.validSamples, card.input.shortestLength());

    // A single-lead model takes the lead the user chose, else the card's, else the recording's only lead whatever its
    // name (a handheld recorder's "ECG"); which one is said with the result.
    std::string have;
    for (const auto& l : group.leads)
        have += (have.empty() ? "" : ", ") + l.name;
    const Lead* chosen = nullptr;
    if (!options.lead.empty() && card.input.leads.size() != 1)
        throw std::invalid_argument("a lead is chosen for models that take one lead; this model takes " +
                                    std::to_string(card.input.leads.size()));
    if (card.input.leads.size() == 1) {
        const auto& wanted = card.input.leads.front();
        const auto byName = [&](const std::string& name) -> const Lead* {
            if (const Lead* l = g.findLead(name))
                return l;
            const auto standard = standardLeadName(name);
            return standard ? g.findLead(*standard) : nullptr;
        };
        if (!options.lead.empty()) {
            chosen = byName(options.lead);
            if (!chosen)
                throw std::invalid_argument("the recording has no lead " + options.lead + " (it has: " + have + ")");
            out.warnings.push_back("the model's one lead (" + wanted + ") is the recording's " + chosen->name + ", as chosen");
        } else if (g.findLead(wanted)) {
            chosen = g.findLead(wanted);
            if (group.leads.size() > 1)
                out.warnings.push_back("the model's one lead is the recording's " + wanted + " (the card's lead; " +
                                       std::to_string(group.leads.size()) + " recorded)");
        } else if (group.leads.size() == 1) {
            chosen = &g.leads.front();
            out.warnings.push_back("the model's one lead (" + wanted + ") is the recording's only lead, '" + chosen->name + "'");
        } else
            throw std::invalid_argument("the model takes one lead, " + wanted + ", which the recording lacks; choose one "
                                        "of its leads (" + have + ")");
    }

    // Leads, in the card's order.
    std::vector<const Lead*> leads;
    for (const auto& cardName : card.input.leads) {
        const std::string& name = chosen ? chosen->name : cardName;
        const Lead* lead = chosen ? chosen : g.findLead(name);
        if (!lead) {
            throw std::invalid_argument("the model needs lead " + name + "; the recording has " + have);
        }
        // A channel the file does not record in volts (pressure, temperature, a "lead" in degC) is no ECG to a model of
        // ECGs, whatever its name: its values would go in as millivolts.
        if (!lead->provenance.isVoltage)
            throw std::invalid_argument("lead " + lead->name + " is not a voltage (its units are '" + lead->provenance.storedUnits +
                                        "'): a model of ECGs cannot be given it");
        leads.push_back(lead);
        const bool derived = std::find(derivedNames.begin(), derivedNames.end(), name) != derivedNames.end();
        out.derived.push_back(derived);
        int source = -1;
        for (std::size_t l = 0; l < group.leads.size() && !derived; ++l)
            if (group.leads[l].name == name)
                source = int(l);
        out.sourceLead.push_back(source);
    }
    if (!derivedNames.empty()) {
        std::string list;
        for (std::size_t l = 0; l < card.input.leads.size(); ++l)
            if (out.derived[l])
                list += (list.empty() ? "" : ", ") + card.input.leads[l];
        if (!list.empty())
            out.warnings.push_back("leads " + list + " were not recorded: derived from I and II");
    }
    if (std::abs(fsIn - fsOut) > 1e-9)
        out.warnings.push_back("resampled from " + fmt(fsIn, 0) + " Hz to the model's " + fmt(fsOut, 0) + " Hz");
    if (card.input.units == "uV")
        out.warnings.push_back("values converted from mV to the model's µV");
    const double total = double(n) / fsIn;
    if (out.validSamples < out.samples)
        out.warnings.push_back("the recording gives " + fmt(double(out.validSamples) / fsOut, 2) + " s from " +
                               fmt(options.startSeconds, 2) + " s; the model needs " + fmt(double(out.samples) / fsOut, 2) +
                               " s: the rest is padded with zeros");
    else if (out.samples < card.input.samples)
        out.warnings.push_back("the recording gives " + fmt(double(out.validSamples) / fsOut, 2) + " s from " +
                               fmt(options.startSeconds, 2) + " s, less than the model's " + fmt(windowSeconds, 2) +
                               " s window: the model reads it at its own length");
    else if (total > windowSeconds + 1e-9 && !options.partOfWholeRecording)
        out.warnings.push_back("the model sees " + fmt(windowSeconds, 2) + " s from " + fmt(options.startSeconds, 2) +
                               " s of the " + fmt(total, 2) + " s recording; the rest is not analysed");

    const dsp::Resampler resampler(fsIn, std::abs(fsIn - fsOut) > 1e-9 ? fsOut : fsIn);
    out.mv.assign(std::size_t(out.leads) * std::size_t(out.samples), 0.0f);
    for (int l = 0; l < out.leads; ++l) {
        const auto& name = card.input.leads[std::size_t(l)];
        std::vector<float> x = leads[std::size_t(l)]->samples;
        std::int64_t missing = 0;
        float lo = std::numeric_limits<float>::max(), hi = std::numeric_limits<float>::lowest();
        for (std::int64_t i = 0; i < std::int64_t(x.size()); ++i) {
            auto& v = x[std::size_t(i)];
            const bool inWindow = i >= out.sourceFirst && i < out.sourceFirst + out.sourceCount;
            if (!std::isfinite(v)) {
                missing += inWindow;
                v = 0.0f;   // the resampler must not spread a gap; the warning says so
            } else if (inWindow) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        if (missing > 0)
            out.warnings.push_back("lead " + name + ": " + std::to_string(missing) +
                                   " missing samples in the window were set to 0 mV");
        if (!(hi - lo >= float(kFlatMv)))
            out.warnings.push_back("lead " + name + " is flat in the window (no signal)");
        else {
            // Clipped at the amplifier's rails: many samples at exactly its extremes.
            std::int64_t atRail = 0;
            for (std::int64_t i = out.sourceFirst; i < out.sourceFirst + out.sourceCount; ++i)
                atRail += x[std::size_t(i)] == hi || x[std::size_t(i)] == lo;
            if (atRail > std::max<std::int64_t>(8, out.sourceCount / 50))
                out.warnings.push_back("lead " + name + " looks saturated: " + fmt(100.0 * double(atRail) / double(out.sourceCount), 0) +
                                       " % of its samples in the window sit at its extremes (" + fmt(lo, 2) + " / " +
                                       fmt(hi, 2) + " mV): clipped?");
        }
        std::vector<float> y;
        if (std::abs(fsIn - fsOut) > 1e-9)
            y = resampler.process(x, std::size_t(out.validSamples), 0, modelFirst(out, fsOut));
        else
            y.assign(x.begin() + out.sourceFirst, x.begin() + out.sourceFirst + out.validSamples);
        std::copy(y.begin(), y.begin() + out.validSamples, out.mv.begin() + std::ptrdiff_t(l) * out.samples);
    }
    normaliseToCard(out, card);
    return out;
}

AdaptedInput adaptRecordingToModel(const Recording& recording, int groupIndex, const ModelCard& card,
                                   const AdaptOptions& options)
{
    AdaptedInput input = adaptToModel(recording.groups.at(std::size_t(groupIndex)), card, options);
    input.warnings.insert(input.warnings.begin(), recording.warnings.begin(), recording.warnings.end());
    return input;
}

std::vector<double> windowStartSeconds(double total, double window, double hop)
{
    std::vector<double> starts{0.0};
    if (total > window + 1e-9) {
        for (double s = hop; s + window < total - 1e-6; s += hop)
            starts.push_back(s);
        if (total - window - starts.back() > 1e-6)
            starts.push_back(total - window);   // the last window ends with the recording
    }
    return starts;
}

std::vector<AdaptedInput> adaptGroupWindows(const SignalGroup& group, const ModelCard& card, const AdaptOptions& options)
{
    if (!card.input.windows)
        return {adaptToModel(group, card, options)};
    if (!(group.samplingRateHz > 0))
        throw std::invalid_argument("the recording has no sampling rate");
    const double total = double(group.sampleCount()) / group.samplingRateHz;
    const double window = double(card.input.samples) / card.input.samplingRateHz, hop = card.input.windows->hopSeconds;
    AdaptOptions o = options;
    o.partOfWholeRecording = true;
    std::vector<AdaptedInput> windows;
    for (const double start : windowStartSeconds(total, window, hop)) {
        o.startSeconds = start;
        windows.push_back(adaptToModel(group, card, o));
    }
    return windows;
}

std::string windowsInWords(const ModelCard& card, std::size_t windows)
{
    return std::to_string(windows) + " windows of " + fmt(double(card.input.samples) / card.input.samplingRateHz, 1) +
           " s every " + fmt(card.input.windows.value().hopSeconds, 1) + " s";
}

const char* windowCombineInWords(const ModelCard& card)
{
    return card.input.windows.value().combine == WindowCombine::MeanLogits ? "mean of logits" : "largest value";
}

std::vector<AdaptedInput> adaptRecordingWindows(const Recording& recording, int groupIndex, const ModelCard& card,
                                                const AdaptOptions& options)
{
    if (!card.input.windows)
        return {adaptRecordingToModel(recording, groupIndex, card, options)};
    std::vector<AdaptedInput> windows = adaptGroupWindows(recording.groups.at(std::size_t(groupIndex)), card, options);
    // One list, on every window: what the reader assumed, how the recording was covered, each window's own warnings
    // once (a lead flat in one window is said once).
    std::vector<std::string> warnings(recording.warnings.begin(), recording.warnings.end());
    warnings.push_back(windows.size() == 1
                           ? "the whole recording in one window of " + fmt(double(windows.front().samples) / card.input.samplingRateHz, 1) + " s"
                           : "the whole recording: " + windowsInWords(card, windows.size()) + ", outputs combined (" +
                                 windowCombineInWords(card) + ")");
    for (const auto& w : windows)
        for (const auto& text : w.warnings)
            if (std::find(warnings.begin(), warnings.end(), text) == warnings.end())
                warnings.push_back(text);
    for (auto& w : windows)
        w.warnings = warnings;
    return windows;
}

AdaptOptions refitOptions(const AdaptedInput& in, const SignalGroup& group, const ModelCard& card)
{
    AdaptOptions o;
    o.startSeconds = double(in.sourceFirst) / in.sourceRateHz;
    if (card.input.leads.size() == 1 && !in.sourceLead.empty() && in.sourceLead.front() >= 0 &&
        std::size_t(in.sourceLead.front()) < group.leads.size())
        o.lead = group.leads[std::size_t(in.sourceLead.front())].name;
    o.fullWindow = in.samples > std::max(in.validSamples, card.input.shortestLength());
    return o;
}

void normaliseToCard(AdaptedInput& in, const ModelCard& card)
{
    const double unitScale = card.input.units == "uV" ? 1000.0 : 1.0;
    in.values.assign(in.mv.size(), 0.0f);
    for (int l = 0; l < in.leads; ++l) {
        const float* y = in.mv.data() + std::size_t(l) * std::size_t(in.samples);
        float* row = in.values.data() + std::size_t(l) * std::size_t(in.samples);
        const int n = in.validSamples;
        double mean = 0, sd = 1;
        if (card.input.normalisation == InputNormalisation::ZScorePerLead && n > 0) {
            double s = 0, ss = 0;
            for (int i = 0; i < n; ++i)
                s += y[i] * unitScale;
            mean = s / double(n);
            for (int i = 0; i < n; ++i)
                ss += (y[i] * unitScale - mean) * (y[i] * unitScale - mean);
            sd = std::sqrt(ss / double(n));
            if (!(sd > 0))
                sd = 1;
        } else if (card.input.normalisation == InputNormalisation::Fixed) {
            mean = card.input.mean[std::size_t(l)];
            sd = card.input.std[std::size_t(l)];
        }
        for (int i = 0; i < n; ++i)
            row[i] = float((double(y[i]) * unitScale - mean) / sd);
    }
}

std::vector<std::vector<float>> mapToRecording(const AdaptedInput& in, const std::vector<float>& map,
                                               const SignalGroup& group)
{
    if (map.size() != std::size_t(in.leads) * std::size_t(in.samples))
        throw std::invalid_argument("the map has " + std::to_string(map.size()) + " values; the model input has " +
                                    std::to_string(in.leads * in.samples));
    const double fsModel = in.modelRateHz;
    std::vector<std::vector<float>> out(group.leads.size());
    for (auto& v : out)
        v.assign(std::size_t(group.sampleCount()), std::numeric_limits<float>::quiet_NaN());
    // One filter for every lead: designing it again per lead (a Kaiser window per tap and phase) took a fifth of the
    // time spent applying it.
    std::optional<dsp::Resampler> back;
    if (std::abs(fsModel - in.sourceRateHz) >= 1e-9)
        back.emplace(fsModel, in.sourceRateHz);
    for (int l = 0; l < in.leads; ++l) {
        const int target = in.sourceLead[std::size_t(l)];
        if (target < 0 || std::size_t(target) >= out.size())
            continue;
        const float* row = map.data() + std::size_t(l) * std::size_t(in.samples);
        const std::vector<float> valid(row, row + in.validSamples);
        auto& dest = out[std::size_t(target)];
        if (!back) {
            std::copy(valid.begin(), valid.end(), dest.begin() + in.sourceFirst);
            continue;
        }
        const auto y = back->process(valid, std::size_t(in.sourceCount), modelFirst(in, fsModel), in.sourceFirst);
        std::copy(y.begin(), y.end(), dest.begin() + in.sourceFirst);
    }
    return out;
}

} // namespace execg
