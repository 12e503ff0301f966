#include "widgets/PaperChartView.h"

#include "workbench/ChartState.h"
#include "render/LocaleFormat.h"

#include "render/PaperPrimitives.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScreen>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>

namespace execg {

namespace {

constexpr double kCaptionMm = 7.0;     // the method's name above the chart
constexpr double kColourBarMm = 10.0;  // the colour bar under it
constexpr double kMarginMm = 2.0;
constexpr double kMinFactor = 0.1, kMaxFactor = 4.0;

} // namespace

PaperChartView::PaperChartView(QWidget* parent) : QAbstractScrollArea(parent)
{
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);
}

void PaperChartView::setRecording(std::shared_ptr<const Recording> recording, int groupIndex)
{
    recording_ = std::move(recording);
    group_ = groupIndex;
    explanation_.reset();
    counterfactual_.reset();
    caliperFrom_.reset();
    caliperTo_.reset();
    cursor_ = std::numeric_limits<double>::quiet_NaN();
    updateGeometry();
}

const SignalGroup* PaperChartView::group() const
{
    return recording_ && group_ >= 0 && group_ < int(recording_->groups.size()) ? &recording_->groups[std::size_t(group_)] : nullptr;
}

void PaperChartView::setStyle(const PaperChartStyle& style)
{
    style_ = style;
    updateGeometry();
}

void PaperChartView::showState(const ChartState& state)
{
    style_ = state.display().chart;
    windowStart_ = std::max(0.0, state.windowStart());
    caption_ = state.caption();
    if (state.shownExplanation())
        setOverlay(state.shownExplanation(), state.overlay());
    else
        clearOverlay();
    invalidate();
}

void PaperChartView::setWindowStart(double seconds)
{
    windowStart_ = std::max(0.0, seconds);
    invalidate();
}

void PaperChartView::setOverlay(std::shared_ptr<const Explanation> explanation, const AttributionOverlay& overlay)
{
    explanation_ = std::move(explanation);
    overlay_ = overlay;
    overlay_.map = explanation_ ? &explanation_->recordingMap : nullptr;
    updateGeometry();
}

void PaperChartView::clearOverlay()
{
    explanation_.reset();
    overlay_.map = nullptr;
    updateGeometry();
}

void PaperChartView::setCounterfactual(std::shared_ptr<const SignalGroup> counterfactual, const QString& label)
{
    counterfactual_ = std::move(counterfactual);
    counterfactualLabel_ = label;
    invalidate();
}

void PaperChartView::setShowColourBar(bool on)
{
    colourBar_ = on;
    updateGeometry();
}

void PaperChartView::setRowHeightMm(double mm)
{
    rowHeightMm_ = mm;
    updateGeometry();
}

void PaperChartView::setCaption(const QString& caption)
{
    caption_ = caption;
    updateGeometry();
}

void PaperChartView::setFilterNote(const QString& note)
{
    filterNote_ = note;
    viewport()->update();
}

double PaperChartView::rowHeightMm() const
{
    if (rowHeightMm_ > 0)
        return rowHeightMm_;
    // Room for ±2 mV above and 1.5 mV below at the chosen gain, as a printed 3×4 page gives (~40 mm at 10 mm/mV).
    return std::max(20.0, 3.8 * style_.gainMmPerMillivolt);
}

QSizeF PaperChartView::chartSizeMm() const
{
    static const SignalGroup kNoGroup;   // a reference, never a copy of the recording
    const PaperChartRenderer renderer(group() ? *group() : kNoGroup, style_);
    const double width = std::ceil(renderer.pulseMarginMm() + style_.windowSeconds * style_.speedMmPerSecond);
    return {width, renderer.layoutFor(width).rows * rowHeightMm()};
}

double PaperChartView::screenPixelsPerMm(const QWidget* w)
{
    const QScreen* screen = w ? w->screen() : nullptr;
    if (!screen)
        return 96.0 / 25.4;
    // Physical dots per inch over the device-pixel ratio: logical pixels per inch. A screen that reports an
    // implausible physical size (virtual displays often do) gets the logical 96 dpi.
    const double dpi = screen->physicalDotsPerInchX() / std::max(1.0, screen->devicePixelRatio());
    return (dpi >= 50.0 && dpi <= 400.0 ? dpi : 96.0) / 25.4;
}

double PaperChartView::pixelsPerMm() const
{
    const QSizeF chart = chartSizeMm();
    const double contentW = chart.width() + 2 * kMarginMm;
    const double contentH = chart.height() + (caption_.isEmpty() ? 0.0 : kCaptionMm) +
                            (explanation_ && colourBar_ ? kColourBarMm : 0.0) + kMarginMm;
    const QSize vp = viewport()->size();
    switch (zoomMode_) {
    case ChartZoom::FitPage:
        return std::max(0.5, std::min(vp.width() / contentW, vp.height() / contentH));
    case ChartZoom::FitWidth:
        return std::max(0.5, vp.width() / contentW);
    case ChartZoom::Factor:
        break;
    }
    return screenPixelsPerMm(this) * factor_;
}

