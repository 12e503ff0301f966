// The demo models' held-out metrics against values worked out by hand.
#include "model/torch/training/Cinc2017Training.h"
#include "model/torch/training/TrainingMetrics.h"

#include <QtTest>

#include <array>
#include <cmath>
#include <stdexcept>

using namespace execg::training;

class TestTrainingMetrics : public QObject {
    Q_OBJECT
private slots:
    // The CinC 2017 challenge's F1 per class is 2·TP / (row total + column total); its score the mean over N, A, O.
    void cinc2017ChallengeScore()
    {
        // truth:     N N N A A O O ~
        // predicted: N N O A N O A ~
        const std::vector<int> truth{0, 0, 0, 1, 1, 2, 2, 3}, predicted{0, 0, 2, 1, 0, 2, 1, 3};
        std::vector<std::array<float, 4>> p;
        for (int k : predicted) {
            std::array<float, 4> row{0.1f, 0.1f, 0.1f, 0.1f};
            row[std::size_t(k)] = 0.7f;
            p.push_back(row);
        }
        const auto s = cinc2017Scores(truth, predicted, p);
        QCOMPARE(s.confusion[0][0], 2);
        QCOMPARE(s.confusion[0][2], 1);
        QCOMPARE(s.confusion[1][0], 1);
        QCOMPARE(s.confusion[2][1], 1);
        QVERIFY(std::abs(s.f1[0] - 2.0 * 2 / (3 + 3)) < 1e-12);   // N: TP 2, 3 true, 3 predicted
        QVERIFY(std::abs(s.f1[1] - 2.0 * 1 / (2 + 2)) < 1e-12);   // A: TP 1, 2 true, 2 predicted
        QVERIFY(std::abs(s.f1[2] - 2.0 * 1 / (2 + 2)) < 1e-12);   // O
        QCOMPARE(s.f1[3], 1.0);
        QVERIFY(std::abs(s.challenge - (2.0 / 3 + 0.5 + 0.5) / 3) < 1e-12);
        QVERIFY(std::abs(s.precision[0] - 2.0 / 3) < 1e-12 && std::abs(s.recall[1] - 0.5) < 1e-12);
        QCOMPARE(s.records, 8);
    }

    // The card's 95 % intervals: a perfect classifier's F1 cannot move under resampling (each class is common enough
    // never to drop out of a resample), and an interval contains its figure.
    void cinc2017ScoresCarryIntervals()
    {
        std::vector<int> truth, predicted;
        std::vector<std::array<float, 4>> p;
        for (int i = 0; i < 400; ++i) {
            truth.push_back(i % 4);
            predicted.push_back(i % 4);
            std::array<float, 4> row{0.1f, 0.1f, 0.1f, 0.1f};
            row[std::size_t(i % 4)] = 0.7f;
            p.push_back(row);
        }
        auto s = cinc2017Scores(truth, predicted, p);
        for (const auto& i : s.f1Interval)
            QVERIFY(i.low == 1.0 && i.high == 1.0);
        QVERIFY(s.challengeInterval.low == 1.0 && s.challengeInterval.high == 1.0);
        for (int i = 0; i < 400; i += 5)
            predicted[std::size_t(i)] = (predicted[std::size_t(i)] + 1) % 4;   // a fifth wrong
        s = cinc2017Scores(truth, predicted, p);
        for (std::size_t c = 0; c < 4; ++c) {
            QVERIFY(s.f1Interval[c].low < s.f1[c] && s.f1[c] < s.f1Interval[c].high);
            QVERIFY(s.f1Interval[c].high - s.f1Interval[c].low > 0.05);
        }
        QVERIFY(s.challengeInterval.low < s.challenge && s.challenge < s.challengeInterval.high);
    }

