#include "render/StackedLeadRenderer.h"

#include "render/PaperPrimitives.h"

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
        paintMillimetreGrid(p, traceArea, pxPerMm, {style_.minorGrid, style_.majorGrid});
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
            paintCalibrationPulse(p, QPointF(target.left() + labelPx - 7.0 * pxPerMm, row.center().y()), pxPerMm,
                                  style_.speedMmPerSecond, style_.gainMmPerMillivolt, style_.trace);
        paintLead(p, lead, row, pxPerMm, startSeconds);
    }
    p.restore();
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
    const auto first = std::min<std::size_t>(s.size(), std::size_t(std::max(0.0, std::floor(startSeconds * group_.samplingRateHz))));
    p.setPen(tracePen(style_.trace, pxPerMm));
    drawTrace(p, std::span<const float>(s).subspan(first), row.left(), pxPerSample, row.center().y(), scale, row.width(),
              centre);
}

} // namespace execg
