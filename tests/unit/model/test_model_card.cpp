// Model cards: a good card parses to the values written, survives a write/read round trip, and every kind of
// bad card is refused with a message that names the field at fault.
#include "model/ModelCard.h"

#include <QtTest>

using namespace execg;

namespace {

const char* kGoodCard = R"({
  "schema": "execg-model-card/1",
  "name": "ExECG demo: atrial fibrillation",
  "version": "1.0",
  "task": "binary",
  "outputs": [{"label": "atrial fibrillation"}],
  "activation": "sigmoid",
  "input": {
    "leads": ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"],
    "sampling_rate_hz": 250, "samples": 2500, "units": "mV",
    "normalisation": {"type": "fixed", "mean": [0,0,0,0,0,0,0,0,0,0,0,0], "std": [1,1,1,1,1,1,1,1,1,1,1,0.5]}
  },
  "layers": [{"name": "layer3", "use": ["gradcam", "tcav"]}, {"name": "layer4", "use": ["gradcam"]}],
  "generator": {"file": "ecg_autoencoder.pt", "latent_size": 32},
  "intended_use": "Teaching and testing explanations.",
  "limitations": "Trained on synthetic ECGs only.",
  "demo": true,
  "label_waves": ["t", "qrs"]
})";

// kGoodCard with `from` replaced by `to` (once).
std::string mutated(const std::string& from, const std::string& to)
{
    std::string s = kGoodCard;
    const auto at = s.find(from);
    if (at == std::string::npos)
        qFatal("test card has no '%s'", from.c_str());
    return s.replace(at, from.size(), to);
}

} // namespace

class ModelCardTest : public QObject {
    Q_OBJECT

private slots:
    void goodCardParses()
    {
        const ModelCard c = parseModelCard(kGoodCard, "af.card.json");
        QCOMPARE(c.name, std::string("ExECG demo: atrial fibrillation"));
        QCOMPARE(toString(c.task), std::string("binary"));
        QCOMPARE(toString(c.activation), std::string("sigmoid"));
        QCOMPARE(c.outputs.size(), std::size_t(1));
        QCOMPARE(c.input.leads.size(), std::size_t(12));
        QCOMPARE(c.input.leads[3], std::string("aVR"));
        QCOMPARE(c.input.samplingRateHz, 250.0);
        QCOMPARE(c.input.samples, 2500);
        QCOMPARE(toString(c.input.normalisation), std::string("fixed"));
        QCOMPARE(c.input.std[11], 0.5);
        QCOMPARE(c.layers.size(), std::size_t(2));
        QVERIFY(c.layers[0].gradCam && c.layers[0].tcav && c.layers[1].gradCam && !c.layers[1].tcav);
        QVERIFY(c.generator && c.generator->latentSize == 32);
        QVERIFY(c.demo);
        QCOMPARE(c.labelWaves, (std::vector<WaveSegment>{WaveSegment::T, WaveSegment::QRS}));
    }

    void roundTrip()
    {
        const ModelCard a = parseModelCard(kGoodCard, "a");
        const std::string written = modelCardToJson(a);
        const ModelCard b = parseModelCard(written, "b");
        QCOMPARE(modelCardToJson(b), written);
        QCOMPARE(b.input.leads, a.input.leads);
        QCOMPARE(b.input.std, a.input.std);
        QCOMPARE(b.generator->file, a.generator->file);
        QCOMPARE(b.labelWaves, a.labelWaves);
    }

    void inputLayout()
    {
        QVERIFY(parseModelCard(kGoodCard, "a").input.layout == InputLayout::LeadsFirst);   // the default
        const ModelCard c = parseModelCard(mutated(R"("units": "mV")", R"("units": "mV", "layout": "samples-first")"), "x");
        QVERIFY(c.input.layout == InputLayout::SamplesFirst);
        QVERIFY(parseModelCard(modelCardToJson(c), "y").input.layout == InputLayout::SamplesFirst);
    }

    void windowRule()
    {
        QVERIFY(!parseModelCard(kGoodCard, "a").input.windows);
        const ModelCard c = parseModelCard(mutated(R"("units": "mV")", R"("units": "mV", "windows": {"hop_s": 5, "combine": "max"})"), "x");
        QVERIFY(c.input.windows && c.input.windows->hopSeconds == 5.0 && c.input.windows->combine == WindowCombine::Max);
        const ModelCard back = parseModelCard(modelCardToJson(c), "y");
        QVERIFY(back.input.windows && back.input.windows->hopSeconds == 5.0 && back.input.windows->combine == WindowCombine::Max);
    }

