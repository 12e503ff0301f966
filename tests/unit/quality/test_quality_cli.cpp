// `execg-cli explain --quality` as a user runs it on a synthetic hyperkalaemic record with the demo potassium model:
// every method's scorecard lands in summary.json with its verdicts, the localisation reads the record's own ground
// truth (the generator's JSON beside it) and finds the T-wave mass, the agreement matrix covers the methods; a
// ground-truth file that does not fit fails with a message naming it.
#include "CliRunner.h"
#include "JsonFile.h"
#include "Corpus.h"

#include <QFile>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>

namespace {

const QString kModel = QStringLiteral(EXECG_SOURCE_DIR "/resources/models/potassium.pt");

} // namespace

class QualityCliTest : public QObject {
    Q_OBJECT

    QString dir_;

private slots:
    void initTestCase()
    {
        dir_ = execg::test::scratchDir("quality-cli");
        QString text;
        QCOMPARE(execg::test::runCli({"synth", "--out", dir_ + "/rec", "--k", "7.5", "--seed", "3"}, &text), 0);
    }

    void scorecardsInTheSummary()
    {
        QString text;
        const QString out = dir_ + "/out";
        const int code = execg::test::runCli({"explain", "--model", kModel, "--threads", "2", "--method", "integrated-gradients",
                                              "--method", "saliency", "--quality", dir_ + "/rec/synth_0003_000.hea", "--out", out},
                                             &text);
        QVERIFY2(code == 0, qPrintable(text));
        QVERIFY2(text.contains("quality ("), qPrintable(text));
        const auto s = execg::test::readJson(out + "/summary.json");
        QVERIFY(s["quality"]["ground_truth"].get<std::string>().ends_with("synth_0003_000.json"));
        QCOMPARE(s["quality"]["label_waves"], nlohmann::json::array({"t"}));
        QCOMPARE(s["agreement"]["methods"], nlohmann::json::array({"integrated-gradients", "saliency"}));
        const auto& rho = s["agreement"]["rank_correlation"];
        QCOMPARE(rho[0][0].get<double>(), 1.0);
        QCOMPARE(rho[0][1].get<double>(), rho[1][0].get<double>());
        for (const auto& m : s["methods"]) {
            const auto& q = m["quality"];
            QVERIFY(q["verdicts"].size() == 4);   // faithfulness, randomisation, stability, localisation
            QCOMPARE(q["agreement"].get<double>(), rho[0][1].get<double>());
            QVERIFY(q["randomisation"]["steps"].size() >= 2);
            QCOMPARE(q["faithfulness"]["deletion"]["fraction"].size(), std::size_t(21));
            const auto& l = q["localisation"];
            QVERIFY(l["mass_share"].get<double>() > 1.5 * l["chance_share"].get<double>());
        }
        // Integrated gradients: measured 69 % in the T waves (20 % by chance) and faithful on deletion.
        const auto& ig = s["methods"][0]["quality"];
        QVERIFY(ig["localisation"]["mass_share"].get<double>() > 0.5);
        QVERIFY(ig["faithfulness"]["deletion_gain"].get<double>() > 0.1);
        QVERIFY(ig["randomisation"]["passed"].get<bool>());
    }

    void truthThatDoesNotFitFailsClearly()
    {
        QString text;
        const QString bad = dir_ + "/bad.json";
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"sampling_rate_hz": 250, "beats": []})");
        f.close();
        const QString rec = dir_ + "/rec/synth_0003_000.hea";
        QVERIFY(execg::test::runCli({"explain", "--model", kModel, "--method", "saliency", "--quality", "--truth", bad,
                                     rec, "--out", dir_ + "/bad-out"}, &text) != 0);
        QVERIFY2(text.contains("bad.json") && text.contains("500"), qPrintable(text));
        QVERIFY(execg::test::runCli({"explain", "--model", kModel, "--method", "saliency", "--truth", bad, rec, "--out",
                                     dir_ + "/bad-out"}, &text) != 0);
        QVERIFY2(text.contains("--truth needs --quality"), qPrintable(text));
        QVERIFY(!QFile::exists(dir_ + "/bad-out/summary.json"));
    }
};

QTEST_GUILESS_MAIN(QualityCliTest)
#include "test_quality_cli.moc"
