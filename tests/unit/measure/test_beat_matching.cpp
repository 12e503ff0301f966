// bxb-style beat matching: window edges, one-to-one nearest-first pairing, scoring start, beat-code filter.
#include "measure/BeatMatching.h"

#include <QtTest>

using namespace execg;

class BeatMatchingTest : public QObject {
    Q_OBJECT

private slots:
    void windowIsInclusiveAt150ms()
    {
        // At 1000 Hz the window is ±150 samples: 150 off matches, 151 off does not.
        auto m = matchBeats({1000, 2000}, {1150, 2151}, 1000);
        QCOMPARE(m.truePositives, 1);
        QCOMPARE(m.falseNegatives, 1);
        QCOMPARE(m.falsePositives, 1);
        QCOMPARE(m.missed, (std::vector<std::int64_t>{2000}));
        QCOMPARE(m.extra, (std::vector<std::int64_t>{2151}));
        QCOMPARE(m.sensitivity, 0.5);
        QCOMPARE(m.positivePredictivity, 0.5);
    }

    void nearestFirstOneToOne()
    {
        // Detection 1100 lies within reach of both references; it goes to the nearer (1150), and 1000 takes
        // the detection at 960. A doubled detection counts once as TP and once as FP.
        auto m = matchBeats({1000, 1150}, {960, 1100}, 1000);
        QCOMPARE(m.truePositives, 2);
        QCOMPARE(m.matches, (std::vector<std::pair<std::int64_t, std::int64_t>>{{1000, 960}, {1150, 1100}}));
        auto doubled = matchBeats({1000}, {1000, 1010}, 1000);
        QCOMPARE(doubled.truePositives, 1);
        QCOMPARE(doubled.falsePositives, 1);
        QCOMPARE(doubled.matches.front().second, std::int64_t(1000));
    }

    void unsortedInputAndRates()
    {
        auto m = matchBeats({720, 360, 1080}, {1100, 370, 700}, 360);   // 150 ms = 54 samples at 360 Hz
        QCOMPARE(m.truePositives, 3);
        QCOMPARE(m.sensitivity, 1.0);
        QCOMPARE(m.positivePredictivity, 1.0);
    }

    void scoringStartsLate()
    {
        // bxb's MIT-BIH convention: the first 5 minutes are matched but not counted.
        const double fs = 360;
        std::vector<std::int64_t> ref{100, 200 * 360, 301 * 360, 400 * 360};
        std::vector<std::int64_t> det{100, 301 * 360 + 10, 350 * 360};
        BeatMatchOptions o;
        o.startSeconds = 300;
        auto m = matchBeats(ref, det, fs, o);
        QCOMPARE(m.truePositives, 1);
        QCOMPARE(m.falseNegatives, 1);   // 400 s
        QCOMPARE(m.falsePositives, 1);   // 350 s
        o.endSeconds = 360;
        m = matchBeats(ref, det, fs, o);
        QCOMPARE(m.falseNegatives, 0);
    }

    void emptyInputs()
    {
        auto m = matchBeats({}, {}, 500);
        QCOMPARE(m.sensitivity, 0.0);
        QCOMPARE(m.positivePredictivity, 0.0);
        m = matchBeats({10}, {}, 500);
        QCOMPARE(m.falseNegatives, 1);
    }

    void beatCodes()
    {
        for (const char* c : {"N", "L", "R", "B", "A", "a", "J", "S", "V", "r", "F", "e", "j", "n", "E", "/", "f", "Q", "?"})
            QVERIFY2(isBeatAnnotationCode(c), c);
        for (const char* c : {"+", "~", "|", "\"", "x", "[", "]", "!", "T", "p", "t", "u", "(", ")", "", "NN"})
            QVERIFY2(!isBeatAnnotationCode(c), c);
    }

    void referenceBeatsFromAnnotations()
    {
        Recording rec;
        SignalGroup g;
        g.samplingRateHz = 360;
        g.firstSample = 1000;   // a time window starting at sample 1000
        rec.groups = {g, g};
        auto ann = [](int group, std::int64_t s, const char* code, const char* source) {
            Annotation a;
            a.group = group;
            a.sample = s;
            a.code = code;
            a.source = source;
            return a;
        };
        rec.metadata.annotations = {ann(0, 1500, "N", "atr"), ann(0, 1200, "V", "atr"), ann(0, 1300, "+", "atr"),
                                    ann(0, 1400, "N", "qrs"), ann(1, 1600, "N", "atr"), ann(0, -1, "N", "atr")};
        QCOMPARE(referenceBeats(rec, 0), (std::vector<std::int64_t>{200, 500}));
        QCOMPARE(referenceBeats(rec, 0, "qrs"), (std::vector<std::int64_t>{400}));
        QVERIFY(referenceBeats(rec, 5).empty());
    }
};

QTEST_GUILESS_MAIN(BeatMatchingTest)
#include "test_beat_matching.moc"
