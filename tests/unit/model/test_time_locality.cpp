// Reading a module's TorchScript graph for how far a change along time can reach (TimeLocality), and recomputing
// copies of an input from crops around their changes (IncrementalChain): the ranges are what brute force finds,
// non-local modules are refused with the operation named, and the incremental outputs are forward()'s.
// Torch before Qt: Qt's `slots` keyword macro breaks torch's headers.
#include "model/torch/IncrementalChain.h"
#include "model/torch/TimeLocality.h"
#include "model/torch/TorchModelImpl.h"

#include "Corpus.h"
#include "model/ModelCard.h"

#include <QtTest>

using namespace execg;

namespace {

// conv (k 5, stride 2, padding 2) → ReLU-free activation → max pool (k 3, stride 2, padding 1) → conv (k 3, dilation 2)
torch::jit::Module convPoolConv()
{
    torch::manual_seed(7);
    torch::jit::Module m("ConvPoolConv");
    m.register_parameter("w1", torch::randn({4, 2, 5}), false);
    m.register_parameter("b1", torch::randn({4}), false);
    m.register_parameter("w2", torch::randn({3, 4, 3}), false);
    m.define(R"(
def forward(self, x):
    h = torch.conv1d(x, self.w1, self.b1, [2], [2], [1], 1)
    h = torch.tanh(h)
    h = torch.max_pool1d(h, [3], [2], [1], [1], False)
    return torch.conv1d(h, self.w2, None, [1], [2], [2], 1)
)");
    m.eval();
    return m;
}

// A residual block: conv branch plus the input itself.
torch::jit::Module residual()
{
    torch::manual_seed(8);
    torch::jit::Module m("Residual");
    m.register_parameter("w", torch::randn({2, 2, 7}), false);
    m.define(R"(
def forward(self, x):
    return torch.tanh(torch.conv1d(x, self.w, None, [1], [3], [1], 1)) + x
)");
    m.eval();
    return m;
}

// Output samples that differ when input samples [lo, hi) are changed, found by running the module. The change is
// large and tried in both directions, so that in every channel it wins the max-pool windows it falls into.
TimeRange bruteForceReach(torch::jit::Module m, int length, TimeRange changed)
{
    torch::NoGradGuard noGrad;
    const auto x = torch::randn({1, 2, length});
    const auto y0 = m.forward({x}).toTensor();
    auto d = torch::zeros({y0.size(2)});
    for (const double delta : {1000.0, -1000.0}) {
        auto y = x.clone();
        y.slice(2, changed.lo, changed.hi).add_(delta);
        d += (m.forward({y}).toTensor() - y0).abs().amax({0, 1});
    }
    const auto nz = d.nonzero();
    if (nz.numel() == 0)
        return {};
    return {int(nz.min().item<std::int64_t>()), int(nz.max().item<std::int64_t>()) + 1};
}

// A small ECG classifier saved as a user's file: a convolutional stem, a residual stage, then a global head.
std::string saveChainModel()
{
    torch::manual_seed(9);
    torch::jit::Module stem("Stem");
    stem.register_parameter("w", torch::randn({4, 3, 5}) * 0.3, false);
    stem.define(R"(
def forward(self, x):
    return torch.max_pool1d(torch.relu(torch.conv1d(x, self.w, None, [2], [2], [1], 1)), [3], [2], [1], [1], False)
)");
    torch::jit::Module block("Block");
    block.register_parameter("w", torch::randn({4, 4, 7}) * 0.3, false);
    block.define(R"(
def forward(self, x):
    return torch.relu(torch.conv1d(x, self.w, None, [1], [3], [1], 1) + x)
)");
    torch::jit::Module head("Head");
    head.register_parameter("w", torch::randn({4, 2}), false);
    head.define(R"(
def forward(self, x):
    return torch.matmul(x.mean(dim=2), self.w)
)");
    torch::jit::Module m("ChainModel");
    m.register_module("stem", stem);
    m.register_module("block", block);
    m.register_module("head", head);
    m.define(R"(
def forward(self, x):
    return self.head.forward(self.block.forward(self.stem.forward(x)))
)");
    m.eval();
    const auto path = (test::scratchDir("time-locality") + "/chain.pt").toStdString();
    m.save(path);
    return path;
}

ModelCard chainCard()
{
    ModelCard c;
    c.name = "chain";
    c.task = ModelTask::Multiclass;
    c.outputs = {{"a", ""}, {"b", ""}};
    c.activation = OutputActivation::Softmax;
    c.input.leads = {"I", "II", "V1"};
    c.input.samplingRateHz = 100;
    c.input.samples = 500;
    c.intendedUse = "test";
    return c;
}

} // namespace

