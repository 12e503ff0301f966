#include "io/wfdb/WfdbRecord.h"

#include "io/ReadError.h"
#include "io/wfdb/WfdbSignalFile.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

namespace execg {

namespace {

// Values one read may produce (all signals together): 256 Mi samples, 1 GiB as float. A longer read
// must use a time window; this keeps a lying header from exhausting memory.
constexpr std::int64_t kMaxSamplesPerRead = std::int64_t{1} << 28;
// Of those, values no signal file backs (gaps, null segments and signals, files shorter than the record):
// 32 Mi samples, 128 MiB as float. Only the header vouches for them, so a 40-byte header must not make the
// reader fill gigabytes with NaN; a longer gap is read through a time window.
constexpr std::int64_t kMaxUnbackedSamplesPerRead = std::int64_t{1} << 25;
// 2^40 frames are 35 years at 1 kHz; the bound keeps frames × samples per frame (<= 10^6) inside int64.
constexpr std::int64_t kMaxRecordFrames = std::int64_t{1} << 40;

std::string quotedLabel(const std::string& s) { return "'" + wfdbTextToUtf8(s) + "'"; }

std::vector<WfdbSignalFile> openFiles(const WfdbHeader& h, const std::string& folder)
{
    std::vector<WfdbSignalFile> files;
    size_t i = 0;
    while (i < h.signalSpecs.size()) {
        size_t j = i + 1;
        // Signals stored in one file are consecutive header lines naming it (header(5)).
        while (j < h.signalSpecs.size() && h.signalSpecs[j].fileName == h.signalSpecs[i].fileName && h.signalSpecs[i].fileName != "~")
            ++j;
        files.emplace_back(folder, std::vector<WfdbSignalSpec>(h.signalSpecs.begin() + static_cast<std::ptrdiff_t>(i),
                                                               h.signalSpecs.begin() + static_cast<std::ptrdiff_t>(j)),
                           static_cast<int>(i));
        i = j;
    }
    return files;
}

void checkProgress(const ProgressCallback& progress, double fraction)
{
    if (progress && !progress(std::clamp(fraction, 0.0, 1.0)))
        throw ReadCancelled();
}

} // namespace

struct WfdbRecord::Segment {
    WfdbHeader header;
    std::vector<WfdbSignalFile> files;  // kept open only for a single-segment record
    std::vector<int> layoutToSegment;   // layout signal -> segment signal, -1 when the segment lacks it
    std::vector<std::int64_t> storedFrames;   // per segment signal: frames its file's bytes back, -1 for none
    std::int64_t length = 0;            // frames, from the master header
    bool null = false;
    bool loaded = false;
};

namespace {

std::vector<std::int64_t> storedFramesOf(const std::vector<WfdbSignalFile>& files, size_t signalCount)
{
    std::vector<std::int64_t> frames(signalCount, -1);
    for (const auto& f : files)
        for (int i = 0; i < f.signalCount(); ++i)
            frames[static_cast<size_t>(f.firstSignal() + i)] = f.isNull() ? -1 : f.backedFrames();
    return frames;
}

} // namespace

std::optional<double> wfdbVoltageToMillivolts(const std::string& units)
{
    std::string u = units;
    // "µV" as UTF-8 micro sign, UTF-8 Greek mu, or a lone Latin-1 byte.
    for (const char* micro : {"\xC2\xB5", "\xCE\xBC", "\xB5"}) {
        if (u.rfind(micro, 0) == 0) {
            u = "u" + u.substr(std::char_traits<char>::length(micro));
            break;
        }
    }
    if (u == "V" || u == "v")
        return 1000.0;
    if (u == "mV" || u == "mv")
        return 1.0;
    if (u == "uV" || u == "uv")
        return 1e-3;
    if (u == "nV" || u == "nv")
        return 1e-6;
    return std::nullopt;
}

std::vector<std::int32_t> wfdbLowResolution(const std::vector<std::int32_t>& samples, int spf, WfdbLowResRounding rounding)
{
    if (spf <= 1)
        return samples;
    const size_t frames = samples.size() / static_cast<size_t>(spf);
    std::vector<std::int32_t> out(frames);
    for (size_t f = 0; f < frames; ++f) {
        std::int64_t sum = 0;
        bool invalid = false;
        for (int k = 0; k < spf; ++k) {
            const std::int32_t v = samples[f * static_cast<size_t>(spf) + static_cast<size_t>(k)];
            invalid = invalid || v == kWfdbInvalidSample;
            sum += v;
        }
        if (invalid) {
            out[f] = kWfdbInvalidSample;
        } else if (rounding == WfdbLowResRounding::TruncateTowardZero) {
            out[f] = static_cast<std::int32_t>(sum / spf);   // C/C++ integer division truncates toward zero
        } else {
            const std::int64_t twice = 2 * static_cast<std::int64_t>(spf);
            out[f] = static_cast<std::int32_t>(sum >= 0 ? (2 * sum + spf) / twice : -((-2 * sum + spf) / twice));
        }
    }
    return out;
}

WfdbRecord::WfdbRecord(const std::string& headerPath) : headerPath_(headerPath)
{
    folder_ = std::filesystem::path(headerPath).parent_path().string();
    header_ = readWfdbHeaderFile(headerPath);
    if (!header_.isMultiSegment()) {
        auto seg = std::make_unique<Segment>();
        seg->header = header_;
        seg->files = openFiles(header_, folder_);
        seg->storedFrames = storedFramesOf(seg->files, header_.signalSpecs.size());
        seg->loaded = true;
        for (int i = 0; i < header_.signalCount; ++i)
            seg->layoutToSegment.push_back(i);
        signals_ = header_.signalSpecs;
        std::int64_t maxAvail = -1, minAvail = std::numeric_limits<std::int64_t>::max();
        for (const auto& f : seg->files)
            if (!f.isNull()) {
                maxAvail = std::max(maxAvail, f.framesAvailable());
                minAvail = std::min(minAvail, f.framesAvailable());
            }
        if (header_.length) {
            length_ = *header_.length;
            if (maxAvail >= 0 && length_ > maxAvail) {
                warnings_.push_back("header declares " + std::to_string(length_) + " samples per signal but the signal files hold only " +
                                    std::to_string(maxAvail) + "; reading " + std::to_string(maxAvail));
                length_ = maxAvail;
            }
        } else if (maxAvail >= 0 && minAvail != std::numeric_limits<std::int64_t>::max()) {
            length_ = minAvail;
        }
        if (length_ == std::numeric_limits<std::int64_t>::max())
            throw ReadError(headerPath, "record length is neither in the header nor in the FLAC stream");
        if (length_ > kMaxRecordFrames)
            throw ReadError(headerPath, "record length " + std::to_string(length_) + " frames is beyond any recording");
        for (const auto& f : seg->files)
            if (!f.isNull() && f.framesAvailable() < length_)
                warnings_.push_back("signal file " + f.path() + " holds only " + std::to_string(f.framesAvailable()) + " of " +
                                    std::to_string(length_) + " frames (truncated?); missing samples are NaN");
        seg->length = length_;
        segments_.push_back(std::move(seg));
        segmentStart_.push_back(0);
    } else {
        std::int64_t total = 0;
        for (const auto& s : header_.segments) {
            segmentStart_.push_back(total);
            if (s.length > kMaxRecordFrames - total)
                throw ReadError(headerPath, "segment lengths add up to more than " + std::to_string(kMaxRecordFrames) +
                                                " frames, beyond any recording");
            total += s.length;
            auto seg = std::make_unique<Segment>();
            seg->length = s.length;
            seg->null = s.recordName == "~";
            segments_.push_back(std::move(seg));
        }
        length_ = total;
        if (header_.length && *header_.length != total)
            warnings_.push_back("header declares " + std::to_string(*header_.length) + " samples but its segments add up to " +
                                std::to_string(total) + "; using " + std::to_string(total));
        variableLayout_ = !header_.segments.empty() && header_.segments[0].length == 0;
        // The layout header (variable layout) or the first real segment (fixed layout) defines the signals.
        for (size_t i = 0; i < header_.segments.size() && signals_.empty(); ++i) {
            if (segments_[i]->null)
                continue;
            const std::string path = folder_ + "/" + header_.segments[i].recordName + ".hea";
            if (!std::filesystem::exists(path))
                throw ReadError(path, "segment header of multi-segment record " + quotedLabel(header_.recordName) + " not found");
            const WfdbHeader h = readWfdbHeaderFile(path);
            if (h.isMultiSegment())
                throw ReadError(path, "a segment may not itself be a multi-segment record");
            signals_ = h.signalSpecs;
            if (signals_.empty() && !variableLayout_)
                continue;
            break;
        }
        if (static_cast<int>(signals_.size()) != header_.signalCount)
            warnings_.push_back("multi-segment header declares " + std::to_string(header_.signalCount) + " signals, its layout has " +
                                std::to_string(signals_.size()));
    }
    for (const auto& s : signals_)
        if (!s.gainStated && s.format != 0)
            warnings_.push_back("signal " + quotedLabel(s.description) + " has no ADC gain (uncalibrated); " +
                                "200 ADC units per " + wfdbTextToUtf8(s.units) + " assumed");
}

WfdbRecord::~WfdbRecord() = default;

void WfdbRecord::addWarning(const std::string& warning)
{
    if (std::find(warnings_.begin(), warnings_.end(), warning) == warnings_.end())
        warnings_.push_back(warning);
}

WfdbRecord::Segment& WfdbRecord::segment(size_t index)
{
    Segment& seg = *segments_.at(index);
    if (seg.loaded || seg.null)
        return seg;
    const std::string path = folder_ + "/" + header_.segments[index].recordName + ".hea";
    if (!std::filesystem::exists(path))
        throw ReadError(path, "segment " + quotedLabel(header_.segments[index].recordName) + " of multi-segment record " +
                                  quotedLabel(header_.recordName) + " not found");
    seg.header = readWfdbHeaderFile(path);
    if (seg.header.isMultiSegment())
        throw ReadError(path, "a segment may not itself be a multi-segment record");
    if (std::fabs(seg.header.frameRate - header_.frameRate) > 1e-9 * header_.frameRate)
        throw ReadError(path, "segment frame rate differs from the record's");
    seg.layoutToSegment.assign(signals_.size(), -1);
    std::vector<bool> used(seg.header.signalSpecs.size(), false);
    for (size_t j = 0; j < signals_.size(); ++j) {
        if (!variableLayout_) {
            if (j < seg.header.signalSpecs.size())
                seg.layoutToSegment[j] = static_cast<int>(j);
        } else {
            // Variable layout: WFDB matches segment signals to layout signals by description.
            for (size_t k = 0; k < seg.header.signalSpecs.size(); ++k)
                if (!used[k] && seg.header.signalSpecs[k].description == signals_[j].description) {
                    seg.layoutToSegment[j] = static_cast<int>(k);
                    used[k] = true;
                    break;
                }
        }
        // A segment storing a signal at another rate cannot fill the layout's samples; it is not read at all,
        // so its own (unchecked) samples per frame never size an allocation.
        const int k = seg.layoutToSegment[j];
        if (k >= 0 && seg.header.signalSpecs[static_cast<size_t>(k)].samplesPerFrame != signals_[j].samplesPerFrame) {
            addWarning("segment " + seg.header.recordName + " stores " + quotedLabel(seg.header.signalSpecs[size_t(k)].description) +
                       " at a different rate than the layout; left empty there");
            seg.layoutToSegment[j] = -1;
        }
    }
    // Opened once to learn how many frames the files really hold, then closed: a record of thousands of
    // segments (MIMIC) must not hold thousands of descriptors.
    seg.storedFrames = storedFramesOf(openFiles(seg.header, folder_), seg.header.signalSpecs.size());
    seg.loaded = true;
    return seg;
}

std::int64_t WfdbRecord::unbackedSamples(const Segment& seg, std::int64_t a, std::int64_t b, bool lowResolution) const
{
    std::int64_t total = 0;
    for (size_t j = 0; j < signals_.size(); ++j) {
        const std::int64_t spf = lowResolution ? 1 : signals_[j].samplesPerFrame;
        const int k = seg.null || j >= seg.layoutToSegment.size() ? -1 : seg.layoutToSegment[j];
        const std::int64_t stored = k < 0 ? -1 : seg.storedFrames[static_cast<size_t>(k)];
        const std::int64_t backed = std::clamp<std::int64_t>(stored - a, 0, b - a);
        total += (b - a - backed) * spf;
    }
    return total;
}

WfdbRecord::Range WfdbRecord::resolve(const WfdbReadRequest& request) const
{
    const std::int64_t from = std::clamp<std::int64_t>(request.fromFrame, 0, length_);
    const std::int64_t to = std::clamp<std::int64_t>(request.toFrame.value_or(length_), from, length_);
    // High-resolution samples are decoded before a low-resolution read reduces them, so they are what counts.
    std::int64_t spfSum = 0;
    for (const auto& s : signals_)
        spfSum += s.samplesPerFrame;
    if (spfSum > 0 && to - from > kMaxSamplesPerRead / spfSum)
        throw ReadError(headerPath_, "record too long to read at once (" + std::to_string(to - from) + " frames of " +
                                         std::to_string(spfSum) + " samples); read a time window");
    return {from, to};
}

void WfdbRecord::checkUnbacked(Range r, bool lowResolution)
{
    std::int64_t unbacked = 0;
    for (size_t si = 0; si < segments_.size(); ++si) {
        const std::int64_t segStart = segmentStart_[si];
        const std::int64_t a = std::max(r.from, segStart), b = std::min(r.to, segStart + segments_[si]->length);
        if (a >= b)
            continue;
        unbacked += unbackedSamples(segment(si), a - segStart, b - segStart, lowResolution);
        if (unbacked > kMaxUnbackedSamplesPerRead)
            throw ReadError(headerPath_, "the requested frames hold more than " + std::to_string(kMaxUnbackedSamplesPerRead) +
                                             " samples that no signal file backs (gaps, null signals, short files); "
                                             "read a time window");
    }
}

std::vector<std::vector<std::int32_t>> WfdbRecord::readSingle(const WfdbHeader& h, std::int64_t from, std::int64_t to,
                                                              bool verifyChecksums,
                                                              const std::function<void(std::int64_t)>& onFrames)
{
    Segment& seg = *segments_.at(0);
    std::vector<std::vector<std::int32_t>> out(h.signalSpecs.size());
    std::vector<std::int64_t> sums(h.signalSpecs.size(), 0), fileSums;
    const std::int64_t n = to - from;
    for (size_t i = 0; i < seg.files.size(); ++i) {
        const std::int64_t done = static_cast<std::int64_t>(i) * n;
        auto& file = seg.files[i];
        file.read(from, to, out, [&](std::int64_t frames) {
            if (onFrames)
                onFrames((done + std::min(frames, n)) / static_cast<std::int64_t>(seg.files.size()));
        }, verifyChecksums ? &fileSums : nullptr, length_);
        if (verifyChecksums)
            std::copy(fileSums.begin(), fileSums.end(), sums.begin() + file.firstSignal());
        for (const auto& w : file.warnings())
            addWarning(file.path() + ": " + w);
    }
    if (verifyChecksums) {
        // header(5): the checksum is the 16-bit sum of the samples as stored, so a skewed signal is summed
        // over its stored frames 0..length-1, not over the skew-shifted output.
        for (size_t i = 0; i < h.signalSpecs.size(); ++i) {
            const auto& spec = h.signalSpecs[i];
            const WfdbFormatInfo* info = wfdbFormatInfo(spec.format);
            if (!spec.checksum || !info || (info->bytesPerBlock == 0 && !info->flac))
                continue;
            const auto cks = static_cast<std::int16_t>(static_cast<std::uint16_t>(sums[i] & 0xFFFF));
            // A checksum of 0 is what converters write when they computed none (every record of the PhysioNet/CinC
            // 2017 challenge has it): warning "damaged?" on each such file would cry wolf, while a real sum of 0 is a
            // 1-in-65,536 event. Truncation is caught by the length checks either way.
            if (cks != *spec.checksum && *spec.checksum != 0)
                warnings_.push_back("checksum mismatch in signal " + std::to_string(i) + " (" + quotedLabel(spec.description) +
                                    "): header " + std::to_string(*spec.checksum) + ", data " + std::to_string(cks) +
                                    " (damaged signal file?)");
        }
    }
    return out;
}

std::vector<std::vector<std::int32_t>> WfdbRecord::readDigital(const WfdbReadRequest& request)
{
    const Range r = resolve(request);
    checkUnbacked(r, false);
    std::vector<std::vector<std::int32_t>> out;
    if (!header_.isMultiSegment()) {
        const bool full = r.from == 0 && r.to == length_ && header_.length && *header_.length == length_;
        out = readSingle(header_, r.from, r.to, full, [&](std::int64_t frames) {
            checkProgress(request.progress, r.to > r.from ? static_cast<double>(frames) / static_cast<double>(r.to - r.from) : 1.0);
        });
        if (request.lowResolution)
            for (size_t i = 0; i < out.size(); ++i)
                out[i] = wfdbLowResolution(out[i], signals_[i].samplesPerFrame, request.rounding);
    } else {
        readMulti(r, request, &out, nullptr);
        if (request.lowResolution)
            for (size_t i = 0; i < out.size(); ++i)
                out[i] = wfdbLowResolution(out[i], signals_[i].samplesPerFrame, request.rounding);
    }
    checkProgress(request.progress, 1.0);
    return out;
}

std::vector<WfdbSignalValues> WfdbRecord::readPhysical(const WfdbReadRequest& request)
{
    std::vector<WfdbSignalValues> out(signals_.size());
    if (!header_.isMultiSegment()) {
        auto digital = readDigital(request);
        for (size_t i = 0; i < signals_.size(); ++i) {
            const auto& s = signals_[i];
            auto& v = out[i];
            v.samplesPerFrame = request.lowResolution ? 1 : s.samplesPerFrame;
            v.values.resize(digital[i].size());
            const bool null = s.format == 0;
            for (size_t k = 0; k < digital[i].size(); ++k) {
                const std::int32_t d = digital[i][k];
                v.values[k] = (null || d == kWfdbInvalidSample)
                                  ? kMissingSample
                                  : static_cast<float>((static_cast<double>(d) - s.baseline) / s.gain);
            }
            // Dropped signal by signal: a long read holds one copy of the record, not an int32 and a float one.
            std::vector<std::int32_t>().swap(digital[i]);
        }
        return out;
    }
    const Range r = resolve(request);
    checkUnbacked(r, request.lowResolution);
    std::vector<std::vector<float>> values;
    readMulti(r, request, nullptr, &values);
    for (size_t i = 0; i < signals_.size(); ++i) {
        out[i].samplesPerFrame = request.lowResolution ? 1 : signals_[i].samplesPerFrame;
        out[i].values = std::move(values[i]);
    }
    checkProgress(request.progress, 1.0);
    return out;
}

void WfdbRecord::readMulti(Range range, const WfdbReadRequest& request, std::vector<std::vector<std::int32_t>>* digital,
                           std::vector<std::vector<float>>* values)
{
    const ProgressCallback& progress = request.progress;
    // Physical values at low resolution are reduced per segment in the segment's own ADC units, with the
    // request's rounding, and then converted: the same values a single-segment record gives.
    const bool lowPhysical = values && request.lowResolution;
    const std::int64_t n = range.to - range.from;
    if (digital)
        digital->assign(signals_.size(), {});
    if (values)
        values->assign(signals_.size(), {});
    for (size_t j = 0; j < signals_.size(); ++j) {
        const auto size = static_cast<size_t>(n * (lowPhysical ? 1 : signals_[j].samplesPerFrame));
        if (digital)
            (*digital)[j].assign(size, kWfdbInvalidSample);
        if (values)
            (*values)[j].assign(size, kMissingSample);
    }
    for (size_t si = 0; si < segments_.size(); ++si) {
        const std::int64_t segStart = segmentStart_[si];
        const std::int64_t a = std::max(range.from, segStart);
        const std::int64_t b = std::min(range.to, segStart + segments_[si]->length);
        if (a >= b || segments_[si]->null)
            continue;
        Segment& seg = segment(si);
        std::vector<bool> wanted(seg.header.signalSpecs.size(), false);
        for (int k : seg.layoutToSegment)
            if (k >= 0)
                wanted[static_cast<size_t>(k)] = true;
        // Each segment is a record of its own: read its local frames at high resolution. Its files are open only
        // while it is read, and only files holding a wanted signal are read.
        std::vector<WfdbSignalFile> files = openFiles(seg.header, folder_);
        std::int64_t segSpf = 0;
        for (const auto& f : files)
            for (int i = 0; i < f.signalCount(); ++i)
                if (wanted[static_cast<size_t>(f.firstSignal() + i)]) {
                    segSpf += f.samplesPerFrame();
                    break;
                }
        if (segSpf > 0 && b - a > kMaxSamplesPerRead / segSpf)
            throw ReadError(folder_ + "/" + header_.segments[si].recordName + ".hea",
                            "segment too long to read at once (" + std::to_string(b - a) + " frames of " +
                                std::to_string(segSpf) + " samples); read a time window");
        std::vector<std::vector<std::int32_t>> local(seg.header.signalSpecs.size());
        for (auto& f : files) {
            bool read = false;
            for (int i = 0; i < f.signalCount(); ++i)
                read = read || wanted[static_cast<size_t>(f.firstSignal() + i)];
            if (!read)
                continue;
            f.read(a - segStart, b - segStart, local, [&](std::int64_t frames) {
                checkProgress(progress, n > 0 ? static_cast<double>(a - range.from + frames) / static_cast<double>(n) : 1.0);
            });
            for (const auto& w : f.warnings())
                addWarning(f.path() + ": " + w);
        }
        files.clear();
        for (size_t j = 0; j < signals_.size(); ++j) {
            const int k = seg.layoutToSegment[j];
            if (k < 0)
                continue;
            const auto& ls = signals_[j];
            const auto& ss = seg.header.signalSpecs[static_cast<size_t>(k)];
            auto& src = local[static_cast<size_t>(k)];
            const bool nullSignal = ss.format == 0;
            if (values) {
                if (lowPhysical)
                    src = wfdbLowResolution(src, ss.samplesPerFrame, request.rounding);
                const size_t offset = static_cast<size_t>((a - range.from) * (lowPhysical ? 1 : ls.samplesPerFrame));
                double unitScale = 1.0;
                const auto segMv = wfdbVoltageToMillivolts(ss.units), layMv = wfdbVoltageToMillivolts(ls.units);
                if (segMv && layMv)
                    unitScale = *segMv / *layMv;
                auto& dst = (*values)[j];
                for (size_t t = 0; t < src.size(); ++t)
                    if (src[t] != kWfdbInvalidSample && !nullSignal)
                        dst[offset + t] = static_cast<float>((static_cast<double>(src[t]) - ss.baseline) / ss.gain * unitScale);
            } else {
                const size_t offset = static_cast<size_t>((a - range.from) * ls.samplesPerFrame);
                auto& dst = (*digital)[j];
                const bool same = ss.gain == ls.gain && ss.baseline == ls.baseline;
                for (size_t t = 0; t < src.size(); ++t) {
                    if (src[t] == kWfdbInvalidSample || nullSignal)
                        continue;
                    dst[offset + t] = same ? src[t]
                                           : static_cast<std::int32_t>(std::lround(
                                                 (static_cast<double>(src[t]) - ss.baseline) * ls.gain / ss.gain + ls.baseline));
                }
            }
        }
        checkProgress(progress, n > 0 ? static_cast<double>(b - range.from) / static_cast<double>(n) : 1.0);
    }
}

} // namespace execg
