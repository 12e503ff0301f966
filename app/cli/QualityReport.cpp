#include "QualityReport.h"

#include <filesystem>

namespace execg::cli {

std::optional<GroundTruth> loadGroundTruth(const CliArgs& args, const std::string& recordingFile,
                                           const SignalGroup& group, std::vector<std::string>& notes)
{
    if (const auto given = args.value("truth")) {
        if (!std::filesystem::is_regular_file(*given))
            throw UsageError("--truth " + *given + " does not exist");
        std::string problem;
        auto waves = quality::readSyntheticTruth(*given, group, problem);
        if (!waves)
            throw UsageError("--truth " + *given + ": " + problem);
        return GroundTruth{*given, std::move(*waves)};
    }
    return quality::groundTruthBeside(recordingFile, group, notes);
}

std::string scorecardLine(const quality::Scorecard& s)
{
    std::string line;
    for (const bool warnings : {true, false})
        for (const auto& v : s.verdicts)
            if (v.warning == warnings)
                line += (line.empty() ? "" : "; ") + std::string(warnings ? "WARNING " : "") + v.text;
    return line;
}

} // namespace execg::cli
