#include "render/CohortReportPdf.h"

#include "render/CohortFigures.h"
#include "render/PaperPrimitives.h"
#include "render/Text.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace execg {

namespace {

class CohortPages {
    // The context lupdate files this class's strings under.
    Q_DECLARE_TR_FUNCTIONS(execg::CohortPages)

public:
    CohortPages(QPdfWriter& writer, const CohortReport& report)
        : writer_(writer), r_(report), p_(&writer), pxPerMm_(writer.resolution() / 25.4), figures_(p_, pxPerMm_, report)
    {
        page_ = QRectF(0, 0, writer.width(), writer.height());
        margin_ = mm(14);
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
                if (const QString h = CohortFigures::headline(g, m); !h.isEmpty())
                    text(QStringLiteral("• ") + h, 3.0);
        gap(3);
        heading(tr("Predictions"));
        const double h = mm(35);
        ensure(h + mm(8));
        figures_.predictionHistogram(QRectF(margin_ + mm(10), y_, width() - mm(10), h));
        y_ += h + mm(6);
        const auto& pr = r_.prediction;
        if (!(pr.probabilities && pr.labels.size() > 1) && pr.value.n > 0)
            text(tr("%1: median %2 %3 (quartiles %4–%5), %6 ECGs")
                     .arg(q(pr.labels.empty() ? std::string() : pr.labels.front()))
                     .arg(pr.value.median, 0, 'g', 3)
                     .arg(q(pr.units.empty() ? std::string() : pr.units.front()))
                     .arg(pr.value.q1, 0, 'g', 3)
                     .arg(pr.value.q3, 0, 'g', 3)
                     .arg(pr.value.n),
                 2.6);
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
            if (!std::any_of(r_.groups.begin(), r_.groups.end(),
                             [&](const CohortGroupFigures& g) { return CohortFigures::methodIn(r_, g, m) != nullptr; }))
                continue;
            newPage();
            title(tr("Where %1's evidence lies").arg(q(r_.identity.methods[m])));
            text(tr("Share of the method's total |attribution| per wave in each ECG: boxes span the quartiles, whiskers the 5th to "
                    "95th percentiles, the line is the median. Groups by %1.").arg(q(r_.grouping)), 2.6);
            y_ += figures_.legend(QRectF(margin_, y_, width(), mm(20))) + mm(3);
            figure(mm(60), [&](const QRectF& area) { figures_.waveBoxes(area, m); });
            gap(4);
            heading(tr("Share per lead, all ECGs"));
            figure(mm(45), [&](const QRectF& area) { figures_.leadBoxes(area, m); });
            newPage();
            title(tr("%1 on the median beat").arg(q(r_.identity.methods[m])));
            text(tr("Per lead: the mean median beat of all ECGs (black, 50 mm/s, 10 mm/mV) and, below it, the mean evidence "
                    "over the beats of each ECG's median beat, relative to the ECG's average (1 = average), per group."), 2.6);
            y_ += figures_.legend(QRectF(margin_, y_, width(), mm(20)));
            double scale = 1.0;
            y_ += figures_.beatPanels(QPointF(margin_, y_), width(), m, &scale) + mm(1);
            text(tr("Evidence scale: the panel's bottom is 0; 14 mm is %1 × the ECG's average evidence (higher peaks are cut at "
                    "the panel's top). Grid 1 mm; the dashed line is the QRS fiducial; the axis runs from %2 to %3 ms.")
                     .arg(scale, 0, 'g', 3)
                     .arg(BeatAxis::fromMs)
                     .arg(BeatAxis::toMs),
                 2.4);
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

    void concepts()
    {
        if (r_.tcav.empty())
            return;
        newPage();
        title(tr("Concepts (TCAV) in each group"));
        text(tr("Concept tests with each group's own ECGs as the inputs: the share of them whose output rises along the "
                "concept (score, 95 % interval), beside random directions; Welch's t-test with Holm's correction; a CAV "
                "below 70 % held-out accuracy is unreliable, and so is one between concept and random ECGs of different "
                "origins (read from files against generated), which it tells apart by origin alone."), 2.6);
        std::vector<QStringList> cells;
        for (const auto& t : r_.tcav) {
            if (!t.error.empty()) {
                cells.push_back({q(t.group), tr("could not run: %1").arg(q(t.error))});
                continue;
            }
            for (const auto& row : t.rows)
                cells.push_back({q(t.group) + QStringLiteral(" (%1)").arg(t.inputs), q(row.conceptName), q(row.layer),
                                 QStringLiteral("%1 [%2, %3]").arg(row.score, 0, 'f', 2).arg(row.ciLow, 0, 'f', 2).arg(row.ciHigh, 0, 'f', 2),
                                 QString::number(row.randomScore, 'f', 2), pValue(row.pHolm),
                                 QStringLiteral("%1 %").arg(std::lround(100 * row.cavAccuracy)),
                                 row.significant ? tr("significant") : row.reliable ? tr("not significant") : tr("unreliable CAV")});
        }
        table({tr("group (ECGs)"), tr("concept"), tr("layer"), tr("score [95 % CI]"), tr("random"), tr("p (Holm)"), tr("CAV"), tr("verdict")},
              cells);
    }

    void finish() { p_.end(); }

private:
    static QString pValue(double p) { return p < 0.001 ? QStringLiteral("< 0.001") : QString::number(p, 'f', 3); }

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

    // A figure of `height` with room for the value labels left of it and the categories below.
    template <class Paint>
    void figure(double height, Paint&& paint)
    {
        ensure(height + mm(8));
        paint(QRectF(margin_ + mm(10), y_, width() - mm(10), height));
        y_ += height + mm(6);
    }

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

    QPdfWriter& writer_;
    const CohortReport& r_;
    QPainter p_;
    double pxPerMm_ = 1;
    CohortFigures figures_;
    QRectF page_;
    double margin_ = 0, y_ = 0;
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
        writer.setTitle(QCoreApplication::translate("execg::CohortPages", "ExECG Studio cohort report"));
        writer.setCreator(QStringLiteral("ExECG Studio ") + q(report.identity.software));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        CohortPages pages(writer, report);
        if (!pages.ok())
            return fail(QCoreApplication::translate("execg::CohortPages", "cannot paint the PDF"));
        pages.summary();
        pages.methods();
        pages.agreementAndCounterfactuals();
        pages.concepts();
        pages.finish();
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace execg
