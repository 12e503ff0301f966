// Every WFDB-C rdsamp target of wfdb-python/tests/target-output that the corpus can reproduce, plus the
// checkpkg rdsamp.out of the WFDB C package. The rdsamp command of each is in
// reference/wfdb_target_validation.txt; times in seconds become frames as rdsamp's strtim does (rounded).
#include "Corpus.h"
#include "RdsampTable.h"

#include "io/wfdb/WfdbRecord.h"
#include "io/wfdb/WfdbSignalDecoder.h"

#include <QTest>

#include <cmath>
#include <functional>

using namespace execg;
using execg::test::corpusFile;
using execg::test::loadRdsamp;
using execg::test::RdsampTable;

namespace {

const QString kSample = "wfdb-python/sample-data/";
const QString kTargets = "wfdb-python/tests/target-output/";

using RowIndex = std::function<size_t(size_t row)>;
const RowIndex kSame = [](size_t r) { return r; };
RowIndex every(size_t n) { return [n](size_t r) { return r / n; }; }

// Digital column: rdsamp prints invalid samples of the 10.5.24 era as the format's marker (e.g. -128 for
// format 80), so `invalidMarker` in the target must meet kWfdbInvalidSample here and nowhere else.
QString compareDigital(const RdsampTable& t, size_t col, const std::vector<std::int32_t>& ours, const RowIndex& index,
                       std::optional<double> invalidMarker = std::nullopt)
{
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const size_t i = index(r);
        if (i >= ours.size())
            return QString("row %1: ours has only %2 samples").arg(r).arg(ours.size());
        const double want = t.rows[r].at(col);
        const bool wantInvalid = std::isnan(want) || (invalidMarker && want == *invalidMarker);
        const bool isInvalid = ours[i] == kWfdbInvalidSample;
        if (wantInvalid != isInvalid || (!wantInvalid && static_cast<double>(ours[i]) != want))
            return QString("row %1 column %2: target %3, ours %4").arg(r).arg(col).arg(want).arg(ours[i]);
    }
    return {};
}

QString comparePhysical(const RdsampTable& t, size_t col, const std::vector<float>& ours, const RowIndex& index,
                        double tolerance = 1e-6)
{
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const size_t i = index(r);
        if (i >= ours.size())
            return QString("row %1: ours has only %2 samples").arg(r).arg(ours.size());
        const double want = t.rows[r].at(col);
        const double got = ours[i];
        if (std::isnan(want) != std::isnan(got) ||
            (!std::isnan(want) && std::fabs(want - got) > tolerance + 1e-6 * std::fabs(want)))
            return QString("row %1 column %2: target %3, ours %4").arg(r).arg(col).arg(want, 0, 'g', 12).arg(got, 0, 'g', 12);
    }
    return {};
}

WfdbReadRequest frames(std::int64_t from, std::optional<std::int64_t> to = std::nullopt, bool low = true)
{
    WfdbReadRequest r;
    r.fromFrame = from;
    r.toFrame = to;
    r.lowResolution = low;
    return r;
}

#define EXPECT_MATCH(expr)                                                                                    \
    do {                                                                                                      \
        const QString why = (expr);                                                                           \
        QVERIFY2(why.isEmpty(), qPrintable(why));                                                             \
    } while (0)

} // namespace

