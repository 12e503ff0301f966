#pragma once
// Held-out figures of the demo models, torch-free so the tests can check them against hand-computed values.
#include <cstddef>
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

} // namespace execg::training
