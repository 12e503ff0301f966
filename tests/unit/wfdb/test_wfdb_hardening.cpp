// Hostile and unusual WFDB headers after the reader review: headers that promise more than the files hold,
// segment headers that disagree with the layout, thousands of segments, zero lengths, skewed checksums,
// paths leaving the record's folder, damaged FLAC streams, and the shared time-window rounding.
#include "Corpus.h"
#include "TestFiles.h"

#include "io/ReadError.h"
#include "io/wfdb/WfdbReader.h"
#include "io/wfdb/WfdbRecord.h"

#include <QDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <limits>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/resource.h>
#endif

using namespace execg;

namespace {

using test::Bytes;
using test::writeFile;
Bytes format16(const std::vector<int>& v)
{
    Bytes b;
    for (int x : v) {
        b.push_back(static_cast<std::uint8_t>(x));
        b.push_back(static_cast<std::uint8_t>(static_cast<unsigned>(x) >> 8));
    }
    return b;
}

Recording readRecord(const QString& hea, ReadOptions o = {})
{
    o.readAnnotations = false;
    return WfdbReader().read(hea.toStdString(), o);
}

bool throwsReadError(const QString& hea, ReadOptions o, const char* needle)
{
    try {
        readRecord(hea, o);
    } catch (const ReadError& e) {
        if (std::string(e.what()).find(needle) != std::string::npos)
            return true;
        qWarning("unexpected ReadError: %s", e.what());
        return false;
    }
    return false;
}

bool hasWarning(const std::vector<std::string>& warnings, const char* needle)
{
    for (const auto& w : warnings)
        if (w.find(needle) != std::string::npos)
            return true;
    return false;
}

// A minimal FLAC stream (RFC 9639), one channel, 16-bit VERBATIM subframes, variable blocking so every frame
// states its first sample's number: enough to build streams with lost frames or without a stored length.
std::uint8_t crc8(const Bytes& b, size_t from)
{
    std::uint8_t c = 0;
    for (size_t i = from; i < b.size(); ++i) {
        c ^= b[i];
        for (int k = 0; k < 8; ++k)
            c = static_cast<std::uint8_t>((c & 0x80) ? (c << 1) ^ 0x07 : c << 1);
    }
    return c;
}
std::uint16_t crc16(const Bytes& b, size_t from)
{
    std::uint16_t c = 0;
    for (size_t i = from; i < b.size(); ++i) {
        c ^= static_cast<std::uint16_t>(b[i] << 8);
        for (int k = 0; k < 8; ++k)
            c = static_cast<std::uint16_t>((c & 0x8000) ? (c << 1) ^ 0x8005 : c << 1);
    }
    return c;
}
Bytes flacStream(std::uint64_t totalSamples, const std::vector<std::pair<int, std::vector<int>>>& frames)
{
    Bytes b{'f', 'L', 'a', 'C', 0x80, 0, 0, 34, 0, 16, 0, 16, 0, 0, 0, 0, 0, 0};
    const std::uint64_t packed = (std::uint64_t{250} << 44) | (std::uint64_t{0} << 41) | (std::uint64_t{15} << 36) | totalSamples;
    for (int i = 7; i >= 0; --i)
        b.push_back(static_cast<std::uint8_t>(packed >> (8 * i)));
    b.insert(b.end(), 16, 0);   // MD5 unknown
    for (const auto& [first, samples] : frames) {
        const size_t start = b.size();
        b.insert(b.end(), {0xFF, 0xF9, 0x60, 0x08, static_cast<std::uint8_t>(first),
                           static_cast<std::uint8_t>(samples.size() - 1)});
        b.push_back(crc8(b, start));
        b.push_back(0x02);   // VERBATIM, no wasted bits
        for (int v : samples) {
            b.push_back(static_cast<std::uint8_t>(static_cast<unsigned>(v) >> 8));
            b.push_back(static_cast<std::uint8_t>(v));
        }
        const std::uint16_t c = crc16(b, start);
        b.push_back(static_cast<std::uint8_t>(c >> 8));
        b.push_back(static_cast<std::uint8_t>(c));
    }
    return b;
}
std::vector<int> ramp(int from, int n)
{
    std::vector<int> v;
    for (int i = 0; i < n; ++i)
        v.push_back(from + i);
    return v;
}

} // namespace

