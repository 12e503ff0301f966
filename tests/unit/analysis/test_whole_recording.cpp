// A card with a window rule covers the whole recording (issue 28): the one analysis fits every window, combines
// their outputs as the card says (here the mean of the logits, checked against the model run window by window),
// explains every window and joins the maps on the recording's axis — every sample covered, a stretch only one
// window saw equal to that window's map — and says how many windows were combined.
#include "Corpus.h"
#include "ScriptedModule.h"
#include "analysis/torch/CaseAnalysis.h"
#include "model/torch/TorchModel.h"

#include <QtTest>

#include <cmath>

using namespace execg;

namespace {

constexpr double kTwoPi = 6.283185307179586;

// One lead in, two outputs: a mean and an energy, so every gradient method has something to say everywhere.
std::shared_ptr<const TorchModel> singleLeadModel(WindowCombine combine)
{
    const auto path = (test::scratchDir("whole-recording") + "/single-lead.pt").toStdString();
    test::saveScriptedModule({"SingleLead", R"(
def forward(self, x):
    mean = x.mean(dim=2)[:, 0]
    energy = (x * x).mean(dim=2)[:, 0]
    return torch.stack([mean * self.w[0] + energy, energy * self.w[1]], 1)
)",
                              {{"w", {2}, {1.5f, -0.7f}}}, {}},
                             path);
    ModelCard c;
    c.name = "single lead";
    const bool max = combine == WindowCombine::Max;   // a finding anywhere: independent sigmoid outputs
    c.task = max ? ModelTask::Multilabel : ModelTask::Multiclass;
    c.outputs = {{"a", ""}, {"b", ""}};
    c.activation = max ? OutputActivation::Sigmoid : OutputActivation::Softmax;
    c.input.leads = {"I"};
    c.input.samplingRateHz = 100;
    c.input.samples = 500;
    c.input.windows = WindowRule{2.5, combine};
    c.intendedUse = "test";
    return std::make_shared<const TorchModel>(path, c);
}

std::shared_ptr<const Recording> handheld(double seconds)
{
    auto r = std::make_shared<Recording>();
    SignalGroup g;
    g.samplingRateHz = 100;
    Lead lead;
    lead.name = "ECG";
    for (int i = 0; i < int(seconds * 100); ++i)
        lead.samples.push_back(float(0.9 * std::sin(kTwoPi * 1.2 * i / 100.0) + 0.002 * i));
    g.leads.push_back(lead);
    r->groups.push_back(g);
    return r;
}

} // namespace

class WholeRecordingTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureTorchThreads(1); }

    void predictsAndExplainsEveryWindow()
    {
        const auto model = singleLeadModel(WindowCombine::MeanLogits);
        const CaseAnalysis analysis(handheld(23), 0, model, {"handheld.hea", model->path(), ""});
        const auto fitted = analysis.fit();
        // 0, 2.5, …, 17.5 (ends at 22.5 s), then 18 (ends at 23 s).
        QCOMPARE(fitted.windows.size(), std::size_t(9));
        const auto p = analysis.predict(fitted);
        const auto rows = model->predict(fitted.windows);
        for (std::size_t k = 0; k < 2; ++k) {
            double mean = 0;
            for (const auto& r : rows)
                mean += r[k] / double(rows.size());
            QVERIFY(std::abs(p.raw[k] - mean) < 1e-5);
        }
        QVERIFY(std::abs(rows.front()[0] - rows.back()[0]) > 1e-3);   // the windows differ: the mean is not one of them
        bool said = false;
        for (const auto& w : p.prediction.warnings)
            said = said || w.find("the whole recording: 9 windows of 5.0 s every 2.5 s, outputs combined (mean of logits)") != std::string::npos;
        QVERIFY(said);

        const auto m = analysis.explain(fitted, 0, {"saliency", {{"abs", "false"}}});
        const auto& map = m.explanation->recordingMap.at(0);
        QCOMPARE(map.size(), std::size_t(2300));
        for (float v : map)
            QVERIFY(std::isfinite(v));
        // The first 2.5 s only the first window saw: its map there is that window's.
        auto first = runExplanation("saliency", *model, fitted.windows.front(), 0, {{{"abs", "false"}}, nullptr, {}});
        mapExplanationToRecording(first, fitted.windows.front(), analysis.group());
        for (int i = 0; i < 250; i += 17)
            QCOMPARE(map[std::size_t(i)], first.recordingMap[0][std::size_t(i)]);
        QCOMPARE(m.explanation->diagnostic("windows"), 9.0);
    }

    void maxTakesTheLargestWindow()
    {
        const auto model = singleLeadModel(WindowCombine::Max);
        const CaseAnalysis analysis(handheld(12), 0, model, {"handheld.hea", model->path(), ""});
        const auto fitted = analysis.fit();
        const auto rows = model->predict(fitted.windows);
        const auto p = analysis.predict(fitted);
        for (std::size_t k = 0; k < 2; ++k) {
            float best = -INFINITY;
            for (const auto& r : rows)
                best = std::max(best, r[k]);
            QCOMPARE(p.raw[k], best);
        }
    }
};

QTEST_GUILESS_MAIN(WholeRecordingTest)
#include "test_whole_recording.moc"
