// The counterfactual generator named by a model card: a small autoencoder built here (encode = mean of each lead,
// decode = that mean held over the window) loads, round-trips and chains; lying cards and incomplete generators are
// refused naming the file and the problem.
// Torch before Qt: Qt's `slots` keyword macro breaks torch's headers.
#include "model/torch/GeneratorModel.h"
#include "model/torch/TorchModel.h"

#include "Corpus.h"
#include "ErrorMessage.h"
#include "ScriptedModule.h"
#include "TestFiles.h"
#include "model/ModelCard.h"
#include "synth/EcgSynthesizer.h"

#include <QtTest>

using namespace execg;

namespace {

ModelInput smallInput()
{
    ModelInput in;
    in.leads = {"I", "II"};
    in.samplingRateHz = 100;
    in.samples = 50;
    return in;
}

std::string saveAutoencoder(const QString& name, bool withDecode = true)
{
    const test::ScriptedModule encoder{"Encoder", "def forward(self, x):\n    return torch.mean(x, [2])\n", {}, {}};
    const test::ScriptedModule decoder{"Decoder", "def forward(self, z):\n    return z.unsqueeze(2).repeat([1, 1, 50])\n", {}, {}};
    const auto path = (test::scratchDir("generator-" + name) + "/" + name + ".pt").toStdString();
    test::saveScriptedModule({"Autoencoder",
                              std::string("def encode(self, x):\n    return self.encoder.forward(x)\n") +
                                  (withDecode ? "def decode(self, z):\n    return self.decoder.forward(z)\n" : "") +
                                  "def forward(self, x):\n    return self.decoder.forward(self.encoder.forward(x))\n",
                              {}, {{"encoder", encoder}, {"decoder", decoder}}},
                             path);
    return path;
}

} // namespace

class GeneratorModelTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureTorchThreads(1); }

    void encodeDecodeRoundTrip()
    {
        const GeneratorModel g(saveAutoencoder("ae"), smallInput(), 2);
        QCOMPARE(g.latentShape(), (std::vector<std::int64_t>{1, 2}));
        QVERIFY(g.chainVerified());
        QCOMPARE(g.sha256().size(), std::size_t(64));
        AdaptedInput in;
        in.leads = 2;
        in.samples = 50;
        for (int i = 0; i < 100; ++i)
            in.values.push_back(i < 50 ? 0.5f : float(i - 50) * 0.02f);   // lead I 0.5 mV, lead II a ramp with mean 0.49
        const auto z = g.encode(in);
        QCOMPARE(z.size(), std::size_t(2));
        QVERIFY(std::abs(z[0] - 0.5f) < 1e-6f && std::abs(z[1] - 0.49f) < 1e-5f);
        const auto x = g.decode({1.0f, -2.0f});
        QCOMPARE(x.size(), std::size_t(100));
        QCOMPARE(x[0], 1.0f);
        QCOMPARE(x[99], -2.0f);
        QVERIFY(test::messageOf([&] { g.decode({1.0f}); }).contains("latent of 1 values; the generator takes 2"));
    }

    void lyingOrIncompleteGeneratorsAreRefused()
    {
        const auto path = saveAutoencoder("ae2");
        auto msg = test::messageOf([&] { GeneratorModel g(path, smallInput(), 32); });
        QVERIFY2(msg.contains("encodes a record into 2 values [1, 2]; the card says latent_size 32"), qPrintable(msg));
        const auto noDecode = saveAutoencoder("ae3", false);
        msg = test::messageOf([&] { GeneratorModel g(noDecode, smallInput(), 2); });
        QVERIFY2(msg.contains("ae3.pt: has no decode() method"), qPrintable(msg));
        auto wrongInput = smallInput();
        wrongInput.samples = 60;   // decode gives 50 samples back
        msg = test::messageOf([&] { GeneratorModel g(path, wrongInput, 2); });
        QVERIFY2(msg.contains("decode() gives [1, 2, 50]; expected [1, 2, 60]"), qPrintable(msg));
    }

    // The shipped autoencoder, as the demo cards name it: loads, chains, and reconstructs a synthetic record.
    void shippedAutoencoder()
    {
        const std::string cardPath = std::string(EXECG_SOURCE_DIR) + "/resources/models/af.card.json";
        const auto card = loadModelCard(cardPath);
        QVERIFY(card.generator.has_value());
        const GeneratorModel g(generatorPathFor(cardPath, *card.generator), card.input, card.generator->latentSize);
        QVERIFY(g.chainVerified());
        synth::SynthParams p;
        p.samplingRateHz = 250;
        p.seed = 987654;   // not a training seed
        p.noise.baselineMv = 0.03;
        const auto input = adaptToModel(synth::generateEcg(p).recording.groups.front(), card);
        const auto x = g.decode(g.encode(input));
        double se = 0;
        for (std::size_t i = 0; i < x.size(); ++i)
            se += double(x[i] - input.values[i]) * double(x[i] - input.values[i]);
        const double rmse = std::sqrt(se / double(x.size()));
        QVERIFY2(rmse < 0.05, qPrintable(QString::number(rmse)));
    }

    void cardMustFindItsGenerator()
    {
        const QString dir = test::scratchDir("generator-card");
        const std::string card = R"({"schema": "execg-model-card/1", "name": "m", "version": "1", "task": "binary",
            "outputs": [{"label": "x"}], "activation": "sigmoid",
            "input": {"leads": ["I", "II"], "sampling_rate_hz": 100, "samples": 50},
            "generator": {"file": "ae.pt", "latent_size": 2}, "intended_use": "test"})";
        test::writeFile(dir + "/m.card.json", card);
        const auto msg = test::messageOf([&] { loadModelCard((dir + "/m.card.json").toStdString()); });
        QVERIFY2(msg.contains("m.card.json: 'generator.file' names 'ae.pt', which is not beside the card"), qPrintable(msg));
        QFile::copy(QString::fromStdString(saveAutoencoder("ae")), dir + "/ae.pt");
        const auto loaded = loadModelCard((dir + "/m.card.json").toStdString());
        const auto genPath = generatorPathFor((dir + "/m.card.json").toStdString(), *loaded.generator);
        QCOMPARE(QString::fromStdString(genPath), dir + "/ae.pt");
        QCOMPARE(GeneratorModel(genPath, loaded.input, loaded.generator->latentSize).latentSize(), 2);
    }
};

QTEST_GUILESS_MAIN(GeneratorModelTest)
#include "test_generator_model.moc"
