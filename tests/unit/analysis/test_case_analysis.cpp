// CaseAnalysis on the demo case with the potassium demo model: the steps called one by one give what run() gives in
// a row, a method that cannot run is recorded with its reason while the others go on, the document names the exact
// input and model, it survives the serialiser's round trip, and a case that cannot be analysed says why.
// Torch before Qt: Qt's `slots` keyword macro breaks torch's headers.
#include "Corpus.h"
#include "ErrorMessage.h"
#include "MapCompare.h"
#include "ScriptedModule.h"
#include "TestFiles.h"
#include "analysis/ResultsJson.h"
#include "analysis/torch/CaseAnalysis.h"
#include "io/ReaderRegistry.h"
#include "model/Sha256.h"
#include "model/torch/TorchModel.h"

#include <QtTest>

#include <cmath>

using namespace execg;
using execg::test::sameMaps;

namespace {

const std::string kSource = EXECG_SOURCE_DIR;
const std::string kDemo = kSource + "/resources/demo/demo_hyperkalaemia.hea";
const std::string kModel = kSource + "/resources/models/potassium.pt";

std::shared_ptr<const TorchModel> potassium()
{
    static auto model = std::make_shared<const TorchModel>(kModel, loadModelCard(modelCardPathFor(kModel)));
    return model;
}

std::shared_ptr<const Recording> demo()
{
    static auto recording = std::make_shared<const Recording>(ReaderRegistry::instance().read(kDemo));
    return recording;
}

CaseAnalysis demoAnalysis() { return CaseAnalysis(demo(), demo()->primaryGroupIndex(), potassium(), {kDemo, kModel, {}}); }

} // namespace

