#pragma once
// Colour maps for attribution overlays that colour-blind readers can read: a diverging blue–white–red map for signed
// maps (the sign kept: blue against, red for the target), and the sequential cividis and viridis for magnitudes.
// All three stay ordered in lightness, so they also survive a grey-scale printer.
#include <QColor>
#include <QString>

#include <vector>

namespace execg {

enum class ColourMapKind { Diverging, Cividis, Viridis };

// `value` relative to the map's scale: −1…1 for Diverging (0 = white), 0…1 for the sequential maps; clamped.
QColor colourAt(ColourMapKind kind, double value);
bool isSigned(ColourMapKind kind);
QString toString(ColourMapKind kind);   // "diverging", "cividis", "viridis"
bool colourMapFromString(const QString& s, ColourMapKind& out);

// The value drawn at full colour for maps shown on one scale: the `percentile` of the non-zero |a| over all their
// finite samples, so one outlier sample cannot wash the rest out (beyond it colours saturate). 1 when every value is 0.
double fullColourValue(const std::vector<const std::vector<std::vector<float>>*>& maps, double percentile = 99.0);

} // namespace execg
