#include "render/CohortFigures.h"

#include "render/PaperPrimitives.h"
#include "render/Text.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace execg {

CohortFigures::CohortFigures(QPainter& painter, double pxPerMm, const CohortReport& report, QColor ink)
    : p_(painter), pxPerMm_(pxPerMm), r_(report), ink_(ink)
{
}

QColor CohortFigures::groupColour(std::size_t g, QColor ink)
{
    static const QColor colours[] = {QColor(0, 114, 178), QColor(213, 94, 0),   QColor(0, 158, 115),
                                     QColor(204, 121, 167), QColor(230, 159, 0), QColor(86, 180, 233)};
    return g == 0 ? ink : colours[(g - 1) % (sizeof colours / sizeof colours[0])];
}

QString CohortFigures::groupLabel(const CohortGroupFigures& g)
{
    return g.name == "all" ? tr("all ECGs (%1)").arg(g.records) : tr("%1 (%2)").arg(q(g.name)).arg(g.records);
}

QString CohortFigures::waveName(int w)
{
    static const char* names[kReportWaves] = {QT_TR_NOOP("P"), QT_TR_NOOP("PR"), QT_TR_NOOP("QRS"), QT_TR_NOOP("ST"),
                                              QT_TR_NOOP("T"), QT_TR_NOOP("TP"), QT_TR_NOOP("none")};
    return tr(names[w]);
}

QString CohortFigures::headline(const CohortGroupFigures& g, const CohortMethodFigures& m)
{
    static const char* waves[kReportWaves] = {QT_TR_NOOP("P waves"),      QT_TR_NOOP("PR segments"), QT_TR_NOOP("QRS complexes"),
                                              QT_TR_NOOP("ST segments"),  QT_TR_NOOP("T waves"),     QT_TR_NOOP("TP baseline"),
                                              QT_TR_NOOP("regions outside the delineated waves")};
    if (m.headlineWave < 0 || m.records == 0)
        return {};
    QStringList leads;
    for (const auto& l : m.headlineLeads)
        leads << q(l);
    const QString who = g.name == "all" ? tr("all %1 ECGs").arg(g.records) : tr("the %1 ECGs %2").arg(g.records).arg(q(g.name));
    const QString percent = QString::number(std::lround(100.0 * m.headlineFraction));
    const QString wave = tr(waves[m.headlineWave]);
    return leads.isEmpty()
               ? tr("In %1 % of %2, %3 puts the largest share of its evidence in the %4, spread over the leads.")
                     .arg(percent, who, q(m.method), wave)
               : tr("In %1 % of %2, %3 puts the largest share of its evidence in the %4, most in %5.")
                     .arg(percent, who, q(m.method), wave, leads.join(QStringLiteral(", ")));
}

const CohortMethodFigures* CohortFigures::methodIn(const CohortReport& r, const CohortGroupFigures& g, std::size_t m)
{
    if (m >= r.identity.methods.size())
        return nullptr;
    for (const auto& f : g.methods)
        if (f.method == r.identity.methods[m])
            return &f;
    return nullptr;
}

double CohortFigures::legend(const QRectF& area)
{
    p_.setFont(paperFont(p_, pxPerMm_, 2.6));
    double x = area.left(), y = area.top();
    for (std::size_t g = 0; g < r_.groups.size(); ++g) {
        const QString label = groupLabel(r_.groups[g]);
        const double w = QFontMetricsF(p_.font()).horizontalAdvance(label) + mm(10);
        if (x + w > area.right() && x > area.left()) {
            x = area.left();
            y += mm(4.5);
        }
        p_.setPen(QPen(groupColour(g, ink_), mm(0.8)));
        p_.drawLine(QPointF(x, y + mm(2)), QPointF(x + mm(5), y + mm(2)));
        p_.setPen(ink_);
        p_.drawText(QRectF(x + mm(6), y, w, mm(4)), Qt::AlignLeft | Qt::AlignVCenter, label);
        x += w;
    }
    return y + mm(5) - area.top();
}

double CohortFigures::caption(const QRectF& area, const QString& text)
{
    p_.setFont(paperFont(p_, pxPerMm_, 3.2, true));
    p_.setPen(ink_);
    p_.drawText(QRectF(area.left(), area.top(), area.width(), mm(5)), Qt::AlignLeft | Qt::AlignVCenter, text);
    return mm(6);
}

