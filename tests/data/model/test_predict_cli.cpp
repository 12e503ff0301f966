// `execg-cli predict` as a user runs it: a bare .pt described by flags, the same model with a card, the real
// 12-lead records of the corpus at 100 and 1000 Hz with the warnings a reader must see, and files that fail.
#include "CaptumReference.h"
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>

namespace {

QString demoModel(const char* name) { return QStringLiteral(EXECG_SOURCE_DIR) + "/resources/models/" + name + ".pt"; }

QString referenceModel() { return execg::test::captumDir() + "/model.pt"; }
QString referenceInput() { return execg::test::captumDir() + "/input.npy"; }

nlohmann::json runJson(const QStringList& args, int expectedCode = 0)
{
    QProcess process;
    process.start(QStringLiteral(EXECG_CLI_PATH), args);
    process.waitForFinished(120000);
    const auto out = process.readAllStandardOutput().toStdString();
    if (process.exitCode() != expectedCode)
        qWarning("exit %d: %s %s", process.exitCode(), out.c_str(), process.readAllStandardError().constData());
    return out.empty() ? nlohmann::json() : nlohmann::json::parse(out);
}

bool anyContains(const nlohmann::json& list, const std::string& text)
{
    for (const auto& w : list)
        if (w.get<std::string>().find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

class PredictCliTest : public QObject {
    Q_OBJECT

private slots:
    // The shipped demo models on the corpus's real 12-lead records (PTB-XL 100 Hz, PTB 1000 Hz, Mortara DICOM
    // 1000 Hz): every result carries the demo notice and the resampling warning; the three records are in sinus
    // rhythm (RR irregularity 0.026, 0.014, 0.018 by `execg-cli measure`), which the AF model must not call AF.
    void demoModelsOnRealRecords()
    {
        EXECG_REQUIRE_CORPUS_FILE("ecg-image-kit/00001_lr.hea");
        const QString c = execg::test::corpusDir();
        const QStringList records{c + "/ecg-image-kit/00001_lr.hea", c + "/wfdb-python/sample-data/s0010_re.hea",
                                  c + "/pydicom/waveform_ecg.dcm"};
        const auto af = runJson(QStringList{"predict", "--model", demoModel("af"), "--json", "--threads", "1"} + records);
        QCOMPARE(af["model"]["notice"].get<std::string>(), std::string("Demo model trained on synthetic ECGs — not for clinical use"));
        QCOMPARE(af["results"].size(), std::size_t(3));
        for (const auto& r : af["results"]) {
            QCOMPARE(r["notice"].get<std::string>(), std::string("Demo model trained on synthetic ECGs — not for clinical use"));
            QVERIFY(anyContains(r["warnings"], "resampled from"));
            const double p = r["outputs"][0]["value"].get<double>();
            QCOMPARE(r["outputs"][0]["label"].get<std::string>(), std::string("atrial fibrillation"));
            QVERIFY2(p >= 0.0 && p < 0.5, qPrintable(QString::fromStdString(r["file"].get<std::string>()) + ": " + QString::number(p)));
        }
        const auto k = runJson(QStringList{"predict", "--model", demoModel("potassium"), "--json", "--threads", "1"} + records);
        for (const auto& r : k["results"]) {
            QCOMPARE(r["outputs"][0]["unit"].get<std::string>(), std::string("mmol/L"));
            const double v = r["outputs"][0]["value"].get<double>();
            QVERIFY2(v > 1.5 && v < 9.5, qPrintable(QString::number(v)));   // inside what the model was trained on
            QVERIFY(r.contains("notice"));
        }
    }

    void bareModelRunsFromFlagsWithAWarning()
    {
        EXECG_REQUIRE_CAPTUM();
        const auto j = runJson({"predict", "--model", referenceModel(), "--input-fs", "250", "--input-samples", "2500",
                                "--fs", "250", "--threads", "1", "--json", referenceInput()});
        QCOMPARE(j["model"]["sha256"].get<std::string>(), std::string("c03ae87fe0a91403a67ee27853b1ebc24364d95eca3b37d032ce943b1546a9f6"));
        const auto& r = j["results"][0];
        QVERIFY(std::abs(r["outputs"][0]["value"].get<double>() - -4.7031) < 1e-3);
        QVERIFY(std::abs(r["outputs"][1]["value"].get<double>() - 5.7046) < 1e-3);
        QCOMPARE(r["outputs"][1]["label"].get<std::string>(), std::string("output 2"));
        QCOMPARE(r["outputs"][1]["kind"].get<std::string>(), std::string("score"));
        QVERIFY(anyContains(r["warnings"], "no model card beside"));
        QVERIFY(!r.contains("notice"));   // not a demo model
        QCOMPARE(j["timing"]["threads"].get<int>(), 1);
        QVERIFY(j["timing"]["per_recording_ms"].get<double>() > 0.0);
    }

    void bareModelWithoutFlagsIsAUsageError()
    {
        EXECG_REQUIRE_CAPTUM();
        QString out;
        QCOMPARE(execg::test::runCli({"predict", "--model", referenceModel(), referenceInput()}, &out), 2);
        QVERIFY2(out.contains("no model card beside") && out.contains("--input-fs HZ --input-samples N"), qPrintable(out));
    }

    void cardGivesLabelsAndProbabilities()
    {
        EXECG_REQUIRE_CAPTUM();
        const QString model = execg::test::captumModelWithCard(execg::test::scratchDir("predict-cli"));
        const auto j = runJson({"predict", "--model", model, "--fs", "250", "--json", referenceInput()});
        const auto& o = j["results"][0]["outputs"];
        QCOMPARE(o[1]["label"].get<std::string>(), std::string("anterior ST elevation"));
        QCOMPARE(o[1]["kind"].get<std::string>(), std::string("probability"));
        // softmax(-4.7031, 5.7046)[1] = 1 / (1 + e^-(5.7046 + 4.7031))
        QVERIFY(std::abs(o[1]["value"].get<double>() - 1.0 / (1.0 + std::exp(-10.4077))) < 1e-4);
        QVERIFY(std::abs(o[0]["value"].get<double>() + o[1]["value"].get<double>() - 1.0) < 1e-9);
        QString out;
        QCOMPARE(execg::test::runCli({"predict", "--model", model, "--input-fs", "250", "--input-samples", "2500", referenceInput()}, &out), 2);
        QVERIFY2(out.contains("has a card"), qPrintable(out));
    }

    void realRecordsCarryTheirWarnings()
    {
        EXECG_REQUIRE_CAPTUM();
        EXECG_REQUIRE_CORPUS_FILE("ecg-image-kit/00001_lr.hea");
        const QString model = execg::test::captumModelWithCard(execg::test::scratchDir("predict-cli"));
        const QString c = execg::test::corpusDir();
        const auto j = runJson({"predict", "--model", model, "--json", c + "/ecg-image-kit/00001_lr.hea",
                                c + "/wfdb-python/sample-data/s0010_re.hea", c + "/pydicom/waveform_ecg.dcm",
                                c + "/no-such-record.hea"}, 1);
        const auto& r = j["results"];
        QCOMPARE(r.size(), std::size_t(4));
        QVERIFY(anyContains(r[0]["warnings"], "resampled from 100 Hz to the model's 250 Hz"));   // PTB-XL
        QVERIFY(anyContains(r[1]["warnings"], "resampled from 1000 Hz to the model's 250 Hz"));  // PTB
        QVERIFY(anyContains(r[1]["warnings"], "the model sees 10.00 s from 0.00 s of the 38.40 s recording"));
        QVERIFY(anyContains(r[2]["warnings"], "resampled from 1000 Hz"));                        // DICOM, Mortara
        for (int k = 0; k < 3; ++k) {
            const double p = r[k]["outputs"][1]["value"].get<double>();
            QVERIFY(p >= 0.0 && p <= 1.0);
            QCOMPARE(r[k]["window_end_s"].get<double>(), 10.0);
        }
        QVERIFY(r[3]["error"].get<std::string>().find("no-such-record.hea") != std::string::npos);
        QVERIFY(!r[3].contains("outputs"));
        // A later window, chosen by the user.
        const auto later = runJson({"predict", "--model", model, "--json", "--start", "20",
                                    c + "/wfdb-python/sample-data/s0010_re.hea"});
        QCOMPARE(later["results"][0]["window_start_s"].get<double>(), 20.0);
        QCOMPARE(later["results"][0]["window_end_s"].get<double>(), 30.0);
    }
};

QTEST_GUILESS_MAIN(PredictCliTest)
#include "test_predict_cli.moc"
