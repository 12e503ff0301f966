// One analysis, two front ends: the same case through `execg-cli explain` and through the workstation's Workbench
// (no window) gives the same results document — every field, the numbers to 1e-6 — and the same maps to 1e-6.
// Only what differs by nature is set aside: run times, and the map files the command line writes beside its document.
#include "Corpus.h"
#include "CliRunner.h"
#include "WorkbenchSettled.h"
#include "analysis/ResultsJson.h"
#include "io/npy/NpyArray.h"
#include "model/torch/TorchModel.h"
#include "workbench/Workbench.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QTest>

#include <cmath>

using namespace execg;
using nlohmann::json;

namespace {

const QString kSource = QStringLiteral(EXECG_SOURCE_DIR);

// What differs between two runs of one analysis by nature: how long things took, and where maps were written.
void setAsideRunDetails(json& j)
{
    j.erase("timing");
    for (auto& m : j["methods"]) {
        m.erase("runtime_ms");
        m.erase("file");
        if (m.contains("quality"))
            m["quality"].erase("runtime_ms");
    }
}

// Equal structure, keys, strings and flags; numbers within 1e-6 (absolute, or relative to the larger).
QString difference(const json& a, const json& b, const std::string& at)
{
    if (a.is_number() && b.is_number()) {
        const double x = a.get<double>(), y = b.get<double>();
        return std::abs(x - y) <= 1e-6 * std::max(1.0, std::max(std::abs(x), std::abs(y))) ? QString()
               : QStringLiteral("%1: %2 vs %3").arg(QString::fromStdString(at)).arg(x, 0, 'g', 12).arg(y, 0, 'g', 12);
    }
    if (a.type() != b.type())
        return QStringLiteral("%1: %2 vs %3").arg(QString::fromStdString(at), QString::fromStdString(a.dump()), QString::fromStdString(b.dump()));
    if (a.is_object()) {
        if (a.size() != b.size())
            return QStringLiteral("%1: keys %2 vs %3").arg(QString::fromStdString(at), QString::fromStdString(a.dump().substr(0, 200)),
                                                           QString::fromStdString(b.dump().substr(0, 200)));
        for (const auto& [k, v] : a.items()) {
            if (!b.contains(k))
                return QStringLiteral("%1.%2 missing").arg(QString::fromStdString(at), QString::fromStdString(k));
            if (const QString d = difference(v, b.at(k), at + "." + k); !d.isEmpty())
                return d;
        }
        return {};
    }
    if (a.is_array()) {
        if (a.size() != b.size())
            return QStringLiteral("%1: %2 vs %3 elements").arg(QString::fromStdString(at)).arg(a.size()).arg(b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            if (const QString d = difference(a[i], b[i], at + "[" + std::to_string(i) + "]"); !d.isEmpty())
                return d;
        return {};
    }
    return a == b ? QString() : QStringLiteral("%1: %2 vs %3").arg(QString::fromStdString(at), QString::fromStdString(a.dump()), QString::fromStdString(b.dump()));
}

} // namespace

class TestCliWorkbenchParity : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ExECG-test-parity"));
        QSettings().clear();
        configureTorchThreads(2);
    }

    void explainAndWorkbenchGiveOneDocument()
    {
        const QString demo = QFileInfo(kSource + "/resources/demo/demo_hyperkalaemia.hea").absoluteFilePath();
        const QString model = QFileInfo(kSource + "/resources/models/potassium.pt").absoluteFilePath();
        const QString dir = test::scratchDir(QStringLiteral("cli-workbench-parity"));
        // Methods of every kind: a gradient, a path integral with parameters, a layer method, a perturbation.
        const QStringList methods{QStringLiteral("saliency"), QStringLiteral("integrated-gradients:steps=24"),
                                  QStringLiteral("grad-cam"), QStringLiteral("occlusion:window-ms=200")};
        QStringList args{QStringLiteral("explain"), QStringLiteral("--model"), model, QStringLiteral("--threads"), QStringLiteral("2"),
                         demo, QStringLiteral("--out"), dir};
        for (const auto& m : methods)
            args << QStringLiteral("--method") << m;
        QString output;
        QCOMPARE(test::runCli(args, &output), 0);
        const ResultsDocument cli = readResultsFile((dir + "/summary.json").toStdString());

        Workbench wb;
        std::vector<MethodChoice> choices{{"saliency", {}}, {"integrated-gradients", {{"steps", "24"}}}, {"grad-cam", {}},
                                          {"occlusion", {{"window-ms", "200"}}}};
        wb.setMethods(choices);
        wb.loadModel(model);
        wb.openPaths({demo});
        QTRY_VERIFY_WITH_TIMEOUT(wb.prediction().has_value() && test::allSettled(wb), test::kLong);
        for (const auto& e : wb.explanations())
            QVERIFY2(e.state == JobState::Finished, qPrintable(e.error));
        const auto gui = wb.resultsDocument();
        QVERIFY(gui.has_value());

        // The same document, field by field.
        json a = json::parse(resultsText(cli)), b = json::parse(resultsText(*gui));
        setAsideRunDetails(a);
        setAsideRunDetails(b);
        const QString diff = difference(a, b, "$");
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(cli.methods.size(), choices.size());

        // The same maps: the command line's .npy files against the workbench's maps on the recording's axis.
        for (std::size_t k = 0; k < choices.size(); ++k) {
            const auto npy = npy::readNpyArray((dir + "/" + QString::fromStdString(cli.methods[k].file)).toStdString());
            const auto& map = gui->methods[k].explanation->recordingMap;
            QCOMPARE(npy.shape.size(), std::size_t(2));
            QCOMPARE(npy.shape[0], std::uint64_t(map.size()));
            QCOMPARE(npy.shape[1], std::uint64_t(map[0].size()));
            double worst = 0.0;
            for (std::size_t l = 0; l < map.size(); ++l)
                for (std::size_t i = 0; i < map[l].size(); ++i) {
                    const double x = npy.values[l * map[l].size() + i], y = map[l][i];
                    QVERIFY2(std::isnan(x) == std::isnan(y), qPrintable(QStringLiteral("%1: NaN differs at %2/%3").arg(choices[k].method.c_str()).arg(l).arg(i)));
                    if (!std::isnan(x))
                        worst = std::max(worst, std::abs(x - y));
                }
            QVERIFY2(worst <= 1e-6, qPrintable(QStringLiteral("%1: maps differ by %2").arg(choices[k].method.c_str()).arg(worst)));
        }
    }
};

QTEST_MAIN(TestCliWorkbenchParity)
#include "test_cli_workbench_parity.moc"
