// Uncertainty beside the prediction (issue 27): the noise a lead carries is measured where it is known; on synthetic
// ECGs with more noise the 90 % interval widens; a case near the card's decision threshold (potassium 5.5 mmol/L)
// is referred, one far from it is not; MC dropout gives a spread only to a model with dropout; an arm-lead reversal
// is warned of and a correct recording is not; the result survives the results document's round trip.
// Torch before Qt: Qt's `slots` keyword macro breaks torch's headers.
#include "ScriptedModule.h"
#include "analysis/ResultsJson.h"
#include "analysis/Uncertainty.h"
#include "analysis/torch/CaseAnalysis.h"
#include "model/torch/TorchModel.h"
#include "synth/EcgSynthesizer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace execg;

namespace {

std::shared_ptr<const TorchModel> potassium()
{
    static const auto model = std::make_shared<const TorchModel>(EXECG_SOURCE_DIR "/resources/models/potassium.pt",
                                                                 loadModelCard(EXECG_SOURCE_DIR "/resources/models/potassium.card.json"));
    return model;
}

std::shared_ptr<const Recording> synthetic(double k, double emgMv, std::uint64_t seed)
{
    synth::SynthParams p;
    p.samplingRateHz = 500;
    p.seconds = 10;
    p.potassiumMmolL = k;
    p.noise.emgMv = emgMv;
    p.seed = seed;
    return std::make_shared<const Recording>(synth::generateEcg(p).recording);
}

UncertaintyResult uncertaintyOf(const std::shared_ptr<const Recording>& r, const std::shared_ptr<const TorchModel>& model,
                                double* predicted = nullptr)
{
    const CaseAnalysis a(r, 0, model, {"synthetic.hea", model->path(), {}});
    const FittedCase fitted = a.fit();
    const PredictionResult p = a.predict(fitted);
    if (predicted)
        *predicted = p.prediction.outputs.at(0).value;
    return a.uncertainty(fitted, p, 0);
}

// A one-lead model, 100 samples at 100 Hz, saved as TorchScript: a convolution, then `middle` (a dropout, or a
// pass-through), then the mean.
std::string tinyModel(const QString& dir, bool dropout)
{
    // Both with a `training` flag (false), as torch.nn's modules have: the uncertainty reads it to find the dropouts.
    test::ScriptedModule middle{dropout ? "Dropout" : "Identity",
                                dropout ? "def forward(self, x):\n    return torch.dropout(x, 0.5, self.training)\n"
                                        : "def forward(self, x):\n    return x\n",
                                {}, {}, true};
    const test::ScriptedModule net{"TinyNet",
                                   "def forward(self, x):\n    return torch.mean(self.middle.forward(torch.conv1d(x, self.w)), [2])\n",
                                   {{"w", {1, 1, 5}, {0.2f}}}, {{"middle", middle}}, true};
    const std::string path = dir.toStdString() + (dropout ? "/dropout.pt" : "/plain.pt");
    test::saveScriptedModule(net, path);
    return path;
}

} // namespace