void CohortFigures::box(const stats::BoxFigures& b, double x, double w, const QRectF& area, const QColor& colour)
{
    if (b.n == 0)
        return;
    const auto y = [&](double v) { return area.bottom() - area.height() * std::clamp(v, 0.0, 1.0); };
    p_.setPen(QPen(colour, mm(0.2)));
    p_.drawLine(QPointF(x + w / 2, y(b.p5)), QPointF(x + w / 2, y(b.q1)));
    p_.drawLine(QPointF(x + w / 2, y(b.q3)), QPointF(x + w / 2, y(b.p95)));
    QColor fill = colour;
    fill.setAlpha(50);
    p_.setBrush(fill);
    p_.drawRect(QRectF(x, y(b.q3), w, y(b.q1) - y(b.q3)));
    p_.setBrush(Qt::NoBrush);
    p_.setPen(QPen(colour, mm(0.45)));
    p_.drawLine(QPointF(x, y(b.median)), QPointF(x + w, y(b.median)));
}

// Gridlines at quarters of `top` (a share: 1 = 100 %), labelled in per cent, and the categories under the area.
void CohortFigures::valueAxis(const QRectF& area, double top, const QStringList& categories)
{
    p_.setFont(paperFont(p_, pxPerMm_, 2.4));
    QColor grid = ink_;
    grid.setAlpha(45);
    for (int k = 0; k <= 4; ++k) {
        const double yy = area.bottom() - area.height() * k / 4.0;
        p_.setPen(QPen(grid, mm(0.1)));
        p_.drawLine(QPointF(area.left(), yy), QPointF(area.right(), yy));
        p_.setPen(ink_);
        p_.drawText(QRectF(area.left() - mm(9), yy - mm(2), mm(8), mm(4)), Qt::AlignRight | Qt::AlignVCenter,
                    QStringLiteral("%1 %").arg(100 * top * k / 4.0, 0, 'g', 3));
    }
    const double step = area.width() / std::max<qsizetype>(1, categories.size());
    for (int k = 0; k < categories.size(); ++k)
        p_.drawText(QRectF(area.left() + step * k, area.bottom() + mm(0.5), step, mm(4)), Qt::AlignHCenter | Qt::AlignTop, categories[k]);
}

void CohortFigures::waveBoxes(const QRectF& area, std::size_t m)
{
    QStringList waves;
    for (int w = 0; w < kReportWaves; ++w)
        waves << waveName(w);
    valueAxis(area, 1.0, waves);
    const double step = area.width() / kReportWaves;
    const double boxW = step * 0.8 / double(std::max<std::size_t>(1, r_.groups.size()));
    for (int w = 0; w < kReportWaves; ++w)
        for (std::size_t g = 0; g < r_.groups.size(); ++g)
            if (const auto* f = methodIn(r_, r_.groups[g], m))
                box(f->waveShare[std::size_t(w)], area.left() + step * w + step * 0.1 + boxW * double(g), boxW * 0.85, area,
                    groupColour(g, ink_));
}

void CohortFigures::leadBoxes(const QRectF& area, std::size_t m)
{
    const auto* f = r_.groups.empty() ? nullptr : methodIn(r_, r_.groups.front(), m);
    if (!f || r_.leads.empty())
        return;
    QStringList leads;
    for (const auto& l : r_.leads)
        leads << q(l);
    // Per-lead shares are small beside per-wave ones: the axis runs to the largest 95th percentile.
    double top = 0.05;
    for (const auto& b : f->leadShare)
        if (b.n > 0)
            top = std::max(top, b.p95);
    top = std::ceil(top * 20.0) / 20.0;
    valueAxis(area, top, leads);
    const double step = area.width() / double(leads.size());
    for (int l = 0; l < leads.size(); ++l) {
        stats::BoxFigures b = f->leadShare[std::size_t(l)];
        for (double* v : {&b.p5, &b.q1, &b.median, &b.q3, &b.p95})
            *v /= top;
        box(b, area.left() + step * l + step * 0.2, step * 0.6, area, groupColour(0, ink_));
    }
}

