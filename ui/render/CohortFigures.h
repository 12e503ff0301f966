#pragma once
// The cohort report's figures, painted with QPainter into any device — the PDF's pages and the workstation's Cohort
// view draw the same: the legend of the groups, box plots of the evidence per wave for each group and per lead, the
// median-beat panels with each group's mean evidence beneath the mean beat, the prediction histogram and the
// prediction-against-share scatter whose points open their records. Device pixels; `pxPerMm` keeps millimetres.
#include "cohort/CohortReport.h"

#include <QColor>
#include <QCoreApplication>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace execg {

class CohortFigures {
    Q_DECLARE_TR_FUNCTIONS(execg::CohortFigures)

public:
    CohortFigures(QPainter& painter, double pxPerMm, const CohortReport& report, QColor ink = Qt::black);
    double pxPerMm() const { return pxPerMm_; }

    // Okabe–Ito: the whole cohort black (or the ink), the groups blue, vermilion, bluish green, reddish purple,
    // orange, sky blue.
    static QColor groupColour(std::size_t group, QColor ink = Qt::black);
    static QString groupLabel(const CohortGroupFigures& group);   // "all ECGs (200)", "with k ≥ 6 (80)"
    static QString headline(const CohortGroupFigures& group, const CohortMethodFigures& method);   // translated
    static QString waveName(int wave);                            // "P", "QRS", …, "none"
    // The group's figures for the report's method `method` (index into identity.methods); null when it has none.
    static const CohortMethodFigures* methodIn(const CohortReport& report, const CohortGroupFigures& group, std::size_t method);

    // Each paints inside `area` and returns the height it used (px).
    double legend(const QRectF& area);
    double caption(const QRectF& area, const QString& text);   // a figure's title, bold
    void waveBoxes(const QRectF& area, std::size_t method);
    void leadBoxes(const QRectF& area, std::size_t method);
    void predictionHistogram(const QRectF& area);
    // The 3 × 4 median-beat panels at 50 mm/s and 10 mm/mV (true size at pxPerMm), from `topLeft` across `width`;
    // returns the height used. `scale` receives the evidence that 14 mm stands for.
    double beatPanels(QPointF topLeft, double width, std::size_t method, double* scale = nullptr);
    static double beatPanelsHeightMm(std::size_t leads);
    // Each analysed record as a point: its first output (x) against the method's share in `wave` (y), coloured by
    // group; `positions` receives each point's place (px), in report.points order, NaN where not drawn.
    void scatter(const QRectF& area, std::size_t method, int wave, std::vector<QPointF>* positions = nullptr);

private:
    double mm(double v) const { return v * pxPerMm_; }
    void box(const stats::BoxFigures& b, double x, double w, const QRectF& area, const QColor& colour);
    void valueAxis(const QRectF& area, double top, const QStringList& categories);

    QPainter& p_;
    double pxPerMm_;
    const CohortReport& r_;
    QColor ink_;
};

} // namespace execg
