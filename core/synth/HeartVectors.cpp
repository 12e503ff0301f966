#include "synth/HeartVectors.h"

#include "synth/LeadField.h"
#include "synth/WaveShape.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace execg::synth {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;

// Textbook directions (Frank axes: x left, y feet, z back). Septal forces point right and forward (q in I, V6;
// r in V1), the main LV forces left, down and back (rS in V1–V2, transition V3–V4, tall R in V5), terminal
// forces right, up and back; T left, down and forward (upright in I, II, V2–V6, flat in V1).
const Vec3 kRightAtrium{0.2, 0.8, -0.4};
const Vec3 kLeftAtrium{0.7, 0.4, 0.55};
const Vec3 kLowAtrialFocus{0.3, -0.75, -0.1};   // retrograde: P inverted in II, III, aVF
const Vec3 kSeptal{-0.6, 0.2, -0.75};
const Vec3 kMainLv{0.8, 0.45, 0.3};
const Vec3 kTerminal{-0.5, -0.4, 0.75};
const Vec3 kT{0.75, 0.5, -0.35};

Vec3 randomUnit(SynthRandom& rng)
{
    const Vec3 v{rng.normal(), rng.normal(), rng.normal()};
    const double n = v.norm();
    return n > 1e-12 ? v * (1.0 / n) : Vec3{0, 0, 1};
}

// A small random rotation: angle ~ N(0, sdDeg), about a uniformly random axis.
Vec3 jitter(const Vec3& v, SynthRandom& rng, double sdDeg)
{
    const Vec3 axis = randomUnit(rng);
    const double angle = rng.normal() * sdDeg * kDeg;
    return rotate(v, axis, angle);
}

Vec3 rotateFrontal(const Vec3& v, double theta) { return rotate(v, Vec3{0, 0, 1}, theta); }

// Net QRS area ∝ Σ amplitude · halfWidth (every bump has the same area per unit half-width).
Vec3 netQrs(const Vec3& q, const Vec3& r, const Vec3& s)
{
    const double hq = (QrsLayout::qEnd - QrsLayout::qStart) / 2, hr = (QrsLayout::rEnd - QrsLayout::rStart) / 2,
                 hs = (QrsLayout::sEnd - QrsLayout::sStart) / 2;
    return q * hq + r * hr + s * hs;
}

double axisOf(const Vec3& net)
{
    const auto& L = leadVectors();
    return std::atan2(L[5].dot(net), L[0].dot(net)) / kDeg;
}

double angleDiffDeg(double a, double b)
{
    double d = std::fmod(a - b, 360.0);
    if (d > 180) d -= 360;
    if (d < -180) d += 360;
    return d;
}

// The frontal-plane rotation θ (about z) after which leads I and aVF show `axisDeg` for `net`:
// m · R(θ)net = 0 with m = sin α·l_I − cos α·l_aVF is A cos θ + B sin θ + C = 0; of the (up to) two roots take
// the one pointing the right way round and closest to no rotation. A scan covers the rare case of no root.
double frontalRotationFor(const Vec3& net, double axisDeg)
{
    const auto& L = leadVectors();
    const double a = axisDeg * kDeg;
    const Vec3 m = L[0] * std::sin(a) - L[5] * std::cos(a);
    const Vec3 along = L[0] * std::cos(a) + L[5] * std::sin(a);
    const double A = m.x * net.x + m.y * net.y, B = m.y * net.x - m.x * net.y, C = m.z * net.z;
    const double R = std::hypot(A, B);
    double best = 0.0, bestScore = 1e300;
    auto consider = [&](double theta) {
        const Vec3 v = rotateFrontal(net, theta);
        if (along.dot(v) <= 0)
            return;
        const double score = std::abs(angleDiffDeg(axisOf(v), axisDeg)) * 1000 + std::abs(theta);
        if (score < bestScore) {
            bestScore = score;
            best = theta;
        }
    };
    if (R > 1e-12 && std::abs(C) <= R) {
        const double phi = std::atan2(B, A), delta = std::acos(std::clamp(-C / R, -1.0, 1.0));
        consider(std::remainder(phi + delta, 2 * kPi));
        consider(std::remainder(phi - delta, 2 * kPi));
    }
    if (bestScore > 1.0) {
        for (int k = -720; k < 720; ++k)
            consider(k * 0.25 * kDeg);
    }
    return best;
}

} // namespace

double frontalQrsAxisDeg(const Vec3& q, const Vec3& r, const Vec3& s) { return axisOf(netQrs(q, r, s)); }

