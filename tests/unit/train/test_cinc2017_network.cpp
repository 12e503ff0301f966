// The real-data AF model's ensemble (`execg-train --members`: networks trained from different seeds, averaged): its
// logits and its input gradients are exactly the members' mean, it survives a save and load, and it has the card's
// layers with every member's channels in them, so Grad-CAM and concept tests read the ensemble, not one member.
#include "model/torch/TorchModel.h"
#include "model/torch/training/Cinc2017Network.h"

#include <QtTest>


using namespace execg::training;

namespace {

torch::jit::Module member(std::uint64_t seed)
{
    torch::manual_seed(seed);
    return afCinc2017Network();
}

torch::Tensor logits(torch::jit::Module& m, const torch::Tensor& x) { return m.forward({x}).toTensor(); }

// The gradient of the summed AF logit (class 1) with respect to the input, as saliency takes it.
torch::Tensor inputGradient(torch::jit::Module& m, const torch::Tensor& x)
{
    auto input = x.clone().requires_grad_(true);
    logits(m, input).select(1, 1).sum().backward();
    return input.grad();
}

double maxDifference(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

} // namespace

class TestCinc2017Network : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { execg::configureTorchThreads(2); }

    void ensembleIsTheMembersMean()
    {
        auto a = member(1), b = member(2), c = member(3);
        auto ensemble = afCinc2017Ensemble({a, b, c});
        torch::manual_seed(7);
        const auto x = torch::randn({3, 1, 4500});
        const auto mean = (logits(a, x) + logits(b, x) + logits(c, x)) / 3.0;
        const auto z = logits(ensemble, x);
        QCOMPARE(z.sizes().vec(), (std::vector<std::int64_t>{3, 4}));
        QVERIFY(maxDifference(z, mean) < 1e-5);
        QVERIFY(maxDifference(logits(a, x), logits(b, x)) > 1e-3);   // the members differ, so the mean means something
        const auto g = inputGradient(ensemble, x);
        const auto gMean = (inputGradient(a, x) + inputGradient(b, x) + inputGradient(c, x)) / 3.0;
        QVERIFY(maxDifference(g, gMean) < 1e-5 * (gMean.abs().max().item<double>() + 1e-12) + 1e-9);
    }

    void cardLayersHoldEveryMember()
    {
        auto a = member(1), b = member(2);
        auto ensemble = afCinc2017Ensemble({a, b});
        const auto x = torch::randn({2, 1, 4500});
        torch::NoGradGuard noGrad;
        auto stage = [&](torch::jit::Module& m, const char* name, const torch::Tensor& in) {
            return m.attr(name).toModule().forward({in}).toTensor();
        };
        // layer3 of the ensemble is both members' layer3, side by side; the rhythm branch both members' features.
        auto ha = x, hb = x, h = x;
        for (const char* name : {"stem", "layer1", "layer2", "layer3"}) {
            ha = stage(a, name, ha);
            hb = stage(b, name, hb);
            h = stage(ensemble, name, h);
        }
        QCOMPARE(h.size(1), std::int64_t(2 * kWidths[3]));
        QVERIFY(maxDifference(h, torch::cat({ha, hb}, 1)) < 1e-6);
        const auto r = stage(ensemble, "rhythm", h);
        QCOMPARE(r.size(1), std::int64_t(2 * kRhythmFeatures));
        QVERIFY(maxDifference(r, torch::cat({stage(a, "rhythm", ha), stage(b, "rhythm", hb)}, 1)) < 1e-6);
        for (const char* name : {"layer4", "layer7"})
            QVERIFY2(ensemble.hasattr(name), name);
    }

    void survivesSaveAndLoad()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto file = dir.filePath("af-ensemble.pt").toStdString();
        auto a = member(1), b = member(2);
        auto ensemble = afCinc2017Ensemble({a, b});
        ensemble.save(file);
        auto loaded = torch::jit::load(file);
        const auto x = torch::randn({2, 1, 4500});
        torch::NoGradGuard noGrad;
        QVERIFY(maxDifference(logits(loaded, x), logits(ensemble, x)) < 1e-6);
    }

    void noMembersIsAnError() { QVERIFY_THROWS_EXCEPTION(std::invalid_argument, afCinc2017Ensemble({})); }
};

QTEST_GUILESS_MAIN(TestCinc2017Network)
#include "test_cinc2017_network.moc"
