// measureEcg on input a recorder or a damaged file can produce: flat and missing leads, a lead off in a good record,
// a 1-second strip, every rate from 50 Hz to 10 kHz, absurd amplitudes, a lone spike and an empty group. The
// contract under test: never a crash, and every Quantity is either a plausible number or carries the reason it
// is missing — a report must never show a made-up interval.
#include "measure/Measurements.h"
#include "recording/LeadNames.h"
#include "synth/EcgSynthesizer.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

using namespace execg;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

struct Named {
    const char* name;
    const Quantity* q;
    double low, high;   // plausible range when the value is present
};

// Every Quantity of the result with the range a human ECG can show (QTc and axes by their definitions).
std::vector<Named> quantities(const EcgMeasurements& m)
{
    return {{"heartRateBpm", &m.heartRateBpm, 30, 250},      {"rrMeanMs", &m.rrMeanMs, 240, 2000},
            {"rrSdMs", &m.rrSdMs, 0, 1000},                  {"rrIrregularity", &m.rrIrregularity, 0, 2},
            {"prMs", &m.prMs, 80, 400},                      {"qrsMs", &m.qrsMs, 40, 250},
            {"qtMs", &m.qtMs, 200, 700},                     {"qtcBazettMs", &m.qtcBazettMs, 200, 900},
            {"qtcFridericiaMs", &m.qtcFridericiaMs, 200, 900}, {"qtcFraminghamMs", &m.qtcFraminghamMs, 200, 900},
            {"qtcHodgesMs", &m.qtcHodgesMs, 200, 900},       {"pAxisDeg", &m.pAxisDeg, -180, 180},
            {"qrsAxisDeg", &m.qrsAxisDeg, -180, 180},        {"tAxisDeg", &m.tAxisDeg, -180, 180}};
}

QString describe(const EcgMeasurements& m)
{
    QString s = QString("problem='%1'").arg(QString::fromStdString(m.problem));
    for (const auto& n : quantities(m))
        s += QString(" %1=%2").arg(n.name).arg(n.q->ok() ? QString::number(n.q->value)
                                                          : "missing('" + QString::fromStdString(n.q->missing) + "')");
    return s;
}

// Empty when each Quantity is either plausible or missing with a reason (never NaN without one, never a reason on a
// value); otherwise the first offence and the whole result.
QString offence(const EcgMeasurements& m)
{
    for (const auto& n : quantities(m)) {
        if (n.q->ok() && !(n.q->value >= n.low && n.q->value <= n.high))
            return QString("%1 = %2 outside %3–%4; %5").arg(n.name).arg(n.q->value).arg(n.low).arg(n.high).arg(describe(m));
        if (n.q->ok() && !n.q->missing.empty())
            return QString("%1 has a value and a reason; %2").arg(n.name, describe(m));
        if (!n.q->ok() && n.q->missing.empty())
            return QString("%1 missing without a reason; %2").arg(n.name, describe(m));
    }
    return {};
}

// Empty when nothing was measured: a "cannot measure" problem and every Quantity missing with a reason.
QString measuredSomething(const EcgMeasurements& m)
{
    for (const auto& n : quantities(m))
        if (n.q->ok() || n.q->missing.empty())
            return QString("%1 = %2 from nothing; %3").arg(n.name).arg(n.q->value).arg(describe(m));
    if (!QString::fromStdString(m.problem).startsWith("cannot measure"))
        return "no 'cannot measure' problem; " + describe(m);
    return {};
}

#define EXPECT_VALUES_OR_REASONS(m)                                                                                \
    do {                                                                                                           \
        const QString why_ = offence(m);                                                                           \
        QVERIFY2(why_.isEmpty(), qPrintable(why_));                                                                \
    } while (false)

#define EXPECT_NOTHING_MEASURED(m)                                                                                 \
    do {                                                                                                           \
        const QString why_ = measuredSomething(m);                                                                 \
        QVERIFY2(why_.isEmpty(), qPrintable(why_));                                                                \
    } while (false)

SignalGroup constantGroup(float v, double fs = 500, double seconds = 10)
{
    SignalGroup g;
    g.label = "rhythm";
    g.samplingRateHz = fs;
    const auto n = std::size_t(std::llround(fs * seconds));
    g.totalSamples = std::int64_t(n);
    for (const auto& name : standardTwelveLeads())
        g.leads.push_back(Lead{name, std::vector<float>(n, v), {}});
    return g;
}

