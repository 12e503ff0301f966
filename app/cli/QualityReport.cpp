#include "QualityReport.h"

#include "CliFormat.h"

#include "quality/Localisation.h"

#include <cmath>
#include <filesystem>

namespace execg::cli {

using nlohmann::ordered_json;

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

quality::ScorecardOptions scorecardOptionsFor(const ModelCard& card, const std::optional<GroundTruth>& truth)
{
    return quality::scorecardOptionsFor(card, truth ? &truth->waves : nullptr);
}

ordered_json scorecardJson(const quality::Scorecard& s, double agreement)
{
    const auto curve = [](const quality::FaithfulnessCurve& c) {
        ordered_json out = {{"area", round6(c.area)}, {"fraction", ordered_json::array()}, {"output", ordered_json::array()}};
        for (std::size_t k = 0; k < c.fraction.size(); ++k) {
            out["fraction"].push_back(round6(c.fraction[k]));
            out["output"].push_back(round6(c.output[k]));
        }
        return out;
    };
    ordered_json q;
    q["faithfulness"] = {{"deletion", curve(s.faithfulness.deletion)},
                         {"insertion", curve(s.faithfulness.insertion)},
                         {"correlation", round6(s.faithfulness.correlation)},
                         {"random_map_deletion_area", round6(s.randomMapDeletionArea)},
                         {"deletion_gain", round6(s.deletionGain)},
                         {"note", s.faithfulness.note}};
    if (s.randomisation) {
        ordered_json steps = ordered_json::array();
        for (const auto& st : s.randomisation->steps)
            steps.push_back({{"randomised_from", st.randomisedFrom}, {"rank_correlation", round6(st.rankCorrelation)},
                             {"magnitude_rank_correlation", round6(st.magnitudeRankCorrelation)},
                             {"ssim", round6(st.ssim)}});
        q["randomisation"] = {{"passed", s.randomisation->passed}, {"steps", steps}};
    }
    q["robustness"] = {{"max_sensitivity", round6(s.robustness.maxSensitivity)},
                       {"average_sensitivity", round6(s.robustness.averageSensitivity)},
                       {"quantus_max_sensitivity", round6(s.robustness.quantusMaxSensitivity)},
                       {"quantus_average_sensitivity", round6(s.robustness.quantusAverageSensitivity)},
                       {"samples", s.robustness.samples},
                       {"note", s.robustness.note}};
    ordered_json support = ordered_json::array();
    for (double ms : s.effectiveSupportMs)
        support.push_back(round6(ms));
    q["complexity"] = {{"sparseness", round6(s.sparseness)}, {"effective_support_ms", support}};
    q["agreement"] = round6(agreement);
    if (s.localisation) {
        ordered_json waves = ordered_json::array();
        for (const auto w : s.localisation->waves)
            waves.push_back(keyOf(w));
        q["localisation"] = {{"waves", waves},
                             {"mass_share", round6(s.localisation->massShare)},
                             {"chance_share", round6(s.localisation->chanceShare)},
                             {"lift", round6(s.localisation->lift)},
                             {"pointing_hit", s.localisation->pointingHit},
                             {"note", s.localisation->note}};
    }
    ordered_json verdicts = ordered_json::array();
    for (const auto& v : s.verdicts)
        verdicts.push_back({{"text", v.text}, {"warning", v.warning}});
    q["verdicts"] = verdicts;
    q["runtime_ms"] = round6(s.runtimeMs);
    return q;
}

ordered_json agreementJson(const std::vector<std::string>& methods, const quality::AgreementMatrix& m)
{
    const auto matrix = [](const std::vector<std::vector<double>>& rows) {
        ordered_json out = ordered_json::array();
        for (const auto& row : rows) {
            ordered_json r = ordered_json::array();
            for (double v : row)
                r.push_back(round6(v));
            out.push_back(r);
        }
        return out;
    };
    return {{"methods", methods}, {"rank_correlation", matrix(m.rankCorrelation)},
            {"top_10_percent_overlap", matrix(m.topKOverlap)}};
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