    // A model whose graph takes shorter inputs says how short: absent is 0 (every input padded to `samples`).
    void shortestSamples()
    {
        QCOMPARE(parseModelCard(kGoodCard, "a").input.shortestSamples, 0);
        const ModelCard c = parseModelCard(mutated(R"("samples": 2500)", R"("samples": 2500, "shortest_samples": 2000)"), "x");
        QCOMPARE(c.input.shortestSamples, 2000);
        QCOMPARE(parseModelCard(modelCardToJson(c), "y").input.shortestSamples, 2000);
        QVERIFY(modelCardToJson(parseModelCard(kGoodCard, "a")).find("shortest_samples") == std::string::npos);
    }

    void explainDefaults()
    {
        QVERIFY(parseModelCard(kGoodCard, "a").defaultMethods.empty());
        const ModelCard c = parseModelCard(mutated(R"("demo": true)", R"("demo": true, "explain_defaults": ["saliency", "grad-cam"])"), "x");
        QCOMPARE(c.defaultMethods, (std::vector<std::string>{"saliency", "grad-cam"}));
        QCOMPARE(parseModelCard(modelCardToJson(c), "y").defaultMethods, c.defaultMethods);
    }

    void conceptDefaults()
    {
        QVERIFY(parseModelCard(kGoodCard, "a").defaultConcepts.empty());
        const ModelCard c = parseModelCard(mutated(R"("demo": true)", R"("demo": true, "concept_defaults": ["af", "irregular-rr"])"), "x");
        QCOMPARE(c.defaultConcepts, (std::vector<std::string>{"af", "irregular-rr"}));
        QCOMPARE(parseModelCard(modelCardToJson(c), "y").defaultConcepts, c.defaultConcepts);
    }

    void leadNamesAreNormalised()
    {
        const ModelCard c = parseModelCard(mutated(R"("I", "II", "III", "aVR")", R"("Lead I", "II", "III", "AVR")"), "x");
        QCOMPARE(c.input.leads[0], std::string("I"));
        QCOMPARE(c.input.leads[3], std::string("aVR"));
    }

