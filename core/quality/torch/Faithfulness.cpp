#include "quality/torch/Faithfulness.h"

#include "dsp/FilterDesign.h"
#include "dsp/SosFilter.h"
#include "explain/torch/Gradients.h"
#include "quality/MapMetrics.h"
#include "model/torch/TorchModelImpl.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace execg::quality {
namespace {

struct Segment {
    int lead, sample0, samples;
    double attribution = 0.0;   // Σ of the map over the segment (signed: evidence for the target)
};

std::vector<Segment> segmentsOf(const AdaptedInput& in, const std::vector<float>& map, double segmentMs)
{
    const int window = std::max(1, int(std::lround(segmentMs * 1e-3 * in.modelRateHz)));
    std::vector<Segment> segments;
    for (int l = 0; l < in.leads; ++l)
        for (int s = 0; s < in.samples; s += window) {
            Segment g{l, s, std::min(window, in.samples - s)};
            for (int k = g.sample0; k < g.sample0 + g.samples; ++k)
                g.attribution += map[std::size_t(l) * std::size_t(in.samples) + std::size_t(k)];
            segments.push_back(g);
        }
    return segments;
}

AdaptedInput removalBaseline(const AdaptedInput& in, const FaithfulnessOptions& o)
{
    AdaptedInput b = in;
    for (int l = 0; l < in.leads; ++l) {
        const auto begin = b.values.begin() + std::ptrdiff_t(l) * in.samples, end = begin + in.samples;
        if (o.baseline == RemovalBaseline::Zero) {
            std::fill(begin, end, 0.0f);
        } else if (o.baseline == RemovalBaseline::Isoelectric) {
            std::vector<float> sorted(begin, end);
            std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 2), sorted.end());
            std::fill(begin, end, sorted.empty() ? 0.0f : sorted[sorted.size() / 2]);
        } else {
            const auto filter = dsp::butterworthLowPass(2, o.lowPassHz, in.modelRateHz);
            const auto y = dsp::filtfilt(filter, std::vector<float>(begin, end));
            std::copy(y.begin(), y.end(), begin);
        }
    }
    return b;
}

double trapezoidArea(const std::vector<double>& x, const std::vector<double>& y)
{
    double a = 0.0;
    for (std::size_t i = 1; i < x.size(); ++i)
        a += 0.5 * (x[i] - x[i - 1]) * (y[i] + y[i - 1]);
    return a;
}

} // namespace

Faithfulness faithfulness(const TorchModel& model, const AdaptedInput& input, int target, const std::vector<float>& map,
                          const FaithfulnessOptions& o)
{
    if (map.size() != input.values.size())
        throw ExplainError("explanation quality: the map does not fit the model input");
    if (target < 0 || target >= model.outputCount())
        throw ExplainError("explanation quality: target " + std::to_string(target) + " is out of range");
    const auto segments = segmentsOf(input, map, o.segmentMs);
    const AdaptedInput baseline = removalBaseline(input, o);
    // Most attributed first; ties keep lead-then-time order.
    std::vector<std::size_t> order(segments.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return segments[a].attribution > segments[b].attribution; });
    const int steps = std::max(1, std::min(o.steps, int(segments.size())));
    std::vector<std::size_t> removedAt;   // segments removed after each step
    for (int k = 0; k <= steps; ++k)
        removedAt.push_back(std::size_t(std::llround(double(k) * double(segments.size()) / steps)));

    ExplainRequest request;
    request.model = &model;
    request.input = &input;
    request.target = target;
    request.parameters = ParameterValues({{"batch", std::to_string(std::max(1, o.batch))}});
    request.progress = o.progress;

    const auto x = toTensor({input}), base = toTensor({baseline});
    const auto copySegment = [&](torch::Tensor copy, const torch::Tensor& from, const Segment& g) {
        copy[g.lead].slice(0, g.sample0, g.sample0 + g.samples).copy_(from[0][g.lead].slice(0, g.sample0, g.sample0 + g.samples));
    };
    // Deletion: from x, replace the first removedAt[k] segments by the baseline; insertion: from the baseline,
    // restore them from x.
    const auto curve = [&](bool insertion, double from, double to) {
        const auto values = perturbedOutputs(request, removedAt.size(), [&](std::size_t k, torch::Tensor copy) {
            if (insertion)
                copy.copy_(base[0]);
            for (std::size_t j = 0; j < removedAt[k]; ++j)
                copySegment(copy, insertion ? x : base, segments[order[j]]);
        }, from, to);
        FaithfulnessCurve c;
        for (std::size_t k = 0; k < removedAt.size(); ++k)
            c.fraction.push_back(double(removedAt[k]) / double(segments.size()));
        c.output = values;
        c.area = trapezoidArea(c.fraction, c.output);
        return c;
    };
    Faithfulness r;
    if (o.deletionOnly) {
        r.deletion = curve(false, 0.0, 1.0);
        return r;
    }
    r.deletion = curve(false, 0.0, 0.3);
    r.insertion = curve(true, 0.3, 0.6);

    // Faithfulness correlation: random subsets of segments set to the baseline.
    const double fx = r.deletion.output.front();
    std::mt19937_64 rng(o.seed);
    const auto subsetSize = std::max<std::size_t>(1, std::size_t(std::lround(o.subsetShare * double(segments.size()))));
    std::vector<std::vector<std::size_t>> subsets;
    std::vector<double> attributionSums;
    std::vector<std::size_t> all(segments.size());
    std::iota(all.begin(), all.end(), std::size_t(0));
    for (int s = 0; s < std::max(2, o.subsets); ++s) {
        std::vector<std::size_t> pick;
        std::sample(all.begin(), all.end(), std::back_inserter(pick), subsetSize, rng);
        double sum = 0.0;
        for (std::size_t j : pick)
            sum += segments[j].attribution;
        subsets.push_back(std::move(pick));
        attributionSums.push_back(sum);
    }
    auto drops = perturbedOutputs(request, subsets.size(), [&](std::size_t k, torch::Tensor copy) {
        for (std::size_t j : subsets[k])
            copySegment(copy, base, segments[j]);
    }, 0.6, 1.0);
    for (auto& d : drops)
        d = fx - d;
    r.correlation = pearson(attributionSums, drops);
    const bool flatMap = std::all_of(map.begin(), map.end(), [](float v) { return v == 0.0f; });
    const bool flatOutput = std::all_of(drops.begin(), drops.end(), [&](double d) { return std::abs(d) <= 1e-9 * (1.0 + std::abs(fx)); });
    if (flatMap)
        r.note = "the map is all zeros: it ranks nothing, so the curves follow segment order and the correlation is 0";
    else if (flatOutput)
        r.note = "the output does not change when segments are removed: faithfulness cannot be judged, correlation set to 0";
    return r;
}

} // namespace execg::quality
