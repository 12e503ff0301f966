#pragma once
// The QRS "energy" feature of Pan & Tompkins (IEEE TBME 32(3), 1985) for several leads at once: band-pass,
// derivative, squaring and moving-window integration per lead, each lead normalised to its own typical QRS
// peak, then averaged. Internal to QrsDetector; kept apart so the detector's decision logic stays readable.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace execg::qrs {

struct FeatureOptions {
    double bandLowHz = 5.0;
    double bandHighHz = 15.0;
    double integrationSeconds = 0.150;
};

struct LeadFeature {
    int lead = -1;                 // index in the caller's lead list
    std::vector<float> energy;     // integrated energy at the feature rate, normalised (typical QRS peak ≈ 1)
};

struct FeatureSignal {
    double rateHz = 0.0;           // feature rate: the input rate divided by `decimation`
    int decimation = 1;            // input samples per feature sample (block means)
    std::vector<float> energy;     // mean over usable leads of the normalised integrated energy
    std::vector<float> slope;      // mean over usable leads of the normalised squared slope (not integrated)
    std::vector<LeadFeature> leads;
    std::vector<std::string> notes;  // one line per lead left out, and why

    // Input sample at the centre of feature sample i.
    std::int64_t inputSample(std::int64_t i) const { return i * decimation + (decimation - 1) / 2; }
};

// Leads that are missing throughout, or flat (no deflection at all), are left out with a note.
FeatureSignal computeFeature(const std::vector<std::span<const float>>& leads, double rateHz,
                             const FeatureOptions& options);

// Second-order Butterworth sections (bilinear transform with pre-warping, i.e. the RBJ cook-book forms with
// Q = 1/√2), designed from the rate so that one detector serves 50 Hz to 10 kHz.
struct Biquad {
    double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;
};
Biquad butterworthLowPass(double cutoffHz, double rateHz);
Biquad butterworthHighPass(double cutoffHz, double rateHz);

// Forward-backward filtering (zero phase, so the feature peaks where the QRS is), with odd-reflection padding
// and steady-state initial conditions so that the ends carry no start-up transient.
void filtFilt(std::vector<double>& x, const std::vector<Biquad>& sections, std::size_t padding);

// The median of a copy of the values (NaN-free input); 0 for an empty set.
double medianOf(std::vector<double> values);

} // namespace execg::qrs