HeartVectors buildHeartVectors(const SynthParams& p, const PotassiumEffects& k, SynthRandom& rng)
{
    HeartVectors h;
    const double v = p.variability;

    // A patient's heart sits a little differently in the chest: one rotation for all ventricular forces,
    // smaller independent ones per component. Drawn even when variability is 0 so the stream stays aligned.
    const Vec3 heartAxis = randomUnit(rng);
    const double heartAngle = rng.normal() * 12.0 * v * kDeg;
    auto place = [&](const Vec3& base, double ownSdDeg) {
        return jitter(rotate(base.unit(), heartAxis, heartAngle), rng, ownSdDeg * v);
    };
    Vec3 q = place(kSeptal, 10) * p.qAmplitudeMv;
    Vec3 r = place(kMainLv, 6) * p.rAmplitudeMv;
    Vec3 s = place(kTerminal, 10) * p.sAmplitudeMv;
    Vec3 tDir = place(kT, 10);

    // The requested frontal axis is met exactly by turning the whole ventricular complex in the frontal plane.
    const Vec3 net = netQrs(q, r, s);
    if (net.norm() > 1e-9) {
        const double theta = frontalRotationFor(net, p.qrsAxisDeg);
        q = rotateFrontal(q, theta);
        r = rotateFrontal(r, theta);
        s = rotateFrontal(s, theta);
        tDir = rotateFrontal(tDir, theta);
    }
    h.q = q;
    h.r = r;
    h.s = s;

    double tAmplitude = p.tAmplitudeMv * k.tAmplitudeFactor;
    switch (p.tPolarity) {
    case TPolarity::Upright: break;
    case TPolarity::Peaked: tAmplitude *= 1.8; break;
    case TPolarity::Flat: tAmplitude *= 0.1; break;
    case TPolarity::Inverted: tAmplitude = -tAmplitude; break;
    }
    h.t = tDir * tAmplitude;
    // Hypokalaemic U follows the T direction; its size is set by the normal-potassium T so it grows as T fades.
    h.u = tDir * (p.uAmplitudeMv + k.uRelativeToT * p.tAmplitudeMv);

    h.st = stVectorForTerritory(Territory::Anterior, p.st.anteriorMv) +
           stVectorForTerritory(Territory::Inferior, p.st.inferiorMv) +
           stVectorForTerritory(Territory::Lateral, p.st.lateralMv);
    if (k.stDepressionMv > 0) {
        // Hypokalaemic ST depression: against the T vector, sized so the lead with the tallest T shows it fully.
        double maxProjection = 0.0;
        for (const auto& l : leadVectors())
            maxProjection = std::max(maxProjection, l.dot(tDir));
        h.st += tDir * (-k.stDepressionMv / std::max(maxProjection, 1e-6));
    }

    // Atria: the two components overlap in time, so the peak of their sum is found numerically and scaled.
    const Vec3 ra = place(kRightAtrium, 8), la = place(kLeftAtrium, 8), ectopic = place(kLowAtrialFocus, 15);
    const std::vector<WaveComponent> unitP{{0.325, 0.325, ra}, {0.675, 0.325, la}};
    const double unitPeak = dipoleAt(unitP, peakTime(unitP, 0.0, 1.0)).norm();
    const double pAmplitude = p.pAmplitudeMv * k.pAmplitudeFactor;
    h.pRight = ra * (pAmplitude / unitPeak);
    h.pLeft = la * (pAmplitude / unitPeak);
    h.pEctopic = ectopic * pAmplitude;

    // Premature ventricular beats start in one ventricle and spread slowly through muscle: right-ventricular foci
    // look like left bundle branch block (deep broad V1), left-ventricular ones like right bundle branch block.
    const bool rightVentricular = rng.uniform() < 0.6;
    const Vec3 lobe1 = rightVentricular ? Vec3{0.6, 0.3, 0.75} : Vec3{-0.4, 0.5, -0.8};
    const Vec3 lobe2 = rightVentricular ? Vec3{0.8, 0.2, 0.3} : Vec3{-0.7, -0.3, -0.5};
    const Vec3 focusAxis = randomUnit(rng);
    const double focusAngle = rng.normal() * 20.0 * kDeg;
    h.pvc1 = rotate(lobe1.unit(), focusAxis, focusAngle) * (1.4 * p.rAmplitudeMv + 0.4);
    h.pvc2 = rotate(lobe2.unit(), focusAxis, focusAngle) * (0.9 * p.rAmplitudeMv + 0.3);
    h.pvcT = (h.pvc1 + h.pvc2).unit() * -(0.5 + 0.3 * p.rAmplitudeMv);

    h.respirationHz = rng.uniform(0.2, 0.33);
    h.respirationPhase = rng.uniform(0.0, 2 * kPi);
    h.respirationDepth = 0.06 * v;
    return h;
}

} // namespace execg::synth