class TestWfdbTargets : public QObject {
    Q_OBJECT
private slots:
    // rdsamp -r binformats: formats 8, 16, 61, 80, 160, 212, 310, 311, 24, 32 with partial final blocks.
    void record1f_binformats()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-1f.gz");
        WfdbRecord rec(corpusFile(kSample + "binformats.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-1f.gz"));
        QCOMPARE(t.rows.size(), size_t(499));
        QCOMPARE(rec.lengthFrames(), std::int64_t(499));
        const auto d = rec.readDigital(frames(0));
        for (size_t s = 0; s < 10; ++s)
            EXPECT_MATCH(compareDigital(t, s, d[s], kSame));
        QVERIFY2(rec.warnings().empty(), rec.warnings().empty() ? "" : rec.warnings().front().c_str());  // checksums
    }
    // rdsamp -r flacformats: FLAC 508, 516, 524.
    void recordFlac()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-flac.gz");
        WfdbRecord rec(corpusFile(kSample + "flacformats.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-flac.gz"));
        const auto d = rec.readDigital(frames(0));
        for (size_t s = 0; s < 3; ++s)
            EXPECT_MATCH(compareDigital(t, s, d[s], kSame));
        QVERIFY(rec.warnings().empty());
    }
    // rdsamp -r test01_00s
    void record1a()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-1a");
        WfdbRecord rec(corpusFile(kSample + "test01_00s.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-1a"));
        QCOMPARE(t.rows.size(), size_t(4000));
        const auto d = rec.readDigital(frames(0));
        for (size_t s = 0; s < 4; ++s)
            EXPECT_MATCH(compareDigital(t, s, d[s], kSame));
    }
    // rdsamp -r 3000003_0003 -f 1 -t 8 -s 1 -P (format 80, 125 Hz)
    void record1d()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-1d");
        WfdbRecord rec(corpusFile(kSample + "3000003_0003.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-1d"));
        QCOMPARE(t.rows.size(), size_t(875));
        const auto v = rec.readPhysical(frames(125, 1000));
        EXPECT_MATCH(comparePhysical(t, 0, v[1].values, kSame));
    }
    // rdsamp -r 100 -f 0.002 -t 30 -s 1 (format 212, window from frame 1)
    void record2b()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-2b");
        WfdbRecord rec(corpusFile(kSample + "100.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-2b"));
        QCOMPARE(t.rows.size(), size_t(10799));
        const auto d = rec.readDigital(frames(1, 10800));
        EXPECT_MATCH(compareDigital(t, 0, d[1], kSame));
    }
    // rdsamp -r 310derive -f 0.007
    void record2d()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-2d");
        WfdbRecord rec(corpusFile(kSample + "310derive.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-2d"));
        QCOMPARE(t.rows.size(), size_t(1024));
        const auto d = rec.readDigital(frames(2));
        for (size_t s = 0; s < 2; ++s)
            EXPECT_MATCH(compareDigital(t, s, d[s], kSame));
    }
    // rdsamp -r 311derive -f 0.005 -t 3.91 -P
    void record2e()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-2e");
        WfdbRecord rec(corpusFile(kSample + "311derive.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-2e"));
        QCOMPARE(t.rows.size(), size_t(977));
        const auto v = rec.readPhysical(frames(1, 978));
        EXPECT_MATCH(comparePhysical(t, 0, v[0].values, kSame));
    }
    // rdsamp -r s0010_re -f s5000 -t s38000 -s 13 0 4 8 3 -P (two signal files)
    void record3b()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-3b");
        WfdbRecord rec(corpusFile(kSample + "s0010_re.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-3b"));
        QCOMPARE(t.rows.size(), size_t(33000));
        const auto v = rec.readPhysical(frames(5000, 38000));
        const int sig[] = {13, 0, 4, 8, 3};
        for (size_t c = 0; c < 5; ++c)
            EXPECT_MATCH(comparePhysical(t, c, v[static_cast<size_t>(sig[c])].values, kSame));
    }
    // rdsamp -r test01_00s_skewframe (low resolution: the 16x2 signal is the truncated frame mean)
    void record4a()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-4a");
        WfdbRecord rec(corpusFile(kSample + "test01_00s_skewframe.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-4a"));
        QCOMPARE(t.rows.size(), size_t(3997));
        const auto d = rec.readDigital(frames(0));
        for (size_t s = 0; s < 3; ++s)
            EXPECT_MATCH(compareDigital(t, s, d[s], kSame));
        // rdsamp stops where the skewed signal runs out; this reader keeps the header length with NaN there.
        QCOMPARE(d[0].size(), size_t(4000));
        QCOMPARE(d[0][3997], kWfdbInvalidSample);
        QVERIFY(d[1][3997] != kWfdbInvalidSample);   // unskewed signals continue
    }
    // rdsamp -r test01_00s_skewframe -P -H (high resolution)
    void record4d()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-4d");
        WfdbRecord rec(corpusFile(kSample + "test01_00s_skewframe.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-4d"));
        QCOMPARE(t.rows.size(), size_t(7994));
        const auto v = rec.readPhysical(frames(0, std::nullopt, false));
        QCOMPARE(v[1].samplesPerFrame, 2);
        EXPECT_MATCH(comparePhysical(t, 0, v[0].values, every(2)));
        EXPECT_MATCH(comparePhysical(t, 1, v[1].values, kSame));
        EXPECT_MATCH(comparePhysical(t, 2, v[2].values, every(2)));
    }
    // rdsamp -r v102s -f s70000 -t s80000 -s 1 0 3 -P (fixed-layout multi-segment, -2048 -> NaN)
    void multiFixedC()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-multi-fixed-c");
        WfdbRecord rec(corpusFile(kSample + "multi-segment/fixed1/v102s.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-multi-fixed-c"));
        QCOMPARE(t.rows.size(), size_t(10000));
        const auto v = rec.readPhysical(frames(70000, 80000));
        const int sig[] = {1, 0, 3};
        bool sawNaN = false;
        for (const auto& row : t.rows)
            sawNaN = sawNaN || std::isnan(row[0]) || std::isnan(row[1]) || std::isnan(row[2]);
        QVERIFY(sawNaN);
        for (size_t c = 0; c < 3; ++c)
            EXPECT_MATCH(comparePhysical(t, c, v[static_cast<size_t>(sig[c])].values, kSame));
    }
    // rdsamp -r 041s -s 3 2 1 -H (fixed layout, 212x4)
    void multiFixedD()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-multi-fixed-d.gz");
        WfdbRecord rec(corpusFile(kSample + "multi-segment/041s/041s.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-multi-fixed-d.gz"));
        QCOMPARE(t.rows.size(), size_t(8000));
        const auto d = rec.readDigital(frames(0, std::nullopt, false));
        EXPECT_MATCH(compareDigital(t, 0, d[3], every(4), -2048.0));
        EXPECT_MATCH(compareDigital(t, 1, d[2], kSame, -2048.0));
        EXPECT_MATCH(compareDigital(t, 2, d[1], kSame, -2048.0));
    }
    // rdsamp -r s00001-2896-10-10-00-31 -f s14428365 -t s14428375 -P (variable layout, signal subsets)
    void multiVariableA()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-multi-variable-a");
        WfdbRecord rec(corpusFile(kSample + "multi-segment/s00001/s00001-2896-10-10-00-31.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-multi-variable-a"));
        QCOMPARE(t.rows.size(), size_t(10));
        const auto v = rec.readPhysical(frames(14428365, 14428375));
        for (size_t c = 0; c < 4; ++c)
            EXPECT_MATCH(comparePhysical(t, c, v[c].values, kSame));
    }
    // rdsamp -r p000878-2137-10-26-16-57 -f s3550 -t s7500 -s 0 1 (variable layout, gap, format 80)
    void multiVariableD()
    {
        EXECG_REQUIRE_CORPUS_FILE(kTargets + "record-multi-variable-d");
        WfdbRecord rec(corpusFile(kSample + "multi-segment/p000878/p000878-2137-10-26-16-57.hea"));
        const auto t = loadRdsamp(corpusFile(kTargets + "record-multi-variable-d"));
        QCOMPARE(t.rows.size(), size_t(3950));
        const auto d = rec.readDigital(frames(3550, 7500));
        for (size_t c = 0; c < 2; ++c)
            EXPECT_MATCH(compareDigital(t, c, d[c], kSame, -128.0));
    }
    // WFDB C checkpkg: rdsamp -r 100s -f 10 -t 11 -p -v (3 decimals, first column = time)
    void checkpkgRdsampOut()
    {
        EXECG_REQUIRE_CORPUS_FILE("wfdb-c/checkpkg/expected/rdsamp.out");
        WfdbRecord rec(corpusFile("wfdb-c/data/100s.hea"));
        const auto t = loadRdsamp(corpusFile("wfdb-c/checkpkg/expected/rdsamp.out"), 2);
        QCOMPARE(t.rows.size(), size_t(360));
        const auto v = rec.readPhysical(frames(3600, 3960));
        EXPECT_MATCH(comparePhysical(t, 1, v[0].values, kSame, 0.0005));
        EXPECT_MATCH(comparePhysical(t, 2, v[1].values, kSame, 0.0005));
        QCOMPARE(t.rows[0][0], 10.0);
    }
};

QTEST_GUILESS_MAIN(TestWfdbTargets)
#include "test_wfdb_targets.moc"
