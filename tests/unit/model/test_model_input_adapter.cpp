// The adapter that fits a recording to a model card, and its inverse: lead order and derivation, resampling there
// and back, crop and pad, units and normalisation, and the warnings a clinician must see.
#include "model/ModelInputAdapter.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace execg;

namespace {

constexpr double kTwoPi = 6.283185307179586;

// Leads I, II, V1..V6 (no III/aVR/aVL/aVF) carrying sums of sines well inside the lower Nyquist band.
SignalGroup eightLeads(double fs, double seconds)
{
    SignalGroup g;
    g.samplingRateHz = fs;
    const auto n = std::size_t(std::llround(fs * seconds));
    const char* names[] = {"I", "II", "V1", "V2", "V3", "V4", "V5", "V6"};
    for (int l = 0; l < 8; ++l) {
        Lead lead;
        lead.name = names[l];
        lead.samples.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const double t = double(i) / fs;
            lead.samples[i] = float(0.5 * std::sin(kTwoPi * (1.0 + l) * t) + 0.2 * std::sin(kTwoPi * (17.0 + l) * t + l));
        }
        g.leads.push_back(lead);
    }
    return g;
}

ModelCard card12(double fs, int samples)
{
    ModelCard c;
    c.name = "test";
    c.outputs = {{"y", ""}};
    c.input.leads = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
    c.input.samplingRateHz = fs;
    c.input.samples = samples;
    c.intendedUse = "test";
    return c;
}

// One lead named as a handheld recorder names it, a 1.3 Hz sine with a 7 Hz ripple.
Recording singleLead(double fs, double seconds, const std::string& name = "ECG")
{
    Recording r;
    SignalGroup g;
    g.samplingRateHz = fs;
    Lead lead;
    lead.name = name;
    const auto n = std::size_t(std::llround(fs * seconds));
    for (std::size_t i = 0; i < n; ++i)
        lead.samples.push_back(float(0.8 * std::sin(kTwoPi * 1.3 * double(i) / fs) + 0.1 * std::sin(kTwoPi * 7.0 * double(i) / fs)));
    g.leads.push_back(lead);
    r.groups.push_back(g);
    return r;
}

// One lead (I), 9 s at 300 Hz, windows every 4.5 s: the CinC-2017 shape.
ModelCard singleLeadCard(WindowCombine combine = WindowCombine::MeanLogits)
{
    ModelCard c;
    c.name = "single lead";
    c.task = ModelTask::Multiclass;
    c.outputs = {{"a", ""}, {"b", ""}};
    c.activation = OutputActivation::Softmax;
    c.input.leads = {"I"};
    c.input.samplingRateHz = 300;
    c.input.samples = 2700;
    c.input.windows = WindowRule{4.5, combine};
    c.intendedUse = "test";
    return c;
}