class TestWfdbHardening : public QObject {
    Q_OBJECT
private slots:
    // Review 1: a segment header's own samples per frame must not size an allocation.
    void segmentWithOtherSamplesPerFrameIsLeftEmpty()
    {
        const QString dir = test::scratchDir("wfdb-hard-spf");
        writeFile(dir + "/m.hea", "m/2 1 100 6\ns1 3\ns2 3\n");
        writeFile(dir + "/s1.hea", "s1 1 100 3\ns1.dat 16 1 0 0 0 0 0 A\n");
        writeFile(dir + "/s1.dat", format16({1, 2, 3}));
        writeFile(dir + "/s2.hea", "s2 1 100 3\ns2.dat 16x1000000 1 0 0 0 0 0 A\n");
        writeFile(dir + "/s2.dat", format16({7, 7, 7}));
        WfdbRecord rec((dir + "/m.hea").toStdString());
        const auto v = rec.readPhysical({});
        QCOMPARE(v.at(0).values.size(), size_t(6));
        QCOMPARE(v[0].values[2], 3.0f);
        QVERIFY(std::isnan(v[0].values[3]) && std::isnan(v[0].values[5]));
        QVERIFY(hasWarning(rec.warnings(), "different rate than the layout"));
    }
    // Review 2: signals sharing a file with more than 10^6 samples per frame in all are refused up front.
    void tooManySamplesPerFrameInOneFile()
    {
        const QString dir = test::scratchDir("wfdb-hard-spftotal");
        writeFile(dir + "/r.hea", "r 3 1 2\nr.dat 16x1000000\nr.dat 16x1000000\nr.dat 16x1000000\n");
        writeFile(dir + "/r.dat", Bytes(16, 0));
        QVERIFY(throwsReadError(dir + "/r.hea", {}, "samples per frame"));
    }
    // Review 3: gaps and null signals hold only what the header promises; a huge promise needs a window.
    void hugeNullGapNeedsAWindow()
    {
        const QString dir = test::scratchDir("wfdb-hard-gap");
        writeFile(dir + "/g.hea", "g/2 1 250\n~ 200000000\ns1 3\n");
        writeFile(dir + "/s1.hea", "s1 1 250 3\ns1.dat 16 1 0 0 0 0 0 A\n");
        writeFile(dir + "/s1.dat", format16({1, 2, 3}));
        QVERIFY(throwsReadError(dir + "/g.hea", {}, "time window"));
        ReadOptions o;
        o.fromSeconds = 799999.992;   // frame 199999998: the last 2 gap frames, then the segment
        const auto rec = readRecord(dir + "/g.hea", o);
        const auto& s = rec.groups.at(0).leads.at(0).samples;
        QCOMPARE(s.size(), size_t(5));
        QVERIFY(std::isnan(s[0]) && std::isnan(s[1]));
        QCOMPARE(s[2], 1.0f);
        QCOMPARE(s[4], 3.0f);
    }
    void hugeNullRecordNeedsAWindow()
    {
        const QString dir = test::scratchDir("wfdb-hard-null");
        writeFile(dir + "/n.hea", "n 1 250 200000000\n* 0 0 0 0 0 0\n");
        QVERIFY(throwsReadError(dir + "/n.hea", {}, "time window"));
        ReadOptions o;
        o.toSeconds = 1.0;
        const auto rec = readRecord(dir + "/n.hea", o);
        QCOMPARE(rec.groups.at(0).leads.at(0).samples.size(), size_t(250));
        o = {};
        o.headerOnly = true;
        QCOMPARE(readRecord(dir + "/n.hea", o).groups.at(0).totalSamples, std::int64_t(200000000));
    }
    // Review 4: lengths beyond any recording are refused before frames × samples per frame is formed.
    void absurdLengthsAreRefused()
    {
        const QString dir = test::scratchDir("wfdb-hard-len");
        ReadOptions o;
        o.headerOnly = true;
        writeFile(dir + "/n.hea", "n 1 250 9000000000000000000\n* 0x1000 0 0 0 0 0\n");
        QVERIFY(throwsReadError(dir + "/n.hea", o, "beyond any recording"));
        writeFile(dir + "/s1.hea", "s1 1 250 3\ns1.dat 16x1000 1 0 0 0 0 0 A\n");
        writeFile(dir + "/s1.dat", Bytes(6000, 0));
        writeFile(dir + "/m.hea", "m/2 1 250\n~ 4000000000000000000\ns1 3\n");
        QVERIFY(throwsReadError(dir + "/m.hea", o, "beyond any recording"));
    }
    // Review 5: segments' files are closed once read, so MIMIC-sized records do not run out of descriptors.
    void thousandsOfSegmentsWithFewDescriptors()
    {
        const QString dir = test::scratchDir("wfdb-hard-many");
        constexpr int kSegments = 1500;
        std::string master = "many/" + std::to_string(kSegments) + " 1 100 " + std::to_string(2 * kSegments) + "\n";
        for (int i = 0; i < kSegments; ++i) {
            const std::string name = "s" + std::to_string(i);
            master += name + " 2\n";
            writeFile(dir + "/" + QString::fromStdString(name) + ".hea", name + " 1 100 2\n" + name + ".dat 16 1 0 0 0 0 0 A\n");
            writeFile(dir + "/" + QString::fromStdString(name) + ".dat", format16({i, -i}));
        }
        writeFile(dir + "/many.hea", master);
#if defined(__unix__) || defined(__APPLE__)
        rlimit old{};
        QVERIFY(getrlimit(RLIMIT_NOFILE, &old) == 0);
        rlimit low = old;
        low.rlim_cur = std::min<rlim_t>(old.rlim_cur, 256);
        QVERIFY(setrlimit(RLIMIT_NOFILE, &low) == 0);
#endif
        std::vector<float> samples;
        std::string error;
        try {
            samples = readRecord(dir + "/many.hea").groups.at(0).leads.at(0).samples;
        } catch (const std::exception& e) {
            error = e.what();
        }
#if defined(__unix__) || defined(__APPLE__)
        setrlimit(RLIMIT_NOFILE, &old);
#endif
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(samples.size(), size_t(2 * kSegments));
        QCOMPARE(samples[2 * 1234], 1234.0f);
        QCOMPARE(samples[2 * 1499 + 1], -1499.0f);
    }
    // Review 7: the checksum covers the stored samples, not the skew-shifted output.
    void skewedRecordChecksum()
    {
        const QString dir = test::scratchDir("wfdb-hard-skew");
        const std::vector<int> a{1, 2, 3, 4, 5}, b{10, 20, 30, 40, 50};
        std::vector<int> interleaved;
        for (size_t i = 0; i < a.size(); ++i)
            interleaved.insert(interleaved.end(), {a[i], b[i]});
        writeFile(dir + "/k.dat", format16(interleaved));
        writeFile(dir + "/k.hea", "k 2 100 5\nk.dat 16 1 0 0 1 15 0 A\nk.dat 16:2 1 0 0 10 150 0 B\n");
        WfdbRecord rec((dir + "/k.hea").toStdString());
        const auto d = rec.readDigital({});
        QCOMPARE(d.at(1).at(0), 30);   // skew 2: output frame 0 is stored frame 2
        QVERIFY2(rec.warnings().empty(), rec.warnings().empty() ? "" : rec.warnings().front().c_str());
    }
    // Review 8: a record length of 0 is "unspecified" (header(5)): the files decide and checksums are off.
    void zeroLengthMeansUnspecified()
    {
        const QString dir = test::scratchDir("wfdb-hard-zero");
        writeFile(dir + "/z.dat", format16({5, 6, 7, 8}));
        writeFile(dir + "/z.hea", "z 1 100 0\nz.dat 16 1 0 0 5 999 0 A\n");
        const auto rec = readRecord(dir + "/z.hea");
        QCOMPARE(rec.groups.at(0).leads.at(0).samples.size(), size_t(4));
        QCOMPARE(rec.groups[0].leads[0].samples[3], 8.0f);
        QVERIFY(rec.warnings.empty());
        writeFile(dir + "/m.hea", "m/1 1 100 0\nz 4\n");
        const auto multi = readRecord(dir + "/m.hea");
        QCOMPARE(multi.groups.at(0).leads.at(0).samples.size(), size_t(4));
        QVERIFY(!hasWarning(multi.warnings, "header declares"));
    }
    // Review 12: multi-segment low resolution reduces ADC values with the request's rounding, like a
    // single-segment record.
    void multiSegmentLowResolutionRounding()
    {
        const QString dir = test::scratchDir("wfdb-hard-lowres");
        writeFile(dir + "/s1.dat", format16({1, 2, -1, -2}));
        writeFile(dir + "/s1.hea", "s1 1 100 2\ns1.dat 16x2 2 0 0 0 0 0 A\n");
        writeFile(dir + "/m.hea", "m/1 1 100 2\ns1 2\n");
        for (const auto rounding : {WfdbLowResRounding::TruncateTowardZero, WfdbLowResRounding::RoundToNearest}) {
            WfdbReadRequest r;
            r.lowResolution = true;
            r.rounding = rounding;
            WfdbRecord single((dir + "/s1.hea").toStdString()), multi((dir + "/m.hea").toStdString());
            const auto a = single.readPhysical(r), b = multi.readPhysical(r);
            QCOMPARE(b.at(0).samplesPerFrame, 1);
            QCOMPARE(b[0].values, a.at(0).values);
            const float expected = rounding == WfdbLowResRounding::TruncateTowardZero ? 0.5f : 1.0f;   // 1.5 -> 1 or 2, / gain 2
            QCOMPARE(b[0].values.at(0), expected);
            QCOMPARE(b[0].values.at(1), -expected);
        }
    }
    // Review 9: the shared window rule, [round(from·fs), round(to·fs)).
    void windowRounding()
    {
        const QString dir = test::scratchDir("wfdb-hard-window");
        writeFile(dir + "/w.dat", format16(ramp(0, 200)));
        writeFile(dir + "/w.hea", "w 1 100 200\nw.dat 16 1 0 0 0 0 0 A\n");
        ReadOptions o;
        o.toSeconds = 1.1;   // 1.1 × 100 = 110.00000000000001
        QCOMPARE(readRecord(dir + "/w.hea", o).groups.at(0).leads.at(0).samples.size(), size_t(110));
        o.fromSeconds = 0.005;   // half a frame rounds away from zero: frame 1
        const auto rec = readRecord(dir + "/w.hea", o);
        QCOMPARE(rec.groups.at(0).firstSample, std::int64_t(1));
        QCOMPARE(rec.groups[0].leads.at(0).samples.size(), size_t(109));
        QCOMPARE(rec.groups[0].leads[0].samples[0], 1.0f);
        o.fromSeconds = 1.5;
        o.toSeconds = 1.0;
        QVERIFY(throwsReadError(dir + "/w.hea", o, "ends before it starts"));
    }
    // L3: a header may name files beside it or below it, never elsewhere.
    void namesOutsideTheRecordFolderAreRefused()
    {
        const QString dir = test::scratchDir("wfdb-hard-paths");
        QDir(dir).mkpath("sub");
        writeFile(dir + "/sub/x.dat", format16({4, 5}));
        writeFile(dir + "/ok.hea", "ok 1 100 2\nsub/x.dat 16 1 0 0 4 9 0 A\n");
        QCOMPARE(readRecord(dir + "/ok.hea").groups.at(0).leads.at(0).samples.at(1), 5.0f);
        writeFile(dir + "/sub/in.hea", "in 1 100 2\n../sub/x.dat 16 1 0 0 4 9 0 A\n");
        QVERIFY(throwsReadError(dir + "/sub/in.hea", {}, "'..' paths are refused"));
        writeFile(dir + "/abs.hea", "abs 1 100 2\n" + (dir + "/sub/x.dat").toStdString() + " 16 1 0 0 4 9 0 A\n");
        QVERIFY(throwsReadError(dir + "/abs.hea", {}, "absolute"));
        writeFile(dir + "/seg.hea", "seg/1 1 100 2\n../seg 2\n");
        QVERIFY(throwsReadError(dir + "/seg.hea", {}, "segment record"));
    }
    // L1: a lost FLAC frame must not shift the later samples earlier in time. libFLAC 1.4 itself substitutes
    // silence for frames whose sample numbers skip ahead (and the frame after the gap); a decoder that passes
    // such frames through gets NaN filled in by the reader. Either way every sample is in place or not a value.
    void flacLostFrameDoesNotShiftSamples()
    {
        const QString dir = test::scratchDir("wfdb-hard-flac-gap");
        writeFile(dir + "/f.dat", flacStream(64, {{0, ramp(0, 16)}, {48, ramp(48, 16)}}));
        writeFile(dir + "/f.hea", "f 1 250 64\nf.dat 516 1 16 0\n");
        const auto rec = readRecord(dir + "/f.hea");
        const auto& s = rec.groups.at(0).leads.at(0).samples;
        QCOMPARE(s.size(), size_t(64));
        QCOMPARE(s[15], 15.0f);
        for (size_t k = 16; k < s.size(); ++k)
            QVERIFY2(std::isnan(s[k]) || s[k] == 0.0f || s[k] == float(k), qPrintable(QString::number(s[k])));
    }
    // L2: a FLAC stream with no stored length that ends before the header's length gives NaN, also in a window.
    void flacShorterThanHeaderWithoutStoredLength()
    {
        const QString dir = test::scratchDir("wfdb-hard-flac-short");
        writeFile(dir + "/f.dat", flacStream(0, {{0, ramp(0, 16)}, {16, ramp(16, 16)}}));
        writeFile(dir + "/f.hea", "f 1 250 80\nf.dat 516 1 16 0\n");
        const auto full = readRecord(dir + "/f.hea").groups.at(0).leads.at(0).samples;
        QCOMPARE(full.size(), size_t(80));
        QCOMPARE(full[31], 31.0f);
        QVERIFY(std::isnan(full[32]) && std::isnan(full[79]));
        ReadOptions o;
        o.fromSeconds = 0.2;   // frame 50, past the stream's end
        o.toSeconds = 0.3;
        const auto window = readRecord(dir + "/f.hea", o).groups.at(0).leads.at(0).samples;
        QCOMPARE(window.size(), size_t(25));
        QVERIFY(std::isnan(window[0]) && std::isnan(window[24]));
        o.fromSeconds = 0.02;   // frame 5, inside
        const auto inside = readRecord(dir + "/f.hea", o).groups.at(0).leads.at(0).samples;
        QCOMPARE(inside.at(0), 5.0f);
        QCOMPARE(inside.at(26), 31.0f);
        QVERIFY(std::isnan(inside.at(27)));
    }
    // Fuzzing: a STREAMINFO length is a claim; a few bytes must not make the reader fill gigabytes.
    void flacClaimedLengthIsNotBacked()
    {
        const QString dir = test::scratchDir("wfdb-hard-flac-claim");
        writeFile(dir + "/f.dat", flacStream(std::uint64_t{1} << 34, {{0, ramp(0, 16)}}));
        writeFile(dir + "/f.hea", "f 1 250\nf.dat 516 1 16 0\n");
        QVERIFY(throwsReadError(dir + "/f.hea", {}, "time window"));
        ReadOptions o;
        o.toSeconds = 0.1;
        const auto s = readRecord(dir + "/f.hea", o).groups.at(0).leads.at(0).samples;
        QCOMPARE(s.size(), size_t(25));
        QCOMPARE(s[15], 15.0f);
    }
    // Fuzzing: a signal file that is not FLAC throws from the stream's constructor; its decoder and descriptor
    // must still be released (found by LeakSanitizer), or a folder of bad files exhausts descriptors.
    void badFlacReleasesItsDescriptor()
    {
        const QString dir = test::scratchDir("wfdb-hard-flac-bad");
        writeFile(dir + "/f.dat", std::string("RIFF, not FLAC at all"));
        writeFile(dir + "/f.hea", "f 1 250 10\nf.dat 516 1 16 0\n");
#if defined(__unix__) || defined(__APPLE__)
        rlimit old{};
        QVERIFY(getrlimit(RLIMIT_NOFILE, &old) == 0);
        rlimit low = old;
        low.rlim_cur = std::min<rlim_t>(old.rlim_cur, 64);
        QVERIFY(setrlimit(RLIMIT_NOFILE, &low) == 0);
#endif
        int refusedAsFlac = 0;
        for (int i = 0; i < 200; ++i)
            refusedAsFlac += throwsReadError(dir + "/f.hea", {}, "FLAC") ? 1 : 0;
#if defined(__unix__) || defined(__APPLE__)
        setrlimit(RLIMIT_NOFILE, &old);
#endif
        QCOMPARE(refusedAsFlac, 200);
    }
};

QTEST_APPLESS_MAIN(TestWfdbHardening)
#include "test_wfdb_hardening.moc"
