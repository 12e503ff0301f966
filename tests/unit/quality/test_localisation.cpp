// Localisation against ground truth: hand-worked mass shares, chance shares, lift and pointing game on a tiny
// segmentation; defined values for a map of zeros and for waves absent from the record; the ground-truth
// segmentation of a synthetic record puts its T labels where the generator drew the T waves.
#include "quality/Localisation.h"

#include "synth/EcgSynthesizer.h"

#include <QtTest>

#include <cmath>

using namespace execg;
using namespace execg::quality;

namespace {

// 20 samples at 1000 Hz, one beat: QRS 4-8, J 8, T offset 18 → ST 8-11 (30 %), T 11-18.
WaveSegmentation oneBeat()
{
    WaveFiducials f;
    f.qrsOnset = 4;
    f.qrsOffset = 8;
    f.tPeak = 14;
    f.tOffset = 18;
    return segmentFromFiducials(20, 1000.0, {6}, {f});
}

} // namespace

class LocalisationTest : public QObject {
    Q_OBJECT

private slots:
    void segmentationFromFiducials()
    {
        const auto s = oneBeat();
        QVERIFY(s.problem.empty());
        QCOMPARE(int(std::count(s.label.begin(), s.label.end(), int(WaveSegment::QRS))), 4);
        QCOMPARE(int(std::count(s.label.begin(), s.label.end(), int(WaveSegment::ST))), 3);
        QCOMPARE(int(std::count(s.label.begin(), s.label.end(), int(WaveSegment::T))), 7);
        QCOMPARE(int(s.label[11]), int(WaveSegment::T));
        QCOMPARE(int(s.label[18]), -1);
    }

    void massShareLiftAndPointingByHand()
    {
        const auto s = oneBeat();
        // Two leads; lead 0 puts 3 in the T wave (samples 12, 13 carry 1 and 2) and 1 outside (sample 2); lead 1
        // is NaN where the model did not see it, and 1 at sample 5 (QRS).
        std::vector<std::vector<float>> map(2, std::vector<float>(20, 0.0f));
        map[0][12] = 1.0f;
        map[0][13] = -2.0f;   // sign does not matter: |a|
        map[0][2] = 1.0f;
        map[1][5] = 1.0f;
        for (int i = 0; i < 10; ++i)
            map[1][std::size_t(i + 10)] = NAN;
        const auto l = localise(map, s, {WaveSegment::T});
        QCOMPARE(l.massShare, 3.0 / 5.0);
        // Samples seen: 20 + 10 = 30; inside T: 7 in lead 0, none seen in lead 1.
        QCOMPARE(l.chanceShare, 7.0 / 30.0);
        QVERIFY(std::abs(l.lift - (3.0 / 5.0) / (7.0 / 30.0)) < 1e-12);
        QVERIFY(l.pointingHit);   // the largest |a| (2 at sample 13) is in the T wave
        QVERIFY(l.note.empty());
        QVERIFY(!localisationVerdict(l).warning);

        // The same map asked about the QRS (labels 4-7): mass 1/5, and the peak at 13 lies outside.
        const auto q = localise(map, s, {WaveSegment::QRS}, 0.0);
        QCOMPARE(q.massShare, 1.0 / 5.0);
        QVERIFY(!q.pointingHit);
        QVERIFY(localisationVerdict(q).warning);
        // A tolerance of 5 ms (5 samples) reaches sample 12; one of 6 ms reaches the peak.
        QVERIFY(!localise(map, s, {WaveSegment::QRS}, 5.0).pointingHit);
        QVERIFY(localise(map, s, {WaveSegment::QRS}, 6.0).pointingHit);
    }

    void zeroMapAndAbsentWavesAreDefined()
    {
        const auto s = oneBeat();
        const std::vector<std::vector<float>> zeros(2, std::vector<float>(20, 0.0f));
        const auto z = localise(zeros, s, {WaveSegment::T});
        QCOMPARE(z.massShare, 0.0);
        QCOMPARE(z.lift, 0.0);
        QVERIFY(!z.pointingHit);
        QVERIFY(z.note.find("all zeros") != std::string::npos);
        QVERIFY(localisationVerdict(z).warning);

        std::vector<std::vector<float>> some(1, std::vector<float>(20, 1.0f));
        const auto p = localise(some, s, {WaveSegment::P});   // the beat has no P wave
        QCOMPARE(p.chanceShare, 0.0);
        QCOMPARE(p.lift, 0.0);
        QVERIFY(p.note.find("no sample lies in the P waves") != std::string::npos);
        QVERIFY(!localisationVerdict(p).warning);
    }

    void groundTruthOfASyntheticRecord()
    {
        synth::SynthParams params;
        params.seed = 5;
        params.potassiumMmolL = 7.0;
        const auto r = synth::generateEcg(params);
        const auto& g = r.recording.groups.front();
        const auto s = groundTruthSegmentation(r.beats, g.leads.front().samples.size(), g.samplingRateHz);
        QCOMPARE(s.fiducials.size(), r.beats.size());
        int checked = 0;
        for (const auto& b : r.beats) {
            if (!b.tPeak || !b.tOffset || !b.qrsOffset)
                continue;
            // The T peak lies in the T label (T onset = J + 30 % of J → T offset, before the peak in every beat).
            QCOMPARE(int(s.label[std::size_t(b.tPeak->sample)]), int(WaveSegment::T));
            QCOMPARE(int(s.label[std::size_t(b.tOffset->sample - 1)]), int(WaveSegment::T));
            QCOMPARE(int(s.label[std::size_t(b.qrsOffset->sample - 1)]), int(WaveSegment::QRS));
            ++checked;
        }
        QVERIFY(checked >= 8);
    }
};

QTEST_GUILESS_MAIN(LocalisationTest)
#include "test_localisation.moc"
