#include "render/ModelComparisonPdf.h"

#include "render/ColourMap.h"
#include "render/LocaleFormat.h"
#include "render/PaperPrimitives.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace execg {

namespace {

constexpr double kMarginMm = 10.0;
const QColor kInk(20, 20, 20), kMuted(90, 90, 90);

QString q(const std::string& s) { return QString::fromStdString(s); }

class ComparisonPage {
    Q_DECLARE_TR_FUNCTIONS(execg::ComparisonPage)
public:
    ComparisonPage(QPainter& p, double pxPerMm, QSizeF pageMm) : p_(p), px_(pxPerMm), pageMm_(pageMm) {}

    void paint(const ModelComparison& c)
    {
        y_ = kMarginMm;
        text(tr("Model against model"), 6.0, true);
        text(tr("The same recording through %1 models; each model's evidence (%2) as shares of its own total.")
                 .arg(c.models.size())
                 .arg(q(c.models.front().method)),
             3.0, false, kMuted);
        y_ += 2.0;
        for (const auto& m : c.models) {
            text(q(m.name), 3.6, true);
            text(tr("prediction: %1 · %2").arg(q(m.prediction), q(m.summary.headline)), 3.0);
        }
        y_ += 2.0;
        for (const auto& r : c.readings)
            text(q(r), 3.4, true);
        for (std::size_t k = 0; k < c.difference.size(); ++k)
            differenceTable(c, k);
    }

private:
    void text(const QString& s, double sizeMm, bool bold = false, const QColor& colour = kInk)
    {
        p_.setFont(paperFont(p_, px_, sizeMm, bold));
        p_.setPen(colour);
        QRectF used;
        p_.drawText(QRectF(kMarginMm * px_, y_ * px_, (pageMm_.width() - 2 * kMarginMm) * px_, (pageMm_.height() - y_) * px_),
                    Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, s, &used);
        y_ += used.height() / px_ + 1.0;
    }

    // Rows the leads, columns the waves; each cell the points (%) by which model k's share exceeds the first
    // model's, shaded blue (less) to red (more) on one scale for the table.
    void differenceTable(const ModelComparison& c, std::size_t k)
    {
        y_ += 2.0;
        text(tr("%1 minus %2 (points of each model's evidence)").arg(q(c.models[k + 1].name), q(c.models.front().name)), 3.2, true);
        const auto& d = c.difference[k];
        const double largest = largestDifference(d);
        const double rowMm = std::min(5.0, (pageMm_.height() - y_ - kMarginMm) / double(d.size() + 1));
        const double leadMm = 18.0, cellMm = 24.0;
        p_.setFont(paperFont(p_, px_, std::min(3.0, 0.62 * rowMm), true));
        p_.setPen(kMuted);
        for (int w = 0; w < kWaveSegments; ++w)
            p_.drawText(QRectF((kMarginMm + leadMm + w * cellMm) * px_, y_ * px_, cellMm * px_, rowMm * px_), Qt::AlignCenter,
                        q(toString(WaveSegment(w))));
        y_ += rowMm;
        p_.setFont(paperFont(p_, px_, std::min(3.0, 0.62 * rowMm)));
        for (std::size_t l = 0; l < d.size(); ++l) {
            p_.setPen(kInk);
            p_.drawText(QRectF(kMarginMm * px_, y_ * px_, leadMm * px_, rowMm * px_), Qt::AlignLeft | Qt::AlignVCenter, q(c.leads[l]));
            for (int w = 0; w < kWaveSegments; ++w) {
                const DifferenceCell shown = differenceCell(d[l][std::size_t(w)], largest);
                const QRectF cell((kMarginMm + leadMm + w * cellMm) * px_, y_ * px_, cellMm * px_, rowMm * px_);
                p_.fillRect(cell.adjusted(0.3 * px_, 0.3 * px_, -0.3 * px_, -0.3 * px_), shown.shade);
                p_.setPen(shown.lightText ? Qt::white : kInk);
                p_.drawText(cell, Qt::AlignCenter, shown.text);
            }
            y_ += rowMm;
        }
    }

    QPainter& p_;
    double px_;
    QSizeF pageMm_;
    double y_ = kMarginMm;
};

} // namespace

double largestDifference(const WaveTable& table)
{
    double largest = 0.0;
    for (const auto& lead : table)
        for (double v : lead)
            largest = std::max(largest, std::abs(v));
    return largest;
}

DifferenceCell differenceCell(double share, double largest)
{
    const double points = std::abs(100.0 * share) < 0.05 ? 0.0 : 100.0 * share;   // no "-0.0"
    return {(points > 0 ? QStringLiteral("+") : QString()) + localNumber(points, 'f', 1),
            colourAt(ColourMapKind::Diverging, largest > 0 ? share / largest : 0.0), std::abs(share) > 0.6 * largest};
}

void prepareComparisonCharts(std::vector<ReportContent>& charts, const ModelComparison& comparison, const std::string& method,
                             const MapDisplay& display, const WaveSegmentation* waves)
{
    for (std::size_t k = 0; k < charts.size(); ++k) {
        ReportContent& c = charts[k];
        std::erase_if(c.methods, [&](const ReportMethod& m) { return m.name.toStdString() != method; });
        for (auto& m : c.methods) {
            m.recordingMap = evidenceShareMap(m.recordingMap);
            if (k < comparison.models.size())
                m.name = q(comparison.models[k].name);
        }
        c.chartMethod = c.methods.empty() ? -1 : 0;
        applyMapDisplay(c, display, waves);
    }
    std::vector<const std::vector<std::vector<float>>*> maps;
    for (const auto& c : charts)
        for (const auto& m : c.methods)
            maps.push_back(&m.recordingMap);
    const double shared = fullColourValue(maps);
    for (auto& c : charts) {
        c.scale = ReportScale::Absolute;
        c.absoluteScale = shared;
    }
}

bool writeModelComparisonPdf(const ModelComparisonReport& r, const QString& path, QString* error)
{
    const auto fail = [&](const QString& why) {
        if (error)
            *error = path + QStringLiteral(": ") + why;
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setResolution(600);
        writer.setTitle(QCoreApplication::translate("execg::ComparisonPage", "Model against model"));
        writer.setPageSize(QPageSize(r.pageSize));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p(&writer);
        if (!p.isActive())
            return fail(QCoreApplication::translate("execg::ComparisonPage", "cannot paint the PDF"));
        const double pxPerMm = writer.resolution() / 25.4;
        const QSizeF pageMm = writer.pageLayout().fullRect(QPageLayout::Millimeter).size();
        ComparisonPage(p, pxPerMm, pageMm).paint(r.comparison);
        for (const auto& chart : r.charts) {
            if (chart.chartMethod < 0)
                continue;
            writer.newPage();
            paintReportChartPage(p, QRectF(QPointF(0, 0), pageMm * pxPerMm), pxPerMm, chart);
        }
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace execg