synth::SynthResult synthetic(double fs, double seconds = 10, std::uint64_t seed = 3)
{
    synth::SynthParams p;
    p.samplingRateHz = fs;
    p.seconds = seconds;
    p.seed = seed;
    return synth::generateEcg(p);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Truth {
    double heartRateBpm = 0, qrsMs = 0, qtMs = 0;
};

// HR from the first to the last true QRS onset; QRS and QT as the median over the true beats (what a median beat
// represents).
Truth truthOf(const synth::SynthResult& r)
{
    std::vector<double> onsets, qrs, qt;
    for (const auto& b : r.beats) {
        if (!b.qrsOnset)
            continue;
        onsets.push_back(b.qrsOnset->seconds);
        if (b.qrsOffset)
            qrs.push_back((b.qrsOffset->seconds - b.qrsOnset->seconds) * 1000);
        if (b.tOffset)
            qt.push_back((b.tOffset->seconds - b.qrsOnset->seconds) * 1000);
    }
    Truth t;
    if (onsets.size() >= 2)
        t.heartRateBpm = 60.0 * double(onsets.size() - 1) / (onsets.back() - onsets.front());
    t.qrsMs = qrs.empty() ? 0 : median(qrs);
    t.qtMs = qt.empty() ? 0 : median(qt);
    return t;
}

} // namespace

class MeasurementsBadInputTest : public QObject {
    Q_OBJECT

private slots:
    void flatLines()
    {
        const auto m = measureEcg(constantGroup(0.0f));
        EXPECT_NOTHING_MEASURED(m);
        // A constant offset (DC-coupled amplifier, electrode polarisation) is as flat as zero.
        EXPECT_NOTHING_MEASURED(measureEcg(constantGroup(3.7f)));
    }

    void allLeadsMissing() { EXPECT_NOTHING_MEASURED(measureEcg(constantGroup(kNaN))); }

    void oneLeadMissingInGoodRecord()
    {
        for (const char* off : {"V3", "II"}) {
            auto r = synthetic(500);
            auto& g = r.recording.groups.front();
            auto* lead = g.findLead(off);
            QVERIFY(lead);
            std::fill(lead->samples.begin(), lead->samples.end(), kNaN);
            const auto m = measureEcg(g);
            const auto truth = truthOf(r);
            QVERIFY2(m.problem.empty(), qPrintable(QString("%1 off: %2").arg(off, describe(m))));
            QVERIFY2(m.qrsMs.ok() && m.qrsMs.value >= 60 && m.qrsMs.value <= 120,
                     qPrintable(QString("%1 off: QRS %2 (truth %3); %4").arg(off).arg(m.qrsMs.value)
                                    .arg(truth.qrsMs).arg(describe(m))));
            QVERIFY2(m.heartRateBpm.ok() && std::abs(m.heartRateBpm.value - truth.heartRateBpm) <= 3,
                     qPrintable(QString("%1 off: HR %2, truth %3").arg(off).arg(m.heartRateBpm.value)
                                    .arg(truth.heartRateBpm)));
            EXPECT_VALUES_OR_REASONS(m);
        }
    }

    void oneSecondStrip()
    {
        for (std::uint64_t seed : {1u, 2u, 3u}) {
            const auto r = synthetic(500, 1.0, seed);
            const auto m = measureEcg(r.recording.groups.front());
            EXPECT_VALUES_OR_REASONS(m);
        }
    }

    void samplingRates_data()
    {
        QTest::addColumn<double>("fs");
        for (double fs : {50.0, 100.0, 250.0, 1000.0, 5000.0, 10000.0})
            QTest::newRow(qPrintable(QString::number(fs) + " Hz")) << fs;
    }
    void samplingRates()
    {
        QFETCH(double, fs);
        const auto r = synthetic(fs);
        const auto truth = truthOf(r);
        const auto m = measureEcg(r.recording.groups.front());
        const QString all = QString("at %1 Hz: truth HR %2 QRS %3 QT %4; %5")
                                .arg(fs).arg(truth.heartRateBpm).arg(truth.qrsMs).arg(truth.qtMs).arg(describe(m));
        qInfo("%s", qPrintable(all));
        EXPECT_VALUES_OR_REASONS(m);
        QVERIFY2(m.heartRateBpm.ok() && std::abs(m.heartRateBpm.value - truth.heartRateBpm) <= 3, qPrintable(all));
        if (fs < 100) {
            // 20 ms per sample cannot place a wave boundary: intervals are withheld, with the rate as the reason.
            for (const Quantity* q : {&m.prMs, &m.qrsMs, &m.qtMs, &m.qtcBazettMs, &m.qrsAxisDeg}) {
                QVERIFY2(!q->ok(), qPrintable(all));
                QVERIFY2(QString::fromStdString(q->missing).contains("Hz"), qPrintable(all));
            }
            return;
        }
        // Below 500 Hz the delineator interpolates the beat first, so 10 ms per sample still places boundaries.
        QVERIFY2(m.qrsMs.ok() && std::abs(m.qrsMs.value - truth.qrsMs) <= 12, qPrintable(all));
        QVERIFY2(m.qtMs.ok() && std::abs(m.qtMs.value - truth.qtMs) <= 25, qPrintable(all));
    }

