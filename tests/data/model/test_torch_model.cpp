// The TorchScript runner on the Captum reference model (../shared/reference/captum): logits equal to the reference,
// the submodule chain equal to forward(), batches equal to single calls, and bad models refused with clear errors.
// Torch before Qt: Qt's `slots` keyword macro breaks torch's headers.
#include "model/torch/TorchModelImpl.h"

#include <torch/csrc/autograd/autograd.h>

#include "CaptumReference.h"
#include "TestFiles.h"
#include "io/ReaderRegistry.h"
#include "model/torch/TorchModel.h"

#include <QFile>
#include <QtTest>

#include <cmath>

using namespace execg;

namespace {

QString referenceDir() { return test::captumDir(); }

// The runner's own checks do not need the card's layers; tests that do add them.
ModelCard plainCaptumCard()
{
    auto c = test::captumCard();
    c.layers.clear();
    return c;
}

} // namespace

class TorchModelTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureTorchThreads(2); }

    void referenceLogits()
    {
        EXECG_REQUIRE_CAPTUM();
        const TorchModel model((referenceDir() + "/model.pt").toStdString(), plainCaptumCard());
        QCOMPARE(model.sha256(), std::string("c03ae87fe0a91403a67ee27853b1ebc24364d95eca3b37d032ce943b1546a9f6"));
        QCOMPARE(model.children(), (std::vector<std::string>{"stem", "layer1", "layer2", "layer3", "layer4", "gap", "fc"}));
        ReadOptions ro;
        ro.raw.samplingRateHz = 250;
        const auto rec = ReaderRegistry::instance().read((referenceDir() + "/input.npy").toStdString(), ro);
        const auto input = adaptToModel(rec.groups.front(), model.card());
        const auto y = model.predict({input});
        QCOMPARE(y.size(), std::size_t(1));
        QVERIFY2(std::abs(y[0][0] - -4.7031f) < 1e-3f && std::abs(y[0][1] - 5.7046f) < 1e-3f,
                 qPrintable(QString("logits %1 %2").arg(y[0][0]).arg(y[0][1])));
        double diff = -1;
        QVERIFY(model.chainReproducesForward(input, &diff));
        QVERIFY2(diff < 1e-5, qPrintable(QString::number(diff)));
        // A batch of 3 gives what 3 single calls give.
        auto zero = input;
        std::fill(zero.values.begin(), zero.values.end(), 0.0f);
        const auto batch = model.predict({input, zero, input});
        QVERIFY(std::abs(batch[1][0] - 2.0297f) < 1e-3f && std::abs(batch[1][1] - -1.8059f) < 1e-3f);
        QVERIFY(std::abs(batch[2][1] - y[0][1]) < 1e-4f);
    }

    // Grad-CAM and concept tests take a layer's output and go on from it: for every layer the issue names, the
    // chain up to it and onward from it must give forward()'s logits.
    void layerAccessOnReferenceModel()
    {
        EXECG_REQUIRE_CAPTUM();
        auto card = plainCaptumCard();
        card.layers = {{"layer3", true, false}, {"layer4", true, true}};
        const TorchModel model((referenceDir() + "/model.pt").toStdString(), card);
        QVERIFY(model.chainVerified());
        QVERIFY2(model.chainDifference() >= 0 && model.chainDifference() < 1e-5, qPrintable(QString::number(model.chainDifference())));
        QVERIFY(model.card().warnings.empty());
        ReadOptions ro;
        ro.raw.samplingRateHz = 250;
        const auto rec = ReaderRegistry::instance().read((referenceDir() + "/input.npy").toStdString(), ro);
        const auto x = toTensor({adaptToModel(rec.groups.front(), model.card())});
        torch::NoGradGuard noGrad;
        auto module = model.impl().module;
        const auto full = module.forward({x}).toTensor();
        const auto& chain = model.impl().chain;
        std::int64_t previousChannels = 0;
        for (const std::string layer : {"stem", "layer1", "layer2", "layer3", "layer4"}) {
            QVERIFY(model.layerProblem(layer).empty());
            const auto a = chain.runTo(x, layer);
            QCOMPARE(a.dim(), std::int64_t(3));   // batch × channels × time: what Grad-CAM weights
            QVERIFY(a.size(1) >= previousChannels);
            previousChannels = a.size(1);
            const double diff = (chain.runFrom(a, layer) - full).abs().max().item<double>();
            QVERIFY2(diff < 1e-5, qPrintable(QString::fromStdString(layer) + ": " + QString::number(diff)));
        }
        QVERIFY(std::abs(full[0][1].item<double>() - 5.7046) < 1e-3);
        QVERIFY(model.layerProblem("layer5").find("'layer5' is not a submodule of the model") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, chain.runTo(x, "layer5"));
    }

    // Where both reach a layer, the tap on forward()'s graph and the chain give the same activations and gradients.
    void graphTapEqualsTheChain()
    {
        EXECG_REQUIRE_CAPTUM();
        auto card = plainCaptumCard();
        const TorchModel model((referenceDir() + "/model.pt").toStdString(), card);
        ReadOptions ro;
        ro.raw.samplingRateHz = 250;
        const auto rec = ReaderRegistry::instance().read((referenceDir() + "/input.npy").toStdString(), ro);
        const auto x = toTensor({adaptToModel(rec.groups.front(), model.card())});
        for (const std::string layer : {"stem", "layer1", "layer3", "layer4.conv2"}) {
            const LayerTap tap(model.impl().module, layer);
            const auto viaTap = tap.forwardFrom(x);
            const auto tapGrad = torch::autograd::grad({viaTap.output.select(1, 1).sum()}, {viaTap.activations})[0];
            if (layer.find('.') != std::string::npos) {
                // Inside a residual block: off the chain, so only the tap reaches it; its output feeds on to the logits.
                QVERIFY(std::abs(viaTap.output[0][1].item<double>() - 5.7046) < 1e-3);
                QVERIFY(tapGrad.abs().sum().item<double>() > 0);
                continue;
            }
            const auto viaChain = model.impl().layerForward(x, layer);
            const auto chainGrad = torch::autograd::grad({viaChain.output.select(1, 1).sum()}, {viaChain.activations})[0];
            QCOMPARE((viaTap.activations - viaChain.activations).abs().max().item<double>(), 0.0);
            const double gradDiff = (tapGrad - chainGrad).abs().max().item<double>();
            QVERIFY2(gradDiff <= 1e-6 * chainGrad.abs().max().item<double>(), qPrintable(QString::fromStdString(layer) + ": " + QString::number(gradDiff)));
        }
    }

    void badModelsAreRefused()
    {
        const QString dir = test::scratchDir("torch-model");
        test::writeFile(dir + "/not-a-model.pt", std::string("this is text, not TorchScript"));
        try {
            TorchModel m((dir + "/not-a-model.pt").toStdString(), plainCaptumCard());
            QFAIL("accepted a text file");
        } catch (const ModelError& e) {
            QVERIFY2(QString(e.what()).contains("not a TorchScript model"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(ModelError, TorchModel((dir + "/missing.pt").toStdString(), plainCaptumCard()));
        EXECG_REQUIRE_CAPTUM();   // the shape checks need the reference model
        auto lying = plainCaptumCard();
        lying.input.leads = {"I", "II", "V1"};   // the model has 12 input channels
        try {
            TorchModel m((referenceDir() + "/model.pt").toStdString(), lying);
            QFAIL("accepted a card with 3 leads");
        } catch (const ModelError& e) {
            QVERIFY2(QString(e.what()).contains("does not accept the card's input"), e.what());
        }
        auto threeOutputs = plainCaptumCard();
        threeOutputs.outputs.push_back({"third", ""});
        try {
            TorchModel m((referenceDir() + "/model.pt").toStdString(), threeOutputs);
            QFAIL("accepted a card with 3 outputs");
        } catch (const ModelError& e) {
            QVERIFY2(QString(e.what()).contains("gives 2 outputs; its card lists 3"), e.what());
        }
        auto missingLayer = plainCaptumCard();
        missingLayer.layers = {{"layer5", true, true}};
        try {
            TorchModel m((referenceDir() + "/model.pt").toStdString(), missingLayer);
            QFAIL("accepted a card naming a layer the model does not have");
        } catch (const ModelError& e) {
            QVERIFY2(QString(e.what()).contains("its card names layer 'layer5'") &&
                         QString(e.what()).contains("stem, layer1, layer2, layer3, layer4, gap, fc"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TorchModelTest)
#include "test_torch_model.moc"
