#pragma once
#include "recording/Recording.h"

#include <QColor>
#include <QRectF>

class QPainter;

namespace execg {

// Draws the leads of one signal group one under the other at true physical scale (mm/s, mm/mV) on any
// QPainter device, over a 1 mm / 5 mm grid. A deliberately plain view for checking what a file holds;
// the paper-style 12-lead chart is PaperChartRenderer's job.
struct StackedLeadStyle {
    double speedMmPerSecond = 25.0;
    double gainMmPerMillivolt = 10.0;
    double rowHeightMm = 30.0;
    double labelWidthMm = 16.0;   // lead label and the 1 mV calibration pulse
    bool grid = true;
    QColor background = Qt::white;
    QColor trace = Qt::black;
    QColor minorGrid{255, 204, 204};
    QColor majorGrid{240, 140, 140};
    QColor text{40, 40, 40};
};

class StackedLeadRenderer {
public:
    StackedLeadRenderer(const SignalGroup& group, StackedLeadStyle style) : group_(group), style_(std::move(style)) {}

    // Millimetres needed to show the whole group at the style's scale.
    QSizeF contentSizeMm() const;
    // Paints into `target` (device pixels) the part of the chart that starts `startSeconds` into the group.
    // `pixelsPerMm` maps physical millimetres to the device; pass the device's real resolution for true scale.
    void paint(QPainter& painter, const QRectF& target, double pixelsPerMm, double startSeconds) const;

private:
    void paintLead(QPainter& p, const Lead& lead, const QRectF& row, double pxPerMm, double startSeconds) const;

    const SignalGroup& group_;
    StackedLeadStyle style_;
};

} // namespace execg
