#include "render/CohortReportPdf.h"

#include "render/PaperPrimitives.h"
#include "render/Text.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace execg {

namespace {

// lupdate files tr() calls outside a class under the enclosing namespace's name: the same context here.
QString tr(const char* text) { return QCoreApplication::translate("execg", text); }

// Okabe–Ito: the whole cohort in black, groups in blue, vermilion, bluish green, reddish purple, orange, sky blue.
QColor groupColour(std::size_t g)
{
    static const QColor colours[] = {QColor(0, 0, 0),      QColor(0, 114, 178),  QColor(213, 94, 0),  QColor(0, 158, 115),
                                     QColor(204, 121, 167), QColor(230, 159, 0), QColor(86, 180, 233)};
    return colours[g % (sizeof colours / sizeof colours[0])];
}

QString waveName(int w)
{
    static const char* names[kReportWaves] = {QT_TRANSLATE_NOOP("execg", "P"),  QT_TRANSLATE_NOOP("execg", "PR"),
                                              QT_TRANSLATE_NOOP("execg", "QRS"), QT_TRANSLATE_NOOP("execg", "ST"),
                                              QT_TRANSLATE_NOOP("execg", "T"),  QT_TRANSLATE_NOOP("execg", "TP"),
                                              QT_TRANSLATE_NOOP("execg", "none")};
    return tr(names[w]);
}

QString waveInSentence(int w)
{
    static const char* names[kReportWaves] = {
        QT_TRANSLATE_NOOP("execg", "P waves"),      QT_TRANSLATE_NOOP("execg", "PR segments"),
        QT_TRANSLATE_NOOP("execg", "QRS complexes"), QT_TRANSLATE_NOOP("execg", "ST segments"),
        QT_TRANSLATE_NOOP("execg", "T waves"),      QT_TRANSLATE_NOOP("execg", "TP baseline"),
        QT_TRANSLATE_NOOP("execg", "regions outside the delineated waves")};
    return tr(names[w]);
}

QString groupLabel(const CohortGroupFigures& g)
{
    return g.name == "all" ? tr("all ECGs (%1)").arg(g.records) : tr("%1 (%2)").arg(q(g.name)).arg(g.records);
}

QString headline(const CohortGroupFigures& g, const CohortMethodFigures& m)
{
    if (m.headlineWave < 0 || m.records == 0)
        return {};
    QStringList leads;
    for (const auto& l : m.headlineLeads)
        leads << q(l);
    const QString who = g.name == "all" ? tr("all %1 ECGs").arg(g.records) : tr("the %1 ECGs %2").arg(g.records).arg(q(g.name));
    const QString percent = QString::number(std::lround(100.0 * m.headlineFraction));
    return leads.isEmpty()
               ? tr("In %1 % of %2, %3 puts the largest share of its evidence in the %4, spread over the leads.").arg(percent, who, q(m.method), waveInSentence(m.headlineWave))
               : tr("In %1 % of %2, %3 puts the largest share of its evidence in the %4, most in %5.")
                     .arg(percent, who, q(m.method), waveInSentence(m.headlineWave), leads.join(QStringLiteral(", ")));
}

class CohortPages {
    // The context lupdate files this class's strings under.
    Q_DECLARE_TR_FUNCTIONS(execg::CohortPages)

public:
    CohortPages(QPdfWriter& writer, const CohortReport& report) : writer_(writer), r_(report), p_(&writer)
    {
        pxPerMm_ = writer.resolution() / 25.4;
        page_ = QRectF(0, 0, writer.width(), writer.height());
        margin_ = 14 * pxPerMm_;
        y_ = margin_;
    }
    bool ok() const { return p_.isActive(); }

