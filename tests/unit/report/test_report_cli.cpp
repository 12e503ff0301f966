// `execg-cli report` in a batch as a user runs it: a folder with two synthetic records and one broken file gives two
// PDF reports with their JSON and PNG, a summary, progress on stderr naming the broken file, and exit code 1; every
// report has its pages and its facts as text; --quality adds the scorecard page, using the synthetic record's own
// ground truth. A bad option is a usage error (exit code 2).
#include "CliRunner.h"
#include "Corpus.h"
#include "JsonFile.h"
#include "PdfText.h"

#include "audit/AuditLog.h"
#include "model/Sha256.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QtTest>

#include <algorithm>

using execg::test::pdfText;

namespace {

const QString kModel = QStringLiteral(EXECG_SOURCE_DIR "/resources/models/potassium.pt");

} // namespace

class ReportCliTest : public QObject {
    Q_OBJECT

private slots:
    void batchWithABrokenFile()
    {
        const QString dir = execg::test::scratchDir("report-cli");
        QString text;
        QCOMPARE(execg::test::runCli({"synth", "--out", dir + "/in", "--k", "7.5", "--seed", "3", "--count", "2"}, &text), 0);
        QFile broken(dir + "/in/broken.hea");
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("this is not a WFDB header\n");
        broken.close();
        // This test's own audit log: each report must cite its analysis's entry in it.
        const QByteArray sharedLog = qgetenv("EXECG_AUDIT_LOG");
        qputenv("EXECG_AUDIT_LOG", (dir + "/audit.sqlite").toUtf8());

        const int code = execg::test::runCli({"report", "--model", kModel, "--threads", "2", "--method", "saliency", "--method",
                                              "integrated-gradients", "--png", "--svg", "--deidentify", dir + "/in", "--out", dir + "/out"},
                                             &text);
        qputenv("EXECG_AUDIT_LOG", sharedLog);
        QCOMPARE(code, 1);
        QVERIFY2(text.contains("[1/3]") && text.contains("[3/3]"), qPrintable(text));
        const auto audit = execg::AuditLog((dir + "/audit.sqlite").toStdString()).entries();
        QCOMPARE(audit.size(), std::size_t(2));   // the broken file made no analysis
        QVERIFY2(text.contains(QRegularExpression("broken.hea \\.\\.\\. failed: .*broken.hea")), qPrintable(text));
        QVERIFY2(text.contains("2 of 3 reports written"), qPrintable(text));

        const auto summary = execg::test::readJson(dir + "/out/report-summary.json");
        QCOMPARE(summary["reports"].get<int>(), 2);
        QCOMPARE(summary["failed"].get<int>(), 1);
        QVERIFY(summary["records_per_minute"].get<double>() > 0.0);
        for (const char* stem : {"synth_0003_000", "synth_0003_001"}) {
            const QString base = dir + "/out/" + stem;
            const auto j = execg::test::readJson(base + ".json");
            QCOMPARE(j["methods"].size(), std::size_t(2));
            QVERIFY(j["methods"][1]["summary"]["headline"].get<std::string>().find("T waves") != std::string::npos);
            QVERIFY(!QImage(base + ".png").isNull());
            QFile svg(base + ".svg");
            QVERIFY(svg.open(QIODevice::ReadOnly));
            const QByteArray vectors = svg.readAll();
            QVERIFY(vectors.contains("<svg") && vectors.contains("width=\"297mm\"") && vectors.contains("de-identified"));
            const QString t = pdfText(base + ".pdf");
            // Summary, chart, one comparison sheet, appendix.
            QVERIFY2(t.contains("page 4 of 4"), qPrintable(t));
            QVERIFY(t.contains("de-identified"));
            QVERIFY(t.contains("mmol/L"));
            QVERIFY(t.contains("integrated-gradients"));
            QVERIFY(t.contains("LibTorch"));
            QVERIFY(t.contains("DCMTK"));
            // The appendix cites the entry that recorded this report's results document.
            const std::string jsonSha = execg::sha256OfFile((base + ".json").toStdString());
            const auto cited = std::find_if(audit.begin(), audit.end(), [&](const auto& e) { return e.resultsSha256 == jsonSha; });
            QVERIFY2(cited != audit.end(), stem);
            QVERIFY2(t.contains("Audit trail"), qPrintable(t));
            QVERIFY2(t.contains(QStringLiteral("%1 of %2/audit.sqlite").arg(cited->seq).arg(dir)), qPrintable(t));
            QVERIFY2(t.contains(QString::fromStdString(cited->hash.substr(0, 32))), qPrintable(t));
        }

        // Switched off: the appendix says the analysis is not in the trail, and why.
        qputenv("EXECG_AUDIT", "off");
        const int off = execg::test::runCli({"report", "--model", kModel, "--threads", "2", "--method", "saliency",
                                             dir + "/in/synth_0003_000.hea", "--out", dir + "/off"}, &text);
        qunsetenv("EXECG_AUDIT");
        QCOMPARE(off, 0);
        const QString t = pdfText(dir + "/off/synth_0003_000.pdf");
        QVERIFY2(t.contains("not in the audit log: the audit log is switched off"), qPrintable(t));
        QVERIFY2(t.contains("display smoothing 40 ms") && t.contains("drawn smoothed over 40 ms"), qPrintable(t));   // the default

        // Drawn per wave: the colour bar and the appendix say so; the results (the evidence summary) are the same.
        QCOMPARE(execg::test::runCli({"report", "--model", kModel, "--threads", "2", "--method", "saliency", "--map-view", "waves",
                                      dir + "/in/synth_0003_000.hea", "--out", dir + "/waves"}, &text),
                 0);
        const QString w = pdfText(dir + "/waves/synth_0003_000.pdf");
        QVERIFY2(w.contains("% of the evidence per wave") && w.contains("drawn per wave"), qPrintable(w));
        QVERIFY(!w.contains("display smoothing"));
        QCOMPARE(execg::test::readJson(dir + "/waves/synth_0003_000.json")["methods"][0]["summary"],
                 execg::test::readJson(dir + "/off/synth_0003_000.json")["methods"][0]["summary"]);
        QCOMPARE(execg::test::runCli({"report", "--model", kModel, "--smooth", "-5", dir + "/in", "--out", dir + "/bad"}, &text), 2);
        QVERIFY2(text.contains("--smooth -5: give a width in milliseconds from 0 to 1000"), qPrintable(text));
        QCOMPARE(execg::test::runCli({"report", "--model", kModel, "--map-view", "beats", dir + "/in", "--out", dir + "/bad"}, &text), 2);
    }

