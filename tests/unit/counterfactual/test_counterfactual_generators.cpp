// The three counterfactual generators (cf-input, cf-parametric, cf-latent) against the synthetic generator's known
// causes: the potassium demo model reads serum potassium mostly from the T wave, so pushing its answer up from 4.0 to
// 6.5 mmol/L must raise the T waves in V2–V4 and pushing it down to 3.0 must lower them; the AF model reads irregular
// RR and absent P waves, so pushing an AF record towards sinus must regularise RR or bring P waves back.
#include "counterfactual/torch/CounterfactualRegistry.h"
#include "counterfactual/torch/InputCounterfactual.h"
#include "io/ReaderRegistry.h"
#include "io/wfdb/WfdbWriter.h"
#include "model/Prediction.h"
#include "model/torch/GeneratorModel.h"
#include "synth/EcgSynthesizer.h"

#include "DemoModels.h"
#include "ScriptedModule.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <fstream>

using namespace execg;

namespace {

using test::demoModel;
const std::string kModels = test::demoModelDir();

const TorchModel& potassiumModel() { return demoModel("potassium"); }

const GeneratorModel& demoGenerator()
{
    static const auto generator = loadCardGenerator(kModels + "potassium.card.json", potassiumModel().card());
    return *generator;
}

SignalGroup synthetic(std::uint64_t seed, double potassium, synth::Rhythm rhythm = synth::Rhythm::Sinus)
{
    synth::SynthParams p;
    p.potassiumMmolL = potassium;
    p.rhythm = rhythm;
    p.seed = seed;
    return synth::generateEcg(p).recording.groups.at(0);
}

CounterfactualResult run(const std::string& method, const TorchModel& model, const SignalGroup& g, double value,
                         const std::map<std::string, std::string>& parameters = {}, ExplainProgress progress = {})
{
    const AdaptedInput input = adaptToModel(g, model.card());
    CounterfactualRequest request;
    request.model = &model;
    request.group = &g;
    request.input = &input;
    request.generator = method == "cf-latent" ? &demoGenerator() : nullptr;
    request.target = {0, value};
    request.progress = std::move(progress);
    return CounterfactualRegistry::instance().run(method, request, parameters);
}

double predict(const TorchModel& model, const SignalGroup& g)
{
    const auto raw = model.predict({adaptToModel(g, model.card())}).front();
    return interpretOutputs(model.card(), "", raw).outputs[0].value;
}

const std::vector<std::string> kMidChest{"V2", "V3", "V4"};

struct Outcome {
    bool valid = false;
    double tDelta = 0.0;
};

Outcome towards(const std::string& method, double value, std::uint64_t seed)
{
    const auto r = run(method, potassiumModel(), synthetic(seed, 4.0), value);
    return {r.valid, r.deltas.meanOver("T amplitude", kMidChest)};
}

// AF towards sinus: the RR irregularity falls, or P waves come back (lead II's P amplitude appears or grows).
struct AfOutcome {
    bool valid = false, regularised = false, pRestored = false, parametersMoved = false;
};

AfOutcome afTowardsSinus(const std::string& method, std::uint64_t seed)
{
    const auto r = run(method, demoModel("af"), synthetic(seed, 4.5, synth::Rhythm::AtrialFibrillation), 0.2);
    AfOutcome o;
    o.valid = r.valid;
    const auto* rr = r.deltas.find("RR irregularity (RMSSD/mean RR)");
    o.regularised = rr && std::isfinite(rr->delta) && rr->delta < 0.0;
    const auto* p = r.deltas.find("P amplitude", "II");
    o.pRestored = p && std::isfinite(p->after) && (!std::isfinite(p->before) || p->after > p->before + 0.005);
    for (const auto& c : r.parameterChanges)
        o.parametersMoved = o.parametersMoved || (c.quantity == "RR irregularity" && c.change < 0) ||
                            (c.quantity == "P amplitude" && c.change > 0);
    return o;
}

void addMethods()
{
    QTest::addColumn<QString>("method");
    for (const auto& m : CounterfactualRegistry::instance().methods())
        QTest::newRow(m.name.c_str()) << QString::fromStdString(m.name);
}

} // namespace

