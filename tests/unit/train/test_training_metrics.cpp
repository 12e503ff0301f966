// The demo models' held-out metrics against values worked out by hand.
#include "model/torch/training/TrainingMetrics.h"

#include <QtTest>

#include <cmath>
#include <stdexcept>

using namespace execg::training;

class TestTrainingMetrics : public QObject {
    Q_OBJECT
private slots:
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