    void qualityPage()
    {
        const QString dir = execg::test::scratchDir("report-cli-quality");
        QString text;
        QCOMPARE(execg::test::runCli({"synth", "--out", dir + "/in", "--k", "7.5", "--seed", "4"}, &text), 0);
        const int code = execg::test::runCli({"report", "--model", kModel, "--threads", "2", "--method", "integrated-gradients",
                                              "--quality", dir + "/in/synth_0004_000.hea", "--out", dir + "/out"},
                                             &text);
        QVERIFY2(code == 0, qPrintable(text));
        const auto j = execg::test::readJson(dir + "/out/synth_0004_000.json");
        const auto& q = j["methods"][0]["quality"];
        QVERIFY(q["localisation"]["mass_share"].get<double>() > 0.5);   // the ground truth beside the record was used
        QVERIFY(q["randomisation"]["passed"].get<bool>());
        const QString t = pdfText(dir + "/out/synth_0004_000.pdf");
        // Summary, chart, one comparison sheet, the quality page, appendix.
        QVERIFY2(t.contains("page 5 of 5"), qPrintable(t));
        QVERIFY(t.contains("Explanation quality"));
        QVERIFY(t.contains("in the label's waves"));
        QVERIFY(t.contains("passed"));
    }

    void badOptionIsAUsageError()
    {
        QString text;
        QCOMPARE(execg::test::runCli({"report", "--model", kModel, "--layout", "4x3", "x.hea", "--out", "/tmp/never"}, &text), 2);
        QVERIFY2(text.contains("--layout 4x3 is not one of 3x4, 3x4+1, 3x4+3, 6x2, 12x1"), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(ReportCliTest)
#include "test_report_cli.moc"
