// Synthetic ECG: lead relations, determinism, sampling rates, clean baseline and noise levels.
#include "SynthTestSupport.h"

#include "synth/LeadField.h"
#include "synth/SynthRandom.h"

#include <QtTest>

#include <algorithm>
#include <cstring>

using namespace execg;
using namespace execg::synth;
using execg::test::cleanParams;
using execg::test::lead;

class TestSynthSignal : public QObject {
    Q_OBJECT

private slots:
    void leadIdentitiesHoldExactly_data()
    {
        QTest::addColumn<int>("rhythm");
        QTest::addColumn<double>("potassium");
        QTest::addColumn<double>("noise");
        QTest::addColumn<double>("pvc");
        QTest::newRow("sinus clean") << int(Rhythm::Sinus) << 4.5 << 0.0 << 0.0;
        QTest::newRow("sinus noisy, PVCs") << int(Rhythm::Sinus) << 4.5 << 0.2 << 0.2;
        QTest::newRow("AF, hyperkalaemia") << int(Rhythm::AtrialFibrillation) << 7.5 << 0.1 << 0.1;
        QTest::newRow("flutter, hypokalaemia") << int(Rhythm::AtrialFlutter) << 2.5 << 0.1 << 0.0;
    }
    void leadIdentitiesHoldExactly()
    {
        QFETCH(int, rhythm);
        QFETCH(double, potassium);
        QFETCH(double, noise);
        QFETCH(double, pvc);
        SynthParams p;
        p.rhythm = Rhythm(rhythm);
        p.potassiumMmolL = potassium;
        p.pvcProbability = pvc;
        p.st.inferiorMv = 0.15;
        p.noise = {noise, noise, noise, 60.0};
        p.seed = 5;
        const auto r = generateEcg(p);
        const auto &I = lead(r, "I"), &II = lead(r, "II"), &III = lead(r, "III");
        const auto &aVR = lead(r, "aVR"), &aVL = lead(r, "aVL"), &aVF = lead(r, "aVF");
        double worst = 0, peak = 0;
        for (std::size_t i = 0; i < I.size(); ++i) {
            const double one = I[i], two = II[i];
            worst = std::max({worst, std::abs(III[i] - (two - one)), std::abs(aVR[i] + (one + two) / 2),
                              std::abs(aVL[i] - (one - two / 2)), std::abs(aVF[i] - (two - one / 2))});
            peak = std::max(peak, std::abs(two));
        }
        QVERIFY2(worst < 1e-5, qPrintable(QString("largest identity error %1 mV").arg(worst)));
        QVERIFY(peak > 0.5);   // a real signal, not zeros
    }

    void leadFieldFollowsEinthovenAndGoldberger()
    {
        const auto& L = leadVectors();
        auto same = [](const Vec3& a, const Vec3& b) { return (a - b).norm() < 1e-15; };
        QVERIFY(same(L[2], L[1] - L[0]));
        QVERIFY(same(L[3], -(L[0] + L[1]) * 0.5));
        QVERIFY(same(L[4], L[0] - L[1] * 0.5));
        QVERIFY(same(L[5], L[1] - L[0] * 0.5));
    }

