#pragma once
// One WFDB signal file and the consecutive header signals stored in it: locating frames in the file
// (byte offset, block alignment, FLAC seeking) and splitting the sample stream into signals, skew applied.

#include "io/wfdb/WfdbHeader.h"
#include "io/wfdb/WfdbSignalDecoder.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace execg {

class BinaryFile;
class WfdbFlacStream;

class WfdbSignalFile {
public:
    // `specs` are the signals stored in this file (consecutive header lines naming it), `firstSignal` the
    // index of the first of them in the header. `folder` is where the header lives. Null signals (format 0,
    // file "~" or "*") open nothing. Throws ReadError naming the missing or unreadable file.
    WfdbSignalFile(const std::string& folder, std::vector<WfdbSignalSpec> specs, int firstSignal);
    ~WfdbSignalFile();
    WfdbSignalFile(WfdbSignalFile&&) noexcept;
    WfdbSignalFile(const WfdbSignalFile&) = delete;
    WfdbSignalFile& operator=(const WfdbSignalFile&) = delete;

    bool isNull() const { return null_; }
    const std::string& path() const { return path_; }
    int firstSignal() const { return firstSignal_; }
    int signalCount() const { return static_cast<int>(specs_.size()); }
    // Complete frames the file holds after its byte offset (ignoring skew); -1 for a null file.
    std::int64_t framesAvailable() const { return framesAvailable_; }
    // Frames the file's bytes vouch for: framesAvailable(), but for FLAC at most 8 samples per stored byte.
    // STREAMINFO's length is only a claim, and a few bytes of constant subframes can claim billions.
    std::int64_t backedFrames() const;
    // Samples of all the file's signals in one frame.
    std::int64_t samplesPerFrame() const { return spfTotal_; }
    // Damage found while decoding (FLAC frames that skip samples, a FLAC stream shorter than the record).
    std::vector<std::string> warnings() const;

    // Decodes output frames [from, to) of every signal in the file at full resolution into
    // out[firstSignal + i] (each resized to (to - from) * spf and filled; missing samples = kWfdbInvalidSample).
    // `onChunk(framesDone)` is called between chunks so long reads can report progress or stop.
    // `storedSums`, when given, receives per signal of the file the sum of its stored samples 0..storedLength-1
    // (before skew is applied; an invalid sample counts as the format's marker value): what header(5)'s
    // checksum covers. Decoding then starts at the file's first frame.
    void read(std::int64_t from, std::int64_t to, std::vector<std::vector<std::int32_t>>& out,
              const std::function<void(std::int64_t)>& onChunk, std::vector<std::int64_t>* storedSums = nullptr,
              std::int64_t storedLength = 0);

private:
    void readStoredFrames(std::int64_t first, std::int64_t count, std::vector<std::int32_t>& stream);

    std::vector<WfdbSignalSpec> specs_;
    int firstSignal_ = 0;
    bool null_ = false;
    std::string path_;
    const WfdbFormatInfo* info_ = nullptr;
    std::int64_t spfTotal_ = 0;      // samples of all the file's signals in one frame
    std::int64_t framesAvailable_ = -1;
    std::unique_ptr<BinaryFile> file_;
    std::unique_ptr<WfdbFlacStream> flac_;
};

} // namespace execg
