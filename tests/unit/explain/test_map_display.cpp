// The map as drawn (issue 27's readable maps): display smoothing is a centred moving average of the width asked
// (a one-sample spike becomes a plateau of 1/width whose sum is kept), never spreads into samples the model did not
// see, and leaves the map alone below three samples; the per-wave view paints each wave of each beat with its share
// of the total |a|, and those shares add up to the evidence summary's lead × wave table.
#include "MapCompare.h"

#include "explain/MapDisplay.h"
#include "explain/WaveSummary.h"
#include "synth/EcgSynthesizer.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>

using namespace execg;


class MapDisplayTest : public QObject {
    Q_OBJECT

private slots:
    void smoothingIsACentredMovingAverage()
    {
        LeadMaps map(1, std::vector<float>(1000, 0.0f));
        map[0][500] = 21.0f;
        const auto s = smoothedMap(map, 500.0, 42.0);   // 21 samples at 500 Hz
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(s[0][std::size_t(i)], (i >= 490 && i <= 510) ? 1.0f : 0.0f);
        QCOMPARE(smoothedMap(map, 500.0, 0.0), map);    // off
        QCOMPARE(smoothedMap(map, 500.0, 3.0), map);    // under 3 samples: nothing to average
        QCOMPARE(smoothedMap(map, 0.0, 40.0), map);     // no rate: left alone
        // At the edges the window is cut, not padded with zeros: a constant stays constant.
        const LeadMaps flat(2, std::vector<float>(300, 0.25f));
        for (const auto& lead : smoothedMap(flat, 250.0, 80.0))
            for (const float v : lead)
                QCOMPARE(v, 0.25f);
    }

    void smoothingKeepsWhatTheModelDidNotSee()
    {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        LeadMaps map(1, std::vector<float>(200, nan));
        for (int i = 50; i < 150; ++i)
            map[0][std::size_t(i)] = 1.0f;
        map[0][60] = 11.0f;
        const auto s = smoothedMap(map, 1000.0, 11.0);   // 11 samples
        for (int i = 0; i < 200; ++i) {
            const bool seen = i >= 50 && i < 150;
            QCOMPARE(std::isnan(s[0][std::size_t(i)]), !seen);
        }
        QCOMPARE(s[0][50], 1.0f);                         // 50–55 (6 seen samples), none of them the spike
        QCOMPARE(s[0][55], (10.0f + 11.0f) / 11.0f);      // 50–60 holds the spike
        QCOMPARE(s[0][149], 1.0f);
    }

    void perWaveSharesAddUpToTheSummary()
    {
        synth::SynthParams p;
        p.samplingRateHz = 500;
        p.seconds = 10;
        p.seed = 5;
        const auto r = synth::generateEcg(p);
        const auto& g = r.recording.groups.front();
        const auto waves = segmentWaves(g);
        QVERIFY(waves.problem.empty());
        std::mt19937 rng(7);
        std::normal_distribution<float> noise(0.0f, 1.0f);
        LeadMaps map(g.leads.size(), std::vector<float>(g.leads.front().samples.size()));
        for (auto& lead : map)
            for (auto& v : lead)
                v = noise(rng);
        map[0][100] = std::numeric_limits<float>::quiet_NaN();
        const auto shares = waveShareMap(map, waves);
        const auto summary = summariseAttribution(map, g, waves);
        // Sum each occurrence's share once (at its first sample) per lead and wave.
        for (std::size_t l = 0; l < map.size(); ++l) {
            std::array<double, kWaveSegments> sum{};
            for (std::size_t i = 0; i < shares[l].size(); ++i) {
                const int w = waves.label[i];
                if (w < 0) {
                    QVERIFY(std::isnan(shares[l][i]));   // outside every wave: not painted
                    continue;
                }
                if (i == 0 || waves.label[i - 1] != w)
                    sum[std::size_t(w)] += shares[l][i];
            }
            for (int w = 0; w < kWaveSegments; ++w)
                QVERIFY2(std::abs(sum[std::size_t(w)] - 100.0 * summary.leadWaveShare[l][std::size_t(w)]) < 1e-3,
                         qPrintable(QStringLiteral("lead %1 wave %2: %3 vs %4").arg(l).arg(w).arg(sum[std::size_t(w)])
                                        .arg(100.0 * summary.leadWaveShare[l][std::size_t(w)])));
            // Constant over each occurrence.
            for (std::size_t i = 1; i < shares[l].size(); ++i)
                if (waves.label[i] >= 0 && waves.label[i] == waves.label[i - 1] && std::isfinite(shares[l][i]) && std::isfinite(shares[l][i - 1]))
                    QCOMPARE(shares[l][i], shares[l][i - 1]);
        }
        QVERIFY(std::isnan(shares[0][100]));
        // The waves view without waves is the samples view.
        QCOMPARE(displayedMap(map, 500.0, nullptr, {0.0, MapView::Waves}).size(), map.size());
        QVERIFY(execg::test::sameSamples(displayedMap(map, 500.0, nullptr, {0.0, MapView::Waves})[1], map[1]));
        QVERIFY(execg::test::sameSamples(displayedMap(map, 500.0, &waves, {40.0, MapView::Waves})[1], shares[1]));   // smoothing is for samples
        QVERIFY(execg::test::sameSamples(displayedMap(map, 500.0, &waves, {40.0, MapView::Samples})[1], smoothedMap(map, 500.0, 40.0)[1]));
    }

    void names()
    {
        MapView v = MapView::Samples;
        QVERIFY(mapViewFromString("waves", v) && v == MapView::Waves);
        QVERIFY(!mapViewFromString("beats", v) && v == MapView::Waves);
        QCOMPARE(toString(MapView::Samples), std::string("samples"));
    }
};

QTEST_APPLESS_MAIN(MapDisplayTest)
#include "test_map_display.moc"
