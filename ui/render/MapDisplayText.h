#pragma once
// How the chart, the presenter and the report say how a map is drawn (core/explain/MapDisplay.h): the per-wave
// view's unsigned shares go on a sequential colour map, and the colour bar's note says "smoothed over 40 ms for
// display" or "% of the evidence per wave", so no reader mistakes a display choice for the map itself.
#include "explain/MapDisplay.h"
#include "render/PaperChartRenderer.h"

#include <QString>

namespace execg {

// The overlay's colours, title and note for `display` (its map already transformed by displayedMap).
void describeMapDisplay(AttributionOverlay& overlay, const MapDisplay& display);

// One line for a caption or a legend; empty for the map as computed.
QString mapDisplayNote(const MapDisplay& display);

} // namespace execg
