// The input-space counterfactual against the synthetic generator's known cause: the potassium demo model reads
// serum potassium mostly from the T wave, so pushing its answer up from 4.0 to 6.5 mmol/L must raise the T waves
// (V2–V4, where they are tallest), and pushing it down to 3.0 must lower them.
#include <torch/script.h>

#include "counterfactual/torch/InputCounterfactual.h"
#include "io/ReaderRegistry.h"
#include "io/wfdb/WfdbWriter.h"
#include "model/Prediction.h"
#include "synth/EcgSynthesizer.h"

#include <QCoreApplication>
#include <QDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace execg;

namespace {

const TorchModel& potassiumModel()
{
    static const std::string path = std::string(EXECG_SOURCE_DIR) + "/resources/models/potassium.pt";
    static const TorchModel model(path, loadModelCard(modelCardPathFor(path)));
    return model;
}

SignalGroup normokalaemic(std::uint64_t seed)
{
    synth::SynthParams p;
    p.potassiumMmolL = 4.0;
    p.seed = seed;
    return synth::generateEcg(p).recording.groups.at(0);
}

const std::vector<std::string> kMidChest{"V2", "V3", "V4"};

struct Outcome {
    bool valid = false;
    double tDelta = 0.0;
    double rmsMv = 0.0;
    bool fragileNote = false;
};

Outcome towards(double value, std::uint64_t seed)
{
    const SignalGroup g = normokalaemic(seed);
    const AdaptedInput input = adaptToModel(g, potassiumModel().card());
    const auto r = inputCounterfactual(potassiumModel(), g, input, {0, value});
    const bool fragile = std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) { return n.find("fragile") != std::string::npos; });
    return {r.valid, r.deltas.meanOver("T amplitude", kMidChest), r.rmsMv, fragile};
}

} // namespace

