#pragma once
// Held-out figures of the demo models, torch-free so the tests can check them against hand-computed values.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace execg::training {

// Area under the ROC curve as the Mann–Whitney statistic: the chance that a random positive scores above a random
// negative, ties counting one half. Labels are 0/1 (anything > 0.5 is positive). NaN when a class is absent.
double auroc(const std::vector<float>& scores, const std::vector<float>& labels);

// Mean absolute error; NaN for empty input. Throws std::invalid_argument on a size mismatch (also rmse).
double meanAbsoluteError(const std::vector<float>& predicted, const std::vector<float>& truth);

// Root mean square error over every value.
double rootMeanSquareError(const std::vector<float>& predicted, const std::vector<float>& truth);

// MAE over the items whose truth lies in [lo, hi); count receives how many there were.
double meanAbsoluteErrorIn(const std::vector<float>& predicted, const std::vector<float>& truth, double lo, double hi,
                           std::size_t* count = nullptr);

// A two-sided percentile interval of a statistic.
struct Interval {
    double low = 0.0, high = 0.0;
};

// Percentile bootstrap: `statistics` (several figures from one sample, e.g. every class's F1) evaluated on
// `resamples` resamplings with replacement of the n items — each a list of n item indices — from a fixed seed, so the
// same data give the same intervals. One interval per figure, covering `level` of the resampled values. How far a
// held-out figure could move on another sample of the same size: 100 AF recordings make AF F1 uncertain by several
// hundredths. Throws std::invalid_argument for no items, fewer than 100 resamples or a level outside (0, 1).
std::vector<Interval> bootstrapIntervals(std::size_t n,
                                         const std::function<std::vector<double>(const std::vector<std::size_t>&)>& statistics,
                                         int resamples = 2000, double level = 0.95, std::uint64_t seed = 1);

} // namespace execg::training