class TimeLocalityTest : public QObject {
    Q_OBJECT

private slots:
    void reachMatchesBruteForce()
    {
        for (auto module : {convPoolConv(), residual()}) {
            std::string why;
            const auto t = TimeLocality::analyse(module, &why);
            QVERIFY2(t, why.c_str());
            const int length = 203;
            for (const TimeRange changed : {TimeRange{0, 4}, TimeRange{50, 61}, TimeRange{100, 101}, TimeRange{190, 203}}) {
                const TimeRange expected = bruteForceReach(module, length, changed);
                const TimeRange got = t->reach(changed, length);
                QCOMPARE(got.lo, expected.lo);
                QCOMPARE(got.hi, expected.hi);
            }
            torch::NoGradGuard noGrad;
            QCOMPARE(t->outputLength(length), int(module.forward({torch::zeros({1, 2, length})}).toTensor().size(2)));
        }
    }

    void inPlaceAdditionsCarryTheirReach()
    {
        // h.add_(g): later uses of h must reach as far as g does (±4 samples here, not h's 0).
        torch::manual_seed(10);
        torch::jit::Module m("InPlace");
        m.register_parameter("w", torch::randn({2, 2, 1}), false);
        m.register_parameter("v", torch::randn({2, 2, 9}), false);
        m.define(R"(
def forward(self, x):
    h = torch.conv1d(x, self.w, None, [1], [0], [1], 1)
    g = torch.conv1d(x, self.v, None, [1], [4], [1], 1)
    h.add_(g)
    return torch.tanh(h)
)");
        m.eval();
        std::string why;
        const auto t = TimeLocality::analyse(m, &why);
        QVERIFY2(t, why.c_str());
        const TimeRange got = t->reach({100, 101}, 203), expected = bruteForceReach(m, 203, {100, 101});
        QCOMPARE(expected.lo, 96);
        QCOMPARE(got.lo, expected.lo);
        QCOMPARE(got.hi, expected.hi);
    }

    void lengthDependentAndBroadcastGraphsAreRefused()
    {
        // A positional table cut to the signal's length: aten::size on the signal is refused.
        torch::jit::Module pe("Positional");
        pe.register_parameter("pe", torch::randn({1, 2, 500}), false);
        pe.define(R"(
def forward(self, x):
    return x + self.pe[:, :, :x.size(2)]
)");
        pe.eval();
        std::string why;
        QVERIFY(!TimeLocality::analyse(pe, &why));
        QVERIFY2(why.find("aten::size") != std::string::npos, why.c_str());
        // A gate pooled over the whole signal broadcasts over all of time: analysable, but does not fit.
        torch::jit::Module gate("Gate");
        gate.define(R"(
def forward(self, x):
    return x * torch.avg_pool1d(x, [203], [1], [0], False, True)
)");
        gate.eval();
        const auto t = TimeLocality::analyse(gate, &why);
        QVERIFY(t);
        QVERIFY(!t->fits(203));
        QVERIFY(convPoolConv().hasattr("w1") && TimeLocality::analyse(convPoolConv())->fits(203));
    }

