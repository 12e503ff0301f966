#pragma once
// Nodes and weights for integrating along a straight path from 0 to 1, as Integrated Gradients needs.
#include <vector>

namespace execg {

struct QuadratureRule {
    std::vector<double> alphas;    // points on [0, 1], ascending
    std::vector<double> weights;   // sum to 1 for an exact rule
};

// n-point Gauss–Legendre on [0, 1] (alpha = (1 + x)/2, weight = w/2 for the nodes x and weights w on [−1, 1]),
// exact for polynomials of degree 2n − 1; the nodes from Newton's method on P_n, to double precision.
QuadratureRule gaussLegendre(int n);

// Captum's "riemann_trapezoid": n equally spaced points including both ends, each weighted 1/n with the two ends
// halved. Its weights sum to (n − 1)/n, not 1, so it underestimates the path integral by 1/n; kept because it is
// what Captum computes (ig_riemann_trapezoid.npy) and the completeness delta reports the shortfall.
QuadratureRule captumTrapezoid(int n);

} // namespace execg