void CohortFigures::predictionHistogram(const QRectF& area)
{
    const auto& pr = r_.prediction;
    std::vector<int> counts;
    QStringList labels;
    const bool classes = pr.probabilities && pr.labels.size() > 1;
    if (classes) {
        counts = pr.predictedCount;
        for (const auto& l : pr.labels)
            labels << q(l);
    } else {
        counts = pr.histogram;
        for (std::size_t k = 0; k + 1 < pr.histogramEdges.size(); ++k)
            labels << (k % 4 == 0 ? QString::number(pr.histogramEdges[k], 'g', 3) : QString());
    }
    if (counts.empty())
        return;
    const int top = std::max(1, *std::max_element(counts.begin(), counts.end()));
    const double barW = area.width() / double(counts.size());
    p_.setPen(Qt::NoPen);
    p_.setBrush(groupColour(1));
    for (std::size_t k = 0; k < counts.size(); ++k) {
        const double bh = area.height() * counts[k] / top;
        p_.drawRect(QRectF(area.left() + barW * double(k) + barW * 0.1, area.bottom() - bh, barW * 0.8, bh));
    }
    p_.setBrush(Qt::NoBrush);
    p_.setPen(QPen(ink_, mm(0.15)));
    p_.drawLine(area.bottomLeft(), area.bottomRight());
    p_.setFont(paperFont(p_, pxPerMm_, 2.4));
    p_.drawText(QRectF(area.left() - mm(10), area.top() - mm(1), mm(9), mm(4)), Qt::AlignRight | Qt::AlignVCenter, QString::number(top));
    for (int k = 0; k < labels.size(); ++k)
        p_.drawText(QRectF(area.left() + barW * k, area.bottom() + mm(0.5), classes ? barW : std::max(barW, mm(20)), mm(4)),
                    (classes ? Qt::AlignHCenter : Qt::AlignLeft) | Qt::AlignTop, labels[k]);
}

double CohortFigures::beatPanelsHeightMm(std::size_t leads) { return double((leads + 3) / 4) * 45.0; }

double CohortFigures::beatPanels(QPointF topLeft, double width, std::size_t m, double* scale)
{
    const int columns = 4;
    const double speed = 50.0, gain = 10.0;                                        // mm/s, mm/mV
    const double panelW = (BeatAxis::toMs - BeatAxis::fromMs) / 1000.0 * speed;   // 40 mm
    const double panelH = mm(42), gapW = std::max(mm(2), (width - mm(panelW) * columns) / (columns - 1));
    // The profiles' scale: the 99th percentile of every group's mean profile fills 14 mm, so one sharp peak (a
    // gradient's at the R wave) does not flatten the rest; higher values are cut at the panel's top.
    std::vector<double> all;
    for (const auto& g : r_.groups)
        if (const auto* f = methodIn(r_, g, m))
            for (const auto& lead : f->meanProfile)
                all.insert(all.end(), lead.begin(), lead.end());
    const double top = std::max(1.0, stats::quantile(all, 0.99));
    if (scale)
        *scale = top;
    const GridColours grid = clinicalRedGrid();
    const double pxPerPoint = mm(BeatAxis::stepMs / 1000.0 * speed);
    for (std::size_t l = 0; l < r_.leads.size(); ++l) {
        const QRectF panel(topLeft.x() + (mm(panelW) + gapW) * double(l % columns), topLeft.y() + double(l / columns) * (panelH + mm(3)),
                           mm(panelW), panelH);
        p_.fillRect(panel, Qt::white);   // paper stays paper in a dark theme
        paintMillimetreGrid(p_, panel, pxPerMm_, grid);
        p_.setPen(Qt::black);
        p_.setFont(paperFont(p_, pxPerMm_, 2.8, true));
        p_.drawText(panel.adjusted(mm(1), mm(0.5), 0, 0), Qt::AlignLeft | Qt::AlignTop, q(r_.leads[l]));
        // The mean median beat of all ECGs, its baseline 14 mm from the top.
        if (!r_.groups.empty() && l < r_.groups.front().meanMedianBeat.size()) {
            const auto& beat = r_.groups.front().meanMedianBeat[l];
            const std::vector<float> samples(beat.begin(), beat.end());
            p_.setPen(tracePen(Qt::black, pxPerMm_));
            drawTrace(p_, samples, panel.left(), pxPerPoint, panel.top() + mm(14), mm(gain), panel.width());
        }
        // Each group's mean evidence, from the panel's bottom up.
        for (std::size_t g = 0; g < r_.groups.size(); ++g) {
            const auto* f = methodIn(r_, r_.groups[g], m);
            if (!f || l >= f->meanProfile.size())
                continue;
            QPainterPath path;
            bool open = false;
            for (int i = 0; i < BeatAxis::points; ++i) {
                const double v = f->meanProfile[l][std::size_t(i)];
                if (!std::isfinite(v)) {
                    open = false;
                    continue;
                }
                const QPointF pt(panel.left() + pxPerPoint * i, std::max(panel.top(), panel.bottom() - mm(1) - mm(14) * v / top));
                open ? path.lineTo(pt) : path.moveTo(pt);
                open = true;
            }
            p_.setPen(QPen(groupColour(g), mm(0.3)));
            p_.drawPath(path);
        }
        // The fiducial.
        p_.setPen(QPen(QColor(120, 120, 120), mm(0.1), Qt::DashLine));
        const double x0 = panel.left() + mm(-BeatAxis::fromMs / 1000.0 * speed);
        p_.drawLine(QPointF(x0, panel.top()), QPointF(x0, panel.bottom()));
    }
    return double((r_.leads.size() + columns - 1) / columns) * (panelH + mm(3));
}

