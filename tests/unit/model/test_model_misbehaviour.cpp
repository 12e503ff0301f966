// Models that misbehave — return NaN, throw while running, return the wrong shape, or do more in forward() than
// their submodules — built here as small TorchScript modules and saved, so the runner meets them as a user's file.
// Torch before Qt: Qt's `slots` keyword macro breaks torch's headers.
#include "model/torch/TorchModelImpl.h"

#include <torch/csrc/autograd/autograd.h>

#include "Corpus.h"
#include "ErrorMessage.h"
#include "explain/Explainer.h"
#include "model/Prediction.h"
#include "model/torch/ModelInspection.h"
#include "model/torch/TorchModel.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace execg;

namespace {

ModelCard smallCard(std::vector<ModelLayer> layers = {})
{
    ModelCard c;
    c.name = "test model";
    c.task = ModelTask::Binary;
    c.outputs = {{"finding", ""}};
    c.activation = OutputActivation::Sigmoid;
    c.input.leads = {"I", "II", "V1"};
    c.input.samplingRateHz = 100;
    c.input.samples = 200;
    c.intendedUse = "test";
    c.layers = std::move(layers);
    return c;
}

AdaptedInput ramp(const ModelCard& card)
{
    AdaptedInput in;
    in.leads = int(card.input.leads.size());
    in.samples = card.input.samples;
    for (int i = 0; i < in.leads * in.samples; ++i)
        in.values.push_back(float(i % 50) * 0.01f);
    return in;
}

// A module with one child `body` (mean over time of lead 0, times a weight) and `forward` as given.
std::string saveModel(const QString& name, const std::string& forward)
{
    torch::jit::Module body("Body");
    body.register_parameter("w", torch::full({1}, 2.0f), false);
    body.define(R"(
def forward(self, x):
    return x.mean(dim=2)[:, 0:1] * self.w
)");
    torch::jit::Module m("Model");
    m.register_module("body", body);
    m.define(forward);
    const auto path = (test::scratchDir("misbehaving-models") + "/" + name + ".pt").toStdString();
    m.save(path);
    return path;
}

// `features` (scale, then shift) and a head: features' forward is its submodules in order, or with `residual` adds
// its input back, which opening it into scale → shift cannot reproduce.
std::string saveNestedModel(const QString& name, bool residual)
{
    torch::jit::Module scale("Scale");
    scale.register_parameter("w", torch::full({1}, 2.0f), false);
    scale.define("def forward(self, x):\n    return x * self.w\n");
    torch::jit::Module shift("Shift");
    shift.register_parameter("b", torch::full({1}, 0.5f), false);
    shift.define("def forward(self, x):\n    return x + self.b\n");
    torch::jit::Module features("Features");
    features.register_module("scale", scale);
    features.register_module("shift", shift);
    features.define(residual ? "def forward(self, x):\n    return self.shift.forward(self.scale.forward(x)) + x\n"
                             : "def forward(self, x):\n    return self.shift.forward(self.scale.forward(x))\n");
    torch::jit::Module head("Head");
    head.define("def forward(self, x):\n    return x.mean(dim=2)[:, 0:1]\n");
    torch::jit::Module m("Nested");
    m.register_module("features", features);
    m.register_module("head", head);
    m.define("def forward(self, x):\n    return self.head.forward(self.features.forward(x))\n");
    const auto path = (test::scratchDir("misbehaving-models") + "/" + name + ".pt").toStdString();
    m.save(path);
    return path;
}

} // namespace

class ModelMisbehaviourTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureTorchThreads(1); }

    void nestedLayersAreReachedThroughTheirSequentialParents()
    {
        const TorchModel m(saveNestedModel("nested", false),
                           smallCard({{"features.scale", true, true}, {"features", true, true}, {"head", true, true}}));
        QVERIFY(m.chainVerified());
        QVERIFY2(m.layerProblem("features.scale").empty(), m.layerProblem("features.scale").c_str());
        QVERIFY(m.layerProblem("features").empty());   // opened, its output is its last inner step's
        QVERIFY(m.layerProblem("head").empty());
        torch::NoGradGuard noGrad;
        const auto x = toTensor({ramp(m.card())});
        const auto& chain = m.impl().chain;
        QVERIFY((chain.runTo(x, "features.scale") - 2.0 * x).abs().max().item<float>() < 1e-6f);
        QVERIFY((chain.runFrom(2.0 * x, "features.scale") - (2.0 * x + 0.5).mean(2).slice(1, 0, 1)).abs().max().item<float>() < 1e-6f);
        QVERIFY((chain.runTo(x, "features") - (2.0 * x + 0.5)).abs().max().item<float>() < 1e-6f);
    }

    void nestedLayersInsideAResidualBlockAreReachedOnTheGraph()
    {
        const TorchModel m(saveNestedModel("nested-residual", true), smallCard({{"features.shift", true, true}, {"features", true, true}}));
        QVERIFY(m.chainVerified());   // the top-level chain still holds
        QVERIFY(m.layerProblem("features").empty());
        // Opening features into scale → shift cannot reproduce it (it adds its input back): shift is reached on
        // forward()'s graph instead, its output 2x + 0.5, and the head's mean over lead 0 of (that + x) gives
        // d output / d shift = 1/T on lead 0, 0 elsewhere.
        QVERIFY2(m.layerProblem("features.shift").empty(), m.layerProblem("features.shift").c_str());
        QVERIFY(m.card().warnings.empty());
        const auto x = toTensor({ramp(m.card())});
        const auto pass = m.impl().layerForward(x, "features.shift");
        QVERIFY((pass.activations.detach() - (2.0 * x + 0.5)).abs().max().item<float>() < 1e-6f);
        const auto g = torch::autograd::grad({pass.output.sum()}, {pass.activations})[0];
        QVERIFY((g.select(1, 0) - 1.0 / x.size(2)).abs().max().item<float>() < 1e-7f);
        QCOMPARE(g.slice(1, 1).abs().max().item<float>(), 0.0f);
    }

    void cardNamingAMissingNestedLayerIsRefused()
    {
        const auto path = saveNestedModel("nested-missing", false);
        const QString msg = test::messageOf([&] { TorchModel(path, smallCard({{"features.nothing", true, true}})); });
        QVERIFY2(msg.contains("its card names layer 'features.nothing', which the model does not have"), qPrintable(msg));
    }

    void wellBehavedChainIsVerified()
    {
        const auto path = saveModel("good", "def forward(self, x):\n    return self.body.forward(x)\n");
        const TorchModel m(path, smallCard({{"body", true, true}}));
        QVERIFY(m.chainVerified());
        QCOMPARE(m.chainDifference(), 0.0);
        QVERIFY(m.layerProblem("body").empty());
        QVERIFY2(m.layerProblem("head").find("'head' is not a submodule of the model (its top-level submodules: body)") != std::string::npos,
                 m.layerProblem("head").c_str());
        const auto in = ramp(m.card());
        const auto y = m.predict({in});
        double mean0 = 0;
        for (int s = 0; s < in.samples; ++s)
            mean0 += in.at(0, s);
        QVERIFY(std::abs(y[0][0] - 2.0 * mean0 / in.samples) < 1e-5);
        // runTo / runFrom through the torch side give the same as forward().
        const auto x = toTensor({in});
        const auto& chain = m.impl().chain;
        QVERIFY(torch::allclose(chain.runFrom(chain.runTo(x, "body"), "body"), chain.run(x)));
    }

    void chainThatDiffersFromForwardReachesItsLayersOnTheGraph()
    {
        const auto path = saveModel("rescaled", "def forward(self, x):\n    return self.body.forward(x) * 2.0 + 1.0\n");
        const TorchModel m(path, smallCard({{"body", true, false}}));
        QVERIFY(!m.chainVerified());
        QVERIFY(m.chainDifference() > 0.5);
        // The chain would miss the "* 2 + 1"; the graph does not: body's output is 2·mean(lead 0), the gradient 2.
        QVERIFY2(m.layerProblem("body").empty(), m.layerProblem("body").c_str());
        QVERIFY(m.card().warnings.empty());
        const auto x = toTensor({ramp(m.card())});
        const auto pass = m.impl().layerForward(x, "body");
        QVERIFY((pass.activations.detach() - 2.0 * x.mean(2).slice(1, 0, 1)).abs().max().item<float>() < 1e-6f);
        QVERIFY((pass.output.detach() - (4.0 * x.mean(2).slice(1, 0, 1) + 1.0)).abs().max().item<float>() < 1e-5f);
        QCOMPARE(torch::autograd::grad({pass.output.sum()}, {pass.activations})[0].item<float>(), 2.0f);
    }

    void aLayerCalledTwiceIsRefusedWithItsReason()
    {
        const auto path = saveModel("twice", "def forward(self, x):\n    return self.body.forward(x) + self.body.forward(x * 2.0)\n");
        const TorchModel m(path, smallCard({{"body", true, true}}));
        QVERIFY2(m.layerProblem("body").find("'body' is called 2 times in forward()") != std::string::npos, m.layerProblem("body").c_str());
        QCOMPARE(m.card().warnings.size(), std::size_t(1));
        QVERIFY2(m.card().warnings[0].find("layer 'body' unusable for Grad-CAM and concept tests") != std::string::npos,
                 m.card().warnings[0].c_str());
        QCOMPARE(m.predict({ramp(m.card())}).size(), std::size_t(1));   // prediction is unaffected
    }

    // Files researchers bring that are not TorchScript for LibTorch 1.13 (made by tests/models/make_test_models.py):
    // each refused with what it is and what to do.
    void foreignFilesSayWhatTheyAre_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("exportHint");
        QTest::newRow("state_dict") << "state_dict.pt" << "a state_dict — the weights only, saved with torch.save(model.state_dict())" << true;
        QTest::newRow("legacy state_dict") << "state_dict_legacy.pth" << "a state_dict — the weights only, saved with torch.save(model.state_dict()) in PyTorch's legacy format" << true;
        QTest::newRow("pickled module") << "pickled_module.pt" << "a pickled PyTorch module (class __main__.TopSkip, saved with torch.save(model))" << true;
        QTest::newRow("onnx") << "model.onnx" << "an ONNX model, not a TorchScript model" << true;
        QTest::newRow("newer pytorch") << "newer_pytorch.pt"
                                       << "TorchScript saved by a newer PyTorch: it uses aten::scaled_dot_product_attention, which LibTorch 1.13" << false;
    }

    void foreignFilesSayWhatTheyAre()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFETCH(bool, exportHint);
        const auto path = std::string(EXECG_SOURCE_DIR) + "/tests/models/foreign/" + file.toStdString();
        const QString msg = test::messageOf([&] { TorchModel(path, smallCard()); });
        QVERIFY2(msg.startsWith(QString::fromStdString(path) + ": "), qPrintable(msg));
        QVERIFY2(msg.contains(expected), qPrintable(msg));
        if (exportHint)
            QVERIFY2(msg.contains("torch.jit.script(model)") && msg.contains("docs/models.md"), qPrintable(msg));
        // The same file renamed .onnx → .pt is still recognised by its bytes.
        if (file == "model.onnx") {
            const auto renamed = (test::scratchDir("foreign") + "/model-renamed.pt").toStdString();
            std::filesystem::copy_file(path, renamed, std::filesystem::copy_options::overwrite_existing);
            QVERIFY(test::messageOf([&] { TorchModel(renamed, smallCard()); }).contains("an ONNX model"));
        }
    }

    void hdf5AndTextFilesSayWhatTheyAre()
    {
        const auto dir = test::scratchDir("foreign");
        const auto hdf5 = (dir + "/keras.h5").toStdString();
        std::ofstream(hdf5, std::ios::binary) << std::string("\x89HDF\r\n\x1a\n", 8) << std::string(100, '\0');
        QVERIFY(test::messageOf([&] { TorchModel(hdf5, smallCard()); }).contains("an HDF5 file (a Keras/TensorFlow model?)"));
        const auto text = (dir + "/notes.pt").toStdString();
        std::ofstream(text) << "just some text";
        QVERIFY(test::messageOf([&] { TorchModel(text, smallCard()); }).contains("not a TorchScript model ("));
    }

    void cardNamingAMissingLayerIsRefused()
    {
        const auto path = saveModel("good2", "def forward(self, x):\n    return self.body.forward(x)\n");
        const auto msg = test::messageOf([&] { TorchModel m(path, smallCard({{"layer4", true, true}})); });
        QVERIFY2(msg.contains("its card names layer 'layer4'") && msg.contains("it has: body"), qPrintable(msg));
    }

    void nanOutputBecomesAProblemNotANumber()
    {
        const auto path = saveModel("nan", "def forward(self, x):\n    return torch.sqrt(self.body.forward(x) * 0.0 - 1.0)\n");
        const TorchModel m(path, smallCard());
        const auto y = m.predict({ramp(m.card())});
        QVERIFY(std::isnan(y[0][0]));
        const auto p = interpretOutputs(m.card(), m.sha256(), y[0], {"signal padded"});
        QVERIFY2(p.problem.find("returned NaN for 'finding'") != std::string::npos, p.problem.c_str());
        QVERIFY(p.outputs.empty());
        QCOMPARE(p.warnings, std::vector<std::string>{"signal padded"});
        QCOMPARE(p.modelSha256.size(), std::size_t(64));
    }

    void throwingModelGivesAClearError()
    {
        // Runs on the zero warm-up input, throws on any real signal (a matrix product of mismatched shapes).
        const auto path = saveModel("throws", R"(
def forward(self, x):
    if bool(x.abs().sum() > 0.0):
        return torch.mm(x[0], x[0])
    return self.body.forward(x)
)");
        const TorchModel m(path, smallCard());
        const auto msg = test::messageOf([&] { m.predict({ramp(m.card())}); });
        QVERIFY2(msg.contains("throws.pt: failed while running") && msg.contains("cannot be multiplied"), qPrintable(msg));
    }

    void wrongOutputShapeIsRefusedAtLoad()
    {
        const auto path = saveModel("threed", "def forward(self, x):\n    return x\n");
        const auto msg = test::messageOf([&] { TorchModel m(path, smallCard()); });
        QVERIFY2(msg.contains("threed.pt: returns shape [1, 3, 200]; expected (batch, outputs)"), qPrintable(msg));
    }

    void inputThatDoesNotFitIsRefused()
    {
        const auto path = saveModel("good3", "def forward(self, x):\n    return self.body.forward(x)\n");
        const TorchModel m(path, smallCard());
        auto in = ramp(m.card());
        in.samples = 100;
        in.values.resize(300);
        const auto msg = test::messageOf([&] { m.predict({in}); });
        QVERIFY2(msg.contains("input of 3 × 100 does not fit the card's 3 × 200"), qPrintable(msg));
    }

    // A card saying the model takes shorter inputs (input.shortest_samples): a batch of several lengths gives each
    // input what it gives alone — the mean of its own lead 0, times 2 — and lengths outside the card's are refused.
    void shorterInputsGoInAtTheirOwnLength()
    {
        auto card = smallCard();
        card.input.shortestSamples = 120;
        const TorchModel m(saveModel("any-length", "def forward(self, x):\n    return self.body.forward(x)\n"), card);
        const auto withLength = [&](int samples) {
            AdaptedInput in;
            in.leads = 3;
            in.samples = samples;
            for (int i = 0; i < 3 * samples; ++i)
                in.values.push_back(float((i * 7) % 13) * 0.1f);
            return in;
        };
        const auto meanOfLead0Times2 = [](const AdaptedInput& in) {
            double s = 0;
            for (int i = 0; i < in.samples; ++i)
                s += in.values[std::size_t(i)];
            return 2.0 * s / in.samples;
        };
        const std::vector<AdaptedInput> batch{withLength(200), withLength(150), withLength(120), withLength(150)};
        const auto out = m.predict(batch);
        QCOMPARE(out.size(), batch.size());
        for (std::size_t k = 0; k < batch.size(); ++k) {
            QVERIFY(std::abs(out[k][0] - meanOfLead0Times2(batch[k])) < 1e-5);
            QCOMPARE(out[k], m.predict({batch[k]}).front());
        }
        QVERIFY(std::abs(out[1][0] - out[0][0]) > 1e-3);   // the lengths do differ in what they give
        auto msg = test::messageOf([&] { m.predict({withLength(119)}); });
        QVERIFY2(msg.contains("input of 3 × 119 does not fit the card's 3 × 120–200"), qPrintable(msg));
        msg = test::messageOf([&] { m.predict({withLength(201)}); });
        QVERIFY2(msg.contains("does not fit the card's 3 × 120–200"), qPrintable(msg));
        // An explanation of a short input covers that input: saliency of a mean is 2 / samples on lead 0, 0 elsewhere.
        const auto e = runExplanation("saliency", m, batch[1], 0);
        QCOMPARE(e.samples, 150);
        QCOMPARE(e.modelMap.size(), std::size_t(3 * 150));
        QVERIFY(std::abs(e.modelMap[10] - 2.0f / 150.0f) < 1e-6);
        QCOMPARE(e.modelMap[150 + 10], 0.0f);
    }

    // A card that claims shorter inputs for a model whose head needs the full length fails at load, saying so.
    void cardClaimingShorterInputsIsHeldToItAtLoad()
    {
        torch::jit::Module fixed("FixedHead");
        fixed.register_parameter("w", torch::ones({1, 600}), false);
        fixed.define("def forward(self, x):\n    return torch.linear(x.flatten(1), self.w)\n");
        const auto path = (test::scratchDir("misbehaving-models") + "/fixed-head.pt").toStdString();
        fixed.save(path);
        QVERIFY(TorchModel(path, smallCard()).outputCount() == 1);   // at its card's one length it is fine
        auto card = smallCard();
        card.input.shortestSamples = 150;
        const auto msg = test::messageOf([&] { TorchModel m(path, card); });
        QVERIFY2(msg.contains("fixed-head.pt: does not accept the card's shortest input (input.shortest_samples: 150 samples)"),
                 qPrintable(msg));
    }

    // A layer whose time axis is long at the card's full length but one sample at its shortest: Grad-CAM is refused
    // there with the reason (not one value painted over the window), and model-info's inspection says the layer cannot
    // serve Grad-CAM at the card's shortest input.
    void gradCamNeedsATimeAxisAtEveryLengthTheCardTakes()
    {
        torch::manual_seed(3);
        torch::jit::Module body("Strided");
        body.register_parameter("w", torch::randn({4, 3, 50}) * 0.1, false);
        body.define("def forward(self, x):\n    return torch.relu(torch.conv1d(x, self.w, None, [50]))\n");
        torch::jit::Module m("Pooled");
        m.register_module("body", body);
        m.define("def forward(self, x):\n    return self.body.forward(x).mean(dim=2)[:, 0:1]\n");
        const auto path = (test::scratchDir("misbehaving-models") + "/strided.pt").toStdString();
        m.save(path);
        auto card = smallCard({{"body", true, false}});
        card.input.shortestSamples = 50;   // 4 samples of `body` at 200, one at 50
        const TorchModel model(path, card);
        auto full = ramp(card);
        QCOMPARE(runExplanation("grad-cam", model, full, 0).samples, 200);
        auto shortest = full;
        shortest.samples = 50;
        shortest.values.resize(3 * 50);
        const auto msg = test::messageOf([&] { runExplanation("grad-cam", model, shortest, 0); });
        QVERIFY2(msg.contains("layer 'body' has one time sample for this input of 50 samples"), qPrintable(msg));
        const auto inspection = inspectModel(path, card);
        const auto at = std::find_if(inspection.submodules.begin(), inspection.submodules.end(),
                                     [](const SubmoduleReport& s) { return s.name == "body"; });
        QVERIFY(at != inspection.submodules.end());
        QCOMPARE(at->shape, (std::vector<std::int64_t>{1, 4, 4}));
        QVERIFY(!at->gradCam && at->tcav);
        QVERIFY2(at->note.find("one time sample at the card's shortest input (50 samples)") != std::string::npos, at->note.c_str());
        card.input.shortestSamples = 100;   // two samples there: usable
        const auto again = inspectModel(path, card);
        QVERIFY(std::find_if(again.submodules.begin(), again.submodules.end(), [](const SubmoduleReport& s) { return s.name == "body"; })->gradCam);
    }
};

QTEST_GUILESS_MAIN(ModelMisbehaviourTest)
#include "test_model_misbehaviour.moc"
