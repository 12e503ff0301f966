#pragma once
// One Waveform Sequence item (a multiplex group, PS3.3 C.10.9) → one SignalGroup.
#include "io/RecordingReader.h"

#include <functional>
#include <string>
#include <vector>

class DcmItem;

namespace execg::dicom {

struct GroupReadContext {
    std::string path;                       // for ReadError
    const ReadOptions* options = nullptr;
    bool ecgClass = true;                   // SOP class carries ECG/EP/hemodynamic leads
    std::vector<std::string>* warnings = nullptr;
    std::map<std::string, std::string>* extra = nullptr;
    // Called with the bytes decoded so far in this group; returns false to cancel.
    std::function<bool(std::uint64_t)> progress;
};

// "RHYTHM" → "rhythm"; "MEDIAN BEAT", "REPRESENTATIVE BEAT", "AVERAGE …" → "median"; other labels lower-cased,
// missing → "group N" (1-based). (readMultiplexGroup also labels
// a DERIVED group under 3 s "median" when its label is empty or names a beat, complex or template.)
std::string normaliseGroupLabel(const std::string& label, int index);

// Bytes of Waveform Data the group will decode (for progress), without reading samples.
std::uint64_t waveformDataBytes(DcmItem& item);

// Throws ReadError naming the file and the group for every inconsistency.
SignalGroup readMultiplexGroup(DcmItem& item, int index, const GroupReadContext& context);

} // namespace execg::dicom
