#pragma once
// Multi-lead QRS detection: the Pan–Tompkins feature (band-pass, slope, squaring, moving-window integration)
// computed per lead, normalised and averaged, then the Pan–Tompkins decision rules (adaptive signal and noise
// levels, search-back for missed beats, T-wave discrimination, 200 ms refractory period). Final positions are
// moved to the R peak (the dominant-polarity extremum) of the lead with the clearest QRS complexes.
//
// Works at any rate from 50 Hz to 10 kHz (filters are designed from the rate), bridges NaN gaps, ignores
// missing or flat leads and reports in `problem` why nothing could be detected rather than inventing beats.

#include "recording/Recording.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace execg {

struct QrsDetectorOptions {
    double bandLowHz = 5.0;            // Pan–Tompkins pass band: most QRS energy, little P/T wave or wander
    double bandHighHz = 15.0;
    double integrationSeconds = 0.150; // about the widest normal QRS
    double refractorySeconds = 0.200;  // ventricles cannot depolarise again sooner
    double tWaveSeconds = 0.360;       // a candidate this soon after a beat may be its T wave
    double searchBackFactor = 1.66;    // search back when no beat came within this many mean RR intervals
    double refineSeconds = 0.080;      // R-peak search half-window around the detected QRS centre
    std::vector<int> leads;            // lead indices to use; empty = every voltage lead
};

struct QrsBeat {
    std::int64_t sample = 0;   // index into the lead sample vectors (add SignalGroup::firstSample for the recording)
    int fiducialLead = -1;     // lead whose R peak sets `sample`; -1 = left at the detected QRS centre
    bool searchBack = false;   // found by search-back with the lowered threshold
};

struct QrsDetection {
    double samplingRateHz = 0.0;
    std::vector<QrsBeat> beats;
    std::vector<int> usedLeads;        // leads that contributed to the detection
    int dominantLead = -1;             // lead with the clearest QRS complexes (fiducials are placed on it)
    std::vector<std::string> notes;    // leads left out and why
    std::string problem;               // non-empty when no detection was possible ("cannot measure: …")

    std::vector<std::int64_t> samples() const;
};

QrsDetection detectQrs(const SignalGroup& group, const QrsDetectorOptions& options = {});
QrsDetection detectQrs(const std::vector<std::span<const float>>& leads, double samplingRateHz,
                       const QrsDetectorOptions& options = {});

} // namespace execg