class TestInputCounterfactual : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { configureTorchThreads(2); }

    void raisesPotassiumThroughTheTWaves()
    {
        const SignalGroup g = normokalaemic(11);
        const AdaptedInput input = adaptToModel(g, potassiumModel().card());
        const auto r = inputCounterfactual(potassiumModel(), g, input, {0, 6.5});
        QVERIFY2(r.valid, r.notes.empty() ? "" : r.notes.front().c_str());
        QVERIFY(r.initialValue < 5.0);
        QVERIFY(r.finalValue >= 6.5);
        QCOMPARE(int(r.trajectory.size()), r.steps + 1);
        QCOMPARE(r.trajectory.front(), r.initialValue);
        QVERIFY(r.trajectory.back() >= 6.5);
        // The change is the recording's own shape and size: same leads and samples, changed by a fraction of a mV.
        QCOMPARE(r.counterfactual.leads.size(), g.leads.size());
        QCOMPARE(r.counterfactual.leads[0].samples.size(), g.leads[0].samples.size());
        QVERIFY(r.meanAbsMv > 0.0 && r.meanAbsMv < 0.2);
        QVERIFY(*std::max_element(r.maxAbsPerLeadMv.begin(), r.maxAbsPerLeadMv.end()) <= 1.5 + 1e-6);
        // The measurement module sees taller T waves in V2–V4 (the generator's known cause).
        const double t = r.deltas.meanOver("T amplitude", kMidChest);
        QVERIFY2(t > 0.0, qPrintable(QString::number(t)));
        const auto* qtc = r.deltas.find("QTc Fridericia");
        QVERIFY(qtc && qtc->unit == "ms");
        // The change sits where the model looks: the counterfactual's own prediction, re-fitted, is the one reported.
        const auto again = potassiumModel().predict({adaptToModel(r.counterfactual, potassiumModel().card())}).front();
        QVERIFY(std::abs(interpretOutputs(potassiumModel().card(), "", again).outputs[0].value - r.finalValue) < 1e-4);
    }

    // Acceptance (issue 7): a counterfactual written as a WFDB record and reopened gives the same prediction.
    void roundTripsThroughWfdb()
    {
        const SignalGroup g = normokalaemic(21);
        const AdaptedInput input = adaptToModel(g, potassiumModel().card());
        const auto r = inputCounterfactual(potassiumModel(), g, input, {0, 6.5});
        Recording rec;
        rec.groups.push_back(r.counterfactual);
        const QString dir = QDir::tempPath() + QStringLiteral("/execg-tests/cf-roundtrip-%1").arg(QCoreApplication::applicationPid());
        QDir().mkpath(dir);
        writeWfdbRecord(rec, (dir + "/cf").toStdString());
        const Recording back = ReaderRegistry::instance().read((dir + "/cf.hea").toStdString());
        const auto raw = potassiumModel().predict({adaptToModel(back.groups.at(0), potassiumModel().card())}).front();
        const double reopened = interpretOutputs(potassiumModel().card(), "", raw).outputs[0].value;
        QVERIFY2(std::abs(reopened - r.finalValue) < 1e-4, qPrintable(QString("%1 vs %2").arg(reopened).arg(r.finalValue)));
        QDir(dir).removeRecursively();
    }

    void lowersPotassiumThroughTheTWaves()
    {
        const Outcome o = towards(3.0, 12);
        QVERIFY(o.valid);
        QVERIFY2(o.tDelta < 0.0, qPrintable(QString::number(o.tDelta)));
        // A change below everyday noise is called what it is.
        QCOMPARE(o.fragileNote, o.rmsMv < 0.020);
    }

    void anUnreachableTargetStopsAtTheStepLimit()
    {
        const SignalGroup g = normokalaemic(13);
        const AdaptedInput input = adaptToModel(g, potassiumModel().card());
        InputCounterfactualOptions o;
        o.maxSteps = 20;
        const auto r = inputCounterfactual(potassiumModel(), g, input, {0, 40.0}, o);
        QVERIFY(!r.valid);
        QCOMPARE(r.steps, 20);
        QVERIFY(!r.notes.empty() && r.notes.front().find("not reached in 20 steps") != std::string::npos);
        QVERIFY(r.finalValue > r.initialValue);   // the best attempt still moved towards it
    }

    void onlyTheAllowedLeadsChange()
    {
        const SignalGroup g = normokalaemic(14);
        const AdaptedInput input = adaptToModel(g, potassiumModel().card());
        InputCounterfactualOptions o;
        o.leads = {"V2", "V3", "V4"};
        const auto r = inputCounterfactual(potassiumModel(), g, input, {0, 6.0}, o);
        for (std::size_t l = 0; l < g.leads.size(); ++l) {
            const bool allowed = g.leads[l].name == "V2" || g.leads[l].name == "V3" || g.leads[l].name == "V4";
            QVERIFY2(allowed || r.maxAbsPerLeadMv[l] == 0.0, g.leads[l].name.c_str());
        }
        QVERIFY(r.maxAbsPerLeadMv[8] > 0.0);   // V3
    }

    void parametersDescribeTheDefaults()
    {
        const auto o = inputCounterfactualOptions(resolveParameters("cf-input", inputCounterfactualParameters(), {}));
        const InputCounterfactualOptions d;
        QCOMPARE(o.maxSteps, d.maxSteps);
        QCOMPARE(o.learningRate, d.learningRate);
        QCOMPARE(o.l1, d.l1);
        QCOMPARE(o.l2, d.l2);
        QCOMPARE(o.tv, d.tv);
        QCOMPARE(o.knotMs, d.knotMs);
        QCOMPARE(o.maxChangeMv, d.maxChangeMv);
        QCOMPARE(o.maxAmplitudeMv, d.maxAmplitudeMv);
        QVERIFY(o.leads.empty());
        const auto some = inputCounterfactualOptions(
            resolveParameters("cf-input", inputCounterfactualParameters(), {{"leads", "V2;V3"}, {"steps", "40"}}));
        QCOMPARE(some.leads, (std::vector<std::string>{"V2", "V3"}));
        QCOMPARE(some.maxSteps, 40);
    }

    void cancels()
    {
        const SignalGroup g = normokalaemic(15);
        const AdaptedInput input = adaptToModel(g, potassiumModel().card());
        InputCounterfactualOptions o;
        int calls = 0;
        o.progress = [&calls](double) { return ++calls < 3; };
        QVERIFY_THROWS_EXCEPTION(ExplainCancelled, inputCounterfactual(potassiumModel(), g, input, {0, 40.0}, o));
        QCOMPARE(calls, 3);
    }

    // Acceptance (issue 7): 20 records at K+ 4.0 — towards 6.5 the target is reached in ≥ 95 % and the T amplitude in
    // V2–V4 rises in ≥ 90 %; towards 3.0 it falls in ≥ 90 %.
    void potassiumTwentyRecords()
    {
        if (qgetenv("EXECG_SLOW").isEmpty())
            QSKIP("slow (20 records × 2 targets): run with EXECG_SLOW=1 (ctest -L slow)");
        int up = 0, upT = 0, down = 0, downT = 0;
        for (std::uint64_t seed = 100; seed < 120; ++seed) {
            const Outcome a = towards(6.5, seed), b = towards(3.0, seed);
            up += a.valid;
            upT += a.tDelta > 0.0;
            down += b.valid;
            downT += b.tDelta < 0.0;
        }
        qInfo("towards 6.5: %d/20 valid, T up in V2-V4 in %d/20; towards 3.0: %d/20 valid, T down in %d/20", up, upT,
              down, downT);
        QVERIFY(up >= 19 && down >= 19);
        QVERIFY(upT >= 18 && downT >= 18);
    }
};

QTEST_MAIN(TestInputCounterfactual)
#include "test_input_counterfactual.moc"
