// Our explainers against Captum 0.8's attributions for the reference model and input (../shared/reference/captum):
// rtol 1e-4 with atol 1e-5 × max|reference|, the tolerance the reference's README gives for float32 round-off
// (for the two perturbation methods, at least 16 ulps of the logit: see kDifferenceOfPassesFloor).
// Torch before Qt (CaptumRounding.h includes it): Qt's `slots` keyword macro breaks torch's headers.
#include <torch/script.h>

#include "CaptumRounding.h"
#include "ErrorMessage.h"

#include "explain/Explainer.h"
#include "explain/Quadrature.h"
#include "io/ReaderRegistry.h"
#include "io/npy/NpyArray.h"
#include "model/torch/TorchModel.h"

#include <QFile>
#include <QtTest>

#include <cmath>

using namespace execg;

namespace {

QString referenceDir() { return test::captumDir(); }

struct Fixture {
    std::unique_ptr<TorchModel> model;
    AdaptedInput input;
};

const Fixture& fixture()
{
    static Fixture f = [] {
        Fixture x;
        x.model = std::make_unique<TorchModel>((referenceDir() + "/model.pt").toStdString(), test::captumCard());
        ReadOptions ro;
        ro.raw.samplingRateHz = 250;
        const auto rec = ReaderRegistry::instance().read((referenceDir() + "/input.npy").toStdString(), ro);
        x.input = adaptToModel(rec.groups.front(), x.model->card());
        return x;
    }();
    return f;
}

// Occlusion and feature ablation are differences of two forward passes whose logit is 5.7046 (the reference's
// README): each pass carries float32 round-off of a few ulps of that logit, and which ones depends on the CPU's
// kernels (on AVX-512/AMX machines one feature-ablation element differs from Captum's by 3.3e-6, 7 ulps of the
// logit). For those the absolute tolerance is at least 16 ulps of the logit, 1.1e-5 (7e-5 of their largest value).
constexpr double kDifferenceOfPassesFloor = 16 * 1.1920929e-7 * 5.7046;

// Every element within the reference's tolerance (agreesWithCaptum: on a machine whose float32 rounding flips one of
// the reference input's decisions, all but a few); the message names the worst element and how many lie beyond.
void compareToReference(const std::vector<float>& ours, const QString& file, std::size_t expectCount = 30000,
                        double absoluteFloor = 0.0)
{
    const auto ref = npy::readNpyArray((referenceDir() + "/out/" + file).toStdString());
    QCOMPARE(ref.values.size(), expectCount);
    QCOMPARE(ours.size(), ref.values.size());
    const auto a = test::agreementWith(ours, std::vector<float>(ref.values.begin(), ref.values.end()), absoluteFloor);
    const bool flips = test::captumRounding().decisionFlipsHere();
    if (a.beyond > 0)
        qInfo("%s: %zu of %zu elements beyond the tolerance, correlation %.6f%s", qPrintable(file), a.beyond, ours.size(),
              a.correlation, flips ? " (this machine's float32 rounding flips a decision of the reference input)" : "");
    QVERIFY2(test::agreesWithCaptum(a, ours.size(), flips),
             qPrintable(QString("%1: element %2 ours %3 reference %4; %5 elements beyond the tolerance, correlation %6")
                            .arg(file).arg(a.worstAt).arg(ours[a.worstAt]).arg(ref.values[a.worstAt]).arg(a.beyond).arg(a.correlation)));
}

Explanation run(const std::string& method, const std::map<std::string, std::string>& params = {})
{
    ExplainOptions o;
    o.parameters = params;
    return runExplanation(method, *fixture().model, fixture().input, 1, o);
}

} // namespace

class CaptumAgreementTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        EXECG_REQUIRE_CAPTUM();
        configureTorchThreads(2);
    }

    void gaussLegendreNodesMatchNumpy()
    {
        const auto ref = npy::readNpyArray((referenceDir() + "/out/ig_gausslegendre_alphas_weights.npy").toStdString());
        QCOMPARE(ref.shape, (std::vector<std::uint64_t>{2, 50}));
        const auto rule = gaussLegendre(50);
        for (int k = 0; k < 50; ++k) {
            QVERIFY2(std::abs(rule.alphas[std::size_t(k)] - ref.values[std::size_t(k)]) < 1e-13, qPrintable(QString::number(k)));
            QVERIFY(std::abs(rule.weights[std::size_t(k)] - ref.values[std::size_t(50 + k)]) < 1e-13);
        }
    }

    // Whatever this machine's rounding: saliency is LibTorch's own float32 gradient of the logit, element for element.
    void saliencyIsTheModelsGradientHere()
    {
        const auto& rounding = test::captumRounding();
        QCOMPARE(rounding.float64Beyond, std::size_t(0));   // the oracle is the exact gradient
        const auto ours = run("saliency").modelMap;
        QCOMPARE(ours.size(), rounding.float32Gradient.size());
        double worst = 0;
        for (std::size_t i = 0; i < ours.size(); ++i)
            worst = std::max(worst, double(std::abs(ours[i] - rounding.float32Gradient[i])));
        QVERIFY2(worst <= 1e-7, qPrintable(QString::number(worst)));
        if (rounding.decisionFlipsHere())
            qInfo("float32 gradient on this machine: %zu of 30000 elements beyond Captum's tolerance, float64: 0",
                  rounding.float32Beyond);
    }

    void saliency()
    {
        compareToReference(run("saliency").modelMap, "saliency.npy");
        compareToReference(run("saliency", {{"abs", "true"}}).modelMap, "saliency_abs.npy");
    }

    void inputTimesGradient() { compareToReference(run("input-x-gradient").modelMap, "input_x_gradient.npy"); }

    void integratedGradients()
    {
        const auto gl = run("integrated-gradients");
        compareToReference(gl.modelMap, "ig_gausslegendre.npy");
        QVERIFY2(std::abs(gl.diagnostic("completeness_delta") - -0.0015526) < 2e-4,
                 qPrintable(QString::number(gl.diagnostic("completeness_delta"))));
        QVERIFY(std::abs(gl.diagnostic("f_x") - gl.diagnostic("f_baseline") - 7.51053) < 1e-3);
        const auto tr = run("integrated-gradients", {{"rule", "trapezoid"}});
        compareToReference(tr.modelMap, "ig_riemann_trapezoid.npy");
        QVERIFY2(std::abs(tr.diagnostic("completeness_delta") - -0.16226) < 2e-4,
                 qPrintable(QString::number(tr.diagnostic("completeness_delta"))));
        // The internal batch size changes nothing but speed.
        const auto small = run("integrated-gradients", {{"batch", "7"}});
        double diff = 0;
        for (std::size_t i = 0; i < small.modelMap.size(); ++i)
            diff = std::max(diff, double(std::abs(small.modelMap[i] - gl.modelMap[i])));
        QVERIFY2(diff < 1e-6, qPrintable(QString::number(diff)));
    }

    void smoothGrad()
    {
        const auto e = run("smoothgrad");   // defaults: 50 samples, 0.2 mV, seed 0 — the reference's settings
        QCOMPARE(e.seed, std::uint64_t(0));
        compareToReference(e.modelMap, "smoothgrad_saliency.npy");
        compareToReference(run("smoothgrad", {{"abs", "true"}}).modelMap, "smoothgrad_saliency_abs.npy");
    }

    void gradCam()
    {
        const auto e = run("grad-cam", {{"layer", "layer3"}});
        QCOMPARE(e.diagnostic("layer_samples"), 157.0);
        // The upsampled map is the same on every lead; compare lead 0 with Captum's (1, 1, 2500).
        const std::vector<float> lead0(e.modelMap.begin(), e.modelMap.begin() + 2500);
        compareToReference(lead0, "layer_gradcam_layer3_upsampled_linear.npy", 2500);
        const std::vector<float> lead11(e.modelMap.end() - 2500, e.modelMap.end());
        QCOMPARE(lead11, lead0);
    }

    void guidedMethods()
    {
        const auto saliencyBefore = run("saliency").modelMap;
        compareToReference(run("guided-backprop").modelMap, "guided_backprop.npy");
        compareToReference(run("guided-grad-cam", {{"layer", "layer3"}}).modelMap, "guided_gradcam_layer3.npy");
        // The guided copy leaves the model's own gradient untouched.
        QCOMPARE(run("saliency").modelMap, saliencyBefore);
    }

    void occlusionAndFeatureAblation()
    {
        const auto o = run("occlusion", {{"window-ms", "100"}});   // 12 leads × 25 samples, stride 25
        QCOMPARE(o.diagnostic("windows"), 100.0);
        compareToReference(o.modelMap, "occlusion_12x25.npy", 30000, kDifferenceOfPassesFloor);
        const auto fa = run("feature-ablation", {{"window-ms", "200"}});   // lead × 50 samples: 600 features
        QCOMPARE(fa.diagnostic("features"), 600.0);
        compareToReference(fa.modelMap, "feature_ablation_lead_x_50.npy", 30000, kDifferenceOfPassesFloor);
        // Both were recomputed only where each window reaches (the model's stem and residual stages are local in
        // time), and still agree with Captum's full forward passes.
        QCOMPARE(o.diagnostic("incremental_copies"), 100.0);
        QCOMPARE(fa.diagnostic("incremental_copies"), 600.0);
        // Batching changes nothing but speed.
        const auto one = run("occlusion", {{"window-ms", "100"}, {"batch", "1"}});
        double diff = 0;
        for (std::size_t i = 0; i < one.modelMap.size(); ++i)
            diff = std::max(diff, double(std::abs(one.modelMap[i] - o.modelMap[i])));
        QVERIFY2(diff < 1e-5, qPrintable(QString::number(diff)));
    }

    void badRequestsAreRefused()
    {
        const auto message = test::messageOf;
        QString m = message([] { runExplanation("saliency", *fixture().model, fixture().input, 2); });
        QVERIFY2(m.contains("target 2 is out of range; the model has 2 outputs (0 to 1)"), qPrintable(m));
        m = message([] { run("grad-cam", {{"layer", "layer2"}}); });
        QVERIFY2(m.contains("layer 'layer2' is not listed in the model's card for Grad-CAM (listed: layer3)"), qPrintable(m));
        m = message([] { run("integrated-gradients", {{"steps", "0"}}); });
        QVERIFY2(m.contains("integrated-gradients: parameter 'steps' is 0; allowed 1 to 1000"), qPrintable(m));
        m = message([] { run("smoothgrad", {{"nosie", "0.1"}}); });
        QVERIFY2(m.contains("smoothgrad has no parameter 'nosie'"), qPrintable(m));
        m = message([] { run("deep-dream"); });
        QVERIFY2(m.contains("unknown explanation method 'deep-dream'"), qPrintable(m));
        auto withNan = fixture().input;
        withNan.values[100] = std::nanf("");
        m = message([&] { runExplanation("saliency", *fixture().model, withNan, 1); });
        QVERIFY2(m.contains("NaN"), qPrintable(m));
        // Cancelling leaves nothing: the call throws instead of returning a partial map.
        ExplainOptions o;
        int calls = 0;
        o.progress = [&](double) { return ++calls < 2; };
        QVERIFY_THROWS_EXCEPTION(ExplainCancelled, runExplanation("integrated-gradients", *fixture().model, fixture().input, 1, o));
    }
};

QTEST_GUILESS_MAIN(CaptumAgreementTest)
#include "test_captum_agreement.moc"
