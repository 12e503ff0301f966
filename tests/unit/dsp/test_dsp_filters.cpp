// Zero-phase IIR filters: designs against the closed-form Butterworth response, measured attenuation of real
// tones after filtfilt, the AHA passband requirement, baseline removal, symmetry, NaN gaps and short records.
#include "SyntheticRecording.h"
#include "SignalFit.h"

#include "dsp/FilterDesign.h"
#include "dsp/FilterPresets.h"
#include "dsp/SosFilter.h"

#include <QTest>
#include <cmath>
#include <numbers>
#include <stdexcept>

using namespace execg;
using namespace execg::dsp;
using test::amplitude;
using test::db;
using test::tone;

namespace {

double butterworthPowerLowPass(int order, double fc, double f, double fs)
{
    const double ratio = std::tan(std::numbers::pi * f / fs) / std::tan(std::numbers::pi * fc / fs);
    return 1.0 / (1.0 + std::pow(ratio, 2 * order));
}

double butterworthPowerHighPass(int order, double fc, double f, double fs)
{
    const double ratio = std::tan(std::numbers::pi * fc / fs) / std::tan(std::numbers::pi * f / fs);
    return 1.0 / (1.0 + std::pow(ratio, 2 * order));
}

// Amplitude (dB) of a tone at f after filtfilt, measured over the middle of a record long enough for the edges
// not to matter, with a whole number of periods in the window.
double measuredZeroPhaseDb(const SosFilter& filter, double f, double fs, double seconds)
{
    const auto n = static_cast<std::size_t>(seconds * fs);
    const auto y = filtfilt(filter, tone(n, f, fs));
    const double period = fs / f;
    const auto periods = static_cast<std::size_t>(double(n) / 2 / period);
    const auto from = n / 4;
    const auto to = from + static_cast<std::size_t>(std::round(double(periods) * period));
    return db(amplitude(y, f, fs, from, to));
}

} // namespace

class TestDspFilters : public QObject {
    Q_OBJECT
private slots:
    void butterworthMatchesClosedForm_data()
    {
        QTest::addColumn<bool>("lowPass");
        QTest::addColumn<int>("order");
        QTest::addColumn<double>("fc");
        QTest::addColumn<double>("fs");
        QTest::newRow("HP 0.05 Hz o2 @500") << false << 2 << 0.05 << 500.0;
        QTest::newRow("HP 0.5 Hz o2 @500") << false << 2 << 0.5 << 500.0;
        QTest::newRow("HP 0.5 Hz o3 @1000") << false << 3 << 0.5 << 1000.0;
        QTest::newRow("HP 0.05 Hz o1 @10k") << false << 1 << 0.05 << 10000.0;
        QTest::newRow("LP 40 Hz o4 @500") << true << 4 << 40.0 << 500.0;
        QTest::newRow("LP 100 Hz o4 @250") << true << 4 << 100.0 << 250.0;
        QTest::newRow("LP 150 Hz o5 @500") << true << 5 << 150.0 << 500.0;
        QTest::newRow("LP 150 Hz o8 @1000") << true << 8 << 150.0 << 1000.0;
    }
    void butterworthMatchesClosedForm()
    {
        QFETCH(bool, lowPass);
        QFETCH(int, order);
        QFETCH(double, fc);
        QFETCH(double, fs);
        const auto f = lowPass ? butterworthLowPass(order, fc, fs) : butterworthHighPass(order, fc, fs);
        QCOMPARE(int(f.sections.size()), (order + 1) / 2);
        for (double rel = 0.01; rel < 0.499 * fs / fc; rel *= 1.37) {
            const double freq = rel * fc;
            const double expected = lowPass ? butterworthPowerLowPass(order, fc, freq, fs)
                                            : butterworthPowerHighPass(order, fc, freq, fs);
            const double got = std::norm(response(f, freq, fs));
            // Deep in the stop band near z = 1 the evaluation itself cancels (1 - 2z^-1 + z^-2 ~ 1e-10), so
            // there the comparison is to 1e-4 relative (0.0004 dB).
            const double tolerance = expected > 1e-3 ? 1e-9 : 1e-4 * expected;
            if (std::abs(got - expected) > tolerance)
                QFAIL(qPrintable(QString("|H|^2 at %1 Hz: %2, closed form %3").arg(freq).arg(got).arg(expected)));
        }
        // One pass: -3.01 dB at the cut-off; zero-phase (two passes): -6.02 dB.
        QVERIFY(std::abs(gainDb(f, fc, fs) + 3.0103) < 1e-6);
        QVERIFY(slowestPoleRadius(f) < 1.0);
    }

