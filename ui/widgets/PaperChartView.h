#pragma once
// The paper chart on screen: the same PaperChartRenderer the PDF prints, with zoom (fit, or a factor of true size),
// pan, a time cursor and the scale always written in the corner, so a chart shown smaller than true size never
// passes for one at 25 mm/s and 10 mm/mV. The chart is painted into a cached image; moving the cursor only redraws
// the cursor.
#include "explain/Explanation.h"
#include "recording/Recording.h"
#include "render/PaperChartRenderer.h"
#include "widgets/ChartAnnotationLayer.h"

#include <QAbstractScrollArea>
#include <QImage>

#include <cmath>
#include <limits>
#include <memory>
#include <optional>

namespace execg {

class ChartState;

enum class ChartZoom { FitPage, FitWidth, Factor };

// What the calipers measure between their two ends, in the chart's own units.
struct CaliperReading {
    double milliseconds = 0.0;   // time between the ends (from the paper speed)
    double millivolts = 0.0;     // amplitude between the ends (from the gain of the lead where the caliper starts)
    double bpm = 0.0;            // 60 000 / |ms|: a rate when the ends span one RR interval
    QString lead;                // the lead under the first end
};

class PaperChartView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit PaperChartView(QWidget* parent = nullptr);

    void setRecording(std::shared_ptr<const Recording> recording, int groupIndex);
    void setStyle(const PaperChartStyle& style);
    // The shared chart state — style, the model's window, the map and its caption — as this view shows it (the
    // recording comes from the Workbench, the annotations from its Teaching).
    void showState(const ChartState& state);
    const PaperChartStyle& chartStyle() const { return style_; }
    void setWindowStart(double seconds);
    double windowStart() const { return windowStart_; }
    // The attribution shown over the chart (null: none); `overlay.map` is taken from `explanation`.
    void setOverlay(std::shared_ptr<const Explanation> explanation, const AttributionOverlay& overlay);
    void clearOverlay();
    bool hasOverlay() const { return explanation_ != nullptr; }
    const AttributionOverlay& overlay() const { return overlay_; }
    void setShowColourBar(bool on);
    // A counterfactual drawn over the recording (vermilion over the black original, the difference shaded); null: none.
    void setCounterfactual(std::shared_ptr<const SignalGroup> counterfactual, const QString& label = {});
    bool hasCounterfactual() const { return counterfactual_ != nullptr; }
    void setRowHeightMm(double mm);   // 0: chosen from the gain
    void setCaption(const QString& caption);
    QString caption() const { return caption_; }
    void setFilterNote(const QString& note);   // written with the scale ("display filter 0.5–40 Hz")
    QString filterNote() const { return filterNote_; }

    // Zoom: fit the page or the width, or a factor of true size (1 = the paper's millimetres on this screen).
    void setZoom(ChartZoom mode, double factor = 1.0);
    ChartZoom zoomMode() const { return zoomMode_; }
    double zoomFactor() const;          // of true size, whatever the mode
    double pixelsPerMm() const;         // as painted now
    static double screenPixelsPerMm(const QWidget* w);   // true size on this screen
    QSizeF chartSizeMm() const;

    // Calipers: drag with Shift held (or any drag in caliper mode) from one point to another; Esc clears them.
    void setCaliperMode(bool on) { caliperMode_ = on; }
    bool caliperMode() const { return caliperMode_; }
    void setCaliper(QPointF fromPx, QPointF toPx);   // viewport pixels
    void clearCaliper();
    std::optional<CaliperReading> caliper() const;

    // Teaching: the tool the mouse works (navigate, mark a lead, pen, pointer) and the marks and strokes shown.
    void setTool(ChartTool tool);
    ChartTool tool() const { return annotationLayer_.tool(); }
    void setAnnotations(const CaseAnnotations& annotations);

    void setCursorTime(double seconds);   // NaN hides it
    double cursorTime() const { return cursor_; }
    // Renders the chart as it is shown (for PNG export and tests).
    QImage renderImage() const;

signals:
    void cursorMoved(double seconds);       // NaN when the pointer leaves the leads
    void zoomChanged(execg::ChartZoom mode, double factor);
    void scrolled(double xFraction, double yFraction);
    void markDrawn(const execg::LeadMark& mark);
    void strokeDrawn(const execg::ChartStroke& stroke);

public slots:
    void zoomIn();
    void zoomOut();
    void setScrollFractions(double x, double y);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    const SignalGroup* group() const;
    double rowHeightMm() const;
    QPointF chartOrigin() const;        // the chart's top-left in viewport pixels
    void updateGeometry();
    void invalidate();
    void paintChart(QPainter& p, QPointF origin, double pxPerMm) const;

    std::shared_ptr<const Recording> recording_;
    int group_ = -1;
    PaperChartStyle style_;
    double windowStart_ = 0.0;
    std::shared_ptr<const Explanation> explanation_;
    AttributionOverlay overlay_;
    std::shared_ptr<const SignalGroup> counterfactual_;
    QString counterfactualLabel_;
    bool colourBar_ = true;
    double rowHeightMm_ = 0.0;
    QString caption_, filterNote_;
    ChartZoom zoomMode_ = ChartZoom::FitPage;
    double factor_ = 1.0;
    double cursor_ = std::numeric_limits<double>::quiet_NaN();
    QImage cache_;
    bool dragging_ = false, measuring_ = false, caliperMode_ = false;
    QPoint dragFrom_;
    // The caliper's ends in mm from the chart's top-left, so zoom and scroll keep them on the paper.
    std::optional<QPointF> caliperFrom_, caliperTo_;
    QPointF toMm(QPointF px) const;
    QPointF toPx(QPointF mm) const;
    void paintCaliper(QPainter& p) const;
    ChartAnnotationLayer annotationLayer_;
    // The annotation layer's view of the chart as painted now; its renderer must outlive the call.
    ChartAnnotationLayer::Geometry annotationGeometry(const PaperChartRenderer& renderer) const;
};

} // namespace execg
