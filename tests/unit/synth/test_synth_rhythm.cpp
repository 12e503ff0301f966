// Synthetic ECG rhythms: rate from the ground truth, AF irregularity and absent P, flutter conduction,
// premature beats and their pauses, QT rate dependence.
#include "SynthTestSupport.h"

#include "synth/BeatBuilder.h"

#include <QtTest>

using namespace execg;
using namespace execg::synth;
using execg::test::cleanParams;
using execg::test::coefficientOfVariation;
using execg::test::mean;
using execg::test::qrsOnsetIntervals;

class TestSynthRhythm : public QObject {
    Q_OBJECT

private slots:
    void heartRateFromFiducialsMatchesRequest_data()
    {
        QTest::addColumn<double>("hr");
        QTest::addColumn<double>("hrv");
        for (double hr : {35.0, 60.0, 75.0, 110.0, 160.0, 220.0}) {
            QTest::newRow(qPrintable(QString("%1 bpm steady").arg(hr))) << hr << 0.0;
            QTest::newRow(qPrintable(QString("%1 bpm with HRV").arg(hr))) << hr << 40.0;
        }
    }
    void heartRateFromFiducialsMatchesRequest()
    {
        QFETCH(double, hr);
        QFETCH(double, hrv);
        SynthParams p = cleanParams(500, 60);
        p.heartRateBpm = hr;
        p.hrvSdnnMs = hrv;
        const auto r = generateEcg(p);
        const double measured = 60.0 / mean(qrsOnsetIntervals(r));
        const double tolerance = hrv > 0 ? 0.02 * hr : 1e-6 * hr;
        QVERIFY2(std::abs(measured - hr) <= tolerance, qPrintable(QString("measured %1 bpm").arg(measured)));
        // The truth's own RR agrees with the fiducials (the first beat's onset may lie before the record).
        for (std::size_t i = 1; i < r.beats.size(); ++i)
            if (r.beats[i - 1].qrsOnset)
                QVERIFY(std::abs(r.beats[i].rrSeconds - (r.beats[i].qrsOnset->seconds - r.beats[i - 1].qrsOnset->seconds)) < 1e-9);
    }