void CohortFigures::scatter(const QRectF& area, std::size_t m, int wave, std::vector<QPointF>* positions)
{
    if (positions)
        positions->assign(r_.points.size(), QPointF(qQNaN(), qQNaN()));
    double lo = 0, hi = 1;
    bool first = true;
    for (const auto& pt : r_.points)
        if (std::isfinite(pt.value)) {
            lo = first ? pt.value : std::min(lo, pt.value);
            hi = first ? pt.value : std::max(hi, pt.value);
            first = false;
        }
    if (!(hi > lo))
        hi = lo + 1;
    const double pad = (hi - lo) * 0.03;
    lo -= pad;
    hi += pad;
    valueAxis(area, 1.0, {});
    // The x axis: five ticks of the first output.
    p_.setFont(paperFont(p_, pxPerMm_, 2.4));
    p_.setPen(ink_);
    for (int k = 0; k <= 4; ++k) {
        const double v = lo + (hi - lo) * k / 4.0, x = area.left() + area.width() * k / 4.0;
        p_.drawText(QRectF(x - mm(10), area.bottom() + mm(0.5), mm(20), mm(4)), Qt::AlignHCenter | Qt::AlignTop, QString::number(v, 'g', 3));
    }
    const QString xLabel = r_.prediction.labels.empty()
                               ? QString()
                               : q(r_.prediction.labels.front()) +
                                     (r_.prediction.units.front().empty() ? QString() : QStringLiteral(" (%1)").arg(q(r_.prediction.units.front())));
    p_.drawText(QRectF(area.left(), area.bottom() + mm(4.5), area.width(), mm(4)), Qt::AlignHCenter | Qt::AlignTop, xLabel);
    const double radius = mm(0.8);
    for (std::size_t i = 0; i < r_.points.size(); ++i) {
        const auto& pt = r_.points[i];
        if (m >= pt.waveShare.size())
            continue;
        const double share = pt.waveShare[m][std::size_t(std::clamp(wave, 0, kReportWaves - 1))];
        if (!std::isfinite(pt.value) || !std::isfinite(share))
            continue;
        const QPointF at(area.left() + area.width() * (pt.value - lo) / (hi - lo), area.bottom() - area.height() * std::clamp(share, 0.0, 1.0));
        QColor c = groupColour(std::size_t(pt.group), ink_);
        p_.setPen(QPen(c, mm(0.15)));
        c.setAlpha(110);
        p_.setBrush(c);
        p_.drawEllipse(at, radius, radius);
        if (positions)
            (*positions)[i] = at;
    }
    p_.setBrush(Qt::NoBrush);
}

} // namespace execg
