#include "model/torch/training/TrainingMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

namespace execg::training {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void requireSameSize(std::size_t a, std::size_t b)
{
    if (a != b)
        throw std::invalid_argument("metrics: " + std::to_string(a) + " predictions for " + std::to_string(b) +
                                    " truths");
}

} // namespace

double auroc(const std::vector<float>& scores, const std::vector<float>& labels)
{
    requireSameSize(scores.size(), labels.size());
    // Rank-sum form of Mann–Whitney U: O(n log n) instead of comparing every pair; tied scores share their mean rank,
    // which is exactly the "ties count one half" rule.
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double positiveRankSum = 0.0;
    std::size_t positives = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]])
            ++j;
        const double meanRank = 0.5 * double(i + 1 + j);   // ranks i+1 … j
        for (std::size_t k = i; k < j; ++k)
            if (labels[order[k]] > 0.5f) {
                positiveRankSum += meanRank;
                ++positives;
            }
        i = j;
    }
    const std::size_t negatives = scores.size() - positives;
    if (positives == 0 || negatives == 0)
        return kNaN;
    const double u = positiveRankSum - double(positives) * double(positives + 1) / 2.0;
    return u / (double(positives) * double(negatives));
}

double meanAbsoluteError(const std::vector<float>& predicted, const std::vector<float>& truth)
{
    return meanAbsoluteErrorIn(predicted, truth, -std::numeric_limits<double>::infinity(),
                               std::numeric_limits<double>::infinity());
}

double meanAbsoluteErrorIn(const std::vector<float>& predicted, const std::vector<float>& truth, double lo, double hi,
                           std::size_t* count)
{
    requireSameSize(predicted.size(), truth.size());
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        if (truth[i] >= lo && truth[i] < hi) {
            sum += std::abs(double(predicted[i]) - double(truth[i]));
            ++n;
        }
    if (count)
        *count = n;
    return n ? sum / double(n) : kNaN;
}

double rootMeanSquareError(const std::vector<float>& predicted, const std::vector<float>& truth)
{
    requireSameSize(predicted.size(), truth.size());
    if (truth.empty())
        return kNaN;
    double sum = 0.0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const double d = double(predicted[i]) - double(truth[i]);
        sum += d * d;
    }
    return std::sqrt(sum / double(truth.size()));
}

std::vector<Interval> bootstrapIntervals(std::size_t n,
                                         const std::function<std::vector<double>(const std::vector<std::size_t>&)>& statistics,
                                         int resamples, double level, std::uint64_t seed)
{
    if (n == 0 || resamples < 100 || !(level > 0.0 && level < 1.0))
        throw std::invalid_argument("bootstrap: " + std::to_string(n) + " items, " + std::to_string(resamples) +
                                    " resamples, level " + std::to_string(level));
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    std::vector<std::vector<double>> values;   // [figure][resample]
    std::vector<std::size_t> sample(n);
    for (int b = 0; b < resamples; ++b) {
        for (auto& i : sample)
            i = pick(rng);
        const auto figures = statistics(sample);
        values.resize(std::max(values.size(), figures.size()));
        for (std::size_t k = 0; k < figures.size(); ++k)
            values[k].push_back(figures[k]);
    }
    // The resampled values at the tails' edges: with 2,000 resamples and 95 %, the 51st smallest and the 51st largest.
    const double tail = 0.5 * (1.0 - level);
    std::vector<Interval> out;
    for (auto& v : values) {
        std::sort(v.begin(), v.end());
        const auto lowAt = std::size_t(std::floor(tail * double(v.size())));
        const auto highAt = v.size() - 1 - lowAt;
        out.push_back({v[lowAt], v[highAt]});
    }
    return out;
}

} // namespace execg::training
