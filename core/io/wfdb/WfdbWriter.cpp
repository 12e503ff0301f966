#include "io/wfdb/WfdbWriter.h"

#include "io/wfdb/WfdbWriterHeader.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace execg {

namespace {

namespace fs = std::filesystem;

// signal(5): format 16 stores two's complement 16-bit little-endian, format 212 packs two 12-bit values in
// three bytes. The most negative value of each is WFDB's invalid-sample marker (WFDB_INVALID_SAMPLE).
struct FormatLimits {
    int invalid;
    int lowest;
    int highest;
    int adcResolution;
    double defaultGainPerMv;
};

FormatLimits limitsFor(int format)
{
    if (format == 212)
        return {-2048, -2047, 2047, 12, 200.0};
    return {-32768, -32767, 32767, 16, 1000.0};
}

struct LeadPlan {
    double gain = 1.0;          // ADC units per stored unit
    std::string units;
    std::int64_t clipped = 0;
    std::int64_t nonFinite = 0;
    int initialValue = 0;
    std::uint32_t sum = 0;      // checksum accumulates modulo 2^16 (signal(5))
};

bool isExactMultiple(const std::vector<float>& values, double gain, double limit)
{
    for (float v : values) {
        if (std::isnan(v))
            continue;
        const double x = static_cast<double>(v) * gain;
        // Float mV values carry ~7 significant digits, so an exact ADC value shows as within 1/100 unit.
        if (!std::isfinite(x) || std::abs(x) > limit || std::abs(x - std::round(x)) > 0.01)
            return false;
    }
    return true;
}

double maxAbsolute(const std::vector<float>& values)
{
    double m = 0.0;
    for (float v : values)
        if (std::isfinite(v))
            m = std::max(m, std::abs(static_cast<double>(v)));
    return m;
}

// 0.8 per µV over 0.001 mV per µV is 800.0000000000001 in binary; the header should say 800.
double roundedGain(double g)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.12g", g);
    return std::strtod(buf, nullptr);
}

LeadPlan planLead(const Lead& lead, const WfdbWriteOptions& options, const FormatLimits& limits)
{
    LeadPlan plan;
    const auto& p = lead.provenance;
    plan.units = p.isVoltage ? "mV" : (p.storedUnits.empty() ? "NU" : p.storedUnits);
    for (char& c : plan.units)
        if (c == ' ' || c == '\t' || c == '/' || c == '(' || c == ')')
            c = '_';   // the header's gain(baseline)/units field has no room for these
    const double maxAbs = maxAbsolute(lead.samples);
    const double limit = limits.highest;

    // The source's own ADC gain reproduces its integers exactly (e.g. DICOM 1.25 µV → 800/mV).
    const double sourceGain = roundedGain(p.isVoltage && p.toMillivolts > 0 ? p.gain / p.toMillivolts : p.gain);
    const bool digitisedSource = !p.storedFormat.empty() && std::isfinite(sourceGain) &&
                                 sourceGain >= (p.isVoltage ? 100.0 : 0.0) && sourceGain > 0.0;
    if (options.gain && p.isVoltage) {
        plan.gain = *options.gain;
    } else if (digitisedSource && isExactMultiple(lead.samples, sourceGain, limit)) {
        plan.gain = sourceGain;
    } else if (p.isVoltage && (options.format == 212 || maxAbs * limits.defaultGainPerMv <= limit)) {
        plan.gain = limits.defaultGainPerMv;   // 212 clips beyond ±10.235 mV, as MIT-BIH recordings do
    } else {
        const double fit = wfdbGainThatFits(maxAbs, limit);
        plan.gain = p.isVoltage ? fit : std::min(fit, 1000.0);
    }
    return plan;
}

int toAdc(float value, LeadPlan& plan, const FormatLimits& limits)
{
    if (std::isnan(value))
        return limits.invalid;
    const double x = std::round(static_cast<double>(value) * plan.gain);
    // Infinities are counted apart from clipping so the user learns the source held non-finite values,
    // which a clinical signal never does (a decoder or filter upstream failed).
    if (!std::isfinite(value)) {
        ++plan.nonFinite;
        return x > 0 ? limits.highest : limits.lowest;
    }
    if (x > limits.highest || x < limits.lowest) {
        ++plan.clipped;
        return x > 0 ? limits.highest : limits.lowest;
    }
    return static_cast<int>(x);
}

// Writes the interleaved frames (sample 0 of every lead, then sample 1, …) in chunks so memory stays bounded.
void writeSamples(std::ofstream& out, const SignalGroup& group, std::vector<LeadPlan>& plans, int format,
                  const FormatLimits& limits)
{
    const size_t frames = static_cast<size_t>(group.sampleCount());
    const size_t leads = group.leads.size();
    constexpr size_t kChunkFrames = 16384;
    std::vector<int> values;
    std::vector<char> bytes;
    bool havePending = false;   // format 212 pairs values across frame boundaries
    int pending = 0;
    for (size_t start = 0; start < frames; start += kChunkFrames) {
        const size_t end = std::min(frames, start + kChunkFrames);
        values.clear();
        for (size_t i = start; i < end; ++i)
            for (size_t l = 0; l < leads; ++l) {
                const int v = toAdc(group.leads[l].samples[i], plans[l], limits);
                if (i == 0)
                    plans[l].initialValue = v;
                plans[l].sum += static_cast<std::uint32_t>(v);
                values.push_back(v);
            }
        bytes.clear();
        if (format == 16) {
            for (int v : values) {
                bytes.push_back(static_cast<char>(v & 0xff));
                bytes.push_back(static_cast<char>((v >> 8) & 0xff));
            }
        } else {
            for (int v : values) {
                if (!havePending) {
                    pending = v;
                    havePending = true;
                    continue;
                }
                bytes.push_back(static_cast<char>(pending & 0xff));
                bytes.push_back(static_cast<char>(((pending >> 8) & 0x0f) | (((v >> 8) & 0x0f) << 4)));
                bytes.push_back(static_cast<char>(v & 0xff));
                havePending = false;
            }
        }
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    if (havePending) {   // an odd count of values ends in a two-byte half block, as WFDB writes it
        const char tail[2] = {static_cast<char>(pending & 0xff), static_cast<char>((pending >> 8) & 0x0f)};
        out.write(tail, 2);
    }
}

void removeQuietly(const fs::path& p)
{
    std::error_code ec;
    fs::remove(p, ec);
}

} // namespace

