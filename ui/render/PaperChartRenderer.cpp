#include "render/PaperChartRenderer.h"
#include "render/LocaleFormat.h"

#include "render/PaperPrimitives.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace execg {

namespace {

constexpr double kLabelMm = 3.0;           // lead label text height
constexpr double kBaselineShare = 0.6;     // baseline at 60 % of the row: most complexes point up
constexpr double kStripMm = 2.5;           // the attribution strip under a lead
constexpr int kBandAlpha = 200;            // at full scale; weaker evidence fades towards the bare grid
constexpr int kMaxWrappedRows = 8;         // a one-lead recording over rows: 80 s at 10 s a row (CinC 2017: 9–61 s)

bool isChestLead(const std::string& name) { return name.size() == 2 && name[0] == 'V' && name[1] >= '1' && name[1] <= '6'; }

// The overlay value as a position on the colour map: −1…1 signed, 0…1 for magnitudes.
double mapPosition(const AttributionOverlay& o, float v)
{
    const double s = o.scale > 0.0 ? o.scale : 1.0;
    return isSigned(o.colours) ? double(v) / s : std::abs(double(v)) / s;
}

QString number(double v) { return localNumber(v, 'g', 3); }

// Colour along the trace: a signed map fades into the trace colour towards 0, so the ECG stays readable where the
// evidence is weak (the diverging map's white middle would erase it).
QColor traceColour(const AttributionOverlay& o, float v, const QColor& trace)
{
    const double t = mapPosition(o, v);
    const QColor c = colourAt(o.colours, t);
    if (!isSigned(o.colours))
        return c;
    const double w = std::min(1.0, std::abs(t));
    return QColor::fromRgbF(float(trace.redF() * (1 - w) + c.redF() * w), float(trace.greenF() * (1 - w) + c.greenF() * w),
                            float(trace.blueF() * (1 - w) + c.blueF() * w));
}

} // namespace

struct PaperChartRenderer::Cell {
    ChartCell layout;
    int lead = -1;                // index in the group, −1 when not recorded
    double x0 = 0, width = 0;     // px
    double rowTop = 0, rowHeight = 0, baselineY = 0;
    std::int64_t first = 0, count = 0;   // group samples shown
    bool wrapped = false;         // one of a lead's rows over time: its label says when the row starts
};

PaperChartRenderer::PaperChartRenderer(const SignalGroup& group, PaperChartStyle style) : group_(group), style_(std::move(style)) {}

void PaperChartRenderer::setCounterfactual(std::optional<CounterfactualOverlay> counterfactual)
{
    if (counterfactual && counterfactual->group &&
        std::abs(counterfactual->group->samplingRateHz - group_.samplingRateHz) > 1e-9)
        throw std::invalid_argument("the counterfactual is sampled at " + std::to_string(counterfactual->group->samplingRateHz) +
                                    " Hz, the recording at " + std::to_string(group_.samplingRateHz) + " Hz");
    counterfactual_ = std::move(counterfactual);
}

double PaperChartRenderer::pulseMarginMm() const { return 2.0 + 0.2 * style_.speedMmPerSecond + 3.0; }

double PaperChartRenderer::windowSecondsFor(double widthMm) const
{
    if (style_.keepWindow)
        return style_.windowSeconds;
    const double fits = std::floor(4.0 * (widthMm - pulseMarginMm()) / style_.speedMmPerSecond + 1e-9) / 4.0;
    return std::max(0.0, std::min(style_.windowSeconds, fits));
}

ChartLayout PaperChartRenderer::layoutFor(double widthMm) const
{
    const double seconds = windowSecondsFor(widthMm);
    ChartLayout layout = chartLayout(style_.layout, style_.order, seconds, style_.rhythmLeads);
    std::size_t shown = 0;
    for (const auto& lead : group_.leads)
        shown += std::any_of(layout.cells.begin(), layout.cells.end(), [&](const ChartCell& c) { return c.lead == lead.name; });
    if (group_.leads.empty() || (2 * shown > group_.leads.size() && shown >= 3))
        return layout;
    // A recording of one or two leads, or of mostly other leads than the layout's (a handheld device's "ECG" or I, a
    // Holter's MLII and V5): its own leads, each a full-width strip, rather than a page of "not recorded" with the
    // signal in one 2.5 s cell or nowhere.
    ChartLayout own;
    own.kind = layout.kind;
    own.columns = 1;
    for (const auto& lead : group_.leads)
        own.cells.push_back({lead.name, false, own.rows++, 0, 1, 0.0, seconds, true});
    // One lead: the whole recording, row after row (up to kMaxWrappedRows), as a handheld device prints it — a model
    // that reads all 30 s has its evidence shown on all 30 s. Not for a single strip asked for (the comparison
    // sheet's row per method).
    if (group_.leads.size() == 1 && layout.kind != ChartLayoutKind::RhythmStrip && seconds > 0) {
        const int rows = std::clamp(int(std::ceil(group_.durationSeconds() / seconds - 1e-6)), 1, kMaxWrappedRows);
        for (int r = 1; r < rows; ++r) {
            own.cells.push_back(own.cells.front());
            own.cells.back().row = own.rows++;
            own.cells.back().timeOffsetSeconds = r * seconds;
        }
    }
    return own;
}