    void filtfiltCutoffIsMinus6dB_data()
    {
        QTest::addColumn<bool>("lowPass");
        QTest::addColumn<double>("fc");
        QTest::addColumn<double>("fs");
        QTest::addColumn<double>("seconds");
        QTest::newRow("LP 40 @500") << true << 40.0 << 500.0 << 10.0;
        QTest::newRow("LP 100 @500") << true << 100.0 << 500.0 << 10.0;
        QTest::newRow("LP 150 @500") << true << 150.0 << 500.0 << 10.0;
        QTest::newRow("HP 0.5 @500") << false << 0.5 << 500.0 << 60.0;
        QTest::newRow("HP 0.05 @250") << false << 0.05 << 250.0 << 600.0;
    }
    void filtfiltCutoffIsMinus6dB()
    {
        QFETCH(bool, lowPass);
        QFETCH(double, fc);
        QFETCH(double, fs);
        QFETCH(double, seconds);
        const auto f = lowPass ? butterworthLowPass(4, fc, fs) : butterworthHighPass(2, fc, fs);
        const double measured = measuredZeroPhaseDb(f, fc, fs, seconds);
        QVERIFY2(std::abs(measured + 6.0206) < 0.1, qPrintable(QString("%1 dB").arg(measured)));
    }

    void notchDepthAndWidth_data()
    {
        QTest::addColumn<double>("f0");
        QTest::addColumn<double>("fs");
        QTest::newRow("50 Hz @500") << 50.0 << 500.0;
        QTest::newRow("60 Hz @500") << 60.0 << 500.0;
        QTest::newRow("50 Hz @250") << 50.0 << 250.0;
        QTest::newRow("60 Hz @1000") << 60.0 << 1000.0;
    }
    void notchDepthAndWidth()
    {
        QFETCH(double, f0);
        QFETCH(double, fs);
        const auto notch = notchFilter(f0, 30.0, fs);
        QVERIFY(gainDb(notch, f0, fs) < -120.0);
        // -3 dB per pass at f0 ± f0/(2Q) (prewarped bandwidth: within 1 % of the width).
        const double halfWidth = f0 / 30.0 / 2.0;
        QVERIFY(std::abs(gainDb(notch, f0 - halfWidth, fs) + 3.01) < 0.1);
        QVERIFY(std::abs(gainDb(notch, f0 + halfWidth, fs) + 3.01) < 0.1);
        // Real tone, zero-phase: depth > 40 dB required; 5 Hz away the measured loss is the designed |H|^2
        // (0.2–0.4 dB) to 0.01 dB.
        QVERIFY(measuredZeroPhaseDb(notch, f0, fs, 20.0) < -40.0);
        for (double f : {f0 - 5.0, f0 + 5.0}) {
            const double measured = measuredZeroPhaseDb(notch, f, fs, 20.0);
            QVERIFY(measured > -0.4);
            QVERIFY(std::abs(measured - 2 * gainDb(notch, f, fs)) < 0.01);
        }
    }

    void notchHarmonics()
    {
        const auto notch = notchFilter(50.0, 30.0, 500.0, 5);   // 50 … 250 Hz: 250 is Nyquist, left out
        QCOMPARE(int(notch.sections.size()), 4);
        for (double f : {50.0, 100.0, 150.0, 200.0})
            QVERIFY(measuredZeroPhaseDb(notch, f, 500.0, 20.0) < -40.0);
        // Same width in Hz at each harmonic.
        QVERIFY(std::abs(gainDb(notchFilter(50.0, 30.0, 500.0, 3), 150.0 + 50.0 / 60.0, 500.0) + 3.01) < 0.15);
        QVERIFY(QString::fromStdString(notch.description).contains("above Nyquist"));
        const auto none = notchFilter(60.0, 30.0, 100.0);
        QVERIFY(none.empty());
        QVERIFY(QString::fromStdString(none.description).contains("skipped"));
    }

