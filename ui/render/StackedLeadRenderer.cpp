#include "render/StackedLeadRenderer.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace execg {

QSizeF StackedLeadRenderer::contentSizeMm() const
{
    return {style_.labelWidthMm + group_.durationSeconds() * style_.speedMmPerSecond,
            style_.rowHeightMm * double(group_.leads.size())};
}

void StackedLeadRenderer::paint(QPainter& p, const QRectF& target, double pxPerMm, double startSeconds) const
{
    p.save();
    p.setClipRect(target);
    p.fillRect(target, style_.background);
    const double labelPx = style_.labelWidthMm * pxPerMm;
    // The grid stops where the recording does, so blank paper is never mistaken for a flat trace.
    const double remainingPx =
        std::max(0.0, (group_.durationSeconds() - startSeconds) * style_.speedMmPerSecond * pxPerMm);
    const QRectF traceArea(target.left() + labelPx, target.top(), std::min(target.width() - labelPx, remainingPx),
                           target.height());
    if (style_.grid)
        paintGrid(p, traceArea, pxPerMm);
    const double rowPx = style_.rowHeightMm * pxPerMm;
    QFont font = p.font();
    font.setPixelSize(std::max(8, int(3.5 * pxPerMm)));
    p.setFont(font);
    for (size_t i = 0; i < group_.leads.size(); ++i) {
        const QRectF row(traceArea.left(), target.top() + double(i) * rowPx, traceArea.width(), rowPx);
        if (row.top() > target.bottom())
            break;
        const Lead& lead = group_.leads[i];
        p.setPen(style_.text);
        QString label = QString::fromStdString(lead.name);
        if (lead.provenance.derived)
            label += QStringLiteral("*");   // derived, not recorded
        if (!lead.provenance.isVoltage)
            label += QStringLiteral(" [%1]").arg(QString::fromStdString(lead.provenance.storedUnits));
        p.drawText(QRectF(target.left() + 1, row.top(), labelPx - 2, row.height()), Qt::AlignTop | Qt::AlignLeft,
                   label);
        if (lead.provenance.isVoltage)
            paintCalibrationPulse(p, QPointF(target.left() + labelPx - 7.0 * pxPerMm, row.center().y()), pxPerMm);
        paintLead(p, lead, row, pxPerMm, startSeconds);
    }
    p.restore();
}

void StackedLeadRenderer::paintCalibrationPulse(QPainter& p, QPointF baseline, double pxPerMm) const
{
    // The standard 1 mV × 200 ms pulse: its height on paper is the gain, so a reader can check the scale by eye.
    const double h = style_.gainMmPerMillivolt * pxPerMm;
    const double w = 0.2 * style_.speedMmPerSecond * pxPerMm;
    const double lead = 1.0 * pxPerMm;
    QPen pen(style_.trace);
    pen.setWidthF(std::max(1.0, 0.25 * pxPerMm));
    pen.setCosmetic(true);
    p.setPen(pen);
    const QPointF pts[] = {baseline, baseline + QPointF(lead, 0), baseline + QPointF(lead, -h),
                           baseline + QPointF(lead + w, -h), baseline + QPointF(lead + w, 0),
                           baseline + QPointF(2 * lead + w, 0)};
    p.drawPolyline(pts, 6);
}

void StackedLeadRenderer::paintGrid(QPainter& p, const QRectF& area, double pxPerMm) const
{
    // Skip the 1 mm lines when they would be closer than 3 px: they would only grey the page.
    const bool minor = pxPerMm >= 3.0;
    for (int pass = minor ? 0 : 1; pass < 2; ++pass) {
        const int step = pass == 0 ? 1 : 5;
        QPen pen(pass == 0 ? style_.minorGrid : style_.majorGrid);
        pen.setWidthF(pass == 0 ? 0.5 : 1.0);
        pen.setCosmetic(true);
        p.setPen(pen);
        for (int mm = 0;; mm += step) {
            const double x = area.left() + mm * pxPerMm;
            if (x > area.right())
                break;
            if (pass == 0 && mm % 5 == 0)
                continue;
            p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        }
        for (int mm = 0;; mm += step) {
            const double y = area.top() + mm * pxPerMm;
            if (y > area.bottom())
                break;
            if (pass == 0 && mm % 5 == 0)
                continue;
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        }
    }
}

void StackedLeadRenderer::paintLead(QPainter& p, const Lead& lead, const QRectF& row, double pxPerMm,
                                    double startSeconds) const
{
    const auto& s = lead.samples;
    if (s.empty() || group_.samplingRateHz <= 0)
        return;
    const double pxPerSample = style_.speedMmPerSecond * pxPerMm / group_.samplingRateHz;
    // Non-voltage channels (pressure, respiration) have no mV scale: fit them to the row instead.
    double scale = style_.gainMmPerMillivolt * pxPerMm;
    double centre = 0.0;
    if (!lead.provenance.isVoltage) {
        auto [lo, hi] = std::minmax_element(s.begin(), s.end(), [](float a, float b) {
            return std::isnan(a) ? false : std::isnan(b) ? true : a < b;
        });
        const double range = std::isnan(*lo) || std::isnan(*hi) ? 1.0 : std::max(1e-9, double(*hi) - double(*lo));
        scale = 0.8 * row.height() / range;
        centre = 0.5 * (double(*lo) + double(*hi));
    }
    const double midY = row.center().y();
    const auto first = static_cast<std::int64_t>(std::max(0.0, std::floor(startSeconds * group_.samplingRateHz)));
    const auto count = static_cast<std::int64_t>(s.size());
    QPen pen(style_.trace);
    pen.setWidthF(std::max(1.0, 0.25 * pxPerMm));
    pen.setCosmetic(true);
    p.setPen(pen);
    // One min/max pair per pixel column when samples are denser than pixels (PulseView's envelope idea),
    // so a long recording draws in time proportional to the width, not the length.
    const double samplesPerPx = 1.0 / pxPerSample;
    QPainterPath path;
    bool penDown = false;
    auto yOf = [&](float v) { return midY - (double(v) - centre) * scale; };
    if (samplesPerPx <= 2.0) {
        for (std::int64_t i = first; i < count; ++i) {
            const double x = row.left() + double(i - first) * pxPerSample;
            if (x > row.right())
                break;
            const float v = s[size_t(i)];
            if (std::isnan(v)) {
                penDown = false;
                continue;
            }
            if (penDown)
                path.lineTo(x, yOf(v));
            else
                path.moveTo(x, yOf(v));
            penDown = true;
        }
    } else {
        for (int col = 0; col < int(row.width()); ++col) {
            const auto a = first + static_cast<std::int64_t>(col * samplesPerPx);
            const auto b = std::min(count, first + static_cast<std::int64_t>((col + 1) * samplesPerPx));
            if (a >= count)
                break;
            float lo = INFINITY, hi = -INFINITY;
            for (auto i = a; i < b; ++i) {
                const float v = s[size_t(i)];
                if (!std::isnan(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            }
            if (lo > hi) {
                penDown = false;
                continue;
            }
            const double x = row.left() + col;
            if (penDown)
                path.lineTo(x, yOf(hi));
            else
                path.moveTo(x, yOf(hi));
            path.lineTo(x, yOf(lo));
            penDown = true;
        }
    }
    p.drawPath(path);
}

} // namespace execg
