#pragma once
// Ground truth for the explanation-quality checks: the synthetic generator's own fiducials, from the JSON that
// `execg-cli synth` writes beside each record (where each P, QRS and T wave of every beat lies). A recorded ECG has
// none; localisation is then simply not measured.
#include "measure/WaveSegmentation.h"
#include "recording/Recording.h"

#include <optional>
#include <string>
#include <vector>

namespace execg::quality {

struct GroundTruth {
    std::string file;
    WaveSegmentation waves;
};

// The truth JSON at `path` as a wave segmentation of `group`; nothing, with the problem in words, when the file is
// not a synthetic record's truth or does not fit the group (other rate, beats outside it).
std::optional<WaveSegmentation> readSyntheticTruth(const std::string& path, const SignalGroup& group, std::string& problem);

// The truth lying beside `recordingFile` (same name, .json); a file there that does not fit is skipped with a note.
std::optional<GroundTruth> groundTruthBeside(const std::string& recordingFile, const SignalGroup& group,
                                             std::vector<std::string>& notes);

} // namespace execg::quality