    void sameSeedSameRecordDifferentSeedDifferent()
    {
        SynthParams p;
        p.noise = {0.1, 0.05, 0.02, 50.0};
        p.pvcProbability = 0.1;
        p.seed = 42;
        const auto a = generateEcg(p), b = generateEcg(p);
        p.seed = 43;
        const auto c = generateEcg(p);
        bool identical = true, differs = false;
        for (std::size_t l = 0; l < 12; ++l) {
            const auto& x = a.recording.groups[0].leads[l].samples;
            const auto& y = b.recording.groups[0].leads[l].samples;
            const auto& z = c.recording.groups[0].leads[l].samples;
            identical = identical && x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size() * sizeof(float)) == 0;
            differs = differs || std::memcmp(x.data(), z.data(), x.size() * sizeof(float)) != 0;
        }
        QVERIFY(identical);
        QVERIFY(differs);
        QCOMPARE(a.beats.size(), b.beats.size());
        for (std::size_t i = 0; i < a.beats.size(); ++i)
            QCOMPARE(a.beats[i].qrsPeak->seconds, b.beats[i].qrsPeak->seconds);
        QVERIFY(a.beats.front().qrsPeak->seconds != c.beats.front().qrsPeak->seconds);
    }

    void randomNumbersAreOurOwn()
    {
        // Fixed by mt19937_64 and our own transforms: these values must never change across platforms.
        SynthRandom r(7, RandomStream::Rhythm);
        const double u = r.uniform();
        QVERIFY(u >= 0 && u < 1);
        SynthRandom again(7, RandomStream::Rhythm);
        QCOMPARE(again.uniform(), u);
        SynthRandom other(7, RandomStream::Morphology);
        QVERIFY(other.uniform() != u);
        // Box–Muller moments over many draws.
        SynthRandom n(1, RandomStream::Muscle);
        double s = 0, ss = 0;
        const int count = 200000;
        for (int i = 0; i < count; ++i) {
            const double x = n.normal();
            s += x;
            ss += x * x;
        }
        QVERIFY(std::abs(s / count) < 0.01);
        QVERIFY(std::abs(ss / count - 1.0) < 0.01);
    }

    void noiseDoesNotMoveBeats()
    {
        SynthParams p;
        p.seed = 9;
        const auto clean = generateEcg(p);
        p.noise = {0.2, 0.1, 0.05, 50.0};
        const auto noisy = generateEcg(p);
        QCOMPARE(clean.beats.size(), noisy.beats.size());
        for (std::size_t i = 0; i < clean.beats.size(); ++i)
            QCOMPARE(clean.beats[i].qrsPeak->sample, noisy.beats[i].qrsPeak->sample);
    }

    void noiseLevelsAreAsRequested_data()
    {
        QTest::addColumn<double>("baseline");
        QTest::addColumn<double>("emg");
        QTest::addColumn<double>("mains");
        QTest::newRow("baseline wander") << 0.2 << 0.0 << 0.0;
        QTest::newRow("muscle") << 0.0 << 0.05 << 0.0;
        QTest::newRow("mains") << 0.0 << 0.0 << 0.1;
    }
    void noiseLevelsAreAsRequested()
    {
        QFETCH(double, baseline);
        QFETCH(double, emg);
        QFETCH(double, mains);
        SynthParams p = cleanParams(500, 60);
        const auto clean = generateEcg(p);
        p.noise = {baseline, emg, mains, 50.0};
        const auto noisy = generateEcg(p);
        const double level = baseline + emg + mains;
        // Limb leads I and II are electrode differences: RMS ≈ level; averaged over both to tame the spread.
        double ss = 0;
        std::size_t count = 0;
        for (const char* name : {"I", "II"}) {
            const auto &a = lead(clean, name), &b = lead(noisy, name);
            for (std::size_t i = 0; i < a.size(); ++i, ++count)
                ss += double(b[i] - a[i]) * double(b[i] - a[i]);
        }
        const double rms = std::sqrt(ss / double(count));
        QVERIFY2(rms > 0.6 * level && rms < 1.4 * level, qPrintable(QString("RMS %1 for level %2").arg(rms).arg(level)));
    }

    void noiseOffMeansZeroBaselineBetweenBeats()
    {
        SynthParams p = cleanParams(500, 10);
        p.heartRateBpm = 60;
        const auto r = generateEcg(p);
        const auto& group = r.recording.groups.front();
        int checked = 0;
        for (std::size_t b = 0; b + 1 < r.beats.size(); ++b) {
            const auto& now = r.beats[b];
            const auto& next = r.beats[b + 1];
            QVERIFY(now.tOffset && next.pOnset);
            QVERIFY(next.pOnset->sample - now.tOffset->sample > 50);
            for (auto i = now.tOffset->sample + 1; i < next.pOnset->sample; ++i)
                for (const auto& l : group.leads) {
                    QCOMPARE(l.samples[std::size_t(i)], 0.0f);
                    ++checked;
                }
        }
        QVERIFY(checked > 12 * 8 * 100);
    }

    void samplingRatesFrom100To2000Hz_data()
    {
        QTest::addColumn<double>("fs");
        for (double fs : {100.0, 128.0, 250.0, 360.0, 500.0, 1000.0, 2000.0})
            QTest::newRow(qPrintable(QString::number(fs))) << fs;
    }
    void samplingRatesFrom100To2000Hz()
    {
        QFETCH(double, fs);
        SynthParams p = cleanParams(fs, 10);
        p.heartRateBpm = 72;
        const auto r = generateEcg(p);
        const auto& g = r.recording.groups.front();
        QCOMPARE(g.samplingRateHz, fs);
        QCOMPARE(g.sampleCount(), std::int64_t(std::llround(10 * fs)));
        QCOMPARE(g.leads.size(), std::size_t(12));
        QVERIFY(std::abs(int(r.beats.size()) - 12) <= 1);   // 72 bpm for 10 s
        const auto& II = lead(r, "II");
        for (const auto& b : r.beats) {
            // The R wave in II is a maximum at the truth's QRS peak (within a sample and a bit of Q/S overlap).
            const auto s = std::size_t(b.qrsPeak->sample);
            const auto w = std::size_t(std::ceil(0.012 * fs)) + 1;
            const float peak = *std::max_element(II.begin() + std::ptrdiff_t(s - std::min(s, w)),
                                                 II.begin() + std::ptrdiff_t(std::min(II.size(), s + w + 1)));
            QVERIFY(peak > 0.8f);
            QVERIFY(std::abs(b.qrsPeak->seconds * fs - double(b.qrsPeak->sample)) <= 0.5);
        }
        for (const auto& l : g.leads)
            for (float v : l.samples)
                QVERIFY(std::isfinite(v) && std::abs(v) < 10.0f);
    }

    void rejectsParametersOutsideTheModel()
    {
        SynthParams p;
        p.samplingRateHz = 10;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateEcg(p));
        p = SynthParams{};
        p.heartRateBpm = std::nan("");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateEcg(p));
        p = SynthParams{};
        p.prMs = 80;
        p.pDurationMs = 100;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateEcg(p));
    }
};

QTEST_GUILESS_MAIN(TestSynthSignal)
#include "test_synth_signal.moc"
