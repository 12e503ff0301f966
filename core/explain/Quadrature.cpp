#include "explain/Quadrature.h"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace execg {

QuadratureRule gaussLegendre(int n)
{
    if (n < 1)
        throw std::invalid_argument("Gauss–Legendre needs at least one node");
    QuadratureRule rule;
    rule.alphas.resize(std::size_t(n));
    rule.weights.resize(std::size_t(n));
    for (int i = 0; i < (n + 1) / 2; ++i) {
        // Tricomi's estimate of the i-th largest root, then Newton on P_n via the three-term recurrence.
        double x = std::cos(std::numbers::pi * (i + 0.75) / (n + 0.5));
        double dp = 0.0;
        for (int iteration = 0; iteration < 100; ++iteration) {
            double p0 = 1.0, p1 = x;
            for (int k = 2; k <= n; ++k) {
                const double p2 = ((2.0 * k - 1.0) * x * p1 - (k - 1.0) * p0) / k;
                p0 = p1;
                p1 = p2;
            }
            const double pn = n == 1 ? x : p1, pn1 = n == 1 ? 1.0 : p0;
            dp = n * (x * pn - pn1) / (x * x - 1.0);
            const double dx = pn / dp;
            x -= dx;
            if (std::abs(dx) < 1e-16)
                break;
        }
        // Recompute the derivative at the converged root for the weight.
        double p0 = 1.0, p1 = x;
        for (int k = 2; k <= n; ++k) {
            const double p2 = ((2.0 * k - 1.0) * x * p1 - (k - 1.0) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        dp = n == 1 ? 1.0 : n * (x * p1 - p0) / (x * x - 1.0);
        const double w = 2.0 / ((1.0 - x * x) * dp * dp);
        // Roots come largest first; store ascending on [0, 1].
        rule.alphas[std::size_t(n - 1 - i)] = 0.5 * (1.0 + x);
        rule.alphas[std::size_t(i)] = 0.5 * (1.0 - x);
        rule.weights[std::size_t(n - 1 - i)] = rule.weights[std::size_t(i)] = 0.5 * w;
    }
    return rule;
}

QuadratureRule captumTrapezoid(int n)
{
    if (n < 2)
        throw std::invalid_argument("the trapezoid rule needs at least two points");
    QuadratureRule rule;
    for (int i = 0; i < n; ++i) {
        rule.alphas.push_back(double(i) / double(n - 1));
        rule.weights.push_back(1.0 / n);
    }
    rule.weights.front() /= 2.0;
    rule.weights.back() /= 2.0;
    return rule;
}

} // namespace execg
