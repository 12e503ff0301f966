#pragma once
// The measurements of a resting ECG, the way an interpretive electrocardiograph reports them: rhythm figures from
// every detected beat, intervals, axes and amplitudes from the representative (median) beat.
//
//   EcgMeasurements m = measureEcg(recording.groups[recording.primaryGroupIndex()]);
//   if (m.qtMs.ok()) use(m.qtMs.value);  else show(m.qtMs.missing);   // a reason, never a made-up number
//
// Definitions (docs/measurements.md):
//  - RR from consecutive detected beats; HR = 60 000 / mean RR; RR SD = sample standard deviation;
//    RR irregularity = RMSSD / mean RR (successive differences; about 0.02–0.08 in sinus rhythm, above ~0.1 in
//    atrial fibrillation).
//  - PR = QRS onset − P onset; QRS = J − QRS onset; QT = T offset − QRS onset (global boundaries, median beat).
//  - QTc with RR = mean RR in seconds: Bazett QT/√RR, Fridericia QT/∛RR, Framingham QT + 154 (1 − RR),
//    Hodges QT + 1.75 (HR − 60).
//  - Frontal axes from net areas (baseline-corrected integrals) in leads I and aVF over the wave:
//    atan2(2·aVF/√3, I) in degrees (−180, 180], the Einthoven-triangle projection (aVF sees √3/2 of the vector).
//    P over P onset–offset, QRS over onset–J, T over J–T offset. aVF or I are derived from I, II, III if missing.
//  - Amplitudes per lead relative to the isoelectric level just before QRS onset; ST level at J and at J + 60 ms.
#include "measure/Delineator.h"
#include "measure/MedianBeat.h"
#include "measure/QrsDetector.h"
#include "recording/Recording.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace execg {

// A measured value, or the reason there is none.
struct Quantity {
    double value = std::numeric_limits<double>::quiet_NaN();
    std::string missing;   // "cannot measure: …" when value is NaN

    bool ok() const { return std::isfinite(value); }
};

struct LeadMeasurements {
    std::string lead;
    // mV relative to the isoelectric level; NaN where the wave or the lead is absent. Q and S are 0 where the
    // complex has none; a QS complex has R = 0.
    double pMv = kNoPosition, qMv = kNoPosition, rMv = kNoPosition, sMv = kNoPosition, tMv = kNoPosition;
    double stJMv = kNoPosition, stJ60Mv = kNoPosition;
};

struct MeasureOptions {
    double minDelineationRateHz = 100.0;   // wave boundaries need at least this rate (10 ms resolution)
    QrsDetectorOptions detector;
    DelineatorOptions delineator;
};

struct EcgMeasurements {
    double samplingRateHz = 0.0;
    QrsDetection detection;                  // every detected beat (samples of the group's lead vectors)

    // Rhythm, from every detected beat (`detection.beats`).
    Quantity heartRateBpm, rrMeanMs, rrSdMs, rrIrregularity;

    // From the median beat of the beats in `medians.beatsUsed`.
    Quantity prMs, qrsMs, qtMs, qtcBazettMs, qtcFridericiaMs, qtcFraminghamMs, qtcHodgesMs;
    Quantity pAxisDeg, qrsAxisDeg, tAxisDeg;
    std::vector<LeadMeasurements> leads;     // one per group lead
    MedianBeatSet medians;
    Delineation delineation;                 // boundaries in median-beat samples (medians.fiducialIndex = fiducial)

    std::vector<std::string> notes;          // what could not be measured and why, once each
    std::string problem;                     // non-empty when nothing at all could be measured

    std::vector<const Quantity*> quantities() const;   // every Quantity above, in declaration order

    // A boundary of the median beat in ms from its QRS onset (NaN when absent).
    double msFromQrsOnset(double position) const;
};

EcgMeasurements measureEcg(const SignalGroup& group, const MeasureOptions& options = {});

// A measurement with its JSON key, label and unit, as the command line, the report and the GUI list them.
struct NamedQuantity {
    const char* key;
    const char* label;
    const char* unit;
    const Quantity* q;
};
std::vector<NamedQuantity> rhythmQuantities(const EcgMeasurements& m);   // heart rate, RR mean, SD, irregularity
std::vector<NamedQuantity> medianQuantities(const EcgMeasurements& m);   // intervals, QTc, axes (median beat)

} // namespace execg
