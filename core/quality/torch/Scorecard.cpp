#include "quality/torch/Scorecard.h"

#include "quality/MapMetrics.h"

#include <chrono>
#include <cmath>
#include <random>

namespace execg::quality {
namespace {

// Below this share of the whole output change, a map is no better (or worse) than a random one at ranking segments.
constexpr double kDeletionMargin = 0.1;

// A progress callback for the part [from, to] of the whole; cancels by throwing, as the explainers do.
ExplainProgress part(const ExplainProgress& whole, double from, double to)
{
    return [whole, from, to](double f) {
        if (whole && !whole(from + (to - from) * f))
            throw ExplainCancelled();
        return true;
    };
}

Verdict faithfulnessVerdict(const Scorecard& s)
{
    if (!s.faithfulness.note.empty() && s.deletionGain == 0.0)
        return {s.faithfulness.note, false};
    if (s.deletionGain >= kDeletionMargin)
        return {"faithful: removing what it ranks highest changes the output sooner than removing random segments", false};
    if (s.deletionGain > -kDeletionMargin)
        return {"no more faithful than a random map: removing what it ranks highest changes the output no sooner", true};
    return {"misleading: removing what it ranks highest changes the output later than removing random segments", true};
}

} // namespace

Scorecard scoreExplanation(const TorchModel& model, const AdaptedInput& input, const Explanation& e,
                           const ScorecardOptions& o)
{
    const auto t0 = std::chrono::steady_clock::now();
    if (e.modelMap.size() != input.values.size())
        throw ExplainError("explanation quality: the " + e.method + " map does not fit the model input");
    Scorecard s;
    s.method = e.method;
    ExplainOptions rerun;
    rerun.parameters = e.parameters;
    rerun.baselineInput = o.baselineInput;
    const auto explainInput = [&](const AdaptedInput& in) { return runExplanation(e.method, model, in, e.target, rerun).modelMap; };

    auto faithfulOptions = o.faithfulness;
    faithfulOptions.seed = o.seed;
    faithfulOptions.progress = part(o.progress, 0.0, 0.15);
    s.faithfulness = faithfulness(model, input, e.target, e.modelMap, faithfulOptions);

    // The bar to beat: the same deletion curve for a map of seeded noise.
    std::mt19937_64 rng(o.seed ^ 0x9e3779b97f4a7c15ull);
    std::normal_distribution<float> normal;
    std::vector<float> randomMap(e.modelMap.size());
    for (auto& v : randomMap)
        v = normal(rng);
    auto randomOptions = faithfulOptions;
    randomOptions.deletionOnly = true;
    randomOptions.progress = part(o.progress, 0.15, 0.2);
    s.randomMapDeletionArea = faithfulness(model, input, e.target, randomMap, randomOptions).deletion.area;
    const auto& deletion = s.faithfulness.deletion.output;
    const double span = deletion.empty() ? 0.0 : std::abs(deletion.front() - deletion.back());
    if (span > 1e-9 * (1.0 + std::abs(deletion.front())))
        s.deletionGain = (s.randomMapDeletionArea - s.faithfulness.deletion.area) / span;

    auto robustOptions = o.robustness;
    robustOptions.seed = o.seed;
    const auto robustProgress = part(o.progress, 0.2, o.randomisation ? 0.5 : 1.0);
    robustOptions.progress = [&](double f) { return robustProgress(f); };
    s.robustness = robustness(input, model.card(), e.modelMap, explainInput, robustOptions);

    if (o.randomisation)
        s.randomisation = cascadingRandomisation(
            model, [&](const TorchModel& m) { return runExplanation(e.method, m, input, e.target, rerun).modelMap; },
            e.modelMap, o.seed, o.randomisationThreshold, part(o.progress, 0.5, 1.0));

    s.sparseness = sparseness(e.modelMap);
    s.effectiveSupportMs = effectiveSupportMs(e.modelMap, input.leads, input.samples, input.modelRateHz);
    if (o.truth && !o.truthWaves.empty() && !e.recordingMap.empty())
        s.localisation = localise(e.recordingMap, *o.truth, o.truthWaves);

    s.verdicts.push_back(faithfulnessVerdict(s));
    if (s.randomisation)
        s.verdicts.push_back({s.randomisation->hint, !s.randomisation->passed});
    s.verdicts.push_back(robustnessVerdict(s.robustness));
    if (s.localisation)
        s.verdicts.push_back(localisationVerdict(*s.localisation));
    s.runtimeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return s;
}

ScorecardOptions scorecardOptionsFor(const ModelCard& card, const WaveSegmentation* truth)
{
    ScorecardOptions o;
    if (truth && !card.labelWaves.empty()) {
        o.truth = truth;
        o.truthWaves = card.labelWaves;
    }
    return o;
}

} // namespace execg::quality
