#include "widgets/CohortPlots.h"

#include "render/CohortFigures.h"

#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace execg {

namespace {

double pxPerMm(const QWidget& w) { return w.logicalDpiX() / 25.4; }

} // namespace

CohortFigureWidget::CohortFigureWidget(Paint paint, QWidget* parent) : QWidget(parent), paint_(std::move(paint))
{
    setAutoFillBackground(true);
}

void CohortFigureWidget::setReport(std::shared_ptr<const CohortReport> report)
{
    report_ = std::move(report);
    if (report_) {
        // Measure the height the figure needs at this width, so a scroll area can show all of it.
        QImage probe(1, 1, QImage::Format_ARGB32);
        QPainter p(&probe);
        CohortFigures figures(p, pxPerMm(*this), *report_, palette().color(QPalette::WindowText));
        setMinimumHeight(int(std::ceil(paint_(figures, QRectF(0, 0, std::max(width(), 600), 100000)))));
    }
    update();
}

void CohortFigureWidget::paintEvent(QPaintEvent*)
{
    if (!report_)
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    CohortFigures figures(p, pxPerMm(*this), *report_, palette().color(QPalette::WindowText));
    paint_(figures, QRectF(rect()));
}

CohortScatterWidget::CohortScatterWidget(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(260);
    setCursor(Qt::PointingHandCursor);
}

void CohortScatterWidget::setReport(std::shared_ptr<const CohortReport> report)
{
    report_ = std::move(report);
    positions_.clear();
    update();
}

void CohortScatterWidget::setMethod(int method)
{
    method_ = method;
    update();
}

void CohortScatterWidget::setWave(int wave)
{
    wave_ = wave;
    update();
}

void CohortScatterWidget::paintEvent(QPaintEvent*)
{
    if (!report_)
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const double mm = pxPerMm(*this);
    CohortFigures figures(p, mm, *report_, palette().color(QPalette::WindowText));
    const QRectF area = QRectF(rect()).adjusted(12 * mm, 3 * mm, -3 * mm, -10 * mm);
    figures.scatter(area, std::size_t(std::max(0, method_)), wave_, &positions_);
}

int CohortScatterWidget::pointAt(const QPointF& at) const
{
    int best = -1;
    double bestDistance = 2.0 * pxPerMm(*this);   // within 2 mm
    for (std::size_t i = 0; i < positions_.size(); ++i) {
        const QPointF d = positions_[i] - at;
        const double distance = std::hypot(d.x(), d.y());
        if (std::isfinite(distance) && distance <= bestDistance) {
            bestDistance = distance;
            best = int(i);
        }
    }
    return best;
}

void CohortScatterWidget::mousePressEvent(QMouseEvent* event)
{
    if (const int i = pointAt(event->position()); i >= 0)
        emit pointClicked(i);
}

} // namespace execg
