#pragma once
// Digital IIR designs from analog prototypes by the bilinear transform, with the critical frequency prewarped
// (tan) so the digital filter has its -3 dB point exactly at the requested frequency. Same results as
// scipy.signal.butter(..., output="sos") and scipy.signal.iirnotch, up to section order and gain placement
// (here each section has unity gain in its passband, which keeps intermediate values at signal scale).
//
// Errors: nonsense parameters (order outside 1..10, a frequency <= 0, fs <= 0, a high-pass at or above Nyquist)
// throw std::invalid_argument. A low-pass or notch at or above Nyquist is not an error: there is nothing above
// Nyquist to remove, so the result is an empty (identity) filter whose description says it was skipped.

#include "dsp/SosFilter.h"

namespace execg::dsp {

inline constexpr int kMaxButterworthOrder = 10;

// |H(f)|^2 = 1 / (1 + (tan(pi f/fs) / tan(pi fc/fs))^(2·order)): -3.01 dB at fc for one pass.
SosFilter butterworthLowPass(int order, double cutoffHz, double fs);
// |H(f)|^2 = 1 / (1 + (tan(pi fc/fs) / tan(pi f/fs))^(2·order)).
SosFilter butterworthHighPass(int order, double cutoffHz, double fs);

// Second-order notch (zeros on the unit circle at f0) with -3 dB bandwidth f0/q Hz per pass.
// harmonics = how many multiples of f0 to notch (1 = the fundamental only); each harmonic keeps the
// fundamental's bandwidth in Hz (q grows with the multiple) so the harmonics cost no more ECG band than the
// fundamental. Multiples at or above Nyquist are left out.
SosFilter notchFilter(double f0, double q, double fs, int harmonics = 1);

} // namespace execg::dsp
