// True physical scale through a PDF: the chart is painted into a PDF, rasterised with pdftoppm at 600 dpi and
// measured like a ruler would: the 1 mV calibration pulse is 10.0 ± 0.1 mm tall and 1 s is 25.0 ± 0.1 mm long at
// 25 mm/s and 10 mm/mV; also at 50 mm/s and 20 mm/mV.
#include "ChartTestSupport.h"
#include "Corpus.h"

#include "render/PaperChartRenderer.h"

#include <QImage>
#include <QProcess>
#include <QtTest>

using namespace execg;

namespace {

constexpr int kRasterDpi = 600;
constexpr double kMmPerPx = 25.4 / kRasterDpi;
const QPointF kChartTopLeftMm(10.0, 20.0);
const QSizeF kChartSizeMm(277.0, 170.0);

bool dark(QRgb c) { return std::max({qRed(c), qGreen(c), qBlue(c)}) < 110; }   // the black trace, not the red grid

// Mean row of the dark pixels in columns [x0, x1) within rows [y0, y1), in px; NaN when none.
double darkRowCentroid(const QImage& img, int x0, int x1, int y0, int y1)
{
    double sum = 0.0;
    int n = 0;
    for (int x = x0; x < x1; ++x)
        for (int y = y0; y < y1; ++y)
            if (dark(img.pixel(x, y))) {
                sum += y;
                ++n;
            }
    return n ? sum / n : NAN;
}

struct Measured {
    double pulseMm = 0.0, secondMm = 0.0;
};

Measured renderAndMeasure(double speed, double gain, const QString& name)
{
    auto group = test::twelveLeadGroup();
    test::addSpike(group.leads[0], 500.0, 0.2);
    test::addSpike(group.leads[0], 500.0, 1.2);
    PaperChartStyle style;
    style.speedMmPerSecond = speed;
    style.gainMmPerMillivolt = gain;
    style.layout = ChartLayoutKind::ThreeByFour;
    const PaperChartRenderer chart(group, style);

    const QString dir = test::scratchDir("chart-scale");
    const QString pdf = dir + "/" + name + ".pdf";
    test::paintA4LandscapePdf(pdf, 1200, [&](QPainter& p, double pxPerMm) {
        chart.paint(p, kChartTopLeftMm * pxPerMm, kChartSizeMm, pxPerMm);
    });
    QProcess raster;
    // Only the top-left 150 × 80 mm (lead I's row) is rasterised: the whole page at 600 dpi is 140 MB.
    raster.start(QStringLiteral("pdftoppm"), {"-r", QString::number(kRasterDpi), "-x", "0", "-y", "0", "-W",
                                              QString::number(std::lround(150.0 / kMmPerPx)), "-H",
                                              QString::number(std::lround(80.0 / kMmPerPx)), "-png", "-singlefile", pdf,
                                              dir + "/" + name});
    if (!raster.waitForFinished(60000) || raster.exitCode() != 0)
        qFatal("pdftoppm failed (installer/install-deps.sh installs poppler-utils): %s", qPrintable(raster.readAllStandardError()));
    const QImage img(dir + "/" + name + ".png");
    if (img.isNull())
        qFatal("no raster of %s", qPrintable(pdf));

    const auto px = [](double mm) { return int(std::lround(mm / kMmPerPx)); };
    // Row 0: lead I. The pulse starts 1 mm into the chart with a 1 mm lead-in on the baseline, then rises.
    const double rowMm = kChartSizeMm.height() / 3.0;
    const double chartLeft = kChartTopLeftMm.x(), chartTop = kChartTopLeftMm.y();
    const int rowTop = px(chartTop), rowBottom = px(chartTop + rowMm);
    const double baseline = darkRowCentroid(img, px(chartLeft + 1.2), px(chartLeft + 1.8), rowTop, rowBottom);
    const double pulseWidthMm = 0.2 * speed;
    const double plateau = darkRowCentroid(img, px(chartLeft + 2.0 + 0.2 * pulseWidthMm), px(chartLeft + 2.0 + 0.8 * pulseWidthMm),
                                           rowTop, rowBottom);
    Measured m;
    m.pulseMm = (baseline - plateau) * kMmPerPx;

    // The two spikes: columns with dark pixels between half and 90 % of the spike's height above the baseline (the
    // lead label sits higher, near the row's top).
    const int spikeTop = int(baseline - 0.5 * gain / kMmPerPx), spikeTip = int(baseline - 0.9 * gain / kMmPerPx);
    std::vector<int> columns;
    const double cellLeftMm = chartLeft + chart.pulseMarginMm();
    for (int x = px(cellLeftMm); x < px(cellLeftMm + 2.0 * speed) && x < img.width(); ++x)
        for (int y = spikeTip; y < spikeTop; ++y)
            if (dark(img.pixel(x, y))) {
                columns.push_back(x);
                break;
            }
    // Split into the two runs and take each run's centre.
    std::vector<double> centres;
    std::size_t start = 0;
    for (std::size_t i = 1; i <= columns.size(); ++i)
        if (i == columns.size() || columns[i] - columns[i - 1] > 5) {
            centres.push_back(0.5 * (columns[start] + columns[i - 1]));
            start = i;
        }
    if (centres.size() == 2)
        m.secondMm = (centres[1] - centres[0]) * kMmPerPx;
    qInfo("%s: pulse %.3f mm (gain %.0f mm/mV), 1 s = %.3f mm (speed %.1f mm/s)", qPrintable(name), m.pulseMm, gain,
          m.secondMm, speed);
    return m;
}

} // namespace

