// `execg-cli tcav`: built-in concepts against the built-in normal pool over a folder of inputs, as JSON rows with the
// statistics; unknown concepts and too-small sets refused with the reason; a layer without a time axis (the real AF
// model's rhythm branch) tested like any other, and a significant score below random called "against" the target.
#include "CliRunner.h"
#include "Corpus.h"
#include "JsonFile.h"

#include <QDir>
#include <QTest>

namespace {
const QString kModel = QStringLiteral(EXECG_SOURCE_DIR "/resources/models/potassium.pt");
}

class TestTcavCli : public QObject {
    Q_OBJECT
private slots:
    void testsConceptsAndWritesTheRows()
    {
        const QString dir = execg::test::scratchDir(QStringLiteral("tcav-cli-%1").arg(QCoreApplication::applicationPid()));
        QString text;
        QCOMPARE(execg::test::runCli({"synth", "--out", dir + "/in", "--k", "6.0", "--count", "12", "--seed", "40", "--fs", "250"}, &text), 0);
        QCOMPARE(execg::test::runCli({"tcav", "--model", kModel, "--threads", "2", "--concept", "peaked-t", "--concept", "random",
                                      "--layer", "layer3", "--inputs", dir + "/in", "--examples", "20", "--runs", "20",
                                      "--seed", "4", "--out", dir + "/tcav.json"}, &text), 0);
        QVERIFY2(text.contains(QStringLiteral("SIGNIFICANT")), qPrintable(text));
        const auto j = execg::test::readJson(dir + "/tcav.json");
        QCOMPARE(j["rows"].size(), std::size_t(2));
        QCOMPARE(j["inputs"].get<int>(), 12);
        QCOMPARE(j["runs"].get<int>(), 20);
        const auto& peaked = j["rows"][0];
        QCOMPARE(QString::fromStdString(peaked["concept"].get<std::string>()), QStringLiteral("peaked-t"));
        QCOMPARE(QString::fromStdString(peaked["layer"].get<std::string>()), QStringLiteral("layer3"));
        for (const char* key : {"score", "magnitude", "ci", "p", "p_corrected", "significant", "cav_accuracy", "verdict"})
            QVERIFY2(peaked.contains(key), key);
        QVERIFY(peaked["significant"].get<bool>());
        QVERIFY(peaked["p_corrected"].get<double>() >= peaked["p"].get<double>());
        QVERIFY(!j["rows"][1]["significant"].get<bool>());   // the random control
        QCOMPARE(j["activations"]["computed"].get<int>(), 3);

        QVERIFY(execg::test::runCli({"tcav", "--model", kModel, "--concept", "peaky", "--inputs", dir + "/in"}, &text) != 0);
        QVERIFY2(text.contains(QStringLiteral("concept 'peaky' is neither a built-in concept")), qPrintable(text));
        QDir().mkpath(dir + "/few");
        QVERIFY(QFile::copy(dir + "/in/synth_0040_000.hea", dir + "/few/a.hea"));
        QVERIFY(QFile::copy(dir + "/in/synth_0040_000.dat", dir + "/few/synth_0040_000.dat"));
        QVERIFY(execg::test::runCli({"tcav", "--model", kModel, "--concept", dir + "/few", "--inputs", dir + "/in",
                                     "--runs", "2"}, &text) != 0);
        QVERIFY2(text.contains(QStringLiteral("has 1 usable ECGs")), qPrintable(text));
    }

    // af-cinc2017's layer7 pushes AF *down* along irregular RR (docs/demo-models.md): a significant score of 0,
    // which the table must not print as plain "SIGNIFICANT". Its rhythm branch is [batch, features], no time axis.
    void realAfModelRhythmBranchAndAScoreAgainst()
    {
        const QString dir = execg::test::scratchDir(QStringLiteral("tcav-af-%1").arg(QCoreApplication::applicationPid()));
        QString text;
        QCOMPARE(execg::test::runCli({"synth", "--out", dir + "/in", "--rhythm", "af", "--count", "10", "--seed", "50", "--fs", "300",
                                      "--seconds", "15"}, &text), 0);
        QCOMPARE(execg::test::runCli({"tcav", "--model", EXECG_SOURCE_DIR "/resources/models/af-cinc2017.pt", "--threads", "2",
                                      "--concept", "irregular-rr", "--layer", "rhythm", "--layer", "layer7", "--target",
                                      "atrial fibrillation", "--inputs", dir + "/in", "--examples", "20", "--runs", "10",
                                      "--seed", "4", "--out", dir + "/tcav.json"}, &text), 0);
        const auto j = execg::test::readJson(dir + "/tcav.json");
        QCOMPARE(j["rows"].size(), std::size_t(2));
        const auto& rhythm = j["rows"][0];
        QCOMPARE(QString::fromStdString(rhythm["layer"].get<std::string>()), QStringLiteral("rhythm"));
        QVERIFY(rhythm["cav_accuracy"].get<double>() >= 0.9);   // the branch tells irregular RR from sinus ECGs
        QVERIFY(rhythm["score"].get<double>() > rhythm["random_score"].get<double>());
        const auto& layer7 = j["rows"][1];
        QVERIFY(layer7["significant"].get<bool>());
        QVERIFY(layer7["score"].get<double>() < layer7["random_score"].get<double>());
        QVERIFY2(QString::fromStdString(layer7["verdict"].get<std::string>()).contains(QStringLiteral("falls")),
                 layer7["verdict"].get<std::string>().c_str());
        QVERIFY2(text.contains(QStringLiteral("SIGNIFICANT, AGAINST")), qPrintable(text));
        // No --concept: the card's concept_defaults, the rhythm's concepts.
        QCOMPARE(execg::test::runCli({"tcav", "--model", EXECG_SOURCE_DIR "/resources/models/af-cinc2017.pt", "--threads", "2",
                                      "--layer", "rhythm", "--inputs", dir + "/in", "--examples", "10", "--runs", "2",
                                      "--out", dir + "/defaults.json"}, &text), 0);
        QStringList tested;
        const auto defaults = execg::test::readJson(dir + "/defaults.json");
        for (const auto& row : defaults["rows"])
            tested << QString::fromStdString(row["concept"].get<std::string>());
        QCOMPARE(tested, (QStringList{"af", "irregular-rr", "no-p-wave", "random"}));
    }
};

QTEST_MAIN(TestTcavCli)
#include "test_tcav_cli.moc"
