// The chart renderer against golden images: a synthetic 12-lead (generator seed 7, K+ 7 mmol/L) in each layout,
// with an attribution band, a trace coloured by attribution and strips, compared pixel by pixel with a tolerance
// for anti-aliasing. A chart drawn at another gain must fail the same comparison (the test can fail).
// EXECG_WRITE_GOLDEN=1 rewrites the golden files (after looking at them).
#include "Corpus.h"

#include "render/PaperChartRenderer.h"
#include "synth/EcgSynthesizer.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QtTest>

using namespace execg;

namespace {

constexpr double kPxPerMm = 4.0;
const QSizeF kChartMm(270.0, 160.0);
const QString kGoldenDir = QStringLiteral(EXECG_SOURCE_DIR "/tests/unit/render/golden");

struct Case {
    synth::SynthResult record;
    std::vector<std::vector<float>> map;
};

const Case& demoCase()
{
    static const Case c = [] {
        synth::SynthParams p;
        p.seed = 7;
        p.potassiumMmolL = 7.0;
        Case k{synth::generateEcg(p), {}};
        // A stand-in attribution with both signs: the slope of each lead, so the T waves and QRS light up.
        for (const auto& lead : k.record.recording.groups.front().leads) {
            std::vector<float> m(lead.samples.size(), 0.0f);
            for (std::size_t i = 1; i < m.size(); ++i)
                m[i] = 50.0f * (lead.samples[i] - lead.samples[i - 1]);
            k.map.push_back(std::move(m));
        }
        return k;
    }();
    return c;
}

QImage render(ChartLayoutKind layout, OverlayMode mode, double gain = 10.0)
{
    const auto& c = demoCase();
    PaperChartStyle style;
    style.layout = layout;
    style.gainMmPerMillivolt = gain;
    PaperChartRenderer chart(c.record.recording.groups.front(), style);
    AttributionOverlay overlay;
    overlay.map = &c.map;
    overlay.mode = mode;
    overlay.scale = 1.0;
    overlay.title = QStringLiteral("slope (test map)");
    chart.setOverlay(overlay);
    QImage img(int(kChartMm.width() * kPxPerMm), int((kChartMm.height() + 12.0) * kPxPerMm), QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    chart.paint(p, QPointF(0, 0), kChartMm, kPxPerMm);
    PaperChartRenderer::paintColourBar(p, QRectF(2.0 * kPxPerMm, (kChartMm.height() + 2.0) * kPxPerMm,
                                                 (kChartMm.width() - 4.0) * kPxPerMm, 8.0 * kPxPerMm),
                                       overlay, kPxPerMm);
    return img;
}

// Share of pixels whose channels differ by more than 48 (anti-aliasing and font hinting stay below).
double differingShare(const QImage& a, const QImage& b)
{
    if (a.size() != b.size())
        return 1.0;
    qint64 differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto* ra = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* rb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x)
            differing += std::max({std::abs(qRed(ra[x]) - qRed(rb[x])), std::abs(qGreen(ra[x]) - qGreen(rb[x])),
                                   std::abs(qBlue(ra[x]) - qBlue(rb[x]))}) > 48;
    }
    return double(differing) / double(qint64(a.width()) * a.height());
}

} // namespace

class PaperChartGoldenTest : public QObject {
    Q_OBJECT

private slots:
    void matchesGolden_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("file");
        QTest::newRow("3x4+1 band") << int(ChartLayoutKind::ThreeByFourPlusOne) << int(OverlayMode::Band) << "chart-3x4+1-band.png";
        QTest::newRow("3x4 trace colour") << int(ChartLayoutKind::ThreeByFour) << int(OverlayMode::TraceColour) << "chart-3x4-trace.png";
        QTest::newRow("3x4+3 strip") << int(ChartLayoutKind::ThreeByFourPlusThree) << int(OverlayMode::Strip) << "chart-3x4+3-strip.png";
        QTest::newRow("6x2 band") << int(ChartLayoutKind::SixByTwo) << int(OverlayMode::Band) << "chart-6x2-band.png";
        QTest::newRow("12x1 strip") << int(ChartLayoutKind::TwelveByOne) << int(OverlayMode::Strip) << "chart-12x1-strip.png";
    }
    void matchesGolden()
    {
        QFETCH(int, layout);
        QFETCH(int, mode);
        QFETCH(QString, file);
        const QImage img = render(ChartLayoutKind(layout), OverlayMode(mode));
        img.save(test::scratchDir("chart-golden") + "/" + file);   // for looking at
        if (qEnvironmentVariableIsSet("EXECG_WRITE_GOLDEN")) {
            QDir().mkpath(kGoldenDir);
            QVERIFY(img.save(kGoldenDir + "/" + file));
            QSKIP("golden image written");
        }
        const QImage golden(kGoldenDir + "/" + file);
        QVERIFY2(!golden.isNull(), qPrintable("missing golden image " + file + " (EXECG_WRITE_GOLDEN=1 writes it)"));
        const double share = differingShare(img.convertToFormat(QImage::Format_RGB32), golden.convertToFormat(QImage::Format_RGB32));
        QVERIFY2(share < 0.005, qPrintable(QString("%1 % of pixels differ").arg(100.0 * share)));
    }

    void anotherGainFailsTheComparison()
    {
        const QImage golden(kGoldenDir + "/chart-3x4+1-band.png");
        if (golden.isNull())
            QSKIP("no golden image yet");
        const QImage doubled = render(ChartLayoutKind::ThreeByFourPlusOne, OverlayMode::Band, 20.0);
        QVERIFY(differingShare(doubled.convertToFormat(QImage::Format_RGB32), golden.convertToFormat(QImage::Format_RGB32)) > 0.005);
    }
};

QTEST_MAIN(PaperChartGoldenTest)
#include "test_paper_chart_golden.moc"