double PaperChartRenderer::gainFor(const std::string& lead) const
{
    return style_.halfGainChest && isChestLead(lead) ? 0.5 * style_.gainMmPerMillivolt : style_.gainMmPerMillivolt;
}

int PaperChartRenderer::leadIndex(const std::string& name) const
{
    for (std::size_t i = 0; i < group_.leads.size(); ++i)
        if (group_.leads[i].name == name)
            return int(i);
    return -1;
}

void PaperChartRenderer::paint(QPainter& p, QPointF topLeft, QSizeF sizeMm, double pxPerMm, double windowStartSeconds) const
{
    const QRectF chart(topLeft, QSizeF(sizeMm.width() * pxPerMm, sizeMm.height() * pxPerMm));
    p.save();
    p.setClipRect(chart);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(chart, style_.background);
    if (style_.grid != GridStyle::None)
        paintMillimetreGrid(p, chart, pxPerMm, style_.grid == GridStyle::ClinicalRed ? clinicalRedGrid() : neutralGreyGrid());

    const ChartLayout layout = layoutFor(sizeMm.width());
    const double rowHeight = chart.height() / std::max(1, layout.rows);
    const double fs = group_.samplingRateHz;
    const bool wrapped = std::any_of(layout.cells.begin(), layout.cells.end(), [](const ChartCell& c) { return c.timeOffsetSeconds > 0; });
    std::vector<Cell> cells;
    for (const auto& c : layout.cells) {
        Cell cell;
        cell.layout = c;
        cell.wrapped = wrapped;
        cell.lead = leadIndex(c.lead);
        cell.rowTop = chart.top() + c.row * rowHeight;
        cell.rowHeight = rowHeight;
        cell.baselineY = cell.rowTop + kBaselineShare * rowHeight;
        cell.x0 = chart.left() + (pulseMarginMm() + c.startSeconds * style_.speedMmPerSecond) * pxPerMm;
        cell.width = c.durationSeconds * style_.speedMmPerSecond * pxPerMm;
        cell.first = std::int64_t(std::llround((windowStartSeconds + c.timeOffsetSeconds + c.startSeconds) * fs));
        cell.count = std::int64_t(std::llround(c.durationSeconds * fs));
        cells.push_back(cell);
    }

    // Pulses first, one per row at the row's gain; a row that mixes limb and half-gain chest leads steps down.
    if (style_.calibrationPulse)
        for (int r = 0; r < layout.rows; ++r) {
            bool chest = false, limb = false;
            for (const auto& c : layout.cells)
                if (c.row == r)
                    (isChestLead(c.lead) ? chest : limb) = true;
            const double first = limb || !style_.halfGainChest ? style_.gainMmPerMillivolt : 0.5 * style_.gainMmPerMillivolt;
            const double second = style_.halfGainChest && chest && limb ? 0.5 * style_.gainMmPerMillivolt : 0.0;
            paintCalibrationPulse(p, QPointF(chart.left() + 1.0 * pxPerMm, chart.top() + (r + kBaselineShare) * rowHeight),
                                  pxPerMm, style_.speedMmPerSecond, first, style_.trace, second);
        }
    for (const auto& cell : cells)
        paintCell(p, cell, pxPerMm);
    p.restore();
}

std::optional<double> PaperChartRenderer::timeAt(QPointF point, QPointF topLeft, QSizeF sizeMm, double pxPerMm,
                                                 double windowStartSeconds) const
{
    const ChartLayout layout = layoutFor(sizeMm.width());
    const double rowHeight = sizeMm.height() * pxPerMm / std::max(1, layout.rows);
    const double mm = (point.x() - topLeft.x()) / pxPerMm - pulseMarginMm();
    const int row = int(std::floor((point.y() - topLeft.y()) / rowHeight));
    for (const auto& c : layout.cells) {
        const double t = mm / style_.speedMmPerSecond;
        if (c.row == row && t >= c.startSeconds && t < c.startSeconds + c.durationSeconds)
            return windowStartSeconds + c.timeOffsetSeconds + t;
    }
    return std::nullopt;
}

