#include "synth/SynthParams.h"

#include <cmath>
#include <stdexcept>

namespace execg::synth {

namespace {

void require(bool ok, const std::string& name, const std::string& range)
{
    if (!ok)
        throw std::invalid_argument("synth: " + name + " must be " + range);
}

bool in(double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; }

} // namespace

void validate(const SynthParams& p)
{
    require(in(p.samplingRateHz, 50.0, 20000.0), "sampling rate", "50–20000 Hz");
    require(in(p.seconds, 0.0, 86400.0) && p.seconds * p.samplingRateHz >= 1.0, "duration", "> 0 and ≤ 24 h");
    require(p.seconds * p.samplingRateHz <= 2.0e9, "duration × rate", "≤ 2e9 samples");
    require(in(p.heartRateBpm, 20.0, 300.0), "heart rate", "20–300 bpm");
    require(in(p.hrvSdnnMs, 0.0, 300.0), "HRV SDNN", "0–300 ms");
    require(in(p.afRrCv, 0.0, 0.6), "AF RR coefficient of variation", "0–0.6");
    require(in(p.irregularRrCv, 0.0, 0.6), "irregular RR coefficient of variation", "0–0.6");
    require(in(p.fWaveMv, 0.0, 1.0), "f-wave amplitude", "0–1 mV");
    require(in(p.fWaveHz, 4.0, 9.0), "f-wave frequency", "4–9 Hz");
    require(in(p.flutterRateBpm, 200.0, 400.0), "flutter rate", "200–400 /min");
    require(p.flutterConduction >= 1 && p.flutterConduction <= 8, "flutter conduction", "1–8");
    require(in(p.flutterWaveMv, 0.0, 1.0), "flutter wave amplitude", "0–1 mV");
    require(in(p.pacProbability, 0.0, 0.5), "PAC probability", "0–0.5");
    require(in(p.pvcProbability, 0.0, 0.5), "PVC probability", "0–0.5");
    require(in(p.prMs, 60.0, 400.0), "PR", "60–400 ms");
    require(in(p.pDurationMs, 40.0, 200.0), "P duration", "40–200 ms");
    require(p.pDurationMs < p.prMs, "P duration", "shorter than PR");
    require(in(p.pAmplitudeMv, 0.0, 1.0), "P amplitude", "0–1 mV");
    require(in(p.qrsMs, 40.0, 250.0), "QRS duration", "40–250 ms");
    require(in(p.qrsAxisDeg, -180.0, 180.0), "QRS axis", "−180–180°");
    require(in(p.rAmplitudeMv, 0.0, 6.0), "R amplitude", "0–6 mV");
    require(in(p.sAmplitudeMv, 0.0, 6.0), "S amplitude", "0–6 mV");
    require(in(p.qAmplitudeMv, 0.0, 3.0), "Q amplitude", "0–3 mV");
    require(in(p.st.anteriorMv, -1.0, 1.0) && in(p.st.inferiorMv, -1.0, 1.0) && in(p.st.lateralMv, -1.0, 1.0),
            "ST shift", "−1–1 mV");
    require(in(p.tAmplitudeMv, 0.0, 3.0), "T amplitude", "0–3 mV");
    require(in(p.tWidthFactor, 0.3, 2.0), "T width factor", "0.3–2");
    require(in(p.qtcMs, 250.0, 700.0), "QTc", "250–700 ms");
    require(in(p.uAmplitudeMv, 0.0, 1.0), "U amplitude", "0–1 mV");
    require(in(p.potassiumMmolL, 1.5, 10.0), "serum potassium", "1.5–10 mmol/L");
    require(in(p.variability, 0.0, 1.0), "variability", "0–1");
    require(in(p.noise.baselineMv, 0.0, 5.0) && in(p.noise.emgMv, 0.0, 5.0) && in(p.noise.mainsMv, 0.0, 5.0),
            "noise level", "0–5 mV");
    require(in(p.noise.mainsHz, 10.0, 1000.0), "mains frequency", "10–1000 Hz");
}

std::string toString(Rhythm r)
{
    switch (r) {
    case Rhythm::Sinus: return "sinus";
    case Rhythm::AtrialFibrillation: return "af";
    case Rhythm::AtrialFlutter: return "flutter";
    }
    return "?";
}

std::string toString(TPolarity t)
{
    switch (t) {
    case TPolarity::Upright: return "upright";
    case TPolarity::Peaked: return "peaked";
    case TPolarity::Flat: return "flat";
    case TPolarity::Inverted: return "inverted";
    }
    return "?";
}

std::string toString(QtFormula f) { return f == QtFormula::Bazett ? "bazett" : "fridericia"; }

std::optional<Rhythm> rhythmFromString(const std::string& s)
{
    if (s == "sinus") return Rhythm::Sinus;
    if (s == "af" || s == "afib") return Rhythm::AtrialFibrillation;
    if (s == "flutter" || s == "afl") return Rhythm::AtrialFlutter;
    return std::nullopt;
}

std::optional<TPolarity> tPolarityFromString(const std::string& s)
{
    for (auto t : {TPolarity::Upright, TPolarity::Peaked, TPolarity::Flat, TPolarity::Inverted})
        if (toString(t) == s)
            return t;
    return std::nullopt;
}

std::optional<QtFormula> qtFormulaFromString(const std::string& s)
{
    if (s == "bazett") return QtFormula::Bazett;
    if (s == "fridericia") return QtFormula::Fridericia;
    return std::nullopt;
}

} // namespace execg::synth
