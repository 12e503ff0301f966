// The results document's serialiser without a model: a hand-made document (an attribution with its summary and
// scorecard, a counterfactual, a method that failed, NaN values) survives the round trip, and what is not a results
// document, or is one from a newer program, is refused naming the problem and the file.
#include "Corpus.h"
#include "ErrorMessage.h"
#include "TestFiles.h"
#include "analysis/ResultsJson.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace execg;

namespace {

ResultsDocument handMade()
{
    ResultsDocument d;
    d.software = {{"execg", "0.1.0"}, {"libtorch", "LibTorch 1.13.1"}};
    d.recording = {"case.hea", "ab12", 0, {"I", "II"}, 500.0, 0.0, 10.0};
    d.model = {"K+", "1.0", "k.pt", "cd34", ""};
    d.warnings = {"units assumed mV"};
    Prediction p;
    p.outputs = {{"potassium", "mmol/L", 1.25f, 6.125, false}};
    d.prediction = p;
    d.target = ResultsTarget{0, "potassium", 1.25};
    d.beats = 12;
    auto e = std::make_shared<Explanation>();
    e->method = "integrated-gradients";
    e->parameters = {{"steps", "50"}, {"seed", "7"}};
    e->seed = 7;
    e->runtimeMs = 12.5;
    e->diagnostics = {{"completeness_delta", -0.0015}, {"f_baseline", std::numeric_limits<double>::quiet_NaN()}};
    e->notes = {"a note"};
    MethodResult ig = attributionResult("integrated-gradients", e);
    ig.file = "integrated-gradients.npy";
    ig.stochastic = true;
    AttributionSummary s;
    s.leads = {"I", "II"};
    s.leadShare = {0.25, 0.75};
    s.leadWaveShare = {{0.1, 0.0, 0.05, 0.0, 0.1, 0.0}, {0.2, 0.0, 0.1, 0.05, 0.4, 0.0}};
    s.waveShare = {0.3, 0.0, 0.15, 0.05, 0.5, 0.0};
    s.headline = "50 % of the evidence lies in the T waves of II";
    s.headlineWave = int(WaveSegment::T);
    s.headlineShare = 0.5;
    s.headlineLeads = {"II"};
    ig.summary = s;
    ig.headline = s.headline;
    quality::Scorecard q;
    q.method = "integrated-gradients";
    q.faithfulness.deletion = {{0.0, 0.5, 1.0}, {6.1, 4.0, 3.5}, 4.4};
    q.deletionGain = 0.42;
    q.randomisation = quality::RandomisationCheck{{{"head", 0.1, 0.2, 0.3}}, true, ""};
    q.effectiveSupportMs = {120.0, 80.0};
    q.localisation = quality::Localisation{{WaveSegment::T}, 0.6, 0.2, 3.0, true, ""};
    q.verdicts = {{"faithful", false}, {"unstable", true}};
    ig.scorecard = q;
    ig.agreement = 0.8;
    d.methods.push_back(ig);
    auto cf = std::make_shared<CounterfactualResult>();
    cf->method = "cf-parametric";
    cf->parameters = {{"steps", "100"}};
    cf->target = {0, 4.0};
    cf->outputLabel = "potassium";
    cf->outputUnit = "mmol/L";
    cf->valid = true;
    cf->initialValue = 6.125;
    cf->finalValue = 4.0;
    cf->steps = 2;
    cf->trajectory = {6.125, 5.0, 4.0};
    cf->counterfactual.leads.resize(2);
    cf->counterfactual.leads[0].name = "I";
    cf->counterfactual.leads[1].name = "II";
    cf->maxAbsPerLeadMv = {0.1, 0.3};
    cf->deltas.rows = {{"T amplitude", "II", "mV", 0.9, 0.5, -0.4}, {"QRS", "", "ms", std::nan(""), 90.0, std::nan("")}};
    cf->parameterChanges = {{"T amplitude", "II", -0.4, "mV", "T amplitude in II −0.40 mV"}};
    d.methods.push_back(counterfactualResult("cf-parametric", cf));
    d.methods.back().files = {{"wfdb", "cf.hea"}};
    d.methods.push_back(failedMethod("grad-cam", "the card names no layer"));
    MethodResult unscored = attributionResult("saliency", e);
    unscored.scoreError = "the randomised model gave NaN";
    d.methods.push_back(unscored);
    d.agreement = ResultsAgreement{{"integrated-gradients"}, {{1.0}}, {{1.0}}};
    d.quality = ResultsQuality{0, "case.json", {"t"}, {"truth found"}};
    d.threads = 2;
    d.totalMs = 99.0;
    d.files = {{"pdf", "case.pdf"}};
    return d;
}

} // namespace

