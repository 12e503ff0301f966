#pragma once
// Parameters of the synthetic 12-lead ECG, in the clinical terms a reader of an ECG uses.
// Every value is the one at a normal serum potassium; `potassiumMmolL` then modifies P, PR, QRS, ST, T and U
// through the documented scale in PotassiumScale.h (at 3.5–5.0 mmol/L it changes nothing).

#include <cstdint>
#include <optional>
#include <string>

namespace execg::synth {

enum class Rhythm { Sinus, AtrialFibrillation, AtrialFlutter };
enum class TPolarity { Upright, Peaked, Flat, Inverted };
enum class QtFormula { Bazett, Fridericia };

struct NoiseParams {
    // Approximate RMS in each lead (mV). Noise is added at the electrodes, so the lead identities stay exact.
    double baselineMv = 0.0;     // respiration and motion wander, 0.05–0.5 Hz
    double emgMv = 0.0;          // skeletal muscle, broadband above ~20 Hz
    double mainsMv = 0.0;        // power-line interference at mainsHz (plus a weak third harmonic)
    double mainsHz = 50.0;
};

struct StShiftParams {
    // Mean ST deviation (mV, + = elevation) at the J point over the territory's leads; the other leads show
    // what the same injury vector projects onto them, so reciprocal depression appears by itself.
    double anteriorMv = 0.0;     // V1–V4
    double inferiorMv = 0.0;     // II, III, aVF
    double lateralMv = 0.0;      // I, aVL, V5, V6
};

struct SynthParams {
    double samplingRateHz = 500.0;
    double seconds = 10.0;
    std::uint64_t seed = 0;

    Rhythm rhythm = Rhythm::Sinus;
    double heartRateBpm = 70.0;      // mean ventricular rate; for flutter the rate follows from the atrial rate
    double hrvSdnnMs = 30.0;         // sinus: SD of RR (respiratory and Mayer-wave modulation), ≤ 10 % of RR
    double afRrCv = 0.25;            // AF: coefficient of variation of RR
    double irregularRrCv = 0.0;      // sinus: > 0 draws independent RRs with this coefficient of variation, every
                                     // beat keeping its P wave (an irregular rhythm that is not AF; 0 = sinus HRV)
    double fWaveMv = 0.08;           // AF: fibrillatory wave amplitude (spatial, mV)
    double fWaveHz = 6.0;            // AF: dominant f-wave frequency, wanders within 4–9 Hz
    double flutterRateBpm = 300.0;   // flutter: atrial rate
    int flutterConduction = 2;       // flutter: AV conduction ratio (2 = 2:1, 4 = 4:1)
    double flutterWaveMv = 0.2;      // flutter: sawtooth amplitude (spatial, mV)
    double pacProbability = 0.0;     // per sinus beat: chance that a premature atrial beat follows it
    double pvcProbability = 0.0;     // per beat: chance that a premature ventricular beat follows it

    double prMs = 160.0;             // P onset to QRS onset
    double pDurationMs = 100.0;
    double pAmplitudeMv = 0.2;       // peak of the atrial dipole (spatial magnitude)
    double qrsMs = 90.0;             // QRS onset to J point
    double qrsAxisDeg = 60.0;        // frontal QRS axis from net QRS area in I and aVF (hexaxial degrees)
    double rAmplitudeMv = 1.6;       // R (main ventricular) vector magnitude
    double sAmplitudeMv = 0.5;       // S (terminal) vector magnitude
    double qAmplitudeMv = 0.2;       // septal q vector magnitude
    StShiftParams st;
    double tAmplitudeMv = 0.35;      // T vector magnitude
    double tWidthFactor = 1.0;       // 1 = T occupies the usual part of J → T offset
    TPolarity tPolarity = TPolarity::Upright;
    double qtcMs = 400.0;            // QT corrected to 60 bpm; the beat's QT = QTc · RR^(1/2 or 1/3)
    QtFormula qtFormula = QtFormula::Fridericia;
    double uAmplitudeMv = 0.0;       // physiological U wave (hypokalaemia adds its own)
    double potassiumMmolL = 4.5;

    double variability = 0.25;       // 0 = textbook morphology; 1 = large patient-to-patient and beat-to-beat spread
    NoiseParams noise;
};

// Throws std::invalid_argument naming the parameter when a value is outside what the model can represent.
void validate(const SynthParams& p);

std::string toString(Rhythm r);          // "sinus", "af", "flutter"
std::string toString(TPolarity t);       // "upright", "peaked", "flat", "inverted"
std::string toString(QtFormula f);       // "bazett", "fridericia"
std::optional<Rhythm> rhythmFromString(const std::string& s);
std::optional<TPolarity> tPolarityFromString(const std::string& s);
std::optional<QtFormula> qtFormulaFromString(const std::string& s);

inline constexpr const char* kGeneratorVersion = "execg-synth 1.0";

} // namespace execg::synth
