#include "widgets/ChartAnnotationLayer.h"

#include <QPainterPath>

#include <cmath>

namespace execg {

namespace {
constexpr double kShortestMarkSeconds = 0.02;      // a click is not a mark
const QColor kMarkColour(0x00, 0x72, 0xb2);        // Okabe–Ito blue: apart from the trace and the maps
const QColor kPointerColour(0xd5, 0x5e, 0x00);     // vermilion, as the pen
} // namespace

void ChartAnnotationLayer::setTool(ChartTool tool)
{
    tool_ = tool;
    markFrom_.reset();
    markTo_.reset();
    stroke_.reset();
    pointer_.reset();
}

bool ChartAnnotationLayer::press(QPointF px, const Geometry& g)
{
    switch (tool_) {
    case ChartTool::Mark:
        markFrom_ = px;
        markTo_ = px;
        return true;
    case ChartTool::Pen:
        stroke_ = ChartStroke{};
        stroke_->pointsMm << g.toMm(px);
        return true;
    case ChartTool::Pointer:
        pointer_ = px;
        return true;
    case ChartTool::Navigate:
        break;
    }
    return false;
}

bool ChartAnnotationLayer::move(QPointF px, const Geometry& g)
{
    switch (tool_) {
    case ChartTool::Mark:
        if (!markFrom_)
            return false;
        markTo_ = px;
        return true;
    case ChartTool::Pen:
        if (!stroke_)
            return false;
        // A point every half millimetre is smooth at any zoom and keeps a session file small.
        if (QLineF(stroke_->pointsMm.back(), g.toMm(px)).length() >= 0.5)
            stroke_->pointsMm << g.toMm(px);
        return true;
    case ChartTool::Pointer:
        pointer_ = px;
        return true;
    case ChartTool::Navigate:
        break;
    }
    return false;
}

std::optional<ChartAnnotationLayer::Drawn> ChartAnnotationLayer::release(QPointF px, const Geometry& g)
{
    std::optional<Drawn> drawn;
    if (tool_ == ChartTool::Mark && markFrom_) {
        if (auto mark = markBetween(*markFrom_, px, g))
            drawn = *mark;
        markFrom_.reset();
        markTo_.reset();
    } else if (tool_ == ChartTool::Pen && stroke_) {
        stroke_->pointsMm << g.toMm(px);
        if (stroke_->pointsMm.size() >= 2)
            drawn = *stroke_;
        stroke_.reset();
    }
    return drawn;
}

bool ChartAnnotationLayer::leave()
{
    const bool had = pointer_.has_value();
    pointer_.reset();
    return had;
}

std::optional<LeadMark> ChartAnnotationLayer::markBetween(QPointF fromPx, QPointF toPx, const Geometry& g) const
{
    if (!g.renderer)
        return std::nullopt;
    // The lead is the one under the press; the span is clamped to what that cell shows.
    const auto cell = g.renderer->cellAt(fromPx, g.origin, g.sizeMm, g.pxPerMm);
    if (!cell)
        return std::nullopt;
    const double speed = g.renderer->style().speedMmPerSecond;
    const auto timeAt = [&](QPointF p) {
        const double t = ((p.x() - g.origin.x()) / g.pxPerMm - g.renderer->pulseMarginMm()) / speed;
        return std::clamp(t, cell->startSeconds, cell->startSeconds + cell->durationSeconds) + g.windowStart;
    };
    const double a = timeAt(fromPx), b = timeAt(toPx);
    if (std::abs(b - a) < kShortestMarkSeconds)
        return std::nullopt;
    return LeadMark{cell->lead, std::min(a, b), std::max(a, b)};
}

void ChartAnnotationLayer::paintMark(QPainter& p, const LeadMark& mark, const Geometry& g, bool drawing) const
{
    QColor fill = kMarkColour;
    fill.setAlpha(drawing ? 40 : 55);
    for (const QRectF& r : g.renderer->spanRects(mark.lead, mark.startSeconds, mark.endSeconds, g.origin, g.sizeMm,
                                                 g.pxPerMm, g.windowStart)) {
        const QRectF inner = r.adjusted(0, 0.15 * r.height(), 0, -0.15 * r.height());
        p.fillRect(inner, fill);
        p.setPen(QPen(kMarkColour, std::max(1.0, 0.25 * g.pxPerMm), drawing ? Qt::DashLine : Qt::SolidLine));
        p.drawRect(inner);
    }
}

void ChartAnnotationLayer::paint(QPainter& p, const Geometry& g) const
{
    if (!g.renderer)
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    for (const auto& m : annotations_.marks)
        paintMark(p, m, g, false);
    if (markFrom_ && markTo_)
        if (const auto m = markBetween(*markFrom_, *markTo_, g))
            paintMark(p, *m, g, true);

    const auto paintStroke = [&](const ChartStroke& s) {
        QPainterPath path(g.toPx(s.pointsMm.front()));
        for (qsizetype i = 1; i < s.pointsMm.size(); ++i)
            path.lineTo(g.toPx(s.pointsMm[i]));
        p.setPen(QPen(s.colour, std::max(1.5, s.widthMm * g.pxPerMm), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    };
    for (const auto& s : annotations_.strokes)
        paintStroke(s);
    if (stroke_ && !stroke_->pointsMm.isEmpty())
        paintStroke(*stroke_);

    if (pointer_) {
        // Sized in paper millimetres, at least 10 px: visible from the back of a room at any zoom.
        const double r = std::max(10.0, 2.5 * g.pxPerMm);
        QColor halo = kPointerColour;
        halo.setAlpha(70);
        p.setPen(Qt::NoPen);
        p.setBrush(halo);
        p.drawEllipse(*pointer_, 2 * r, 2 * r);
        p.setBrush(kPointerColour);
        p.drawEllipse(*pointer_, r, r);
    }
    p.restore();
}

} // namespace execg