    void hugeValues()
    {
        // A good record scaled to ±1e6 mV (a wrong unit or gain in a file): measuring it would report numbers in the
        // wrong units, so nothing is measured and the reason says to check the units.
        auto r = synthetic(500);
        auto& g = r.recording.groups.front();
        for (auto& lead : g.leads)
            for (auto& v : lead.samples)
                v *= 1e6f;
        EXPECT_NOTHING_MEASURED(measureEcg(g));
        QVERIFY(QString::fromStdString(measureEcg(g).problem).contains("units"));

        // A ±1e6 mV square wave (about 36 Hz): no ECG at all, so no rhythm either.
        auto wild = constantGroup(0.0f);
        for (auto& lead : wild.leads)
            for (std::size_t i = 0; i < lead.samples.size(); ++i)
                lead.samples[i] = (i / 7) % 2 ? 1e6f : -1e6f;
        const auto w = measureEcg(wild);
        EXPECT_NOTHING_MEASURED(w);
        QVERIFY2(QString::fromStdString(w.problem).contains("units"), qPrintable(describe(w)));

        // Infinities are not valid samples either.
        auto inf = synthetic(500);
        for (auto& lead : inf.recording.groups.front().leads)
            lead.samples[1000] = std::numeric_limits<float>::infinity();
        const auto i = measureEcg(inf.recording.groups.front());
        EXPECT_VALUES_OR_REASONS(i);
        QVERIFY2(i.qrsMs.ok() && std::abs(i.qrsMs.value - truthOf(inf).qrsMs) <= 12, qPrintable(describe(i)));
    }

    void singleSpike()
    {
        // One sample of 5 mV on a flat line: at most one "beat", so no rhythm and no median beat.
        auto g = constantGroup(0.0f);
        for (auto& lead : g.leads)
            lead.samples[2500] = 5.0f;
        const auto m = measureEcg(g);
        EXPECT_VALUES_OR_REASONS(m);
        for (const auto& n : quantities(m))
            QVERIFY2(!n.q->ok(), qPrintable(QString("%1 from a lone spike; %2").arg(n.name, describe(m))));
        // Nothing at all measured is a problem of the record, stated once.
        QVERIFY2(!m.problem.empty(), qPrintable(describe(m)));

        // A one-sample 50 mV spike (electrode pop) in one lead of a good record is not a beat: rhythm and median beat
        // stay as they were.
        auto r = synthetic(500);
        auto& good = r.recording.groups.front();
        good.findLead("V2")->samples[2500] = 50.0f;
        const auto withSpike = measureEcg(good);
        EXPECT_VALUES_OR_REASONS(withSpike);
        QVERIFY2(withSpike.qrsMs.ok() && std::abs(withSpike.qrsMs.value - truthOf(r).qrsMs) <= 12,
                 qPrintable(describe(withSpike)));
        QVERIFY2(withSpike.heartRateBpm.ok() &&
                     std::abs(withSpike.heartRateBpm.value - truthOf(r).heartRateBpm) <= 3,
                 qPrintable(describe(withSpike)));
    }

    void emptyGroup()
    {
        SignalGroup none;
        none.samplingRateHz = 500;
        EXPECT_NOTHING_MEASURED(measureEcg(none));

        // Leads present but no samples, and a group without a sampling rate.
        EXPECT_NOTHING_MEASURED(measureEcg(constantGroup(0.0f, 500, 0)));
        auto noRate = synthetic(500).recording.groups.front();
        noRate.samplingRateHz = 0;
        EXPECT_NOTHING_MEASURED(measureEcg(noRate));
    }
};

QTEST_GUILESS_MAIN(MeasurementsBadInputTest)
#include "test_measurements_bad_input.moc"