double wfdbGainThatFits(double maxAbs, double limit)
{
    if (!std::isfinite(maxAbs) || !(limit > 0))
        return 0.0;
    if (maxAbs <= 0)
        return 1000.0;
    const double ideal = limit / maxAbs;
    const double decade = std::pow(10.0, std::floor(std::log10(ideal)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * decade <= ideal)
            return step * decade;
    return decade;
}

WfdbWriteResult writeWfdbRecord(const Recording& recording, const std::string& recordPath,
                                const WfdbWriteOptions& options)
{
    fs::path base(recordPath);
    if (base.extension() == ".hea")
        base.replace_extension();
    const std::string name = base.filename().string();
    const std::string headerPath = base.string() + ".hea";
    if (name.empty() || name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") !=
                            std::string::npos)
        throw WfdbWriteError(headerPath, "a WFDB record name may hold only letters, digits, '_' and '-'");
    if (options.format != 16 && options.format != 212)
        throw WfdbWriteError(headerPath, "only formats 16 and 212 can be written, not " + std::to_string(options.format));
    if (options.gain && !(*options.gain > 0 && std::isfinite(*options.gain)))
        throw WfdbWriteError(headerPath, "gain must be a positive number");
    const int groupIndex = options.groupIndex >= 0 ? options.groupIndex : recording.primaryGroupIndex();
    if (groupIndex < 0 || groupIndex >= static_cast<int>(recording.groups.size()))
        throw WfdbWriteError(headerPath, "the recording has no signal group " + std::to_string(groupIndex));
    const SignalGroup& group = recording.groups[static_cast<size_t>(groupIndex)];
    if (group.leads.empty() || group.sampleCount() == 0)
        throw WfdbWriteError(headerPath, "signal group '" + group.label + "' has no samples to write");
    if (!(group.samplingRateHz > 0))
        throw WfdbWriteError(headerPath, "signal group '" + group.label + "' has no sampling rate");
    for (const auto& lead : group.leads)
        if (static_cast<std::int64_t>(lead.samples.size()) != group.sampleCount())
            throw WfdbWriteError(headerPath, "lead " + lead.name + " has " + std::to_string(lead.samples.size()) +
                                                 " samples, not " + std::to_string(group.sampleCount()));

    const FormatLimits limits = limitsFor(options.format);
    std::vector<LeadPlan> plans;
    for (const auto& lead : group.leads)
        plans.push_back(planLead(lead, options, limits));

    WfdbWriteResult result;
    result.headerPath = headerPath;
    result.dataPath = base.string() + ".dat";
    const fs::path dataTemp = result.dataPath + ".part";
    const fs::path headerTemp = result.headerPath + ".part";
    try {
        {
            std::ofstream out(dataTemp, std::ios::binary | std::ios::trunc);
            if (!out)
                throw WfdbWriteError(dataTemp.string(), "cannot create the file");
            writeSamples(out, group, plans, options.format, limits);
            out.close();
            if (!out)
                throw WfdbWriteError(dataTemp.string(), "write failed (disk full?)");
        }
        WfdbWriterHeader text;
        text.recordName = name;
        text.dataFileName = name + ".dat";
        text.format = options.format;
        text.adcResolution = limits.adcResolution;
        for (size_t l = 0; l < group.leads.size(); ++l) {
            const auto& plan = plans[l];
            const auto& lead = group.leads[l];
            text.signalLines.push_back({plan.gain, plan.units, plan.initialValue,
                                    static_cast<int>(static_cast<std::int16_t>(plan.sum & 0xffff)), lead.name});
            if (plan.clipped > 0)
                result.warnings.push_back("lead " + lead.name + ": " + std::to_string(plan.clipped) +
                                          " samples beyond the format " + std::to_string(options.format) +
                                          " range were clipped");
            if (plan.nonFinite > 0)
                result.warnings.push_back("lead " + lead.name + ": " + std::to_string(plan.nonFinite) +
                                          " infinite values written as range limits");
        }
        const std::string header = formatWfdbHeader(recording, group, text);
        {
            std::ofstream out(headerTemp, std::ios::binary | std::ios::trunc);
            if (!out)
                throw WfdbWriteError(headerTemp.string(), "cannot create the file");
            out << header;
            out.close();
            if (!out)
                throw WfdbWriteError(headerTemp.string(), "write failed (disk full?)");
        }
        std::error_code ec;
        fs::rename(dataTemp, result.dataPath, ec);
        if (ec)
            throw WfdbWriteError(result.dataPath, "cannot move into place: " + ec.message());
        fs::rename(headerTemp, result.headerPath, ec);
        if (ec)
            throw WfdbWriteError(result.headerPath, "cannot move into place: " + ec.message());
    } catch (...) {
        removeQuietly(dataTemp);
        removeQuietly(headerTemp);
        throw;
    }
    for (const auto& plan : plans) {
        result.gains.push_back(plan.gain);
        result.initialValues.push_back(plan.initialValue);
        result.checksums.push_back(static_cast<int>(static_cast<std::int16_t>(plan.sum & 0xffff)));
    }
    return result;
}

} // namespace execg