double PaperChartView::zoomFactor() const { return pixelsPerMm() / screenPixelsPerMm(this); }

void PaperChartView::setZoom(ChartZoom mode, double factor)
{
    zoomMode_ = mode;
    factor_ = std::clamp(factor, kMinFactor, kMaxFactor);
    updateGeometry();
    emit zoomChanged(zoomMode_, factor_);
}

void PaperChartView::zoomIn() { setZoom(ChartZoom::Factor, zoomFactor() * 1.25); }

void PaperChartView::zoomOut() { setZoom(ChartZoom::Factor, zoomFactor() / 1.25); }

void PaperChartView::updateGeometry()
{
    const double px = pixelsPerMm();
    const QSizeF chart = chartSizeMm();
    const int contentW = int(std::ceil((chart.width() + 2 * kMarginMm) * px));
    const int contentH = int(std::ceil((chart.height() + (caption_.isEmpty() ? 0.0 : kCaptionMm) +
                                        (explanation_ && colourBar_ ? kColourBarMm : 0.0) + kMarginMm) * px));
    horizontalScrollBar()->setRange(0, std::max(0, contentW - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    verticalScrollBar()->setRange(0, std::max(0, contentH - viewport()->height()));
    verticalScrollBar()->setPageStep(viewport()->height());
    invalidate();
}

void PaperChartView::invalidate()
{
    cache_ = QImage();
    viewport()->update();
}

QPointF PaperChartView::chartOrigin() const
{
    const double px = pixelsPerMm();
    const double contentW = (chartSizeMm().width() + 2 * kMarginMm) * px;
    const double left = contentW < viewport()->width() ? (viewport()->width() - contentW) / 2 : -horizontalScrollBar()->value();
    return {left + kMarginMm * px, (caption_.isEmpty() ? kMarginMm : kCaptionMm) * px - verticalScrollBar()->value()};
}

void PaperChartView::paintChart(QPainter& p, QPointF origin, double px) const
{
    const SignalGroup* g = group();
    if (!g)
        return;
    PaperChartRenderer renderer(*g, style_);
    if (explanation_)
        renderer.setOverlay(overlay_);
    if (counterfactual_ && std::abs(counterfactual_->samplingRateHz - g->samplingRateHz) < 1e-9) {
        CounterfactualOverlay cf;
        cf.group = counterfactual_.get();
        cf.label = counterfactualLabel_;
        renderer.setCounterfactual(cf);
    }
    const QSizeF size = chartSizeMm();
    if (!caption_.isEmpty()) {
        p.setFont(paperFont(p, px, 3.2, true));
        p.setPen(style_.text);
        p.drawText(QRectF(origin.x(), origin.y() - kCaptionMm * px, size.width() * px, kCaptionMm * px),
                   Qt::AlignLeft | Qt::AlignVCenter, caption_);
    }
    renderer.paint(p, origin, size, px, windowStart_);
    if (explanation_ && colourBar_)
        PaperChartRenderer::paintColourBar(p, QRectF(origin.x(), origin.y() + (size.height() + 1.5) * px,
                                                     std::min(size.width(), 160.0) * px, 7.0 * px),
                                           overlay_, px, style_.text);
}

void PaperChartView::paintEvent(QPaintEvent*)
{
    QPainter p(viewport());
    const qreal dpr = devicePixelRatioF();
    if (cache_.isNull() || cache_.size() != viewport()->size() * dpr) {
        cache_ = QImage(viewport()->size() * dpr, QImage::Format_ARGB32_Premultiplied);
        cache_.setDevicePixelRatio(dpr);
        cache_.fill(palette().color(QPalette::Base));
        QPainter cp(&cache_);
        if (group())
            paintChart(cp, chartOrigin(), pixelsPerMm());
        else {
            cp.setPen(palette().color(QPalette::PlaceholderText));
            cp.drawText(QRectF(QPointF(0, 0), QSizeF(viewport()->size())), Qt::AlignCenter, tr("No recording open"));
        }
    }
    p.drawImage(QPointF(0, 0), cache_);
    const SignalGroup* g = group();
    if (!g)
        return;
    const double px = pixelsPerMm();
    if (std::isfinite(cursor_)) {
        const PaperChartRenderer renderer(*g, style_);
        p.setPen(QPen(QColor(0, 114, 178), 1.5));   // Okabe–Ito blue: apart from the trace and the maps' ends
        for (const QLineF& l : renderer.cursorLines(cursor_, chartOrigin(), chartSizeMm(), px, windowStart_))
            p.drawLine(l);
    }
    paintCaliper(p);
    if (annotationLayer_.tool() != ChartTool::Navigate || !annotationLayer_.annotations().empty()) {
        const PaperChartRenderer renderer(*g, style_);
        annotationLayer_.paint(p, annotationGeometry(renderer));
    }
    // The scale, always: what the reader measures against.
    const QString scale = tr("%1 mm/s · %2 mm/mV · %3 % of true size")
                              .arg(localNumber(style_.speedMmPerSecond, 'g', 3))
                              .arg(localNumber(style_.gainMmPerMillivolt, 'g', 3))
                              .arg(std::lround(100.0 * px / screenPixelsPerMm(this)));
    QString shown = filterNote_.isEmpty() ? scale : scale + QStringLiteral(" · ") + filterNote_;
    if (p.fontMetrics().horizontalAdvance(shown) + 20 > viewport()->width())
        shown = scale;
    if (p.fontMetrics().horizontalAdvance(shown) + 20 > viewport()->width())   // a narrow chart keeps the essentials
        shown = tr("%1 mm/s · %2 mm/mV").arg(localNumber(style_.speedMmPerSecond, 'g', 3)).arg(localNumber(style_.gainMmPerMillivolt, 'g', 3));
    const QRect box = p.fontMetrics().boundingRect(shown).adjusted(-6, -3, 6, 3);
    const QRect at(viewport()->width() - box.width() - 4, viewport()->height() - box.height() - 4, box.width(), box.height());
    p.fillRect(at, QColor(255, 255, 255, 220));
    p.setPen(QColor(40, 40, 40));
    p.drawText(at, Qt::AlignCenter, shown);
}

QImage PaperChartView::renderImage() const
{
    QImage image(viewport()->size(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    paintChart(p, chartOrigin(), pixelsPerMm());
    return image;
}

void PaperChartView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateGeometry();
}

void PaperChartView::scrollContentsBy(int, int)
{
    invalidate();
    const auto fraction = [](const QScrollBar* b) { return b->maximum() > 0 ? double(b->value()) / b->maximum() : 0.0; };
    emit scrolled(fraction(horizontalScrollBar()), fraction(verticalScrollBar()));
}

void PaperChartView::setScrollFractions(double x, double y)
{
    const QSignalBlocker bh(horizontalScrollBar()), bv(verticalScrollBar());
    horizontalScrollBar()->setValue(int(std::lround(x * horizontalScrollBar()->maximum())));
    verticalScrollBar()->setValue(int(std::lround(y * verticalScrollBar()->maximum())));
    invalidate();
}

void PaperChartView::setCursorTime(double seconds)
{
    if (seconds == cursor_ || (std::isnan(seconds) && std::isnan(cursor_)))
        return;
    cursor_ = seconds;
    viewport()->update();
}

void PaperChartView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

QPointF PaperChartView::toMm(QPointF px) const { return (px - chartOrigin()) / pixelsPerMm(); }

QPointF PaperChartView::toPx(QPointF mm) const { return chartOrigin() + mm * pixelsPerMm(); }

void PaperChartView::setCaliper(QPointF fromPx, QPointF toPx)
{
    caliperFrom_ = toMm(fromPx);
    caliperTo_ = toMm(toPx);
    viewport()->update();
}

void PaperChartView::clearCaliper()
{
    caliperFrom_.reset();
    caliperTo_.reset();
    viewport()->update();
}

std::optional<CaliperReading> PaperChartView::caliper() const
{
    const SignalGroup* g = group();
    if (!g || !caliperFrom_ || !caliperTo_)
        return std::nullopt;
    const PaperChartRenderer renderer(*g, style_);
    const QPointF d = *caliperTo_ - *caliperFrom_;
    const auto cell = renderer.cellAt(toPx(*caliperFrom_), chartOrigin(), chartSizeMm(), pixelsPerMm());
    CaliperReading r;
    r.milliseconds = 1000.0 * d.x() / style_.speedMmPerSecond;
    const double gain = cell ? renderer.gainFor(cell->lead) : style_.gainMmPerMillivolt;
    r.millivolts = -d.y() / gain * (cell && cell->inverted ? -1.0 : 1.0);   // up the paper is positive
    r.bpm = std::abs(r.milliseconds) > 1e-9 ? 60000.0 / std::abs(r.milliseconds) : 0.0;
    r.lead = cell ? QString::fromStdString(cell->label()) : QString();
    return r;
}

void PaperChartView::paintCaliper(QPainter& p) const
{
    const auto r = caliper();
    if (!r)
        return;
    const QPointF a = toPx(*caliperFrom_), b = toPx(*caliperTo_);
    const QColor colour(0, 114, 178);   // Okabe–Ito blue, as the cursor
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(colour, 1.5));
    const double tick = 6.0;
    p.drawLine(QPointF(a.x(), a.y() - tick), QPointF(a.x(), a.y() + tick));
    p.drawLine(QPointF(b.x(), b.y() - tick), QPointF(b.x(), b.y() + tick));
    p.drawLine(QPointF(a.x() - tick, a.y()), QPointF(a.x() + tick, a.y()));
    p.drawLine(QPointF(b.x() - tick, b.y()), QPointF(b.x() + tick, b.y()));
    p.setPen(QPen(colour, 1.0, Qt::DashLine));
    p.drawLine(a, QPointF(b.x(), a.y()));   // the time leg
    p.drawLine(QPointF(b.x(), a.y()), b);   // the amplitude leg
    const QString text = tr("%1 ms · %2 bpm · %3 mV%4")
                             .arg(std::lround(r->milliseconds))
                             .arg(std::lround(r->bpm))
                             .arg(localNumber(r->millivolts, 'f', 2))
                             .arg(r->lead.isEmpty() ? QString() : tr(" (%1)").arg(r->lead));
    QRectF box = p.fontMetrics().boundingRect(text).adjusted(-5, -3, 5, 3);
    box.moveTopLeft(QPointF(std::max(a.x(), b.x()) + 8, std::min(a.y(), b.y()) - box.height() - 4));
    p.fillRect(box, QColor(255, 255, 255, 235));
    p.setPen(colour);
    p.drawRect(box);
    p.drawText(box, Qt::AlignCenter, text);
    p.restore();
}

void PaperChartView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && caliperFrom_) {
        clearCaliper();
        event->accept();
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

ChartAnnotationLayer::Geometry PaperChartView::annotationGeometry(const PaperChartRenderer& renderer) const
{
    return {&renderer, chartOrigin(), chartSizeMm(), pixelsPerMm(), windowStart_};
}

void PaperChartView::setTool(ChartTool tool)
{
    annotationLayer_.setTool(tool);
    viewport()->setCursor(tool == ChartTool::Navigate ? Qt::ArrowCursor : tool == ChartTool::Pointer ? Qt::BlankCursor
                                                                                                     : Qt::CrossCursor);
    viewport()->update();
}

void PaperChartView::setAnnotations(const CaseAnnotations& annotations)
{
    annotationLayer_.setAnnotations(annotations);
    viewport()->update();
}

void PaperChartView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && annotationLayer_.tool() != ChartTool::Navigate && group()) {
        const PaperChartRenderer renderer(*group(), style_);
        if (annotationLayer_.press(event->position(), annotationGeometry(renderer)))
            viewport()->update();
        return;
    }
    if (event->button() == Qt::LeftButton && (caliperMode_ || (event->modifiers() & Qt::ShiftModifier))) {
        measuring_ = true;
        setCaliper(event->position(), event->position());
        return;
    }
    if (event->button() == Qt::LeftButton) {
        dragging_ = true;
        dragFrom_ = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
}

void PaperChartView::mouseMoveEvent(QMouseEvent* event)
{
    if (annotationLayer_.tool() != ChartTool::Navigate && group()) {
        const PaperChartRenderer renderer(*group(), style_);
        if (annotationLayer_.move(event->position(), annotationGeometry(renderer)))
            viewport()->update();
    }
    if (measuring_) {
        caliperTo_ = toMm(event->position());
        viewport()->update();
    } else if (dragging_) {
        const QPoint d = event->position().toPoint() - dragFrom_;
        dragFrom_ = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
    }
    const SignalGroup* g = group();
    if (!g)
        return;
    const PaperChartRenderer renderer(*g, style_);
    const auto t = renderer.timeAt(event->position(), chartOrigin(), chartSizeMm(), pixelsPerMm(), windowStart_);
    const double seconds = t ? *t : std::numeric_limits<double>::quiet_NaN();
    setCursorTime(seconds);
    emit cursorMoved(seconds);
}

void PaperChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (annotationLayer_.tool() != ChartTool::Navigate && group()) {
        const PaperChartRenderer renderer(*group(), style_);
        const auto drawn = annotationLayer_.release(event->position(), annotationGeometry(renderer));
        viewport()->update();
        if (drawn && std::holds_alternative<LeadMark>(*drawn))
            emit markDrawn(std::get<LeadMark>(*drawn));
        else if (drawn)
            emit strokeDrawn(std::get<ChartStroke>(*drawn));
    }
    dragging_ = false;
    measuring_ = false;
    viewport()->unsetCursor();
}

void PaperChartView::leaveEvent(QEvent*)
{
    if (annotationLayer_.leave())
        viewport()->update();
    setCursorTime(std::numeric_limits<double>::quiet_NaN());
    emit cursorMoved(std::numeric_limits<double>::quiet_NaN());
}

} // namespace execg