    void diagnosticPassbandIsFlat()
    {
        // AHA/ACC/HRS 2007: amplitude flat within 0.5 dB from 0.67 to 40 Hz — after both passes, and with the
        // mains notch switched on.
        for (double fs : {250.0, 500.0, 1000.0}) {
            for (std::optional<double> mains : {std::optional<double>{}, std::optional<double>{50.0}}) {
                const auto filter = designFilter(diagnosticPreset(mains), fs);
                for (double f = 0.67; f <= 40.0; f *= 1.05) {
                    const double zeroPhaseDb = 2 * gainDb(filter, f, fs);
                    if (std::abs(zeroPhaseDb) > 0.5)
                        QFAIL(qPrintable(QString("%1 dB at %2 Hz, fs %3").arg(zeroPhaseDb).arg(f).arg(fs)));
                }
            }
        }
        const auto filter = designFilter(diagnosticPreset(50.0), 500.0);
        for (double f : {0.67, 1.0, 10.0, 40.0})
            QVERIFY2(std::abs(measuredZeroPhaseDb(filter, f, 500.0, 120.0)) < 0.5, qPrintable(QString::number(f)));
    }

    void monitoringPresetCutoffs()
    {
        const auto filter = designFilter(monitoringPreset(60.0), 500.0);
        QCOMPARE(int(filter.sections.size()), 4);   // HP order 2, LP order 4, notch
        QVERIFY(std::abs(2 * gainDb(filter, 0.5, 500.0) + 6.02) < 0.1);
        QVERIFY(std::abs(2 * gainDb(filter, 40.0, 500.0) + 6.02) < 0.1);
        QVERIFY(2 * gainDb(filter, 60.0, 500.0) < -200.0);
        QVERIFY(filterPreset("monitoring").has_value());
        QVERIFY(!filterPreset("hospital").has_value());
    }

    void removesBaselineRampAndWander()
    {
        const double fs = 500;
        const std::size_t n = 10 * 500;
        std::vector<float> wander(n), content(n);
        for (std::size_t i = 0; i < n; ++i) {
            const double t = double(i) / fs;
            wander[i] = float(1.5 + 0.3 * t + 0.2 * std::sin(2 * std::numbers::pi * 0.1 * t));
            content[i] = float(std::sin(2 * std::numbers::pi * 10.0 * t));
        }
        std::vector<float> x(n);
        for (std::size_t i = 0; i < n; ++i)
            x[i] = wander[i] + content[i];
        const auto y = filtfilt(designFilter(monitoringPreset(), fs), x);
        const auto yContent = filtfilt(designFilter(monitoringPreset(), fs), content);
        double worst = 0;
        for (std::size_t i = 0; i < n; ++i)
            worst = std::max(worst, double(std::abs(y[i] - yContent[i])));
        // 1.5 mV offset, 3 mV ramp and 0.4 mV wander: what is left anywhere, edges included, is < 0.02 mV.
        QVERIFY2(worst < 0.02, qPrintable(QString("residual %1 mV").arg(worst)));
        for (std::size_t i = n / 10; i < n - n / 10; ++i)
            QVERIFY(std::abs(yContent[i] - content[i]) < 0.01);
    }

    void stepSettlesAndStaysAntisymmetric()
    {
        const double fs = 500;
        const std::size_t n = 20 * 500, mid = n / 2;
        std::vector<float> x(n);
        for (std::size_t i = 0; i < n; ++i)
            x[i] = i < mid ? -0.5f : 0.5f;
        const auto y = filtfilt(butterworthHighPass(2, 0.5, fs), x);
        for (std::size_t k = 0; k < mid; ++k) {
            // Zero phase: the response to an odd input is odd about the step (sample mid-1/2).
            QVERIFY(std::abs(y[mid + k] + y[mid - 1 - k]) < 1e-5);
            if (k > 3 * 500)
                QVERIFY(std::abs(y[mid + k]) < 0.01);
        }
    }

