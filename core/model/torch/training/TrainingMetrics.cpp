#include "model/torch/training/TrainingMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
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

} // namespace execg::training