class PaperChartScaleTest : public QObject {
    Q_OBJECT

private slots:
    // A recording of other leads than the twelve shows its own leads as full-width strips; a twelve-lead one (and
    // one with most of the twelve) the chosen layout.
    void ownLeadsWhenTheLayoutHasNone()
    {
        auto handheld = test::twelveLeadGroup(30.0, 300.0);
        handheld.leads.resize(1);
        handheld.leads[0].name = "ECG";
        PaperChartStyle style;
        style.layout = ChartLayoutKind::ThreeByFourPlusOne;
        const PaperChartRenderer handheldChart(handheld, style);
        const auto single = handheldChart.layoutFor(260.0);
        QCOMPARE(single.rows, 3);   // 30 s of one lead: three rows of 10 s, as the handheld device prints it
        QCOMPARE(int(single.cells.size()), 3);
        for (int r = 0; r < 3; ++r) {
            const auto& c = single.cells[std::size_t(r)];
            QCOMPARE(c.lead, std::string("ECG"));
            QVERIFY(c.rhythm);
            QCOMPARE(c.row, r);
            QCOMPARE(c.startSeconds, 0.0);
            QCOMPARE(c.durationSeconds, 10.0);   // 260 mm less the pulse margin at 25 mm/s, in quarter seconds
            QCOMPARE(c.timeOffsetSeconds, 10.0 * r);
        }
        // The mouse, the cursor and marked spans find each row's own stretch of time: 2 s into the third row is 22 s.
        const QSizeF size(260.0, 3 * 30.0);
        const double px = 4.0, x2s = (handheldChart.pulseMarginMm() + 2.0 * 25.0) * px;
        QCOMPARE(*handheldChart.timeAt(QPointF(x2s, 2.5 * 30.0 * px), QPointF(0, 0), size, px), 22.0);
        const auto cursor = handheldChart.cursorLines(22.0, QPointF(0, 0), size, px);
        QCOMPARE(int(cursor.size()), 1);
        QVERIFY(std::abs(cursor[0].x1() - x2s) < 1e-6 && std::abs(cursor[0].y1() - 2 * 30.0 * px) < 1e-6);
        const auto span = handheldChart.spanRects("ECG", 9.0, 11.0, QPointF(0, 0), size, px);   // across a row's end
        QCOMPARE(int(span.size()), 2);
        QVERIFY(std::abs(span[0].top()) < 1e-6 && std::abs(span[1].top() - 30.0 * px) < 1e-6);
        QVERIFY(std::abs(span[1].left() - handheldChart.pulseMarginMm() * px) < 1e-6);
        // The comparison sheet's one strip per method stays one row.
        style.layout = ChartLayoutKind::RhythmStrip;
        QCOMPARE(PaperChartRenderer(handheld, style).layoutFor(260.0).rows, 1);
        style.layout = ChartLayoutKind::ThreeByFourPlusOne;
        // A minute-long recording fills seven rows; a long one stops at eight (80 s), the rest a scroll away.
        QCOMPARE(PaperChartRenderer(test::twelveLeadGroup(61.0, 300.0), style).layoutFor(260.0).rows, 4);   // twelve leads: the layout
        auto minute = test::twelveLeadGroup(61.0, 300.0);
        minute.leads.resize(1);
        QCOMPARE(PaperChartRenderer(minute, style).layoutFor(260.0).rows, 7);
        auto holterHour = test::twelveLeadGroup(200.0, 100.0);
        holterHour.leads.resize(1);
        holterHour.leads[0].name = "MLII";
        QCOMPARE(PaperChartRenderer(holterHour, style).layoutFor(260.0).rows, 8);

        auto holter = test::twelveLeadGroup(10.0, 360.0);
        holter.leads.resize(2);
        holter.leads[0].name = "MLII";
        holter.leads[1].name = "V5";
        const auto two = PaperChartRenderer(holter, style).layoutFor(260.0);
        QCOMPARE(two.rows, 2);
        QCOMPARE(two.cells[1].lead, std::string("V5"));
        handheld.leads[0].name = "I";   // a watch's lead I: strips too, not one 2.5 s cell among eleven empty ones
        QCOMPARE(PaperChartRenderer(handheld, style).layoutFor(260.0).rows, 3);

        const auto twelve = PaperChartRenderer(test::twelveLeadGroup(), style).layoutFor(260.0);
        QCOMPARE(twelve.rows, 4);
        QCOMPARE(int(twelve.cells.size()), 13);
    }

