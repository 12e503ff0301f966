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

    // Decodes output frames [from, to) of every signal in the file at full resolution into
    // out[firstSignal + i] (each resized to (to - from) * spf and filled; missing samples = kWfdbInvalidSample).
    // `onChunk(framesDone)` is called between chunks so long reads can report progress or stop.
    void read(std::int64_t from, std::int64_t to, std::vector<std::vector<std::int32_t>>& out,
              const std::function<void(std::int64_t)>& onChunk);

private:
    void readStoredFrames(std::int64_t first, std::int64_t count, std::vector<std::int32_t>& stream);

    std::vector<WfdbSignalSpec> specs_;
    int firstSignal_ = 0;
    bool null_ = false;
    std::string path_;
    const WfdbFormatInfo* info_ = nullptr;
    int spfTotal_ = 0;               // samples of all the file's signals in one frame
    std::int64_t framesAvailable_ = -1;
    std::unique_ptr<BinaryFile> file_;
    std::unique_ptr<WfdbFlacStream> flac_;
};

} // namespace execg
