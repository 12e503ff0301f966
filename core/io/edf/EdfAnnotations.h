#pragma once
// EDF+ time-stamped annotation lists (TALs), as one data record's "EDF Annotations" signal holds them:
// "+onset[\x15duration]\x14text\x14…\x14\x00", the first of each record a time-keeping TAL with no text that states
// the record's start. Malformed lists give warnings, never a crash.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace execg::edf {

struct AnnotationEvent {
    double onset = 0.0;      // seconds from the file's start
    double duration = 0.0;   // 0 when not stated
    std::string text;
};

struct AnnotationRecord {
    std::optional<double> recordStart;   // the time-keeping TAL's onset
    std::vector<AnnotationEvent> events;
    std::vector<std::string> warnings;
};

AnnotationRecord parseAnnotationRecord(const std::vector<std::uint8_t>& bytes);

// One record's annotation signal for `recordStart` and the events in it, padded with zeros to `bytes` (throws
// std::length_error when they do not fit).
std::vector<std::uint8_t> formatAnnotationRecord(double recordStart, const std::vector<AnnotationEvent>& events, std::size_t bytes);

} // namespace execg::edf
