// Deletion and insertion curves and faithfulness correlation on models whose answers are known: for a linear model
// f(x) = Σ w·x with a zero baseline, the input × gradient map is exactly faithful — the curves are worked out by hand
// and the correlation is 1 — while a map of zeros and a model that ignores its input give defined values and a note.
// Torch before Qt: Qt's `slots` keyword macro breaks torch's headers.
#include "quality/torch/Faithfulness.h"

#include "LinearTestModel.h"

#include <QtTest>

using namespace execg;
using namespace execg::quality;

class FaithfulnessTest : public QObject {
    Q_OBJECT

private slots:
    void curvesOfAnExactMapByHand()
    {
        // One lead, four 1-sample segments (40 ms at 25 Hz), x = (1, 2, 3, 4), w = 1: f(x) = 10, map = x·w.
        const auto x = torch::tensor({1.0f, 2.0f, 3.0f, 4.0f}).unsqueeze(0);
        const TorchModel model(test::saveLinearModel("ones", torch::ones({1, 4}), 0.0), test::linearCard(1, 4, 25.0));
        FaithfulnessOptions o;
        o.baseline = RemovalBaseline::Zero;
        o.steps = 4;
        const auto r = faithfulness(model, test::adaptedInputOf(x, 25.0), 0, {1, 2, 3, 4}, o);
        // Deletion removes 4, 3, 2, 1: outputs 10, 6, 3, 1, 0; area 0.25·(10/2 + 6 + 3 + 1 + 0/2) = 3.75.
        QCOMPARE(r.deletion.output, (std::vector<double>{10, 6, 3, 1, 0}));
        QCOMPARE(r.deletion.area, 3.75);
        // Insertion restores them in the same order: 0, 4, 7, 9, 10; area 6.25.
        QCOMPARE(r.insertion.output, (std::vector<double>{0, 4, 7, 9, 10}));
        QCOMPARE(r.insertion.area, 6.25);
        QCOMPARE(r.deletion.fraction, (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
    }

    void exactMapCorrelatesPerfectlyRandomMapDoesNot()
    {
        torch::manual_seed(5);
        const auto w = torch::randn({3, 200}), x = torch::randn({3, 200});
        const TorchModel model(test::saveLinearModel("random-weights", w, 0.3), test::linearCard(3, 200, 250.0));
        const auto in = test::adaptedInputOf(x, 250.0);
        FaithfulnessOptions o;
        o.baseline = RemovalBaseline::Zero;
        const auto exact = (w * x).contiguous();
        const std::vector<float> map(exact.data_ptr<float>(), exact.data_ptr<float>() + exact.numel());
        const auto r = faithfulness(model, in, 0, map, o);
        QVERIFY2(std::abs(r.correlation - 1.0) < 1e-5, qPrintable(QString::number(r.correlation)));
        const auto noise = torch::randn({3, 200}).contiguous();
        const auto rr = faithfulness(model, in, 0, std::vector<float>(noise.data_ptr<float>(), noise.data_ptr<float>() + noise.numel()), o);
        QVERIFY2(std::abs(rr.correlation) < 0.5, qPrintable(QString::number(rr.correlation)));
        QVERIFY(r.deletion.area < rr.deletion.area);   // the exact map removes the evidence first
        QVERIFY(r.insertion.area > rr.insertion.area);
    }

    void isoelectricBaselineIsEachLeadsMedian()
    {
        // Everything removed leaves each lead at its median: f = Σ w · median.
        const auto x = torch::tensor({{0.0f, 0.0f, 1.0f, 0.0f, 0.0f}, {2.0f, 2.0f, 5.0f, 2.0f, 2.0f}});
        const TorchModel model(test::saveLinearModel("median", torch::ones({2, 5}), 0.0), test::linearCard(2, 5, 25.0));
        FaithfulnessOptions o;
        o.steps = 10;
        const auto r = faithfulness(model, test::adaptedInputOf(x, 25.0), 0, std::vector<float>(10, 1.0f), o);
        QCOMPARE(r.deletion.output.back(), 5.0 * 0.0 + 5.0 * 2.0);
        QCOMPARE(r.insertion.output.front(), 10.0);
        QCOMPARE(r.deletion.output.front(), 1.0 + 13.0);
    }

    void zeroMapAndDeafModelGiveDefinedValues()
    {
        const auto x = torch::randn({2, 50});
        const TorchModel deaf(test::saveLinearModel("deaf", torch::zeros({2, 50}), 1.5), test::linearCard(2, 50, 250.0));
        const auto r = faithfulness(deaf, test::adaptedInputOf(x, 250.0), 0, std::vector<float>(100, 0.5f));
        QCOMPARE(r.correlation, 0.0);
        QVERIFY(r.note.find("does not change") != std::string::npos);
        QCOMPARE(r.deletion.area, 1.5);
        const TorchModel live(test::saveLinearModel("live", torch::ones({2, 50}), 0.0), test::linearCard(2, 50, 250.0));
        const auto z = faithfulness(live, test::adaptedInputOf(x, 250.0), 0, std::vector<float>(100, 0.0f));
        QCOMPARE(z.correlation, 0.0);
        QVERIFY(z.note.find("all zeros") != std::string::npos);
        for (double v : z.deletion.output)
            QVERIFY(std::isfinite(v));
    }
};

QTEST_GUILESS_MAIN(FaithfulnessTest)
#include "test_faithfulness.moc"
