#pragma once
// The serum potassium scale: how K+ (mmol/L) changes the ECG, as the factors the generator applies to the
// parameters given for a normal potassium. Piecewise linear between the knots below, constant outside
// 2.0–9.0, neutral over the normal range 3.5–5.0. Each factor is monotone in K+ (tests hold it to that), so a
// model trained on these records has one known, ordered cause to explain.
//
//  K+ mmol/L      2.0   2.5   3.0   3.5   5.0   5.5   6.0   6.5   7.0   7.5   8.0   8.5   9.0
//  T amplitude ×  0.15  0.30  0.60  1.00  1.00  1.15  1.45  1.80  2.10  2.40  2.60  2.75  2.85   increasing
//  T width ×      1.15  1.10  1.05  1.00  1.00  0.92  0.84  0.76  0.70  0.66  0.63  0.61  0.60   decreasing
//  P amplitude ×  1.30  1.20  1.10  1.00  1.00  1.00  1.00  0.85  0.60  0.40  0.20  0.00  0.00   decreasing
//  PR + ms          0     0     0     0     0     0     0    10    25    40    60    80    90   increasing
//  QRS width ×    1.00  1.00  1.00  1.00  1.00  1.00  1.00  1.00  1.10  1.30  1.50  1.75  2.00   increasing
//  U (× T ampl.)  0.70  0.50  0.25  0.00  0.00 …                                                   decreasing
//  ST depr. mV    0.15  0.10  0.05  0.00  0.00 …                                                   decreasing
//
// Clinical basis (e.g. Diercks et al., J Emerg Med 2004; Surawicz's "Electrolytes and the ECG"):
// hyperkalaemia first gives tall, narrow-based, peaked T waves (from ~5.5), then flattening of P and a longer PR
// (from ~6.5), QRS widening (from ~7.0), loss of P (≥ 8.5, "sinoventricular" rhythm); hypokalaemia flattens T,
// brings out U and depresses ST (below ~3.5). P amplitude rises a little in hypokalaemia.

namespace execg::synth {

struct PotassiumEffects {
    double tAmplitudeFactor = 1.0;
    double tWidthFactor = 1.0;
    double pAmplitudeFactor = 1.0;   // 0 = no P waves
    double prExtraMs = 0.0;
    double qrsWidthFactor = 1.0;
    double uRelativeToT = 0.0;       // U vector magnitude as a fraction of the (normal-potassium) T magnitude
    double stDepressionMv = 0.0;     // along the T vector, so it shows where T is upright
};

PotassiumEffects potassiumEffects(double potassiumMmolL);

} // namespace execg::synth
