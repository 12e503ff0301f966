#pragma once
// The model-against-model report: a page with each model's prediction, the reading in words and the table of how
// each model's evidence differs from the first's, lead by wave; then each model's 12-lead page with its map as shares
// of its own evidence, every model on one colour scale. The command line (`execg-cli compare`) and the workstation's
// comparison window write the same file.
#include "analysis/ModelComparison.h"
#include "render/PdfReport.h"

#include <QColor>
#include <QString>

#include <vector>

namespace execg {

struct ModelComparisonReport {
    ModelComparison comparison;
    std::vector<ReportContent> charts;   // one per model, in the comparison's order (prepareComparisonCharts)
    QPageSize::PageSizeId pageSize = QPageSize::A4;
};

// A cell of a difference table as the page and the window show it: the signed points ("+2.8", "0.0", never "-0.0"),
// its shade on the diverging map against the table's largest |difference|, and whether its text must be white.
struct DifferenceCell {
    QString text;
    QColor shade;
    bool lightText = false;
};
double largestDifference(const WaveTable& table);
DifferenceCell differenceCell(double share, double largest);

// Each model's chart content made comparable: only `method`'s map, as shares of the model's own evidence (%), drawn
// as `display`, titled with the model's name, and one fixed full-colour value for all of them.
void prepareComparisonCharts(std::vector<ReportContent>& charts, const ModelComparison& comparison, const std::string& method,
                             const MapDisplay& display, const WaveSegmentation* waves);

// Writes `path` atomically; on failure false with `error` naming the file and the problem.
bool writeModelComparisonPdf(const ModelComparisonReport& report, const QString& path, QString* error = nullptr);

} // namespace execg
