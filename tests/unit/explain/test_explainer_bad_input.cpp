// Explanation requests that cannot be honoured fail with a message naming the problem and leave nothing behind:
// a model whose output is not differentiable (integer outputs), a model whose gradient is NaN, a wave method on a
// recording without beats, and a cancelled run of every method.
// Torch before Qt: Qt's `slots` keyword macro breaks torch's headers.
#include "Corpus.h"
#include "ErrorMessage.h"
#include "ScriptedModule.h"
#include "explain/Explainer.h"
#include "model/torch/TorchModel.h"
#include "synth/EcgSynthesizer.h"

#include <QtTest>

using namespace execg;

namespace {

ModelCard card()
{
    ModelCard c;
    c.name = "test model";
    c.task = ModelTask::Regression;
    c.outputs = {{"value", "a.u."}};
    c.input.leads = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
    c.input.samplingRateHz = 250;
    c.input.samples = 2500;
    c.intendedUse = "test";
    return c;
}

std::string saveModel(const QString& name, const std::string& forward)
{
    const auto path = (test::scratchDir("explain-bad-" + name) + "/" + name + ".pt").toStdString();
    test::saveScriptedModule({"Model", forward, {{"w", {1}, {0.5f}}}, {}}, path);
    return path;
}

AdaptedInput sinusInput()
{
    synth::SynthParams p;
    p.samplingRateHz = 250;
    p.seed = 77;
    return adaptToModel(synth::generateEcg(p).recording.groups.front(), card());
}

} // namespace

class ExplainerBadInputTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureTorchThreads(1); }

    void integerOutputsCannotBeDifferentiated()
    {
        const TorchModel m(saveModel("integer", "def forward(self, x):\n    return (x.mean(dim=[1, 2]) * 100.0).long().unsqueeze(1)\n"), card());
        const auto msg = test::messageOf([&] { runExplanation("saliency", m, sinusInput(), 0); });
        QVERIFY2(msg.contains("does not depend differentiably on its input"), qPrintable(msg));
        // Perturbation methods need no gradient: they still work on such a model.
        QCOMPARE(runExplanation("occlusion", m, sinusInput(), 0).method, std::string("occlusion"));
    }

    void nanGradientIsRefused()
    {
        // sqrt of a sum that is 0 for the zero warm-up: finite output, infinite gradient at 0 where a lead is flat.
        const TorchModel m(saveModel("nan-grad", "def forward(self, x):\n    return torch.sqrt((x * 0.0).sum(dim=[1, 2])).unsqueeze(1) * self.w\n"), card());
        const auto msg = test::messageOf([&] { runExplanation("saliency", m, sinusInput(), 0); });
        QVERIFY2(msg.contains("the attribution holds NaN or infinity"), qPrintable(msg));
    }

    void waveMethodsNeedBeats()
    {
        const TorchModel m(saveModel("linear", "def forward(self, x):\n    return x.mean(dim=[1, 2]).unsqueeze(1) * self.w\n"), card());
        AdaptedInput flat = sinusInput();
        std::fill(flat.values.begin(), flat.values.end(), 0.0f);
        std::fill(flat.mv.begin(), flat.mv.end(), 0.0f);
        const auto msg = test::messageOf([&] { runExplanation("wave-shap", m, flat, 0); });
        QVERIFY2(msg.contains("wave-shap: the waves of this recording cannot be delineated"), qPrintable(msg));
    }

    void everyMethodCanBeCancelled()
    {
        const TorchModel m(saveModel("linear2", "def forward(self, x):\n    return x.mean(dim=[1, 2]).unsqueeze(1) * self.w\n"), card());
        const auto input = sinusInput();
        for (const auto* e : ExplainerRegistry::instance().all()) {
            const auto& name = e->info().name;
            if (name.find("grad-cam") != std::string::npos)
                continue;   // needs a card-listed layer; cancelled the same way through the same runner
            ExplainOptions o;
            o.progress = [](double fraction) { return fraction <= 0.0; };   // stop at the first report after the start
            bool cancelled = false;
            try {
                runExplanation(name, m, input, 0, o);
            } catch (const ExplainCancelled&) {
                cancelled = true;
            }
            QVERIFY2(cancelled, name.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(ExplainerBadInputTest)
#include "test_explainer_bad_input.moc"
