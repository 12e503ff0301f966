// `execg-cli explain --method cf-input|cf-parametric|cf-latent --cf-target`: the counterfactual written as .npy and as
// a WFDB record, its JSON entry, and the record reopened by `predict` giving the prediction the JSON states.
#include "CliRunner.h"
#include "Corpus.h"
#include "JsonFile.h"

#include "io/ReaderRegistry.h"
#include "io/npy/NpyArray.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <cmath>

namespace {
const QString kModel = QStringLiteral(EXECG_SOURCE_DIR "/resources/models/potassium.pt");
}

class TestCounterfactualCli : public QObject {
    Q_OBJECT
private slots:
    void writesTheCounterfactualAndItsResult()
    {
        const QString dir = execg::test::scratchDir(QStringLiteral("cf-cli-%1").arg(QCoreApplication::applicationPid()));
        QString text;
        QCOMPARE(execg::test::runCli({"synth", "--out", dir + "/rec", "--k", "4.0", "--seed", "8"}, &text), 0);
        const QString rec = dir + "/rec/synth_0008_000.hea";
        QCOMPARE(execg::test::runCli({"explain", "--model", kModel, "--threads", "2", "--method", "cf-input",
                                      "--cf-target", "6.5", rec, "--out", dir + "/out"}, &text), 0);
        const auto j = execg::test::readJson(dir + "/out/summary.json");
        const auto& m = j["methods"][0];
        QCOMPARE(QString::fromStdString(m["method"].get<std::string>()), QStringLiteral("cf-input"));
        QVERIFY(m["valid"].get<bool>());
        const double final = m["final_prediction"].get<double>();
        QVERIFY(final >= 6.5);
        QVERIFY(m["initial_prediction"].get<double>() < 5.0);
        QCOMPARE(QString::fromStdString(m["target"]["unit"].get<std::string>()), QStringLiteral("mmol/L"));
        QVERIFY(m["distances"]["mean_abs_mv"].get<double>() > 0.0);
        QCOMPARE(m["distances"]["max_abs_per_lead_mv"].size(), std::size_t(12));
        QVERIFY(m["deltas"].size() > 12 * 6);
        QVERIFY(m["trajectory"].size() == std::size_t(m["steps"].get<int>() + 1));
        // The .npy holds the changed recording on its own axis (12 leads × 5000 samples at 500 Hz).
        const auto npy = execg::npy::readNpyArray((dir + "/out/cf-input.npy").toStdString());
        QCOMPARE(npy.shape, (std::vector<std::uint64_t>{12, 5000}));
        // Reopened by `predict`, the WFDB record gives the prediction the JSON reports.
        QCOMPARE(execg::test::runCli({"predict", "--model", kModel, dir + "/out/cf-input.hea"}, &text), 0);
        QVERIFY2(text.contains(QStringLiteral("potassium: %1 mmol/L").arg(final, 0, 'f', 2)), qPrintable(text.left(400)));
        // Without --cf-target the command says what is missing.
        QVERIFY(execg::test::runCli({"explain", "--model", kModel, "--method", "cf-input", rec, "--out", dir + "/bad"}, &text) != 0);
        QVERIFY(text.contains(QStringLiteral("--cf-target")));
        // Its parameters are checked as an explainer's are: ranges and names.
        QVERIFY(execg::test::runCli({"explain", "--model", kModel, "--method", "cf-input:steps=0", "--cf-target", "6.5", rec,
                                     "--out", dir + "/bad"}, &text) != 0);
        QVERIFY2(text.contains(QStringLiteral("cf-input: parameter 'steps' is 0; allowed 1 to 100000")), qPrintable(text));
        QVERIFY(execg::test::runCli({"explain", "--model", kModel, "--method", "cf-input:stpes=10", "--cf-target", "6.5", rec,
                                     "--out", dir + "/bad"}, &text) != 0);
        QVERIFY2(text.contains(QStringLiteral("cf-input has no parameter 'stpes'")), qPrintable(text));
    }

