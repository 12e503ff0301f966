#pragma once
// `execg-cli explain --quality` and `report --quality`: the ground truth a synthetic record brings, and a scorecard's
// line on the terminal.
#include "CliArgs.h"

#include "quality/Scorecard.h"
#include "quality/SyntheticTruth.h"

#include <optional>
#include <string>
#include <vector>

namespace execg::cli {

using quality::GroundTruth;

// --truth FILE, else the synthetic generator's JSON beside the recording (same name, .json), labelled from the
// generator's own fiducials. None for a recorded ECG. A --truth file that does not fit the recording is a UsageError;
// an unfit file found beside it is skipped with a note.
std::optional<GroundTruth> loadGroundTruth(const CliArgs& args, const std::string& recordingFile,
                                           const SignalGroup& group, std::vector<std::string>& notes);

// One line for the terminal: the verdicts joined, warnings first.
std::string scorecardLine(const quality::Scorecard& s);

} // namespace execg::cli
