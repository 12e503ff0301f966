// The cascading randomisation check: a gradient map (saliency) changes once the weights are random and passes; an
// edge detector and a fixed random map — model-free, so unchanged by any weights — fail with the plain-words hint;
// the demo potassium model's saliency passes at every submodule.
// Torch before Qt: Qt's `slots` keyword macro breaks torch's headers.
#include "quality/torch/Randomisation.h"

#include "LinearTestModel.h"

#include "explain/Explainer.h"

#include <QtTest>

using namespace execg;
using namespace execg::quality;

namespace {

std::vector<float> saliencyOf(const TorchModel& m, const AdaptedInput& in)
{
    return runExplanation("saliency", m, in, 0).modelMap;
}

} // namespace

class RandomisationTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureTorchThreads(2); }

    void gradientMapPassesModelFreeMapsFail()
    {
        torch::manual_seed(11);
        const auto w = torch::randn({3, 300}), x = torch::randn({3, 300});
        const TorchModel model(test::saveLinearModel("randomisation", w, 0.0), test::linearCard(3, 300, 250.0));
        const auto in = test::adaptedInputOf(x, 250.0);

        const auto explainSaliency = [&](const TorchModel& m) { return saliencyOf(m, in); };
        const auto saliency = cascadingRandomisation(model, explainSaliency, saliencyOf(model, in), 7);
        QCOMPARE(saliency.steps.size(), std::size_t(1));   // no submodules: the model's own weights at once
        QVERIFY2(saliency.passed, qPrintable(QString::number(saliency.steps.back().rankCorrelation)));
        QVERIFY(std::abs(saliency.steps.back().rankCorrelation) < 0.2);

        // The input's own first difference (an edge detector) and a fixed random map ignore the model entirely.
        std::vector<float> edges(in.values.size(), 0.0f);
        for (std::size_t i = 1; i < edges.size(); ++i)
            edges[i] = in.values[i] - in.values[i - 1];
        const auto edge = cascadingRandomisation(model, [&](const TorchModel&) { return edges; }, edges, 7);
        QVERIFY(!edge.passed);
        QCOMPARE(edge.steps.back().rankCorrelation, 1.0);
        QVERIFY(std::abs(edge.steps.back().ssim - 1.0) < 1e-12);
        QVERIFY(edge.hint.find("do not trust it") != std::string::npos);
        const auto noise = test::valuesOf(torch::randn({3, 300}));
        QVERIFY(!cascadingRandomisation(model, [&](const TorchModel&) { return noise; }, noise, 7).passed);
    }

    void demoModelSaliencyPassesAtEveryDepth()
    {
        const std::string path = std::string(EXECG_SOURCE_DIR) + "/resources/models/potassium.pt";
        const TorchModel model(path, loadModelCard(modelCardPathFor(path)));
        torch::manual_seed(12);
        const auto in = test::adaptedInputOf(torch::randn({int(model.card().input.leads.size()), model.card().input.samples}) * 0.3,
                                             model.card().input.samplingRateHz);
        const auto check = cascadingRandomisation(model, [&](const TorchModel& m) { return saliencyOf(m, in); },
                                                  saliencyOf(model, in), 3);
        QCOMPARE(check.steps.size(), model.children().size());
        QCOMPARE(check.steps.front().randomisedFrom, model.children().back());   // output side first
        QVERIFY(check.passed);
        QVERIFY(std::abs(check.steps.back().rankCorrelation) < 0.5);
    }
};

QTEST_GUILESS_MAIN(RandomisationTest)
#include "test_randomisation.moc"
