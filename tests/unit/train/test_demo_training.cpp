// A tiny run of the demo-model trainer: it writes loadable models and valid cards, the classifiers run through
// TorchModel and are exactly the chain of their children, the autoencoder has encode/decode of the right shapes,
// and training lowers the loss. The models themselves are useless at this size; test_demo_models checks the
// shipped ones.
#include "DemoTestSupport.h"
#include "model/ModelCard.h"
#include "model/torch/TorchModel.h"
#include "model/torch/training/DemoTraining.h"
#include "model/torch/training/SyntheticDataset.h"

#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <filesystem>

using namespace execg;
using namespace execg::training;
namespace fs = std::filesystem;

class TestDemoTraining : public QObject {
    Q_OBJECT
private:
    fs::path dir_;
    DemoTrainingReport report_;
    std::vector<std::string> progress_;

    const DemoModelReport& model(const std::string& name)
    {
        for (const auto& r : report_.models)
            if (r.name == name)
                return r;
        throw std::runtime_error("no report for " + name);
    }

private slots:
    void initTestCase()
    {
        const char* tmp = std::getenv("EXECG_TEST_TMP");
        dir_ = fs::path(tmp ? tmp : fs::temp_directory_path().string()) / "demo-training";
        fs::remove_all(dir_);
        configureTorchThreads(2);
        DemoTrainingOptions o;
        o.outputDir = dir_.string();
        o.scale = TrainingScale::Tiny;
        o.seed = 3;
        o.progress = [this](const std::string& s) { progress_.push_back(s); };
        report_ = trainDemoModels(o);
    }

    void writesEveryFile()
    {
        QCOMPARE(report_.models.size(), std::size_t(3));
        for (const char* f : {"af.pt", "af.card.json", "potassium.pt", "potassium.card.json", "ecg_autoencoder.pt"}) {
            QVERIFY2(fs::is_regular_file(dir_ / f), f);
            QVERIFY(fs::file_size(dir_ / f) > 100);
        }
        QCOMPARE(model("af").modelBytes, std::uintmax_t(fs::file_size(dir_ / "af.pt")));
        QVERIFY(!progress_.empty());
        QVERIFY(formatReport(report_).find("held-out auroc") != std::string::npos);
    }

    void lossDecreases()
    {
        for (const auto& r : report_.models) {
            QCOMPARE(int(r.epochLoss.size()), r.epochs);
            QVERIFY2(r.epochLoss.back() < r.epochLoss.front(), r.name.c_str());
            QVERIFY(r.parameters > 1000);
        }
    }

    void cardsParseAndDescribeTheInput()
    {
        const ModelCard af = loadModelCard((dir_ / "af.card.json").string());
        QVERIFY(af.task == ModelTask::Binary);
        QVERIFY(af.activation == OutputActivation::Sigmoid);
        QVERIFY(af.demo);
        QCOMPARE(af.version, std::string("1.0"));
        QCOMPARE(af.input.leads, demoLeadNames());
        QCOMPARE(af.input.samplingRateHz, 250.0);
        QCOMPARE(af.input.samples, 2500);
        QCOMPARE(af.layers.size(), std::size_t(2));
        QCOMPARE(af.layers[0].name, std::string("layer2"));
        QVERIFY(!af.layers[0].gradCam && af.layers[0].tcav);
        QCOMPARE(af.layers[1].name, std::string("layer3"));
        QVERIFY(af.layers[1].gradCam && af.layers[1].tcav);
        QVERIFY(af.generator.has_value());
        QCOMPARE(af.generator->file, std::string("ecg_autoencoder.pt"));
        QCOMPARE(af.generator->latentSize, 32 * 125);
        const ModelCard k = loadModelCard((dir_ / "potassium.card.json").string());
        QVERIFY(k.task == ModelTask::Regression);
        QVERIFY(k.activation == OutputActivation::None);
        QCOMPARE(k.outputs.at(0).unit, std::string("mmol/L"));
        QVERIFY(k.limitations.find("3.5") != std::string::npos);
    }

    void classifiersLoadAndAreTheirChain()
    {
        const SyntheticSet probe = generateSet(SetKind::Mixed, 3, 12345, 1);
        for (const char* name : {"af", "potassium"}) {
            const std::string pt = (dir_ / (std::string(name) + ".pt")).string();
            TorchModel m(pt, loadModelCard(modelCardPathFor(pt)));
            QCOMPARE(m.outputCount(), 1);
            QCOMPARE(m.children(), (std::vector<std::string>{"stem", "layer1", "layer2", "layer3", "gap", "fc"}));
            for (int i = 0; i < probe.count; ++i) {
                double diff = -1.0;
                QVERIFY(m.chainReproducesForward(asInput(probe, i), &diff));
                QVERIFY(diff >= 0.0 && diff <= 1e-5);
            }
            const auto out = m.predict({asInput(probe, 0), asInput(probe, 1)});
            QCOMPARE(out.size(), std::size_t(2));
            QCOMPARE(out[0].size(), std::size_t(1));
            QVERIFY(std::isfinite(out[0][0]));
        }
    }

    void autoencoderEncodesAndDecodes()
    {
        const SyntheticSet set = generateSet(SetKind::Mixed, 4, 777, 1);
        const auto c = checkAutoencoder((dir_ / "ecg_autoencoder.pt").string(), set, 2);
        QCOMPARE(c.latentShape, (std::vector<std::int64_t>{1, 32, 125}));
        QCOMPARE(c.latentSize, std::int64_t(4000));
        QCOMPARE(c.decodedShape, (std::vector<std::int64_t>{1, 12, 2500}));
        QVERIFY(c.chainDifference >= 0.0 && c.chainDifference <= 1e-5);
        QVERIFY(std::isfinite(c.rmseMv) && c.rmseMv > 0.0);
    }

    void refusesAnUnwritableFolder()
    {
        DemoTrainingOptions o;
        o.outputDir = (dir_ / "af.pt" / "sub").string();   // a file stands where the folder should be
        o.scale = TrainingScale::Tiny;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, trainDemoModels(o));
    }
};

QTEST_APPLESS_MAIN(TestDemoTraining)
#include "test_demo_training.moc"
