#pragma once
// The median-beat view: each lead's representative beat in that lead's place of a 12-lead layout, at true scale,
// with an attribution map averaged over the same aligned beats drawn under it. Built as an ordinary signal group —
// each lead holds its median beat in its own column's stretch of time and nothing elsewhere — so the paper chart
// renderer draws it with every style and overlay it has.
#include "measure/MedianBeat.h"
#include "recording/Recording.h"
#include "render/ChartLayout.h"

#include <optional>
#include <vector>

namespace execg {

struct MedianBeatChart {
    SignalGroup group;                              // the chart's leads: median beats in their columns, NaN elsewhere
    std::vector<std::vector<float>> overlay;        // the beat-aligned mean map placed the same way (empty without one)
    double windowSeconds = 0.0;                     // set PaperChartStyle::windowSeconds to this, keepWindow on
                                                    // (about 4 s for a 3×4: 200 mm at 50 mm/s)
};

// `layout` must be a grid (3×4, 6×2, 12×1; rhythm strips have no median beat). `recordingMap`: one vector per
// group lead on the group's samples, as Explanation::recordingMap holds it; null for no overlay.
MedianBeatChart medianBeatChart(const SignalGroup& source, const MedianBeatSet& medians, ChartLayoutKind layout,
                                LeadOrder order, const std::vector<std::vector<float>>* recordingMap = nullptr);

} // namespace execg