std::optional<ChartCell> PaperChartRenderer::cellAt(QPointF point, QPointF topLeft, QSizeF sizeMm, double pxPerMm) const
{
    const ChartLayout layout = layoutFor(sizeMm.width());
    const double rowHeight = sizeMm.height() * pxPerMm / std::max(1, layout.rows);
    const double t = ((point.x() - topLeft.x()) / pxPerMm - pulseMarginMm()) / style_.speedMmPerSecond;
    const int row = int(std::floor((point.y() - topLeft.y()) / rowHeight));
    for (const auto& c : layout.cells)
        if (c.row == row && t >= c.startSeconds && t < c.startSeconds + c.durationSeconds)
            return c;
    return std::nullopt;
}

std::vector<QLineF> PaperChartRenderer::cursorLines(double seconds, QPointF topLeft, QSizeF sizeMm, double pxPerMm,
                                                    double windowStartSeconds) const
{
    std::vector<QLineF> lines;
    const ChartLayout layout = layoutFor(sizeMm.width());
    const double rowHeight = sizeMm.height() * pxPerMm / std::max(1, layout.rows);
    for (const auto& c : layout.cells)
        if (const double t = seconds - windowStartSeconds - c.timeOffsetSeconds; t >= c.startSeconds && t < c.startSeconds + c.durationSeconds) {
            const double x = topLeft.x() + (pulseMarginMm() + t * style_.speedMmPerSecond) * pxPerMm;
            const double top = topLeft.y() + c.row * rowHeight;
            lines.emplace_back(x, top, x, top + rowHeight);
        }
    return lines;
}

std::vector<QRectF> PaperChartRenderer::spanRects(const std::string& lead, double fromSeconds, double toSeconds,
                                                  QPointF topLeft, QSizeF sizeMm, double pxPerMm,
                                                  double windowStartSeconds) const
{
    std::vector<QRectF> rects;
    const ChartLayout layout = layoutFor(sizeMm.width());
    const double rowHeight = sizeMm.height() * pxPerMm / std::max(1, layout.rows);
    const double from = std::min(fromSeconds, toSeconds) - windowStartSeconds;
    const double to = std::max(fromSeconds, toSeconds) - windowStartSeconds;
    const auto x = [&](double t) { return topLeft.x() + (pulseMarginMm() + t * style_.speedMmPerSecond) * pxPerMm; };
    for (const auto& c : layout.cells) {
        const double a = std::max(from - c.timeOffsetSeconds, c.startSeconds);
        const double b = std::min(to - c.timeOffsetSeconds, c.startSeconds + c.durationSeconds);
        if (c.lead == lead && b > a)
            rects.emplace_back(QPointF(x(a), topLeft.y() + c.row * rowHeight), QPointF(x(b), topLeft.y() + (c.row + 1) * rowHeight));
    }
    return rects;
}

