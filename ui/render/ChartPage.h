#pragma once
// A whole chart page as a clinician expects it on paper: a header with patient and acquisition data (or the
// de-identified notice), device, filters, speed and gain; the chart; the overlay's colour bar with its scale; a
// footer with the application and model versions. The same page on screen, in the PDF and from the command line.
#include "recording/Recording.h"
#include "render/PaperChartRenderer.h"

#include <QString>
#include <QStringList>

class QPainter;

namespace execg {

struct ChartHeader {
    QString patient;        // "DOE^JANE · ID 1234 · F · 63 y" or "de-identified"
    QString acquisition;    // "acquired 2019-03-01 10:12 · GE MAC 5500 (software 010A)"
    QString recording;      // "10.0 s at 500 Hz, 12 leads · filters 0.05–150 Hz, notch 50 Hz"
    QString scale;          // "25 mm/s · 10 mm/mV (chest 5 mm/mV)"
};

// From the recording's metadata; `deidentify` drops name, ID, birth date, exact acquisition date, institution and
// serial number, keeping sex, age (90 and over as "≥ 90") and the device model.
ChartHeader chartHeaderFor(const Recording& recording, const SignalGroup& group, const PaperChartStyle& style,
                           bool deidentify);

// "filters 0.05–150 Hz, notch 50 Hz", or that the file does not say.
QString describeFilters(const FilterSettings& f);

struct ChartFooter {
    QString left;           // "ExECG Studio 0.1.0"
    QString right;          // "model: ExECG demo: serum potassium 1.0 · sha256 3d2ae374…"
    QString notice;         // the demo-model notice, printed in full where it applies
};

struct ChartPageLayout {
    double marginMm = 8.0, headerMm = 16.0, colourBarMm = 11.0, footerMm = 10.0;
};

// Paints the page into `pagePx` (device pixels; `pxPerMm` the device's real resolution). The overlay, if any, is
// the renderer's own; its colour bar goes under the chart.
void paintChartPage(QPainter& p, const QRectF& pagePx, double pxPerMm, const PaperChartRenderer& chart,
                    const std::optional<AttributionOverlay>& overlay, const ChartHeader& header, const ChartFooter& footer,
                    double windowStartSeconds = 0.0, const ChartPageLayout& layout = {});

} // namespace execg
