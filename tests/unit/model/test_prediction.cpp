// Raw model outputs to what a reader sees: the card's activation applied with hand-computed values, labels and
// units carried, warnings merged, and NaN or infinity reported as a problem instead of a number.
#include "model/Prediction.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace execg;

namespace {

ModelCard card(ModelTask task, OutputActivation a, std::vector<ModelOutput> outputs)
{
    ModelCard c;
    c.name = "m";
    c.version = "2.1";
    c.task = task;
    c.activation = a;
    c.outputs = std::move(outputs);
    return c;
}

} // namespace

class PredictionTest : public QObject {
    Q_OBJECT

private slots:
    void sigmoidGivesProbability()
    {
        auto c = card(ModelTask::Binary, OutputActivation::Sigmoid, {{"atrial fibrillation", ""}});
        c.demo = true;
        c.warnings = {"card warning"};
        const auto p = interpretOutputs(c, "abc", {2.0f}, {"leads derived"});
        QVERIFY(p.problem.empty());
        QCOMPARE(p.outputs.size(), std::size_t(1));
        QVERIFY(std::abs(p.outputs[0].value - 0.8807970779778823) < 1e-9);   // 1 / (1 + e^-2)
        QVERIFY(p.outputs[0].probability);
        QCOMPARE(p.outputs[0].raw, 2.0f);
        QVERIFY(p.demo);
        QCOMPARE(p.modelVersion, std::string("2.1"));
        QCOMPARE(p.warnings, (std::vector<std::string>{"card warning", "leads derived"}));
    }

    void softmaxSumsToOneAndSurvivesLargeLogits()
    {
        const auto c = card(ModelTask::Multiclass, OutputActivation::Softmax, {{"a", ""}, {"b", ""}, {"c", ""}});
        const auto p = interpretOutputs(c, "", {1.0f, 2.0f, 3.0f});
        // e^1, e^2, e^3 over their sum: 0.09003, 0.24473, 0.66524
        QVERIFY(std::abs(p.outputs[0].value - 0.0900305732) < 1e-8);
        QVERIFY(std::abs(p.outputs[2].value - 0.6652409558) < 1e-8);
        const auto big = interpretOutputs(c, "", {1000.0f, 999.0f, -1000.0f});
        QVERIFY(std::abs(big.outputs[0].value - 0.7310585786) < 1e-8);   // 1 / (1 + e^-1)
        QVERIFY(std::isfinite(big.outputs[2].value));
    }

    void regressionKeepsItsUnit()
    {
        const auto c = card(ModelTask::Regression, OutputActivation::None, {{"potassium", "mmol/L"}});
        const auto p = interpretOutputs(c, "", {6.25f});
        QCOMPARE(p.outputs[0].value, 6.25);
        QCOMPARE(p.outputs[0].unit, std::string("mmol/L"));
        QVERIFY(!p.outputs[0].probability);
    }

    void nonFiniteAndMiscountedOutputsAreProblems()
    {
        const auto c = card(ModelTask::Multiclass, OutputActivation::Softmax, {{"a", ""}, {"b", ""}});
        const auto inf = interpretOutputs(c, "", {1.0f, std::numeric_limits<float>::infinity()});
        QCOMPARE(inf.problem, std::string("the model returned infinity for 'b': no result for this recording"));
        QVERIFY(inf.outputs.empty());
        const auto nan = interpretOutputs(c, "", {std::nanf(""), 0.0f});
        QVERIFY(nan.problem.find("returned NaN for 'a'") != std::string::npos);
        const auto count = interpretOutputs(c, "", {1.0f});
        QCOMPARE(count.problem, std::string("the model gave 1 outputs; its card lists 2"));
    }
};

QTEST_GUILESS_MAIN(PredictionTest)
#include "test_prediction.moc"
