#pragma once
// Anti-aliased resampling between any two rates: a Kaiser-windowed sinc low-pass evaluated as a polyphase FIR.
// Models expect one rate (100, 250, 500 Hz) and recordings come at 128, 257, 360, 500, 1000 Hz or more; the
// resampled signal must keep its wave amplitudes (a 0.1 mV ST shift is a diagnosis) and its timing (a beat
// must not move), and the same machinery must map a per-sample result at the model rate back onto the recording.
//
// Time convention: output sample k lies at time k/fsOut, input sample n at n/fsIn, both from the same origin, so
// the kernel is centred (no group delay to compensate, nothing shifts). Ends: the signal is extended by point
// reflection about its end samples, as filtfilt does, so a baseline offset does not dip at the ends.
// NaN-aware: each run of finite samples is resampled on its own; an output sample whose nearest input sample
// is missing is NaN.

#include "recording/Recording.h"

#include <complex>
#include <cstdint>
#include <vector>

namespace execg::dsp {

struct ResampleOptions {
    double passbandFraction = 0.8;          // passband edge as a fraction of the lower Nyquist frequency
    double stopbandAttenuationDb = 90.0;    // from the lower Nyquist frequency up; also the passband ripple (3e-5)
    int maxFactor = 1024;                   // cap on the up (L) and down (M) factors of the rational ratio
};

// fsOut/fsIn = up/down in lowest terms, when such factors within the cap reproduce the ratio to 1e-12.
struct RationalRatio {
    std::int64_t up = 1, down = 1;
    bool exact = false;   // false: no small ratio fits; time positions are then computed directly (see Resampler)
};
RationalRatio rationalRatio(double fsIn, double fsOut, int maxFactor = 1024);

// round(n · fsOut / fsIn): the length resample() returns.
std::size_t resampledLength(std::size_t n, double fsIn, double fsOut);
// The sample index at fsOut closest in time to sample `index` at fsIn (for annotations and fiducials).
std::int64_t mapSampleIndex(std::int64_t index, double fsIn, double fsOut);

// A designed resampler for one pair of rates, reusable across leads.
// Exact ratios use `up` polyphase branches of the kernel; other ratios use 32–2048 branches (more for a wider
// kernel passband) with linear interpolation between neighbouring branches (kernel error < 1e-5).
class Resampler {
public:
    Resampler(double fsIn, double fsOut, const ResampleOptions& options = {});   // std::invalid_argument on bad rates

    // `outLength` samples: output k is at input position (firstOut + k)·fsIn/fsOut − firstIn, i.e. the two
    // signals start at samples firstIn and firstOut of the same recording (a time window keeps its place).
    std::vector<float> process(const std::vector<float>& x, std::size_t outLength, std::int64_t firstIn = 0,
                               std::int64_t firstOut = 0) const;

    double fsIn() const { return fsIn_; }
    double fsOut() const { return fsOut_; }
    RationalRatio ratio() const { return ratio_; }
    double passbandEdgeHz() const;           // flat to within the ripple up to here
    double stopbandEdgeHz() const;           // attenuated by stopbandAttenuationDb from here (the lower Nyquist)
    // Frequency response of the anti-alias kernel at f Hz (all branches interleaved, i.e. the prototype low-pass
    // at branches × fsIn), for documentation and tests.
    std::complex<double> response(double fHz) const;
    std::size_t tapsPerBranch() const { return taps_; }
    std::size_t branches() const { return branches_; }

private:
    double fsIn_, fsOut_;
    ResampleOptions options_;
    RationalRatio ratio_;
    std::size_t branches_ = 1;    // kernel sampled at 1/branches_ of an input sample
    std::size_t taps_ = 0;        // per branch
    std::int64_t halfWidth_ = 0;  // taps cover input offsets −halfWidth_ … halfWidth_ + 1 around floor(position)
    std::vector<double> table_;   // (branches_ + 1) × taps_
};

// Resamples x from fsIn to fsOut; length resampledLength(x.size(), fsIn, fsOut) unless outLength is given
// (pass the original length when mapping a result back, since rounding twice can differ by one sample).
std::vector<float> resample(const std::vector<float>& x, double fsIn, double fsOut, const ResampleOptions& options = {});
std::vector<float> resample(const std::vector<float>& x, double fsIn, double fsOut, std::size_t outLength,
                            const ResampleOptions& options = {});

// Every lead resampled; names, provenance and label kept; samplingRateHz, firstSample and totalSamples mapped
// to the new rate (the window's end maps to mapSampleIndex of its end, so consecutive windows still tile);
// the anti-alias stage is appended to filters.description. Annotations elsewhere in a Recording refer to the
// old sample axis: map them with mapSampleIndex.
SignalGroup resampleGroup(const SignalGroup& group, double fsOut, const ResampleOptions& options = {});

} // namespace execg::dsp