    void dependenceIsWhatAnOutputReads()
    {
        // Output j of the first module reads conv-1 inputs around 4j: crop the input to dependence() and the
        // wanted outputs come out the same.
        auto module = convPoolConv();
        const auto t = TimeLocality::analyse(module);
        QVERIFY(t);
        QCOMPARE(t->alignment(), 4);
        QCOMPARE(t->outputStride(), 4);
        torch::NoGradGuard noGrad;
        torch::manual_seed(3);
        const int length = 400;
        const auto x = torch::randn({1, 2, length});
        const auto full = module.forward({x}).toTensor();
        const TimeRange wanted{40, 52};
        const TimeRange need = t->dependence(wanted, length);
        QVERIFY(need.lo > 0 && need.hi < length);
        const int start = need.lo / 4 * 4;
        const auto part = module.forward({x.slice(2, start, need.hi)}).toTensor();
        const int offset = start / 4;
        QVERIFY((part.slice(2, wanted.lo - offset, wanted.hi - offset) - full.slice(2, wanted.lo, wanted.hi)).abs().max().item<float>() < 1e-5f);
    }

    void groupNormIsNotLocal()
    {
        // The demo models normalise over time (GroupNorm): their perturbations run in full.
        const std::string path = std::string(EXECG_SOURCE_DIR) + "/resources/models/af.pt";
        const TorchModel model(path, loadModelCard(modelCardPathFor(path)));
        std::string why;
        QVERIFY(!incrementalPlan(model, &why));
        QVERIFY2(why.find("group_norm") != std::string::npos, why.c_str());
    }

    void nonLocalModulesAreRefusedWithTheOperation()
    {
        torch::jit::Module m("Gated");
        m.define(R"(
def forward(self, x):
    return x * torch.sigmoid(x.mean(dim=2, keepdim=True))
)");
        m.eval();
        std::string why;
        QVERIFY(!TimeLocality::analyse(m, &why));
        QVERIFY2(why.find("aten::mean") != std::string::npos, why.c_str());
    }

    void incrementalOutputsAreForwards_data()
    {
        QTest::addColumn<int>("samples");
        QTest::newRow("the card's length") << 500;
        // A card that takes shorter inputs: a length whose strides leave other remainders at the end.
        QTest::newRow("shorter, odd") << 333;
    }

    void incrementalOutputsAreForwards()
    {
        // Copies occluded anywhere (edges included), at once, give forward()'s outputs.
        QFETCH(int, samples);
        auto card = chainCard();
        card.input.shortestSamples = 300;
        const TorchModel model(saveChainModel(), card);
        std::string why;
        const auto plan = incrementalPlan(model, samples, &why);
        QVERIFY2(plan, why.c_str());
        QCOMPARE(plan->local.size(), std::size_t(2));   // stem and block; the head's mean is global
        QCOMPARE(incrementalPlan(model, samples).get(), plan.get());   // made once per length
        QCOMPARE(incrementalPlan(model).get() == plan.get(), samples == card.input.samples);
        torch::NoGradGuard noGrad;
        const auto x = toTensor({chainProbe(model.card())}).slice(2, 0, samples).contiguous();
        const int length = int(x.size(2));
        QCOMPARE(length, samples);
        std::vector<TimeRange> ranges;
        for (int lo = 0; lo < length; lo += 37)
            ranges.push_back({lo, std::min(length, lo + 25)});
        auto copies = x.repeat({std::int64_t(ranges.size()), 1, 1});
        for (std::size_t k = 0; k < ranges.size(); ++k)
            copies[std::int64_t(k)].slice(0, std::int64_t(k % 3), std::int64_t(k % 3) + 2).slice(1, ranges[k].lo, ranges[k].hi).zero_();
        auto module = model.impl().module;
        const auto full = module.forward({copies}).toTensor();
        const auto fast = IncrementalChain(model, plan, x).outputs(copies, ranges, 7);   // the global head 7 at a time
        QCOMPARE(fast.sizes(), full.sizes());
        QVERIFY((fast - full).abs().max().item<double>() <= 1e-5 * std::max(1.0, full.abs().max().item<double>()));
    }
};

QTEST_GUILESS_MAIN(TimeLocalityTest)
#include "test_time_locality.moc"