    void summary()
    {
        title(tr("Cohort report"));
        text(tr("Model: %1 (SHA-256 %2…)").arg(q(r_.identity.modelName), q(r_.identity.modelSha256.substr(0, 16))), 3.0);
        QStringList methods;
        for (const auto& m : r_.identity.methods)
            methods << q(m);
        text(tr("Methods: %1").arg(methods.join(QStringLiteral(", "))), 3.0);
        if (!r_.identity.counterfactualTarget.empty())
            text(tr("Counterfactual target: %1").arg(q(r_.identity.counterfactualTarget)), 3.0);
        text(tr("Store: %1").arg(q(r_.store)), 3.0);
        text(tr("Records: %1 — %2 analysed, %3 could not be analysed").arg(r_.counts.records).arg(r_.counts.analysed).arg(r_.counts.failed), 3.0);
        gap(3);
        heading(tr("Headlines"));
        for (const auto& g : r_.groups)
            for (const auto& m : g.methods)
                if (const QString h = headline(g, m); !h.isEmpty())
                    text(QStringLiteral("• ") + h, 3.0);
        gap(3);
        heading(tr("Predictions"));
        predictionChart();
        if (!r_.failures.empty()) {
            gap(3);
            heading(tr("Records that could not be analysed"));
            for (std::size_t k = 0; k < r_.failures.size() && k < 8; ++k)
                text(tr("%1 × %2 (e.g. %3)").arg(r_.failures[k].count).arg(q(r_.failures[k].reason), q(r_.failures[k].example)), 2.6);
            if (r_.failures.size() > 8)
                text(tr("… and %1 other reasons (all in the JSON)").arg(r_.failures.size() - 8), 2.6);
        }
    }

    void methods()
    {
        for (std::size_t m = 0; m < r_.identity.methods.size(); ++m) {
            if (!std::any_of(r_.groups.begin(), r_.groups.end(), [&](const CohortGroupFigures& g) { return hasMethod(g, m); }))
                continue;
            newPage();
            title(tr("Where %1's evidence lies").arg(q(r_.identity.methods[m])));
            text(tr("Share of the method's total |attribution| per wave in each ECG: boxes span the quartiles, whiskers the 5th to "
                    "95th percentiles, the line is the median. Groups by %1.").arg(q(r_.grouping)), 2.6);
            waveBoxes(m);
            gap(4);
            leadBoxes(m);
            newPage();
            title(tr("%1 on the median beat").arg(q(r_.identity.methods[m])));
            text(tr("Per lead: the mean median beat of all ECGs (black, 50 mm/s, 10 mm/mV) and, below it, the mean evidence "
                    "over the beats of each ECG's median beat, relative to the ECG's average (1 = average), per group."), 2.6);
            beatPanels(m);
        }
    }

    void agreementAndCounterfactuals()
    {
        if (!r_.agreement && r_.counterfactuals.empty())
            return;
        newPage();
        if (r_.agreement) {
            title(tr("Agreement between the methods"));
            text(tr("Spearman's rank correlation of two methods' shares per lead and wave, in each ECG; the median over the "
                    "ECGs (quartiles in brackets)."), 2.6);
            const auto& a = *r_.agreement;
            QStringList header{QString()};
            for (const auto& m : a.methods)
                header << q(m);
            std::vector<QStringList> rows;
            for (std::size_t x = 0; x < a.methods.size(); ++x) {
                QStringList row{q(a.methods[x])};
                for (std::size_t y = 0; y < a.methods.size(); ++y)
                    row << (x == y ? QStringLiteral("—")
                                   : QStringLiteral("%1 (%2–%3)").arg(a.median[x][y], 0, 'f', 2).arg(a.q1[x][y], 0, 'f', 2).arg(a.q3[x][y], 0, 'f', 2));
                rows.push_back(row);
            }
            table(header, rows);
            gap(5);
        }
        for (const auto& c : r_.counterfactuals) {
            title(tr("What %1 changed").arg(q(c.method)));
            text(tr("Target reached in %1 of %2 ECGs. Per measurement: the median change with its 95 % confidence interval, "
                    "the share of ECGs where it rose, Wilcoxon's signed-rank test and Holm's correction over the "
                    "measurements. The 30 smallest p-values.").arg(c.reached).arg(c.records), 2.6);
            auto rows = c.deltas;
            std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.test.p < b.test.p; });
            std::vector<QStringList> cells;
            for (std::size_t k = 0; k < rows.size() && k < 30; ++k) {
                const auto& d = rows[k];
                cells.push_back({q(d.quantity), q(d.lead), q(d.unit), QString::number(d.pairs),
                                 QStringLiteral("%1 [%2, %3]").arg(d.medianDelta, 0, 'g', 3).arg(d.ciLow, 0, 'g', 3).arg(d.ciHigh, 0, 'g', 3),
                                 QStringLiteral("%1 %").arg(std::lround(100 * d.increased)), pValue(d.test.p), pValue(d.pHolm)});
            }
            table({tr("measurement"), tr("lead"), tr("unit"), tr("pairs"), tr("median change [95 % CI]"), tr("rose"), tr("p"),
                   tr("p (Holm)")},
                  cells);
            gap(5);
        }
    }

    void finish() { p_.end(); }

