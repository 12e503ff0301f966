#include "QualityReport.h"

#include "CliFormat.h"

#include "quality/Localisation.h"

#include <cmath>
#include <filesystem>
#include <fstream>

namespace execg::cli {

namespace {

using nlohmann::ordered_json;


double sampleOf(const ordered_json& beat, const std::string& key)
{
    const auto it = beat.find(key + "_sample");
    return it != beat.end() && it->is_number() ? it->get<double>() : kNoPosition;
}

// The generator's truth JSON (execg-cli synth) as a wave segmentation of `group`; the problem in words otherwise.
std::optional<WaveSegmentation> segmentationFromTruth(const std::string& path, const SignalGroup& group, std::string& problem)
{
    std::ifstream in(path, std::ios::binary);
    ordered_json j;
    try {
        j = ordered_json::parse(in);
    } catch (const std::exception& e) {
        problem = "not valid JSON (" + std::string(e.what()) + ")";
        return std::nullopt;
    }
    if (!j.is_object() || !j.contains("beats") || !j["beats"].is_array() || !j.contains("sampling_rate_hz")) {
        problem = "not a synthetic record's ground truth (no beats, no sampling_rate_hz)";
        return std::nullopt;
    }
    const double fs = j["sampling_rate_hz"].is_number() ? j["sampling_rate_hz"].get<double>() : 0.0;
    if (std::abs(fs - group.samplingRateHz) > 1e-6) {
        problem = "its sampling rate (" + std::to_string(fs) + " Hz) is not the recording's (" +
                  std::to_string(group.samplingRateHz) + " Hz)";
        return std::nullopt;
    }
    const std::size_t samples = group.leads.empty() ? 0 : group.leads.front().samples.size();
    std::vector<std::int64_t> beats;
    std::vector<WaveFiducials> fiducials;
    for (const auto& b : j["beats"]) {
        WaveFiducials f;
        f.pOnset = sampleOf(b, "p_onset");
        f.pPeak = sampleOf(b, "p_peak");
        f.pOffset = sampleOf(b, "p_offset");
        f.qrsOnset = sampleOf(b, "qrs_onset");
        f.qrsOffset = sampleOf(b, "qrs_offset");
        f.tPeak = sampleOf(b, "t_peak");
        f.tOffset = sampleOf(b, "t_offset");
        const double peak = sampleOf(b, "qrs_peak");
        if (std::isfinite(peak) && (peak < 0 || peak >= double(samples))) {
            problem = "a beat at sample " + std::to_string(std::int64_t(peak)) + " lies outside the recording";
            return std::nullopt;
        }
        beats.push_back(std::isfinite(peak) ? std::int64_t(peak) : -1);
        fiducials.push_back(f);
    }
    return segmentFromFiducials(samples, fs, std::move(beats), std::move(fiducials));
}

} // namespace

std::optional<GroundTruth> loadGroundTruth(const CliArgs& args, const std::string& recordingFile,
                                           const SignalGroup& group, std::vector<std::string>& notes)
{
    std::string problem;
    if (const auto given = args.value("truth")) {
        if (!std::filesystem::is_regular_file(*given))
            throw UsageError("--truth " + *given + " does not exist");
        auto waves = segmentationFromTruth(*given, group, problem);
        if (!waves)
            throw UsageError("--truth " + *given + ": " + problem);
        return GroundTruth{*given, std::move(*waves)};
    }
    const auto beside = std::filesystem::path(recordingFile).replace_extension(".json").string();
    if (!std::filesystem::is_regular_file(beside))
        return std::nullopt;
    auto waves = segmentationFromTruth(beside, group, problem);
    if (!waves) {
        notes.push_back(beside + " was not used as ground truth: " + problem);
        return std::nullopt;
    }
    return GroundTruth{beside, std::move(*waves)};
}

quality::ScorecardOptions scorecardOptionsFor(const ModelCard& card, const std::optional<GroundTruth>& truth)
{
    quality::ScorecardOptions o;
    if (truth && !card.labelWaves.empty()) {
        o.truth = &truth->waves;
        o.truthWaves = card.labelWaves;
    }
    return o;
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
