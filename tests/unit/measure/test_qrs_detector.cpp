// QRS detector on synthetic ECGs with known R peaks: noise, baseline wander, PVCs, gaps, flat and missing
// leads, very short input, and the rates the app must handle (50 Hz to 10 kHz).
#include "SyntheticEcg.h"

#include "measure/BeatMatching.h"
#include "measure/QrsDetector.h"

#include <QtTest>

#include <limits>

using namespace execg;
using namespace execg::test;

namespace {

QrsDetection detect(const std::vector<std::vector<float>>& leads, double fs, const QrsDetectorOptions& o = {})
{
    std::vector<std::span<const float>> spans(leads.begin(), leads.end());
    return detectQrs(spans, fs, o);
}

// Every true beat found, nothing else, each within `toleranceSeconds` of its R peak.
void expectExact(const QrsDetection& d, const SyntheticEcg& e, double toleranceSeconds)
{
    QVERIFY2(d.problem.empty(), d.problem.c_str());
    const auto m = matchBeats(e.rPeaks, d.samples(), e.fs);
    QCOMPARE(m.falseNegatives, 0);
    QCOMPARE(m.falsePositives, 0);
    QCOMPARE(m.truePositives, int(e.rPeaks.size()));
    for (const auto& [ref, det] : m.matches)
        QVERIFY2(std::abs(double(det - ref)) <= toleranceSeconds * e.fs + 1e-9,
                 qPrintable(QString("beat at %1 placed at %2").arg(ref).arg(det)));
}

} // namespace

class QrsDetectorTest : public QObject {
    Q_OBJECT

private slots:
    void cleanSinusRhythm()
    {
        const auto e = synthesize(360, 60, regularBeats(60, 72));
        const auto d = detect({e.samples}, e.fs);
        expectExact(d, e, 1.0 / 360);   // the R peak itself
        QCOMPARE(d.dominantLead, 0);
        QCOMPARE(d.beats.front().fiducialLead, 0);
    }

    void heartRates_data()
    {
        QTest::addColumn<double>("bpm");
        for (double bpm : {30.0, 45.0, 100.0, 150.0, 200.0})
            QTest::newRow(qPrintable(QString::number(bpm) + " bpm")) << bpm;
    }
    void heartRates()
    {
        QFETCH(double, bpm);
        const auto e = synthesize(500, 60, regularBeats(59.7, bpm));   // no complex cut by the end
        expectExact(detect({e.samples}, e.fs), e, 0.004);
    }

    void whiteNoiseMainsAndWander()
    {
        auto e = synthesize(500, 120, irregularBeats(120, 75, 0.15, 3));
        addNoise(e.samples, e.fs, 0.08, 0.2, 1.0, 11);   // 80 µV RMS noise, 0.2 mV mains, ±1.5 mV wander
        expectExact(detect({e.samples}, e.fs), e, 0.012);
    }

    void strongBaselineWander()
    {
        auto e = synthesize(250, 120, regularBeats(120, 60));
        for (std::size_t i = 0; i < e.samples.size(); ++i)   // 3 mV breathing plus a 5 mV step-like drift
            e.samples[i] += float(3 * std::sin(2 * M_PI * 0.3 * double(i) / e.fs) + 5 * std::tanh((double(i) / e.fs - 60) / 2));
        expectExact(detect({e.samples}, e.fs), e, 0.008);
    }

    void prematureVentricularBeats()
    {
        // Every 3rd beat a PVC coming 40 % early, opposite polarity and 3.5 times wider: all found, none of
        // their big T waves taken for beats.
        auto e = synthesize(360, 180, irregularBeats(180, 70, 0.05, 5, 3), 3);
        addNoise(e.samples, e.fs, 0.03, 0.0, 0.3, 6);
        const auto d = detect({e.samples}, e.fs);
        QVERIFY(d.problem.empty());
        const auto m = matchBeats(e.rPeaks, d.samples(), e.fs, {0.05, 0, -1});
        QCOMPARE(m.falseNegatives, 0);
        QCOMPARE(m.falsePositives, 0);
    }

    void amplitudeChange()
    {
        // The complexes shrink to a fifth halfway (electrode moved): the adaptive levels follow.
        auto a = synthesize(360, 60, regularBeats(60, 80));
        auto b = synthesize(360, 60, regularBeats(60, 80, 0.2), 0, 0.2);
        SyntheticEcg e = a;
        e.samples.insert(e.samples.end(), b.samples.begin(), b.samples.end());
        for (auto r : b.rPeaks)
            e.rPeaks.push_back(r + std::int64_t(a.samples.size()));
        // The first small complex falls in the gap the levels need to re-learn (search-back keeps the largest
        // candidate of a gap); every later one is found, on its R peak.
        const auto d = detect({e.samples}, e.fs);
        const auto m = matchBeats(e.rPeaks, d.samples(), e.fs);
        QVERIFY(m.falseNegatives <= 1);
        QCOMPARE(m.falsePositives, 0);
        for (const auto& [ref, det] : m.matches)
            QVERIFY(std::abs(det - ref) <= 1);
    }

