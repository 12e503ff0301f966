#pragma once
// One synthetic patient's heart: the 3-D directions and sizes of every wave component (ECGSYN's Gaussians,
// McSharry et al. IEEE TBME 2003, given a direction each as in the vectorcardiographic models), chosen once per
// record from the parameters, the potassium effects and the seed.
#include "synth/PotassiumScale.h"
#include "synth/SynthParams.h"
#include "synth/SynthRandom.h"
#include "synth/Vec3.h"

namespace execg::synth {

struct HeartVectors {
    // Atrial depolarisation: right then left atrium; an ectopic low-atrial focus for premature atrial beats.
    Vec3 pRight, pLeft, pEctopic;
    // Ventricular depolarisation: septal q, main left-ventricular R, terminal basal S. Magnitudes = parameters.
    Vec3 q, r, s;
    Vec3 t;      // T vector at its peak (after polarity and potassium)
    Vec3 u;      // U vector (zero when there is none)
    Vec3 st;     // injury / hypokalaemic ST vector held from J to the T peak
    // Premature ventricular beat: two lobes of a wide QRS and its discordant T.
    Vec3 pvc1, pvc2, pvcT;
    // Respiration modulates ventricular amplitudes beat to beat.
    double respirationHz = 0.25, respirationPhase = 0.0, respirationDepth = 0.0;
};

HeartVectors buildHeartVectors(const SynthParams& p, const PotassiumEffects& k, SynthRandom& rng);

// Frontal QRS axis (hexaxial degrees) that leads I and aVF show for the net QRS vector of q, r and s.
double frontalQrsAxisDeg(const Vec3& q, const Vec3& r, const Vec3& s);

// Relative timing of the QRS components as fractions of the QRS duration: support [start, end].
struct QrsLayout {
    static constexpr double qStart = 0.0, qEnd = 0.36;
    static constexpr double rStart = 0.15, rEnd = 0.75;
    static constexpr double sStart = 0.45, sEnd = 1.0;
};

} // namespace execg::synth
