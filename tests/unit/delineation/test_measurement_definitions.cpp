// The measurement definitions on records built to have known answers: a cardiac vector at a known frontal
// angle (axes), an exact rate (RR, HR, the four QTc formulas), a known ST shift, and rhythm irregularity.
#include "measure/Measurements.h"
#include "synth/EcgSynthesizer.h"

#include <QtTest>

#include <cmath>

using namespace execg;

namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;

// Every limb lead the projection of one waveform w(t) (taken from V5, which has P, QRS and T) at frontal angle
// `angleDeg`: lead I at 0°, II at 60°, III at 120°, aVF at 90° with Goldberger's √3/2, aVR and aVL likewise.
SignalGroup vectorAt(double angleDeg, std::uint64_t seed)
{
    synth::SynthParams p;
    p.seed = seed;
    p.heartRateBpm = 70;
    auto g = synth::generateEcg(p).recording.groups.front();
    const auto w = g.findLead("V5")->samples;
    const double a = angleDeg * kDeg;
    auto project = [&](const char* name, double gain) {
        auto& x = g.findLead(name)->samples;
        for (std::size_t i = 0; i < x.size(); ++i)
            x[i] = float(gain * w[i]);
    };
    const double I = std::cos(a), II = std::cos(a - 60 * kDeg), III = II - I;
    project("I", I);
    project("II", II);
    project("III", III);
    project("aVR", -(I + II) / 2);
    project("aVL", I - II / 2);
    project("aVF", II - I / 2);
    return g;
}

double angleDiff(double a, double b) { return std::remainder(a - b, 360.0); }

} // namespace

class MeasurementDefinitionsTest : public QObject {
    Q_OBJECT

private slots:
    void axesFollowTheVector_data()
    {
        QTest::addColumn<double>("angle");
        for (double a : {-75.0, -30.0, 0.0, 45.0, 60.0, 90.0, 135.0, 170.0})
            QTest::newRow(qPrintable(QString::number(a))) << a;
    }
    void axesFollowTheVector()
    {
        QFETCH(double, angle);
        const auto m = measureEcg(vectorAt(angle, 11));
        for (const Quantity* q : {&m.pAxisDeg, &m.qrsAxisDeg, &m.tAxisDeg}) {
            QVERIFY2(q->ok(), q->missing.c_str());
            QVERIFY2(std::abs(angleDiff(q->value, angle)) < 1.0, qPrintable(QString("axis %1, expected %2").arg(q->value).arg(angle)));
        }
        // Amplitudes scale with the projection: R in II over R in I is cos(θ − 60°)/cos θ where both are upright.
        const double cI = std::cos(angle * kDeg), cII = std::cos((angle - 60) * kDeg);
        if (cI > 0.3 && cII > 0.3) {
            const double rI = m.leads[0].rMv, rII = m.leads[1].rMv;
            QVERIFY2(std::abs(rII / rI - cII / cI) < 0.01, qPrintable(QString("R ratio %1 vs %2").arg(rII / rI).arg(cII / cI)));
        }
    }

    void exactRateGivesTheQtcFormulas()
    {
        synth::SynthParams p;
        p.seed = 3;
        p.heartRateBpm = 75;   // RR 800 ms
        p.hrvSdnnMs = 0;
        p.variability = 0;
        const auto m = measureEcg(synth::generateEcg(p).recording.groups.front());
        QVERIFY(m.rrMeanMs.ok() && m.qtMs.ok());
        QVERIFY2(std::abs(m.rrMeanMs.value - 800.0) < 2.0, qPrintable(QString::number(m.rrMeanMs.value)));
        QVERIFY2(std::abs(m.heartRateBpm.value - 75.0) < 0.2, qPrintable(QString::number(m.heartRateBpm.value)));
        QVERIFY2(m.rrSdMs.value < 3.0, qPrintable(QString::number(m.rrSdMs.value)));
        const double qt = m.qtMs.value, rr = m.rrMeanMs.value / 1000.0, hr = m.heartRateBpm.value;
        QCOMPARE_LE(std::abs(m.qtcBazettMs.value - qt / std::sqrt(rr)), 1e-9);
        QCOMPARE_LE(std::abs(m.qtcFridericiaMs.value - qt / std::cbrt(rr)), 1e-9);
        QCOMPARE_LE(std::abs(m.qtcFraminghamMs.value - (qt + 154 * (1 - rr))), 1e-9);
        QCOMPARE_LE(std::abs(m.qtcHodgesMs.value - (qt + 1.75 * (hr - 60))), 1e-9);
        // At RR 0.8 s the formulas order as they must: Bazett corrects most, Hodges least.
        QVERIFY(m.qtcBazettMs.value > m.qtcFridericiaMs.value && m.qtcFridericiaMs.value > m.qtcHodgesMs.value);
        // The generator's QT at this RR (Fridericia, QTc 400 ms): 400 · 0.8^(1/3) = 371.3 ms.
        QVERIFY2(std::abs(qt - 400.0 * std::cbrt(0.8)) < 15.0, qPrintable(QString::number(qt)));
        QVERIFY2(std::abs(m.qtcFridericiaMs.value - 400.0) < 15.0, qPrintable(QString::number(m.qtcFridericiaMs.value)));
    }

    void stShiftIsMeasuredAtJ()
    {
        synth::SynthParams p;
        p.seed = 5;
        p.st.inferiorMv = 0.2;
        p.variability = 0;
        const auto r = synth::generateEcg(p);
        const auto m = measureEcg(r.recording.groups.front());
        double sum = 0;
        for (const char* lead : {"II", "III", "aVF"})
            for (const auto& l : m.leads)
                if (l.lead == lead)
                    sum += l.stJMv;
        QVERIFY2(std::abs(sum / 3 - 0.2) < 0.04, qPrintable(QString("mean ST(J) in II, III, aVF %1 mV").arg(sum / 3)));
    }

    void rrIrregularitySeparatesAfFromSinus()
    {
        synth::SynthParams p;
        p.seed = 8;
        p.seconds = 30;
        const auto sinus = measureEcg(synth::generateEcg(p).recording.groups.front());
        p.rhythm = synth::Rhythm::AtrialFibrillation;
        const auto af = measureEcg(synth::generateEcg(p).recording.groups.front());
        QVERIFY2(sinus.rrIrregularity.value < 0.08, qPrintable(QString::number(sinus.rrIrregularity.value)));
        QVERIFY2(af.rrIrregularity.value > 0.15, qPrintable(QString::number(af.rrIrregularity.value)));
        QVERIFY2(!af.prMs.ok() && !af.prMs.missing.empty(), "AF must have no PR, with a reason");
        qInfo("RR irregularity: sinus %.3f, AF %.3f; AF PR: %s", sinus.rrIrregularity.value, af.rrIrregularity.value,
              af.prMs.missing.c_str());
    }
};

QTEST_GUILESS_MAIN(MeasurementDefinitionsTest)
#include "test_measurement_definitions.moc"
