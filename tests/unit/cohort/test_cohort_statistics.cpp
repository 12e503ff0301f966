// The population statistics against published and hand-computed values: quantiles (R type 7), the median's
// order-statistic interval, Wilcoxon's signed-rank test (R's documented example: V = 40, p = 0.03906), Holm.
#include "stats/Statistics.h"

#include <QTest>

#include <cmath>

using namespace execg::stats;

class TestCohortStatistics : public QObject {
    Q_OBJECT
private slots:
    void quantilesAreType7()
    {
        QCOMPARE(quantile({4, 1, 3, 2}, 0.25), 1.75);   // R: quantile(1:4, 0.25) = 1.75
        QCOMPARE(quantile({4, 1, 3, 2}, 0.5), 2.5);
        QCOMPARE(quantile({7}, 0.9), 7.0);
        QVERIFY(std::isnan(quantile({}, 0.5)));
        const auto b = boxFigures({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, std::nan("")});
        QCOMPARE(b.n, 10);
        QCOMPARE(b.median, 5.5);
        QCOMPARE(b.q1, 3.25);
        QCOMPARE(b.p95, 9.55);
        QCOMPARE(b.mean, 5.5);
    }

    void medianIntervalFromOrderStatistics()
    {
        // n = 10: P(B ≤ 1) = 0.0107 ≤ 0.025 < P(B ≤ 2) = 0.0547, so [x(2), x(9)] (coverage 97.9 %).
        const auto ci = medianInterval({10, 1, 9, 2, 8, 3, 7, 4, 6, 5});
        QCOMPARE(ci.low, 2.0);
        QCOMPARE(ci.high, 9.0);
        // n = 5 cannot reach 95 % (the widest, [x(1), x(5)], covers 93.75 %).
        QVERIFY(std::isnan(medianInterval({1, 2, 3, 4, 5}).low));
        // n = 6: [x(1), x(6)] covers 96.9 %.
        QCOMPARE(medianInterval({1, 2, 3, 4, 5, 6}).high, 6.0);
    }

    void wilcoxonMatchesR()
    {
        // R's ?wilcox.test (Hollander & Wolfe): depression scores before (x) and after (y) treatment;
        // wilcox.test(x, y, paired = TRUE) gives V = 40, p = 0.03906 (exact).
        const double x[] = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        const double y[] = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        std::vector<double> d;
        for (int i = 0; i < 9; ++i)
            d.push_back(x[i] - y[i]);
        const auto r = wilcoxonSignedRank(d);
        QVERIFY(r.exact);
        QCOMPARE(r.n, 9);
        QCOMPARE(r.wPlus, 40.0);
        QVERIFY2(std::abs(r.p - 0.0390625) < 1e-9, qPrintable(QString::number(r.p, 'g', 10)));   // 20/512
        // All positive, n = 10: p = 2 / 2^10.
        QVERIFY(std::abs(wilcoxonSignedRank({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}).p - 2.0 / 1024) < 1e-12);
        // Zeros are dropped; no differences at all: nothing to test.
        QCOMPARE(wilcoxonSignedRank({0, 0, 0}).n, 0);
        QCOMPARE(wilcoxonSignedRank({0, 0, 0}).p, 1.0);
    }

    void wilcoxonNormalApproximationWithTies()
    {
        // Ties force the approximation: d = 1, 1, 2, 2, -1, 3, 3, 3 (n = 8). Ranks of |d|: 1s → 2 (three tied),
        // 2s → 4.5, 3s → 7; W+ = 2 + 2 + 4.5 + 4.5 + 7 + 7 + 7 = 34. Mean 18, variance 8·9·17/24 − (27 − 3 + 8 − 2 +
        // 27 − 3)/48 = 51 − 1.125 = 49.875; z = (34 − 18 − 0.5)/√49.875 = 2.1948; p = 0.02818 (two-sided).
        const auto r = wilcoxonSignedRank({1, 1, 2, 2, -1, 3, 3, 3});
        QVERIFY(!r.exact);
        QCOMPARE(r.wPlus, 34.0);
        QVERIFY2(std::abs(r.z - 15.5 / std::sqrt(49.875)) < 1e-12, qPrintable(QString::number(r.z, 'g', 10)));
        QVERIFY2(std::abs(r.p - std::erfc(r.z / std::sqrt(2.0))) < 1e-12 && std::abs(r.p - 0.02818) < 1e-4,
                 qPrintable(QString::number(r.p, 'g', 10)));
        // Past 50 differences, the approximation: d = ±1…±60, every 4th negative: W+ = 1830 − 480 = 1350, mean 915,
        // variance 60·61·121/24 = 18452.5, z = 434.5/√18452.5 = 3.1986, p = 0.00138.
        std::vector<double> many;
        for (int i = 1; i <= 60; ++i)
            many.push_back(i % 4 == 0 ? -i : i);
        const auto big = wilcoxonSignedRank(many);
        QVERIFY(!big.exact);
        QCOMPARE(big.wPlus, 1350.0);
        QVERIFY2(std::abs(big.p - 0.00138) < 2e-5, qPrintable(QString::number(big.p, 'g', 10)));
    }

    void holmStepsDown()
    {
        // Sorted 0.005, 0.01, 0.03, 0.04 → ×4, ×3, ×2, ×1 = 0.02, 0.03, 0.06, 0.04 → monotone 0.02, 0.03, 0.06, 0.06.
        const auto a = holmAdjust({0.01, 0.04, 0.03, 0.005});
        QCOMPARE(a.size(), std::size_t(4));
        QVERIFY(std::abs(a[0] - 0.03) < 1e-12 && std::abs(a[1] - 0.06) < 1e-12);
        QVERIFY(std::abs(a[2] - 0.06) < 1e-12 && std::abs(a[3] - 0.02) < 1e-12);
        QCOMPARE(holmAdjust({0.9, 0.8})[0], 1.0);   // never above 1
    }
};

QTEST_APPLESS_MAIN(TestCohortStatistics)
#include "test_cohort_statistics.moc"
