#pragma once
// What goes into a case's PDF report, gathered from the engine's plain results — recording, model card,
// prediction, explanations with their headlines and scorecards, measurements — in one place, so the command line's
// `report` and the GUI's export print exactly the same report for the same case.
#include "analysis/ResultsDocument.h"
#include "explain/Explanation.h"
#include "measure/Measurements.h"
#include "model/ModelInputAdapter.h"
#include "model/Prediction.h"
#include "quality/Scorecard.h"
#include "render/PdfReport.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace execg {

struct ReportCaseMethod {
    const Explanation* explanation = nullptr;        // recordingMap filled in
    QString headline;
    const quality::Scorecard* scorecard = nullptr;   // when assessed
    double agreement = 0.0;                          // mean agreement with the other methods
    bool stochastic = false;                         // the method draws random numbers (its seed is printed)
};

struct ReportCase {
    const Recording* recording = nullptr;
    int group = 0;
    QString inputFile;
    QString inputSha256;                             // of the input file's bytes; computed from inputFile when empty
    const ModelCard* card = nullptr;
    QString modelFile, modelSha256;
    const Prediction* prediction = nullptr;
    int target = 0;
    const UncertaintyResult* uncertainty = nullptr;   // when assessed
    const AdaptedInput* input = nullptr;
    std::vector<ReportCaseMethod> methods;
    QStringList notes;                               // further warnings for the summary (e.g. a method that failed)
    QStringList versions;                            // "ExECG Studio 0.1.0", "Qt 6.4.2", "LibTorch 1.13.1", …
};

// The report's content for `c` (SHA-256 of the input file, versions, preprocessing, measurements included); the look
// (chart style, page, scale, de-identification, the chart's method) keeps its defaults for the caller to set.
ReportContent assembleReport(const ReportCase& c);

// The report case of an analysed case, from its results document (which, with `recording`, `card` and `input`, must
// outlive it): the methods that ran with their headlines and scorecards, a note for each that could not, and the
// software versions the document cites plus Qt's.
ReportCase reportCaseFor(const ResultsDocument& document, const Recording& recording, const ModelCard& card,
                         const AdaptedInput& input);

// One method's scorecard in the report's words.
ReportQuality reportQuality(const quality::Scorecard& s, double agreement);

// A measured value as the report and the measurements table write it: whole milliseconds, degrees or beats per
// minute with the unit, three decimals for ratios without one; in the reader's locale.
QString quantityText(const NamedQuantity& n);

// The measurements a report lists: rhythm, then the median beat's intervals and axes, each with its unit.
std::vector<std::pair<QString, QString>> measurementRows(const EcgMeasurements& m);

} // namespace execg
