// The delta table between an ECG and a changed copy: known changes in, the same numbers out.
#include "counterfactual/MeasurementDelta.h"
#include "synth/EcgSynthesizer.h"

#include <QTest>

#include <cmath>

using namespace execg;

class TestMeasurementDelta : public QObject {
    Q_OBJECT
private slots:
    void anUnchangedCopyHasNoDelta()
    {
        synth::SynthParams p;
        p.seed = 3;
        const SignalGroup g = synth::generateEcg(p).recording.groups.at(0);
        const auto d = compareMeasurements(g, g);
        QVERIFY(d.rows.size() > 12 * 6);
        for (const auto& r : d.rows)
            QVERIFY2(!std::isfinite(r.before) || r.delta == 0.0, (r.quantity + " " + r.lead).c_str());
    }

    void aScaledLeadShowsItsAmplitudesScaled()
    {
        synth::SynthParams p;
        p.seed = 4;
        const SignalGroup g = synth::generateEcg(p).recording.groups.at(0);
        SignalGroup twice = g;
        for (auto& v : twice.leads[7].samples)   // V2 at double amplitude
            v *= 2.0f;
        const auto d = compareMeasurements(g, twice);
        const auto* r = d.find("R amplitude", "V2");
        QVERIFY(r);
        QCOMPARE(r->unit, std::string("mV"));
        QVERIFY(std::abs(r->after - 2.0 * r->before) < 0.02 * std::abs(r->before) + 0.01);
        const auto* t = d.find("T amplitude", "V2");
        QVERIFY(t && std::abs(t->delta - t->before) < 0.02 * std::abs(t->before) + 0.01);
        QCOMPARE(d.meanOver("R amplitude", {"V1"}), 0.0);   // untouched lead
        QVERIFY(std::isnan(d.meanOver("R amplitude", {"no such lead"})));
        const auto* hr = d.find("Heart rate");
        QVERIFY(hr && hr->lead.empty() && hr->unit == "bpm");
    }
};

QTEST_MAIN(TestMeasurementDelta)
#include "test_measurement_delta.moc"
