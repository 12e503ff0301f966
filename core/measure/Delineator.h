#pragma once
// Wave delineation: P onset/peak/offset, QRS onset and offset (J point), T peak and offset, globally (from all
// leads at once, the way resting-ECG analysers measure intervals on simultaneous leads) and per lead.
//
// Boundaries come from slopes, not from levels, so baseline drift and ST shifts do not move them:
//  - QRS: the spatial velocity (root sum of squared lead slopes, slopes taken over ±4 ms of a ±2 ms smoothed
//    signal) around the fiducial; onset and J are where it falls below a fraction of its QRS maximum and stays
//    there (a short hold, so the notch between Q and R does not end the complex).
//  - T: the peak is the largest spatial deviation from the isoelectric level (taken just before QRS onset) after J;
//    the offset is where its down-slope flattens out (below a fraction of the steepest down-slope). The tangent
//    method clinicians use by hand (Lepeschkin & Surawicz 1952) is an option; it ends the T 10–15 ms earlier.
//  - P: the largest spatial deviation before QRS onset that rises from and returns to the baseline; onset and
//    offset are where its slope falls below a fraction of its steepest slope. No such hump (atrial fibrillation,
//    flutter, junctional rhythm, noise) leaves P absent with a note, never a guessed P.
// Positions are fractional sample indices (threshold crossings are interpolated between samples).

#include "measure/MedianBeat.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace execg {

inline constexpr double kNoPosition = std::numeric_limits<double>::quiet_NaN();

struct WaveFiducials {
    double pOnset = kNoPosition, pPeak = kNoPosition, pOffset = kNoPosition;
    double qrsOnset = kNoPosition, qrsOffset = kNoPosition;   // qrsOffset = J point
    double tPeak = kNoPosition, tOffset = kNoPosition;

    bool hasP() const { return std::isfinite(pOnset) && std::isfinite(pOffset); }
    bool hasQrs() const { return std::isfinite(qrsOnset) && std::isfinite(qrsOffset); }
    bool hasT() const { return std::isfinite(tPeak) && std::isfinite(tOffset); }
};

enum class TOffsetMethod {
    SlopeFlattening,   // where the T down-slope flattens (same rule as the other boundaries; the default)
    Tangent,           // where the tangent at the steepest down-slope meets the isoelectric level (manual method)
};

struct DelineatorOptions {
    double qrsSlopeFraction = 0.04;   // QRS ends where the spatial velocity drops below this part of its maximum
    double pSlopeFraction = 0.25;     // P ends where its slope drops below this part of its steepest slope
    TOffsetMethod tOffsetMethod = TOffsetMethod::SlopeFlattening;
    double tSlopeFraction = 0.15;     // T ends where its down-slope flattens below this part of its steepest
    double holdSeconds = 0.010;       // a boundary must be followed by this long below the threshold
    double qrsSearchSeconds = 0.08;   // QRS velocity maximum searched within ± this of the fiducial
    double maxQrsSeconds = 0.24;      // widest QRS looked for (wide PVCs, severe hyperkalaemia)
    double maxPrSeconds = 0.35;       // P onset searched no earlier than this before QRS onset
    double minPMv = 0.025;            // smallest spatial P amplitude taken as a P wave
    double minTMv = 0.03;             // smallest spatial T amplitude taken as a T wave
    // Per-lead boundaries need this much deflection in the lead (mV) for the wave, else they stay absent.
    double minLeadQrsMv = 0.10, minLeadPMv = 0.03, minLeadTMv = 0.05;
};

struct Delineation {
    double samplingRateHz = 0.0;
    WaveFiducials global;
    std::vector<WaveFiducials> perLead;    // one per input lead
    std::vector<float> isoelectricMv;      // per lead: level just before QRS onset (NaN for unusable leads)
    std::vector<int> globalLeads;          // leads the global boundaries were taken from
    std::string whyNoP, whyNoT;            // why the global P / T wave is absent (empty when found)
    std::vector<std::string> notes;        // waves not found and why
    std::string problem;                   // non-empty when not even the QRS could be delineated
};

// One beat in equally long lead windows (e.g. median beats): `fiducial` is the QRS fiducial index in the windows,
// `globalLeads` the leads for the global boundaries (empty = every usable lead; pass the independent leads I, II,
// V1–V6 so that derived limb leads do not weigh twice).
Delineation delineateBeat(const std::vector<std::span<const float>>& leads, double samplingRateHz, double fiducial,
                          const std::vector<int>& globalLeads = {}, const DelineatorOptions& options = {});

// The median beats of a MedianBeatSet; leads without a median beat are skipped.
Delineation delineateMedianBeats(const MedianBeatSet& medians, const std::vector<int>& globalLeads = {},
                                 const DelineatorOptions& options = {});

// Every beat of a recording on its own (global boundaries only), each in a window bounded by its neighbours:
// positions are sample indices of the lead vectors. Beats that cannot be delineated get an all-absent entry.
std::vector<WaveFiducials> delineateBeats(const std::vector<std::span<const float>>& leads, double samplingRateHz,
                                          const std::vector<std::int64_t>& beats,
                                          const std::vector<int>& globalLeads = {},
                                          const DelineatorOptions& options = {});

// The independent leads of a standard 12-lead set (I, II, V1–V6) by name; every voltage lead otherwise.
std::vector<int> independentLeads(const SignalGroup& group);

} // namespace execg
