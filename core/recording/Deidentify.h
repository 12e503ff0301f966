#pragma once
// De-identification for teaching: a copy of a recording that names nobody. Name, ID, birth date, height and weight go;
// the age becomes a ten-year band (≥ 90 as one band); the acquisition date becomes relative ("day 0", the time of day
// kept: rhythms follow it); the institution and the device's serial number go; free text (comments, the device's
// statements, annotation texts, format-specific fields) is cleared; the source path becomes the alias. The signals,
// sex, device make and the beat labels stay: they are the teaching material.
#include "recording/Recording.h"

#include <optional>
#include <string>

namespace execg {

// "60–69 y", "≥ 90 y"; empty without an age.
std::string ageBand(std::optional<double> ageYears);

Recording deidentified(const Recording& recording, const std::string& alias);

} // namespace execg
