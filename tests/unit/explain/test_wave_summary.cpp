// Evidence per lead and per wave on synthetic ECGs whose waves are known: the segmentation agrees with the
// generator's ground truth, and maps placed on known waves give the shares and the sentence a clinician reads.
#include "explain/WaveSummary.h"
#include "synth/EcgSynthesizer.h"

#include <QtTest>

#include <cmath>

using namespace execg;

namespace {

synth::SynthResult sinus()
{
    synth::SynthParams p;
    p.samplingRateHz = 500;
    p.seconds = 10;
    p.seed = 3;
    p.noise.baselineMv = 0.02;
    return synth::generateEcg(p);
}

std::vector<std::vector<float>> zeroMap(const SignalGroup& g)
{
    return std::vector<std::vector<float>>(g.leads.size(), std::vector<float>(g.leads.front().samples.size(), 0.0f));
}

int leadIndex(const SignalGroup& g, const std::string& name)
{
    for (std::size_t i = 0; i < g.leads.size(); ++i)
        if (g.leads[i].name == name)
            return int(i);
    return -1;
}

} // namespace

class WaveSummaryTest : public QObject {
    Q_OBJECT

private slots:
    void segmentationFollowsGroundTruth()
    {
        const auto r = sinus();
        const auto& g = r.recording.groups.front();
        const auto w = segmentWaves(g);
        QVERIFY(w.problem.empty());
        QCOMPARE(w.beats.size(), r.beats.size());
        // Inside every true QRS (between its onset and J, 4 ms in from each end) the label is QRS; inside every
        // true P likewise; the sample after the true T offset + 30 ms is TP or P.
        int qrsInside = 0, qrsAll = 0, pInside = 0, pAll = 0;
        for (const auto& b : r.beats) {
            if (b.qrsOnset && b.qrsOffset)
                for (auto i = b.qrsOnset->sample + 2; i < b.qrsOffset->sample - 2; ++i, ++qrsAll)
                    qrsInside += w.label[std::size_t(i)] == int(WaveSegment::QRS);
            if (b.pOnset && b.pOffset)
                for (auto i = b.pOnset->sample + 5; i < b.pOffset->sample - 5; ++i, ++pAll)
                    pInside += w.label[std::size_t(i)] == int(WaveSegment::P);
        }
        QVERIFY2(qrsInside >= 0.97 * qrsAll, qPrintable(QString("%1 of %2").arg(qrsInside).arg(qrsAll)));
        QVERIFY2(pInside >= 0.95 * pAll, qPrintable(QString("%1 of %2").arg(pInside).arg(pAll)));
        QCOMPARE(toString(WaveSegment::TP), std::string("TP baseline"));
        QCOMPARE(keyOf(WaveSegment::ST), std::string("st"));
    }

    void evidenceOnTWavesOfV2ToV4()
    {
        const auto r = sinus();
        const auto& g = r.recording.groups.front();
        const auto w = segmentWaves(g);
        auto map = zeroMap(g);
        for (const char* lead : {"V2", "V3", "V4"})
            for (std::size_t i = 0; i < w.label.size(); ++i)
                if (w.label[i] == int(WaveSegment::T))
                    map[std::size_t(leadIndex(g, lead))][i] = (i % 2 ? -1.0f : 1.0f);   // sign must not matter
        const auto s = summariseAttribution(map, g, w);
        QVERIFY(std::abs(s.waveShare[int(WaveSegment::T)] - 1.0) < 1e-12);
        QVERIFY(std::abs(s.leadShare[std::size_t(leadIndex(g, "V3"))] - 1.0 / 3.0) < 1e-9);
        QCOMPARE(s.unassignedShare, 0.0);
        QCOMPARE(s.headline, std::string("100 % of the evidence lies in the T waves of V2–V4"));
    }

    void uniformMapSplitsByLeadAndDuration()
    {
        const auto r = sinus();
        const auto& g = r.recording.groups.front();
        const auto w = segmentWaves(g);
        auto map = zeroMap(g);
        for (auto& lead : map)
            std::fill(lead.begin(), lead.end(), 0.5f);
        map[0][10] = std::nanf("");   // not seen by the model: left out, not counted as zero
        const auto s = summariseAttribution(map, g, w);
        for (double share : s.leadShare)
            QVERIFY(std::abs(share - 1.0 / 12.0) < 1e-4);
        double sum = s.unassignedShare;
        for (double share : s.waveShare)
            sum += share;
        QVERIFY(std::abs(sum - 1.0) < 1e-12);
        // With equal evidence everywhere the wave shares are the waves' share of the time.
        const double qrsSamples = double(std::count(w.label.begin(), w.label.end(), int(WaveSegment::QRS)));
        QVERIFY(std::abs(s.waveShare[int(WaveSegment::QRS)] - qrsSamples / double(w.label.size())) < 1e-3);
        QVERIFY2(s.headline.find("of all leads") != std::string::npos, s.headline.c_str());
    }

    void precordialRunsAreRanges()
    {
        const auto r = sinus();
        const auto& g = r.recording.groups.front();
        const auto w = segmentWaves(g);
        auto map = zeroMap(g);
        for (const char* lead : {"I", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"})
            for (std::size_t i = 0; i < w.label.size(); ++i)
                if (w.label[i] == int(WaveSegment::QRS))
                    map[std::size_t(leadIndex(g, lead))][i] = 1.0f;
        QCOMPARE(summariseAttribution(map, g, w).headline, std::string("100 % of the evidence lies in the QRS complexes of I, aVF and V1–V6"));
        map = zeroMap(g);
        for (const char* lead : {"V1", "V2", "V5"})
            for (std::size_t i = 0; i < w.label.size(); ++i)
                if (w.label[i] == int(WaveSegment::P))
                    map[std::size_t(leadIndex(g, lead))][i] = 1.0f;
        QCOMPARE(summariseAttribution(map, g, w).headline, std::string("100 % of the evidence lies in the P waves of V1, V2 and V5"));
    }

    void noEvidenceNoHeadline()
    {
        const auto r = sinus();
        const auto& g = r.recording.groups.front();
        const auto s = summariseAttribution(zeroMap(g), g, segmentWaves(g));
        QVERIFY(s.headline.empty());
        QCOMPARE(s.leadShare[0], 0.0);
    }
};

QTEST_GUILESS_MAIN(WaveSummaryTest)
#include "test_wave_summary.moc"