bool anyWarning(const AdaptedInput& a, const char* text)
{
    for (const auto& w : a.warnings)
        if (w.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

class ModelInputAdapterTest : public QObject {
    Q_OBJECT

private slots:
    // A card with a window rule sees the whole recording: windows every hop from 0, the last ending at the end; the
    // only lead is taken whatever its name, and both are said once, on every window.
    void wholeRecordingInWindows()
    {
        const auto rec = singleLead(300, 38);
        const auto windows = adaptRecordingWindows(rec, 0, singleLeadCard());
        // 0, 4.5, …, 27 (ends at 36 s), then 29 (ends at 38 s).
        QCOMPARE(windows.size(), std::size_t(8));
        for (std::size_t k = 0; k + 1 < windows.size(); ++k)
            QCOMPARE(windows[k].sourceFirst, std::int64_t(std::llround(4.5 * 300 * double(k))));
        QCOMPARE(windows.back().sourceFirst + windows.back().sourceCount, rec.groups[0].sampleCount());
        for (const auto& w : windows) {
            QCOMPARE(w.validSamples, 2700);
            QCOMPARE(w.warnings, windows.front().warnings);
        }
        QVERIFY(anyWarning(windows.front(), "the whole recording: 8 windows of 9.0 s every 4.5 s, outputs combined (mean of logits)"));
        QVERIFY(anyWarning(windows.front(), "the model's one lead (I) is the recording's only lead, 'ECG'"));
        QVERIFY(!anyWarning(windows.front(), "not analysed"));
        // The samples are the recording's: window 3 starts at 13.5 s.
        QCOMPARE(windows[3].mv[0], rec.groups[0].leads[0].samples[std::size_t(13.5 * 300)]);

        // Shorter than one window: one window, padded, and said.
        const auto shortOne = adaptRecordingWindows(singleLead(300, 6), 0, singleLeadCard());
        QCOMPARE(shortOne.size(), std::size_t(1));
        QCOMPARE(shortOne[0].validSamples, 1800);
        QVERIFY(anyWarning(shortOne[0], "the whole recording in one window of 9.0 s"));
        QVERIFY(anyWarning(shortOne[0], "the rest is padded with zeros"));
        // Exactly two windows' worth with no remainder: no extra window.
        QCOMPARE(adaptRecordingWindows(singleLead(300, 13.5), 0, singleLeadCard()).size(), std::size_t(2));
        // A card without a rule: one window, as before.
        auto plain = singleLeadCard();
        plain.input.windows.reset();
        const auto one = adaptRecordingWindows(singleLead(300, 38), 0, plain);
        QCOMPARE(one.size(), std::size_t(1));
        QVERIFY(anyWarning(one[0], "the rest is not analysed"));
    }

    void whichLeadASingleLeadModelGets()
    {
        Recording twelve;
        twelve.groups.push_back(eightLeads(300, 12));
        const auto card = singleLeadCard();
        // Default: the card's lead, said with how many were recorded.
        const auto byCard = adaptRecordingWindows(twelve, 0, card);
        QCOMPARE(byCard[0].sourceLead, std::vector<int>{0});
        QVERIFY(anyWarning(byCard[0], "the model's one lead is the recording's I (the card's lead; 8 recorded)"));
        // Chosen: V2, by its name.
        AdaptOptions o;
        o.lead = "V2";
        const auto chosen = adaptRecordingWindows(twelve, 0, card, o);
        QCOMPARE(chosen[0].sourceLead, std::vector<int>{3});
        QCOMPARE(chosen[0].mv[10], twelve.groups[0].leads[3].samples[10]);
        QVERIFY(anyWarning(chosen[0], "the model's one lead (I) is the recording's V2, as chosen"));
        // A lead the file does not have, a choice for a many-lead model, and a single-lead card whose lead is
        // missing from a many-lead recording: each a clear refusal.
        o.lead = "V7";
        try {
            adaptRecordingWindows(twelve, 0, card, o);
            QFAIL("accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString(e.what()).contains("the recording has no lead V7 (it has: I, II, V1"), e.what());
        }
        o.lead = "II";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, adaptToModel(eightLeads(300, 12), card12(300, 3000), o));
        auto aVF = card;
        aVF.input.leads = {"V3R"};
        try {
            adaptRecordingWindows(twelve, 0, aVF);
            QFAIL("accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString(e.what()).contains("the model takes one lead, V3R, which the recording lacks; choose one"), e.what());
        }
    }

    void flatAndSaturatedLeadsAreSaid()
    {
        auto flat = singleLead(300, 10);
        std::fill(flat.groups[0].leads[0].samples.begin(), flat.groups[0].leads[0].samples.end(), 0.2f);
        QVERIFY(anyWarning(adaptRecordingWindows(flat, 0, singleLeadCard())[0], "is flat in the window (no signal)"));
        auto clipped = singleLead(300, 10);
        for (auto& v : clipped.groups[0].leads[0].samples)
            v = std::clamp(v, -0.5f, 0.5f);
        const auto w = adaptRecordingWindows(clipped, 0, singleLeadCard());
        QVERIFY2(anyWarning(w[0], "looks saturated"), qPrintable(QString::fromStdString(w[0].warnings.back())));
        QVERIFY(!anyWarning(adaptRecordingWindows(singleLead(300, 10), 0, singleLeadCard())[0], "saturated"));
    }

    void leadsOrderedAndDerived()
    {
        const auto g = eightLeads(250, 10);
        const auto a = adaptToModel(g, card12(250, 2500));
        QCOMPARE(a.leads, 12);
        QCOMPARE(a.validSamples, 2500);
        QVERIFY(anyWarning(a, "derived from I and II"));
        QVERIFY(!anyWarning(a, "resampled"));
        QCOMPARE(a.sourceLead[0], 0);    // I
        QCOMPARE(a.sourceLead[2], -1);   // III derived
        QCOMPARE(a.sourceLead[6], 2);    // V1
        for (int i = 0; i < 2500; i += 97) {
            QCOMPARE(a.at(0, i), g.leads[0].samples[std::size_t(i)]);
            QCOMPARE(a.at(11, i), g.leads[7].samples[std::size_t(i)]);                                  // V6
            QVERIFY(std::abs(a.at(2, i) - (g.leads[1].samples[std::size_t(i)] - g.leads[0].samples[std::size_t(i)])) < 1e-6f);   // III = II − I
            QVERIFY(std::abs(a.at(5, i) - (g.leads[1].samples[std::size_t(i)] - g.leads[0].samples[std::size_t(i)] / 2)) < 1e-6f); // aVF
        }
    }

    // 500 Hz recording, 250 Hz model, a 10 s window from 5 s of a 30 s recording: there and back.
    void resampleThereAndBack()
    {
        const auto g = eightLeads(500, 30);
        const auto a = adaptToModel(g, card12(250, 2500), {5.0});
        QVERIFY(anyWarning(a, "resampled from 500 Hz to the model's 250 Hz"));
        QVERIFY(anyWarning(a, "the rest is not analysed"));
        QCOMPARE(a.sourceFirst, std::int64_t(2500));
        QCOMPARE(a.sourceCount, std::int64_t(5000));
        // Forward: model sample k is recording time 5 + k/250 s.
        double worst = 0;
        for (int k = 250; k < 2250; ++k)
            worst = std::max(worst, double(std::abs(a.at(0, k) - g.leads[0].samples[std::size_t(2500 + 2 * k)])));
        QVERIFY2(worst < 1e-3, qPrintable(QString("forward error %1 mV").arg(worst)));
        // Back: the model input itself mapped onto the recording reproduces the recording inside the window.
        const auto back = mapToRecording(a, a.values, g);
        QCOMPARE(back.size(), g.leads.size());
        QVERIFY(std::isnan(back[0][100]) && std::isnan(back[0][8000]));
        worst = 0;
        for (std::size_t l = 0; l < g.leads.size(); ++l)
            for (std::size_t i = 3000; i < 7000; ++i)
                worst = std::max(worst, double(std::abs(back[l][i] - g.leads[l].samples[i])));
        QVERIFY2(worst < 2e-3, qPrintable(QString("round-trip error %1 mV").arg(worst)));
    }

    void shortRecordingIsPadded()
    {
        const auto g = eightLeads(250, 4);
        const auto a = adaptToModel(g, card12(250, 2500));
        QCOMPARE(a.validSamples, 1000);
        QVERIFY(anyWarning(a, "padded with zeros"));
        QCOMPARE(a.at(0, 1500), 0.0f);
        QCOMPARE(a.at(0, 999), g.leads[0].samples[999]);
    }

    // A card that takes shorter inputs (input.shortest_samples) gets a short recording at its own length, the samples
    // the recording's, nothing padded, and says so; padded only up to its shortest, or to the full window on request.
    void shortRecordingAtItsOwnLength()
    {
        auto card = card12(250, 2500);
        card.input.shortestSamples = 1500;
        const auto g = eightLeads(250, 8);
        const auto a = adaptToModel(g, card);
        QCOMPARE(a.samples, 2000);
        QCOMPARE(a.validSamples, 2000);
        QCOMPARE(a.values.size(), std::size_t(12 * 2000));
        QCOMPARE(a.at(0, 1999), g.leads[0].samples[1999]);
        QCOMPARE(a.at(6, 1234), g.leads[2].samples[1234]);   // V1, the model's seventh lead
        QVERIFY(anyWarning(a, "less than the model's 10.00 s window: the model reads it at its own length"));
        QVERIFY(!anyWarning(a, "padded"));
        // A map over the input lands on the whole 8 s, nowhere else.
        const auto back = mapToRecording(a, std::vector<float>(std::size_t(12 * 2000), 1.0f), g);
        QCOMPARE(back[0][0], 1.0f);
        QCOMPARE(back[0][1999], 1.0f);

        // Shorter than the shortest: padded up to it, not to the window.
        const auto b = adaptToModel(eightLeads(250, 4), card);
        QCOMPARE(b.samples, 1500);
        QCOMPARE(b.validSamples, 1000);
        QCOMPARE(b.at(0, 1200), 0.0f);
        QVERIFY(anyWarning(b, "the model needs 6.00 s: the rest is padded with zeros"));

        // Long enough: the card's window, as for any card.
        QCOMPARE(adaptToModel(eightLeads(250, 12), card).samples, 2500);

        // Inputs that must share one shape (concept tests) ask for the full window.
        AdaptOptions full;
        full.fullWindow = true;
        const auto c = adaptToModel(g, card, full);
        QCOMPARE(c.samples, 2500);
        QCOMPARE(c.validSamples, 2000);
        QCOMPARE(c.at(0, 2200), 0.0f);

        // Under a window rule: a recording shorter than the window is one window of its own length, said so.
        auto windowed = singleLeadCard();
        windowed.input.shortestSamples = 1800;
        const auto seven = adaptRecordingWindows(singleLead(300, 7), 0, windowed);
        QCOMPARE(seven.size(), std::size_t(1));
        QCOMPARE(seven[0].samples, 2100);
        QVERIFY(anyWarning(seven[0], "the whole recording in one window of 7.0 s"));
        // A longer one: every window full, the last ending with the recording.
        for (const auto& w : adaptRecordingWindows(singleLead(300, 38), 0, windowed))
            QCOMPARE(w.samples, 2700);
    }

    void unitsAndNormalisation()
    {
        const auto g = eightLeads(250, 10);
        auto c = card12(250, 2500);
        c.input.units = "uV";
        const auto micro = adaptToModel(g, c);
        QCOMPARE(micro.at(0, 10), g.leads[0].samples[10] * 1000.0f);
        QVERIFY(anyWarning(micro, "converted from mV to the model's µV"));
        c.input.units = "mV";
        QVERIFY(!anyWarning(adaptToModel(g, c), "converted"));
        c.input.normalisation = InputNormalisation::Fixed;
        c.input.mean.assign(12, 0.1);
        c.input.std.assign(12, 2.0);
        QVERIFY(std::abs(adaptToModel(g, c).at(0, 10) - (g.leads[0].samples[10] - 0.1f) / 2.0f) < 1e-6f);
        c.input.normalisation = InputNormalisation::ZScorePerLead;
        const auto z = adaptToModel(g, c);
        double s = 0, ss = 0;
        for (int i = 0; i < 2500; ++i) {
            s += z.at(6, i);
            ss += double(z.at(6, i)) * z.at(6, i);
        }
        QVERIFY(std::abs(s / 2500) < 1e-5);
        QVERIFY(std::abs(ss / 2500 - 1.0) < 1e-4);
        // The mV copy is what the model saw before normalisation: the recording's own values.
        QCOMPARE(z.mv[10], g.leads[0].samples[10]);
        QCOMPARE(micro.mv[10], g.leads[0].samples[10]);
    }

    void badInputIsNamed()
    {
        auto g = eightLeads(250, 10);
        g.leads.erase(g.leads.begin() + 4);   // V3
        try {
            adaptToModel(g, card12(250, 2500));
            QFAIL("accepted a recording without V3");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString(e.what()).contains("needs lead V3"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, adaptToModel(eightLeads(250, 10), card12(250, 2500), {12.0}));
        // A channel not recorded in volts (a header saying degC) is refused, whatever its name.
        auto units = eightLeads(250, 10);
        units.leads[0].provenance.isVoltage = false;
        units.leads[0].provenance.storedUnits = "degC";
        try {
            adaptToModel(units, card12(250, 2500));
            QFAIL("accepted a lead in degC");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString(e.what()).contains("lead I is not a voltage (its units are 'degC')"), e.what());
        }

        auto gaps = eightLeads(250, 10);
        gaps.leads[2].samples[100] = std::numeric_limits<float>::quiet_NaN();
        std::fill(gaps.leads[3].samples.begin(), gaps.leads[3].samples.end(), 0.25f);
        const auto a = adaptToModel(gaps, card12(250, 2500));
        QVERIFY(anyWarning(a, "lead V1: 1 missing samples"));
        QVERIFY(anyWarning(a, "lead V2 is flat"));
        QCOMPARE(a.at(6, 100), 0.0f);
    }
};

QTEST_GUILESS_MAIN(ModelInputAdapterTest)
#include "test_model_input_adapter.moc"
