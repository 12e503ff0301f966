// Every attribution method on the architectures researchers bring (tests/models: (x, y)-pair residual blocks, a
// top-level skip, Inception branches, a transformer with class token and positional embedding, a GRU head after a
// convolutional front end, functional ReLUs; scripted and traced): each predicts as PyTorch does, every method runs
// or is refused with its reason, and the layer methods at layers off the submodule chain — Grad-CAM, Grad-CAM++,
// guided Grad-CAM, the activations and gradients concept tests use — match a reference computed independently
// (a forward hook and autograd on the eager PyTorch module) to rtol 1e-4. A concept test runs at a transformer
// encoder layer and a GRU.
#include "AnyModels.h"
#include "Corpus.h"
#include "explain/torch/Gradients.h"
#include "model/torch/TorchModelImpl.h"

#include "concept/ConceptSets.h"
#include "concept/torch/Tcav.h"
#include "explain/Explainer.h"
#include "synth/EcgSynthesizer.h"

#include <torch/csrc/autograd/autograd.h>

#include <QtTest>

#include <cmath>
#include <map>
#include <memory>

using namespace execg;
using namespace execg::test;

namespace {

struct AnyModel {
    std::string file, reference;
    std::vector<ModelLayer> layers;
};

const std::vector<AnyModel>& anyModels()
{
    static const std::vector<AnyModel> models = {
        {"pair_resnet", "pair_resnet", {{"res_blocks.1", true, true}, {"res_blocks.2.conv1", true, true}}},
        {"pair_resnet_traced", "pair_resnet", {{"res_blocks.2.conv1", true, true}}},
        {"top_skip", "top_skip", {{"body", true, true}, {"body.2", true, true}}},
        {"top_skip_traced", "top_skip", {{"body", true, true}, {"body.2", true, true}}},
        {"inception", "inception", {{"inc1", true, true}, {"inc2.branch5", true, true}}},
        {"transformer", "transformer", {{"stem", true, false}, {"encoder.layers.1", false, true}}},
        {"conv_gru", "conv_gru", {{"front", true, false}, {"gru", false, true}}},
        {"conv_gru_traced", "conv_gru", {{"front", true, false}, {"gru", false, true}}},
        {"functional_relu", "functional_relu", {{"conv2", true, true}}},
    };
    return models;
}

const TorchModel& loaded(const AnyModel& m)
{
    static std::map<std::string, std::unique_ptr<TorchModel>> cache;
    auto& p = cache[m.file];
    if (!p) {
        auto card = anyModelCard(m.file);
        card.layers = m.layers;
        p = std::make_unique<TorchModel>(anyModelPath(m.file), card);
    }
    return *p;
}

// Row 0 of the reference input, as the adapter would give it (3 leads × 1,000 samples at 250 Hz, in mV).
AdaptedInput referenceInput()
{
    const auto x = anyModelInput()[0].contiguous();
    AdaptedInput in;
    in.leads = int(x.size(0));
    in.samples = int(x.size(1));
    in.values.assign(x.data_ptr<float>(), x.data_ptr<float>() + x.numel());
    in.mv = in.values;
    in.sourceLead = {0, 1, 2};
    in.derived = {false, false, false};
    in.sourceRateHz = in.modelRateHz = 250;
    in.sourceCount = in.validSamples = in.samples;
    return in;
}

torch::Tensor mapOf(const Explanation& e) { return torch::tensor(e.modelMap).reshape({e.leads, e.samples}); }

LayerPass referencePass(const std::string& reference, const std::string& layer)
{
    const auto stem = reference + "__" + layer;
    return {referenceTensor(stem + "__act").slice(0, 0, 1), referenceTensor(stem + "__grad").slice(0, 0, 1)};
}

torch::Tensor stretched(const torch::Tensor& course, bool linear, int samples)
{
    const auto s = linear ? at::upsample_linear1d(course, {samples}, false) : at::upsample_nearest1d(course, {samples});
    return s.reshape({1, samples}).expand({3, samples});
}

QString near(const torch::Tensor& a, const torch::Tensor& b, double rtol = 1e-4)
{
    double d = 0;
    return closeTo(a, b, rtol, &d) ? QString() : QString("differs by %1 (relative)").arg(d);
}

// A class-activation map is the ReLU of a weighted sum over channels, which cancels: float32 differences in the
// activations and gradients (pinned to 1e-4 by conceptTestLayersMatchTheReference) grow in it. The reference comes from
// eager PyTorch on another CPU; on an AVX-512 machine top_skip's body.2 map differed by 2.3e-4 of its peak. A wrong
// layer, target or formula differs by the order of the map itself.
constexpr double kCamRtol = 1e-3;

} // namespace

class AnyModelsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureTorchThreads(2); }

    void predictsAsPyTorchDoes()
    {
        const auto x = anyModelInput();
        const AdaptedInput row0 = referenceInput();
        for (const auto& m : anyModels()) {
            const auto& model = loaded(m);
            QVERIFY2(model.card().warnings.empty(), (m.file + ": " + (model.card().warnings.empty() ? "" : model.card().warnings.front())).c_str());
            const auto y = model.predict({row0});
            const auto expected = referenceTensor(m.reference + "__output")[0];
            const auto got = torch::tensor(y[0]);
            QVERIFY2(near(got, expected).isEmpty(), qPrintable(QString::fromStdString(m.file) + ": " + near(got, expected)));
        }
    }

    void everyMethodRunsOrSaysWhyNot()
    {
        const AdaptedInput in = referenceInput();
        for (const auto& m : anyModels()) {
            const auto& model = loaded(m);
            for (const auto* explainer : ExplainerRegistry::instance().all()) {
                const auto& name = explainer->info().name;
                try {
                    const auto e = runExplanation(name, model, in, kAnyModelTarget);
                    QCOMPARE(e.modelMap.size(), std::size_t(3 * 1000));
                    for (float v : e.modelMap)
                        QVERIFY2(std::isfinite(v), (m.file + " " + name + ": a value is not finite").c_str());
                } catch (const ExplainError& err) {
                    const std::string why = err.what();
                    QVERIFY2(why.size() > name.size() + 10, (m.file + " " + name + ": refused without a reason: " + why).c_str());
                    // What the issue is about: a layer method must not be refused on these models.
                    QVERIFY2(explainer->info().family != "layer", (m.file + " " + name + " refused: " + why).c_str());
                }
            }
        }
    }

    void layerMethodsMatchTheReference()
    {
        const AdaptedInput in = referenceInput();
        for (const auto& m : anyModels())
            for (const auto& layer : m.layers) {
                if (!layer.gradCam || (m.file != m.reference && layer.name.find("res_blocks.1") == 0))
                    continue;
                const auto& model = loaded(m);
                const auto ref = referencePass(m.reference, layer.name);
                const auto label = QString::fromStdString(m.file + " at " + layer.name + ": ");
                for (const bool plusPlus : {false, true}) {
                    const auto e = runExplanation(plusPlus ? "grad-cam-plus-plus" : "grad-cam", model, in, kAnyModelTarget,
                                                  {{{"layer", layer.name}, {"upsample", "linear"}}, nullptr, {}});
                    const auto expected = stretched(camCourse(ref, plusPlus), true, 1000);
                    QVERIFY2(near(mapOf(e), expected, kCamRtol).isEmpty(),
                             qPrintable(label + (plusPlus ? "Grad-CAM++ " : "Grad-CAM ") + near(mapOf(e), expected, kCamRtol)));
                }
            }
    }

    void guidedMethodsGuideFunctionalRelus()
    {
        const AnyModel& m = anyModels().back();
        QCOMPARE(QString::fromStdString(m.file), QString("functional_relu"));
        const auto& model = loaded(m);
        const AdaptedInput in = referenceInput();
        const auto guided = referenceTensor("functional_relu__guided")[0];
        const auto gb = runExplanation("guided-backprop", model, in, kAnyModelTarget);
        QVERIFY2(near(mapOf(gb), guided).isEmpty(), qPrintable("guided backprop " + near(mapOf(gb), guided)));
        // F.relu, torch.relu, relu_ and clamp_min(0) are all guided: the map differs from the plain gradient.
        const auto plain = runExplanation("saliency", model, in, kAnyModelTarget, {{{"abs", "false"}}, nullptr, {}});
        QVERIFY((mapOf(gb) - mapOf(plain)).abs().max().item<double>() > 0.05 * mapOf(plain).abs().max().item<double>());
        for (const auto& note : gb.notes)
            QVERIFY2(note.find("no ReLU") == std::string::npos, note.c_str());

        const auto ggc = runExplanation("guided-grad-cam", model, in, kAnyModelTarget, {{{"layer", "conv2"}}, nullptr, {}});
        const auto cam = stretched(torch::relu(camCourse(referencePass("functional_relu", "conv2"), false)), false, 1000);
        QVERIFY2(near(mapOf(ggc), guided * cam, kCamRtol).isEmpty(), qPrintable("guided Grad-CAM " + near(mapOf(ggc), guided * cam, kCamRtol)));

        // A model with no ReLU at all says that guided backpropagation is then the plain gradient.
        torch::jit::Module linear("NoRelu");
        linear.register_parameter("w", torch::linspace(-1, 1, 3 * 1000 * 2).reshape({2, 3000}), false);
        linear.define("def forward(self, x):\n    return torch.tanh(x.flatten(1)).matmul(self.w.t())\n");
        const auto path = (scratchDir("any-models") + "/no-relu.pt").toStdString();
        linear.save(path);
        const TorchModel noRelu(path, anyModelCard("no-relu"));
        const auto e = runExplanation("guided-backprop", noRelu, in, kAnyModelTarget);
        QCOMPARE(e.notes.size(), std::size_t(1));
        QVERIFY2(e.notes[0].find("the model has no ReLU (as module, function or clamp at 0): guided backpropagation equals "
                                 "the plain gradient") != std::string::npos, e.notes[0].c_str());
        const auto plainNoRelu = runExplanation("saliency", noRelu, in, kAnyModelTarget, {{{"abs", "false"}}, nullptr, {}});
        QCOMPARE((mapOf(e) - mapOf(plainNoRelu)).abs().max().item<double>(), 0.0);
    }

    void conceptTestLayersMatchTheReference()
    {
        const auto x = anyModelInput();
        for (const auto& m : anyModels())
            for (const auto& layer : m.layers) {
                if (!layer.tcav || m.file != m.reference)
                    continue;
                const auto& model = loaded(m);
                const auto label = QString::fromStdString(m.file + " at " + layer.name + ": ");
                torch::Tensor acts;
                {
                    torch::InferenceMode inference;
                    acts = model.impl().layerActivations(x, layer.name).clone();
                }
                const auto refAct = referenceTensor(m.reference + "__" + layer.name + "__act");
                QVERIFY2(near(acts, refAct).isEmpty(), qPrintable(label + "activations " + near(acts, refAct)));
                const auto pass = model.impl().layerForward(x, layer.name);
                const auto g = torch::autograd::grad({pass.output.select(1, kAnyModelTarget).sum()}, {pass.activations})[0];
                const auto refGrad = referenceTensor(m.reference + "__" + layer.name + "__grad");
                QVERIFY2(near(g, refGrad).isEmpty(), qPrintable(label + "gradients " + near(g, refGrad)));
            }
    }

    void conceptTestRunsAtATransformerLayerAndAGru()
    {
        for (const auto* file : {"transformer", "conv_gru"}) {
            const auto& m = *std::find_if(anyModels().begin(), anyModels().end(), [&](const AnyModel& a) { return a.file == file; });
            TcavOptions o;
            o.runs = 4;
            o.seed = 7;
            const auto r = runTcav(loaded(m), {tcav::builtinConceptSet("peaked-t", 12, 11, 250.0)}, tcav::normalPool(36, 12, 250.0),
                                   tcav::builtinConceptSet("random", 12, 13, 250.0), kAnyModelTarget, o);
            QCOMPARE(r.rows.size(), std::size_t(1));
            QCOMPARE(QString::fromStdString(r.rows[0].layer), QString::fromStdString(m.layers[1].name));
            QCOMPARE(r.rows[0].runs, 4);
            QVERIFY(r.rows[0].score >= 0.0 && r.rows[0].score <= 1.0);
        }
    }

    // The same network fed (batch, samples, leads), its card saying so, gives every map on the recording's axis as
    // the leads-first model does.
    void samplesFirstModelsGiveTheSameMaps()
    {
        auto leadsFirstCard = anyModelCard("top_skip");
        leadsFirstCard.layers = {{"body", true, true}};
        auto samplesFirstCard = anyModelCard("samples_first");
        samplesFirstCard.layers = {{"inner.body", true, true}};
        samplesFirstCard.input.layout = InputLayout::SamplesFirst;
        const TorchModel leadsFirst(anyModelPath("top_skip"), leadsFirstCard);
        const TorchModel samplesFirst(anyModelPath("samples_first"), samplesFirstCard);
        QVERIFY(samplesFirst.card().warnings.empty());
        // Without the layout in its card the model is refused at load with what to do.
        try {
            TorchModel(anyModelPath("samples_first"), anyModelCard("samples_first"));
            QFAIL("a samples-first model loaded with a leads-first card");
        } catch (const ModelError& e) {
            QVERIFY2(QString(e.what()).contains("say so in its card (input.layout)"), e.what());
        }

        synth::SynthParams p;
        p.samplingRateHz = 500;
        p.seconds = 5;
        p.seed = 99;
        const auto recording = synth::generateEcg(p).recording;
        const auto& group = recording.groups.front();
        const auto in = adaptToModel(group, leadsFirstCard);
        QCOMPARE(samplesFirst.predict({in}), leadsFirst.predict({in}));
        int compared = 0;
        for (const auto* explainer : ExplainerRegistry::instance().all()) {
            const auto& name = explainer->info().name;
            ExplainOptions a, b;
            if (explainer->info().family == "layer") {
                a.parameters["layer"] = "body";
                b.parameters["layer"] = "inner.body";
            }
            Explanation ea, eb;
            try {
                ea = runExplanation(name, leadsFirst, in, kAnyModelTarget, a);
            } catch (const ExplainError&) {
                QVERIFY_THROWS_EXCEPTION(ExplainError, runExplanation(name, samplesFirst, in, kAnyModelTarget, b));
                continue;
            }
            eb = runExplanation(name, samplesFirst, in, kAnyModelTarget, b);
            mapExplanationToRecording(ea, in, group);
            mapExplanationToRecording(eb, in, group);
            QCOMPARE(ea.recordingMap.size(), eb.recordingMap.size());
            double scale = 0, diff = 0;
            for (std::size_t l = 0; l < ea.recordingMap.size(); ++l)
                for (std::size_t k = 0; k < ea.recordingMap[l].size(); ++k) {
                    const float x = ea.recordingMap[l][k], y = eb.recordingMap[l][k];
                    QCOMPARE(std::isnan(x), std::isnan(y));
                    if (!std::isnan(x)) {
                        scale = std::max(scale, double(std::abs(x)));
                        diff = std::max(diff, double(std::abs(x - y)));
                    }
                }
            QVERIFY2(diff <= 1e-6 * std::max(scale, 1e-6), qPrintable(QString::fromStdString(name) + ": " + QString::number(diff / scale)));
            ++compared;
        }
        QVERIFY(compared >= 10);
    }
};

QTEST_GUILESS_MAIN(AnyModelsTest)
#include "test_any_models.moc"
