#pragma once
// The measurements a clinician checks before trusting any map — rate, RR, PR, QRS, QT and QTc by four formulas,
// axes — each with its unit or the reason it could not be measured, beside each lead's median beat at 50 mm/s with
// the chosen method's map averaged over the same aligned beats.
#include "explain/Explanation.h"
#include "measure/Measurements.h"
#include "recording/Recording.h"

#include <QWidget>

#include <memory>

class QTableWidget;

namespace execg {

class PaperChartView;

class MeasurementsView : public QWidget {
    Q_OBJECT
public:
    explicit MeasurementsView(QWidget* parent = nullptr);

    // `map` (may be null): the explanation whose beat-aligned mean is drawn under the median beats.
    void setCase(std::shared_ptr<const Recording> recording, int groupIndex, std::shared_ptr<const EcgMeasurements> measurements,
                 std::shared_ptr<const Explanation> map, const QString& mapTitle);
    QTableWidget* table() const { return table_; }
    PaperChartView* medianChart() const { return chart_; }

private:
    QTableWidget* table_ = nullptr;
    PaperChartView* chart_ = nullptr;
};

} // namespace execg
