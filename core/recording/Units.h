#pragma once
// Voltage units as files write them, to the millivolts every Recording holds.
#include <optional>
#include <string>

namespace execg {

// Millivolts per unit of a UCUM voltage code ("uV" → 0.001; the micro-sign spellings of µV too; pV to V), or, where
// the code is empty, of its spelled-out meaning ("microvolt"); nothing for anything that is not a voltage.
// DICOM's Channel Sensitivity Units and HL7 aECG's physical quantities both use UCUM.
std::optional<double> millivoltsPerUcumUnit(const std::string& code, const std::string& meaning = {});

} // namespace execg
