#include "quality/torch/Randomisation.h"

#include "model/torch/TorchModelImpl.h"
#include "quality/MapMetrics.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>

namespace execg::quality {
namespace {

std::vector<double> scaledMagnitudes(const std::vector<float>& map)
{
    double peak = 0.0;
    for (float v : map)
        peak = std::max(peak, std::abs(double(v)));
    std::vector<double> out(map.size(), 0.0);
    if (peak > 0.0)
        for (std::size_t i = 0; i < map.size(); ++i)
            out[i] = std::abs(double(map[i])) / peak;
    return out;
}

// A scratch file for one randomised copy, removed when it goes out of scope.
struct ScratchModel {
    std::filesystem::path path;
    ~ScratchModel()
    {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
    }
};

} // namespace

RandomisationCheck cascadingRandomisation(const TorchModel& model,
                                          const std::function<std::vector<float>(const TorchModel&)>& explain,
                                          const std::vector<float>& original, std::uint64_t seed, double threshold,
                                          const ExplainProgress& progress)
{
    auto copy = model.impl().module.clone();
    std::vector<std::pair<std::string, torch::jit::Module>> children;
    for (const auto& c : copy.named_children())
        children.emplace_back(c.name, c.value);
    if (children.empty())
        children.emplace_back("(the model)", copy);
    const auto originalScaled = scaledMagnitudes(original);

    torch::Generator generator = at::detail::createCPUGenerator(seed);
    RandomisationCheck check;
    const auto scratchDir = std::filesystem::temp_directory_path();
    for (std::size_t k = children.size(); k-- > 0;) {
        {
            torch::NoGradGuard noGrad;
            for (auto p : children[k].second.parameters()) {
                const double spread = p.numel() > 1 ? p.std().item<double>() : std::abs(p.item<double>());
                p.copy_(torch::randn(p.sizes(), generator, p.options()) * (spread > 0.0 ? spread : 0.1));
            }
        }
        static std::atomic<unsigned> serial{0};
        ScratchModel scratch{scratchDir / ("execg-randomised-" + std::to_string(::getpid()) + "-" +
                                           std::to_string(serial++) + ".pt")};
        copy.save(scratch.path.string());
        const TorchModel randomised(scratch.path.string(), model.card());
        const auto raw = explain(randomised);
        const auto map = scaledMagnitudes(raw);
        check.steps.push_back({children[k].first, spearman(original, raw),
                               spearman(std::span<const double>(originalScaled), map), globalSsim(originalScaled, map)});
        if (progress && !progress(double(children.size() - k) / double(children.size())))
            throw ExplainCancelled();
    }
    if (std::all_of(original.begin(), original.end(), [](float v) { return v == 0.0f; })) {
        check.hint = "the map is all zeros: the randomisation check cannot judge it";
        return check;
    }
    // Judged on the map as shown (signed where the method keeps the sign): the magnitudes of input-weighted maps
    // (input × gradient, integrated gradients) keep the ECG's own shape whatever the weights.
    const auto& last = check.steps.back();
    check.passed = std::abs(last.rankCorrelation) < threshold;
    if (!check.passed)
        check.hint = "this map barely changes when the model's weights are randomised: do not trust it";
    else if (std::abs(last.magnitudeRankCorrelation) >= threshold)
        check.hint = "the map's signs change when the model's weights are randomised, but its strength follows the "
                     "ECG itself: read where it is positive or negative, not only where it is strong";
    else
        check.hint = "the map changes when the model's weights are randomised: it depends on what the model learned";
    return check;
}

} // namespace execg::quality
