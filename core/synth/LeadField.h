#pragma once
// The fixed lead field that turns the cardiac dipole into the 12 leads, and the electrode arithmetic that
// keeps Einthoven's and Goldberger's relations exact: leads are differences of electrode potentials, as in a
// real electrocardiograph, so III = II − I, aVR = −(I + II)/2, aVL = I − II/2 and aVF = II − I/2 hold to float
// rounding whatever the heart or the noise does.
#include "synth/Vec3.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace execg::synth {

// The twelve leads in standard order: I, II, III, aVR, aVL, aVF, V1–V6.
inline constexpr std::size_t kLeadCount = 12;

// Lead vector of each standard lead (index as above): I, II and V1–V6 from Dower's inverse transform
// (Dower, Machado & Osborne, Clin Cardiol 1980); the other limb leads from the relations above.
const std::array<Vec3, kLeadCount>& leadVectors();

enum class Territory { Anterior, Inferior, Lateral };

// Leads of a territory (indices into the standard order).
const std::vector<std::size_t>& territoryLeads(Territory t);

// The injury-current vector whose ST deviation, averaged over the territory's leads, is `meanShiftMv`.
Vec3 stVectorForTerritory(Territory t, double meanShiftMv);

// Electrodes, for noise that enters where real noise does.
enum Electrode : std::size_t { RA, LA, LL, C1, C2, C3, C4, C5, C6, kElectrodeCount };

} // namespace execg::synth
