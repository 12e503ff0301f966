#include "io/dicom/DicomWaveformGroup.h"

#include "io/ReadError.h"
#include "io/TimeWindow.h"
#include "io/dicom/DicomAttributes.h"
#include "io/dicom/DicomLeadCodes.h"
#include "io/dicom/DicomWaveformDecoder.h"
#include "recording/LeadNames.h"
#include "recording/Units.h"

#include <dcmtk/dcmdata/dcfcache.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace execg::dicom {

namespace {

// Longer than any averaged beat, shorter than any rhythm strip.
constexpr double kMaxMedianSeconds = 3.0;

struct ChannelInfo {
    Lead lead;
    ChannelTransform transform;
    std::optional<double> highPass, lowPass, notch;
    double skewSamples = 0.0;   // first sample's offset from the group start, in samples
    double presentationOffset = 0.0;
};

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string formatNumber(double v)
{
    std::ostringstream os;
    os << v;
    return os.str();
}

ChannelInfo readChannel(DcmItem& ch, int number, double fs, const SampleFormat& format, const GroupReadContext& ctx,
                        const std::string& groupName)
{
    ChannelInfo info;
    auto& prov = info.lead.provenance;
    const std::string label = getString(ch, DCM_ChannelLabel);
    const CodedEntry source = getCode(ch, DCM_ChannelSourceSequence);
    prov.storedLabel = !label.empty() ? label : source.meaning;
    if (!source.value.empty())
        prov.code = source.scheme + " " + source.value;
    prov.storedFormat = "DICOM " + format.name();

    // Identity: the code is authoritative (CID 3001); meaning and label are free text fallbacks.
    std::optional<std::string> name = leadNameFromCode(source.scheme, source.value);
    if (!name)
        name = standardLeadName(source.meaning);
    if (!name)
        name = standardLeadName(label);
    info.lead.name = name ? *name
                          : (!label.empty() ? label
                                            : (!source.meaning.empty() ? source.meaning : "Channel " + std::to_string(number)));
    const std::string who = groupName + " channel " + std::to_string(number) + " (" + info.lead.name + ")";

    // PS3.3 C.10.9.1.4.2: sample × Channel Sensitivity = nominal value in Channel Sensitivity Units;
    // × Correction Factor = calibrated value. Channel Baseline (003A,0213) is the offset of encoded
    // sample value 0 from actual 0 in those units, so physical = raw·sensitivity·correction + baseline.
    const auto sensitivity = getNumber(ch, DCM_ChannelSensitivity);
    double correction = getNumber(ch, DCM_ChannelSensitivityCorrectionFactor).value_or(1.0);
    const double baseline = getNumber(ch, DCM_ChannelBaseline).value_or(0.0);
    if (sensitivity && *sensitivity != 0.0 && std::isfinite(*sensitivity) && !(correction != 0.0 && std::isfinite(correction))) {
        // A factor of 0 would flatten the lead to its baseline; the nominal calibration (sensitivity alone) is
        // the best remaining estimate, and the clinician must know the amplitude is unverified.
        ctx.warnings->push_back(who + ": Channel Sensitivity Correction Factor is " + formatNumber(correction) +
                                "; ignored, amplitudes use the nominal Channel Sensitivity and are unverified");
        correction = 1.0;
    }
    if (sensitivity && *sensitivity != 0.0 && std::isfinite(*sensitivity)) {
        const CodedEntry units = getCode(ch, DCM_ChannelSensitivityUnitsSequence);
        prov.storedUnits = units.value;
        std::optional<double> toMv = millivoltsPerUcumUnit(units.value, units.meaning);
        if (units.empty()) {
            // Channel Sensitivity Units Sequence is Type 1C, required whenever Channel Sensitivity is
            // present; in the ECG IODs the defined units (CID 3082) for leads are microvolts.
            const bool ecgLead = ctx.ecgClass && (name || source.scheme.empty() || source.scheme == "DCM" ||
                                                  source.scheme == "SCPECG" || source.scheme == "MDC");
            if (ecgLead) {
                toMv = 1e-3;
                prov.storedUnits = "uV";
                ctx.warnings->push_back(who + ": Channel Sensitivity has no units; assumed microvolts (uV)");
            } else {
                ctx.warnings->push_back(who + ": Channel Sensitivity has no units; values kept unscaled to mV");
            }
        } else if (!toMv && ctx.ecgClass && name) {
            // An ECG lead in units the reader cannot turn into mV would otherwise be drawn on the mV grid.
            ctx.warnings->push_back(who + ": Channel Sensitivity Units '" + (units.value.empty() ? units.meaning : units.value) +
                                    "' are not a voltage unit the reader knows; values kept in stored units, not mV");
        }
        const bool voltage = ctx.ecgClass && toMv.has_value();
        prov.isVoltage = voltage;
        prov.toMillivolts = voltage ? *toMv : 1.0;
        prov.gain = 1.0 / (*sensitivity * correction);
        prov.baseline = -baseline * prov.gain;
        info.transform.scale = *sensitivity * correction * prov.toMillivolts;
        info.transform.offset = baseline * prov.toMillivolts;
    } else {
        // C.10.9.1.4.2: Channel Sensitivity is required when samples have defined units, so its
        // absence means arbitrary units: keep raw values and do not present them as millivolts.
        prov.isVoltage = false;
        prov.storedUnits = "";
        prov.gain = 1.0;
        prov.toMillivolts = 1.0;
        if (name)
            ctx.warnings->push_back(who + (sensitivity ? ": Channel Sensitivity is " + formatNumber(*sensitivity) + ", unusable"
                                                       : std::string(": no Channel Sensitivity")) +
                                    "; values are raw sample units, not mV");
    }

    if (const auto v = getNumber(ch, DCM_FilterLowFrequency))
        info.highPass = *v;
    if (const auto v = getNumber(ch, DCM_FilterHighFrequency))
        info.lowPass = *v;
    if (const auto v = getNumber(ch, DCM_NotchFilterFrequency); v && *v > 0)
        info.notch = *v;   // 0 Hz is how devices write "no notch filter"

    // C.10.9.1.4.3: the channel's first sample is offset from the group start by the skew.
    if (const auto t = getNumber(ch, DCM_ChannelTimeSkew))
        info.skewSamples = *t * fs;
    else if (const auto s = getNumber(ch, DCM_ChannelSampleSkew))
        info.skewSamples = *s;
    // Channel Offset (003A,0218) aligns channels for presentation only; it does not move samples.
    info.presentationOffset = getNumber(ch, DCM_ChannelOffset).value_or(0.0);
    return info;
}

void summariseFilters(SignalGroup& group, const std::vector<ChannelInfo>& channels)
{
    auto pick = [&](auto member) -> std::optional<double> {
        std::map<double, int> votes;
        for (const auto& c : channels)
            if (c.*member)
                ++votes[*(c.*member)];
        if (votes.empty())
            return std::nullopt;
        return std::max_element(votes.begin(), votes.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    };
    group.filters.highPassHz = pick(&ChannelInfo::highPass);
    group.filters.lowPassHz = pick(&ChannelInfo::lowPass);
    group.filters.notchHz = pick(&ChannelInfo::notch);
    std::vector<std::string> odd;
    for (const auto& c : channels)
        if (c.highPass != group.filters.highPassHz || c.lowPass != group.filters.lowPassHz || c.notch != group.filters.notchHz)
            odd.push_back(c.lead.name);
    if (!odd.empty() && (group.filters.highPassHz || group.filters.lowPassHz || group.filters.notchHz)) {
        std::string list;
        for (const auto& n : odd)
            list += (list.empty() ? "" : ", ") + n;
        group.filters.description = "filter settings differ (or are absent) for: " + list;
    }
}

std::optional<std::uint64_t> paddingBits(DcmItem& item, const SampleFormat& format)
{
    DcmElement* element = nullptr;
    if (item.findAndGetElement(DCM_WaveformPaddingValue, element).bad() || !element)
        return std::nullopt;
    const Uint32 bytes = static_cast<Uint32>(format.bytesPerSample());
    if (element->getLength() < bytes)
        return std::nullopt;
    std::uint8_t buf[8] = {};
    if (element->getPartialValue(buf, 0, bytes, nullptr, EBO_LittleEndian).bad())
        return std::nullopt;
    return sampleBits(buf, format.bytesPerSample());
}

// Whole-sample skews become shifts on the group axis; anything else is reported, not guessed. A shift is bounded by the
// group length so a header cannot make the reader allocate more than twice the stored data.
std::vector<std::int64_t> channelShifts(const std::vector<ChannelInfo>& infos, std::uint64_t samples, double fs,
                                        const std::string& key, const std::string& groupName, const GroupReadContext& ctx)
{
    std::vector<std::int64_t> shifts(infos.size(), 0);
    for (size_t c = 0; c < infos.size(); ++c) {
        const double k = infos[c].skewSamples;
        if (k == 0.0)
            continue;
        const std::string what = groupName + " channel " + infos[c].lead.name + " starts " + formatNumber(k / fs * 1000.0) +
                                 " ms (" + formatNumber(k) + " samples) after the group start (Channel Time/Sample Skew)";
        const double whole = std::round(k);
        if (std::isfinite(k) && std::abs(k - whole) <= 1e-6 && whole > 0 && whole <= double(samples)) {
            shifts[c] = static_cast<std::int64_t>(whole);
            (*ctx.extra)[key + " " + infos[c].lead.name + " skew"] = formatNumber(whole) + " samples, applied";
        } else {
            (*ctx.extra)[key + " " + infos[c].lead.name + " skew"] = formatNumber(k) + " samples, not applied";
            ctx.warnings->push_back(what + "; not a whole number of samples within the group, so samples are not shifted");
        }
    }
    return shifts;
}

// The window in recording time mapped onto this group's own axis, with the shared rounding rule. A group that lies
// wholly outside the window comes back empty (not dropped), so annotation group numbers keep pointing at it.
SampleRange groupWindow(const ReadOptions& opt, double offsetSeconds, double fs, std::int64_t total, const std::string& path)
{
    const SampleRange asGiven = sampleRangeForWindow(opt, fs, total, path);   // validates the request itself
    if (offsetSeconds == 0.0)
        return asGiven;
    if (opt.toSeconds && *opt.toSeconds - offsetSeconds <= 0.0)
        return {0, 0};
    ReadOptions shifted;
    if (opt.fromSeconds)
        shifted.fromSeconds = std::max(0.0, *opt.fromSeconds - offsetSeconds);
    if (opt.toSeconds)
        shifted.toSeconds = *opt.toSeconds - offsetSeconds;
    return sampleRangeForWindow(shifted, fs, total, path);
}

// One channel's decoded stored frames [storedFirst, …) placed at group index stored + shift, cut to the window; the
// group positions before its first sample or after its last are NaN (no data there).
std::vector<float> placeOnGroupAxis(const std::vector<float>& stored, std::uint64_t storedFirst, std::uint64_t storedTotal,
                                    std::int64_t shift, const SampleRange& window)
{
    std::vector<float> out(static_cast<size_t>(window.count()), kMissingSample);
    for (std::int64_t g = window.first; g < window.last; ++g) {
        const std::int64_t j = g - shift;   // stored frame index
        const std::int64_t at = j - static_cast<std::int64_t>(storedFirst);
        if (j >= 0 && j < static_cast<std::int64_t>(storedTotal) && at >= 0 && at < static_cast<std::int64_t>(stored.size()))
            out[static_cast<size_t>(g - window.first)] = stored[static_cast<size_t>(at)];
    }
    return out;
}

} // namespace

std::string normaliseGroupLabel(const std::string& label, int index)
{
    std::string up = label;
    std::transform(up.begin(), up.end(), up.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (up.find("RHYTHM") != std::string::npos)
        return "rhythm";
    // Vendors name the averaged complex "MEDIAN BEAT", "REPRESENTATIVE BEAT" or "AVERAGE BEAT"; all of them are one
    // beat on its own time axis, so windows and the primary-group choice must treat them alike.
    for (const char* word : {"MEDIAN", "REPRESENTATIVE", "AVERAGE"})
        if (up.find(word) != std::string::npos)
            return "median";
    if (label.empty())
        return "group " + std::to_string(index + 1);
    return lower(label);
}

std::uint64_t waveformDataBytes(DcmItem& item)
{
    DcmElement* element = nullptr;
    if (item.findAndGetElement(DCM_WaveformData, element).bad() || !element)
        return 0;
    return element->getLength();
}

SignalGroup readMultiplexGroup(DcmItem& item, int index, const GroupReadContext& ctx)
{
    const std::string rawLabel = getString(item, DCM_MultiplexGroupLabel);
    const std::string groupName = "multiplex group " + std::to_string(index + 1) +
                                  (rawLabel.empty() ? "" : " '" + rawLabel + "'");
    auto fail = [&](const std::string& problem) { throw ReadError(ctx.path, groupName + ": " + problem); };

    const auto channels = getUnsigned(item, DCM_NumberOfWaveformChannels);
    const auto samples = getUnsigned(item, DCM_NumberOfWaveformSamples);
    const auto fs = getNumber(item, DCM_SamplingFrequency);
    const auto bits = getUnsigned(item, DCM_WaveformBitsAllocated);
    const std::string interp = getString(item, DCM_WaveformSampleInterpretation);
    if (!channels || *channels == 0)
        fail("missing or zero Number of Waveform Channels (003A,0005)");
    if (!samples)
        fail("missing Number of Waveform Samples (003A,0010)");
    if (!fs || !(*fs > 0.0))
        fail("missing or invalid Sampling Frequency (003A,001A)");
    if (!bits)
        fail("missing Waveform Bits Allocated (5400,1004)");
    std::string why;
    const auto format = parseSampleFormat(static_cast<int>(*bits), interp, why);
    if (!format)
        fail(why);

    const unsigned long definitions = sequenceSize(item, DCM_ChannelDefinitionSequence);
    if (definitions != *channels)
        fail("Channel Definition Sequence has " + std::to_string(definitions) + " items but Number of Waveform Channels is " +
             std::to_string(*channels));

    SignalGroup group;
    group.label = normaliseGroupLabel(rawLabel, index);
    group.samplingRateHz = *fs;
    const std::string originality = getString(item, DCM_WaveformOriginality);
    // A group a device computed (DERIVED, C.10.9.1.1) that is shorter than any rhythm strip and whose label names no
    // other purpose (none, or "… BEAT", "… COMPLEX", "TEMPLATE") is an averaged beat. A label such as "SL-EXTREMES" is the
    // producer's own statement that it is something else, so it is kept.
    if (group.label != "median" && originality == "DERIVED" && double(*samples) / *fs < kMaxMedianSeconds) {
        std::string up = rawLabel;
        std::transform(up.begin(), up.end(), up.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        if (up.empty() || up.find("BEAT") != std::string::npos || up.find("COMPLEX") != std::string::npos ||
            up.find("TEMPLATE") != std::string::npos)
            group.label = "median";
    }
    const std::string key = "Group " + std::to_string(index + 1) + " (" + group.label + ")";
    (*ctx.extra)[key] = (rawLabel.empty() ? "" : "'" + rawLabel + "', ") + (originality.empty() ? "originality not stated" : originality) +
                        ", " + format->name();
    // Multiplex Group Time Offset (0018,1068) is in ms from the Acquisition DateTime (C.10.9.1.2); an Ambulatory
    // ECG split into consecutive groups relies on it to place each block on one time axis.
    if (const auto offset = getNumber(item, DCM_MultiplexGroupTimeOffset); offset && *offset != 0.0) {
        (*ctx.extra)[key + " time offset"] = formatNumber(*offset) + " ms";
        if (std::isfinite(*offset))
            group.timeOffsetSeconds = *offset / 1000.0;
        else
            ctx.warnings->push_back(groupName + ": Multiplex Group Time Offset is not a number; the group starts at 0 s");
    }

    std::vector<ChannelInfo> infos;
    for (unsigned long c = 0; c < *channels; ++c)
        infos.push_back(readChannel(*sequenceItem(item, DCM_ChannelDefinitionSequence, c), static_cast<int>(c + 1), *fs,
                                    *format, ctx, groupName));
    summariseFilters(group, infos);
    const std::vector<std::int64_t> shifts = channelShifts(infos, *samples, *fs, key, groupName, ctx);
    const std::int64_t maxShift = *std::max_element(shifts.begin(), shifts.end());
    group.totalSamples = static_cast<std::int64_t>(*samples) + maxShift;
    for (const auto& info : infos)
        if (info.presentationOffset != 0.0)
            (*ctx.extra)[key + " " + info.lead.name + " Channel Offset"] = formatNumber(info.presentationOffset) + " s";

    // Waveform Data length against the header, before any allocation the header asks for.
    DcmElement* data = nullptr;
    if (item.findAndGetElement(DCM_WaveformData, data).bad() || !data)
        fail("no Waveform Data (5400,1010)");
    const std::uint64_t frameBytes = *channels * static_cast<std::uint64_t>(format->bytesPerSample());
    const std::uint64_t needed = frameBytes * *samples;
    const std::uint64_t stored = data->getLength();
    if (stored == DCM_UndefinedLength)
        fail("Waveform Data is encapsulated (undefined length), which waveforms do not allow");
    if (stored < needed)
        fail("truncated Waveform Data: " + std::to_string(*channels) + " channels x " + std::to_string(*samples) + " samples x " +
             std::to_string(format->bytesPerSample()) + " bytes need " + std::to_string(needed) + " bytes, but it holds " +
             std::to_string(stored));
    // PS3.5 8.3 pads 8-bit data to an even length with one byte; more than that is unexplained.
    if (stored > needed + (needed % 2))
        ctx.warnings->push_back(groupName + ": Waveform Data has " + std::to_string(stored - needed) +
                                " bytes beyond Number of Waveform Samples; ignored");

    // Waveform Padding Value (5400,100A, PS3.3 C.10.9.1.6) marks samples that carry no signal, i.e.
    // inserted where input was absent. Only a present padding value makes samples NaN; zeros stay zeros.
    const auto padding = paddingBits(item, *format);

    // Time window: median beats have their own time axis (one averaged beat), so they stay whole.
    const ReadOptions& opt = *ctx.options;
    const SampleRange window = group.label == "median" ? SampleRange{0, group.totalSamples}
                                                       : groupWindow(opt, group.timeOffsetSeconds, *fs, group.totalSamples, ctx.path);
    group.firstSample = window.first;
    // Stored frames that feed the window: a channel shifted by k samples needs frames from first - k on.
    const auto storedFirst = static_cast<std::uint64_t>(std::clamp<std::int64_t>(window.first - maxShift, 0, std::int64_t(*samples)));
    const auto storedLast = static_cast<std::uint64_t>(std::clamp<std::int64_t>(window.last, std::int64_t(storedFirst), std::int64_t(*samples)));

    std::vector<ChannelTransform> transforms;
    for (const auto& info : infos)
        transforms.push_back(info.transform);
    std::vector<std::vector<float>> values(infos.size());
    const std::uint64_t first = storedFirst, last = storedLast;
    if (!opt.headerOnly && last > first) {
        for (auto& v : values)
            v.reserve(static_cast<size_t>(last - first));
        const std::uint64_t chunkFrames = std::max<std::uint64_t>(1, (1u << 20) / frameBytes);
        std::vector<std::uint8_t> buf;
        DcmFileCache cache;
        for (std::uint64_t f = first; f < last; f += chunkFrames) {
            const std::uint64_t n = std::min(chunkFrames, last - f);
            buf.resize(static_cast<size_t>(n * frameBytes));
            const OFCondition ok = data->getPartialValue(buf.data(), static_cast<Uint32>(f * frameBytes),
                                                         static_cast<Uint32>(buf.size()), &cache, EBO_LittleEndian);
            if (ok.bad())
                fail(std::string("cannot read Waveform Data: ") + ok.text() + " (file truncated?)");
            decodeFrames(buf.data(), static_cast<size_t>(n), *format, transforms, padding, values);
            if (ctx.progress && !ctx.progress((f + n - first) * frameBytes))
                throw ReadCancelled();
        }
    }
    for (size_t c = 0; c < infos.size(); ++c) {
        group.leads.push_back(std::move(infos[c].lead));
        if (maxShift == 0 || opt.headerOnly)
            group.leads.back().samples = std::move(values[c]);
        else
            group.leads.back().samples = placeOnGroupAxis(values[c], storedFirst, *samples, shifts[c], window);
    }
    return group;
}

} // namespace execg::dicom
