#pragma once
// The paper-style 12-lead chart: one renderer for the screen, the printer, the PDF and the command line, so what a
// clinician reviews is exactly what the report prints. Paints at true physical scale on any QPainter device:
// millimetres go through the device's resolution (`pxPerMm`), so a printed chart can be checked with a ruler.
#include "recording/Recording.h"
#include "render/ChartLayout.h"
#include "render/ColourMap.h"

#include <QColor>
#include <QLineF>
#include <QRectF>
#include <QString>

#include <optional>
#include <string>
#include <vector>

class QPainter;

namespace execg {

enum class GridStyle { ClinicalRed, NeutralGrey, None };
enum class OverlayMode { Band, TraceColour, Strip };

struct PaperChartStyle {
    double speedMmPerSecond = 25.0;      // 12.5, 25 or 50
    double gainMmPerMillivolt = 10.0;    // 5, 10 or 20
    bool halfGainChest = false;          // V1–V6 at half the gain (tall complexes); their rows' pulses step down
    ChartLayoutKind layout = ChartLayoutKind::ThreeByFourPlusOne;
    LeadOrder order = LeadOrder::Standard;
    std::vector<std::string> rhythmLeads;   // empty: II (one strip) or V1, II, V5 (three)
    GridStyle grid = GridStyle::ClinicalRed;
    bool calibrationPulse = true, leadLabels = true, columnSeparators = true;
    double windowSeconds = 10.0;         // the standard 12-lead's 10 s, or less where the width or the speed says so
    bool keepWindow = false;             // never shorten the window (columns that hold fixed content, e.g. median
                                         // beats); what does not fit the width is cut off at its edge
    QColor trace = Qt::black, text{30, 30, 30}, background = Qt::white;
};

// An attribution map shown with the chart. `map` is one vector per group lead on the group's samples (NaN where
// the model saw nothing), as Explanation::recordingMap holds it.
struct AttributionOverlay {
    const std::vector<std::vector<float>>* map = nullptr;
    ColourMapKind colours = ColourMapKind::Diverging;
    OverlayMode mode = OverlayMode::Band;
    double scale = 1.0;     // |value| drawn at the colour map's end (shared across methods, per method or absolute)
    QString title;          // "Integrated gradients"
    QString scaleNote;      // "scale shared by 3 methods" — the colour bar prints it
};

// A counterfactual drawn over the recording: the original stays black, the counterfactual goes on top in a colour
// of its own (Okabe–Ito vermilion: distinct from black and from the attribution colours for colour-blind readers),
// and the difference may be shaded. Same leads by name, same rate and sample axis as the chart's group.
struct CounterfactualOverlay {
    const SignalGroup* group = nullptr;
    QColor colour{213, 94, 0};
    bool shadeDifference = true;
    QString label;          // "counterfactual: K+ 4.5 mmol/L" for a legend
};

class PaperChartRenderer {
public:
    PaperChartRenderer(const SignalGroup& group, PaperChartStyle style);

    void setOverlay(std::optional<AttributionOverlay> overlay) { overlay_ = std::move(overlay); }
    // Throws std::invalid_argument when the counterfactual's rate differs from the chart's.
    void setCounterfactual(std::optional<CounterfactualOverlay> counterfactual);
    const PaperChartStyle& style() const { return style_; }

    // Width of the calibration-pulse margin at the left, in mm.
    double pulseMarginMm() const;
    // Seconds the chart shows at `widthMm`: the style's window (10 s), or what fits at its speed in whole quarter
    // seconds (10 s at 25 mm/s needs 250 mm plus the pulse margin; 50 mm/s on A4 shows 5 s).
    double windowSecondsFor(double widthMm) const;
    // The layout used for a chart `widthMm` wide: the style's, or for a recording of one or two leads (or mostly
    // others than the layout's) its own leads as full-width strips — one lead over as many rows as its recording
    // fills (at most eight), each row the next stretch of time.
    ChartLayout layoutFor(double widthMm) const;

    // Paints a chart `sizeMm` large with its top-left corner at `topLeftPx`, showing the group from
    // `windowStartSeconds`. A lead the recording lacks is labelled "not recorded", never left silently blank.
    void paint(QPainter& p, QPointF topLeftPx, QSizeF sizeMm, double pxPerMm, double windowStartSeconds = 0.0) const;

    // The recording time (s) under a point of a chart painted by paint() with the same arguments; nothing where the
    // point lies in no lead's cell (the pulse margin, outside the chart).
    std::optional<double> timeAt(QPointF pointPx, QPointF topLeftPx, QSizeF sizeMm, double pxPerMm,
                                 double windowStartSeconds = 0.0) const;
    // The layout cell under a point (the lead it shows, its time span); nothing outside every cell.
    std::optional<ChartCell> cellAt(QPointF pointPx, QPointF topLeftPx, QSizeF sizeMm, double pxPerMm) const;
    // The gain a lead is drawn at, in mm/mV (half for chest leads when the style says so).
    double gainFor(const std::string& lead) const;

    // Where a time cursor at `seconds` crosses the chart: one vertical line per cell whose span holds it.
    std::vector<QLineF> cursorLines(double seconds, QPointF topLeftPx, QSizeF sizeMm, double pxPerMm,
                                    double windowStartSeconds = 0.0) const;

    // Where `lead` shows the recording time [fromSeconds, toSeconds): one rectangle (a row's height) per cell that
    // shows the lead in that span, rhythm strips included.
    std::vector<QRectF> spanRects(const std::string& lead, double fromSeconds, double toSeconds, QPointF topLeftPx,
                                  QSizeF sizeMm, double pxPerMm, double windowStartSeconds = 0.0) const;

    // A colour bar for the overlay with its scale written out: −s, 0, +s (signed) or 0, s/2, s.
    static void paintColourBar(QPainter& p, const QRectF& rectPx, const AttributionOverlay& overlay, double pxPerMm,
                               const QColor& text = QColor(30, 30, 30));

private:
    struct Cell;
    void paintCell(QPainter& p, const Cell& cell, double pxPerMm) const;
    void paintOverlay(QPainter& p, const Cell& cell, double pxPerMm) const;
    void paintCounterfactual(QPainter& p, const Cell& cell, double pxPerMm) const;
    int leadIndex(const std::string& name) const;

    const SignalGroup& group_;
    PaperChartStyle style_;
    std::optional<AttributionOverlay> overlay_;
    std::optional<CounterfactualOverlay> counterfactual_;
};

} // namespace execg