    void symmetricPulseStaysSymmetric()
    {
        const double fs = 500;
        const std::size_t n = 4001, c = 2000;
        std::vector<float> x(n);
        for (std::size_t i = 0; i < n; ++i) {
            const double t = (double(i) - double(c)) / fs;
            x[i] = float(1.2 * std::exp(-t * t / (2 * 0.01 * 0.01)));
        }
        for (const auto& spec : {diagnosticPreset(50.0), monitoringPreset(60.0)}) {
            const auto y = filtfilt(designFilter(spec, fs), x);
            std::size_t peak = 0;
            for (std::size_t i = 0; i < n; ++i)
                if (y[i] > y[peak])
                    peak = i;
            QCOMPARE(peak, c);
            for (std::size_t k = 1; k < 1500; ++k)
                QVERIFY(std::abs(y[c + k] - y[c - k]) < 1e-5);
        }
    }

    void nanGapsStayLocal()
    {
        const double fs = 500;
        const std::size_t n = 5000;
        auto x = tone(n, 7.0, fs);
        for (std::size_t i = 0; i < 2000; ++i)
            x[i] += 3.0f;   // an offset before the gap that must not leak past it
        for (std::size_t i = 2000; i < 2100; ++i)
            x[i] = kMissingSample;
        const auto filter = designFilter(monitoringPreset(), fs);
        const auto y = filtfilt(filter, x);
        for (std::size_t i = 0; i < n; ++i)
            QCOMPARE(std::isnan(y[i]), i >= 2000 && i < 2100);
        // After the gap the result equals filtering that run alone.
        const std::vector<float> tail(x.begin() + 2100, x.end());
        const auto yTail = filtfilt(filter, tail);
        for (std::size_t i = 0; i < tail.size(); ++i)
            QCOMPARE(y[2100 + i], yTail[i]);
        const std::vector<float> allNan(300, kMissingSample);
        for (float v : filtfilt(filter, allNan))
            QVERIFY(std::isnan(v));
    }

    void oneSecondRecordAndTinyInputs()
    {
        // 1 s: 2 mV offset, 0.3 mV/s ramp and a 10 Hz tone of any phase. The high-pass must still remove the
        // baseline; what remains is the tone (with the preset's designed gain at 10 Hz).
        const double fs = 500;
        for (const auto& spec : {monitoringPreset(), diagnosticPreset()}) {
            const auto filter = designFilter(spec, fs);
            const double gain = std::pow(10.0, 2 * gainDb(filter, 10.0, fs) / 20);
            for (double phase : {0.0, 1.0, 2.0, 4.0}) {
                auto x = tone(500, 10.0, fs, 0.8, phase);
                for (std::size_t i = 0; i < x.size(); ++i)
                    x[i] += float(2.0 + 0.3 * double(i) / fs);
                const auto y = filtfilt(filter, x);
                const auto expected = tone(500, 10.0, fs, 0.8 * gain, phase);
                double middle = 0, all = 0;
                for (std::size_t i = 0; i < y.size(); ++i) {
                    const double e = std::abs(y[i] - expected[i]);
                    all = std::max(all, e);
                    if (i >= 125 && i < 375)
                        middle = std::max(middle, e);
                }
                QVERIFY2(middle < 0.05 && all < 0.15,
                         qPrintable(QString("%1 phase %2: %3 / %4 mV").arg(spec.name.c_str()).arg(phase).arg(middle).arg(all)));
            }
        }
        const auto hp = designFilter(diagnosticPreset(), fs);
        QVERIFY(filtfilt(hp, std::vector<float>{}).empty());
        QCOMPARE(filtfilt(hp, std::vector<float>{1.0f}).size(), std::size_t(1));
        QVERIFY(std::abs(filtfilt(hp, std::vector<float>{1.0f})[0]) < 1e-6);   // a constant has no AC part
        QVERIFY(std::abs(filtfilt(hp, std::vector<float>{1.0f, 1.0f})[1]) < 1e-6);
        QVERIFY(std::abs(filtfilt(butterworthLowPass(4, 40, fs), std::vector<float>{1.0f, 1.0f})[1] - 1.0f) < 1e-6);
    }

