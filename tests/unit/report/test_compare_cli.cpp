// `execg-cli compare` (issue 27's model against model): the potassium and AF demo models on the demo case give a
// JSON whose difference table is, cell by cell, the second model's lead × wave table minus the first's, with the
// reading in words, and a PDF of the comparison page and each model's chart; a model file that is not there is an
// error naming it.
#include "CliRunner.h"
#include "Corpus.h"
#include "JsonFile.h"
#include "PdfText.h"

#include <QtTest>

#include <cmath>

using execg::test::pdfText;

class CompareCliTest : public QObject {
    Q_OBJECT

private slots:
    void potassiumAgainstAf()
    {
        const QString dir = execg::test::scratchDir("compare-cli");
        const QString models = QStringLiteral(EXECG_SOURCE_DIR "/resources/models/");
        QString text;
        const int code = execg::test::runCli({"compare", "--model", models + "potassium.pt", "--model", models + "af.pt", "--threads", "2",
                                              QStringLiteral(EXECG_SOURCE_DIR "/resources/demo/demo_hyperkalaemia.hea"), "--out", dir},
                                             &text);
        QVERIFY2(code == 0, qPrintable(text));
        const auto j = execg::test::readJson(dir + "/demo_hyperkalaemia-comparison.json");
        QCOMPARE(j["models"].size(), std::size_t(2));
        const auto& a = j["models"][0]["lead_wave_share"];
        const auto& b = j["models"][1]["lead_wave_share"];
        const auto& d = j["differences"][0]["lead_wave_difference"];
        int cells = 0;
        for (const auto& [lead, row] : d.items())
            for (const auto& [wave, value] : row.items()) {
                QVERIFY(std::abs(value.get<double>() - (b[lead][wave].get<double>() - a[lead][wave].get<double>())) < 2e-6);
                ++cells;
            }
        QCOMPARE(cells, 12 * 6);
        const std::string reading = j["differences"][0]["reading"].get<std::string>();
        QVERIFY2(reading.find("ExECG demo: atrial fibrillation") != std::string::npos &&
                     reading.find("ExECG demo: serum potassium") != std::string::npos,
                 reading.c_str());
        const QString pdf = pdfText(dir + "/demo_hyperkalaemia-comparison.pdf");
        QVERIFY2(pdf.contains(QStringLiteral("Model against model")) && pdf.contains(QStringLiteral("minus")), qPrintable(pdf));
        QVERIFY(pdf.contains(QStringLiteral("ExECG demo: atrial fibrillation")));

        QCOMPARE(execg::test::runCli({"compare", "--model", models + "potassium.pt", "--model", dir + "/missing.pt",
                                      QStringLiteral(EXECG_SOURCE_DIR "/resources/demo/demo_hyperkalaemia.hea"), "--out", dir},
                                     &text),
                 1);
        QVERIFY2(text.contains(QStringLiteral("missing")), qPrintable(text));
        QCOMPARE(execg::test::runCli({"compare", "--model", models + "potassium.pt", "--out", dir, "x.hea"}, &text), 2);
    }
};

QTEST_GUILESS_MAIN(CompareCliTest)
#include "test_compare_cli.moc"
