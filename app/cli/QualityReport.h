#pragma once
// `execg-cli explain --quality`: the ground truth a synthetic record brings, and the scorecard and method agreement
// in summary.json's words.
#include "CliArgs.h"

#include "measure/WaveSegmentation.h"
#include "quality/MapMetrics.h"
#include "quality/SyntheticTruth.h"
#include "quality/torch/Scorecard.h"

#include <nlohmann/json.hpp>

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

// Scorecard options for a model and the ground truth found for the recording: localisation only where the card
// names the waves that carry the label and the recording brought its truth.
quality::ScorecardOptions scorecardOptionsFor(const ModelCard& card, const std::optional<GroundTruth>& truth);

nlohmann::ordered_json scorecardJson(const quality::Scorecard& s, double agreement);
nlohmann::ordered_json agreementJson(const std::vector<std::string>& methods, const quality::AgreementMatrix& m);

// One line for the terminal: the verdicts joined, warnings first.
std::string scorecardLine(const quality::Scorecard& s);

} // namespace execg::cli
