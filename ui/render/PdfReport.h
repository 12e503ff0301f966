#pragma once
// The PDF report of one case: vector, text selectable, A4 or US Letter, written atomically (QSaveFile). Pages: case
// summary (model card with its limits, prediction with every adapter warning, measurements, the methods' headlines),
// the 12-lead with the chosen method's map, comparison sheets (every method on one lead, one shared scale), and the
// reproducibility appendix (versions, SHA-256 of model and input, preprocessing, every method's parameters, seed
// and runtime). Plain data in, so the GUI, the command line and the tests build it the same way.
#include "audit/AuditLog.h"
#include "explain/MapDisplay.h"
#include "recording/Recording.h"
#include "render/ChartPage.h"
#include "render/PaperChartRenderer.h"

#include <QPageSize>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace execg {

// The explanation-quality scorecard of one method, as the report prints it (numbers already in words and units).
struct ReportQuality {
    QString faithfulness;   // "gain 0.30"
    QString sanity;         // "passed" / "FAILED"
    QString stability;      // "0.15"
    QString agreement;      // "0.08"
    QString localisation;   // "69 % in T waves (20 % by chance)" or empty without ground truth
    struct Line {
        QString text;
        bool warning = false;
    };
    std::vector<Line> verdicts;
};

struct ReportMethod {
    QString name;                                   // as the GUI shows it: "integrated-gradients"
    std::vector<std::vector<float>> recordingMap;   // per group lead, group samples (NaN: not seen by the model), as
                                                    // drawn (applyMapDisplay); the results document keeps the map
    std::map<std::string, std::string> parameters;
    std::uint64_t seed = 0;
    bool stochastic = false;
    double runtimeMs = 0.0;
    QString headline;                               // "62 % of the evidence lies in the T waves of V2–V4"
    QStringList notes;
    std::optional<ReportQuality> quality;           // with a page of its own when any method has one
};

enum class ReportScale { Shared, PerMethod, Absolute };

struct ReportContent {
    const Recording* recording = nullptr;
    int group = 0;
    QString inputFile, inputSha256;
    // Model card summary.
    QString modelName, modelVersion, modelFile, modelSha256, intendedUse, limitations;
    bool demoModel = false;
    // Prediction: one line per output ("potassium 7.31 mmol/L"), the explained target, every warning.
    QStringList prediction;
    QString target;
    std::optional<UncertaintyResult> uncertainty;   // the prediction's spread and its referral, when assessed
    QStringList warnings;
    std::vector<ReportMethod> methods;
    int chartMethod = 0;                            // whose map the 12-lead page shows (−1: none)
    // Per method by default: methods' maps come in different units (a gradient per mV, an output change), and one
    // scale for all would make some maps look empty. Shared is for methods of one unit.
    ReportScale scale = ReportScale::PerMethod;
    double absoluteScale = 1.0;                     // ReportScale::Absolute: the value drawn at full colour
    OverlayMode overlay = OverlayMode::Band;
    ColourMapKind colours = ColourMapKind::Diverging;
    std::vector<std::pair<QString, QString>> measurements;   // "QTc (Fridericia)" → "452 ms"
    QStringList versions;                           // "ExECG Studio 0.1.0", "Qt 6.4.2", "LibTorch 1.13.1", …
    QStringList preprocessing;                      // "resampled from 500 Hz to the model's 250 Hz", window, filters
    PaperChartStyle chart;
    bool deidentify = false;
    QPageSize::PageSizeId pageSize = QPageSize::A4;
    // How the maps are drawn (applyMapDisplay has transformed them); the colour bars say it. As computed until
    // applyMapDisplay says otherwise.
    MapDisplay mapDisplay{0.0, MapView::Samples};
    // The analysis's entry in the audit trail, which the appendix cites (or why there is none); absent: the
    // appendix does not speak of the trail.
    std::optional<AuditRecordResult> audit;
};

// Every method's map as `display` draws it (the waves view with `waves`), remembered in content.mapDisplay.
void applyMapDisplay(ReportContent& content, const MapDisplay& display, const WaveSegmentation* waves);

// Writes `path` atomically; on failure returns false with `error` naming the file and the problem, and leaves
// any earlier file of that name as it was.
bool writePdfReport(const ReportContent& content, const QString& path, QString* error = nullptr);

// The report's 12-lead page (chart with the chosen method's map, header, colour bar, footer) on any device: the
// PDF's second page, or a PNG of it.
void paintReportChartPage(QPainter& p, const QRectF& pagePx, double pxPerMm, const ReportContent& content);

// The number of pages writePdfReport produces for `content` (summary, chart, comparison sheets, quality, appendix).
int reportPageCount(const ReportContent& content);

} // namespace execg