class TestCounterfactualGenerators : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { configureTorchThreads(2); }

    void raisesPotassiumThroughTheTWaves_data() { addMethods(); }
    void raisesPotassiumThroughTheTWaves()
    {
        QFETCH(QString, method);
        const SignalGroup g = synthetic(11, 4.0);
        const auto r = run(method.toStdString(), potassiumModel(), g, 6.5);
        QCOMPARE(QString::fromStdString(r.method), method);
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
        // The measurement module sees taller T waves in V2–V4 (the generator's known cause).
        const double t = r.deltas.meanOver("T amplitude", kMidChest);
        QVERIFY2(t > 0.0, qPrintable(QString::number(t)));
        const auto* qtc = r.deltas.find("QTc Fridericia");
        QVERIFY(qtc && qtc->unit == "ms");
        // What is reported is what the counterfactual recording gives, re-fitted as any file would be.
        QVERIFY(std::abs(predict(potassiumModel(), r.counterfactual) - r.finalValue) < 1e-4);
        QCOMPARE(r.parameters.at("steps"), std::string("300"));
    }

    void lowersPotassiumThroughTheTWaves_data() { addMethods(); }
    void lowersPotassiumThroughTheTWaves()
    {
        QFETCH(QString, method);
        const Outcome o = towards(method.toStdString(), 3.0, 12);
        QVERIFY(o.valid);
        QVERIFY2(o.tDelta < 0.0, qPrintable(QString::number(o.tDelta)));
    }

    // Acceptance (issue 7): a counterfactual written as a WFDB record and reopened gives the same prediction.
    void roundTripsThroughWfdb_data() { addMethods(); }
    void roundTripsThroughWfdb()
    {
        QFETCH(QString, method);
        const auto r = run(method.toStdString(), potassiumModel(), synthetic(21, 4.0), 6.5);
        Recording rec;
        rec.groups.push_back(r.counterfactual);
        const QString dir = QDir::tempPath() + QStringLiteral("/execg-tests/cf-roundtrip-%1").arg(QCoreApplication::applicationPid());
        QDir().mkpath(dir);
        writeWfdbRecord(rec, (dir + "/cf").toStdString());
        const Recording back = ReaderRegistry::instance().read((dir + "/cf.hea").toStdString());
        const double reopened = predict(potassiumModel(), back.groups.at(0));
        QVERIFY2(std::abs(reopened - r.finalValue) < 1e-4, qPrintable(QString("%1 vs %2").arg(reopened).arg(r.finalValue)));
        QDir(dir).removeRecursively();
    }

    // A target the recording already meets changes nothing: every generator keeps what it does not move, exactly, but
    // for the 1 µV grid every counterfactual is stored on.
    void aTargetAlreadyMetChangesNothing_data() { addMethods(); }
    void aTargetAlreadyMetChangesNothing()
    {
        QFETCH(QString, method);
        const SignalGroup g = synthetic(16, 4.0);
        // The model's value as the search computes it (its step 0), so that the target is met exactly there.
        const double now = run(method.toStdString(), potassiumModel(), g, 40.0, {{"steps", "1"}}).initialValue;
        const auto r = run(method.toStdString(), potassiumModel(), g, now);
        QCOMPARE(r.steps, 0);
        QCOMPARE(r.meanAbsMv, 0.0);
        QVERIFY2(std::abs(r.finalValue - now) < 1e-3, qPrintable(QString("%1 vs %2").arg(r.finalValue).arg(now)));
        for (std::size_t l = 0; l < g.leads.size(); ++l)
            for (std::size_t i = 0; i < g.leads[l].samples.size(); i += 97)
                QVERIFY(std::abs(r.counterfactual.leads[l].samples[i] - g.leads[l].samples[i]) <= 0.0005f);
    }

    void anUnreachableTargetStopsAtTheStepLimit_data() { addMethods(); }
    void anUnreachableTargetStopsAtTheStepLimit()
    {
        QFETCH(QString, method);
        const auto r = run(method.toStdString(), potassiumModel(), synthetic(13, 4.0), 40.0, {{"steps", "20"}});
        QVERIFY(!r.valid);
        QCOMPARE(r.steps, 20);
        QVERIFY(!r.notes.empty() && r.notes.front().find("not reached in 20 steps") != std::string::npos);
        QVERIFY(r.finalValue > r.initialValue);   // the best attempt still moved towards it
    }

    void cancels_data() { addMethods(); }
    void cancels()
    {
        QFETCH(QString, method);
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(ExplainCancelled, run(method.toStdString(), potassiumModel(), synthetic(15, 4.0), 40.0, {},
                                                       [&calls](double) { return ++calls < 3; }));
        QCOMPARE(calls, 3);
    }

    void inputChangesOnlyTheAllowedLeads()
    {
        const SignalGroup g = synthetic(14, 4.0);
        const auto r = run("cf-input", potassiumModel(), g, 6.0, {{"leads", "V2;V3;V4"}});
        for (std::size_t l = 0; l < g.leads.size(); ++l) {
            const bool allowed = g.leads[l].name == "V2" || g.leads[l].name == "V3" || g.leads[l].name == "V4";
            QVERIFY2(allowed || r.maxAbsPerLeadMv[l] == 0.0, g.leads[l].name.c_str());
        }
        QVERIFY(r.maxAbsPerLeadMv[8] > 0.0);   // V3
        QCOMPARE(r.parameters.at("leads"), std::string("V2;V3;V4"));
    }

    void parametersDescribeTheDefaults()
    {
        const auto o = inputCounterfactualOptions(resolveParameters("cf-input", inputCounterfactualParameters(), {}));
        const InputCounterfactualOptions d;
        QCOMPARE(o.maxSteps, d.maxSteps);
        QCOMPARE(o.learningRate, d.learningRate);
        QCOMPARE(o.l1, d.l1);
        QCOMPARE(o.knotMs, d.knotMs);
        QVERIFY(o.leads.empty());
        // Every generator's parameters are checked the shared way: unknown names and out-of-range values refused.
        for (const auto& m : CounterfactualRegistry::instance().methods()) {
            QVERIFY_THROWS_EXCEPTION(ExplainError, resolveParameters(m.name, m.parameters, {{"no-such", "1"}}));
            QVERIFY_THROWS_EXCEPTION(ExplainError, resolveParameters(m.name, m.parameters, {{"steps", "0"}}));
        }
    }

    // cf-parametric says what moved in a reader's words, from the parameters of a fit that explains the beats.
    void parametricNamesTheChangeInClinicalWords()
    {
        const auto r = run("cf-parametric", potassiumModel(), synthetic(11, 4.0), 6.5);
        QVERIFY(r.valid);
        QStringList texts;
        for (const auto& c : r.parameterChanges)
            texts << QString::fromStdString(c.text);
        qInfo("%s", qPrintable(texts.join("; ")));
        QVERIFY(!texts.isEmpty());
        const QRegularExpression words(QStringLiteral("^([PQRST] amplitude in [IaVLRF0-9, –]+ [+-]\\d+\\.\\d\\d mV|"
                                                      "(PR|QRS|QT) [+-]\\d+ ms|heart rate [+-]\\d+ bpm|RR irregularity .*)$"));
        for (const auto& t : texts)
            QVERIFY2(words.match(t).hasMatch(), qPrintable(t));
        const auto tUp = std::find_if(r.parameterChanges.begin(), r.parameterChanges.end(), [](const ParameterChange& c) {
            return c.quantity == "T amplitude" && c.change > 0;
        });
        QVERIFY(tUp != r.parameterChanges.end());
        const auto fit = std::find_if(r.notes.begin(), r.notes.end(), [](const std::string& n) { return n.find("explains") != std::string::npos; });
        QVERIFY(fit != r.notes.end());
        const int explained = QRegularExpression(QStringLiteral("explains (\\d+) %")).match(QString::fromStdString(*fit)).captured(1).toInt();
        QVERIFY2(explained >= 85, fit->c_str());   // a clean synthetic record is almost all beats
    }

    void parametricNeedsBeats()
    {
        SignalGroup flat = synthetic(17, 4.0);
        for (auto& lead : flat.leads)
            std::fill(lead.samples.begin(), lead.samples.end(), 0.0f);
        try {
            run("cf-parametric", potassiumModel(), flat, 6.5);
            QFAIL("a flat line has no beats to fit");
        } catch (const ExplainError& e) {
            QVERIFY2(std::string(e.what()).find("beats") != std::string::npos, e.what());
        }
    }

    // A card without a generator: cf-latent is unavailable with a reason, and refused if run anyway.
    void latentNeedsTheCardsGenerator()
    {
        ModelCard card = potassiumModel().card();
        card.generator.reset();
        const std::string why = CounterfactualRegistry::instance().unavailableReason("cf-latent", card);
        QVERIFY2(why.find("names no generator") != std::string::npos, why.c_str());
        QVERIFY(CounterfactualRegistry::instance().unavailableReason("cf-parametric", card).empty());
        const TorchModel bare(kModels + "potassium.pt", card);
        const SignalGroup g = synthetic(18, 4.0);
        const AdaptedInput input = adaptToModel(g, card);
        CounterfactualRequest request{&bare, &g, &input, nullptr, {0, 6.5}, {}, {}};
        QVERIFY_THROWS_EXCEPTION(ExplainError, CounterfactualRegistry::instance().run("cf-latent", request));
    }

    // A structured latent moves only the codes chosen; a code that does not exist is named.
    void latentMovesOnlyTheChosenCodes()
    {
        const SignalGroup g = synthetic(19, 4.0);
        const auto some = run("cf-latent", potassiumModel(), g, 6.5, {{"codes", "0-7"}});
        QCOMPARE(some.parameters.at("codes"), std::string("0;1;2;3;4;5;6;7"));
        QVERIFY(some.finalValue > some.initialValue);
        try {
            run("cf-latent", potassiumModel(), g, 6.5, {{"codes", "40"}});
            QFAIL("code 40 of 32");
        } catch (const ExplainError& e) {
            QVERIFY2(std::string(e.what()).find("32 codes") != std::string::npos, e.what());
        }
    }

    // A generator with decode() only (a GAN's generator) is inverted by optimisation, then searched like any other.
    void latentInvertsAGeneratorWithoutEncoder()
    {
        const auto& card = potassiumModel().card();
        // decode(z) = W z: a linear generator over 12 × 2500 with a 1 × 4 × 16 latent.
        const QString dir = QDir::tempPath() + QStringLiteral("/execg-tests/cf-decode-only-%1").arg(QCoreApplication::applicationPid());
        QDir().mkpath(dir);
        const std::string path = (dir + "/decoder.pt").toStdString();
        test::saveScriptedModule({"DecodeOnly", R"(
def decode(self, z):
    return (self.w @ z.reshape(-1, 1)).reshape(1, 12, 2500)
)",
                                  {{"w", {12 * 2500, 64}, {}, 3, 0.05f}}, {}},
                                 path);
        const GeneratorModel decoder(path, card.input, 64, {1, 4, 16});
        QVERIFY(!decoder.hasEncoder());
        QCOMPARE(decoder.latentShape(), (std::vector<std::int64_t>{1, 4, 16}));
        const SignalGroup g = synthetic(20, 4.0);
        const AdaptedInput input = adaptToModel(g, card);
        CounterfactualRequest request{&potassiumModel(), &g, &input, &decoder, {0, 6.5}, {}, {}};
        const auto r = CounterfactualRegistry::instance().run("cf-latent", request, {{"inversion-steps", "50"}});
        QVERIFY(r.finalValue > r.initialValue);
        QVERIFY(std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) { return n.find("inversion in 50 steps") != std::string::npos; }));
        QDir(dir).removeRecursively();
    }

    // Acceptance (issue 7), every generator: 20 records at K+ 4.0 — towards 6.5 the target is reached in ≥ 95 % and
    // the T amplitude in V2–V4 rises in ≥ 90 %; towards 3.0 it is reached in ≥ 95 % and falls in ≥ 90 %.
    void potassiumTwentyRecords_data() { addMethods(); }
    void potassiumTwentyRecords()
    {
        if (qgetenv("EXECG_SLOW").isEmpty())
            QSKIP("slow (20 records × 2 targets): run with EXECG_SLOW=1 (ctest -L slow)");
        QFETCH(QString, method);
        int up = 0, upT = 0, down = 0, downT = 0;
        for (std::uint64_t seed = 100; seed < 120; ++seed) {
            const Outcome a = towards(method.toStdString(), 6.5, seed), b = towards(method.toStdString(), 3.0, seed);
            up += a.valid;
            upT += a.tDelta > 0.0;
            down += b.valid;
            downT += b.tDelta < 0.0;
        }
        qInfo("%s towards 6.5: %d/20 valid, T up in V2-V4 in %d/20; towards 3.0: %d/20 valid, T down in %d/20",
              qPrintable(method), up, upT, down, downT);
        QVERIFY(up >= 19 && down >= 19);
        QVERIFY(upT >= 18 && downT >= 18);
    }

    // Acceptance (issue 7): 20 AF records towards sinus (P(AF) ≤ 0.2) are reached by every generator. With
    // cf-parametric the measured RR irregularity falls or a P wave appears (or grows) in II in ≥ 90 %, and its own RR
    // and P parameters move that way. The other two are only logged: the fragile AF demo model flips under changes of
    // 20–30 µV, below ECG noise, that need neither (cf-input cannot move a beat at all) — see docs/counterfactuals.md.
    void afTowardsSinusTwentyRecords_data() { addMethods(); }
    void afTowardsSinusTwentyRecords()
    {
        if (qgetenv("EXECG_SLOW").isEmpty())
            QSKIP("slow (20 AF records): run with EXECG_SLOW=1 (ctest -L slow)");
        QFETCH(QString, method);
        int valid = 0, changed = 0, regularised = 0, pRestored = 0, moved = 0;
        for (std::uint64_t seed = 200; seed < 220; ++seed) {
            const AfOutcome o = afTowardsSinus(method.toStdString(), seed);
            valid += o.valid;
            changed += o.regularised || o.pRestored;
            regularised += o.regularised;
            pRestored += o.pRestored;
            moved += o.parametersMoved;
        }
        qInfo("%s AF -> sinus: %d/20 valid; RR irregularity down in %d/20, P back or taller in II in %d/20 (either: %d/20);"
              " RR/P parameters moved in %d/20", qPrintable(method), valid, regularised, pRestored, changed, moved);
        QVERIFY(valid >= 19);
        if (method == "cf-parametric") {
            QVERIFY(changed >= 18);
            QVERIFY(moved >= 18);
        }
    }
};

QTEST_MAIN(TestCounterfactualGenerators)
#include "test_counterfactual_generators.moc"
