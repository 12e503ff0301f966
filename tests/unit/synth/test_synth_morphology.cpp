// Synthetic ECG morphology: QRS width and axis as asked, the potassium scale monotone in the signal itself,
// ST shifts by territory with reciprocal change, T polarity.
#include "SynthTestSupport.h"

#include "synth/PotassiumScale.h"

#include <QtTest>

#include <algorithm>

using namespace execg;
using namespace execg::synth;
using execg::test::cleanParams;
using execg::test::lead;

namespace {

// The beat in the middle of the record (clear of both ends).
const BeatTruth& middleBeat(const SynthResult& r) { return r.beats[r.beats.size() / 2]; }

double valueAt(const SynthResult& r, const std::string& name, const Fiducial& f)
{
    return lead(r, name)[std::size_t(f.sample)];
}

// Largest |value| of a lead between two fiducials.
double largestBetween(const SynthResult& r, const std::string& name, std::int64_t from, std::int64_t to)
{
    double m = 0;
    for (auto i = from; i <= to; ++i)
        m = std::max(m, double(std::abs(lead(r, name)[std::size_t(i)])));
    return m;
}

} // namespace

class TestSynthMorphology : public QObject {
    Q_OBJECT

private slots:
    void qrsWidthFromTruthEqualsParameter_data()
    {
        QTest::addColumn<double>("qrs");
        QTest::addColumn<double>("fs");
        for (double qrs : {60.0, 90.0, 120.0, 160.0})
            for (double fs : {250.0, 500.0, 1000.0})
                QTest::newRow(qPrintable(QString("%1 ms at %2 Hz").arg(qrs).arg(fs))) << qrs << fs;
    }
    void qrsWidthFromTruthEqualsParameter()
    {
        QFETCH(double, qrs);
        QFETCH(double, fs);
        SynthParams p = cleanParams(fs, 10);
        p.qrsMs = qrs;
        p.variability = 0.5;   // morphology spread must not change timing
        const auto r = generateEcg(p);
        for (const auto& b : r.beats) {
            if (!b.qrsOnset || !b.qrsOffset)
                continue;
            QVERIFY(std::abs(b.qrsOffset->seconds - b.qrsOnset->seconds - qrs / 1000) < 1e-9);
            QVERIFY(std::abs(double(b.qrsOffset->sample - b.qrsOnset->sample) - qrs / 1000 * fs) <= 1.0);
        }
        // And the signal agrees with the truth: zero just before the QRS onset and at J (no ST shift, T later).
        const auto& b = middleBeat(r);
        const auto& g = r.recording.groups.front();
        for (const auto& l : g.leads) {
            QVERIFY(std::abs(l.samples[std::size_t(b.qrsOnset->sample - 1)]) < 1e-6f);
            QVERIFY(std::abs(l.samples[std::size_t(b.qrsOffset->sample + 1)]) < 1e-6f);
        }
        QVERIFY(largestBetween(r, "V5", b.qrsOnset->sample, b.qrsOffset->sample) > 0.5);
    }

    void frontalAxisIsAsRequested_data()
    {
        QTest::addColumn<double>("axis");
        QTest::addColumn<double>("variability");
        for (double axis : {-60.0, -30.0, 0.0, 45.0, 60.0, 90.0, 120.0})
            for (double v : {0.0, 0.6})
                QTest::newRow(qPrintable(QString("%1° spread %2").arg(axis).arg(v))) << axis << v;
    }
    void frontalAxisIsAsRequested()
    {
        QFETCH(double, axis);
        QFETCH(double, variability);
        SynthParams p = cleanParams(1000, 5);
        p.qrsAxisDeg = axis;
        p.variability = variability;
        const auto r = generateEcg(p);
        const auto& b = middleBeat(r);
        // Net QRS area in I and aVF, as a reader of the ECG determines the axis.
        double netI = 0, netAvf = 0;
        for (auto i = b.qrsOnset->sample; i <= b.qrsOffset->sample; ++i) {
            netI += lead(r, "I")[std::size_t(i)];
            netAvf += lead(r, "aVF")[std::size_t(i)];
        }
        const double measured = std::atan2(netAvf, netI) * 180.0 / M_PI;
        QVERIFY2(std::abs(measured - axis) < 2.0, qPrintable(QString("axis %1°").arg(measured)));
    }

    void potassiumScaleIsMonotoneAndNeutralWhenNormal()
    {
        PotassiumEffects previous = potassiumEffects(1.5);
        for (double k = 1.55; k <= 10.0; k += 0.05) {
            const PotassiumEffects e = potassiumEffects(k);
            QVERIFY(e.tAmplitudeFactor >= previous.tAmplitudeFactor);
            QVERIFY(e.tWidthFactor <= previous.tWidthFactor);
            QVERIFY(e.pAmplitudeFactor <= previous.pAmplitudeFactor);
            QVERIFY(e.prExtraMs >= previous.prExtraMs);
            QVERIFY(e.qrsWidthFactor >= previous.qrsWidthFactor);
            QVERIFY(e.uRelativeToT <= previous.uRelativeToT);
            QVERIFY(e.stDepressionMv <= previous.stDepressionMv);
            if (k > 5.0 && k < 9.0)
                QVERIFY(e.tAmplitudeFactor > previous.tAmplitudeFactor);   // strictly: the first sign
            previous = e;
        }
        for (double k : {3.5, 4.0, 4.5, 5.0}) {
            const auto e = potassiumEffects(k);
            QCOMPARE(e.tAmplitudeFactor, 1.0);
            QCOMPARE(e.pAmplitudeFactor, 1.0);
            QCOMPARE(e.qrsWidthFactor, 1.0);
            QCOMPARE(e.prExtraMs, 0.0);
            QCOMPARE(e.uRelativeToT, 0.0);
        }
    }

