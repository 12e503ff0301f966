#pragma once
// The few statistics the population figures need, written out rather than pulled in: quantiles and box-plot
// figures, the distribution-free confidence interval of a median, Wilcoxon's signed-rank test for paired changes,
// and Holm's step-down correction for many tests at once.
#include <cstddef>
#include <vector>

namespace execg::stats {

// Linear interpolation between order statistics (R's type 7, NumPy's default); NaN for no values.
double quantile(std::vector<double> values, double q);

struct BoxFigures {
    int n = 0;
    double min = 0, p5 = 0, q1 = 0, median = 0, q3 = 0, p95 = 0, max = 0, mean = 0;   // NaN when n = 0
};
BoxFigures boxFigures(const std::vector<double>& values);   // NaNs are left out

// The median's distribution-free confidence interval from order statistics (the sign test's inversion): the widest
// [x(k), x(n−k+1)] whose coverage is at least `level`. NaN bounds when n is too small for that coverage (n < 6 at 95 %).
struct Interval {
    double low = 0, high = 0;
};
Interval medianInterval(std::vector<double> values, double level = 0.95);

// Wilcoxon's signed-rank test of paired differences against 0, two-sided: zeros dropped, ties given their mean rank.
// Exact (the null distribution of W+ enumerated) for up to 50 non-zero differences without ties; otherwise the
// normal approximation with the tie correction and a continuity correction of 0.5.
struct SignedRank {
    int n = 0;            // non-zero differences
    double wPlus = 0;     // the sum of the positive differences' ranks
    double z = 0;         // the normal approximation's statistic (also given when the p-value is exact)
    double p = 1;         // two-sided
    bool exact = false;
};
SignedRank wilcoxonSignedRank(const std::vector<double>& differences);

// Holm's step-down adjustment of p-values (same order as given; never above 1).
std::vector<double> holmAdjust(const std::vector<double>& p);

} // namespace execg::stats
