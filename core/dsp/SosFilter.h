#pragma once
// IIR filters as cascades of second-order sections, run forward and backward for zero phase.
// Sections rather than one long polynomial because a 0.05 Hz high-pass at 500 Hz has poles within 1e-3 of
// z = 1: expanded into a single transfer function its coefficients lose the poles to rounding.

#include <complex>
#include <string>
#include <vector>

namespace execg::dsp {

// H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2); a first-order section has b2 = a2 = 0.
struct Biquad {
    double b0 = 1, b1 = 0, b2 = 0;
    double a1 = 0, a2 = 0;
};

struct SosFilter {
    std::vector<Biquad> sections;   // applied in order; empty = identity
    std::string description;        // "Butterworth high-pass, order 2, 0.5 Hz (-3 dB per pass)", …

    bool empty() const { return sections.empty(); }
    // Cascade: this filter followed by `other` (descriptions joined with "; ").
    SosFilter& append(const SosFilter& other);
};

// Frequency response of one pass at f Hz for sampling rate fs. A forward-backward pass has |H|^2 and no phase.
std::complex<double> response(const SosFilter& filter, double f, double fs);
// 20·log10|H| of one pass; -inf at an exact zero (a notch's centre).
double gainDb(const SosFilter& filter, double f, double fs);

// Largest pole radius over all sections (< 1 for a stable filter): how slowly the filter forgets its start.
double slowestPoleRadius(const SosFilter& filter);

// Samples of padding the forward-backward pass adds beyond each end: enough for the slowest pole to decay to
// 1e-3 (order-2 0.05 Hz high-pass at 500 Hz: 15,548 = 31 s), never less than SciPy's default 3·(2·sections + 1).
std::size_t paddingLength(const SosFilter& filter);

// One causal pass in place, state initialised to the steady state for a constant input equal to data[0]
// (SciPy's sosfilt_zi scaled by the first sample), so a constant signal passes without a start-up transient.
void filterInPlace(const SosFilter& filter, std::vector<double>& data);

// Zero-phase filtering in the manner of scipy.signal.sosfiltfilt: the signal is extended at both ends by
// paddingLength() samples, filtered forward with steady-state initial conditions (sosfilt_zi scaled by the first
// padded sample), then backward likewise, and the padding removed. Magnitude response |H(f)|^2, phase exactly
// zero away from the ends.
// Padding::TrendMirror (default): the local linear trend continued, the residual mirrored (see SosFilter.cpp);
//   ramps and offsets leave no edge transient, and a record that starts or ends on a wave does not get the
//   baseline step odd extension makes there (1.4–1.7 mV for the presets, measured in docs/dsp.md).
// Padding::Odd: SciPy's padtype="odd" (point reflection about the end sample), padding limited to n − 1; kept
//   for comparison with SciPy.
// NaN-aware: each run of finite samples is filtered on its own (its own padding); non-finite samples come out as
// NaN, so a gap never smears into the samples around it. An empty filter returns the input unchanged.
enum class Padding { TrendMirror, Odd };
std::vector<float> filtfilt(const SosFilter& filter, const std::vector<float>& x, Padding padding = Padding::TrendMirror);
std::vector<double> filtfilt(const SosFilter& filter, const std::vector<double>& x, Padding padding = Padding::TrendMirror);

} // namespace execg::dsp