    void potassiumSignsAreMonotoneInTheSignal()
    {
        // Measured on the generated signal, not on the scale: T height in V3 at the truth's T peak, QRS width
        // from the truth, P height in II over the truth's P wave.
        double previousT = -1, previousQrs = 0, previousP = 1e9, previousPr = 0;
        for (double k = 5.0; k <= 9.0 + 1e-9; k += 0.25) {
            SynthParams p = cleanParams(500, 6);
            p.potassiumMmolL = k;
            const auto r = generateEcg(p);
            const auto& b = middleBeat(r);
            const double t = valueAt(r, "V3", *b.tPeak);
            const double qrs = b.qrsOffset->seconds - b.qrsOnset->seconds;
            const double pAmp = b.pOnset ? largestBetween(r, "II", b.pOnset->sample, b.pOffset->sample) : 0.0;
            const double pr = b.pOnset ? b.qrsOnset->seconds - b.pOnset->seconds : 1e9;
            QVERIFY2(t > previousT, qPrintable(QString("T in V3 %1 mV at K %2").arg(t).arg(k)));
            QVERIFY(qrs >= previousQrs - 1e-12);
            QVERIFY(pAmp <= previousP + 1e-6);
            QVERIFY(pr >= previousPr - 1e-12);
            previousT = t;
            previousQrs = qrs;
            previousP = pAmp;
            previousPr = pr;
        }
        // The landmarks of the scale.
        SynthParams p = cleanParams(500, 6);
        const auto normal = generateEcg(p);
        p.potassiumMmolL = 7.5;
        const auto high = generateEcg(p);
        p.potassiumMmolL = 9.0;
        const auto veryHigh = generateEcg(p);
        p.potassiumMmolL = 2.5;
        const auto low = generateEcg(p);
        const auto &bn = middleBeat(normal), &bh = middleBeat(high), &bv = middleBeat(veryHigh), &bl = middleBeat(low);
        QVERIFY(bh.qrsOffset->seconds - bh.qrsOnset->seconds > 1.2 * 0.090);            // wide QRS
        QVERIFY(bh.qrsOnset->seconds - bh.pOnset->seconds > 0.160 + 0.030);              // long PR
        QVERIFY(!bv.pOnset);                                                            // P lost
        QVERIFY(valueAt(low, "V3", *bl.tPeak) < 0.5 * valueAt(normal, "V3", *bn.tPeak)); // flat T
        // Prominent U after the T in hypokalaemia, none when normal.
        auto afterT = [](const SynthResult& r, const BeatTruth& b) {
            return largestBetween(r, "V3", b.tOffset->sample + 1, b.tOffset->sample + 80);
        };
        QVERIFY(afterT(low, bl) > 0.05);
        QVERIFY(afterT(normal, bn) < 1e-6);
        // ST depression at J in the lead with the tallest T.
        QVERIFY(valueAt(low, "V3", *bl.qrsOffset) < -0.05);
    }

    void stShiftByTerritoryWithReciprocalChange_data()
    {
        QTest::addColumn<int>("territory");
        QTest::addColumn<QStringList>("leads");
        QTest::addColumn<QStringList>("reciprocal");
        QTest::newRow("inferior") << 1 << QStringList{"II", "III", "aVF"} << QStringList{"I", "aVL"};
        QTest::newRow("anterior") << 0 << QStringList{"V1", "V2", "V3", "V4"} << QStringList{"II", "III", "aVF"};
        QTest::newRow("lateral") << 2 << QStringList{"I", "aVL", "V5", "V6"} << QStringList{"III", "aVF"};
    }
    void stShiftByTerritoryWithReciprocalChange()
    {
        QFETCH(int, territory);
        QFETCH(QStringList, leads);
        QFETCH(QStringList, reciprocal);
        SynthParams p = cleanParams(500, 5);
        const double shift = 0.2;
        (territory == 0 ? p.st.anteriorMv : territory == 1 ? p.st.inferiorMv : p.st.lateralMv) = shift;
        const auto r = generateEcg(p);
        const auto& b = middleBeat(r);
        double sum = 0;
        for (const auto& name : leads)
            sum += valueAt(r, name.toStdString(), *b.qrsOffset);
        QVERIFY(std::abs(sum / leads.size() - shift) < 0.005);
        for (const auto& name : reciprocal)
            QVERIFY2(valueAt(r, name.toStdString(), *b.qrsOffset) < -0.02, qPrintable(name));
    }

    void tPolarity()
    {
        SynthParams p = cleanParams(500, 5);
        auto tInV5 = [&](TPolarity t) {
            p.tPolarity = t;
            const auto r = generateEcg(p);
            return valueAt(r, "V5", *middleBeat(r).tPeak);
        };
        const double upright = tInV5(TPolarity::Upright);
        QVERIFY(upright > 0.15);
        QVERIFY(tInV5(TPolarity::Inverted) < -0.15);
        QVERIFY(std::abs(tInV5(TPolarity::Flat)) < 0.2 * upright);
        QVERIFY(tInV5(TPolarity::Peaked) > 1.5 * upright);
    }
};

QTEST_GUILESS_MAIN(TestSynthMorphology)
#include "test_synth_morphology.moc"
