// Median beat on exactly periodic synthetic signals: it must equal the repeated beat, and neither an ectopic
// beat nor an artefact in one beat may change it.
#include "SyntheticEcg.h"

#include "measure/MedianBeat.h"

#include <QtTest>

#include <limits>

using namespace execg;
using namespace execg::test;

namespace {

constexpr double kFs = 500;
constexpr int kPeriod = 400;   // 0.8 s, 75 bpm: whole samples, so every beat's window holds the same values

struct Periodic {
    std::vector<std::vector<float>> leads;
    std::vector<std::int64_t> beats;
};

// Three leads (gains 1, −0.5, 0.8) of one beat repeated 20 times; `ventricularAt` replaces one beat with a PVC.
Periodic periodic(int ventricularAt = -1)
{
    Periodic p;
    std::vector<double> times;
    for (int k = 0; k < 20; ++k)
        times.push_back((300.0 + k * kPeriod) / kFs);
    for (double gain : {1.0, -0.5, 0.8}) {
        auto e = synthesize(kFs, (300.0 + 20 * kPeriod) / kFs, times, 0, gain);
        if (ventricularAt >= 0) {
            const auto c = e.rPeaks[size_t(ventricularAt)];
            for (std::int64_t i = c - 250; i < c + 250; ++i) {
                const double t = double(i - c) / kFs;
                e.samples[size_t(i)] += float(waveSum(ventricularBeat(gain), t) - waveSum(normalBeat(gain), t));
            }
        }
        p.leads.push_back(e.samples);
        p.beats = e.rPeaks;
    }
    return p;
}

MedianBeatSet median(const Periodic& p, const MedianBeatOptions& o = {})
{
    std::vector<std::span<const float>> spans(p.leads.begin(), p.leads.end());
    return computeMedianBeats(spans, kFs, p.beats, o);
}

} // namespace

class MedianBeatTest : public QObject {
    Q_OBJECT

private slots:
    void equalsTheRepeatedBeat()
    {
        const auto p = periodic();
        const auto m = median(p);
        QVERIFY2(m.problem.empty(), m.problem.c_str());
        // RR 0.8 s scales the window by 0.8 / 0.85.
        QCOMPARE(m.fiducialIndex, int(std::lround(0.25 * 0.8 / 0.85 * kFs)));
        QCOMPARE(m.beatsUsed.size(), p.beats.size());
        const auto middle = p.beats[10];
        for (std::size_t l = 0; l < 3; ++l) {
            QCOMPARE(m.beatsPerLead[l], int(p.beats.size()));
            QCOMPARE(m.leads[l].size(), std::size_t(m.fiducialIndex + std::lround(0.45 * 0.8 / 0.85 * kFs) + 1));
            for (std::size_t i = 0; i < m.leads[l].size(); ++i)
                QCOMPARE(m.leads[l][i], p.leads[l][size_t(middle - m.fiducialIndex) + i]);
        }
        // …and that is the analytic beat (its neighbours' Gaussian tails are below 1 µV).
        for (std::size_t i = 0; i < m.leads[0].size(); ++i)
            QVERIFY(std::abs(m.leads[0][i] - waveSum(normalBeat(), (double(i) - m.fiducialIndex) / kFs)) < 1e-3);
        QCOMPARE(m.leads[0][size_t(m.fiducialIndex)], p.leads[0][size_t(middle)]);
    }

    void ectopicBeatIsLeftOut()
    {
        const auto clean = median(periodic());
        const auto p = periodic(9);
        const auto m = median(p);
        QVERIFY(m.problem.empty());
        QCOMPARE(m.beatsRejected, (std::vector<std::int64_t>{p.beats[9]}));
        QCOMPARE(m.beatsUsed.size(), p.beats.size() - 1);
        for (std::size_t l = 0; l < 3; ++l)
            QCOMPARE(m.leads[l], clean.leads[l]);
    }

    void artefactInOneBeatDoesNotMoveTheMedian()
    {
        const auto clean = median(periodic());
        auto p = periodic();
        // A 3 mV spike on the T wave of one beat: its QRS still matches, so the beat is used, but a
        // sample-wise median ignores one value in twenty.
        for (int i = 0; i < 10; ++i)
            p.leads[0][size_t(p.beats[7] + 140 + i)] += 3.0f;
        const auto m = median(p);
        QCOMPARE(m.beatsUsed.size(), p.beats.size());
        QCOMPARE(m.leads[0], clean.leads[0]);
    }

    void misplacedFiducialsAreRealigned()
    {
        const auto clean = median(periodic());
        auto p = periodic();
        const int jitter[] = {0, 3, -3, 2, -2, 4, -4, 1, -1, 0, 3, -3, 2, -2, 4, -4, 1, -1, 0, 0};
        const auto truth = p.beats;
        for (std::size_t k = 0; k < p.beats.size(); ++k)
            p.beats[k] += jitter[k];
        const auto m = median(p);
        QCOMPARE(m.beatsUsed, truth);
        for (std::size_t l = 0; l < 3; ++l)
            QCOMPARE(m.leads[l], clean.leads[l]);
    }

    void missingLeadAndEdges()
    {
        auto p = periodic();
        std::fill(p.leads[1].begin(), p.leads[1].end(), std::numeric_limits<float>::quiet_NaN());
        p.beats.insert(p.beats.begin(), 20);   // too close to the start for a whole window
        const auto m = median(p);
        QVERIFY(m.problem.empty());
        QCOMPARE(m.beatsPerLead[1], 0);
        QVERIFY(m.leads[1].empty());
        QCOMPARE(m.beatsPerLead[0], 20);
        QCOMPARE(m.beatsRejected, (std::vector<std::int64_t>{20}));
    }

    void fastRateShrinksTheWindow()
    {
        const auto e = synthesize(kFs, 20, regularBeats(20, 150));
        const auto m = computeMedianBeats({std::span<const float>(e.samples)}, kFs, e.rPeaks);
        QVERIFY(m.problem.empty());
        QCOMPARE(m.preSeconds, std::lround(0.25 * 0.5 * kFs) / kFs);    // clamped to half the window
        QVERIFY(m.postSeconds < 0.4 / 1.5);
    }

    void tooFewBeats()
    {
        const auto e = synthesize(kFs, 3, {1.0, 2.0});
        const auto m = computeMedianBeats({std::span<const float>(e.samples)}, kFs, e.rPeaks);
        QVERIFY(QString::fromStdString(m.problem).contains("needed"));
        QVERIFY(m.leads[0].empty());
        QVERIFY(!computeMedianBeats({}, kFs, e.rPeaks).problem.empty());
    }

    void tenKilohertz()
    {
        const double fs = 10000;
        const auto e = synthesize(fs, 10.5, regularBeats(10, 60, 0.5));
        const auto m = computeMedianBeats({std::span<const float>(e.samples)}, fs, e.rPeaks);
        QVERIFY(m.problem.empty());
        QCOMPARE(m.beatsUsed, e.rPeaks);
        QVERIFY(std::abs(m.leads[0][size_t(m.fiducialIndex)] - 1.2f + 0.0f) < 0.01f);
    }
};

QTEST_GUILESS_MAIN(MedianBeatTest)
#include "test_median_beat.moc"
