#pragma once
// What every paper-style view draws the same way: the millimetre grid, the 1 mV calibration pulse and a lead's
// trace as a path (PulseView's min/max envelope where samples outnumber pixels). Device pixels throughout;
// `pxPerMm` carries the device's real resolution so that millimetres stay millimetres.
#include <QColor>
#include <QFont>
#include <QPen>
#include <QRectF>

#include <span>

class QPainter;

namespace execg {

struct GridColours {
    QColor minor, major;
};
GridColours clinicalRedGrid();   // the red of ECG paper
GridColours neutralGreyGrid();

// 1 mm and 5 mm lines from the area's top-left corner; the 1 mm lines are skipped below 3 px apart (they would
// only grey the page).
void paintMillimetreGrid(QPainter& p, const QRectF& area, double pxPerMm, const GridColours& colours);

// The standard 1 mV × 200 ms pulse from `baseline` to the right: 1 mm lead-in, 200 ms at `gainMmPerMv`, 1 mm
// lead-out. With `secondGainMmPerMv` > 0 the top steps down halfway to that gain (a row whose chest leads run at
// half gain). Returns the width drawn, in px.
double paintCalibrationPulse(QPainter& p, QPointF baseline, double pxPerMm, double speedMmPerSecond, double gainMmPerMv,
                             const QColor& colour, double secondGainMmPerMv = 0.0);

// A trace through `samples` (mV; NaN breaks the line) with the painter's pen: sample k at x0 + k·pxPerSample,
// y = baselineY − v·pxPerMv, stopping at `maxWidthPx`. Non-voltage channels pass their own scale and centre.
void drawTrace(QPainter& p, std::span<const float> samples, double x0, double pxPerSample, double baselineY,
               double pxPerMv, double maxWidthPx, double centre = 0.0);

// DejaVu Sans `mm` millimetres tall on the device, without ligatures (text copied or searched in a PDF then reads
// "filters", not "ﬁlters").
QFont paperFont(const QPainter& p, double pxPerMm, double mm, bool bold = false);

// The pen for traces: about 0.25 mm, never thinner than one device pixel.
QPen tracePen(const QColor& colour, double pxPerMm);

} // namespace execg