    void recordStartingOnRWaveHasNoBaselineStep()
    {
        // A 10 s cut of a beat train (R waves of 1.5 mV every 0.8 s, T waves, 1 mV offset, 0.2 mV/s drift) that
        // starts and ends on an R wave, against the same cut of the train filtered over 60 s.
        const double fs = 500;
        auto train = [fs](std::size_t n, double t0) { return test::syntheticBeatTrain(n, t0, fs); };
        const auto cut = train(4001, 0.0);   // 0 … 8 s: R waves at both ends
        const auto longer = train(30000, -25.0);
        for (const auto& spec : {monitoringPreset(), diagnosticPreset()}) {
            const auto filter = designFilter(spec, fs);
            const auto reference = filtfilt(filter, longer);
            const auto y = filtfilt(filter, cut);
            const auto yOdd = filtfilt(filter, cut, Padding::Odd);
            double worst = 0, worstOdd = 0;
            for (std::size_t i = 0; i < cut.size(); ++i) {
                worst = std::max(worst, double(std::abs(y[i] - reference[i + 12500])));
                worstOdd = std::max(worstOdd, double(std::abs(yOdd[i] - reference[i + 12500])));
            }
            QVERIFY2(worst < 0.05, qPrintable(QString("%1: %2 mV").arg(spec.name.c_str()).arg(worst)));
            QVERIFY(worstOdd > 1.0);   // SciPy's point reflection mirrors the R wave into a 3 mV baseline step
        }
    }

    void floatAndDoubleAgree()
    {
        const auto f = designFilter(diagnosticPreset(60.0), 1000.0);
        const auto x = tone(3000, 3.0, 1000.0);
        const std::vector<double> xd(x.begin(), x.end());
        const auto yf = filtfilt(f, x);
        const auto yd = filtfilt(f, xd);
        for (std::size_t i = 0; i < x.size(); ++i)
            QVERIFY(std::abs(double(yf[i]) - yd[i]) < 1e-6);
    }

    void lowPassAtNyquistIsSkippedWithNote()
    {
        std::vector<std::string> notes;
        const auto f = designFilter(diagnosticPreset(50.0), 250.0, &notes);
        QCOMPARE(int(f.sections.size()), 1 + 1);   // high-pass + notch; the 150 Hz low-pass cannot apply
        QCOMPARE(int(notes.size()), 1);
        QVERIFY(QString::fromStdString(notes[0]).contains("skipped"));

        SignalGroup g;
        g.samplingRateHz = 100;
        g.leads.push_back({"II", tone(300, 1.0, 100.0), {}});
        Lead pressure{"ABP", std::vector<float>(300, 90.0f), {}};
        pressure.provenance.isVoltage = false;
        g.leads.push_back(pressure);
        const auto applied = applyFilters(g, monitoringPreset(50.0));   // notch 50 Hz at 100 Hz: Nyquist
        QVERIFY(applied.size() == 2);
        QCOMPARE(g.filters.highPassHz.value_or(-1), 0.5);
        QCOMPARE(g.filters.lowPassHz.value_or(-1), 40.0);
        QVERIFY(!g.filters.notchHz.has_value());
        QVERIFY(QString::fromStdString(g.filters.description).contains("monitoring"));
        QCOMPARE(g.leads[1].samples[150], 90.0f);   // not a voltage: untouched

        g.filters.lowPassHz = 35.0;   // a device filter already narrower stays the effective one
        applyFilters(g, diagnosticPreset());
        QCOMPARE(g.filters.lowPassHz.value_or(-1), 35.0);
    }

    void invalidSettingsThrow()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, butterworthHighPass(2, 250.0, 500.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, butterworthLowPass(0, 40.0, 500.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, butterworthLowPass(11, 40.0, 500.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, butterworthLowPass(2, -1.0, 500.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, notchFilter(50.0, 0.0, 500.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, designFilter(monitoringPreset(), 0.0));
        QVERIFY(butterworthLowPass(4, 300.0, 500.0).empty());
    }
};

QTEST_APPLESS_MAIN(TestDspFilters)
#include "test_dsp_filters.moc"
