// The teaching quiz's score on maps whose evidence is placed by hand, so every figure is known in advance.
#include "explain/MarkOverlap.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace execg;

namespace {

const std::vector<std::string> kLeads{"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
constexpr double kFs = 500.0;
constexpr int kSamples = 5000;

// Evidence of weight `w` on V2's samples [from, to), signed alternately so that only |attribution| can add up.
std::vector<std::vector<float>> v2Evidence(int from, int to, float w = 1.0f)
{
    std::vector<std::vector<float>> map(kLeads.size(), std::vector<float>(kSamples, 0.0f));
    for (int i = from; i < to; ++i)
        map[7][std::size_t(i)] = (i % 2 ? w : -w);
    return map;
}

} // namespace

class MarkOverlapTest : public QObject {
    Q_OBJECT

private slots:
    void marksOnTheEvidenceCaptureAllOfIt()
    {
        const auto map = v2Evidence(100, 200);
        const auto r = markOverlap(map, kLeads, kFs, {{"V2", 0.2, 0.4}});
        QCOMPARE(r.markedSamples, 100L);
        QCOMPARE(r.seenSamples, long(kLeads.size()) * kSamples);
        QCOMPARE(r.evidenceCaptured, 1.0);
        QCOMPARE(r.markedShare, 100.0 / (12.0 * kSamples));
        // The top set holds half the evidence: 50 of the 100 equal samples, all marked: Dice = 2·50 / (100 + 50).
        QCOMPARE(r.topSamples, 50L);
        QCOMPARE(r.dice, 2.0 * 50.0 / 150.0);
    }

    void theWholeEvidenceAsTopSetMatchesExactMarksPerfectly()
    {
        const auto r = markOverlap(v2Evidence(100, 200), kLeads, kFs, {{"V2", 0.4, 0.2}}, 1.0);   // ends reversed
        QCOMPARE(r.topSamples, 100L);
        QCOMPARE(r.dice, 1.0);
    }

    void marksElsewhereCaptureNothing()
    {
        const auto r = markOverlap(v2Evidence(100, 200), kLeads, kFs, {{"V3", 0.2, 0.4}, {"V2", 1.0, 2.0}});
        QCOMPARE(r.evidenceCaptured, 0.0);
        QCOMPARE(r.dice, 0.0);
        QCOMPARE(r.markedSamples, 100L + 500L);
    }

    void halfTheMarkHalfTheEvidence()
    {
        // Evidence 1 on samples 100–199; the mark covers 150–249: half the evidence, on 100 samples.
        const auto r = markOverlap(v2Evidence(100, 200), kLeads, kFs, {{"V2", 0.3, 0.5}});
        QCOMPARE(r.evidenceCaptured, 0.5);
        QCOMPARE(r.markedSamples, 100L);
    }

    void overlappingMarksCountOnce()
    {
        const auto r = markOverlap(v2Evidence(100, 200), kLeads, kFs, {{"V2", 0.2, 0.4}, {"V2", 0.3, 0.35}});
        QCOMPARE(r.markedSamples, 100L);
        QCOMPARE(r.evidenceCaptured, 1.0);
    }

    void samplesTheModelDidNotSeeCountNowhere()
    {
        auto map = v2Evidence(3000, 3100);
        for (auto& lead : map)
            std::fill(lead.begin(), lead.begin() + 2500, std::numeric_limits<float>::quiet_NaN());
        const auto r = markOverlap(map, kLeads, kFs, {{"V2", 0.0, 5.0}, {"V2", 6.0, 6.2}});
        QCOMPARE(r.seenSamples, 12L * 2500L);
        QCOMPARE(r.markedSamples, 100L);   // only 6.0–6.2 s was seen
        QCOMPARE(r.evidenceCaptured, 1.0);
    }

    void strongerEvidenceFillsTheTopSetFirst()
    {
        // 10 samples of weight 9 in V2 and 90 of weight 1 in V5: the top half of the evidence is V2's 10 samples.
        auto map = v2Evidence(100, 110, 9.0f);
        for (int i = 1000; i < 1090; ++i)
            map[10][std::size_t(i)] = 1.0f;
        const auto r = markOverlap(map, kLeads, kFs, {{"V2", 0.2, 0.22}});
        QCOMPARE(r.topSamples, 10L);
        QCOMPARE(r.evidenceCaptured, 0.5);
        QCOMPARE(r.dice, 1.0);
    }

    void marksOnUnknownLeadsAreNamedAndIgnored()
    {
        const auto r = markOverlap(v2Evidence(100, 200), kLeads, kFs, {{"V7", 0.2, 0.4}, {"V7", 1, 2}});
        QCOMPARE(r.unknownLeads, std::vector<std::string>{"V7"});
        QCOMPARE(r.markedSamples, 0L);
        QCOMPARE(r.dice, 0.0);
    }

    void aFlatMapHasNoTopEvidence()
    {
        const std::vector<std::vector<float>> map(12, std::vector<float>(kSamples, 0.0f));
        const auto r = markOverlap(map, kLeads, kFs, {{"V2", 0.2, 0.4}});
        QCOMPARE(r.evidenceCaptured, 0.0);
        QCOMPARE(r.topSamples, 0L);
        QCOMPARE(r.dice, 0.0);
    }
};

QTEST_APPLESS_MAIN(MarkOverlapTest)
#include "test_mark_overlap.moc"
