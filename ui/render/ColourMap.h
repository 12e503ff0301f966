#pragma once
// Colour maps for attribution overlays that colour-blind readers can read: a diverging blue–white–red map for signed
// maps (the sign kept: blue against, red for the target), and the sequential cividis and viridis for magnitudes.
// All three stay ordered in lightness, so they also survive a grey-scale printer.
#include <QColor>
#include <QString>

namespace execg {

enum class ColourMapKind { Diverging, Cividis, Viridis };

// `value` relative to the map's scale: −1…1 for Diverging (0 = white), 0…1 for the sequential maps; clamped.
QColor colourAt(ColourMapKind kind, double value);
bool isSigned(ColourMapKind kind);
QString toString(ColourMapKind kind);   // "diverging", "cividis", "viridis"
bool colourMapFromString(const QString& s, ColourMapKind& out);

} // namespace execg
