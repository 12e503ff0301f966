// The evidence headline in the reader's language, rebuilt from the summary's parts: without a translator it is the
// core's English sentence word for word, and lead lists read as a clinician writes them.
#include "explain/WaveSummary.h"
#include "render/EvidenceText.h"
#include "synth/EcgSynthesizer.h"

#include <QtTest>

using namespace execg;

namespace {

AttributionSummary parts(WaveSegment wave, double share, std::vector<std::string> leads, bool all = false)
{
    AttributionSummary s;
    s.headlineWave = int(wave);
    s.headlineShare = share;
    s.headlineLeads = std::move(leads);
    s.headlineAllLeads = all;
    return s;
}

} // namespace

class EvidenceTextTest : public QObject {
    Q_OBJECT

private slots:
    void sentencesFromTheirParts()
    {
        QCOMPARE(evidenceHeadline(parts(WaveSegment::T, 0.62, {"V2", "V3", "V4"})),
                 QStringLiteral("62 % of the evidence lies in the T waves of V2–V4"));
        QCOMPARE(evidenceHeadline(parts(WaveSegment::QRS, 0.304, {"I", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"})),
                 QStringLiteral("30 % of the evidence lies in the QRS complexes of I, aVF and V1–V6"));
        QCOMPARE(evidenceHeadline(parts(WaveSegment::P, 0.5, {"II"})), QStringLiteral("50 % of the evidence lies in the P waves of II"));
        QCOMPARE(evidenceHeadline(parts(WaveSegment::TP, 0.2, {"V1", "V3"})),
                 QStringLiteral("20 % of the evidence lies in the TP baseline of V1 and V3"));
        QCOMPARE(evidenceHeadline(parts(WaveSegment::ST, 0.9, {}, true)), QStringLiteral("90 % of the evidence lies in the ST segments of all leads"));
        QCOMPARE(evidenceHeadline(AttributionSummary{}), QString());
    }

    void matchesTheCoresEnglishSentence()
    {
        synth::SynthParams p;
        p.samplingRateHz = 500;
        p.seed = 3;
        const auto r = synth::generateEcg(p);
        const SignalGroup& g = r.recording.groups.front();
        const WaveSegmentation waves = segmentWaves(g);
        for (const auto& lead : {std::vector<int>{7, 8, 9}, std::vector<int>{0, 5}, std::vector<int>{1}}) {
            std::vector<std::vector<float>> map(g.leads.size(), std::vector<float>(g.leads.front().samples.size(), 0.0f));
            for (int l : lead)
                for (const auto& b : r.beats)
                    if (b.tPeak && b.tOffset)   // from the T peak to its end: inside the T wave
                        for (auto i = b.tPeak->sample; i < b.tOffset->sample; ++i)
                            map[std::size_t(l)][std::size_t(i)] = 1.0f + 0.1f * float(l);
            const AttributionSummary s = summariseAttribution(map, g, waves);
            QVERIFY(!s.headline.empty());
            QCOMPARE(evidenceHeadline(s), QString::fromStdString(s.headline));
        }
    }
};

QTEST_APPLESS_MAIN(EvidenceTextTest)
#include "test_evidence_text.moc"
