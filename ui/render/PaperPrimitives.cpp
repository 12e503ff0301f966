#include "render/PaperPrimitives.h"

#include <QPainter>
#include <QPainterPath>
#include <QPen>

#include <algorithm>
#include <cmath>
#include <vector>

namespace execg {

GridColours clinicalRedGrid() { return {QColor(255, 204, 204), QColor(240, 140, 140)}; }
GridColours neutralGreyGrid() { return {QColor(225, 225, 225), QColor(175, 175, 175)}; }

void paintMillimetreGrid(QPainter& p, const QRectF& area, double pxPerMm, const GridColours& colours)
{
    const bool minor = pxPerMm >= 3.0;
    for (int pass = minor ? 0 : 1; pass < 2; ++pass) {
        const int step = pass == 0 ? 1 : 5;
        QPen pen(pass == 0 ? colours.minor : colours.major);
        pen.setWidthF(pass == 0 ? 0.5 : 1.0);
        pen.setCosmetic(true);
        p.setPen(pen);
        for (int mm = 0;; mm += step) {
            const double x = area.left() + mm * pxPerMm;
            if (x > area.right() + 1e-6)
                break;
            if (pass == 0 && mm % 5 == 0)
                continue;
            p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        }
        for (int mm = 0;; mm += step) {
            const double y = area.top() + mm * pxPerMm;
            if (y > area.bottom() + 1e-6)
                break;
            if (pass == 0 && mm % 5 == 0)
                continue;
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        }
    }
}

QFont paperFont(const QPainter& p, double pxPerMm, double mm, bool bold)
{
    QFont f = p.font();
    f.setFamily(QStringLiteral("DejaVu Sans"));
    f.setStyleStrategy(QFont::PreferNoShaping);
    f.setPixelSize(std::max(6, int(std::lround(mm * pxPerMm))));
    f.setBold(bold);
    return f;
}

QPen tracePen(const QColor& colour, double pxPerMm)
{
    QPen pen(colour);
    pen.setWidthF(std::max(1.0, 0.25 * pxPerMm));
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::BevelJoin);
    return pen;
}

double paintCalibrationPulse(QPainter& p, QPointF baseline, double pxPerMm, double speedMmPerSecond, double gainMmPerMv,
                             const QColor& colour, double secondGainMmPerMv)
{
    const double h = gainMmPerMv * pxPerMm, w = 0.2 * speedMmPerSecond * pxPerMm, lead = 1.0 * pxPerMm;
    p.setPen(tracePen(colour, pxPerMm));
    QPainterPath path(baseline);
    path.lineTo(baseline + QPointF(lead, 0));
    path.lineTo(baseline + QPointF(lead, -h));
    if (secondGainMmPerMv > 0.0) {
        const double h2 = secondGainMmPerMv * pxPerMm;
        path.lineTo(baseline + QPointF(lead + w / 2, -h));
        path.lineTo(baseline + QPointF(lead + w / 2, -h2));
        path.lineTo(baseline + QPointF(lead + w, -h2));
    } else {
        path.lineTo(baseline + QPointF(lead + w, -h));
    }
    path.lineTo(baseline + QPointF(lead + w, 0));
    path.lineTo(baseline + QPointF(2 * lead + w, 0));
    p.drawPath(path);
    return 2 * lead + w;
}

// Above this many samples per pixel, the min/max envelope replaces the samples.
constexpr double kEnvelopeFrom = 2.0;

void drawTrace(QPainter& p, std::span<const float> s, double x0, double pxPerSample, double baselineY, double pxPerMv,
               double maxWidthPx, double centre)
{
    if (s.empty() || !(pxPerSample > 0.0))
        return;
    // Separate segments, not a polyline: the raster engine's stroker spends most of its time on the joins of a
    // polyline (measured: a 3x4+1 chart 22 ms as polylines, 12 ms as segments at 1920x1080).
    QPolygonF line;
    std::vector<QLineF> segments;
    const auto flush = [&] {
        for (qsizetype i = 1; i < line.size(); ++i)
            segments.emplace_back(line[i - 1], line[i]);
        line.clear();
    };
    const auto yOf = [&](float v) { return baselineY - (double(v) - centre) * pxPerMv; };
    const double samplesPerPx = 1.0 / pxPerSample;
    const auto count = std::int64_t(s.size());
    if (samplesPerPx <= kEnvelopeFrom) {
        line.reserve(int(std::min<std::int64_t>(count, std::int64_t(maxWidthPx / pxPerSample) + 2)));
        for (std::int64_t i = 0; i < count; ++i) {
            const double x = x0 + double(i) * pxPerSample;
            if (x > x0 + maxWidthPx + 1e-6)
                break;
            const float v = s[std::size_t(i)];
            if (std::isnan(v))
                flush();
            else
                line << QPointF(x, yOf(v));
        }
        flush();
        p.drawLines(segments.data(), int(segments.size()));
        return;
    }
    // One min/max pair per pixel column: drawing time follows the width, not the length.
    for (int col = 0; col < int(std::ceil(maxWidthPx)); ++col) {
        const auto a = std::int64_t(col * samplesPerPx);
        const auto b = std::min(count, std::int64_t((col + 1) * samplesPerPx));
        if (a >= count)
            break;
        float lo = INFINITY, hi = -INFINITY;
        for (auto i = a; i < b; ++i) {
            const float v = s[std::size_t(i)];
            if (!std::isnan(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        if (lo > hi) {
            flush();
            continue;
        }
        line << QPointF(x0 + col, yOf(hi)) << QPointF(x0 + col, yOf(lo));
    }
    flush();
    p.drawLines(segments.data(), int(segments.size()));
}

} // namespace execg
