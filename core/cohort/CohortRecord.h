#pragma once
// What a cohort keeps of one record: the prediction, the adapter's warnings, the measurements, per method where its
// evidence lies (each lead × wave's share) and its "glocal" profile — the map's magnitude averaged over the beats of
// the median beat, per lead, on one beat axis every record shares — and a counterfactual's deltas; or the reason
// the record could not be analysed. Plain values, torch-free: the store writes them, reports and viewers read them.
#include "analysis/ResultsDocument.h"
#include "counterfactual/MeasurementDelta.h"
#include "measure/Measurements.h"
#include "model/Prediction.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace execg {

// The beat axis of every profile: ms from the QRS fiducial, -300 to +500 in steps of 5 (161 points); NaN where the
// record's median-beat window did not reach.
struct BeatAxis {
    static constexpr double fromMs = -300.0, toMs = 500.0, stepMs = 5.0;
    static constexpr int points = 161;
    static double msAt(int i) { return fromMs + stepMs * i; }
};

// A share of a method's evidence (Σ|a| in the region / Σ|a| of the record); lead "" = every lead, wave "" = every wave.
struct CohortShare {
    std::string lead, wave;   // wave: a WaveSegmentation key ("p", "qrs", "t", …) or "none" (outside every wave)
    double share = 0.0;
};

struct CohortMeasurement {
    std::string quantity;     // the measurement's key: "qrs_ms", "t_mv", …
    std::string lead;         // "" for a global quantity
    std::string unit;
    double value = 0.0;
};

struct CohortCounterfactual {
    bool reached = false;
    double target = 0.0, initialValue = 0.0, finalValue = 0.0;
    int steps = 0;
    double meanAbsMv = 0.0, rmsMv = 0.0;
    std::vector<MeasurementDelta> deltas;         // measured before and after (rows that could not be measured: NaN)
    std::vector<ParameterChange> parameterChanges;
};

struct CohortMethod {
    std::string method;       // the method as chosen: its name, and its parameters where given ("occlusion:window-ms=80")
    std::string error;        // it could not run: why
    std::string headline;
    double ms = 0.0;
    std::vector<CohortShare> shares;
    // Per group lead on the beat axis: mean |a| over the median beat's beats relative to the record's mean |a| (1 =
    // as much evidence as the record's average sample). Empty where the record had no median beat.
    std::vector<std::vector<float>> beatProfile;
    std::optional<CohortCounterfactual> counterfactual;
    std::string scorecardJson;   // the scorecard, when asked (the results document's form)
    // The whole map (leads × samples on the recording's axis, NaN where unseen), only when asked: maps are large.
    std::vector<float> map;
    int mapLeads = 0, mapSamples = 0;
};

struct CohortRecord {
    std::string input;                            // the file, as the cohort names it (the key)
    std::string sha256;
    std::map<std::string, std::string> labels;    // the manifest's columns
    std::string error;                            // non-empty: not analysed, and why (names the file)
    std::vector<std::string> warnings;
    std::vector<std::string> leads;
    double samplingRateHz = 0.0, seconds = 0.0;
    int windows = 0, beats = 0;
    std::vector<OutputValue> outputs;
    int predicted = -1;                           // the largest output (a regression: 0)
    int target = -1;                              // the output explained
    std::vector<CohortMeasurement> measurements;
    std::vector<std::vector<float>> medianBeat;   // per lead on the beat axis, mV (empty without a median beat)
    std::vector<CohortMethod> methods;
    double ms = 0.0;                              // reading to storing
};

struct CohortRecordOptions {
    bool fullMaps = false;
    bool scorecards = false;
};

// The record from an analysis (the document of CaseAnalysis::run on the group) and the group's measurements.
CohortRecord cohortRecordFrom(const ResultsDocument& document, const SignalGroup& group, const EcgMeasurements& measurements,
                              const std::vector<std::string>& methodNames, const CohortRecordOptions& options = {});

// A per-lead series on the median-beat window (MedianBeatSet's samples) resampled onto the beat axis.
std::vector<std::vector<float>> onBeatAxis(const std::vector<std::vector<float>>& window, const MedianBeatSet& medians);

// Every measurement that could be made: rhythm and median-beat quantities, per-lead amplitudes.
std::vector<CohortMeasurement> cohortMeasurements(const EcgMeasurements& m);

} // namespace execg
