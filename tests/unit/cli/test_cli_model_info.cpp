// A model without a card, as a researcher brings one (issue 25): `execg-cli model-info M.pt` finds the input it
// takes, every submodule's output and what can use it, and prints a card to start from that the card parser
// accepts; `--layer NAME` lets explain run Grad-CAM on the bare model, with the no-card warning in its results; a
// model with a card refuses --layer (its layers are in the card); a file that is not TorchScript says what it is.
#include "CliRunner.h"
#include "Corpus.h"
#include "JsonFile.h"

#include "model/ModelCard.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
const QString kModels = QStringLiteral(EXECG_SOURCE_DIR "/tests/models/");
const QString kWfdb = QStringLiteral(EXECG_SOURCE_DIR "/resources/demo/demo_hyperkalaemia.hea");

QJsonObject submodule(const QJsonObject& info, const QString& name)
{
    for (const auto& s : info["submodules"].toArray())
        if (s.toObject()["name"].toString() == name)
            return s.toObject();
    return {};
}
} // namespace

class TestCliModelInfo : public QObject {
    Q_OBJECT
private slots:
    void describesABareModel()
    {
        QString out;
        QCOMPARE(execg::test::runCli({"model-info", kModels + "pair_resnet.pt", "--json"}, &out), 0);
        const auto info = QJsonDocument::fromJson(out.toUtf8()).object();
        QVERIFY2(!info.isEmpty(), qPrintable(out));
        QCOMPARE(info["input"].toObject()["leads"].toArray().size(), 3);       // its first convolution takes 3 channels
        QCOMPARE(info["input"].toObject()["samples"].toInt(), 1000);           // the first common length it accepts
        QCOMPARE(info["output_shape"].toArray(), (QJsonArray{1, 2}));
        const auto block = submodule(info, "res_blocks.2");
        QCOMPARE(block["output_shape"].toArray(), (QJsonArray{1, 32, 50}));
        QVERIFY(block["gradcam"].toBool() && block["tcav"].toBool());
        QVERIFY(block["note"].toString().contains("returns 2 values"));
        // The block's ReLU serves twice: refused with the reason; the container has no output of its own.
        QVERIFY(submodule(info, "res_blocks.1.relu")["problem"].toString().contains("called 2 times"));
        QVERIFY(submodule(info, "res_blocks")["problem"].toString().contains("a container (ModuleList)"));
        QVERIFY(!submodule(info, "lin")["gradcam"].toBool());
        // The skeleton is a valid card naming the deepest feature map.
        const auto skeleton = QJsonDocument(info["card_skeleton"].toObject()).toJson().toStdString();
        const auto card = execg::parseModelCard(skeleton, "skeleton");
        QCOMPARE(card.layers.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(card.layers[0].name), QString("res_blocks.2"));
        QCOMPARE(card.outputs.size(), std::size_t(2));
    }

    void samplesFirstIsFound()
    {
        QString out;
        QCOMPARE(execg::test::runCli({"model-info", kModels + "samples_first.pt", "--json"}, &out), 0);
        const auto info = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(info["input"].toObject()["layout"].toString(), QString("samples-first"));
        // Pooled before its head, it takes any length: the first common one tried is 5,000 samples.
        QCOMPARE(submodule(info, "inner.body")["output_shape"].toArray(), (QJsonArray{1, 16, 5000}));
    }

    void explainsABareModelAtANamedLayer()
    {
        const QString dir = execg::test::scratchDir("cli-bare-model");
        QString out;
        const int rc = execg::test::runCli({"explain", "--model", kModels + "top_skip.pt", "--input-fs", "250", "--input-samples",
                                            "1000", "--input-leads", "I,II,V1", "--layer", "body", "--method", "grad-cam",
                                            "--method", "guided-grad-cam", kWfdb, "--out", dir}, &out);
        QVERIFY2(rc == 0, qPrintable(out));
        const auto text = execg::test::readJson(dir + "/summary.json").dump();
        QVERIFY2(text.find("no model card beside") != std::string::npos, text.c_str());
        QVERIFY(QFile::exists(dir + "/grad-cam.npy") && QFile::exists(dir + "/guided-grad-cam.npy"));
        // Another submodule by name, without --layer: a bare model's layers are the user's choice.
        QCOMPARE(execg::test::runCli({"explain", "--model", kModels + "top_skip.pt", "--input-fs", "250", "--input-samples",
                                      "1000", "--input-leads", "I,II,V1", "--method", "grad-cam:layer=body.2", kWfdb,
                                      "--out", dir + "/b"}, &out), 0);
        // A layer the model cannot give is refused with the reason.
        execg::test::runCli({"explain", "--model", kModels + "pair_resnet.pt", "--input-fs", "250", "--input-samples",
                             "1000", "--input-leads", "I,II,V1", "--method", "grad-cam:layer=res_blocks.0.relu", kWfdb,
                             "--out", dir + "/c"}, &out);
        QVERIFY2(out.contains("'res_blocks.0.relu' is called 2 times in forward()"), qPrintable(out));
    }

    void aCardedModelRefusesLayer()
    {
        QString out;
        const QString af = QStringLiteral(EXECG_SOURCE_DIR "/resources/models/af.pt");
        QCOMPARE(execg::test::runCli({"predict", "--model", af, "--layer", "layer3", kWfdb}, &out), 2);
        QVERIFY2(out.contains("its layers are listed there"), qPrintable(out));
    }

    void foreignFilesSayWhatTheyAre()
    {
        QString out;
        QCOMPARE(execg::test::runCli({"model-info", kModels + "foreign/state_dict.pt"}, &out), 1);
        QVERIFY2(out.contains("a state_dict — the weights only"), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestCliModelInfo)
#include "test_cli_model_info.moc"