private:
    static QString pValue(double p) { return p < 0.001 ? QStringLiteral("< 0.001") : QString::number(p, 'f', 3); }

    bool hasMethod(const CohortGroupFigures& g, std::size_t m) const
    {
        return std::any_of(g.methods.begin(), g.methods.end(), [&](const auto& f) { return f.method == r_.identity.methods[m]; });
    }
    const CohortMethodFigures* methodIn(const CohortGroupFigures& g, std::size_t m) const
    {
        for (const auto& f : g.methods)
            if (f.method == r_.identity.methods[m])
                return &f;
        return nullptr;
    }

    double mm(double v) const { return v * pxPerMm_; }
    double width() const { return page_.width() - 2 * margin_; }

    void newPage()
    {
        writer_.newPage();
        y_ = margin_;
    }
    void ensure(double heightPx)
    {
        if (y_ + heightPx > page_.height() - margin_)
            newPage();
    }
    void gap(double mmValue) { y_ += mm(mmValue); }

    void title(const QString& s)
    {
        ensure(mm(10));
        p_.setFont(paperFont(p_, pxPerMm_, 5.0, true));
        p_.setPen(Qt::black);
        p_.drawText(QRectF(margin_, y_, width(), mm(8)), Qt::AlignLeft | Qt::AlignVCenter, s);
        y_ += mm(9);
    }
    void heading(const QString& s)
    {
        ensure(mm(7));
        p_.setFont(paperFont(p_, pxPerMm_, 3.6, true));
        p_.setPen(Qt::black);
        p_.drawText(QRectF(margin_, y_, width(), mm(6)), Qt::AlignLeft | Qt::AlignVCenter, s);
        y_ += mm(6.5);
    }
    void text(const QString& s, double sizeMm)
    {
        p_.setFont(paperFont(p_, pxPerMm_, sizeMm));
        p_.setPen(QColor(30, 30, 30));
        const QRectF box = p_.boundingRect(QRectF(margin_, y_, width(), page_.height()), Qt::TextWordWrap, s);
        ensure(box.height());
        p_.drawText(QRectF(margin_, y_, width(), box.height()), Qt::TextWordWrap, s);
        y_ += box.height() + mm(0.8);
    }

    void table(const QStringList& header, const std::vector<QStringList>& rows)
    {
        const double rowH = mm(4.6);
        const int columns = int(header.size());
        std::vector<double> widths(std::size_t(columns), 0.0);
        const QFontMetricsF fm(paperFont(p_, pxPerMm_, 2.6)), boldFm(paperFont(p_, pxPerMm_, 2.6, true));
        for (int c = 0; c < columns; ++c) {
            widths[std::size_t(c)] = boldFm.horizontalAdvance(header[c]);
            for (const auto& r : rows)
                widths[std::size_t(c)] = std::max(widths[std::size_t(c)], fm.horizontalAdvance(r.value(c)));
        }
        const double total = std::accumulate(widths.begin(), widths.end(), 0.0) + mm(3) * columns;
        const double scale = total > width() ? width() / total : 1.0;
        const auto drawRow = [&](const QStringList& cells, bool bold) {
            ensure(rowH);
            p_.setFont(paperFont(p_, pxPerMm_, 2.6, bold));
            double x = margin_;
            for (int c = 0; c < columns; ++c) {
                const double w = (widths[std::size_t(c)] + mm(3)) * scale;
                p_.drawText(QRectF(x, y_, w, rowH), Qt::AlignLeft | Qt::AlignVCenter, cells.value(c));
                x += w;
            }
            y_ += rowH;
        };
        p_.setPen(Qt::black);
        drawRow(header, true);
        p_.setPen(QPen(QColor(160, 160, 160), mm(0.15)));
        p_.drawLine(QPointF(margin_, y_), QPointF(margin_ + width(), y_));
        p_.setPen(Qt::black);
        for (const auto& r : rows)
            drawRow(r, false);
    }

    void predictionChart()
    {
        const auto& pr = r_.prediction;
        const double h = mm(35);
        ensure(h + mm(8));
        const QRectF area(margin_ + mm(10), y_, width() - mm(10), h);
        std::vector<int> counts;
        QStringList labels;
        if (pr.probabilities && pr.labels.size() > 1) {
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
            p_.drawRect(QRectF(area.left() + barW * k + barW * 0.1, area.bottom() - bh, barW * 0.8, bh));
        }
        p_.setBrush(Qt::NoBrush);
        p_.setPen(QPen(Qt::black, mm(0.15)));
        p_.drawLine(area.bottomLeft(), area.bottomRight());
        p_.setFont(paperFont(p_, pxPerMm_, 2.4));
        p_.drawText(QRectF(margin_, area.top() - mm(1), mm(9), mm(4)), Qt::AlignRight | Qt::AlignVCenter, QString::number(top));
        for (int k = 0; k < labels.size(); ++k)
            p_.drawText(QRectF(area.left() + barW * k, area.bottom() + mm(0.5), std::max(barW, mm(20)), mm(4)),
                        Qt::AlignLeft | Qt::AlignTop, labels[k]);
        y_ += h + mm(6);
        if (!(pr.probabilities && pr.labels.size() > 1) && pr.value.n > 0)
            text(tr("%1: median %2 %3 (quartiles %4–%5), %6 ECGs")
                     .arg(q(pr.labels.empty() ? std::string() : pr.labels.front()))
                     .arg(pr.value.median, 0, 'g', 3)
                     .arg(q(pr.units.empty() ? std::string() : pr.units.front()))
                     .arg(pr.value.q1, 0, 'g', 3)
                     .arg(pr.value.q3, 0, 'g', 3)
                     .arg(pr.value.n),
                 2.6);
    }

    // One box-and-whisker glyph in `colour`, value axis 0–1 mapped into `area`.
    void box(const stats::BoxFigures& b, double x, double w, const QRectF& area, const QColor& colour)
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

    void axes(const QRectF& area, const QStringList& categories)
    {
        p_.setFont(paperFont(p_, pxPerMm_, 2.4));
        for (int k = 0; k <= 4; ++k) {
            const double v = k / 4.0, yy = area.bottom() - area.height() * v;
            p_.setPen(QPen(QColor(215, 215, 215), mm(0.1)));
            p_.drawLine(QPointF(area.left(), yy), QPointF(area.right(), yy));
            p_.setPen(Qt::black);
            p_.drawText(QRectF(area.left() - mm(9), yy - mm(2), mm(8), mm(4)), Qt::AlignRight | Qt::AlignVCenter,
                        QStringLiteral("%1 %").arg(k * 25));
        }
        const double step = area.width() / categories.size();
        for (int k = 0; k < categories.size(); ++k)
            p_.drawText(QRectF(area.left() + step * k, area.bottom() + mm(0.5), step, mm(4)), Qt::AlignHCenter | Qt::AlignTop, categories[k]);
    }

    void legend()
    {
        p_.setFont(paperFont(p_, pxPerMm_, 2.6));
        double x = margin_;
        ensure(mm(5));
        for (std::size_t g = 0; g < r_.groups.size(); ++g) {
            const QString label = groupLabel(r_.groups[g]);
            p_.setPen(QPen(groupColour(g), mm(0.8)));
            p_.drawLine(QPointF(x, y_ + mm(2)), QPointF(x + mm(5), y_ + mm(2)));
            p_.setPen(Qt::black);
            const double w = QFontMetricsF(p_.font()).horizontalAdvance(label) + mm(10);
            if (x + w > margin_ + width()) {
                x = margin_;
                y_ += mm(4.5);
            }
            p_.drawText(QRectF(x + mm(6), y_, w, mm(4)), Qt::AlignLeft | Qt::AlignVCenter, label);
            x += w;
        }
        y_ += mm(5);
    }

    void waveBoxes(std::size_t m)
    {
        legend();
        const double h = mm(60);
        ensure(h + mm(8));
        const QRectF area(margin_ + mm(10), y_, width() - mm(10), h);
        QStringList waves;
        for (int w = 0; w < kReportWaves; ++w)
            waves << waveName(w);
        axes(area, waves);
        const double step = area.width() / kReportWaves;
        const double boxW = step * 0.8 / double(std::max<std::size_t>(1, r_.groups.size()));
        for (int w = 0; w < kReportWaves; ++w)
            for (std::size_t g = 0; g < r_.groups.size(); ++g)
                if (const auto* f = methodIn(r_.groups[g], m))
                    box(f->waveShare[std::size_t(w)], area.left() + step * w + step * 0.1 + boxW * double(g), boxW * 0.85, area, groupColour(g));
        y_ += h + mm(6);
    }

    void leadBoxes(std::size_t m)
    {
        const auto* f = methodIn(r_.groups.front(), m);
        if (!f || r_.leads.empty())
            return;
        heading(tr("Share per lead, all ECGs"));
        const double h = mm(45);
        ensure(h + mm(8));
        const QRectF area(margin_ + mm(10), y_, width() - mm(10), h);
        QStringList leads;
        for (const auto& l : r_.leads)
            leads << q(l);
        // Per-lead shares are small beside per-wave ones: the axis runs to the largest 95th percentile.
        double top = 0.05;
        for (const auto& b : f->leadShare)
            if (b.n > 0)
                top = std::max(top, b.p95);
        top = std::ceil(top * 20.0) / 20.0;
        p_.setFont(paperFont(p_, pxPerMm_, 2.4));
        for (int k = 0; k <= 4; ++k) {
            const double yy = area.bottom() - area.height() * k / 4.0;
            p_.setPen(QPen(QColor(215, 215, 215), mm(0.1)));
            p_.drawLine(QPointF(area.left(), yy), QPointF(area.right(), yy));
            p_.setPen(Qt::black);
            p_.drawText(QRectF(area.left() - mm(9), yy - mm(2), mm(8), mm(4)), Qt::AlignRight | Qt::AlignVCenter,
                        QStringLiteral("%1 %").arg(100 * top * k / 4.0, 0, 'g', 3));
        }
        const double step = area.width() / double(leads.size());
        for (int l = 0; l < leads.size(); ++l) {
            p_.setPen(Qt::black);
            p_.drawText(QRectF(area.left() + step * l, area.bottom() + mm(0.5), step, mm(4)), Qt::AlignHCenter | Qt::AlignTop, leads[l]);
            stats::BoxFigures b = f->leadShare[std::size_t(l)];
            for (double* v : {&b.p5, &b.q1, &b.median, &b.q3, &b.p95})
                *v /= top;
            box(b, area.left() + step * l + step * 0.2, step * 0.6, area, groupColour(0));
        }
        y_ += h + mm(6);
    }

    void beatPanels(std::size_t m)
    {
        legend();
        const int columns = 4;
        const double speed = 50.0, gain = 10.0;   // mm/s, mm/mV
        const double panelW = (BeatAxis::toMs - BeatAxis::fromMs) / 1000.0 * speed;   // 40 mm
        const double panelH = mm(42), gapW = (width() - mm(panelW) * columns) / (columns - 1);
        // The profiles' scale: the 99th percentile of every group's mean profile fills 14 mm, so one sharp peak (a
        // gradient's at the R wave) does not flatten the rest; higher values are cut at the panel's top.
        std::vector<double> all;
        for (const auto& g : r_.groups)
            if (const auto* f = methodIn(g, m))
                for (const auto& lead : f->meanProfile)
                    all.insert(all.end(), lead.begin(), lead.end());
        const double top = std::max(1.0, stats::quantile(all, 0.99));
        const GridColours grid = clinicalRedGrid();
        for (std::size_t l = 0; l < r_.leads.size(); ++l) {
            if (l % columns == 0) {
                if (l > 0)
                    y_ += panelH + mm(3);
                ensure(panelH + mm(3));
            }
            const QRectF panel(margin_ + (mm(panelW) + gapW) * double(l % columns), y_, mm(panelW), panelH);
            paintMillimetreGrid(p_, panel, pxPerMm_, grid);
            p_.setPen(Qt::black);
            p_.setFont(paperFont(p_, pxPerMm_, 2.8, true));
            p_.drawText(panel.adjusted(mm(1), mm(0.5), 0, 0), Qt::AlignLeft | Qt::AlignTop, q(r_.leads[l]));
            const double pxPerPoint = mm(BeatAxis::stepMs / 1000.0 * speed);
            // The mean median beat of all ECGs, its baseline 14 mm from the top.
            const auto& beat = r_.groups.front().meanMedianBeat;
            if (l < beat.size()) {
                std::vector<float> samples(beat[l].begin(), beat[l].end());
                p_.setPen(tracePen(Qt::black, pxPerMm_));
                drawTrace(p_, samples, panel.left(), pxPerPoint, panel.top() + mm(14), mm(gain), panel.width());
            }
            // Each group's mean evidence, from the panel's bottom up.
            for (std::size_t g = 0; g < r_.groups.size(); ++g) {
                const auto* f = methodIn(r_.groups[g], m);
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
        y_ += panelH + mm(4);
        text(tr("Evidence scale: the panel's bottom is 0; 14 mm is %1 × the ECG's average evidence (higher peaks are cut at "
                "the panel's top). Grid 1 mm; the dashed line is the QRS fiducial; the axis runs from %2 to %3 ms.")
                 .arg(top, 0, 'g', 3)
                 .arg(BeatAxis::fromMs)
                 .arg(BeatAxis::toMs),
             2.4);
    }

    QPdfWriter& writer_;
    const CohortReport& r_;
    QPainter p_;
    QRectF page_;
    double pxPerMm_ = 1, margin_ = 0, y_ = 0;
};

} // namespace

bool writeCohortReportPdf(const CohortReport& report, const std::string& path, std::string* error)
{
    const auto fail = [&](const QString& why) {
        if (error)
            *error = path + ": " + why.toStdString();
        return false;
    };
    QSaveFile file(q(path));
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setResolution(600);
        writer.setTitle(tr("ExECG Studio cohort report"));
        writer.setCreator(QStringLiteral("ExECG Studio ") + q(report.identity.software));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        CohortPages pages(writer, report);
        if (!pages.ok())
            return fail(tr("cannot paint the PDF"));
        pages.summary();
        pages.methods();
        pages.agreementAndCounterfactuals();
        pages.finish();
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace execg
