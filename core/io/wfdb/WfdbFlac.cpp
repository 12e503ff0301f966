#include "io/wfdb/WfdbFlac.h"

#include "io/ReadError.h"
#include "io/wfdb/WfdbSignalDecoder.h"

#include <FLAC/stream_decoder.h>

#include <cstdio>

namespace execg {

struct WfdbFlacStream::State {
    std::string path;
    std::FILE* file = nullptr;
    std::int64_t offset = 0;
    std::uint64_t fileSize = 0;
    FLAC__StreamDecoder* decoder = nullptr;
    int channels = 0;
    int maxBits = 0;
    std::uint64_t totalSamples = 0;
    std::string error;
    // Decoded samples not yet handed out, and the stream sample number of pending[*][0].
    std::vector<std::vector<std::int32_t>> pending;
    std::uint64_t pendingStart = 0;
    std::uint64_t nextSample = 0;   // sample number following the last decoded block
    bool afterSeek = false;         // the next frame starts wherever the seek landed
    bool ended = false;             // a read met the end of a stream whose length is unknown
    std::vector<std::string> warnings;

    // Here, not in ~WfdbFlacStream: a constructor that throws (not FLAC, wrong channel count) never runs the
    // stream's destructor, but its members are destroyed, so the decoder and the descriptor are released.
    ~State()
    {
        if (decoder) {
            FLAC__stream_decoder_finish(decoder);
            FLAC__stream_decoder_delete(decoder);
        }
        if (file)
            std::fclose(file);
    }
};

namespace {

using State = WfdbFlacStream::State;

// A frame may skip at most this many samples (a lost frame or two of any encoder's block size); a larger
// jump is a corrupt sample number, not lost audio, and filling it would allocate what the file cannot back.
constexpr std::uint64_t kMaxSkippedSamples = 1u << 20;

FLAC__StreamDecoderReadStatus onRead(const FLAC__StreamDecoder*, FLAC__byte buffer[], size_t* bytes, void* data)
{
    auto* s = static_cast<State*>(data);
    if (*bytes == 0)
        return FLAC__STREAM_DECODER_READ_STATUS_ABORT;
    *bytes = std::fread(buffer, 1, *bytes, s->file);
    if (std::ferror(s->file))
        return FLAC__STREAM_DECODER_READ_STATUS_ABORT;
    return *bytes == 0 ? FLAC__STREAM_DECODER_READ_STATUS_END_OF_STREAM : FLAC__STREAM_DECODER_READ_STATUS_CONTINUE;
}

FLAC__StreamDecoderSeekStatus onSeek(const FLAC__StreamDecoder*, FLAC__uint64 pos, void* data)
{
    auto* s = static_cast<State*>(data);
    if (::fseeko(s->file, static_cast<off_t>(pos + static_cast<FLAC__uint64>(s->offset)), SEEK_SET) != 0)
        return FLAC__STREAM_DECODER_SEEK_STATUS_ERROR;
    return FLAC__STREAM_DECODER_SEEK_STATUS_OK;
}

FLAC__StreamDecoderTellStatus onTell(const FLAC__StreamDecoder*, FLAC__uint64* pos, void* data)
{
    auto* s = static_cast<State*>(data);
    const off_t p = ::ftello(s->file);
    if (p < s->offset)
        return FLAC__STREAM_DECODER_TELL_STATUS_ERROR;
    *pos = static_cast<FLAC__uint64>(p - s->offset);
    return FLAC__STREAM_DECODER_TELL_STATUS_OK;
}

FLAC__StreamDecoderLengthStatus onLength(const FLAC__StreamDecoder*, FLAC__uint64* len, void* data)
{
    auto* s = static_cast<State*>(data);
    *len = s->fileSize - static_cast<std::uint64_t>(s->offset);
    return FLAC__STREAM_DECODER_LENGTH_STATUS_OK;
}

FLAC__bool onEof(const FLAC__StreamDecoder*, void* data)
{
    return std::feof(static_cast<State*>(data)->file) != 0;
}

FLAC__StreamDecoderWriteStatus onWrite(const FLAC__StreamDecoder*, const FLAC__Frame* frame,
                                       const FLAC__int32* const buffer[], void* data)
{
    auto* s = static_cast<State*>(data);
    if (static_cast<int>(frame->header.channels) != s->channels) {
        s->error = "FLAC stream has " + std::to_string(frame->header.channels) + " channels but the header lists " +
                   std::to_string(s->channels) + " signals in this file";
        return FLAC__STREAM_DECODER_WRITE_STATUS_ABORT;
    }
    if (static_cast<int>(frame->header.bits_per_sample) > s->maxBits) {
        s->error = "FLAC stream has " + std::to_string(frame->header.bits_per_sample) + "-bit samples, more than the format's " +
                   std::to_string(s->maxBits);
        return FLAC__STREAM_DECODER_WRITE_STATUS_ABORT;
    }
    const std::uint64_t first = frame->header.number_type == FLAC__FRAME_NUMBER_TYPE_SAMPLE_NUMBER
                                    ? frame->header.number.sample_number
                                    : static_cast<std::uint64_t>(frame->header.number.frame_number) * frame->header.blocksize;
    s->pending.resize(static_cast<size_t>(s->channels));
    if (!s->afterSeek && first != s->nextSample) {
        // Frames carry their first sample's number; a damaged stream that lost frames would otherwise shift
        // every later sample earlier in time without a trace.
        if (first < s->nextSample || first - s->nextSample > kMaxSkippedSamples) {
            s->error = "FLAC stream is damaged: a frame starts at sample " + std::to_string(first) + ", expected " +
                       std::to_string(s->nextSample);
            return FLAC__STREAM_DECODER_WRITE_STATUS_ABORT;
        }
        if (s->pending[0].empty())
            s->pendingStart = s->nextSample;
        for (auto& ch : s->pending)
            ch.insert(ch.end(), static_cast<size_t>(first - s->nextSample), kWfdbInvalidSample);
        s->warnings.push_back("FLAC stream skips samples " + std::to_string(s->nextSample) + " to " + std::to_string(first - 1) +
                              " (lost frames?); they are NaN");
    }
    s->afterSeek = false;
    if (s->pending[0].empty())
        s->pendingStart = first;
    for (int c = 0; c < s->channels; ++c)
        s->pending[static_cast<size_t>(c)].insert(s->pending[static_cast<size_t>(c)].end(), buffer[c],
                                                   buffer[c] + frame->header.blocksize);
    s->nextSample = first + frame->header.blocksize;
    return FLAC__STREAM_DECODER_WRITE_STATUS_CONTINUE;
}

void onMetadata(const FLAC__StreamDecoder*, const FLAC__StreamMetadata* meta, void* data)
{
    if (meta->type == FLAC__METADATA_TYPE_STREAMINFO)
        static_cast<State*>(data)->totalSamples = meta->data.stream_info.total_samples;
}

void onError(const FLAC__StreamDecoder*, FLAC__StreamDecoderErrorStatus status, void* data)
{
    auto* s = static_cast<State*>(data);
    if (s->error.empty())
        s->error = std::string("FLAC decoding error: ") + FLAC__StreamDecoderErrorStatusString[status];
}

} // namespace

WfdbFlacStream::WfdbFlacStream(const std::string& path, std::int64_t byteOffset, int channels, int maxBits)
    : state_(std::make_unique<State>())
{
    auto& s = *state_;
    s.path = path;
    s.offset = byteOffset;
    s.channels = channels;
    s.maxBits = maxBits;
    if (channels < 1 || channels > static_cast<int>(FLAC__MAX_CHANNELS))
        throw ReadError(path, "a FLAC signal file holds 1 to " + std::to_string(FLAC__MAX_CHANNELS) +
                                  " signals, the header lists " + std::to_string(channels));
    s.file = std::fopen(path.c_str(), "rb");
    if (!s.file)
        throw ReadError(path, "cannot open signal file");
    ::fseeko(s.file, 0, SEEK_END);
    s.fileSize = static_cast<std::uint64_t>(::ftello(s.file));
    if (byteOffset < 0 || static_cast<std::uint64_t>(byteOffset) >= s.fileSize)
        throw ReadError(path, "FLAC signal file is empty or shorter than its byte offset");
    ::fseeko(s.file, byteOffset, SEEK_SET);
    s.decoder = FLAC__stream_decoder_new();
    if (!s.decoder ||
        FLAC__stream_decoder_init_stream(s.decoder, onRead, onSeek, onTell, onLength, onEof, onWrite, onMetadata, onError,
                                         &s) != FLAC__STREAM_DECODER_INIT_STATUS_OK)
        throw ReadError(path, "cannot start the FLAC decoder");
    if (!FLAC__stream_decoder_process_until_end_of_metadata(s.decoder) || !s.error.empty())
        throw ReadError(path, s.error.empty() ? "not a FLAC stream" : s.error);
    if (FLAC__stream_decoder_get_channels(s.decoder) != 0 &&
        static_cast<int>(FLAC__stream_decoder_get_channels(s.decoder)) != channels)
        throw ReadError(path, "FLAC stream has " + std::to_string(FLAC__stream_decoder_get_channels(s.decoder)) +
                                  " channels but the header lists " + std::to_string(channels) + " signals in this file");
}

WfdbFlacStream::~WfdbFlacStream() = default;

std::uint64_t WfdbFlacStream::totalSamples() const { return state_->totalSamples; }

std::uint64_t WfdbFlacStream::streamBytes() const { return state_->fileSize - static_cast<std::uint64_t>(state_->offset); }

const std::vector<std::string>& WfdbFlacStream::warnings() const { return state_->warnings; }

void WfdbFlacStream::read(std::uint64_t first, std::uint64_t count, std::int64_t invalidValue,
                          std::vector<std::vector<std::int32_t>>& out)
{
    auto& s = *state_;
    out.assign(static_cast<size_t>(s.channels), {});
    if (count == 0)
        return;
    const bool havePending = !s.pending.empty() && !s.pending[0].empty();
    const bool contiguous = havePending ? (first >= s.pendingStart && first <= s.pendingStart + s.pending[0].size())
                                        : first == s.nextSample;
    if (!contiguous) {
        s.pending.clear();
        if (s.totalSamples != 0 && first >= s.totalSamples)
            return;
        // With no length in STREAMINFO the header's length is trusted; samples past the stream's real end are
        // missing (NaN), like those of a truncated binary file, not an error.
        if (s.totalSamples == 0 && s.ended && first >= s.nextSample)
            return;
        s.afterSeek = true;
        if (!FLAC__stream_decoder_seek_absolute(s.decoder, first)) {
            if (FLAC__stream_decoder_get_state(s.decoder) == FLAC__STREAM_DECODER_SEEK_ERROR)
                FLAC__stream_decoder_flush(s.decoder);
            if (s.totalSamples == 0 && s.error.empty()) {
                s.warnings.push_back("FLAC stream ends before sample " + std::to_string(first) + "; the rest is NaN");
                return;
            }
            throw ReadError(s.path, s.error.empty() ? "cannot seek to FLAC sample " + std::to_string(first) : s.error);
        }
    }
    // Drop pending samples before `first`.
    if (!s.pending.empty() && !s.pending[0].empty() && first > s.pendingStart) {
        const auto drop = static_cast<std::ptrdiff_t>(first - s.pendingStart);
        for (auto& ch : s.pending)
            ch.erase(ch.begin(), ch.begin() + drop);
        s.pendingStart = first;
    }
    while (s.pending.empty() || s.pending[0].size() < count) {
        if (FLAC__stream_decoder_get_state(s.decoder) == FLAC__STREAM_DECODER_END_OF_STREAM) {
            if (s.totalSamples == 0 && !s.ended) {
                s.ended = true;
                s.warnings.push_back("FLAC stream ends at sample " + std::to_string(s.nextSample) +
                                     ", before the record's length; the rest is NaN");
            }
            break;
        }
        if (!FLAC__stream_decoder_process_single(s.decoder) || !s.error.empty())
            throw ReadError(s.path, s.error.empty() ? "FLAC stream is damaged" : s.error);
    }
    if (s.pending.empty())
        return;
    const size_t n = static_cast<size_t>(std::min<std::uint64_t>(count, s.pending[0].size()));
    for (int c = 0; c < s.channels; ++c) {
        auto& src = s.pending[static_cast<size_t>(c)];
        auto& dst = out[static_cast<size_t>(c)];
        dst.assign(src.begin(), src.begin() + static_cast<std::ptrdiff_t>(n));
        for (auto& v : dst)
            if (v == invalidValue)
                v = kWfdbInvalidSample;
        src.erase(src.begin(), src.begin() + static_cast<std::ptrdiff_t>(n));
    }
    s.pendingStart += n;
}

} // namespace execg
