// Rational resampling: ratios, lengths, passband amplitude and phase, aliasing and image rejection, timing of a
// pulse, NaN gaps, round trips back to the recording rate, and signal groups with time windows.
#include "SignalFit.h"

#include "dsp/Resampler.h"

#include <QTest>
#include <cmath>
#include <numbers>
#include <stdexcept>

using namespace execg;
using namespace execg::dsp;
using test::db;
using test::tone;

namespace {

struct RatePair {
    double in, out;
};
const RatePair kPairs[] = {{500, 250}, {1000, 500}, {360, 250}, {100, 250}, {257, 500},
                           {250, 500}, {128, 500}, {1000, 250}, {10000, 250}, {500, 333.3333337}};

QString pairName(const RatePair& p)
{
    return QString("%1->%2").arg(p.in).arg(p.out);
}

// Worst deviation, over the middle half of the output, from the ideal tone sampled at the output times:
// catches amplitude and phase (time shift) errors at once.
double worstToneError(const RatePair& p, double f, double seconds)
{
    const auto n = static_cast<std::size_t>(seconds * p.in);
    const auto y = resample(tone(n, f, p.in, 1.0, 0.4), p.in, p.out);
    const auto ideal = tone(y.size(), f, p.out, 1.0, 0.4);
    double worst = 0;
    for (std::size_t k = y.size() / 4; k < 3 * y.size() / 4; ++k)
        worst = std::max(worst, double(std::abs(y[k] - ideal[k])));
    return worst;
}

} // namespace

class TestDspResample : public QObject {
    Q_OBJECT
private slots:
    void rationalRatios()
    {
        const struct {
            double in, out;
            std::int64_t up, down;
        } cases[] = {{500, 250, 1, 2}, {1000, 500, 1, 2}, {360, 250, 25, 36}, {100, 250, 5, 2},
                     {257, 500, 500, 257}, {44100, 48000, 160, 147}, {1000.0 / 3.0, 250, 3, 4}, {250, 250, 1, 1}};
        for (const auto& c : cases) {
            const auto r = rationalRatio(c.in, c.out);
            QVERIFY(r.exact);
            QCOMPARE(r.up, c.up);
            QCOMPARE(r.down, c.down);
        }
        QVERIFY(!rationalRatio(500, 333.3333337).exact);
        QVERIFY(!rationalRatio(1000, 1023.5).exact);   // 2047/2000: both factors over the cap
    }

    void lengths()
    {
        for (const auto& p : kPairs) {
            for (std::size_t n : {0, 1, 2, 7, 999, 5000, 5001}) {
                const auto y = resample(std::vector<float>(n, 0.25f), p.in, p.out);
                QCOMPARE(y.size(), std::size_t(std::llround(double(n) * p.out / p.in)));
                for (float v : y)
                    QVERIFY(std::abs(v - 0.25f) < 1e-6);   // a constant comes out exactly, ends included
            }
        }
    }

    void passbandAmplitudeAndPhase()
    {
        // < 0.1 % amplitude error up to 0.8 × the lower Nyquist frequency; the comparison with the ideal
        // samples also bounds any time shift (0.1 % of a 100 Hz period is 10 µs).
        for (const auto& p : kPairs) {
            const double lowNyquist = std::min(p.in, p.out) / 2;
            for (double rel : {0.01, 0.1, 0.3, 0.5, 0.7, 0.8}) {
                const double err = worstToneError(p, rel * lowNyquist, 4.0);
                if (err > 1e-3)
                    QFAIL(qPrintable(pairName(p) + QString(": %1 Hz error %2").arg(rel * lowNyquist).arg(err)));
            }
        }
    }

    void aliasesSuppressed()
    {
        // A tone above the new Nyquist frequency must not fold back into the band (< -60 dB).
        for (const auto& p : kPairs) {
            if (p.out >= p.in)
                continue;
            const double newNyquist = p.out / 2;
            for (double rel : {1.001, 1.05, 1.3, 1.9, 3.0, 10.0, 39.0}) {
                const double f = rel * newNyquist;
                if (f >= 0.499 * p.in)
                    continue;
                const auto n = static_cast<std::size_t>(4.0 * p.in);
                const auto y = resample(tone(n, f, p.in), p.in, p.out);
                double peak = 0;
                for (std::size_t k = y.size() / 8; k < 7 * y.size() / 8; ++k)
                    peak = std::max(peak, double(std::abs(y[k])));
                if (db(peak) > -60.0)
                    QFAIL(qPrintable(pairName(p) + QString(": %1 Hz leaks at %2 dB").arg(f).arg(db(peak))));
            }
        }
    }

    void imagesSuppressed()
    {
        // Upsampling: a tone at f must not bring its image at fsIn - f (> -60 dB).
        for (const auto& p : kPairs) {
            if (p.out <= p.in)
                continue;
            const double f = 0.7 * p.in / 2;
            const auto n = static_cast<std::size_t>(8.0 * p.in);
            const auto y = resample(tone(n, f, p.in), p.in, p.out);
            std::vector<float> residual(y.size());
            const auto ideal = tone(y.size(), f, p.out);
            for (std::size_t k = 0; k < y.size(); ++k)
                residual[k] = y[k] - ideal[k];
            const double image = test::amplitude(residual, p.in - f, p.out, y.size() / 4, 3 * y.size() / 4);
            QVERIFY2(db(image) < -60.0, qPrintable(pairName(p) + QString(" image %1 dB").arg(db(image))));
        }
    }

