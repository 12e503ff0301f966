// The SHIPPED demo models (resources/models/) on a fresh synthetic held-out set whose seeds differ from both the
// training and the trainer's own held-out seeds: the figures docs/demo-models.md promises, and the structure the
// explainers rely on (each classifier is the chain of its children; the autoencoder is decoder ∘ encoder).
#include "DemoTestSupport.h"
#include "model/ModelCard.h"
#include "model/torch/TorchModel.h"
#include "model/torch/training/DemoTraining.h"
#include "model/torch/training/SyntheticDataset.h"
#include "model/torch/training/TrainingMetrics.h"

#include <QtTest>

#include <filesystem>

using namespace execg;
using namespace execg::training;
namespace fs = std::filesystem;

class TestDemoModels : public QObject {
    Q_OBJECT
private:
    const fs::path dir_ = fs::path(EXECG_SOURCE_DIR) / "resources" / "models";

    // Outputs of the shipped model for the whole set, through the app's own runner.
    static std::vector<float> predictAll(const TorchModel& m, const SyntheticSet& set)
    {
        std::vector<float> out;
        for (int b = 0; b < set.count; b += 50) {
            std::vector<AdaptedInput> batch;
            for (int i = b; i < std::min(set.count, b + 50); ++i)
                batch.push_back(asInput(set, i));
            for (const auto& row : m.predict(batch))
                out.push_back(row.at(0));
        }
        return out;
    }

    TorchModel load(const std::string& name)
    {
        const std::string pt = (dir_ / (name + ".pt")).string();
        TorchModel m(pt, loadModelCard(modelCardPathFor(pt)));
        if (!m.card().demo)
            throw std::runtime_error(name + ": a demo model's card must say demo");
        return m;
    }

private slots:
    void initTestCase() { configureTorchThreads(2); }

    void afSeparatesAfFromOtherRhythms()
    {
        const TorchModel m = load("af");
        const SyntheticSet set = generateSet(SetKind::Af, 1000, kTestSeedBase + 1, 2);
        const auto scores = predictAll(m, set);
        const double a = auroc(scores, set.targets);
        qInfo("af: held-out AUROC %.4f on %d records", a, set.count);
        QVERIFY2(a >= 0.99, QByteArray::number(a).constData());
        double diff = -1.0;
        QVERIFY(m.chainReproducesForward(asInput(set, 0), &diff));
        QVERIFY(diff <= 1e-5);
    }

    void potassiumWithinQuarterMmol()
    {
        const TorchModel m = load("potassium");
        QCOMPARE(m.card().outputs.at(0).unit, std::string("mmol/L"));
        const SyntheticSet set = generateSet(SetKind::Potassium, 1500, kTestSeedBase + 2, 2);
        const auto k = predictAll(m, set);
        const double mae = meanAbsoluteError(k, set.targets);
        qInfo("potassium: held-out MAE %.3f mmol/L (K<3.5 %.3f, 3.5-5.0 %.3f, >5.0 %.3f) on %d records", mae,
              meanAbsoluteErrorIn(k, set.targets, 0, 3.5), meanAbsoluteErrorIn(k, set.targets, 3.5, 5.0),
              meanAbsoluteErrorIn(k, set.targets, 5.0, 100), set.count);
        QVERIFY2(mae <= 0.25, QByteArray::number(mae).constData());
        // Outside the neutral band the ECG carries the answer, so the error there must be small too.
        QVERIFY(meanAbsoluteErrorIn(k, set.targets, 5.0, 100) <= 0.25);
        double diff = -1.0;
        QVERIFY(m.chainReproducesForward(asInput(set, 0), &diff));
        QVERIFY(diff <= 1e-5);
    }

    void autoencoderReconstructsWithin50Microvolts()
    {
        const SyntheticSet set = generateSet(SetKind::Mixed, 300, kTestSeedBase + 3, 2);
        const auto c = checkAutoencoder((dir_ / "ecg_autoencoder.pt").string(), set);
        qInfo("autoencoder: held-out RMSE %.4f mV on %d records, latent %lld values", c.rmseMv, set.count,
              static_cast<long long>(c.latentSize));
        QVERIFY2(c.rmseMv <= 0.05, QByteArray::number(c.rmseMv).constData());
        QCOMPARE(c.decodedShape, (std::vector<std::int64_t>{1, 12, 2500}));
        QVERIFY(c.chainDifference >= 0.0 && c.chainDifference <= 1e-5);
        // The classifiers' cards name this file and its latent size.
        const ModelCard af = loadModelCard((dir_ / "af.card.json").string());
        QVERIFY(af.generator.has_value());
        QCOMPARE(std::int64_t(af.generator->latentSize), c.latentSize);
        QVERIFY(fs::is_regular_file(dir_ / af.generator->file));
    }

    void shippedFilesAreSmall()
    {
        std::uintmax_t total = 0;
        for (const auto& e : fs::directory_iterator(dir_))
            total += e.file_size();
        QVERIFY(total < 20u * 1024u * 1024u);
    }
};

QTEST_APPLESS_MAIN(TestDemoModels)
#include "test_demo_models.moc"
