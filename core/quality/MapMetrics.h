#pragma once
// Explanation-quality measures that need only the attribution maps (no model): how concentrated a map is, how much
// time it spans per lead, and how far two methods' maps agree. Each says what it returns for a map of zeros or a
// constant map instead of dividing by zero. Formulas and sources in docs/explanation-quality.md.
#include <cstddef>
#include <span>
#include <vector>

namespace execg::quality {

// Gini index of |a| (Chalasani et al. 2020, "Concise explanations of neural networks using adversarial training";
// Quantus' Sparseness): with |a| sorted ascending, G = Σᵢ (2i − n − 1)·|a|₍ᵢ₎ / (n·Σ|a|), i = 1…n. 0 when every
// sample carries the same weight, (n − 1)/n when one sample carries all. A map of zeros gives 0.
double sparseness(std::span<const float> map);

// Per lead (map is leads × samples, row-major): the fewest samples whose |a| add up to `share` of that lead's total,
// in milliseconds at `samplingRateHz`. 0 for a lead whose map is all zeros.
std::vector<double> effectiveSupportMs(std::span<const float> map, int leads, int samples, double samplingRateHz,
                                       double share = 0.9);

// Pearson's correlation of two series of one length; 0 when either is constant (to rounding) or shorter than 2.
double pearson(std::span<const double> a, std::span<const double> b);

// Spearman's rank correlation of two maps of one shape (ties get their average rank). 0 when either map is
// constant (no ranking to compare).
double spearman(std::span<const float> a, std::span<const float> b);
double spearman(std::span<const double> a, std::span<const double> b);

// SSIM of two equally long series, computed over the whole series as one window (Wang et al. 2004), on values in
// [0, 1]: C1 = (0.01)², C2 = (0.03)². 0 for empty series.
double globalSsim(std::span<const double> a, std::span<const double> b);

// Share of the `fraction` most-attributed samples (by |a|) that the two maps have in common: |topₖ(a) ∩ topₖ(b)| / k,
// k = max(1, round(fraction · n)). Ties at the cut are broken by position, the same way for both maps.
double topKOverlap(std::span<const float> a, std::span<const float> b, double fraction);

// Agreement between several methods' maps: the symmetric matrices of spearman() and topKOverlap(), 1 on the diagonal.
struct AgreementMatrix {
    std::vector<std::vector<double>> rankCorrelation, topKOverlap;
};
AgreementMatrix agreement(const std::vector<std::vector<float>>& maps, double topFraction = 0.1);

// Per method, its mean rank correlation with every other method (the scorecard's "agreement"); 1 for a lone method.
std::vector<double> meanAgreement(const AgreementMatrix& m);

} // namespace execg::quality