class TestUncertainty : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase() { configureTorchThreads(2); }

    void noiseLevelIsMeasured()
    {
        const auto clean = synthetic(4.5, 0.0, 3);
        const SignalGroup& g = clean->groups[0];
        for (const double sigma : {0.02, 0.05}) {
            const auto noisy = withNoise(g, std::vector<double>(g.leads.size(), sigma), 11);
            const auto measured = noiseLevelMv(noisy);
            for (std::size_t l = 0; l < measured.size(); ++l)
                QVERIFY2(std::abs(measured[l] - sigma) < 0.2 * sigma,
                         qPrintable(QStringLiteral("%1: %2 mV measured for %3").arg(QString::fromStdString(g.leads[l].name)).arg(measured[l]).arg(sigma)));
        }
    }

    void intervalWidensWithNoise()
    {
        double previous = -1.0;
        for (const double emg : {0.0, 0.03, 0.08}) {
            const auto u = uncertaintyOf(synthetic(7.0, emg, 5), potassium());
            const double width = u.high - u.low;
            qInfo("EMG %.2f mV: %s, width %.3f mmol/L", emg, u.verdict.c_str(), width);
            QVERIFY(u.low <= u.value + 1e-6 || u.high >= u.value - 1e-6);
            QVERIFY2(width > previous, qPrintable(QStringLiteral("width %1 after %2").arg(width).arg(previous)));
            previous = width;
            QCOMPARE(u.sources.size(), std::size_t(4));
            QCOMPARE(u.sources[0].name, std::string("noise"));
            QVERIFY(u.sources[0].draws == UncertaintyOptions{}.noiseDraws);
            // The demo recording is the model's 10 s window: no room for a beat's shift, and said so.
            QCOMPARE(u.sources[2].draws, 0);
            QVERIFY(u.sources[2].note.find("no room") != std::string::npos);
            // The potassium model has no dropout.
            QCOMPARE(u.sources[3].draws, 0);
            QVERIFY(u.sources[3].note.find("no dropout layers") != std::string::npos);
        }
    }

    void referralNearTheThresholdOnly()
    {
        QCOMPARE(*potassium()->card().decisionThreshold, 5.5);
        // The synthetic case whose prediction lies nearest 5.5 mmol/L among K = 5.0 … 6.4, with moderate noise.
        std::shared_ptr<const Recording> nearest;
        double best = 1e9;
        for (int i = 0; i <= 14; ++i) {
            const auto r = synthetic(5.0 + 0.1 * i, 0.03, 20 + std::uint64_t(i));
            const CaseAnalysis a(r, 0, potassium(), {"s.hea", "", {}});
            const double v = a.predict(a.fit()).prediction.outputs[0].value;
            if (std::abs(v - 5.5) < best) {
                best = std::abs(v - 5.5);
                nearest = r;
            }
        }
        double value = 0.0;
        const auto near = uncertaintyOf(nearest, potassium(), &value);
        qInfo("near: %s", near.verdict.c_str());
        QVERIFY2(near.low < 5.5 && 5.5 < near.high, near.verdict.c_str());
        QVERIFY(near.referral);
        QVERIFY(near.verdict.rfind("unstable: ", 0) == 0 && near.verdict.find("refer to a physician") != std::string::npos);
        const auto far = uncertaintyOf(synthetic(8.5, 0.03, 40), potassium());
        qInfo("far: %s", far.verdict.c_str());
        QVERIFY(!far.referral);
        QVERIFY(far.verdict.rfind("stable: ", 0) == 0 && far.verdict.find(" mmol/L (") != std::string::npos);
    }

    void mcDropoutOnlyWithDropout()
    {
        Recording r;
        SignalGroup g;
        g.samplingRateHz = 100;
        Lead lead;
        lead.name = "I";
        for (int i = 0; i < 100; ++i)
            lead.samples.push_back(float(std::sin(0.3 * i) + 0.5));
        g.leads.push_back(lead);
        r.groups.push_back(g);
        const auto recording = std::make_shared<const Recording>(r);
        for (const bool dropout : {true, false}) {
            const std::string path = tinyModel(dir_.path(), dropout);
            const auto model = std::make_shared<const TorchModel>(path, inferredModelCard(path, 100, 100, {"I"}));
            QCOMPARE(model->dropoutLayers().size(), std::size_t(dropout ? 1 : 0));
            const auto u = uncertaintyOf(recording, model);
            const UncertaintySource& mc = u.sources.back();
            QCOMPARE(mc.name, std::string("MC dropout"));
            if (dropout) {
                QCOMPARE(mc.draws, UncertaintyOptions{}.dropoutDraws);
                QVERIFY2(mc.high - mc.low > 0.01, mc.note.c_str());
                // The model itself stays in eval mode: its own predictions do not move.
                const CaseAnalysis a(recording, 0, model, {"r", path, {}});
                const auto f = a.fit();
                QCOMPARE(a.predict(f).raw, a.predict(f).raw);
            } else {
                QCOMPARE(mc.draws, 0);
            }
        }
    }

    void armLeadReversalIsWarned()
    {
        const auto r = synthetic(4.5, 0.01, 9);
        const SignalGroup& g = r->groups[0];
        const auto waves = segmentWaves(g);
        QVERIFY(!armLeadSwapWarning(g, waves));
        // Left and right arm swapped: I inverted, II and III exchanged, aVR and aVL exchanged.
        SignalGroup swapped = g;
        auto index = [&](const std::string& name) {
            for (std::size_t i = 0; i < g.leads.size(); ++i)
                if (g.leads[i].name == name)
                    return i;
            return std::size_t(0);
        };
        for (auto& v : swapped.leads[index("I")].samples)
            v = -v;
        std::swap(swapped.leads[index("II")].samples, swapped.leads[index("III")].samples);
        std::swap(swapped.leads[index("aVR")].samples, swapped.leads[index("aVL")].samples);
        const auto warning = armLeadSwapWarning(swapped, segmentWaves(swapped));
        QVERIFY(warning);
        QVERIFY2(warning->find("arm-lead reversal") != std::string::npos, warning->c_str());
    }

    void roundTrip()
    {
        ResultsDocument d;
        d.software = {{"execg", "0.1.0"}};
        d.uncertainty = uncertaintyOf(synthetic(7.0, 0.03, 5), potassium());
        const ResultsDocument back = resultsFromJson(nlohmann::json::parse(resultsText(d)));
        QVERIFY(back.uncertainty);
        QCOMPARE(back.uncertainty->verdict, d.uncertainty->verdict);
        QCOMPARE(back.uncertainty->sources.size(), d.uncertainty->sources.size());
        QCOMPARE(*back.uncertainty->threshold, 5.5);
        QCOMPARE(back.uncertainty->referral, d.uncertainty->referral);
        QVERIFY(std::abs(back.uncertainty->low - d.uncertainty->low) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(TestUncertainty)
#include "test_uncertainty.moc"
