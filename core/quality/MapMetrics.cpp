#include "quality/MapMetrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace execg::quality {
namespace {

template <typename T>
void requireSameSize(std::span<const T> a, std::span<const T> b)
{
    if (a.size() != b.size())
        throw std::invalid_argument("maps of different sizes (" + std::to_string(a.size()) + " and " +
                                    std::to_string(b.size()) + ")");
}

// Average ranks (1-based), ties sharing the mean of the ranks they span.
template <typename T>
std::vector<double> ranks(std::span<const T> v)
{
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return v[i] < v[j]; });
    std::vector<double> r(v.size());
    for (std::size_t first = 0; first < order.size();) {
        std::size_t last = first + 1;
        while (last < order.size() && v[order[last]] == v[order[first]])
            ++last;
        const double mean = 0.5 * double(first + 1 + last);   // mean of ranks first+1 … last
        for (std::size_t k = first; k < last; ++k)
            r[order[k]] = mean;
        first = last;
    }
    return r;
}

// Indices of the k largest |v|, position breaking ties (earlier first).
std::vector<std::size_t> topIndices(std::span<const float> v, std::size_t k)
{
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return std::abs(v[i]) > std::abs(v[j]); });
    order.resize(std::min(k, order.size()));
    std::sort(order.begin(), order.end());
    return order;
}

// Means, and sums of squared deviations and of cross products, of two equally long series.
struct Moments {
    double meanA = 0.0, meanB = 0.0, ssA = 0.0, ssB = 0.0, crossAB = 0.0;
};

Moments moments(std::span<const double> a, std::span<const double> b)
{
    requireSameSize(a, b);
    Moments m;
    if (a.empty())
        return m;
    const double n = double(a.size());
    m.meanA = std::accumulate(a.begin(), a.end(), 0.0) / n;
    m.meanB = std::accumulate(b.begin(), b.end(), 0.0) / n;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double da = a[i] - m.meanA, db = b[i] - m.meanB;
        m.ssA += da * da;
        m.ssB += db * db;
        m.crossAB += da * db;
    }
    return m;
}

template <typename T>
double spearmanOf(std::span<const T> a, std::span<const T> b)
{
    requireSameSize(a, b);
    const auto ra = ranks(a), rb = ranks(b);
    return pearson(ra, rb);
}

} // namespace

double sparseness(std::span<const float> map)
{
    std::vector<double> a(map.size());
    std::transform(map.begin(), map.end(), a.begin(), [](float v) { return std::abs(double(v)); });
    std::sort(a.begin(), a.end());
    const double total = std::accumulate(a.begin(), a.end(), 0.0);
    if (a.empty() || total <= 0.0)
        return 0.0;
    const double n = double(a.size());
    double weighted = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        weighted += (2.0 * double(i + 1) - n - 1.0) * a[i];
    return weighted / (n * total);
}

std::vector<double> effectiveSupportMs(std::span<const float> map, int leads, int samples, double samplingRateHz,
                                       double share)
{
    if (leads < 0 || samples < 0 || map.size() != std::size_t(leads) * std::size_t(samples))
        throw std::invalid_argument("map size does not match leads × samples");
    std::vector<double> out;
    for (int l = 0; l < leads; ++l) {
        std::vector<double> a(static_cast<std::size_t>(samples));
        for (int s = 0; s < samples; ++s)
            a[std::size_t(s)] = std::abs(double(map[std::size_t(l) * std::size_t(samples) + std::size_t(s)]));
        std::sort(a.begin(), a.end(), std::greater<>());
        const double total = std::accumulate(a.begin(), a.end(), 0.0);
        std::size_t count = 0;
        if (total > 0.0) {
            double sum = 0.0;
            while (count < a.size() && sum < share * total * (1.0 - 1e-12))
                sum += a[count++];
        }
        out.push_back(double(count) * 1000.0 / samplingRateHz);
    }
    return out;
}

double pearson(std::span<const double> a, std::span<const double> b)
{
    const Moments m = moments(a, b);
    if (a.size() < 2)
        return 0.0;
    // Constant up to rounding (a model output that does not move): no correlation to speak of.
    const double tiny = 1e-24 * double(a.size());
    if (m.ssA <= tiny * std::max(1.0, m.meanA * m.meanA) || m.ssB <= tiny * std::max(1.0, m.meanB * m.meanB))
        return 0.0;
    return m.crossAB / std::sqrt(m.ssA * m.ssB);
}

double spearman(std::span<const float> a, std::span<const float> b) { return spearmanOf(a, b); }
double spearman(std::span<const double> a, std::span<const double> b) { return spearmanOf(a, b); }

double globalSsim(std::span<const double> a, std::span<const double> b)
{
    const Moments m = moments(a, b);
    if (a.empty())
        return 0.0;
    const double n = double(a.size());
    const double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
    return ((2 * m.meanA * m.meanB + c1) * (2 * m.crossAB / n + c2)) /
           ((m.meanA * m.meanA + m.meanB * m.meanB + c1) * ((m.ssA + m.ssB) / n + c2));
}

double topKOverlap(std::span<const float> a, std::span<const float> b, double fraction)
{
    requireSameSize(a, b);
    if (a.empty())
        return 0.0;
    const auto k = std::max<std::size_t>(1, std::size_t(std::lround(std::clamp(fraction, 0.0, 1.0) * double(a.size()))));
    const auto ta = topIndices(a, k), tb = topIndices(b, k);
    std::vector<std::size_t> common;
    std::set_intersection(ta.begin(), ta.end(), tb.begin(), tb.end(), std::back_inserter(common));
    return double(common.size()) / double(k);
}

AgreementMatrix agreement(const std::vector<std::vector<float>>& maps, double topFraction)
{
    const std::size_t m = maps.size();
    AgreementMatrix r{std::vector<std::vector<double>>(m, std::vector<double>(m, 1.0)),
                      std::vector<std::vector<double>>(m, std::vector<double>(m, 1.0))};
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = i + 1; j < m; ++j) {
            r.rankCorrelation[i][j] = r.rankCorrelation[j][i] = spearman(maps[i], maps[j]);
            r.topKOverlap[i][j] = r.topKOverlap[j][i] = topKOverlap(maps[i], maps[j], topFraction);
        }
    return r;
}

std::vector<double> meanAgreement(const AgreementMatrix& m)
{
    const std::size_t n = m.rankCorrelation.size();
    std::vector<double> out(n, 1.0);
    for (std::size_t i = 0; i < n && n > 1; ++i) {
        double sum = 0.0;
        for (std::size_t j = 0; j < n; ++j)
            sum += i == j ? 0.0 : m.rankCorrelation[i][j];
        out[i] = sum / double(n - 1);
    }
    return out;
}

} // namespace execg::quality
