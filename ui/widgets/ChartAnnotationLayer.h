#pragma once
// What teaching draws over the paper chart: the learner's quiz marks (a stretch of one lead, dragged along it), the
// presenter's pen strokes and the pointer, a large dot that a lecture hall can follow. PaperChartView hands it the
// mouse while a teaching tool is chosen and paints it over the chart; it keeps no domain state beyond the stroke
// being drawn (the marks and strokes belong to Workbench's Teaching).
#include "render/PaperChartRenderer.h"
#include "workbench/Teaching.h"

#include <QPainter>

#include <optional>
#include <variant>

namespace execg {

enum class ChartTool { Navigate, Mark, Pen, Pointer };

class ChartAnnotationLayer {
public:
    // How the chart is painted now: the same arguments PaperChartRenderer::paint took.
    struct Geometry {
        const PaperChartRenderer* renderer = nullptr;
        QPointF origin;
        QSizeF sizeMm;
        double pxPerMm = 1.0;
        double windowStart = 0.0;
        QPointF toMm(QPointF px) const { return (px - origin) / pxPerMm; }
        QPointF toPx(QPointF mm) const { return origin + mm * pxPerMm; }
    };
    using Drawn = std::variant<LeadMark, ChartStroke>;

    void setTool(ChartTool tool);
    ChartTool tool() const { return tool_; }
    void setAnnotations(const CaseAnnotations& annotations) { annotations_ = annotations; }
    const CaseAnnotations& annotations() const { return annotations_; }

    // Mouse handling while a teaching tool is chosen; each returns whether the chart needs repainting.
    bool press(QPointF px, const Geometry& g);
    bool move(QPointF px, const Geometry& g);
    std::optional<Drawn> release(QPointF px, const Geometry& g);
    bool leave();

    void paint(QPainter& p, const Geometry& g) const;

private:
    std::optional<LeadMark> markBetween(QPointF fromPx, QPointF toPx, const Geometry& g) const;
    void paintMark(QPainter& p, const LeadMark& mark, const Geometry& g, bool drawing) const;

    ChartTool tool_ = ChartTool::Navigate;
    CaseAnnotations annotations_;
    std::optional<QPointF> markFrom_, markTo_;   // px, while a mark is dragged
    std::optional<ChartStroke> stroke_;          // while the pen draws
    std::optional<QPointF> pointer_;             // px, while the pointer is over the chart
};

} // namespace execg
