#pragma once
// The Cohort window's plots: a widget that paints one of the report's figures (CohortFigures, the same drawing as
// the PDF) at the screen's true millimetres, and the scatter whose points open their records.
#include "cohort/CohortReport.h"

#include <QPointF>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QPainter;

namespace execg {

class CohortFigures;

class CohortFigureWidget : public QWidget {
    Q_OBJECT
public:
    // `paint` draws into the widget's rectangle (px) with the figures; returns the height it needs (px).
    using Paint = std::function<double(CohortFigures&, const QRectF&)>;
    CohortFigureWidget(Paint paint, QWidget* parent = nullptr);
    void setReport(std::shared_ptr<const CohortReport> report);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Paint paint_;
    std::shared_ptr<const CohortReport> report_;
};

class CohortScatterWidget : public QWidget {
    Q_OBJECT
public:
    explicit CohortScatterWidget(QWidget* parent = nullptr);
    void setReport(std::shared_ptr<const CohortReport> report);
    void setMethod(int method);
    void setWave(int wave);
    // Where each record's point was drawn (widget px; NaN where not drawn), in report.points order.
    const std::vector<QPointF>& positions() const { return positions_; }
    // The record whose point lies within a few px of `at`; −1 for none.
    int pointAt(const QPointF& at) const;

signals:
    void pointClicked(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    std::shared_ptr<const CohortReport> report_;
    int method_ = 0, wave_ = 4;
    std::vector<QPointF> positions_;
};

} // namespace execg
