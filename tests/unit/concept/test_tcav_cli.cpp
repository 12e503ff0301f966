// `execg-cli tcav`: built-in concepts against the built-in normal pool over a folder of inputs, as JSON rows with the
// statistics; unknown concepts and too-small sets refused with the reason.
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
};

QTEST_MAIN(TestTcavCli)
#include "test_tcav_cli.moc"
