// The counterfactual overlay: where the counterfactual differs from the recording it is drawn in its own colour
// with the difference shaded; where they agree the original's black stays on top; a counterfactual at another
// sampling rate is refused.
#include "ChartTestSupport.h"

#include "render/PaperChartRenderer.h"

#include <QImage>
#include <QPainter>
#include <QtTest>

using namespace execg;

namespace {

constexpr double kPxPerMm = 6.0;

// Anti-aliased lines blend with the white paper: judge by hue and darkness, not exact values.
bool dark(QColor c) { return std::max({c.red(), c.green(), c.blue()}) < 140; }
bool vermilion(QColor c) { return c.red() > 150 && c.red() - c.blue() > 100 && c.green() < c.red() - 40; }

} // namespace

class CounterfactualOverlayTest : public QObject {
    Q_OBJECT

private slots:
    void drawnShadedAndUnderTheOriginal()
    {
        const auto original = test::twelveLeadGroup();
        auto cf = original;
        for (int i = 250; i < 750; ++i)   // lead I raised by 1 mV from 0.5 to 1.5 s
            cf.leads[0].samples[std::size_t(i)] = 1.0f;
        PaperChartStyle style;
        style.layout = ChartLayoutKind::ThreeByFour;
        style.grid = GridStyle::None;
        PaperChartRenderer chart(original, style);
        CounterfactualOverlay overlay;
        overlay.group = &cf;
        chart.setCounterfactual(overlay);
        const QSizeF sizeMm(270, 150);
        QImage img(int(sizeMm.width() * kPxPerMm), int(sizeMm.height() * kPxPerMm), QImage::Format_RGB32);
        img.fill(Qt::white);
        QPainter p(&img);
        chart.paint(p, QPointF(0, 0), sizeMm, kPxPerMm);
        p.end();

        // Lead I: row 0 (50 mm tall), baseline at 60 % = 30 mm; its cell starts after the pulse margin.
        const auto x = [&](double seconds) { return int((chart.pulseMarginMm() + 25.0 * seconds) * kPxPerMm); };
        const auto y = [&](double mm) { return int(mm * kPxPerMm); };
        // At 1.0 s: the counterfactual 10 mm above the baseline, the shading halfway, the original black on the baseline.
        QVERIFY2(vermilion(img.pixelColor(x(1.0), y(30.0 - 10.0))), qPrintable(img.pixelColor(x(1.0), y(20.0)).name()));
        const QColor shade = img.pixelColor(x(1.0), y(25.0));
        QVERIFY2(shade != QColor(Qt::white) && shade.red() > shade.green() && shade.green() > shade.blue(), qPrintable(shade.name()));
        QVERIFY2(dark(img.pixelColor(x(1.0), y(30.0))), qPrintable(img.pixelColor(x(1.0), y(30.0)).name()));
        // At 2.0 s they agree: black on the baseline, no colour above it.
        QVERIFY(dark(img.pixelColor(x(2.0), y(30.0))));
        QCOMPARE(img.pixelColor(x(2.0), y(25.0)), QColor(Qt::white));

        auto other = original;
        other.samplingRateHz = 250.0;
        CounterfactualOverlay wrongRate;
        wrongRate.group = &other;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, chart.setCounterfactual(wrongRate));
    }
};

QTEST_MAIN(CounterfactualOverlayTest)
#include "test_counterfactual_overlay.moc"