class TestResultsJson : public QObject {
    Q_OBJECT
private slots:
    void roundTrip()
    {
        const ResultsDocument d = handMade();
        const std::string text = resultsText(d);
        const ResultsDocument back = resultsFromJson(nlohmann::ordered_json::parse(text));
        QCOMPARE(resultsText(back), text);
        QCOMPARE(back.schemaVersion, kResultsSchemaVersion);
        QCOMPARE(back.methods.size(), std::size_t(4));
        QCOMPARE(back.methods[3].scoreError, std::string("the randomised model gave NaN"));
        QVERIFY(!back.methods[3].scorecard);
        // The headline's parts come back, so it can be said again in another language.
        QCOMPARE(back.methods[0].summary->headlineWave, int(WaveSegment::T));
        QCOMPARE(back.methods[0].summary->headlineShare, 0.5);
        QCOMPARE(back.methods[0].summary->headlineLeads, std::vector<std::string>{"II"});
        const MethodResult& ig = back.methods[0];
        QVERIFY(ig.stochastic);
        QCOMPARE(ig.explanation->seed, std::uint64_t(7));
        QCOMPARE(ig.explanation->targetLabel, std::string("potassium"));
        QVERIFY(std::isnan(ig.explanation->diagnostic("f_baseline")));   // NaN is written as null and read as NaN
        QCOMPARE(ig.summary->leadShare, (std::vector<double>{0.25, 0.75}));
        QCOMPARE(ig.summary->leadWaveShare[1][std::size_t(WaveSegment::T)], 0.4);
        QCOMPARE(ig.scorecard->faithfulness.deletion.output, (std::vector<double>{6.1, 4.0, 3.5}));
        QVERIFY(ig.scorecard->randomisation->passed);
        QCOMPARE(ig.scorecard->localisation->waves, std::vector<WaveSegment>{WaveSegment::T});
        QCOMPARE(ig.agreement, 0.8);
        const auto& cf = *back.methods[1].counterfactual;
        QCOMPARE(cf.maxAbsPerLeadMv, (std::vector<double>{0.1, 0.3}));
        QCOMPARE(cf.counterfactual.leads[1].name, std::string("II"));
        QVERIFY(std::isnan(cf.deltas.rows[1].before));
        QCOMPARE(cf.parameterChanges[0].text, std::string("T amplitude in II −0.40 mV"));
        QCOMPARE(back.methods[1].files.at("wfdb"), std::string("cf.hea"));
        QCOMPARE(back.methods[2].error, std::string("the card names no layer"));
        QCOMPARE(back.prediction->outputs[0].value, 6.125);
        QCOMPARE(back.prediction->warnings, d.warnings);
        QCOMPARE(back.quality->notes, d.quality->notes);
    }

    void fileRoundTripIsAtomicAndNamed()
    {
        const QString dir = test::scratchDir(QStringLiteral("results-json"));
        const std::string path = (dir + "/case.json").toStdString();
        writeResultsFile(handMade(), path);
        QCOMPARE(resultsText(readResultsFile(path)), resultsText(handMade()));
        const QString missing = test::messageOf([&] { readResultsFile(path + ".missing"); });
        QVERIFY2(missing.contains("case.json.missing"), qPrintable(missing));
        test::writeFile(dir + "/broken.json", std::string("{\"schema\": \"execg-results\", "));
        const QString broken = test::messageOf([&] { readResultsFile((dir + "/broken.json").toStdString()); });
        QVERIFY2(broken.contains("broken.json") && broken.contains("not JSON"), qPrintable(broken));
    }

    void refusesWhatIsNotADocument()
    {
        QVERIFY(test::messageOf([] { resultsFromJson(nlohmann::ordered_json::object()); }).contains("not an ExECG results document"));
        auto j = nlohmann::ordered_json::parse(resultsText(handMade()));
        j["schema_version"] = kResultsSchemaVersion + 1;
        QVERIFY(test::messageOf([&] { resultsFromJson(j); }).contains("newer"));
        j = nlohmann::ordered_json::parse(resultsText(handMade()));
        j["model"] = 5;
        QVERIFY(!test::messageOf([&] { resultsFromJson(j); }).isEmpty());
        j = nlohmann::ordered_json::parse(resultsText(handMade()));
        j["recording"].erase("sampling_rate_hz");   // a missing number is an error, not a NaN
        QVERIFY(test::messageOf([&] { resultsFromJson(j); }).contains("sampling_rate_hz"));
        j = nlohmann::ordered_json::parse(resultsText(handMade()));
        j["schema"] = 1;
        QVERIFY(test::messageOf([&] { resultsFromJson(j); }).contains("not an ExECG results document"));
        j = nlohmann::ordered_json::parse(resultsText(handMade()));
        j["methods"][0]["diagnostics"]["completeness_delta"] = "many";
        QVERIFY(!test::messageOf([&] { resultsFromJson(j); }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestResultsJson)
#include "test_results_json.moc"