    void pulseDoesNotMove()
    {
        // A QRS-like Gaussian (sigma 12 ms) at 3.3 s stays at 3.3 s: peak within one output sample (in fact
        // within a small fraction of one).
        for (const auto& p : kPairs) {
            const auto n = static_cast<std::size_t>(6.0 * p.in);
            std::vector<float> x(n);
            for (std::size_t i = 0; i < n; ++i) {
                const double t = double(i) / p.in - 3.3;
                x[i] = float(std::exp(-t * t / (2 * 0.012 * 0.012)));
            }
            const auto y = resample(x, p.in, p.out);
            std::size_t k = 0;
            for (std::size_t i = 1; i < y.size(); ++i)
                if (y[i] > y[k])
                    k = i;
            const double a = y[k - 1], b = y[k], c = y[k + 1];
            const double peak = (double(k) + 0.5 * (a - c) / (a - 2 * b + c)) / p.out;   // parabolic
            const double shiftSamples = (peak - 3.3) * p.out;
            QVERIFY2(std::abs(shiftSamples) < 0.05, qPrintable(pairName(p) + QString(" shift %1").arg(shiftSamples)));
            QVERIFY(std::abs(b - 1.0) < 0.05);
        }
    }

    void nanGapsStayGaps()
    {
        const RatePair p{500, 250};
        auto x = tone(3000, 5.0, p.in);
        for (std::size_t i = 1000; i < 1200; ++i)
            x[i] = kMissingSample;
        for (std::size_t i = 1200; i < 3000; ++i)
            x[i] += 2.0f;
        const auto y = resample(x, p.in, p.out);
        for (std::size_t k = 0; k < y.size(); ++k)
            QCOMPARE(std::isnan(y[k]), k >= 500 && k < 600);
        // The gap does not smear: right next to it the values are those of the tone (plus offset after it).
        const auto ideal = tone(y.size(), 5.0, p.out);
        for (std::size_t k : {499, 600})
            QVERIFY(std::abs(y[k] - (ideal[k] + (k >= 600 ? 2.0f : 0.0f))) < 0.01);
        for (float v : resample(std::vector<float>(100, kMissingSample), 360, 250))
            QVERIFY(std::isnan(v));
    }

    void roundTripToRecordingRate()
    {
        // A per-sample result computed at the model rate maps back with the recording's own length.
        for (const auto& p : {RatePair{500, 250}, RatePair{360, 250}, RatePair{257, 500}, RatePair{1000, 100}}) {
            const std::size_t n = static_cast<std::size_t>(5 * p.in) + 1;   // odd: round(n·r) then back differs
            std::vector<float> x(n);
            const double f1 = 0.2 * std::min(p.in, p.out) / 2, f2 = 0.05 * std::min(p.in, p.out) / 2;
            for (std::size_t i = 0; i < n; ++i) {
                const double t = double(i) / p.in;
                x[i] = float(std::sin(2 * std::numbers::pi * f1 * t) + 0.5 * std::cos(2 * std::numbers::pi * f2 * t));
            }
            const auto there = resample(x, p.in, p.out);
            const auto back = resample(there, p.out, p.in, n);
            QCOMPARE(back.size(), n);
            for (std::size_t i = n / 8; i < n - n / 8; ++i)
                QVERIFY2(std::abs(back[i] - x[i]) < 2e-3, qPrintable(pairName(p)));
        }
    }

    void groupKeepsLeadsAndMapsWindows()
    {
        SignalGroup g;
        g.label = "rhythm";
        g.samplingRateHz = 360;
        g.firstSample = 1001;   // a time window starting at 1001/360 s
        g.totalSamples = 650000;
        g.filters.description = "device 0.05-100 Hz";
        const std::size_t n = 3600;
        Lead lead;
        lead.name = "II";
        lead.provenance.storedLabel = "MLII";
        lead.samples.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const double t = double(g.firstSample + std::int64_t(i)) / g.samplingRateHz;   // absolute time
            lead.samples[i] = float(std::sin(2 * std::numbers::pi * 3.7 * t));
        }
        g.leads.push_back(lead);
        lead.name = "V1";
        g.leads.push_back(lead);

        const auto out = resampleGroup(g, 250);
        QCOMPARE(out.samplingRateHz, 250.0);
        QCOMPARE(out.label, std::string("rhythm"));
        QCOMPARE(out.firstSample, std::int64_t(std::llround(1001 * 250.0 / 360)));
        QCOMPARE(out.totalSamples, std::int64_t(std::llround(650000 * 250.0 / 360)));
        QCOMPARE(out.firstSample + out.sampleCount(), std::int64_t(std::llround((1001 + 3600) * 250.0 / 360)));
        QCOMPARE(out.leads[1].name, std::string("V1"));
        QCOMPARE(out.leads[0].provenance.storedLabel, std::string("MLII"));
        QVERIFY(QString::fromStdString(out.filters.description).startsWith("device 0.05-100 Hz; resampled 360 -> 250"));
        // Each output sample carries the value at its own absolute time (firstSample'/250 is not 1001/360).
        for (std::int64_t k = 100; k < out.sampleCount() - 100; ++k) {
            const double t = double(out.firstSample + k) / 250.0;
            QVERIFY(std::abs(out.leads[0].samples[std::size_t(k)] - std::sin(2 * std::numbers::pi * 3.7 * t)) < 1e-3);
        }
        QCOMPARE(mapSampleIndex(720, 360, 250), std::int64_t(500));
    }

    void badRatesThrow()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, resample(std::vector<float>(10, 0.f), 0.0, 250.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, resample(std::vector<float>(10, 0.f), 500.0, -1.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Resampler(500, 250, ResampleOptions{1.2, 90, 1024}));
        SignalGroup empty;
        empty.samplingRateHz = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, resampleGroup(empty, 250));
    }
};

QTEST_APPLESS_MAIN(TestDspResample)
#include "test_dsp_resample.moc"