    void multiLeadWithOneNoisyLead()
    {
        const auto beats = irregularBeats(120, 80, 0.1, 8);
        auto clean = synthesize(500, 120, beats, 0, 0.7);
        auto noisy = synthesize(500, 120, beats, 0, 0.4);
        addNoise(noisy.samples, 500, 0.25, 0.3, 2.0, 9);   // SNR well below what one lead could survive
        addNoise(clean.samples, 500, 0.02, 0.0, 0.2, 10);
        const auto d = detect({noisy.samples, clean.samples}, 500);
        expectExact(d, clean, 0.006);
        QCOMPARE(d.dominantLead, 1);
        QCOMPARE(d.usedLeads, (std::vector<int>{0, 1}));
    }

    void flatLinesGiveNoBeats()
    {
        const std::vector<float> zero(360 * 20, 0.0f), constant(360 * 20, 0.75f);
        for (const auto& lead : {zero, constant}) {
            const auto d = detect({lead, lead}, 360);
            QVERIFY(d.beats.empty());
            QVERIFY(!d.problem.empty());
            QCOMPARE(d.notes.size(), std::size_t(2));
        }
    }

    void allNanLeadIsLeftOut()
    {
        const auto e = synthesize(500, 30, regularBeats(30, 65));
        const std::vector<float> missing(e.samples.size(), std::numeric_limits<float>::quiet_NaN());
        const auto d = detect({missing, e.samples}, e.fs);
        expectExact(d, e, 0.004);
        QCOMPARE(d.usedLeads, (std::vector<int>{1}));
        QCOMPARE(d.notes.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(d.notes[0]).contains("no valid samples"));

        const auto none = detect({missing, missing}, e.fs);
        QVERIFY(none.beats.empty());
        QVERIFY(QString::fromStdString(none.problem).contains("missing or flat"));
    }

    void gapInsideRecording()
    {
        auto e = synthesize(360, 60, regularBeats(60, 60, 0.5));
        // 5 s of NaN (lead off): beats outside it are found, nothing is invented inside it.
        const auto a = std::size_t(20.2 * 360), b = std::size_t(25.2 * 360);
        std::fill(e.samples.begin() + std::ptrdiff_t(a), e.samples.begin() + std::ptrdiff_t(b),
                  std::numeric_limits<float>::quiet_NaN());
        std::vector<std::int64_t> expected;
        for (auto r : e.rPeaks)
            if (r < std::int64_t(a) - 54 || r > std::int64_t(b) + 54)   // 150 ms clear of the gap
                expected.push_back(r);
        const auto d = detect({e.samples}, e.fs);
        for (auto s : d.samples())
            QVERIFY2(s < std::int64_t(a) || s >= std::int64_t(b), "no beat inside the gap");
        const auto m = matchBeats(expected, d.samples(), e.fs);
        QCOMPARE(m.falseNegatives, 0);
        QVERIFY(m.falsePositives <= 1);   // a complex cut by the gap edge may or may not count
    }

    void oneSecond()
    {
        const auto e = synthesize(500, 1.0, {0.3, 0.95});
        const auto d = detect({e.samples}, e.fs);
        QVERIFY(d.problem.empty());
        QVERIFY(!d.beats.empty());
        QCOMPARE(d.beats.front().sample, e.rPeaks.front());
        QVERIFY(d.beats.size() <= 2);
    }

    void tooShortOrBadRate()
    {
        const auto e = synthesize(500, 0.3, {0.15});
        QVERIFY(QString::fromStdString(detect({e.samples}, 500).problem).contains("shorter"));
        QVERIFY(QString::fromStdString(detect({e.samples}, 10).problem).contains("sampling rate"));
        QVERIFY(!detect({}, 500).problem.empty());
    }

    void rates_data()
    {
        QTest::addColumn<double>("fs");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("50 Hz") << 50.0 << 0.020;
        QTest::newRow("128 Hz") << 128.0 << 0.008;
        QTest::newRow("1 kHz") << 1000.0 << 0.002;
        QTest::newRow("10 kHz") << 10000.0 << 0.002;
    }
    void rates()
    {
        QFETCH(double, fs);
        QFETCH(double, tolerance);
        auto e = synthesize(fs, 30, irregularBeats(30, 75, 0.1, 4));
        addNoise(e.samples, fs, 0.01, 0.0, 0.5, 12);
        expectExact(detect({e.samples}, fs), e, tolerance);
    }

    void signalGroupLeadsAndNames()
    {
        const auto e = synthesize(500, 20, regularBeats(20, 70));
        SignalGroup g;
        g.samplingRateHz = 500;
        Lead pressure{"ABP", e.samples, {}};
        pressure.provenance.isVoltage = false;   // not an ECG: never used for detection
        Lead flat{"V1", std::vector<float>(e.samples.size(), 0.0f), {}};
        Lead two{"II", e.samples, {}};
        g.leads = {pressure, flat, two};
        const auto d = detectQrs(g);
        QCOMPARE(d.usedLeads, (std::vector<int>{2}));
        QCOMPARE(d.dominantLead, 2);
        QCOMPARE(d.beats.size(), e.rPeaks.size());
        QCOMPARE(d.notes.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(d.notes[0]), QString("lead V1: flat (no deflection)"));
    }
};

QTEST_GUILESS_MAIN(QrsDetectorTest)
#include "test_qrs_detector.moc"
