// Issue 26's acceptance on synthetic cohorts with known potassium, through the real execg-cli: 1,000 ECGs with K⁺
// drawn from 2.5–8.5 mmol/L, the potassium demo model, integrated gradients, Grad-CAM and occlusion, reported by
// K⁺ band: IG puts a larger share of its evidence in the T waves of the hyperkalaemic band (≥ 6.0) than of the
// normal band (3.5–5.0), and the report says where the evidence lies in each band; 40 ECGs at K⁺ 4.0 with
// counterfactuals to 6.5: T amplitude in V2–V4 rises in ≥ 90 % and the paired test is significant after Holm.
#include "CliRunner.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <fstream>

namespace {

const QString kModel = QStringLiteral(EXECG_SOURCE_DIR "/resources/models/potassium.pt");

nlohmann::json readJson(const QString& path)
{
    std::ifstream in(path.toStdString());
    return nlohmann::json::parse(in);
}

const nlohmann::json& groupNamed(const nlohmann::json& report, const std::string& name)
{
    for (const auto& g : report["groups"])
        if (g["name"] == name)
            return g;
    throw std::runtime_error("no group " + name);
}

const nlohmann::json& methodNamed(const nlohmann::json& group, const std::string& name)
{
    for (const auto& m : group["methods"])
        if (m["method"] == name)
            return m;
    throw std::runtime_error("no method " + name);
}

} // namespace

class TestCohortPotassium : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void evidenceByPotassiumBand()
    {
        QString out;
        const QString cohort = dir_.filePath(QStringLiteral("k"));
        QCOMPARE(execg::test::runCli({"synth", "--out", cohort, "--k-range", "2.5:8.5", "--count", "1000", "--seed", "1000"}, &out), 0);
        QCOMPARE(execg::test::runCli({"cohort", "run", "--model", kModel, "--db", dir_.filePath(QStringLiteral("k.sqlite")),
                                      "--manifest", cohort + "/synth_1000.csv", "--method", "integrated-gradients", "--method",
                                      "grad-cam", "--method", "occlusion", "--threads", "2"},
                                     &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("1000 analysed, 0 failed")), qPrintable(out));
        const QString reportDir = dir_.filePath(QStringLiteral("report"));
        QCOMPARE(execg::test::runCli({"cohort", "report", "--db", dir_.filePath(QStringLiteral("k.sqlite")), "--out", reportDir,
                                      "--by", "k", "--bins", "3.5,5.0,6.0", "--tcav", "peaked-t", "--tcav-layer", "layer2",
                                      "--tcav-runs", "6", "--tcav-inputs", "20", "--threads", "2"},
                                     &out),
                 0);
        const auto report = readJson(reportDir + "/cohort-report.json");
        const auto& normal = groupNamed(report, "with k 3.5–5");
        const auto& high = groupNamed(report, "with k ≥ 6");
        QVERIFY(normal["records"].get<int>() > 200 && high["records"].get<int>() > 350);
        const double tNormal = methodNamed(normal, "integrated-gradients")["wave_share"]["t"]["median"];
        const double tHigh = methodNamed(high, "integrated-gradients")["wave_share"]["t"]["median"];
        qInfo("IG median T share: %.3f at K 3.5-5.0, %.3f at K >= 6.0", tNormal, tHigh);
        QVERIFY2(tHigh > tNormal, qPrintable(QStringLiteral("%1 <= %2").arg(tHigh).arg(tNormal)));
        // Where the evidence lies, per band, in words: every band and method has its headline.
        for (const char* band : {"with k < 3.5", "with k 3.5–5", "with k 5–6", "with k ≥ 6"})
            for (const char* method : {"integrated-gradients", "grad-cam", "occlusion"}) {
                const std::string h = methodNamed(groupNamed(report, band), method)["headline"];
                QVERIFY2(h.find(band) != std::string::npos && h.find("largest share of its evidence") != std::string::npos, h.c_str());
            }
        // TCAV on each band's own ECGs: potassium rises along peaked T waves in the hyperkalaemic band.
        bool tested = false;
        for (const auto& t : report["tcav"])
            if (t["group"] == "with k ≥ 6") {
                QCOMPARE(t["inputs"].get<int>(), 20);
                QCOMPARE(t["rows"][0]["concept"].get<std::string>(), std::string("peaked-t"));
                QVERIFY2(t["rows"][0]["significant"].get<bool>() && t["rows"][0]["score"].get<double>() > 0.9, t.dump().c_str());
                tested = true;
            }
        QVERIFY(tested);
        QCOMPARE(report["tcav"].size(), std::size_t(5));   // all and four bands
        // The PDF says the same.
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {reportDir + "/cohort-report.pdf", QStringLiteral("-")});
        QVERIFY2(text.waitForFinished(30000) && text.exitCode() == 0, "pdftotext (poppler-utils) is needed");
        const QString pdf = QString::fromUtf8(text.readAllStandardOutput()).simplified();
        QVERIFY2(pdf.contains(QStringLiteral("Cohort report")) && pdf.contains(QStringLiteral("Where integrated-gradients")) &&
                     pdf.contains(QStringLiteral("with k ≥ 6")) && pdf.contains(QStringLiteral("Agreement between the methods")) &&
                     pdf.contains(QStringLiteral("Concepts (TCAV) in each group")),
                 qPrintable(pdf.left(2000)));
    }

    void counterfactualsRaiseTheTWaves()
    {
        QString out;
        const QString cohort = dir_.filePath(QStringLiteral("k4"));
        QCOMPARE(execg::test::runCli({"synth", "--out", cohort, "--k", "4.0", "--count", "40", "--seed", "3000"}, &out), 0);
        QCOMPARE(execg::test::runCli({"cohort", "run", "--model", kModel, "--db", dir_.filePath(QStringLiteral("k4.sqlite")),
                                      "--method", "integrated-gradients", "--cf-target", "6.5", "--threads", "2", cohort},
                                     &out),
                 0);
        const QString reportDir = dir_.filePath(QStringLiteral("report4"));
        QCOMPARE(execg::test::runCli({"cohort", "report", "--db", dir_.filePath(QStringLiteral("k4.sqlite")), "--out", reportDir}, &out), 0);
        const auto report = readJson(reportDir + "/cohort-report.json");
        QCOMPARE(report["counterfactuals"].size(), std::size_t(1));
        const auto& cf = report["counterfactuals"][0];
        QCOMPARE(cf["method"].get<std::string>(), std::string("cf-parametric"));
        QVERIFY(cf["reached"].get<int>() >= 36);
        int checked = 0;
        for (const auto& d : cf["deltas"])
            if (d["quantity"] == "T amplitude" && (d["lead"] == "V2" || d["lead"] == "V3" || d["lead"] == "V4")) {
                const double rose = d["increased_fraction"], p = d["wilcoxon"]["p_holm"];
                qInfo("T amplitude %s: rose in %.0f %%, median change %.3f mV, p (Holm) %.2g", d["lead"].get<std::string>().c_str(),
                      100 * rose, d["median_change"].get<double>(), p);
                QVERIFY(rose >= 0.9);
                QVERIFY(p < 0.05);
                ++checked;
            }
        QCOMPARE(checked, 3);
    }
};

QTEST_GUILESS_MAIN(TestCohortPotassium)
#include "test_cohort_potassium.moc"
