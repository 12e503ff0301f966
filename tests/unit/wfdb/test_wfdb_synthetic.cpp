// Synthetic WFDB records written to a scratch folder: every format round trip, partial blocks, invalid
// markers, windows, low-resolution rounding, multi-segment layouts, MATLAB v4 offsets and broken input.
#include "Corpus.h"
#include "TestFiles.h"

#include "io/ReadError.h"
#include "io/ReaderRegistry.h"
#include "io/wfdb/WfdbReader.h"
#include "io/wfdb/WfdbRecord.h"
#include "io/wfdb/WfdbSignalDecoder.h"

#include <QTest>

#include <cmath>
#include <fstream>

using namespace execg;

namespace {

using test::Bytes;
using test::writeFile;

// Independent encoders (signal(5)) for the decoder round trip.
Bytes encode(int format, const std::vector<int>& v, int initial = 0)
{
    Bytes b;
    auto le = [&](std::uint32_t x, int n) { for (int i = 0; i < n; ++i) b.push_back(static_cast<std::uint8_t>(x >> (8 * i))); };
    switch (format) {
    case 8: { int prev = initial; for (int x : v) { b.push_back(static_cast<std::uint8_t>(x - prev)); prev = x; } break; }
    case 16: for (int x : v) le(static_cast<std::uint32_t>(x), 2); break;
    case 24: for (int x : v) le(static_cast<std::uint32_t>(x), 3); break;
    case 32: for (int x : v) le(static_cast<std::uint32_t>(x), 4); break;
    case 61: for (int x : v) { b.push_back(static_cast<std::uint8_t>(x >> 8)); b.push_back(static_cast<std::uint8_t>(x)); } break;
    case 80: for (int x : v) b.push_back(static_cast<std::uint8_t>(x + 128)); break;
    case 160: for (int x : v) le(static_cast<std::uint32_t>(x + 32768), 2); break;
    case 212:
        for (size_t i = 0; i < v.size(); i += 2) {
            const auto a = static_cast<std::uint32_t>(v[i]) & 0xFFF;
            const auto c = i + 1 < v.size() ? static_cast<std::uint32_t>(v[i + 1]) & 0xFFF : 0;
            b.push_back(static_cast<std::uint8_t>(a));
            b.push_back(static_cast<std::uint8_t>((a >> 8) | ((c >> 8) << 4)));
            if (i + 1 < v.size()) b.push_back(static_cast<std::uint8_t>(c));
        }
        break;
    case 310:
        for (size_t i = 0; i < v.size(); i += 3) {
            const auto s0 = static_cast<std::uint32_t>(v[i]) & 0x3FF;
            const auto s1 = i + 1 < v.size() ? static_cast<std::uint32_t>(v[i + 1]) & 0x3FF : 0;
            const auto s2 = i + 2 < v.size() ? static_cast<std::uint32_t>(v[i + 2]) & 0x3FF : 0;
            le((s0 << 1) | ((s2 & 0x1F) << 11), 2);
            if (i + 1 < v.size()) le((s1 << 1) | ((s2 >> 5) << 11), 2);
        }
        break;
    case 311:
        for (size_t i = 0; i < v.size(); i += 3) {
            std::uint32_t w = static_cast<std::uint32_t>(v[i]) & 0x3FF;
            if (i + 1 < v.size()) w |= (static_cast<std::uint32_t>(v[i + 1]) & 0x3FF) << 10;
            if (i + 2 < v.size()) w |= (static_cast<std::uint32_t>(v[i + 2]) & 0x3FF) << 20;
            le(w, i + 2 < v.size() ? 4 : i + 1 < v.size() ? 3 : 2);
        }
        break;
    }
    return b;
}

int bitsOf(int format)
{
    switch (format) {
    case 8: case 80: return 8;
    case 212: return 12;
    case 310: case 311: return 10;
    case 24: return 24;
    case 32: return 32;
    default: return 16;
    }
}

Recording readRecord(const QString& hea, ReadOptions o = {})
{
    o.readAnnotations = false;
    return WfdbReader().read(hea.toStdString(), o);
}

} // namespace

