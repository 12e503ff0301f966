// Properties every method must keep on any model, checked on the shipped demo models and synthetic ECGs:
// IG's reported completeness delta is the true one; occluding an already flat window changes nothing; Grad-CAM maps
// span the recording's own axis; the wave SHAP values add up to f(x) − f(baseline); seeds make runs repeatable.
#include "explain/Explainer.h"
#include "model/torch/TorchModel.h"
#include "synth/EcgSynthesizer.h"

#include <QtTest>

#include <cmath>
#include <numeric>

using namespace execg;

namespace {

std::string demoModel(const char* name) { return std::string(EXECG_SOURCE_DIR) + "/resources/models/" + name + ".pt"; }

const TorchModel& model(const char* name)
{
    static std::map<std::string, std::unique_ptr<TorchModel>> cache;
    auto& m = cache[name];
    if (!m)
        m = std::make_unique<TorchModel>(demoModel(name), loadModelCard(modelCardPathFor(demoModel(name))));
    return *m;
}

SignalGroup ecg(synth::Rhythm rhythm, double fs, double seconds, double potassium = 4.5)
{
    synth::SynthParams p;
    p.rhythm = rhythm;
    p.samplingRateHz = fs;
    p.seconds = seconds;
    p.potassiumMmolL = potassium;
    p.seed = 424242;
    p.noise.baselineMv = 0.03;
    return synth::generateEcg(p).recording.groups.front();
}

double sum(const std::vector<float>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

Explanation explain(const char* modelName, const AdaptedInput& in, const std::string& method,
                    const std::map<std::string, std::string>& parameters = {})
{
    ExplainOptions o;
    o.parameters = parameters;
    return runExplanation(method, model(modelName), in, 0, o);
}

} // namespace

class ExplainerPropertiesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureTorchThreads(2); }

    void integratedGradientsCompleteness()
    {
        for (const char* name : {"af", "potassium"}) {
            const auto in = adaptToModel(ecg(synth::Rhythm::AtrialFibrillation, 250, 10, 6.5), model(name).card());
            const auto e = explain(name, in, "integrated-gradients");
            const double change = e.diagnostic("f_x") - e.diagnostic("f_baseline");
            // The reported delta is the map's real shortfall, and Gauss-Legendre keeps it small.
            QVERIFY2(std::abs((sum(e.modelMap) - change) - e.diagnostic("completeness_delta")) < 1e-3 * std::max(1.0, std::abs(change)),
                     qPrintable(QString("%1: sum %2 change %3 delta %4").arg(name).arg(sum(e.modelMap)).arg(change).arg(e.diagnostic("completeness_delta"))));
            QVERIFY2(std::abs(e.diagnostic("completeness_delta")) < 0.05 * std::abs(change) + 1e-3,
                     qPrintable(QString("%1: delta %2 of %3").arg(name).arg(e.diagnostic("completeness_delta")).arg(change)));
        }
    }

    void occludingAFlatWindowChangesNothing()
    {
        auto g = ecg(synth::Rhythm::Sinus, 250, 10);
        for (auto& lead : g.leads)
            std::fill(lead.samples.begin(), lead.samples.begin() + 250, 0.0f);   // the first second at 0 mV
        const auto in = adaptToModel(g, model("af").card());
        const auto e = explain("af", in, "occlusion", {{"window-ms", "100"}});
        for (int l = 0; l < in.leads; ++l)
            for (int s = 0; s < 250; ++s)
                QCOMPARE(e.at(l, s), 0.0f);
        QVERIFY(std::any_of(e.modelMap.begin(), e.modelMap.end(), [](float v) { return v != 0.0f; }));
    }

    void gradCamSpansTheRecordingsAxis()
    {
        const auto g = ecg(synth::Rhythm::AtrialFibrillation, 500, 12);   // 500 Hz, 12 s: longer than the model's 10 s
        const auto in = adaptToModel(g, model("af").card());
        auto e = explain("af", in, "grad-cam");
        mapExplanationToRecording(e, in, g);
        QCOMPARE(e.recordingMap.size(), g.leads.size());
        for (const auto& lead : e.recordingMap) {
            QCOMPARE(lead.size(), std::size_t(6000));
            QVERIFY(std::all_of(lead.begin(), lead.begin() + 5000, [](float v) { return std::isfinite(v); }));
            QVERIFY(std::all_of(lead.begin() + 5001, lead.end(), [](float v) { return std::isnan(v); }));   // not seen
        }
    }

    void waveShapAddsUp()
    {
        const auto in = adaptToModel(ecg(synth::Rhythm::Sinus, 250, 10, 7.0), model("potassium").card());
        const auto e = explain("potassium", in, "wave-shap", {{"samples", "400"}});
        const double change = e.diagnostic("f_x") - e.diagnostic("f_baseline");
        QVERIFY2(std::abs(sum(e.modelMap) - change) < 1e-3 * std::max(1.0, std::abs(change)),
                 qPrintable(QString("sum %1 change %2").arg(sum(e.modelMap)).arg(change)));
        QCOMPARE(e.diagnostic("features"), 72.0);   // 12 leads × 6 waves
        QCOMPARE(e.seed, std::uint64_t(0));
        // Wave ablation on the same recording: each wave's density times its length is the drop when it is removed.
        const auto a = explain("potassium", in, "wave-ablation");
        QVERIFY(a.diagnostic("features") > 72.0);   // per beat
        QVERIFY(std::any_of(a.modelMap.begin(), a.modelMap.end(), [](float v) { return v != 0.0f; }));
    }

    void seedsMakeRunsRepeatable()
    {
        const auto in = adaptToModel(ecg(synth::Rhythm::AtrialFibrillation, 250, 10), model("af").card());
        const auto a = explain("af", in, "smoothgrad", {{"samples", "8"}, {"seed", "5"}});
        const auto b = explain("af", in, "smoothgrad", {{"samples", "8"}, {"seed", "5"}});
        const auto c = explain("af", in, "smoothgrad", {{"samples", "8"}, {"seed", "6"}});
        QCOMPARE(a.modelMap, b.modelMap);
        QVERIFY(a.modelMap != c.modelMap);
        QCOMPARE(a.seed, std::uint64_t(5));
    }
};

QTEST_GUILESS_MAIN(ExplainerPropertiesTest)
#include "test_explainer_properties.moc"