    void badCardsAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");   // part of the message
        QTest::newRow("not JSON") << "{ name: " << "not valid JSON";
        QTest::newRow("array") << "[1, 2]" << "JSON object";
        QTest::newRow("schema") << QString::fromStdString(mutated("execg-model-card/1", "v2")) << "'schema'";
        QTest::newRow("unknown field") << QString::fromStdString(mutated(R"("demo": true)", R"("demo": true, "lables": [])")) << "unknown field 'lables'";
        QTest::newRow("missing name") << QString::fromStdString(mutated(R"("name": "ExECG demo: atrial fibrillation",)", "")) << "missing field 'name'";
        QTest::newRow("task") << QString::fromStdString(mutated(R"("task": "binary")", R"("task": "detection")")) << "'task' is 'detection'";
        QTest::newRow("no outputs") << QString::fromStdString(mutated(R"([{"label": "atrial fibrillation"}])", "[]")) << "'outputs'";
        QTest::newRow("binary with 3 outputs") << QString::fromStdString(mutated(R"([{"label": "atrial fibrillation"}])", R"([{"label": "a"}, {"label": "b"}, {"label": "c"}])")) << "binary model has 1 output";
        QTest::newRow("regression without unit") << QString::fromStdString(mutated(R"("task": "binary")", R"("task": "regression")").replace(mutated(R"("task": "binary")", R"("task": "regression")").find("\"sigmoid\""), 9, "\"none\"")) << "needs a unit";
        QTest::newRow("regression with sigmoid") << QString::fromStdString(mutated(R"("task": "binary")", R"("task": "regression")")) << "activation must be none";
        QTest::newRow("unknown lead") << QString::fromStdString(mutated(R"("V6"])", R"("V7x"])")) << "'V7x', not a known ECG lead";
        QTest::newRow("duplicate lead") << QString::fromStdString(mutated(R"("V5", "V6"])", R"("V5", "V5"])")) << "V5 twice";
        QTest::newRow("rate") << QString::fromStdString(mutated(R"("sampling_rate_hz": 250)", R"("sampling_rate_hz": 0)")) << "'input.sampling_rate_hz'";
        QTest::newRow("samples") << QString::fromStdString(mutated(R"("samples": 2500)", R"("samples": 2500.5)")) << "'input.samples'";
        QTest::newRow("shortest beyond samples") << QString::fromStdString(mutated(R"("samples": 2500)", R"("samples": 2500, "shortest_samples": 2501)"))
                                                 << "'input.shortest_samples' must be a whole number from 1 to 'input.samples' (2500)";
        QTest::newRow("shortest zero") << QString::fromStdString(mutated(R"("samples": 2500)", R"("samples": 2500, "shortest_samples": 0)"))
                                       << "'input.shortest_samples'";
        QTest::newRow("units") << QString::fromStdString(mutated(R"("units": "mV")", R"("units": "V")")) << "'input.units' is 'V'";
        QTest::newRow("layout") << QString::fromStdString(mutated(R"("units": "mV")", R"("units": "mV", "layout": "channels_last")"))
                                << "'input.layout' is 'channels_last'; expected one of leads-first, samples-first";
        QTest::newRow("hop beyond the window") << QString::fromStdString(mutated(R"("units": "mV")", R"("units": "mV", "windows": {"hop_s": 12, "combine": "mean_logits"})"))
                                               << "'input.windows.hop_s' must be more than 0 and at most the window";
        QTest::newRow("combine") << QString::fromStdString(mutated(R"("units": "mV")", R"("units": "mV", "windows": {"hop_s": 5, "combine": "median"})"))
                                 << "'input.windows.combine' is 'median'; expected one of mean_logits, max";
        QTest::newRow("max of softmax") << QString::fromStdString(R"({"schema": "execg-model-card/1", "name": "n", "version": "1",
            "task": "multiclass", "outputs": [{"label": "a"}, {"label": "b"}], "activation": "softmax", "intended_use": "t",
            "input": {"leads": ["I"], "sampling_rate_hz": 300, "samples": 2700, "windows": {"hop_s": 4.5, "combine": "max"}}})")
                                        << "which softmax probabilities do not allow";
        QTest::newRow("std length") << QString::fromStdString(mutated(R"("std": [1,1,1,1,1,1,1,1,1,1,1,0.5])", R"("std": [1])")) << "one number per input lead (12)";
        QTest::newRow("std zero") << QString::fromStdString(mutated(R"(1,1,0.5])", R"(1,1,0])")) << "must be positive";
        QTest::newRow("layer use") << QString::fromStdString(mutated(R"(["gradcam"])", R"(["lime"])")) << "use 'lime'";
        QTest::newRow("generator") << QString::fromStdString(mutated(R"("latent_size": 32)", R"("latent_size": 0)")) << "positive latent_size";
        QTest::newRow("intended use") << QString::fromStdString(mutated("Teaching and testing explanations.", "")) << "'intended_use' is empty";
        QTest::newRow("label wave") << QString::fromStdString(mutated(R"(["t", "qrs"])", R"(["t", "u"])")) << "'label_waves' has 'u'";
        QTest::newRow("label waves type") << QString::fromStdString(mutated(R"(["t", "qrs"])", R"("t")")) << "'label_waves' must be a list";
        QTest::newRow("explain defaults") << QString::fromStdString(mutated(R"("demo": true)", R"("demo": true, "explain_defaults": "saliency")"))
                                          << "'explain_defaults' must be a non-empty list of method names";
        QTest::newRow("concept defaults") << QString::fromStdString(mutated(R"("demo": true)", R"("demo": true, "concept_defaults": [])"))
                                          << "'concept_defaults' must be a non-empty list of built-in concept names";
        QTest::newRow("demo type") << QString::fromStdString(mutated(R"("demo": true)", R"("demo": "yes")")) << "'demo' must be true or false";
    }
    void badCardsAreRefused()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        try {
            parseModelCard(text.toStdString(), "bad.card.json");
            QFAIL("the card was accepted");
        } catch (const ModelCardError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.startsWith("bad.card.json: "), qPrintable(message));
            QVERIFY2(message.contains(expected), qPrintable(message));
        }
    }

    void missingFileNamesTheFile()
    {
        try {
            loadModelCard("/nonexistent/model.card.json");
            QFAIL("accepted");
        } catch (const ModelCardError& e) {
            QCOMPARE(QString::fromStdString(e.source), QString("/nonexistent/model.card.json"));
        }
    }

    void inferredCardWarns()
    {
        const ModelCard c = inferredModelCard("research.pt", 500, 5000);
        QCOMPARE(c.input.leads.size(), std::size_t(12));
        QCOMPARE(c.input.samples, 5000);
        QCOMPARE(c.warnings.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(c.warnings[0]).contains("no model card"));
        const ModelCard two = inferredModelCard("r.pt", 360, 3600, {"MLII", "V5"});
        QCOMPARE(two.input.leads, (std::vector<std::string>{"MLII", "V5"}));
        QVERIFY_THROWS_EXCEPTION(ModelCardError, inferredModelCard("r.pt", 500, 5000, {"I", "Lead 2b"}));
        QVERIFY_THROWS_EXCEPTION(ModelCardError, inferredModelCard("r.pt", 0, 5000));
    }

    void cardPath()
    {
        QCOMPARE(modelCardPathFor("models/af.pt"), std::string("models/af.card.json"));
        QCOMPARE(modelCardPathFor("dir.v2/model"), std::string("dir.v2/model.card.json"));
    }
};

QTEST_GUILESS_MAIN(ModelCardTest)
#include "test_model_card.moc"