void PaperChartRenderer::paintCell(QPainter& p, const Cell& cell, double pxPerMm) const
{
    const auto& c = cell.layout;
    if (style_.columnSeparators && c.column > 0) {
        p.setPen(tracePen(style_.trace, pxPerMm));
        p.drawLine(QPointF(cell.x0, cell.baselineY - 2.5 * pxPerMm), QPointF(cell.x0, cell.baselineY + 2.5 * pxPerMm));
    }
    if (cell.lead >= 0 && overlay_ && overlay_->map)
        paintOverlay(p, cell, pxPerMm);
    QString label = QString::fromStdString(c.label());
    if (cell.lead < 0)
        label += QStringLiteral("  ") + QCoreApplication::translate("PaperChartRenderer", "not recorded");
    else if (group_.leads[std::size_t(cell.lead)].provenance.derived)
        label += QStringLiteral("*");   // computed from other leads, not recorded
    if (style_.halfGainChest && isChestLead(c.lead))
        label += QStringLiteral(" ½");
    if (cell.lead >= 0 && cell.wrapped)   // the recording's own time, wherever the view has scrolled to
        label += QStringLiteral("  ") + QCoreApplication::translate("PaperChartRenderer", "from %1 s")
                                            .arg(number(double(group_.firstSample + cell.first) / group_.samplingRateHz));
    if (style_.leadLabels || cell.lead < 0) {
        p.setFont(paperFont(p, pxPerMm, kLabelMm));
        p.setPen(style_.text);
        p.drawText(QPointF(cell.x0 + 1.5 * pxPerMm, cell.rowTop + 1.0 * pxPerMm + QFontMetricsF(p.font()).ascent()), label);
    }
    if (cell.lead < 0)
        return;
    const auto& samples = group_.leads[std::size_t(cell.lead)].samples;
    const auto first = std::clamp<std::int64_t>(cell.first, 0, std::int64_t(samples.size()));
    const auto count = std::clamp<std::int64_t>(cell.count, 0, std::int64_t(samples.size()) - first);
    const double pxPerSample = style_.speedMmPerSecond * pxPerMm / group_.samplingRateHz;
    const double pxPerMv = gainFor(c.lead) * pxPerMm * (c.inverted ? -1.0 : 1.0);
    const std::span<const float> shown(samples.data() + first, std::size_t(count));
    const double x0 = cell.x0 + double(first - cell.first) * pxPerSample;
    // The counterfactual under the original, so the original's black stays whole where the two agree.
    if (counterfactual_ && counterfactual_->group)
        paintCounterfactual(p, cell, pxPerMm);
    if (overlay_ && overlay_->map && overlay_->mode == OverlayMode::TraceColour &&
        std::size_t(cell.lead) < overlay_->map->size()) {
        // Colour along the trace: one short segment per sample, coloured by the attribution there.
        const auto& m = (*overlay_->map)[std::size_t(cell.lead)];
        QPen pen = tracePen(style_.trace, pxPerMm);
        pen.setWidthF(std::max(1.5, 0.45 * pxPerMm));
        for (std::size_t i = 0; i + 1 < shown.size(); ++i) {
            const float a = shown[i], b = shown[i + 1];
            if (std::isnan(a) || std::isnan(b))
                continue;
            const std::size_t k = std::size_t(first) + i;
            const float v = k < m.size() ? m[k] : NAN;
            pen.setColor(std::isnan(v) ? style_.trace : traceColour(*overlay_, v, style_.trace));
            p.setPen(pen);
            p.drawLine(QPointF(x0 + double(i) * pxPerSample, cell.baselineY - double(a) * pxPerMv),
                       QPointF(x0 + double(i + 1) * pxPerSample, cell.baselineY - double(b) * pxPerMv));
        }
        return;
    }
    p.setPen(tracePen(style_.trace, pxPerMm));
    drawTrace(p, shown, x0, pxPerSample, cell.baselineY, pxPerMv, cell.width - (x0 - cell.x0));
}

void PaperChartRenderer::paintCounterfactual(QPainter& p, const Cell& cell, double pxPerMm) const
{
    const Lead* cf = counterfactual_->group->findLead(cell.layout.lead);
    if (!cf)
        return;
    const auto& original = group_.leads[std::size_t(cell.lead)].samples;
    const auto n = std::int64_t(std::min(original.size(), cf->samples.size()));
    const auto first = std::clamp<std::int64_t>(cell.first, 0, n);
    const auto count = std::clamp<std::int64_t>(cell.count, 0, n - first);
    const double pxPerSample = style_.speedMmPerSecond * pxPerMm / group_.samplingRateHz;
    const double pxPerMv = gainFor(cell.layout.lead) * pxPerMm * (cell.layout.inverted ? -1.0 : 1.0);
    const double x0 = cell.x0 + double(first - cell.first) * pxPerSample;
    if (counterfactual_->shadeDifference) {
        // One vertical stroke per sample between the two traces, as wide as a sample: fills the difference without
        // a polygon that NaN gaps would tear.
        QColor shade = counterfactual_->colour;
        shade.setAlpha(70);
        QPen pen(shade);
        pen.setWidthF(std::max(1.0, pxPerSample));
        pen.setCapStyle(Qt::FlatCap);
        p.setPen(pen);
        std::vector<QLineF> strokes;
        for (std::int64_t i = 0; i < count; ++i) {
            const float a = original[std::size_t(first + i)], b = cf->samples[std::size_t(first + i)];
            if (std::isfinite(a) && std::isfinite(b) && a != b) {
                const double x = x0 + double(i) * pxPerSample;
                strokes.emplace_back(x, cell.baselineY - double(a) * pxPerMv, x, cell.baselineY - double(b) * pxPerMv);
            }
        }
        p.drawLines(strokes.data(), int(strokes.size()));
    }
    p.setPen(tracePen(counterfactual_->colour, pxPerMm));
    drawTrace(p, std::span<const float>(cf->samples.data() + first, std::size_t(count)), x0, pxPerSample, cell.baselineY,
              pxPerMv, cell.width - (x0 - cell.x0));
}

