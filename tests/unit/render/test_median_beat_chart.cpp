// The median-beat view: each lead's median beat lands in its own layout column and nowhere else; a map with a spike
// at every used beat's fiducial averages to 1 at the median's fiducial and 0 beside it; rhythm-strip layouts are
// refused. The chart is painted at 50 mm/s for looking at.
#include "Corpus.h"

#include "measure/Measurements.h"
#include "render/MedianBeatChart.h"
#include "render/PaperChartRenderer.h"
#include "synth/EcgSynthesizer.h"

#include <QImage>
#include <QPainter>
#include <QtTest>

#include <cmath>

using namespace execg;

class MedianBeatChartTest : public QObject {
    Q_OBJECT

private slots:
    void beatsInTheirColumnsWithTheAlignedMap()
    {
        synth::SynthParams p;
        p.seed = 9;
        p.potassiumMmolL = 7.0;
        const auto record = synth::generateEcg(p);
        const auto& g = record.recording.groups.front();
        const auto measured = measureEcg(g);
        const auto& medians = measured.medians;
        QVERIFY2(medians.problem.empty(), medians.problem.c_str());
        QVERIFY(medians.beatsUsed.size() >= 8);

        std::vector<std::vector<float>> map(g.leads.size(), std::vector<float>(g.leads.front().samples.size(), 0.0f));
        for (auto& lead : map)
            for (const auto b : medians.beatsUsed)
                lead[std::size_t(b)] = 1.0f;
        const auto chart = medianBeatChart(g, medians, ChartLayoutKind::ThreeByFour, LeadOrder::Standard, &map);
        const std::size_t n = medians.leads[6].size();
        QCOMPARE(chart.windowSeconds, 4.0 * double(n) / g.samplingRateHz);
        const auto& v1 = chart.group.leads[6];
        QCOMPARE(v1.name, std::string("V1"));
        QCOMPARE(v1.samples.size(), 4 * n);
        for (std::size_t k = 0; k < n; ++k) {
            QVERIFY(std::isnan(v1.samples[k]) && std::isnan(v1.samples[3 * n + k]));
            QCOMPARE(v1.samples[2 * n + k], medians.leads[6][k]);   // V1 is in the third column
        }
        const std::size_t fid = std::size_t(medians.fiducialIndex);
        QCOMPARE(chart.overlay[6][2 * n + fid], 1.0f);
        QCOMPARE(chart.overlay[6][2 * n + fid + 5], 0.0f);
        QVERIFY(std::isnan(chart.overlay[6][fid]));
        QCOMPARE(chart.group.leads[0].samples[fid], medians.leads[0][fid]);   // lead I in the first column

        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 medianBeatChart(g, medians, ChartLayoutKind::ThreeByFourPlusOne, LeadOrder::Standard));

        PaperChartStyle style;
        style.layout = ChartLayoutKind::ThreeByFour;
        style.speedMmPerSecond = 50.0;
        style.windowSeconds = chart.windowSeconds;
        style.keepWindow = true;
        PaperChartRenderer renderer(chart.group, style);
        AttributionOverlay overlay;
        overlay.map = &chart.overlay;
        overlay.scale = 1.0;
        renderer.setOverlay(overlay);
        const double pxPerMm = 5.0;
        const double widthMm = std::ceil(renderer.pulseMarginMm() + chart.windowSeconds * 50.0);
        QImage img(int(widthMm * pxPerMm), int(120 * pxPerMm), QImage::Format_RGB32);
        img.fill(Qt::white);
        QPainter painter(&img);
        renderer.paint(painter, QPointF(0, 0), QSizeF(widthMm, 120), pxPerMm);
        QCOMPARE(renderer.layoutFor(widthMm).cells[1].startSeconds, chart.windowSeconds / 4);   // aVR's column: its beat
        painter.end();
        QVERIFY(img.save(test::scratchDir("median-beat-chart") + "/median-3x4.png"));
    }
};

QTEST_MAIN(MedianBeatChartTest)
#include "test_median_beat_chart.moc"
