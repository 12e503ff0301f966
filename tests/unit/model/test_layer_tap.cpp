// Layer access on the model's own graph (LayerTap): on models of the architectures researchers bring — (x, y)-pair
// residual blocks, a top-level skip, Inception branches, a transformer with class token, a GRU head, scripted and
// traced — a layer's output and the target's gradient with respect to it equal what a forward hook and autograd on
// the eager PyTorch module gave (tests/models/make_test_models.py), to rtol 1e-4; on a chain model the tap equals
// the submodule chain; what cannot be reached is refused with the reason.
#include "AnyModels.h"
#include "model/torch/LayerTap.h"
#include "model/torch/ModelChain.h"

#include <ATen/Parallel.h>
#include <torch/csrc/autograd/autograd.h>

#include <QtTest>

using namespace execg;
using namespace execg::test;

namespace {

torch::jit::Module load(const std::string& name)
{
    auto m = torch::jit::load(anyModelPath(name));
    m.eval();
    return m;
}

} // namespace

class LayerTapTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { at::set_num_threads(1); }

    void matchesTheEagerModulesHook_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("layer");
        for (const char* l : {"res_blocks.1", "res_blocks.2.conv1"})
            QTest::addRow("pair_resnet %s", l) << "pair_resnet" << "pair_resnet" << l;
        // Traced, block 0 got the same tensor as x and y, so the tracer's graph returns the pair in its own order:
        // a block's tuple is not compared with the eager x there.
        QTest::addRow("pair_resnet_traced res_blocks.2.conv1") << "pair_resnet_traced" << "pair_resnet" << "res_blocks.2.conv1";
        for (const char* m : {"top_skip", "top_skip_traced"})
            for (const char* l : {"body", "body.2"})
                QTest::addRow("%s %s", m, l) << m << "top_skip" << l;
        for (const char* l : {"inc1", "inc2.branch5"})
            QTest::addRow("inception %s", l) << "inception" << "inception" << l;
        for (const char* l : {"stem", "encoder.layers.1"})
            QTest::addRow("transformer %s", l) << "transformer" << "transformer" << l;
        for (const char* m : {"conv_gru", "conv_gru_traced"})
            for (const char* l : {"front", "gru"})
                QTest::addRow("%s %s", m, l) << m << "conv_gru" << l;
        QTest::addRow("functional_relu conv2") << "functional_relu" << "functional_relu" << "conv2";
    }

    void matchesTheEagerModulesHook()
    {
        QFETCH(QString, model);
        QFETCH(QString, reference);
        QFETCH(QString, layer);
        const auto module = load(model.toStdString());
        const LayerTap tap(module, layer.toStdString());
        const auto x = anyModelInput();
        const auto stem = reference.toStdString() + "__" + layer.toStdString();
        const auto act = referenceTensor(stem + "__act"), grad = referenceTensor(stem + "__grad");

        const auto pass = tap.forwardFrom(x);
        QVERIFY(pass.activations.requires_grad());
        double d = 0;
        QVERIFY2(closeTo(pass.output.detach(), referenceTensor(reference.toStdString() + "__output"), 1e-4, &d),
                 qPrintable(QString("output differs by %1").arg(d)));
        QVERIFY2(closeTo(pass.activations.detach(), act, 1e-4, &d), qPrintable(QString("activations differ by %1").arg(d)));
        const auto g = torch::autograd::grad({pass.output.select(1, kAnyModelTarget).sum()}, {pass.activations})[0];
        QVERIFY2(closeTo(g, grad, 1e-4, &d), qPrintable(QString("gradients differ by %1").arg(d)));

        // Activations alone (the forward stops at the layer) are the same values.
        torch::NoGradGuard noGrad;
        QVERIFY2(closeTo(tap.activations(x), act, 1e-4, &d), qPrintable(QString("activations alone differ by %1").arg(d)));
    }

    void equalsTheChainOnAChainModel()
    {
        // Inception's top level is a chain: stem, inc1, inc2, gap, (flatten) fc.
        const auto module = load("inception");
        const ModelChain chain(module);
        const LayerTap tap(module, "inc1");
        const auto x = anyModelInput();
        torch::Tensor viaChain;
        {
            torch::NoGradGuard noGrad;
            viaChain = chain.runTo(x, "inc1");
        }
        const auto leaf = viaChain.detach().requires_grad_(true);
        const auto chainGrad = torch::autograd::grad({chain.runFrom(leaf, "inc1").select(1, kAnyModelTarget).sum()}, {leaf})[0];
        const auto pass = tap.forwardFrom(x);
        const auto tapGrad = torch::autograd::grad({pass.output.select(1, kAnyModelTarget).sum()}, {pass.activations})[0];
        QCOMPARE((pass.activations.detach() - viaChain).abs().max().item<double>(), 0.0);
        QVERIFY((tapGrad - chainGrad).abs().max().item<double>() <= 1e-6 * chainGrad.abs().max().item<double>());
    }

    void aTupleLayerSaysWhichTensorItTakes()
    {
        const LayerTap tap(load("pair_resnet"), "res_blocks.1");
        QVERIFY2(QString::fromStdString(tap.note()).contains("returns 2 values; its tensor number 1 is used"),
                 tap.note().c_str());
        QVERIFY(LayerTap(load("top_skip"), "body").note().empty());
    }

    void refusesWhatCannotBeReached_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("reason");
        // The blocks' skip Sequential is empty in block 0: called, but nothing inside it.
        QTest::addRow("not a submodule") << "top_skip" << "nothere" << "never calls 'nothere' as a module";
        QTest::addRow("nested not a submodule") << "top_skip" << "body.9" << "never calls 'body.9' as a module";
        QTest::addRow("empty name") << "top_skip" << "body..2" << "is not a submodule name";
        // In PyTorch's MultiheadAttention, out_proj is never called as a module (F.multi_head_attention_forward
        // reads its weights).
        QTest::addRow("weights read, never called") << "transformer" << "encoder.layers.0.self_attn.out_proj"
                                                    << "never calls 'encoder.layers.0.self_attn.out_proj' as a module";
    }

    void refusesWhatCannotBeReached()
    {
        QFETCH(QString, model);
        QFETCH(QString, layer);
        QFETCH(QString, reason);
        try {
            LayerTap tap(load(model.toStdString()), layer.toStdString());
            QFAIL("accepted");
        } catch (const LayerTapError& e) {
            QVERIFY2(QString(e.what()).contains(reason), e.what());
        }
    }

    void refusesALayerCalledTwiceOrInALoop()
    {
        const auto withForward = [](const std::string& body) {
            torch::jit::Module inner("Inner");
            inner.register_parameter("w", torch::full({1}, 2.0), false);
            inner.define("def forward(self, x):\n    return x * self.w\n");
            torch::jit::Module outer("Outer");
            outer.register_module("inner", inner);
            outer.define("def forward(self, x):\n" + body);
            return outer;
        };
        const auto refusal = [](const torch::jit::Module& m) {
            try {
                LayerTap tap(m, "inner");
                return std::string("accepted");
            } catch (const LayerTapError& e) {
                return std::string(e.what());
            }
        };
        QVERIFY(refusal(withForward("    return self.inner.forward(self.inner.forward(x))\n")).find("called 2 times") != std::string::npos);
        QVERIFY(refusal(withForward("    for i in range(3):\n        x = self.inner.forward(x)\n    return x\n"))
                    .find("inside a loop") != std::string::npos);
        // In a branch: reachable, but an input that skips the branch is told so.
        const LayerTap branch(withForward("    if bool(x.sum() > 0):\n        x = self.inner.forward(x)\n    return x\n"), "inner");
        QCOMPARE(branch.activations(torch::ones({1, 2})).sum().item<double>(), 4.0);
        try {
            branch.activations(-torch::ones({1, 2}));
            QFAIL("a branch not taken gave activations");
        } catch (const LayerTapError& e) {
            QVERIFY2(QString(e.what()).contains("branch of forward() that was not taken"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(LayerTapTest)
#include "test_layer_tap.moc"