    // Each row of a wrapped lead says when it starts, after what the lead's label already says: a lead computed from
    // others keeps its "*" (read back from a PDF with pdftotext).
    void wrappedRowsAreLabelledWithTheirStart()
    {
        auto watch = test::twelveLeadGroup(30.0, 300.0);
        watch.leads.resize(1);
        watch.leads[0].provenance.derived = true;
        PaperChartStyle style;
        style.layout = ChartLayoutKind::ThreeByFourPlusOne;
        const PaperChartRenderer chart(watch, style);
        const QString dir = test::scratchDir("chart-wrap");
        test::paintA4LandscapePdf(dir + "/wrap.pdf", 300, [&](QPainter& p, double pxPerMm) {
            chart.paint(p, kChartTopLeftMm * pxPerMm, QSizeF(kChartSizeMm.width(), 90.0), pxPerMm);
        });
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {dir + "/wrap.pdf", QStringLiteral("-")});
        QVERIFY2(text.waitForFinished(30000) && text.exitCode() == 0, "pdftotext (poppler-utils) is needed");
        const QString words = QString::fromUtf8(text.readAllStandardOutput()).simplified();
        for (const char* row : {"I* from 0 s", "I* from 10 s", "I* from 20 s"})
            QVERIFY2(words.contains(QLatin1String(row)), qPrintable(words));
    }

    void pdfIsTrueToScale_data()
    {
        QTest::addColumn<double>("speed");
        QTest::addColumn<double>("gain");
        QTest::newRow("25 mm/s, 10 mm/mV") << 25.0 << 10.0;
        QTest::newRow("50 mm/s, 20 mm/mV") << 50.0 << 20.0;
        QTest::newRow("12.5 mm/s, 5 mm/mV") << 12.5 << 5.0;
    }
    void pdfIsTrueToScale()
    {
        QFETCH(double, speed);
        QFETCH(double, gain);
        const auto m = renderAndMeasure(speed, gain, QStringLiteral("chart-%1-%2").arg(speed).arg(gain));
        QVERIFY2(std::abs(m.pulseMm - gain) <= 0.1, qPrintable(QString::number(m.pulseMm)));
        QVERIFY2(std::abs(m.secondMm - speed) <= 0.1, qPrintable(QString::number(m.secondMm)));
    }
};

QTEST_MAIN(PaperChartScaleTest)
#include "test_paper_chart_scale.moc"