class TestWfdbSynthetic : public QObject {
    Q_OBJECT
private slots:
    void everyFormatRoundTrips_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("count");
        for (int f : {8, 16, 24, 32, 61, 80, 160, 212, 310, 311})
            for (int n : {7, 8, 9})   // 2 signals x n frames: partial 212/310/311 blocks at the end
                QTest::addRow("fmt %d, %d frames", f, n) << f << n;
    }
    void everyFormatRoundTrips()
    {
        QFETCH(int, format);
        QFETCH(int, count);
        const QString dir = test::scratchDir("wfdb-formats");
        const int bits = bitsOf(format);
        const long long lo = -(1LL << (bits - 1)) + 1, hi = (1LL << (bits - 1)) - 1;
        std::vector<int> stream;
        for (int t = 0; t < count; ++t)
            for (int s = 0; s < 2; ++s) {
                long long v = (t * 37 + s * 11) % 50 - 25;   // small steps so format 8 differences fit
                if (format != 8 && t == 3) v = s == 0 ? lo : hi;
                stream.push_back(static_cast<int>(v));
            }
        // Format 8 differences are per signal: encode each signal's stream separately, then interleave.
        Bytes bytes;
        if (format == 8) {
            std::vector<int> prev{stream[0], stream[1]};
            for (size_t i = 0; i < stream.size(); ++i) {
                bytes.push_back(static_cast<std::uint8_t>(stream[i] - prev[i % 2]));
                prev[i % 2] = stream[i];
            }
        } else {
            bytes = encode(format, stream);
        }
        writeFile(dir + "/r.dat", bytes);
        writeFile(dir + "/r.hea", "r 2 100 " + std::to_string(count) + "\nr.dat " + std::to_string(format) + " 100/mV " +
                                      std::to_string(bits) + " 0 " + std::to_string(stream[0]) + " 0 0 A\nr.dat " +
                                      std::to_string(format) + " 100/mV " + std::to_string(bits) + " 0 " +
                                      std::to_string(stream[1]) + " 0 0 B\n");
        WfdbRecord rec((dir + "/r.hea").toStdString());
        QCOMPARE(rec.lengthFrames(), std::int64_t(count));
        const auto d = rec.readDigital({});
        for (int t = 0; t < count; ++t)
            for (int s = 0; s < 2; ++s)
                QCOMPARE(d[static_cast<size_t>(s)][static_cast<size_t>(t)], stream[static_cast<size_t>(2 * t + s)]);
        // Windows starting inside a block equal the same slice of the full read.
        WfdbReadRequest w;
        w.fromFrame = 1;
        w.toFrame = count - 1;
        const auto part = rec.readDigital(w);
        for (int s = 0; s < 2; ++s)
            QVERIFY(std::equal(part[size_t(s)].begin(), part[size_t(s)].end(), d[size_t(s)].begin() + 1));
    }
    void invalidMarkersBecomeNaN_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("marker");
        QTest::newRow("16") << 16 << -32768;
        QTest::newRow("212") << 212 << -2048;
        QTest::newRow("80") << 80 << -128;
        QTest::newRow("310") << 310 << -512;
        QTest::newRow("24") << 24 << -8388608;
    }
    void invalidMarkersBecomeNaN()
    {
        QFETCH(int, format);
        QFETCH(int, marker);
        const QString dir = test::scratchDir("wfdb-invalid");
        writeFile(dir + "/r.dat", encode(format, {10, marker, 20}));
        writeFile(dir + "/r.hea", "r 1 100 3\nr.dat " + std::to_string(format) + " 10/mV 0 0 10 0 0 II\n");
        const auto rec = readRecord(dir + "/r.hea");
        const auto& s = rec.groups.at(0).leads.at(0).samples;
        QCOMPARE(s.size(), size_t(3));
        QCOMPARE(s[0], 1.0f);
        QVERIFY(std::isnan(s[1]));
        QCOMPARE(s[2], 2.0f);
    }
    void lowResolutionRounding()
    {
        using R = WfdbLowResRounding;
        const std::vector<std::int32_t> v{1, 2, -1, -2, 5, 6, 7, 8, 3, kWfdbInvalidSample};
        QCOMPARE(wfdbLowResolution(v, 2, R::TruncateTowardZero), (std::vector<std::int32_t>{1, -1, 5, 7, kWfdbInvalidSample}));
        QCOMPARE(wfdbLowResolution(v, 2, R::RoundToNearest), (std::vector<std::int32_t>{2, -2, 6, 8, kWfdbInvalidSample}));
    }
    void multiFrequencyGroupsAndUnits()
    {
        const QString dir = test::scratchDir("wfdb-multifreq");
        // Frame: I (x2), II (x2), ABP (x1), all format 16; 3 frames. Units uV and Latin-1 µV.
        std::vector<int> s{100, 200, 300, 400, 80, 110, 210, 310, 410, 81, 120, 220, 320, 420, 82};
        writeFile(dir + "/r.dat", encode(16, s));
        writeFile(dir + "/r.hea", "r 3 250 3 10:00:00 01/02/2003\n"
                                  "r.dat 16x2 1/uV 16 0 100 0 0 I\nr.dat 16x2 1/\xB5V 16 0 300 0 0 II\n"
                                  "r.dat 16 1(-20)/mmHg 16 0 80 0 0 ABP\n# age: 81\n# sex: female\n");
        auto rec = readRecord(dir + "/r.hea");
        QCOMPARE(rec.groups.size(), size_t(2));
        QCOMPARE(rec.groups[0].label, std::string("500 Hz"));
        QCOMPARE(rec.groups[0].samplingRateHz, 500.0);
        QCOMPARE(rec.groups[1].samplingRateHz, 250.0);
        const Lead* one = rec.groups[0].findLead("I");
        QVERIFY(one);
        QCOMPARE(one->samples.size(), size_t(6));
        QCOMPARE(one->samples[1], 0.2f);   // 200 uV
        QCOMPARE(one->provenance.toMillivolts, 1e-3);
        QCOMPARE(rec.groups[0].findLead("II")->provenance.storedUnits, std::string("\xC2\xB5V"));
        const Lead* abp = rec.groups[1].findLead("ABP");
        QVERIFY(abp && !abp->provenance.isVoltage);
        QCOMPARE(abp->samples[0], 100.0f);   // (80 - -20) / 1 mmHg
        QVERIFY(rec.groups[0].findLead("aVF"));   // derived in the 500 Hz group
        QVERIFY(std::any_of(rec.warnings.begin(), rec.warnings.end(),
                            [](const std::string& w) { return w.rfind("derived III, aVR, aVL, aVF from I and II", 0) == 0; }));
        QCOMPARE(rec.metadata.patient.ageYears.value_or(0), 81.0);
        QCOMPARE(rec.metadata.patient.sex, std::string("F"));
        QCOMPARE(rec.metadata.acquisitionDateTime, std::string("2003-02-01T10:00:00"));

        ReadOptions low;
        low.lowResolution = true;
        low.deriveLimbLeads = false;
        rec = readRecord(dir + "/r.hea", low);
        QCOMPARE(rec.groups.size(), size_t(1));
        QCOMPARE(rec.groups[0].samplingRateHz, 250.0);
        QCOMPARE(rec.groups[0].leads[0].samples[0], 0.15f);   // mean of 100 and 200 uV

        ReadOptions header;
        header.headerOnly = true;
        rec = readRecord(dir + "/r.hea", header);
        QCOMPARE(rec.groups.size(), size_t(2));
        QCOMPARE(rec.groups[0].totalSamples, std::int64_t(6));
        QVERIFY(rec.groups[0].leads[0].samples.empty());
    }
    void matlabV4WithByteOffset()
    {
        // PhysioNet Challenge 2020/21: X.mat (MATLAB v4, 'val' int16 nsig x N, column-major = frame-interleaved)
        // behind a 24-byte preamble, referenced as "X.mat 16+24".
        const QString dir = test::scratchDir("wfdb-mat");
        Bytes mat{0x1E, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 'v', 'a', 'l', 0};
        const auto data = encode(16, {28, 7, -5, 9, 10, 11});
        mat.insert(mat.end(), data.begin(), data.end());
        writeFile(dir + "/A0001.mat", mat);
        writeFile(dir + "/A0001.hea", "A0001 2 500 3 05-Feb-2020 11:05:55\nA0001.mat 16+24 1000/mV 16 0 28 -1716 0 I\n"
                                      "A0001.mat 16+24 1000/mV 16 0 7 2029 0 II\n#Age: 74\n#Sex: Male\n#Dx: 59118001\n");
        // The registry is handed the .mat; the sibling header is read.
        ReadOptions o;
        o.readAnnotations = false;
        const auto rec = ReaderRegistry::instance().read((dir + "/A0001.mat").toStdString(), o);
        QCOMPARE(rec.formatName, std::string("WFDB"));
        const Lead* two = rec.groups.at(0).findLead("II");
        QVERIFY(two);
        QCOMPARE(two->samples, (std::vector<float>{0.007f, 0.009f, 0.011f}));
        QCOMPARE(rec.metadata.patient.sex, std::string("M"));
        QCOMPARE(rec.metadata.patient.ageYears.value_or(0), 74.0);
    }
    void multiSegmentVariableLayout()
    {
        const QString dir = test::scratchDir("wfdb-multiseg");
        writeFile(dir + "/m_layout.hea", "m_layout 2 100 0\n~ 0 100/mV 16 0 0 0 0 II\n~ 0 1/mmHg 16 0 0 0 0 ABP\n");
        writeFile(dir + "/s1.dat", encode(16, {100, 200}));
        writeFile(dir + "/s1.hea", "s1 1 100 2\ns1.dat 16 100/mV 16 0 100 0 0 II\n");
        writeFile(dir + "/s2.dat", encode(16, {7, 50, 8, 60}));
        writeFile(dir + "/s2.hea", "s2 2 100 2\ns2.dat 16 2/mmHg 16 0 7 0 0 ABP\ns2.dat 16 50/mV 16 0 50 0 0 II\n");
        writeFile(dir + "/m.hea", "m/4 2 100 7\nm_layout 0\ns1 2\n~ 3\ns2 2\n");
        ReadOptions o;
        o.deriveLimbLeads = false;
        const auto rec = readRecord(dir + "/m.hea", o);
        const auto& ii = rec.groups.at(0).findLead("II")->samples;
        const auto& abp = rec.groups.at(0).findLead("ABP")->samples;
        QCOMPARE(ii.size(), size_t(7));
        QCOMPARE(ii[0], 1.0f);
        QCOMPARE(ii[1], 2.0f);
        QVERIFY(std::isnan(ii[2]) && std::isnan(ii[4]));   // the "~" gap
        QCOMPARE(ii[5], 1.0f);                            // segment gain 50 (layout 100): physical per segment
        QCOMPARE(ii[6], 1.2f);
        QVERIFY(std::isnan(abp[0]));                      // segment s1 lacks ABP
        QCOMPARE(abp[5], 3.5f);
        // Digital values are mapped onto the layout gain, as WFDB getvec.
        WfdbRecord low((dir + "/m.hea").toStdString());
        QCOMPARE(low.readDigital({})[0][6], 120);
        // A window in one segment only opens that segment: a missing other segment does not matter...
        writeFile(dir + "/m2.hea", "m2/3 2 100 6\nm_layout 0\ns1 2\nnothere 4\n");
        o.fromSeconds = 0.0;
        o.toSeconds = 0.02;
        QCOMPARE(readRecord(dir + "/m2.hea", o).groups.at(0).findLead("II")->samples.size(), size_t(2));
        // ...but reading into it names the missing file.
        o.toSeconds.reset();
        try {
            readRecord(dir + "/m2.hea", o);
            QFAIL("missing segment not reported");
        } catch (const ReadError& e) {
            QVERIFY2(e.file().find("nothere.hea") != std::string::npos, e.what());
        }
    }
    void nullRecord()
    {
        const QString dir = test::scratchDir("wfdb-null");
        writeFile(dir + "/n.hea", "n 2 360 5\n* 0 0 0 0 0 0\n* 0 0 0 0 0 0\n");
        const auto rec = readRecord(dir + "/n.hea");
        QCOMPARE(rec.groups.at(0).leads.at(0).samples.size(), size_t(5));
        QVERIFY(std::isnan(rec.groups[0].leads[0].samples[4]));
    }
    void badInput()
    {
        const QString dir = test::scratchDir("wfdb-bad");
        auto expectError = [&](const QString& hea, const char* needle) {
            try {
                readRecord(hea);
                QFAIL(qPrintable("no ReadError for " + hea));
            } catch (const ReadError& e) {
                QVERIFY2(std::string(e.what()).find(needle) != std::string::npos, e.what());
            }
        };
        writeFile(dir + "/empty.hea", std::string());
        expectError(dir + "/empty.hea", "empty");
        writeFile(dir + "/random.hea", std::string("\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00", 10));
        expectError(dir + "/random.hea", "random.hea");
        writeFile(dir + "/nodat.hea", "nodat 1 100 10\nnodat.dat 16 200 16 0 0 0 0 I\n");
        expectError(dir + "/nodat.hea", "nodat.dat");
        writeFile(dir + "/fmt.hea", "fmt 1 100 10\nfmt.dat 99 200 16 0 0 0 0 I\n");
        writeFile(dir + "/fmt.dat", std::string(20, '\0'));
        expectError(dir + "/fmt.hea", "format 99");
        writeFile(dir + "/mixed.hea", "mixed 2 100 10\nmixed.dat 16\nmixed.dat 212\n");
        writeFile(dir + "/mixed.dat", std::string(40, '\0'));
        expectError(dir + "/mixed.hea", "share a format");

        // A header claiming 10^12 samples over a 20-byte file: capped with a warning, no huge allocation.
        writeFile(dir + "/huge.dat", encode(16, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        writeFile(dir + "/huge.hea", "huge 1 100 1000000000000\nhuge.dat 16 0 16 0 1 12345 0 V1\n");
        auto rec = readRecord(dir + "/huge.hea");
        QCOMPARE(rec.groups.at(0).leads.at(0).samples.size(), size_t(10));
        QVERIFY(std::any_of(rec.warnings.begin(), rec.warnings.end(), [](const std::string& w) { return w.find("hold only 10") != std::string::npos; }));
        QVERIFY(std::any_of(rec.warnings.begin(), rec.warnings.end(), [](const std::string& w) { return w.find("uncalibrated") != std::string::npos; }));
        QCOMPARE(rec.groups[0].leads[0].samples[1], 0.01f);   // gain 0 -> 200 per mV

        // Checksum mismatch after a full read is a warning, the values are still returned.
        writeFile(dir + "/cks.hea", "cks 1 100 10\ncks.dat 16 200 16 0 1 999 0 V1\n");
        writeFile(dir + "/cks.dat", encode(16, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        rec = readRecord(dir + "/cks.hea");
        QVERIFY(std::any_of(rec.warnings.begin(), rec.warnings.end(), [](const std::string& w) { return w.find("checksum mismatch") != std::string::npos; }));
        writeFile(dir + "/cks.hea", "cks 1 100 10\ncks.dat 16 200 16 0 1 55 0 V1\n");
        QVERIFY(readRecord(dir + "/cks.hea").warnings.empty());
        // A checksum of 0 is "none computed" (the CinC 2017 files): no warning of damage.
        writeFile(dir + "/cks.hea", "cks 1 100 10\ncks.dat 16 200 16 0 1 0 0 V1\n");
        QVERIFY(readRecord(dir + "/cks.hea").warnings.empty());

        // A multi-segment record of nothing but gaps, 10^12 frames long: refused, not allocated.
        writeFile(dir + "/gaps.hea", "gaps/2 1 100\ngaps_layout 0\n~ 1000000000000\n");
        writeFile(dir + "/gaps_layout.hea", "gaps_layout 1 100 0\n~ 0 200/mV 16 0 0 0 0 II\n");
        expectError(dir + "/gaps.hea", "time window");
    }
    void progressAndCancel()
    {
        const QString dir = test::scratchDir("wfdb-cancel");
        std::vector<int> v(400000);
        for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<int>(i % 1000);
        writeFile(dir + "/c.dat", encode(16, v));
        writeFile(dir + "/c.hea", "c 1 1000 400000\nc.dat 16 200 16 0 0 0 0 I\n");
        int calls = 0;
        ReadOptions o;
        o.progress = [&](double) { ++calls; return true; };
        QCOMPARE(readRecord(dir + "/c.hea", o).groups[0].leads[0].samples.size(), size_t(400000));
        QVERIFY(calls >= 2);
        o.progress = [](double) { return false; };
        QVERIFY_THROWS_EXCEPTION(ReadCancelled, readRecord(dir + "/c.hea", o));
    }
    void sniffing()
    {
        const QString dir = test::scratchDir("wfdb-sniff");
        writeFile(dir + "/s.hea", "# c\ns 1 100 1\ns.dat 16\n");
        writeFile(dir + "/s.dat", encode(16, {1}));
        writeFile(dir + "/lonely.dat", encode(16, {1}));
        WfdbReader r;
        QVERIFY(r.sniff((dir + "/s.hea").toStdString(), {'#', ' ', 'c', '\n', 's', ' ', '1'}) >= 90);
        QCOMPARE(r.sniff((dir + "/s.dat").toStdString(), {1, 0}), 80);
        QCOMPARE(r.sniff((dir + "/lonely.dat").toStdString(), {1, 0}), 0);
    }
};

QTEST_GUILESS_MAIN(TestWfdbSynthetic)
#include "test_wfdb_synthetic.moc"