    void sinusIsRegularWithPWaves()
    {
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            SynthParams p;
            p.seed = seed;
            p.seconds = 30;
            const auto r = generateEcg(p);
            QVERIFY(coefficientOfVariation(qrsOnsetIntervals(r)) < 0.06);
            for (const auto& b : r.beats) {
                QCOMPARE(b.type, 'N');
                if (b.pOnset && b.pOffset) {
                    QVERIFY(b.pPeak);
                    // PR from the truth equals the parameter.
                    QVERIFY(std::abs(b.qrsOnset->seconds - b.pOnset->seconds - p.prMs / 1000) < 1e-9);
                }
            }
        }
    }

    void atrialFibrillationHasNoPAndIrregularRr()
    {
        for (std::uint64_t seed = 1; seed <= 8; ++seed) {
            SynthParams p;
            p.rhythm = Rhythm::AtrialFibrillation;
            p.seed = seed;
            p.seconds = 30;
            p.heartRateBpm = 90;
            const auto r = generateEcg(p);
            QVERIFY(r.beats.size() > 30);
            for (const auto& b : r.beats)
                QVERIFY(!b.pOnset && !b.pPeak && !b.pOffset);
            const double cv = coefficientOfVariation(qrsOnsetIntervals(r));
            QVERIFY2(cv > 0.1, qPrintable(QString("seed %1: RR CV %2").arg(seed).arg(cv)));
            QVERIFY(std::abs(60.0 / mean(qrsOnsetIntervals(r)) - 90.0) < 12.0);
        }
    }

    void fibrillatoryWavesFillTheBaseline()
    {
        // Between T offset and the next QRS onset, AF shows f-waves (4–9 Hz): count zero crossings in V1.
        SynthParams p = cleanParams(500, 20);
        p.rhythm = Rhythm::AtrialFibrillation;
        p.heartRateBpm = 50;
        const auto r = generateEcg(p);
        const auto& v1 = execg::test::lead(r, "V1");
        double seconds = 0;
        int crossings = 0;
        for (std::size_t b = 0; b + 1 < r.beats.size(); ++b) {
            const auto from = r.beats[b].tOffset->sample + 1, to = r.beats[b + 1].qrsOnset->sample;
            for (auto i = from + 1; i < to; ++i)
                crossings += (v1[std::size_t(i - 1)] < 0) != (v1[std::size_t(i)] < 0);
            seconds += double(to - from) / p.samplingRateHz;
        }
        const double hz = crossings / 2.0 / seconds;
        QVERIFY2(hz > 3.5 && hz < 9.5, qPrintable(QString("f-wave rate %1 Hz").arg(hz)));
    }

    void flutterConductsEveryNthWave()
    {
        for (int conduction : {2, 4}) {
            SynthParams p = cleanParams(500, 20);
            p.rhythm = Rhythm::AtrialFlutter;
            p.flutterRateBpm = 300;
            p.flutterConduction = conduction;
            const auto r = generateEcg(p);
            const double hr = 60.0 / mean(qrsOnsetIntervals(r));
            QVERIFY(std::abs(hr - 300.0 / conduction) < 1e-6);
            for (const auto& b : r.beats)
                QVERIFY(!b.pOnset);
        }
    }

    void prematureBeatsAndTheirPauses()
    {
        SynthParams p = cleanParams(500, 120);
        p.heartRateBpm = 60;
        p.pvcProbability = 0.1;
        p.pacProbability = 0.1;
        const auto r = generateEcg(p);
        int pvcs = 0, pacs = 0;
        for (std::size_t i = 1; i + 1 < r.beats.size(); ++i) {
            const auto& b = r.beats[i];
            const double before = b.rrSeconds, after = r.beats[i + 1].rrSeconds;
            if (b.type == 'V') {
                ++pvcs;
                QVERIFY(!b.pOnset);
                QVERIFY(b.qrsOffset->seconds - b.qrsOnset->seconds >= 0.14 - 1e-9);   // wide
                QVERIFY(before < 0.7);
                QVERIFY(std::abs(before + after - 2.0) < 1e-6);   // fully compensatory
            } else if (b.type == 'A') {
                ++pacs;
                QVERIFY(b.pOnset);
                QVERIFY(before < 0.8);
                QVERIFY(before + after < 2.0 - 0.1);   // not compensatory: the sinus node was reset
                QVERIFY(std::abs(b.qrsOffset->seconds - b.qrsOnset->seconds - p.qrsMs / 1000) < 1e-9);
            }
        }
        QVERIFY(pvcs >= 4);
        QVERIFY(pacs >= 4);
    }

    void qtFollowsTheRateFormula_data()
    {
        QTest::addColumn<int>("formula");
        QTest::addColumn<double>("hr");
        for (double hr : {50.0, 60.0, 100.0, 150.0}) {
            QTest::newRow(qPrintable(QString("Bazett %1").arg(hr))) << int(QtFormula::Bazett) << hr;
            QTest::newRow(qPrintable(QString("Fridericia %1").arg(hr))) << int(QtFormula::Fridericia) << hr;
        }
    }
    void qtFollowsTheRateFormula()
    {
        QFETCH(int, formula);
        QFETCH(double, hr);
        SynthParams p = cleanParams(1000, 10);
        p.heartRateBpm = hr;
        p.qtcMs = 420;
        p.qtFormula = QtFormula(formula);
        const auto r = generateEcg(p);
        const double rr = 60.0 / hr;
        const double expected = 0.420 * (p.qtFormula == QtFormula::Bazett ? std::sqrt(rr) : std::cbrt(rr));
        for (const auto& b : r.beats) {
            QVERIFY(std::abs(b.qtSeconds - expected) < 1e-9);
            if (b.tOffset && b.qrsOnset)
                QVERIFY(std::abs(b.tOffset->seconds - b.qrsOnset->seconds - expected) < 1e-9);
            const double qtc = b.qtSeconds / (p.qtFormula == QtFormula::Bazett ? std::sqrt(rr) : std::cbrt(rr));
            QVERIFY(std::abs(qtc - 0.420) < 1e-9);
        }
    }
};

QTEST_GUILESS_MAIN(TestSynthRhythm)
#include "test_synth_rhythm.moc"