    // A proportion's bootstrap interval is the normal approximation's p ± 1.96·√(p(1 − p)/n): 100 of 400 gives
    // 0.25 ± 0.042. The same seed gives the same interval; a constant has none; nonsense arguments are refused.
    void bootstrapIntervalOfAProportion()
    {
        std::vector<double> x(400, 0.0);
        for (std::size_t i = 0; i < 100; ++i)
            x[i * 4] = 1.0;
        const auto mean = [&](const std::vector<std::size_t>& sample) {
            double sum = 0;
            for (const auto i : sample)
                sum += x[i];
            return std::vector<double>{sum / double(sample.size()), 7.0};
        };
        const auto a = bootstrapIntervals(x.size(), mean);
        QCOMPARE(a.size(), std::size_t(2));
        const double half = 1.96 * std::sqrt(0.25 * 0.75 / 400);
        QVERIFY2(std::abs(a[0].low - (0.25 - half)) < 0.008 && std::abs(a[0].high - (0.25 + half)) < 0.008,
                 qPrintable(QString("%1-%2").arg(a[0].low).arg(a[0].high)));
        QVERIFY(a[1].low == 7.0 && a[1].high == 7.0);
        const auto again = bootstrapIntervals(x.size(), mean);
        QVERIFY(again[0].low == a[0].low && again[0].high == a[0].high);
        const auto narrower = bootstrapIntervals(x.size(), mean, 2000, 0.5);
        QVERIFY(narrower[0].low > a[0].low && narrower[0].high < a[0].high);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bootstrapIntervals(0, mean));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bootstrapIntervals(x.size(), mean, 10));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bootstrapIntervals(x.size(), mean, 2000, 1.0));
    }

    void aurocCountsPairs()
    {
        // Positives 0.35, 0.8; negatives 0.1, 0.4: 0.35 beats 0.1 but not 0.4, 0.8 beats both → 3 of 4 pairs.
        QCOMPARE(auroc({0.1f, 0.4f, 0.35f, 0.8f}, {0, 0, 1, 1}), 0.75);
    }
    void aurocTiesCountHalf()
    {
        // Positives 0.5, 0.9; negatives 0.5, 0.2: (0.5, 0.5) is a tie = ½, the other three pairs are won → 3.5/4.
        QCOMPARE(auroc({0.5f, 0.5f, 0.2f, 0.9f}, {1, 0, 0, 1}), 0.875);
        QCOMPARE(auroc({0.3f, 0.3f, 0.3f}, {1, 0, 1}), 0.5);
    }
    void aurocExtremes()
    {
        QCOMPARE(auroc({0.9f, 0.8f, 0.1f, 0.2f}, {1, 1, 0, 0}), 1.0);
        QCOMPARE(auroc({0.1f, 0.2f, 0.9f, 0.8f}, {1, 1, 0, 0}), 0.0);
        QVERIFY(std::isnan(auroc({0.1f, 0.2f}, {1, 1})));   // one class only: undefined
        // Positives at ranks 1, 3, 4, 6, 8, negatives at 2, 5, 7: they beat 0 + 1 + 1 + 2 + 3 = 7 of 15 pairs.
        QCOMPARE(auroc({1, 2, 3, 4, 5, 6, 7, 8}, {1, 0, 1, 1, 0, 1, 0, 1}), 7.0 / 15.0);
    }
    void maeAndRmse()
    {
        // |1 − 1.5| + |2 − 2| + |3 − 1| = 2.5 → 2.5/3; squares 0.25 + 0 + 4 = 4.25 → √(4.25/3).
        QCOMPARE(meanAbsoluteError({1, 2, 3}, {1.5f, 2, 1}), 2.5 / 3.0);
        QCOMPARE(rootMeanSquareError({1, 2, 3}, {1.5f, 2, 1}), std::sqrt(4.25 / 3.0));
        QVERIFY(std::isnan(meanAbsoluteError({}, {})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanAbsoluteError({1, 2}, {1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rootMeanSquareError({1}, {1, 2}));
    }
    void maeInBand()
    {
        std::size_t n = 0;
        // Truths 2.0, 4.0, 6.0, 4.9 → band [3.5, 5.0) holds 4.0 (error 0.5) and 4.9 (error 0.1).
        QVERIFY(std::abs(meanAbsoluteErrorIn({2.5f, 4.5f, 6.0f, 4.8f}, {2.0f, 4.0f, 6.0f, 4.9f}, 3.5, 5.0, &n) - 0.3) < 1e-6);
        QCOMPARE(n, std::size_t(2));
        QVERIFY(std::isnan(meanAbsoluteErrorIn({1}, {1}, 5, 6, &n)));
        QCOMPARE(n, std::size_t(0));
    }
};

QTEST_APPLESS_MAIN(TestTrainingMetrics)
#include "test_training_metrics.moc"