void PaperChartRenderer::paintOverlay(QPainter& p, const Cell& cell, double pxPerMm) const
{
    const auto& o = *overlay_;
    if (o.mode == OverlayMode::TraceColour || std::size_t(cell.lead) >= o.map->size())
        return;
    const auto& m = (*o.map)[std::size_t(cell.lead)];
    const auto first = std::clamp<std::int64_t>(cell.first, 0, std::int64_t(m.size()));
    const auto count = std::clamp<std::int64_t>(cell.count, 0, std::int64_t(m.size()) - first);
    if (count <= 0)
        return;
    // One pixel per sample, stretched to the cell: as fast on screen as in a PDF, where it stays one small image.
    // Premultiplied alpha is the raster engine's native format; the PDF engine reads colours unpremultiplied (a
    // premultiplied image prints its transparent parts grey).
    const bool raster = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster;
    QImage strip(int(count), 1, raster ? QImage::Format_ARGB32_Premultiplied : QImage::Format_ARGB32);
    auto* row = reinterpret_cast<QRgb*>(strip.scanLine(0));
    for (std::int64_t i = 0; i < count; ++i) {
        const float v = m[std::size_t(first + i)];
        if (std::isnan(v)) {
            row[i] = qRgba(0, 0, 0, 0);
            continue;
        }
        const double t = mapPosition(o, v);
        const QColor c = colourAt(o.colours, t);
        const int alpha = o.mode == OverlayMode::Band ? int(std::lround(kBandAlpha * std::min(1.0, std::abs(t)))) : 255;
        const QRgb rgba = qRgba(c.red(), c.green(), c.blue(), alpha);
        row[i] = raster ? qPremultiply(rgba) : rgba;
    }
    const double pxPerSample = style_.speedMmPerSecond * pxPerMm / group_.samplingRateHz;
    const double x = cell.x0 + double(first - cell.first) * pxPerSample, w = double(count) * pxPerSample;
    const QRectF target = o.mode == OverlayMode::Band
                              ? QRectF(x, cell.rowTop, w, cell.rowHeight)
                              : QRectF(x, cell.rowTop + cell.rowHeight - (kStripMm + 0.5) * pxPerMm, w, kStripMm * pxPerMm);
    p.save();
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(target, strip);
    p.restore();
}

void PaperChartRenderer::paintColourBar(QPainter& p, const QRectF& r, const AttributionOverlay& o, double pxPerMm,
                                        const QColor& text)
{
    p.save();
    p.setFont(paperFont(p, pxPerMm, 2.6));
    const QFontMetricsF fm(p.font());
    const QString title = o.title.isEmpty() ? QCoreApplication::translate("PaperChartRenderer", "attribution") : o.title;
    const double titleWidth = std::min(r.width() * 0.35, fm.horizontalAdvance(title) + 3.0 * pxPerMm);
    p.setPen(text);
    p.drawText(QRectF(r.left(), r.top(), titleWidth, r.height()), Qt::AlignVCenter | Qt::AlignLeft, title);
    const QString note = o.scaleNote;
    const double noteWidth = note.isEmpty() ? 0.0 : std::min(r.width() * 0.3, fm.horizontalAdvance(note) + 3.0 * pxPerMm);
    const QRectF bar(r.left() + titleWidth, r.top(), r.width() - titleWidth - noteWidth, 0.45 * r.height());
    QImage ramp(256, 1, QImage::Format_RGB32);
    for (int i = 0; i < 256; ++i) {
        const double t = double(i) / 255.0;
        ramp.setPixelColor(i, 0, colourAt(o.colours, isSigned(o.colours) ? 2.0 * t - 1.0 : t));
    }
    p.drawImage(bar, ramp);
    p.setPen(QPen(text, std::max(1.0, 0.15 * pxPerMm)));
    p.drawRect(bar);
    const double s = o.scale > 0.0 ? o.scale : 1.0;
    const double ticks[3][2] = {{0.0, isSigned(o.colours) ? -s : 0.0}, {0.5, isSigned(o.colours) ? 0.0 : s / 2}, {1.0, s}};
    for (const auto& [at, value] : ticks) {
        const double x = bar.left() + at * bar.width();
        p.drawLine(QPointF(x, bar.bottom()), QPointF(x, bar.bottom() + 1.0 * pxPerMm));
        const QString label = number(value);
        const double w = fm.horizontalAdvance(label);
        const double left = std::clamp(x - w / 2, bar.left(), bar.right() - w);
        p.drawText(QPointF(left, bar.bottom() + 1.2 * pxPerMm + fm.ascent()), label);
    }
    if (!note.isEmpty())
        p.drawText(QRectF(bar.right() + 2.0 * pxPerMm, r.top(), noteWidth, r.height()), Qt::AlignVCenter | Qt::AlignLeft, note);
    p.restore();
}

} // namespace execg
