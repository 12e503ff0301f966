#pragma once
// From the bytes of sections 5 and 6 to sample values: Huffman or plain 16-bit decoding, the difference coding
// undone, bimodal compression expanded, and the reference beat added back to the residual.
#include "io/scp/ScpFormat.h"
#include "io/scp/ScpSections.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace execg::scp {

struct DecodedLead {
    std::vector<double> values;   // in the section's units (its amplitude value multiplier)
    bool truncated = false;       // the data ended before `count` values
};

// One lead: with no tables, 16-bit little-endian values; then the differences undone (the first one or two values
// are stored as they are). `count` is the most values to decode. Throws std::invalid_argument on a corrupt stream.
DecodedLead decodeLead(const std::vector<HuffmanTable>& tables, std::span<const std::uint8_t> bytes, std::size_t count,
                       int differences);

// Bimodal compression: inside the protected areas (1-based, inclusive) one value per sample, elsewhere one per
// `factor` samples; the gaps are filled by linear interpolation between the values' centres.
std::vector<double> expandBimodal(const std::vector<double>& stored, std::size_t count, int factor,
                                  const std::vector<std::pair<std::int64_t, std::int64_t>>& protectedAreas);

// Reference-beat subtraction undone, in the reference beat's units: the residual (scaled by `residualScale`, the
// ratio of the two amplitude multipliers) is smoothed with a 3-point mean outside the subtraction zones — the
// residual is coarsely quantised there, and the smoothing is what WFDB's parsescp, the reference decoder, does;
// with whole-number scales its rounding (away from zero) too, so that its output is matched sample for sample —
// and the reference beat is added in each zone of a type-0 beat, aligned on the fiducial points.
// Zones that do not fit the beat or the lead are skipped with a warning naming the lead.
std::vector<double> addReferenceBeat(const std::vector<double>& residual, double residualScale,
                                     const std::vector<double>& reference, const QrsSection& qrs,
                                     const std::string& leadName, std::vector<std::string>& warnings);

} // namespace execg::scp
