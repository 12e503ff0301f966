// Readable maps (issue 27): the chart draws a method's map smoothed over the display's width (40 ms by default), as
// computed, or per wave (each wave's share of the evidence over its extent, on a sequential colour map); the caption
// and the colour bar say which; what is stored, scored and exported stays the map as computed; the report says how
// its maps were drawn. EXECG_SCREENSHOTS=DIR writes the chart in each mode (docs/readable-maps.md).
#include "MapCompare.h"
#include "PdfText.h"
#include "WorkbenchTestSupport.h"

#include "analysis/ResultsJson.h"
#include "explain/MapDisplay.h"
#include "render/ColourMap.h"
#include "widgets/DisplayToolBar.h"
#include "widgets/ExplainerPanel.h"
#include "widgets/MainWindow.h"
#include "widgets/PaperChartView.h"
#include "workbench/ChartState.h"
#include "workbench/Workbench.h"

#include <QComboBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace execg;
using namespace execg::test;

namespace {

void chooseDetail(MainWindow& w, const QString& key)
{
    QComboBox* box = w.displayToolBar()->detailBox();
    const int at = box->findData(key);
    QVERIFY2(at >= 0, qPrintable(key));
    box->setCurrentIndex(at);
    emit box->activated(at);
}

} // namespace

class TestReadableMaps : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ExECG-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_readable_maps"));
        QSettings().clear();
        configureTorchThreads(2);
    }

    void smoothedAsComputedAndPerWave()
    {
        MainWindow w;
        w.resize(1600, 1000);
        openDemoAndWait(w);
        Workbench& wb = w.workbench();
        w.explainerPanel()->chooseMethods({QStringLiteral("integrated-gradients")});
        wb.runExplanations();
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(wb) && w.chartState().explanation(), kLong);
        const ChartState& state = w.chartState();
        const auto computed = state.explanation();
        const double rate = wb.group()->samplingRateHz;
        const QByteArray shots = qgetenv("EXECG_SCREENSHOTS");
        const auto shoot = [&](const char* name) {
            if (!shots.isEmpty())
                QVERIFY(w.chartView()->renderImage().save(QString::fromUtf8(shots) + QLatin1Char('/') + QLatin1String(name)));
        };

        // The default: smoothed over 40 ms, said in the caption and on the colour bar.
        QCOMPARE(w.displayToolBar()->detailBox()->currentData().toString(), QStringLiteral("40"));
        QVERIFY(state.shownExplanation() != computed);
        QVERIFY(sameMaps(state.shownExplanation()->recordingMap, smoothedMap(computed->recordingMap, rate, 40.0)));
        QVERIFY(sameMaps(*state.overlay().map, state.shownExplanation()->recordingMap));
        QVERIFY2(state.caption().contains(QStringLiteral("drawn smoothed over 40 ms (display only)")), qPrintable(state.caption()));
        QVERIFY2(state.overlay().scaleNote.contains(QStringLiteral("display smoothing 40 ms")), qPrintable(state.overlay().scaleNote));
        QCOMPARE(state.overlay().scale, fullColourValue({&state.shownExplanation()->recordingMap}));
        shoot("gui-map-smoothed-40ms.png");

        // As computed: the very map, nothing said.
        chooseDetail(w, QStringLiteral("0"));
        QCOMPARE(state.shownExplanation(), computed);
        QVERIFY(!state.caption().contains(QStringLiteral("drawn")));
        QVERIFY(state.overlay().colours == ColourMapKind::Diverging);
        shoot("gui-map-as-computed.png");

        // Per wave: shares on a sequential map; each painted value is a share of the evidence in %.
        chooseDetail(w, QStringLiteral("waves"));
        QVERIFY(wb.waves() && !wb.waves()->beats.empty());
        QVERIFY(sameMaps(state.shownExplanation()->recordingMap, waveShareMap(computed->recordingMap, *wb.waves())));
        QVERIFY(state.overlay().colours == ColourMapKind::Cividis);
        QVERIFY2(state.overlay().scaleNote.contains(QStringLiteral("% of the evidence per wave")), qPrintable(state.overlay().scaleNote));
        QVERIFY(state.caption().contains(QStringLiteral("drawn per wave")));
        QCOMPARE(state.explanation(), computed);   // what the quiz scores and the evidence tables read
        shoot("gui-map-per-wave.png");
        // The choice is kept for the next session.
        QVERIFY(DisplaySettings::load().map.view == MapView::Waves);

        // The results document keeps the map as computed; the report says how its maps were drawn.
        const auto document = wb.resultsDocument();
        QVERIFY(document && document->methods.size() == 1);
        QCOMPARE(document->methods[0].explanation, computed);
        QSignalSpy exported(&wb, &Workbench::exported);
        const QString pdf = dir_.filePath(QStringLiteral("waves.pdf"));
        w.exportReport(pdf);
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.at(0).at(1).toString(), QString());
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("% of the evidence per wave")) && text.contains(QStringLiteral("drawn per wave")),
                 qPrintable(text));

        chooseDetail(w, QStringLiteral("40"));
        QVERIFY(sameMaps(state.shownExplanation()->recordingMap, smoothedMap(computed->recordingMap, rate, 40.0)));
        QSettings().clear();
    }
};

QTEST_MAIN(TestReadableMaps)
#include "test_readable_maps.moc"
