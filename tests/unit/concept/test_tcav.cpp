// Concept tests (TCAV) on the demo models, whose causes are known from the synthetic generator: the potassium model
// reads the T wave, so "peaked T" must come out significant (score ≥ 0.7 at the last convolutional layer) and a
// random split of normal ECGs must not; the AF model reads the rhythm, so "af" must be significant and "ST
// elevation" not. Plus the statistics against reference values, seeds, caching and bad input.
#include "concept/torch/Tcav.h"
#include "io/wfdb/WfdbWriter.h"
#include "measure/Measurements.h"
#include "model/torch/TorchModel.h"
#include "synth/EcgSynthesizer.h"

#include "Corpus.h"
#include "DemoModels.h"
#include "ScriptedModule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTest>

#include <cmath>
#include <fstream>
#include <random>

using namespace execg;

namespace {

using test::demoModel;

// The inputs a concept test asks about: synthetic ECGs across the model's range, record i from `vary(p, i)`.
template <typename Vary>
tcav::ConceptSet syntheticInputs(const std::string& kind, int count, std::uint64_t seed, Vary vary)
{
    tcav::ConceptSet set;
    set.name = "inputs";
    set.identity = "test-inputs:" + kind + ":" + std::to_string(count);
    for (int i = 0; i < count; ++i) {
        synth::SynthParams p;
        p.seed = seed + std::uint64_t(i);
        vary(p, i);
        set.examples.push_back({kind + std::to_string(i), synth::generateEcg(p).recording.groups.at(0)});
    }
    return set;
}

// K+ 3–8 mmol/L.
tcav::ConceptSet potassiumInputs(int count)
{
    return syntheticInputs("potassium", count, 9000, [count](synth::SynthParams& p, int i) {
        p.potassiumMmolL = 3.0 + 5.0 * i / std::max(1, count - 1);
    });
}

// AF and sinus alternating.
tcav::ConceptSet afInputs(int count)
{
    return syntheticInputs("af", count, 9500, [](synth::SynthParams& p, int i) {
        p.rhythm = i % 2 ? synth::Rhythm::AtrialFibrillation : synth::Rhythm::Sinus;
    });
}

const TcavRow& row(const TcavResult& r, const std::string& name, const std::string& layer)
{
    for (const auto& x : r.rows)
        if (x.conceptName == name && x.layer == layer)
            return x;
    throw std::runtime_error("no row " + name + " at " + layer);
}

// One lead "I" at 100 Hz: 10 s at each offset (mV) in turn, with 0.05 mV of noise.
SignalGroup offsetRecording(const std::vector<float>& offsets, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> noise(0.0f, 0.05f);
    Lead lead;
    lead.name = "I";
    for (const float offset : offsets)
        for (int i = 0; i < 1000; ++i)
            lead.samples.push_back(offset + noise(rng));
    SignalGroup g;
    g.label = "rhythm";
    g.samplingRateHz = 100;
    g.totalSamples = std::int64_t(lead.samples.size());
    g.leads.push_back(std::move(lead));
    return g;
}

tcav::ConceptSet offsetSet(const std::string& name, int count, const std::vector<float>& offsets, std::uint64_t seed)
{
    tcav::ConceptSet set;
    set.name = name;
    set.identity = "test-offsets:" + name + ":" + std::to_string(count) + ":" + std::to_string(seed);
    for (int i = 0; i < count; ++i)
        set.examples.push_back({name + std::to_string(i), offsetRecording(offsets, seed + std::uint64_t(i))});
    return set;
}

// A windowed model whose output is the mean energy of its layer "feat" (the input itself): its derivative along a
// CAV pointing to a raised baseline has the sign of the baseline in the window(s) that make the output.
ModelCard energyCard(WindowCombine combine)
{
    ModelCard c;
    c.name = "baseline energy";
    c.task = ModelTask::Regression;
    c.outputs = {{"energy", "mV²"}};
    c.input.leads = {"I"};
    c.input.samplingRateHz = 100;
    c.input.samples = 1000;
    c.input.normalisation = InputNormalisation::None;
    c.input.windows = WindowRule{5.0, combine};
    c.layers = {{"feat", false, true}};
    c.intendedUse = "test";
    return c;
}

std::string energyModel()
{
    const auto path = (test::scratchDir(QStringLiteral("tcav-energy")) + "/energy.pt").toStdString();
    test::ScriptedModule feat{"Feat", "def forward(self, x):\n    return x * self.g\n", {{"g", {1}, {1.0f}}}, {}};
    test::saveScriptedModule({"Model", "def forward(self, x):\n    h = self.feat.forward(x)\n    return (h * h).mean(dim=[1, 2]).unsqueeze(1)\n",
                              {}, {{"feat", feat}}},
                             path);
    return path;
}

TcavResult potassiumTcav(std::uint64_t seed, int runs = 20)
{
    TcavOptions o;
    o.runs = runs;
    o.seed = seed;
    return runTcav(demoModel("potassium"), {tcav::builtinConceptSet("peaked-t", 30, 100), tcav::builtinConceptSet("random", 30, 200)},
                   tcav::normalPool(90, 300, 250.0), potassiumInputs(30), 0, o);
}

} // namespace

