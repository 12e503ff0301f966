// Model-free explanation-quality measures against numbers worked out by hand from their formulas (the Gini index as
// Quantus' Sparseness defines it, Spearman with average ranks for ties as scipy gives it), and the defined values
// for maps of zeros and constant maps.
#include "quality/MapMetrics.h"

#include <QtTest>

using namespace execg::quality;

class MapMetricsTest : public QObject {
    Q_OBJECT

private slots:
    void sparsenessIsTheGiniIndexOfMagnitudes()
    {
        // G = Σ (2i − n − 1)·a₍ᵢ₎ / (n Σa), a sorted ascending.
        QCOMPARE(sparseness(std::vector<float>{0, 0, 0, 1}), 0.75);        // (2·4 − 5)·1 / (4·1)
        QCOMPARE(sparseness(std::vector<float>{1, 1, 1, 1}), 0.0);         // (−3 − 1 + 1 + 3) / 16
        QCOMPARE(sparseness(std::vector<float>{1, 2, 3, 4}), 0.25);        // (−3 − 2 + 3 + 12) / 40
        QCOMPARE(sparseness(std::vector<float>{-4, 3, -2, 1}), 0.25);      // signs do not matter
        QCOMPARE(sparseness(std::vector<float>{0, 0, 0}), 0.0);            // a map of zeros: defined, not NaN
        QCOMPARE(sparseness(std::vector<float>{}), 0.0);
    }

    void effectiveSupportPerLead()
    {
        // 3 leads × 4 samples at 250 Hz (4 ms per sample).
        const std::vector<float> map{4, 3, 2, 1, /**/ 0, 0, 0, 0, /**/ 0, 0, -10, 0};
        const auto ms = effectiveSupportMs(map, 3, 4, 250.0);
        QCOMPARE(ms.size(), std::size_t(3));
        QCOMPARE(ms[0], 12.0);   // 4 + 3 + 2 = 9 = 90 % of 10: three samples
        QCOMPARE(ms[1], 0.0);    // nothing to support
        QCOMPARE(ms[2], 4.0);
        QCOMPARE(effectiveSupportMs(map, 3, 4, 250.0, 0.5)[0], 8.0);   // 4 + 3 ≥ 5
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, effectiveSupportMs(map, 2, 4, 250.0));
    }

    void pearsonByHand()
    {
        // Deviations (−1, 0, 1) and (−7/3, −1/3, 8/3): 5 / √(2 · 38/3).
        QVERIFY(std::abs(pearson(std::vector<double>{1, 2, 3}, std::vector<double>{2, 4, 7}) - 0.9933992677987828) < 1e-12);
        QCOMPARE(pearson(std::vector<double>{1, 2, 3}, std::vector<double>{5, 5, 5}), 0.0);
        QCOMPARE(pearson(std::vector<double>{1}, std::vector<double>{2}), 0.0);
    }

    void spearmanWithTies()
    {
        const std::vector<float> a{1, 2, 3, 4};
        QCOMPARE(spearman(a, std::vector<float>{10, 20, 30, 40}), 1.0);
        QCOMPARE(spearman(a, std::vector<float>{40, 30, 20, 10}), -1.0);
        // Ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): 4.5 / √(4.5 · 5) = 0.9486832980505138 (scipy.stats.spearmanr).
        QVERIFY(std::abs(spearman(std::vector<float>{1, 2, 2, 3}, a) - 0.9486832980505138) < 1e-12);
        QCOMPARE(spearman(std::vector<float>{2, 2, 2, 2}, a), 0.0);   // constant: no ranking, defined as 0
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, spearman(a, std::vector<float>{1, 2}));
    }

    void spearmanOverDoublesAgreesWithFloats()
    {
        QVERIFY(std::abs(spearman(std::vector<double>{1, 2, 2, 3}, std::vector<double>{1, 2, 3, 4}) -
                         0.9486832980505138) < 1e-12);
    }

    void globalSsimByHand()
    {
        // Means 0.45 and 0.45, variances 0.1225 each, covariance −0.1025 (population):
        // (2·0.45² + C1)(2·(−0.1025) + C2) / ((2·0.45² + C1)(0.245 + C2)) = −0.2041 / 0.2459.
        const std::vector<double> a{0.1, 0.5, 1.0, 0.2}, b{1.0, 0.2, 0.1, 0.5};
        QVERIFY(std::abs(globalSsim(a, a) - 1.0) < 1e-12);
        QVERIFY(std::abs(globalSsim(a, b) - -0.8300122000813338) < 1e-12);
        QCOMPARE(globalSsim(std::vector<double>{}, std::vector<double>{}), 0.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, globalSsim(a, std::vector<double>{1.0}));
    }

    void topKOverlapOfMagnitudes()
    {
        const std::vector<float> a{5, 0, 0, 4, 0, 0, 0, 0, 0, 3};
        const std::vector<float> b{-5, 4, 0, 0, 0, 0, 0, 0, 0, 3};
        QCOMPARE(topKOverlap(a, b, 0.3), 2.0 / 3.0);   // {0, 3, 9} ∩ {0, 1, 9}
        QCOMPARE(topKOverlap(a, a, 0.3), 1.0);
        QCOMPARE(topKOverlap(a, b, 0.0), 1.0);          // k is at least 1: both put sample 0 first
    }

    void agreementMatrixIsSymmetricWithUnitDiagonal()
    {
        const std::vector<std::vector<float>> maps{{1, 2, 3, 4}, {4, 3, 2, 1}, {1, 3, 2, 4}};
        const auto m = agreement(maps, 0.25);
        for (std::size_t i = 0; i < 3; ++i) {
            QCOMPARE(m.rankCorrelation[i][i], 1.0);
            for (std::size_t j = 0; j < 3; ++j) {
                QCOMPARE(m.rankCorrelation[i][j], m.rankCorrelation[j][i]);
                QCOMPARE(m.topKOverlap[i][j], m.topKOverlap[j][i]);
            }
        }
        QCOMPARE(m.rankCorrelation[0][1], -1.0);
        QCOMPARE(m.rankCorrelation[0][2], 0.8);   // 1 − 6·Σd²/(n(n²−1)) = 1 − 6·2/60
        QCOMPARE(m.topKOverlap[0][1], 0.0);       // top 1: sample 3 vs sample 0
        QCOMPARE(m.topKOverlap[0][2], 1.0);
    }
};

QTEST_GUILESS_MAIN(MapMetricsTest)
#include "test_map_metrics.moc"