class TestCaseAnalysis : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { configureTorchThreads(2); }

    void runRecordsEveryMethodInOrder()
    {
        const CaseAnalysis analysis = demoAnalysis();
        AnalysisRequest request;
        request.methods = {{"saliency", {}},
                           {"integrated-gradients", {{"steps", "-3"}}},   // refused: the rest go on
                           {"no-such-method", {}},
                           {"integrated-gradients", {{"steps", "16"}}},
                           {"cf-input", {{"steps", "3"}}}};             // no counterfactual target given
        int predicted = 0;
        std::vector<std::string> finished;
        request.predicted = [&](const ResultsDocument& d) {
            ++predicted;
            QVERIFY(d.prediction.has_value() && d.methods.empty());
        };
        request.methodDone = [&](MethodResult& m) { finished.push_back(m.method); };
        std::vector<double> progress;
        request.progress = [&](double f) {
            progress.push_back(f);
            return true;
        };
        const ResultsDocument d = analysis.run(request);
        QCOMPARE(predicted, 1);
        QCOMPARE(finished, (std::vector<std::string>{"saliency", "integrated-gradients", "no-such-method", "integrated-gradients", "cf-input"}));
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
        QVERIFY(!progress.empty() && progress.back() > 0.99);
        QCOMPARE(d.methods.size(), std::size_t(5));
        QVERIFY(d.methods[0].explanation && d.methods[0].error.empty());
        QVERIFY2(QString::fromStdString(d.methods[1].error).contains("steps"), d.methods[1].error.c_str());
        QVERIFY2(QString::fromStdString(d.methods[2].error).contains("no-such-method"), d.methods[2].error.c_str());
        QVERIFY(d.methods[3].explanation);
        QCOMPARE(d.methods[3].explanation->parameters.at("steps"), std::string("16"));
        QVERIFY2(QString::fromStdString(d.methods[4].error).contains("counterfactual target"), d.methods[4].error.c_str());

        // The case part names the exact input and model.
        const SignalGroup& g = demo()->groups[std::size_t(demo()->primaryGroupIndex())];
        QCOMPARE(d.recording.file, kDemo);
        QCOMPARE(d.recording.sha256, sha256OfFile(kDemo));
        QCOMPARE(d.model.sha256, potassium()->sha256());
        QCOMPARE(d.model.notice, std::string(kDemoModelNotice));
        QCOMPARE(d.recording.leads.size(), g.leads.size());
        QCOMPARE(d.recording.windowEndS - d.recording.windowStartS, 10.0);
        QCOMPARE(d.beats, 12);   // 72 bpm for 10 s
        QCOMPARE(d.target->index, 0);
        QCOMPARE(d.target->label, potassium()->card().outputs[0].label);
        QVERIFY(d.prediction->outputs[0].value > 6.0);   // the demo case is hyperkalaemic
        QCOMPARE(d.software.at("execg"), std::string(EXECG_VERSION_FOR_TESTS));
        QVERIFY(!d.quality && !d.agreement);
        // Each map on the recording's own axis, with where its evidence lies.
        const auto& map = d.methods[0].explanation->recordingMap;
        QCOMPARE(map.size(), g.leads.size());
        QCOMPARE(map[0].size(), g.leads[0].samples.size());
        QVERIFY(d.methods[0].summary && !d.methods[0].headline.empty());
        QCOMPARE(d.methods[0].headline, d.methods[0].summary->headline);
    }

    void stepsOneByOneEqualTheRun()
    {
        const CaseAnalysis analysis = demoAnalysis();
        AnalysisRequest request;
        request.methods = {{"saliency", {}}, {"occlusion", {{"window-ms", "200"}}}};
        FittedCase fittedByRun;
        const ResultsDocument d = analysis.run(request, &fittedByRun);

        const FittedCase fitted = analysis.fit();
        QCOMPARE(fitted.input.values, fittedByRun.input.values);
        const PredictionResult p = analysis.predict(fitted);
        QVERIFY(p.prediction.problem.empty());
        const int target = CaseAnalysis::chooseTarget(p.raw, std::nullopt);
        QCOMPARE(target, d.target->index);
        QCOMPARE(CaseAnalysis::chooseTarget(p.raw, 7), target);   // an output the model lacks: the predicted one
        for (std::size_t k = 0; k < request.methods.size(); ++k) {
            const MethodResult m = analysis.explain(fitted, target, request.methods[k]);
            QVERIFY(sameMaps(m.explanation->recordingMap, d.methods[k].explanation->recordingMap));
            QCOMPARE(m.explanation->modelMap, d.methods[k].explanation->modelMap);
            QCOMPARE(m.headline, d.methods[k].headline);
        }
        // The document's case part is the same whichever way it was made.
        ResultsDocument stepwise = analysis.document(fitted, p, target);
        stepwise.methods = d.methods;
        stepwise.totalMs = d.totalMs;
        QCOMPARE(resultsText(stepwise), resultsText(d));
    }

    void qualityAndCounterfactualSurviveTheRoundTrip()
    {
        const CaseAnalysis analysis = demoAnalysis();
        AnalysisRequest request;
        request.methods = {{"saliency", {}}, {"integrated-gradients", {{"steps", "16"}}}, {"cf-input", {{"steps", "5"}}}};
        request.counterfactualTarget = CounterfactualTarget{-1, 4.5};
        request.quality = true;
        std::vector<std::string> notes;
        request.truth = quality::groundTruthBeside(kDemo, analysis.group(), notes);
        QVERIFY(request.truth.has_value());
        int scored = 0;
        request.scored = [&](const MethodResult& m) { scored += m.scorecard.has_value(); };
        ResultsDocument d = analysis.run(request);
        QCOMPARE(scored, 2);
        QVERIFY(d.methods[0].scorecard && d.methods[1].scorecard);
        QCOMPARE(d.agreement->methods, (std::vector<std::string>{"saliency", "integrated-gradients"}));
        QCOMPARE(d.agreement->rankCorrelation[0][1], d.agreement->rankCorrelation[1][0]);
        QCOMPARE(d.methods[0].agreement, d.agreement->rankCorrelation[0][1]);
        QCOMPARE(d.quality->groundTruth, request.truth->file);
        QVERIFY(d.quality->labelWaves == std::vector<std::string>{"t"});
        const auto& cf = d.methods[2].counterfactual;
        QVERIFY(cf);
        QCOMPARE(cf->target.output, 0);   // −1: the explained output
        QCOMPARE(cf->steps <= 5, true);
        const Recording changed = analysis.counterfactualRecording(*cf);
        QVERIFY(QString::fromStdString(changed.warnings.back()).contains("not a recorded ECG"));
        d.files["pdf"] = "/tmp/report.pdf";

        // Written, read back and written again: the same text; the values read back are the values written.
        const std::string text = resultsText(d);
        const ResultsDocument back = resultsFromJson(nlohmann::ordered_json::parse(text));
        if (resultsText(back) != text) {
            const QString dir = test::scratchDir("analysis-roundtrip");   // for a look at what differs
            test::writeFile(dir + "/written.json", text);
            test::writeFile(dir + "/read-back.json", resultsText(back));
        }
        QCOMPARE(resultsText(back), text);
        QCOMPARE(back.methods.size(), d.methods.size());
        QCOMPARE(back.methods[1].explanation->parameters, d.methods[1].explanation->parameters);
        QVERIFY(std::abs(back.methods[1].scorecard->deletionGain - d.methods[1].scorecard->deletionGain) < 1e-6);
        QCOMPARE(back.methods[1].scorecard->verdicts.size(), d.methods[1].scorecard->verdicts.size());
        QVERIFY(std::abs(back.methods[0].summary->waveShare[std::size_t(WaveSegment::T)] -
                         d.methods[0].summary->waveShare[std::size_t(WaveSegment::T)]) < 1e-6);
        QCOMPARE(back.methods[2].counterfactual->deltas.rows.size(), cf->deltas.rows.size());
        QCOMPARE(back.methods[2].counterfactual->valid, cf->valid);
        QCOMPARE(back.prediction->outputs[0].unit, d.prediction->outputs[0].unit);
        QCOMPARE(back.files, d.files);
        QCOMPARE(back.recording.sha256, d.recording.sha256);
    }

    void cancelledRunsReturnNothing()
    {
        const CaseAnalysis analysis = demoAnalysis();
        AnalysisRequest request;
        request.methods = {{"integrated-gradients", {{"steps", "64"}}}, {"saliency", {}}};
        int calls = 0;
        request.progress = [&](double) { return ++calls < 3; };
        QVERIFY_THROWS_EXCEPTION(ExplainCancelled, analysis.run(request));
        StepOptions stop;
        stop.progress = [](double) { return false; };
        const FittedCase fitted = analysis.fit();
        QVERIFY_THROWS_EXCEPTION(ExplainCancelled, analysis.explain(fitted, 0, {"integrated-gradients", {}}, stop));
    }

    void casesThatCannotBeAnalysedSayWhy()
    {
        // A recording with none of the leads the card needs.
        Recording oneLead = *demo();
        SignalGroup& g = oneLead.groups[std::size_t(oneLead.primaryGroupIndex())];
        g.leads.erase(g.leads.begin() + 1, g.leads.end());
        g.leads[0].name = "ECG";
        const CaseAnalysis lead(std::make_shared<const Recording>(oneLead), oneLead.primaryGroupIndex(), potassium(),
                                {kDemo, kModel, "case 7"});
        const QString msg = test::messageOf([&] { lead.run({}); });
        QVERIFY2(msg.startsWith("case 7: "), qPrintable(msg));   // named by what the document calls it

        // A model that returns NaN.
        const std::string path = (test::scratchDir("analysis-nan") + "/nan.pt").toStdString();
        test::saveScriptedModule({"Model", "def forward(self, x):\n    return torch.sqrt(-x.abs().mean(dim=[1, 2])).unsqueeze(1) * self.w\n",
                                  {{"w", {1}, {0.5f}}}, {}},
                                 path);
        ModelCard card = potassium()->card();
        card.layers.clear();   // the stand-in has no layers
        auto nan = std::make_shared<const TorchModel>(path, card);
        const CaseAnalysis analysis(demo(), demo()->primaryGroupIndex(), nan, {kDemo, path, {}});
        const QString nanMsg = test::messageOf([&] { analysis.run({}); });
        QVERIFY2(nanMsg.contains(QString::fromStdString(kDemo)) && nanMsg.contains("NaN"), qPrintable(nanMsg));
        // Step by step, the prediction carries the problem instead.
        const auto p = analysis.predict(analysis.fit());
        QVERIFY(!p.prediction.problem.empty());
        QVERIFY(!analysis.document(analysis.fit(), p, 0).prediction.has_value());
    }
};

QTEST_GUILESS_MAIN(TestCaseAnalysis)
#include "test_case_analysis.moc"
