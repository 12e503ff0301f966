#pragma once
// WFDB FLAC signal files (formats 508, 516, 524; WFDB 10.7): one FLAC stream per signal file, one FLAC
// channel per signal, every signal of the file with the same samples per frame; FLAC sample n of a channel
// is that signal's sample n (frame n / spf). Decoded with libFLAC's stream decoder, seeking for windows.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace execg {

class WfdbFlacStream {
public:
    // Opens `path`, skipping `byteOffset` bytes, and reads the stream metadata. Throws ReadError when the
    // file is not FLAC or its channel count or sample width do not fit the header.
    WfdbFlacStream(const std::string& path, std::int64_t byteOffset, int channels, int maxBits);
    ~WfdbFlacStream();
    WfdbFlacStream(const WfdbFlacStream&) = delete;
    WfdbFlacStream& operator=(const WfdbFlacStream&) = delete;

    // Samples per channel from STREAMINFO; 0 when the encoder did not record it.
    std::uint64_t totalSamples() const;
    // Bytes of the stream after the byte offset.
    std::uint64_t streamBytes() const;
    // Damage met while decoding: frames whose sample numbers skip ahead (the skipped samples are invalid),
    // a stream that ends before a requested sample.
    const std::vector<std::string>& warnings() const;

    // Reads up to `count` samples of every channel from sample `first`, into out[channel]. Fewer at end of
    // stream (also when the stream, with no length in STREAMINFO, ends before `first`). The format's invalid
    // marker (`invalidValue`) becomes kWfdbInvalidSample.
    void read(std::uint64_t first, std::uint64_t count, std::int64_t invalidValue,
              std::vector<std::vector<std::int32_t>>& out);

    struct State;

private:
    std::unique_ptr<State> state_;
};

} // namespace execg
