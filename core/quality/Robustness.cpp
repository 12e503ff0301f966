#include "quality/Robustness.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>

namespace execg::quality {
namespace {

double norm(const std::vector<float>& v)
{
    double s = 0.0;
    for (float x : v)
        s += double(x) * double(x);
    return std::sqrt(s);
}

double distance(const std::vector<float>& a, const std::vector<float>& b)
{
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        s += (double(a[i]) - double(b[i])) * (double(a[i]) - double(b[i]));
    return std::sqrt(s);
}

// Conventions (docs/explanation-quality.md): a change of under a tenth of the map's own size hardly shows on a
// heatmap's colour scale; one of over 30 % moves its hot spots.
constexpr double kStable = 0.1, kUnstable = 0.3;

} // namespace

std::vector<AdaptedInput> physiologicalPerturbations(const AdaptedInput& input, const ModelCard& card,
                                                     const RobustnessOptions& o)
{
    if (input.mv.size() != input.values.size())
        throw std::invalid_argument("the model input carries no mV samples to perturb");
    std::mt19937_64 rng(o.seed);
    std::normal_distribution<double> noise(0.0, o.perturbation.noiseUv * 1e-3);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<AdaptedInput> copies;
    for (int k = 0; k < o.samples; ++k) {
        AdaptedInput c = input;
        const double hz = o.perturbation.driftMinHz + (o.perturbation.driftMaxHz - o.perturbation.driftMinHz) * unit(rng);
        for (int l = 0; l < c.leads; ++l) {
            const double amplitude = o.perturbation.driftMv * (2.0 * unit(rng) - 1.0);
            const double phase = 2.0 * std::numbers::pi * unit(rng);
            float* row = c.mv.data() + std::size_t(l) * std::size_t(c.samples);
            for (int i = 0; i < c.validSamples; ++i)
                row[i] += float(noise(rng) + amplitude * std::sin(2.0 * std::numbers::pi * hz * i / c.modelRateHz + phase));
        }
        normaliseToCard(c, card);
        copies.push_back(std::move(c));
    }
    return copies;
}

Robustness sensitivity(const AdaptedInput& input, const std::vector<float>& map,
                       const std::vector<std::vector<float>>& perturbedMaps)
{
    Robustness r;
    r.samples = int(perturbedMaps.size());
    const double mapNorm = norm(map), inputNorm = norm(input.values);
    if (perturbedMaps.empty())
        return r;
    double sum = 0.0, quantusSum = 0.0;
    for (const auto& p : perturbedMaps) {
        if (p.size() != map.size())
            throw std::invalid_argument("a perturbed map has " + std::to_string(p.size()) + " values, the map " +
                                        std::to_string(map.size()));
        const double d = distance(map, p);
        const double relative = mapNorm > 0.0 ? d / mapNorm : 0.0, quantus = inputNorm > 0.0 ? d / inputNorm : 0.0;
        r.maxSensitivity = std::max(r.maxSensitivity, relative);
        r.quantusMaxSensitivity = std::max(r.quantusMaxSensitivity, quantus);
        sum += relative;
        quantusSum += quantus;
    }
    r.averageSensitivity = sum / double(perturbedMaps.size());
    r.quantusAverageSensitivity = quantusSum / double(perturbedMaps.size());
    if (!(mapNorm > 0.0))
        r.note = "the map is all zeros: its change under noise cannot be put relative to it (sensitivity set to 0)";
    else if (!(inputNorm > 0.0))
        r.note = "the input is all zeros: the input-relative sensitivity is set to 0";
    return r;
}

Robustness robustness(const AdaptedInput& input, const ModelCard& card, const std::vector<float>& map,
                      const std::function<std::vector<float>(const AdaptedInput&)>& explain,
                      const RobustnessOptions& options)
{
    const auto copies = physiologicalPerturbations(input, card, options);
    std::vector<std::vector<float>> maps;
    for (std::size_t k = 0; k < copies.size(); ++k) {
        maps.push_back(explain(copies[k]));
        if (options.progress && !options.progress(double(k + 1) / double(copies.size())))
            return {};
    }
    return sensitivity(input, map, maps);
}

Verdict robustnessVerdict(const Robustness& r)
{
    if (!r.note.empty() || r.samples == 0)
        return {"stability not judged" + (r.note.empty() ? std::string() : ": " + r.note), false};
    if (r.averageSensitivity < kStable)
        return {"stable: noise and baseline drift a clinician would ignore barely change it", false};
    if (r.averageSensitivity < kUnstable)
        return {"moderately stable under noise and baseline drift", false};
    return {"changes a lot under noise and baseline drift a clinician would ignore: read it with care", true};
}

} // namespace execg::quality
