#include "quality/SyntheticTruth.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace execg::quality {

namespace {

double sampleOf(const nlohmann::json& beat, const std::string& key)
{
    const auto it = beat.find(key + "_sample");
    return it != beat.end() && it->is_number() ? it->get<double>() : kNoPosition;
}

} // namespace

std::optional<WaveSegmentation> readSyntheticTruth(const std::string& path, const SignalGroup& group, std::string& problem)
{
    std::ifstream in(path, std::ios::binary);
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
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

std::optional<GroundTruth> groundTruthBeside(const std::string& recordingFile, const SignalGroup& group,
                                             std::vector<std::string>& notes)
{
    const auto beside = std::filesystem::path(recordingFile).replace_extension(".json").string();
    if (!std::filesystem::is_regular_file(beside))
        return std::nullopt;
    std::string problem;
    auto waves = readSyntheticTruth(beside, group, problem);
    if (!waves) {
        notes.push_back(beside + " was not used as ground truth: " + problem);
        return std::nullopt;
    }
    return GroundTruth{beside, std::move(*waves)};
}

} // namespace execg::quality
