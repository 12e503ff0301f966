#include "io/wfdb/WfdbSignalFile.h"

#include "io/BinaryFile.h"
#include "io/ReadError.h"
#include "io/wfdb/WfdbFlac.h"

#include <algorithm>
#include <limits>

namespace execg {

namespace {
// Samples decoded per chunk: bounds the read buffers whatever the record length.
constexpr std::int64_t kChunkSamples = 1 << 18;
constexpr std::int64_t kMaxSamplesPerFrameOfFile = 1'000'000;
} // namespace

WfdbSignalFile::WfdbSignalFile(const std::string& folder, std::vector<WfdbSignalSpec> specs, int firstSignal)
    : specs_(std::move(specs)), firstSignal_(firstSignal)
{
    const auto& first = specs_.at(0);
    null_ = first.format == 0 || first.fileName == "~" || first.fileName == "*";
    for (const auto& s : specs_)
        spfTotal_ += s.samplesPerFrame;
    // 4096 signals × 10^6 samples per frame fit the header's bounds but no real file; one frame of this
    // file is decoded at once, so its size is bounded before anything is allocated for it.
    if (spfTotal_ > kMaxSamplesPerFrameOfFile)
        throw ReadError(folder.empty() ? first.fileName : folder + "/" + first.fileName,
                        "signals stored together have " + std::to_string(spfTotal_) + " samples per frame (at most " +
                            std::to_string(kMaxSamplesPerFrameOfFile) + ")");
    if (null_)
        return;
    // The parser refuses absolute and "../" names: signal files live beside the header or below it.
    path_ = folder.empty() ? first.fileName : folder + "/" + first.fileName;
    info_ = wfdbFormatInfo(first.format);
    if (!info_)
        throw ReadError(path_, "signal format " + std::to_string(first.format) + " is not a WFDB format this reader knows");
    for (const auto& s : specs_) {
        if (s.format != first.format)
            throw ReadError(path_, "signals in one file must share a format (found " + std::to_string(first.format) +
                                       " and " + std::to_string(s.format) + ")");
        if (info_->flac && s.samplesPerFrame != first.samplesPerFrame)
            throw ReadError(path_, "every signal of a FLAC signal file must have the same samples per frame");
    }
    if (first.byteOffset < 0)
        throw ReadError(path_, "negative byte offset");
    if (info_->flac) {
        flac_ = std::make_unique<WfdbFlacStream>(path_, first.byteOffset, signalCount(), info_->bits);
        const auto total = flac_->totalSamples();
        framesAvailable_ = total == 0 ? std::numeric_limits<std::int64_t>::max()
                                      : static_cast<std::int64_t>(total / static_cast<std::uint64_t>(first.samplesPerFrame));
        return;
    }
    file_ = std::make_unique<BinaryFile>(path_);
    const std::uint64_t offset = static_cast<std::uint64_t>(first.byteOffset);
    const std::uint64_t bytes = file_->size() > offset ? file_->size() - offset : 0;
    framesAvailable_ = static_cast<std::int64_t>(wfdbSamplesInBytes(*info_, bytes) / static_cast<std::uint64_t>(spfTotal_));
}

WfdbSignalFile::~WfdbSignalFile() = default;

std::int64_t WfdbSignalFile::backedFrames() const
{
    if (!flac_)
        return framesAvailable_;
    const auto vouched = static_cast<std::int64_t>(std::min<std::uint64_t>(flac_->streamBytes(), std::uint64_t{1} << 40) * 8 /
                                                   static_cast<std::uint64_t>(spfTotal_));
    return std::min(framesAvailable_, vouched);
}

std::vector<std::string> WfdbSignalFile::warnings() const
{
    return flac_ ? flac_->warnings() : std::vector<std::string>{};
}
WfdbSignalFile::WfdbSignalFile(WfdbSignalFile&&) noexcept = default;

void WfdbSignalFile::readStoredFrames(std::int64_t first, std::int64_t count, std::vector<std::int32_t>& stream)
{
    const auto total = static_cast<size_t>(count * spfTotal_);
    stream.assign(total, kWfdbInvalidSample);
    if (flac_) {
        const auto spf = static_cast<std::uint64_t>(specs_[0].samplesPerFrame);
        std::vector<std::vector<std::int32_t>> channels;
        flac_->read(static_cast<std::uint64_t>(first) * spf, static_cast<std::uint64_t>(count) * spf,
                    info_->invalidValue, channels);
        for (size_t c = 0; c < channels.size(); ++c)
            for (size_t j = 0; j < channels[c].size(); ++j) {
                const size_t t = j / spf, k = j % spf;
                stream[t * static_cast<size_t>(spfTotal_) + c * spf + k] = channels[c][j];
            }
        return;
    }
    const auto spb = static_cast<std::uint64_t>(info_->samplesPerBlock);
    const auto bpb = static_cast<std::uint64_t>(info_->bytesPerBlock);
    const std::uint64_t sampleStart = static_cast<std::uint64_t>(first) * static_cast<std::uint64_t>(spfTotal_);
    const std::uint64_t skip = sampleStart % spb;   // block formats start mid-block; decode from its start
    const std::uint64_t byteStart = static_cast<std::uint64_t>(specs_[0].byteOffset) + (sampleStart / spb) * bpb;
    const std::uint64_t decodeCount = skip + total;
    const auto data = file_->read(byteStart, (decodeCount + spb - 1) / spb * bpb);
    std::vector<std::int32_t> tmp(static_cast<size_t>(decodeCount), kWfdbInvalidSample);
    decodeWfdbSamples(*info_, data.data(), data.size(), tmp.size(), tmp.data());
    std::copy(tmp.begin() + static_cast<std::ptrdiff_t>(skip), tmp.end(), stream.begin());
}

void WfdbSignalFile::read(std::int64_t from, std::int64_t to, std::vector<std::vector<std::int32_t>>& out,
                          const std::function<void(std::int64_t)>& onChunk, std::vector<std::int64_t>* storedSums,
                          std::int64_t storedLength)
{
    if (storedSums)
        storedSums->assign(specs_.size(), 0);
    const std::int64_t n = std::max<std::int64_t>(0, to - from);
    for (size_t i = 0; i < specs_.size(); ++i)
        out[static_cast<size_t>(firstSignal_) + i].assign(static_cast<size_t>(n * specs_[i].samplesPerFrame),
                                                           kWfdbInvalidSample);
    if (null_ || n == 0)
        return;
    int minSkew = std::numeric_limits<int>::max(), maxSkew = 0;
    std::vector<int> offsetInFrame(specs_.size());
    int pos = 0;
    for (size_t i = 0; i < specs_.size(); ++i) {
        minSkew = std::min(minSkew, specs_[i].skew);
        maxSkew = std::max(maxSkew, specs_[i].skew);
        offsetInFrame[i] = pos;
        pos += specs_[i].samplesPerFrame;
    }
    // Format 8 stores first differences: a sample is the initial value plus every earlier difference, so
    // decoding always starts at the beginning of the file (memory stays bounded: chunks are summed and dropped).
    const bool differences = info_->firstDifferences;
    const std::int64_t start = differences || storedSums ? 0 : from + minSkew;
    const std::int64_t end =
        std::min(std::max(to + static_cast<std::int64_t>(maxSkew), storedSums ? storedLength : 0), framesAvailable_);
    std::vector<std::int32_t> acc(specs_.size());
    for (size_t i = 0; i < specs_.size(); ++i)
        acc[i] = specs_[i].initialValue;
    const std::int64_t chunkFrames = std::max<std::int64_t>(1, kChunkSamples / spfTotal_);
    std::vector<std::int32_t> stream;
    for (std::int64_t c0 = start; c0 < end; c0 += chunkFrames) {
        const std::int64_t c1 = std::min(end, c0 + chunkFrames);
        readStoredFrames(c0, c1 - c0, stream);
        for (std::int64_t t = c0; t < c1; ++t) {
            const size_t base = static_cast<size_t>((t - c0) * spfTotal_);
            for (size_t i = 0; i < specs_.size(); ++i) {
                const int spf = specs_[i].samplesPerFrame;
                const std::int32_t* src = stream.data() + base + static_cast<size_t>(offsetInFrame[i]);
                const std::int64_t f = t - specs_[i].skew;
                const bool wanted = f >= from && f < to;
                std::int32_t* dst = wanted ? out[static_cast<size_t>(firstSignal_) + i].data() + (f - from) * spf : nullptr;
                const bool summed = storedSums && t < storedLength;
                for (int k = 0; k < spf; ++k) {
                    std::int32_t v = src[k];
                    if (differences) {
                        if (v == kWfdbInvalidSample)
                            break;   // past the end of the file: the rest stays invalid
                        acc[i] = static_cast<std::int32_t>(static_cast<std::int64_t>(acc[i]) + v);
                        v = acc[i];
                    }
                    if (summed)
                        (*storedSums)[i] += v == kWfdbInvalidSample ? info_->invalidValue : v;
                    if (dst)
                        dst[k] = v;
                }
            }
        }
        if (onChunk)
            onChunk(c1 - start);
    }
}

} // namespace execg
