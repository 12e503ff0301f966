#include "stats/Statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace execg::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> finite(const std::vector<double>& values)
{
    std::vector<double> out;
    for (double v : values)
        if (std::isfinite(v))
            out.push_back(v);
    return out;
}

double quantileOfSorted(const std::vector<double>& s, double q)
{
    if (s.empty())
        return kNaN;
    const double h = (double(s.size()) - 1.0) * std::clamp(q, 0.0, 1.0);
    const auto lo = std::size_t(std::floor(h));
    const auto hi = std::min(s.size() - 1, lo + 1);
    return s[lo] + (h - double(lo)) * (s[hi] - s[lo]);
}

// P(Binomial(n, 1/2) ≤ k).
double binomialHalfCdf(int n, int k)
{
    double sum = 0.0;
    for (int i = 0; i <= k; ++i)
        sum += std::exp(std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) - n * std::log(2.0));
    return std::min(1.0, sum);
}

double normalTwoSided(double z) { return std::erfc(std::abs(z) / std::sqrt(2.0)); }

} // namespace

double quantile(std::vector<double> values, double q)
{
    values = finite(values);
    std::sort(values.begin(), values.end());
    return quantileOfSorted(values, q);
}

BoxFigures boxFigures(const std::vector<double>& values)
{
    auto s = finite(values);
    std::sort(s.begin(), s.end());
    BoxFigures b;
    b.n = int(s.size());
    if (s.empty()) {
        b.min = b.p5 = b.q1 = b.median = b.q3 = b.p95 = b.max = b.mean = kNaN;
        return b;
    }
    b.min = s.front();
    b.max = s.back();
    b.p5 = quantileOfSorted(s, 0.05);
    b.q1 = quantileOfSorted(s, 0.25);
    b.median = quantileOfSorted(s, 0.5);
    b.q3 = quantileOfSorted(s, 0.75);
    b.p95 = quantileOfSorted(s, 0.95);
    b.mean = std::accumulate(s.begin(), s.end(), 0.0) / double(s.size());
    return b;
}

Interval medianInterval(std::vector<double> values, double level)
{
    values = finite(values);
    std::sort(values.begin(), values.end());
    const int n = int(values.size());
    // The largest k with P(B ≤ k − 1) ≤ (1 − level)/2: [x(k), x(n − k + 1)] (1-based) covers the median with at
    // least `level`.
    int k = 0;
    while (k + 1 <= n / 2 && binomialHalfCdf(n, k) <= (1.0 - level) / 2.0)
        ++k;
    if (k == 0)
        return {kNaN, kNaN};
    return {values[std::size_t(k - 1)], values[std::size_t(n - k)]};
}

SignedRank wilcoxonSignedRank(const std::vector<double>& differences)
{
    std::vector<double> d;
    for (double v : differences)
        if (std::isfinite(v) && v != 0.0)
            d.push_back(v);
    SignedRank r;
    r.n = int(d.size());
    if (r.n == 0)
        return r;
    std::vector<std::size_t> order(d.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return std::abs(d[a]) < std::abs(d[b]); });
    std::vector<double> rank(d.size());
    double tieTerm = 0.0;   // Σ (t³ − t) over groups of tied |d|
    bool ties = false;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && std::abs(d[order[j + 1]]) == std::abs(d[order[i]]))
            ++j;
        const double mean = (double(i) + double(j)) / 2.0 + 1.0;
        for (std::size_t k = i; k <= j; ++k)
            rank[order[k]] = mean;
        const double t = double(j - i + 1);
        if (t > 1) {
            ties = true;
            tieTerm += t * t * t - t;
        }
        i = j + 1;
    }
    for (std::size_t i = 0; i < d.size(); ++i)
        if (d[i] > 0)
            r.wPlus += rank[i];
    const double n = r.n, mean = n * (n + 1) / 4.0;
    const double variance = n * (n + 1) * (2 * n + 1) / 24.0 - tieTerm / 48.0;
    const double excess = std::abs(r.wPlus - mean);
    r.z = variance > 0 ? std::copysign(std::max(0.0, excess - 0.5) / std::sqrt(variance), r.wPlus - mean) : 0.0;
    if (r.n <= 50 && !ties) {
        // The number of sign assignments giving each W+ (ranks 1..n): P(W+ ≤ w) by counting, doubled for two sides.
        const int maxW = r.n * (r.n + 1) / 2;
        std::vector<double> ways(std::size_t(maxW) + 1, 0.0);
        ways[0] = 1.0;
        for (int k = 1; k <= r.n; ++k)
            for (int w = maxW; w >= k; --w)
                ways[std::size_t(w)] += ways[std::size_t(w - k)];
        const double total = std::ldexp(1.0, r.n);
        const int w = int(std::lround(std::min(r.wPlus, double(maxW) - r.wPlus)));
        double tail = 0.0;
        for (int k = 0; k <= w; ++k)
            tail += ways[std::size_t(k)];
        r.p = std::min(1.0, 2.0 * tail / total);
        r.exact = true;
    } else {
        r.p = variance > 0 ? normalTwoSided(r.z) : 1.0;
    }
    return r;
}

std::vector<double> holmAdjust(const std::vector<double>& p)
{
    const std::size_t m = p.size();
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return p[i] < p[j]; });
    std::vector<double> adjusted(m);
    double running = 0.0;
    for (std::size_t k = 0; k < m; ++k) {
        running = std::max(running, std::min(1.0, double(m - k) * p[order[k]]));
        adjusted[order[k]] = running;
    }
    return adjusted;
}

} // namespace execg::stats