class TestTcav : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { configureTorchThreads(2); }

    void welchMatchesTheReference()
    {
        // t = −1.8974, df = 5.882 (Welch–Satterthwaite): two-sided p = 0.107531 (numerical integration of the t density).
        QVERIFY(std::abs(welchTTest({1, 2, 3, 4, 5}, {2, 4, 6, 8, 10}) - 0.107531) < 1e-5);
        QCOMPARE(welchTTest({0.5, 0.5, 0.5}, {0.5, 0.5}), 1.0);
        QCOMPARE(welchTTest({1.0, 1.0}, {0.0, 0.0}), 0.0);
        QCOMPARE(welchTTest({1.0}, {0.0, 0.1}), 1.0);   // too few runs: no claim
    }

    void builtinConceptsShowTheirConcept()
    {
        QCOMPARE(int(tcav::builtinConcepts().size()), 14);   // thirteen concepts and the random control
        const auto peaked = tcav::builtinConceptSet("peaked-t", 3, 1), normal = tcav::builtinConceptSet("random", 3, 1);
        QCOMPARE(int(peaked.examples.size()), 3);
        QVERIFY(peaked.identity != normal.identity);
        const auto af = tcav::builtinConceptSet("af", 2, 5);
        QCOMPARE(af.examples[0].group.leads.size(), std::size_t(12));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tcav::builtinConceptSet("no-such", 2, 1));

        // The two halves of AF (issue 28), measured on 30 s at 300 Hz as the AF model's examples are drawn: the
        // irregular-RR set is irregular and keeps its P waves, the no-P set is regular without P waves, the ordinary
        // set has both. Lead II: the lead where sinus P is tallest.
        ModelInput afInput;
        afInput.samplingRateHz = 300.0;
        afInput.samples = 9000;
        const double seconds = tcav::conceptExampleSeconds(afInput);
        QCOMPARE(seconds, 30.0);
        int wrongLength = 0;
        const auto measured = [&](const char* name) {
            const auto set = tcav::builtinConceptSet(name, 4, 21, 300.0, seconds);
            double sdOverMean = 0, pAmplitude = 0;
            for (const auto& e : set.examples) {
                wrongLength += e.group.totalSamples != 9000;
                const auto m = measureEcg(e.group);
                sdOverMean += m.rrSdMs.value / m.rrMeanMs.value / 4;
                pAmplitude += std::abs(m.leads.at(1).pMv) / 4;   // NaN where no P was found: fails both sides below
            }
            return std::pair{sdOverMean, pAmplitude};
        };
        const auto [ordinaryCv, ordinaryP] = measured("random");
        const auto [irregularCv, irregularP] = measured("irregular-rr");
        const auto [noPCv, noP] = measured("no-p-wave");
        QCOMPARE(wrongLength, 0);
        QVERIFY2(irregularCv > 0.15 && ordinaryCv < 0.08 && noPCv < 0.08,
                 qPrintable(QString("RR SD/mean: irregular %1, ordinary %2, no P %3").arg(irregularCv).arg(ordinaryCv).arg(noPCv)));
        QVERIFY2(ordinaryP > 0.05 && irregularP > 0.05 && !(noP > 0.02),
                 qPrintable(QString("P in II (mV): ordinary %1, irregular %2, no P %3").arg(ordinaryP).arg(irregularP).arg(noP)));
    }

    // Acceptance (issue 8): peaked T significant for the potassium model at its last convolutional layer with a score
    // ≥ 0.7; the random split of normal ECGs not significant after correction.
    void potassiumModelUsesPeakedT()
    {
        clearActivationCache();
        const TcavResult r = potassiumTcav(1);
        const auto& peaked = row(r, "peaked-t", "layer3");
        qInfo("peaked-t@layer3 %s; random@layer3 %s", peaked.verdict.c_str(), row(r, "random", "layer3").verdict.c_str());
        QVERIFY2(peaked.significant, peaked.verdict.c_str());
        QVERIFY(peaked.score >= 0.7);
        QVERIFY(peaked.ciLow <= peaked.score && peaked.score <= peaked.ciHigh);
        QVERIFY(peaked.reliable && peaked.cavAccuracy >= 0.9);
        QVERIFY(peaked.pCorrected >= peaked.p);
        for (const auto& layer : {"layer2", "layer3"})
            QVERIFY2(!row(r, "random", layer).significant, row(r, "random", layer).verdict.c_str());
        QCOMPARE(r.rows.size(), std::size_t(4));   // two concepts × the card's two TCAV layers
        QCOMPARE(r.computedActivations, 6);        // pool and two concepts at two layers
        QCOMPARE(r.inputs, 30);
    }

    // Same seed, same numbers (the activations come from the cache the second time); another seed keeps the finding.
    void seedsReproduce()
    {
        const TcavResult a = potassiumTcav(5), b = potassiumTcav(5), c = potassiumTcav(6);
        QCOMPARE(b.cachedActivations, 6);
        QCOMPARE(b.computedActivations, 0);
        for (std::size_t i = 0; i < a.rows.size(); ++i) {
            QCOMPARE(a.rows[i].runScores, b.rows[i].runScores);
            QCOMPARE(a.rows[i].p, b.rows[i].p);
        }
        QVERIFY(row(c, "peaked-t", "layer3").significant);
        QVERIFY(a.rows[0].runScores != c.rows[0].runScores || a.rows[0].cavAccuracy != c.rows[0].cavAccuracy);
    }

    // Acceptance (issue 8): atrial fibrillation significant for the AF model, ST elevation not.
    void afModelUsesAfNotStElevation()
    {
        TcavOptions o;
        o.seed = 3;
        o.layers = {"layer3"};
        const TcavResult r = runTcav(demoModel("af"), {tcav::builtinConceptSet("af", 30, 400), tcav::builtinConceptSet("st-elevation", 30, 500)},
                                     tcav::normalPool(90, 600, 250.0), afInputs(30), 0, o);
        qInfo("af %s; st-elevation %s", row(r, "af", "layer3").verdict.c_str(), row(r, "st-elevation", "layer3").verdict.c_str());
        QVERIFY2(row(r, "af", "layer3").significant, row(r, "af", "layer3").verdict.c_str());
        QVERIFY(row(r, "af", "layer3").score > row(r, "af", "layer3").nullMean);
        QVERIFY2(!row(r, "st-elevation", "layer3").significant, row(r, "st-elevation", "layer3").verdict.c_str());
    }

    // The concepts a test starts with: the card's concept_defaults (the real AF model's: its rhythm), else the
    // application's set; a card naming no built-in concept is refused, naming the entry.
    void defaultConceptsFollowTheCard()
    {
        QCOMPARE(tcav::defaultConceptNames(ModelCard{}), (std::vector<std::string>{"peaked-t", "af", "random"}));
        const auto af = loadModelCard(EXECG_SOURCE_DIR "/resources/models/af-cinc2017.card.json");
        QCOMPARE(tcav::defaultConceptNames(af), (std::vector<std::string>{"af", "irregular-rr", "no-p-wave", "random"}));
        ModelCard odd;
        odd.defaultConcepts = {"af", "peaked-q"};
        try {
            tcav::defaultConceptNames(odd);
            QFAIL("a concept that is not built in was accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("concept_defaults names 'peaked-q', which is no built-in concept") != std::string::npos,
                     e.what());
        }
    }

    void refusesSmallSetsAndUnknownLayers()
    {
        TcavOptions o;
        o.runs = 3;
        try {
            runTcav(demoModel("potassium"), {tcav::builtinConceptSet("peaked-t", 6, 1)}, tcav::normalPool(40, 2, 250.0),
                    potassiumInputs(12), 0, o);
            QFAIL("six ECGs are not a concept set");
        } catch (const ExplainError& e) {
            QVERIFY2(QString(e.what()).contains("'peaked-t' has 6 usable ECGs"), e.what());
        }
        o.layers = {"gap"};
        try {
            runTcav(demoModel("potassium"), {tcav::builtinConceptSet("peaked-t", 12, 1)}, tcav::normalPool(40, 2, 250.0),
                    potassiumInputs(12), 0, o);
            QFAIL("gap is not listed for concept tests");
        } catch (const ExplainError& e) {
            QVERIFY2(QString(e.what()).contains("layer2, layer3"), e.what());
        }
    }

    // A concept the layer cannot tell from random ECGs: its CAVs are near chance and it is called unreliable.
    void nearChanceCavsAreUnreliable()
    {
        TcavOptions o;
        o.runs = 4;
        o.layers = {"layer3"};
        const TcavResult r = runTcav(demoModel("potassium"), {tcav::builtinConceptSet("random", 30, 77)},
                                     tcav::normalPool(90, 300, 250.0), potassiumInputs(12), 0, o);
        const auto& random = row(r, "random", "layer3");
        QVERIFY2(random.cavAccuracy < 0.7, qPrintable(QString::number(random.cavAccuracy)));
        QVERIFY(!random.reliable && !random.significant);
        QVERIFY(random.verdict.rfind("unreliable", 0) == 0);
    }

    // Files of another rate are adapted with a warning; unreadable files are left out and named; a label table picks
    // its column's files.
    void userSetsFromFilesAndLabelTables()
    {
        const QString dir = test::scratchDir(QStringLiteral("tcav-sets-%1").arg(QCoreApplication::applicationPid()));
        std::ofstream table((dir + "/labels.csv").toStdString());
        table << "file,peaked,other\n";
        for (int i = 0; i < 12; ++i) {
            synth::SynthParams p;
            p.seed = 50 + std::uint64_t(i);
            p.samplingRateHz = 360.0;
            p.potassiumMmolL = i % 2 ? 7.5 : 4.5;
            Recording rec = synth::generateEcg(p).recording;
            const std::string name = "rec" + std::to_string(i);
            writeWfdbRecord(rec, (dir + "/" + QString::fromStdString(name)).toStdString());
            table << name << "," << (i % 2) << ",0\n";
        }
        table << "missing,1,0\n";
        table.close();
        std::ofstream((dir + "/broken.hea").toStdString()) << "this is not a header\n";
        // A CinC-style signal file of another extension beside its header is the same record, not a second one.
        QFile::copy(dir + "/rec0.dat", dir + "/rec0.mat");
        const auto folder = tcav::folderConceptSet(dir.toStdString());
        QCOMPARE(int(folder.examples.size()), 12);
        QVERIFY(std::any_of(folder.warnings.begin(), folder.warnings.end(), [](const std::string& w) { return w.rfind("broken.hea left out", 0) == 0; }));
        const auto labelled = tcav::labelTableConceptSet((dir + "/labels.csv").toStdString(), "peaked");
        QCOMPARE(int(labelled.examples.size()), 6);
        QVERIFY(std::any_of(labelled.warnings.begin(), labelled.warnings.end(), [](const std::string& w) { return w.rfind("missing left out", 0) == 0; }));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tcav::labelTableConceptSet((dir + "/labels.csv").toStdString(), "nope"));
        // Fitted to the model (360 Hz → 250 Hz) with the warning among the notes, and too few for a concept test.
        TcavOptions o;
        o.runs = 2;
        o.layers = {"layer3"};
        try {
            runTcav(demoModel("potassium"), {labelled}, tcav::normalPool(40, 2, 250.0), potassiumInputs(12), 0, o);
            QFAIL("six labelled files are too few");
        } catch (const ExplainError& e) {
            QVERIFY2(QString(e.what()).contains("has 6 usable ECGs"), e.what());
        }
        const TcavResult r = runTcav(demoModel("potassium"), {folder}, tcav::normalPool(40, 2, 250.0), potassiumInputs(12), 0, o);
        QVERIFY(std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) { return n.find("resampled from 360 Hz") != std::string::npos; }));
        QDir(dir).removeRecursively();
    }

    // Issue 28: under a window rule an input is its whole recording. Recordings of 30 s with a baseline of +0.6 mV for
    // 10 s, then -0.4 mV for 20 s, make five windows (every 5 s): +0.6, +0.1, -0.4, -0.4, -0.4. Their mean moves
    // towards a lower baseline (score 0), the largest window (the first) towards a higher one (score 1); the first
    // window alone, as the concept test once asked, would say 1 for both.
    void inputsAreWholeRecordingsCombinedAsTheOutputs()
    {
        const auto model = energyModel();
        const auto raised = offsetSet("raised", 20, {1.0f}, 100);
        const auto pool = offsetSet("flat", 50, {0.0f}, 200);
        const auto inputs = offsetSet("inputs", 12, {0.6f, -0.4f, -0.4f}, 300);
        TcavOptions o;
        o.runs = 5;
        const TorchModel mean(model, energyCard(WindowCombine::MeanLogits));
        const TcavResult m = runTcav(mean, {raised}, pool, inputs, 0, o);
        QCOMPARE(m.inputs, 12);
        QVERIFY2(m.rows.at(0).reliable, m.rows.at(0).verdict.c_str());
        QCOMPARE(m.rows.at(0).score, 0.0);
        QVERIFY2(std::find(m.notes.begin(), m.notes.end(),
                           "inputs: whole recordings: 60 windows of 10.0 s every 5.0 s from 12 recordings; each recording's "
                           "derivative is its combined output's (mean of logits)") != m.notes.end(),
                 m.notes.empty() ? "no notes" : m.notes.back().c_str());
        for (const auto& note : m.notes)
            QVERIFY2(note.find("not analysed") == std::string::npos, note.c_str());
        const TorchModel largest(model, energyCard(WindowCombine::Max));
        const TcavResult x = runTcav(largest, {raised}, pool, inputs, 0, o);
        QCOMPARE(x.rows.at(0).score, 1.0);
        // One window a recording (10 s at -0.4 mV): the same with either rule.
        const auto short_ = offsetSet("short", 12, {-0.4f}, 400);
        QCOMPARE(runTcav(mean, {raised}, pool, short_, 0, o).rows.at(0).score, 0.0);
        QCOMPARE(runTcav(largest, {raised}, pool, short_, 0, o).rows.at(0).score, 0.0);
    }

    // Concept examples longer than a window give every window: a concept whose examples are flat for their first 10
    // s and raised after tells itself from flat random ECGs only through the later windows (its first windows alone
    // are random ECGs: an unreliable CAV), and inputs on a raised baseline rise along it.
    void conceptExamplesGiveEveryWindow()
    {
        const TorchModel mean(energyModel(), energyCard(WindowCombine::MeanLogits));
        const auto later = offsetSet("raised later", 20, {0.0f, 1.0f}, 500);
        const auto pool = offsetSet("flat", 60, {0.0f}, 600);
        const auto inputs = offsetSet("inputs", 12, {0.6f}, 700);
        TcavOptions o;
        o.runs = 5;
        const TcavResult r = runTcav(mean, {later}, pool, inputs, 0, o);
        QVERIFY2(std::find(r.notes.begin(), r.notes.end(),
                           "raised later: whole recordings: 60 windows of 10.0 s every 5.0 s from 20 recordings; each window is an "
                           "example, and the CAVs hold out whole recordings") != r.notes.end(),
                 r.notes.empty() ? "no notes" : r.notes.back().c_str());
        const auto& row = r.rows.at(0);
        QVERIFY2(row.reliable, row.verdict.c_str());
        QCOMPARE(row.score, 1.0);
        // The first windows alone: the same flat ECGs as the random sets.
        const auto first = offsetSet("raised later, first window", 20, {0.0f}, 500);
        const auto alone = runTcav(mean, {first}, pool, inputs, 0, o).rows.at(0);
        qInfo("CAV accuracy %.3f with every window, %.3f with the first", row.cavAccuracy, alone.cavAccuracy);
        QVERIFY2(!alone.reliable && row.cavAccuracy > alone.cavAccuracy + 0.15, alone.verdict.c_str());
        // Random examples too: a pool of 20 s recordings gives its windows, drawn as whole recordings.
        const auto longPool = offsetSet("flat, 20 s", 30, {0.0f, 0.0f}, 800);
        const TcavResult l = runTcav(mean, {later}, longPool, inputs, 0, o);
        QVERIFY2(std::find(l.notes.begin(), l.notes.end(),
                           "flat, 20 s: whole recordings: 90 windows of 10.0 s every 5.0 s from 30 recordings; each window is an "
                           "example, and the CAVs hold out whole recordings") != l.notes.end(),
                 l.notes.empty() ? "no notes" : l.notes.back().c_str());
        QVERIFY2(l.rows.at(0).reliable, l.rows.at(0).verdict.c_str());
        // A pool of long recordings against one-window concept examples: each random set still holds 10 recordings
        // or more; a pool that cannot give two such sets is refused, saying so.
        const auto raised = offsetSet("raised", 20, {1.0f}, 900);
        const std::vector<float> minute(6, 0.0f);   // 60 s: 11 windows
        QVERIFY2(runTcav(mean, {raised}, offsetSet("flat minutes", 25, minute, 1000), inputs, 0, o).rows.at(0).reliable, "long pool");
        try {
            runTcav(mean, {raised}, offsetSet("few flat minutes", 15, minute, 1100), inputs, 0, o);
            QFAIL("a pool of 15 recordings gave two disjoint sets of 10");
        } catch (const ExplainError& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("tcav: the random pool 'few flat minutes' holds 15 ECGs; two disjoint random sets of at least 10 "
                                 "ECGs each are needed"));
        }
    }

    // A concept and random ECGs of different origins (read from files against generated) are told apart by origin
    // alone: never a finding, however clear, and the verdict says why.
    void conceptAndRandomEcgsOfOneOrigin()
    {
        const TorchModel mean(energyModel(), energyCard(WindowCombine::MeanLogits));
        const auto raised = offsetSet("raised", 20, {1.0f}, 1200);
        auto pool = offsetSet("flat", 50, {0.0f}, 1300);
        const auto inputs = offsetSet("inputs", 12, {0.6f}, 1400);
        TcavOptions o;
        o.runs = 5;
        const auto same = runTcav(mean, {raised}, pool, inputs, 0, o).rows.at(0);
        QVERIFY2(same.reliable, same.verdict.c_str());
        pool.synthetic = true;
        const auto mixed = runTcav(mean, {raised}, pool, inputs, 0, o).rows.at(0);
        QVERIFY(!mixed.reliable && !mixed.significant);
        QCOMPARE(mixed.verdict, std::string("unreliable: the ECGs of raised are read from files and the random ECGs synthetic "
                                            "(generated here): a CAV can tell them apart by their origin alone — give random "
                                            "ECGs of the same origin as the concept's — not a finding"));
        QCOMPARE(mixed.score, same.score);   // the numbers stand; the verdict does not
    }

    void cancels()
    {
        TcavOptions o;
        o.runs = 3;
        int calls = 0;
        o.progress = [&calls](double) { return ++calls < 2; };
        QVERIFY_THROWS_EXCEPTION(ExplainCancelled, runTcav(demoModel("potassium"), {tcav::builtinConceptSet("flat-t", 12, 9)},
                                                           tcav::normalPool(40, 2, 250.0), potassiumInputs(12), 0, o));
        QCOMPARE(calls, 2);
    }
};

QTEST_MAIN(TestTcav)
#include "test_tcav.moc"