    // The changed recording in any format the writer registry knows: SCP-ECG and EDF+ read back as the .npy holds it.
    void writesTheCounterfactualInEveryRecordingFormat()
    {
        const QString dir = execg::test::scratchDir(QStringLiteral("cf-cli-formats-%1").arg(QCoreApplication::applicationPid()));
        QString text;
        QCOMPARE(execg::test::runCli({"synth", "--out", dir + "/rec", "--k", "4.0", "--seed", "9"}, &text), 0);
        const QString rec = dir + "/rec/synth_0009_000.hea";
        for (const QString& format : {QStringLiteral("scp"), QStringLiteral("edf"), QStringLiteral("dicom")}) {
            QCOMPARE(execg::test::runCli({"explain", "--model", kModel, "--threads", "2", "--method", "cf-input:steps=3",
                                          "--cf-target", "6.5", "--cf-format", format, rec, "--out", dir + "/" + format}, &text), 0);
            const auto j = execg::test::readJson(dir + "/" + format + "/summary.json");
            const QString written = QString::fromStdString(j["methods"][0]["files"][format.toStdString()].get<std::string>());
            QVERIFY2(QFile::exists(written), qPrintable(written));
            const auto npy = execg::npy::readNpyArray((dir + "/" + format + "/cf-input.npy").toStdString());
            const auto back = execg::ReaderRegistry::instance().read(written.toStdString());
            const auto& g = back.groups[std::size_t(back.primaryGroupIndex())];
            QCOMPARE(g.leads.size(), std::size_t(npy.shape[0]));
            double worst = 0.0;   // the writers keep 1 µV or finer on this record
            for (std::size_t l = 0; l < g.leads.size(); ++l)
                for (std::size_t i = 0; i < g.leads[l].samples.size(); i += 7)
                    worst = std::max(worst, std::abs(double(g.leads[l].samples[i]) - npy.values[l * std::size_t(npy.shape[1]) + i]));
            QVERIFY2(worst < 0.01, qPrintable(QStringLiteral("%1: %2 mV").arg(format).arg(worst)));
        }
        QVERIFY(execg::test::runCli({"explain", "--model", kModel, "--method", "cf-input", "--cf-target", "6.5", "--cf-format",
                                     "png", rec, "--out", dir + "/bad"}, &text) != 0);
        QVERIFY2(text.contains(QStringLiteral("--cf-format is wfdb, dicom")), qPrintable(text));
    }

    // The other two generators from the same command: cf-parametric says what moved in words, cf-latent uses the
    // card's generator — and says why it cannot where the card names none.
    void runsTheParametricAndLatentGenerators()
    {
        const QString dir = execg::test::scratchDir(QStringLiteral("cf-cli-more-%1").arg(QCoreApplication::applicationPid()));
        QString text;
        QCOMPARE(execg::test::runCli({"synth", "--out", dir + "/rec", "--k", "4.0", "--seed", "9"}, &text), 0);
        const QString rec = dir + "/rec/synth_0009_000.hea";
        QCOMPARE(execg::test::runCli({"explain", "--model", kModel, "--threads", "2", "--method", "cf-parametric", "--method",
                                      "cf-latent:steps=200", "--cf-target", "6.5", rec, "--out", dir + "/out"}, &text), 0);
        const auto j = execg::test::readJson(dir + "/out/summary.json");
        const auto& parametric = j["methods"][0];
        QCOMPARE(QString::fromStdString(parametric["method"].get<std::string>()), QStringLiteral("cf-parametric"));
        QVERIFY(parametric["valid"].get<bool>());
        QVERIFY(!parametric["parameter_changes"].empty());
        const auto first = QString::fromStdString(parametric["parameter_changes"][0]["text"].get<std::string>());
        QVERIFY2(text.contains(first), qPrintable(text));   // printed as well as written
        const auto& latent = j["methods"][1];
        QCOMPARE(QString::fromStdString(latent["parameters"]["steps"].get<std::string>()), QStringLiteral("200"));
        QVERIFY(latent["valid"].get<bool>());
        QVERIFY(QFile::exists(dir + "/out/cf-latent.hea"));
        QCOMPARE(execg::test::runCli({"predict", "--model", kModel, dir + "/out/cf-parametric.hea"}, &text), 0);
        QVERIFY2(text.contains(QStringLiteral("potassium: %1 mmol/L").arg(parametric["final_prediction"].get<double>(), 0, 'f', 2)),
                 qPrintable(text.left(400)));

        // A copy of the model whose card names no generator: cf-latent is refused with the reason, the others run.
        QDir().mkpath(dir + "/bare");
        QVERIFY(QFile::copy(kModel, dir + "/bare/potassium.pt"));
        auto card = execg::test::readJson(QStringLiteral(EXECG_SOURCE_DIR "/resources/models/potassium.card.json"));
        card.erase("generator");
        QFile out(dir + "/bare/potassium.card.json");
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray::fromStdString(card.dump(2)));
        out.close();
        QVERIFY(execg::test::runCli({"explain", "--model", dir + "/bare/potassium.pt", "--method", "cf-latent", "--cf-target",
                                     "6.5", rec, "--out", dir + "/bare-out"}, &text) != 0);
        QVERIFY2(text.contains(QStringLiteral("names no generator")), qPrintable(text));
    }
};

QTEST_MAIN(TestCounterfactualCli)
#include "test_counterfactual_cli.moc"
