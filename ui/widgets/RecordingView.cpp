#include "widgets/RecordingView.h"
#include "render/LocaleFormat.h"

#include <QPainter>
#include <QScrollBar>

#include <cmath>

namespace execg {

namespace {
constexpr double kMmPerInch = 25.4;
}

RecordingView::RecordingView(QWidget* parent) : QAbstractScrollArea(parent)
{
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);
}

double RecordingView::pixelsPerMm() const
{
    // Logical DPI is what Qt scales fonts by; on a calibrated workstation it is the true screen resolution.
    return logicalDpiX() / kMmPerInch;
}

const SignalGroup* RecordingView::currentGroup() const
{
    if (!recording_ || group_ < 0 || group_ >= int(recording_->groups.size()))
        return nullptr;
    return &recording_->groups[size_t(group_)];
}

void RecordingView::setRecording(std::shared_ptr<const Recording> recording, int groupIndex)
{
    recording_ = std::move(recording);
    group_ = groupIndex;
    horizontalScrollBar()->setValue(0);
    verticalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

void RecordingView::setGroup(int groupIndex)
{
    group_ = groupIndex;
    updateScrollBars();
    viewport()->update();
}

void RecordingView::setSpeed(double mmPerSecond)
{
    const double t = startSeconds();
    style_.speedMmPerSecond = mmPerSecond;
    updateScrollBars();
    horizontalScrollBar()->setValue(int(std::lround(t * mmPerSecond * pixelsPerMm())));
    viewport()->update();
}

void RecordingView::setGain(double mmPerMillivolt)
{
    style_.gainMmPerMillivolt = mmPerMillivolt;
    style_.rowHeightMm = std::max(20.0, 3.0 * mmPerMillivolt);
    updateScrollBars();
    viewport()->update();
}

double RecordingView::startSeconds() const
{
    return horizontalScrollBar()->value() / (style_.speedMmPerSecond * pixelsPerMm());
}

void RecordingView::updateScrollBars()
{
    const SignalGroup* g = currentGroup();
    if (!g) {
        horizontalScrollBar()->setRange(0, 0);
        verticalScrollBar()->setRange(0, 0);
        return;
    }
    StackedLeadRenderer r(*g, style_);
    const QSizeF mm = r.contentSizeMm();
    const double px = pixelsPerMm();
    const QSize vp = viewport()->size();
    // Scroll positions are pixels; INT_MAX px at ~4 px/mm is ~6 days at 25 mm/s, far beyond a Holter.
    const double w = std::min(mm.width() * px - vp.width(), double(INT_MAX / 2));
    horizontalScrollBar()->setRange(0, std::max(0, int(w)));
    horizontalScrollBar()->setPageStep(vp.width());
    verticalScrollBar()->setRange(0, std::max(0, int(mm.height() * px - vp.height())));
    verticalScrollBar()->setPageStep(vp.height());
}

void RecordingView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void RecordingView::paintEvent(QPaintEvent*)
{
    QPainter p(viewport());
    const SignalGroup* g = currentGroup();
    if (!g) {
        p.fillRect(viewport()->rect(), palette().base());
        p.setPen(palette().text().color());
        p.drawText(viewport()->rect(), Qt::AlignCenter,
                   tr("Open an ECG recording (File ▸ Open, or drop a file here)."));
        return;
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    StackedLeadRenderer r(*g, style_);
    const double px = pixelsPerMm();
    const double top = -verticalScrollBar()->value();
    const QRectF target(0, top, viewport()->width(), r.contentSizeMm().height() * px);
    r.paint(p, target, px, startSeconds());
    // The scale and the position stay written whatever is scrolled into view: a trace without them cannot be read.
    const QString scale = tr("%1 mm/s · %2 mm/mV · from %3 s")
                              .arg(localNumber(style_.speedMmPerSecond, 'g', 4))
                              .arg(localNumber(style_.gainMmPerMillivolt, 'g', 4))
                              .arg(localNumber(startSeconds(), 'f', 1));
    QRectF box = p.fontMetrics().boundingRect(scale);
    box.adjust(-6, -3, 6, 3);
    box.moveBottomRight(QPointF(viewport()->width() - 8, viewport()->height() - 6));
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillRect(box, QColor(255, 255, 255, 230));
    p.setPen(Qt::black);
    p.drawText(box, Qt::AlignCenter, scale);
}

} // namespace execg
