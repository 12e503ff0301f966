// NpyReader on generated .npy/.npz files: every dtype and byte order, C and Fortran order, (samples, leads),
// format versions, .npz member choice, time windows and damaged files.
#include "Corpus.h"
#include "NpyTestFiles.h"
#include "io/ReadError.h"
#include "io/ReaderRegistry.h"
#include "io/npy/NpyReader.h"

#include <QTest>
#include <cmath>

using namespace execg;
using namespace execg::test;

namespace {

ReadOptions twoLeads()
{
    ReadOptions o;
    o.raw.leadNames = {"I", "II"};
    o.raw.samplingRateHz = 100;
    o.deriveLimbLeads = false;
    return o;
}

// Lead l, sample s of the 2 × 5 test pattern: 10·l + s − 3 (negative values too).
float pattern(int l, int s) { return float(10 * l + s - 3); }

template <typename T>
std::vector<T> patternValues(bool fortran, bool transposed, float offset = 0.0f)
{
    std::vector<T> v;
    // The logical array is (2 leads, 5 samples); a transposed file stores (5, 2).
    const int rows = transposed ? 5 : 2, cols = transposed ? 2 : 5;
    auto at = [&](int r, int c) { return T(offset + (transposed ? pattern(c, r) : pattern(r, c))); };
    if (fortran)
        for (int c = 0; c < cols; ++c)
            for (int r = 0; r < rows; ++r)
                v.push_back(at(r, c));
    else
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c)
                v.push_back(at(r, c));
    return v;
}

void verifyPattern(const Recording& rec, double scale = 1.0)
{
    QCOMPARE(int(rec.groups.size()), 1);
    const auto& g = rec.groups[0];
    QCOMPARE(int(g.leads.size()), 2);
    QCOMPARE(g.sampleCount(), qint64(5));
    for (int l = 0; l < 2; ++l)
        for (int s = 0; s < 5; ++s)
            QCOMPARE(g.leads[size_t(l)].samples[size_t(s)], float(pattern(l, s) * scale));
}

class NpyFixture {
public:
    explicit NpyFixture(const char* name) : dir_(scratchDir(name)) {}
    std::string write(const QString& file, const QByteArray& bytes) const
    {
        writeBytes(dir_ + "/" + file, bytes);
        return (dir_ + "/" + file).toStdString();
    }

private:
    QString dir_;
};

} // namespace

class TestNpyReader : public QObject {
    Q_OBJECT
private slots:
    void twelveLeadFloat32()
    {
        std::vector<float> v(12 * 1000);
        for (size_t i = 0; i < v.size(); ++i)
            v[i] = float(i % 1000) * 0.001f - float(i / 1000);
        v[5] = std::numeric_limits<float>::quiet_NaN();
        const NpyFixture fx("npy-12");
        const auto path = fx.write("ecg.npy", npyFile("<f4", "(12, 1000)", rawValues(v)));
        ReadOptions o;
        o.raw.samplingRateHz = 500;
        const Recording rec = NpyReader().read(path, o);
        QCOMPARE(QString::fromStdString(rec.formatName), QString("NumPy"));
        const auto& g = rec.groups[0];
        QCOMPARE(g.samplingRateHz, 500.0);
        QCOMPARE(g.totalSamples, qint64(1000));
        QCOMPARE(int(g.leads.size()), 12);
        QCOMPARE(QString::fromStdString(g.leads[3].name), QString("aVR"));
        QCOMPARE(QString::fromStdString(g.leads[11].name), QString("V6"));
        QVERIFY(std::isnan(g.leads[0].samples[5]));
        QCOMPARE(g.leads[7].samples[250], v[7 * 1000 + 250]);
        QVERIFY(!g.leads[2].provenance.derived);   // III is stored, not derived
        QCOMPARE(QString::fromStdString(rec.metadata.extra.at("NumPy dtype")), QString("<f4"));
        QCOMPARE(QString::fromStdString(rec.metadata.extra.at("NumPy shape")), QString("(12, 1000)"));
        QVERIFY(QString::fromStdString(rec.warnings.at(0)).contains("500 Hz"));
    }

    void dtypes_data()
    {
        QTest::addColumn<QString>("descr");
        for (const char* d : {"<f4", ">f4", "<f8", ">f8", "|i1", "<i2", ">i2", "<i4", ">i4", "<i8", ">i8", "|u1",
                              "<u2", ">u2", "<u4", "<u8"})
            QTest::newRow(d) << QString(d);
    }
    void dtypes()
    {
        QFETCH(QString, descr);
        const std::string d = descr.toStdString();
        const bool big = d[0] == '>';
        const bool isUnsigned = d[1] == 'u';
        QByteArray data;
        auto values = [&](auto tag) {
            using T = decltype(tag);
            return rawValues(patternValues<T>(false, false, isUnsigned ? 3.0f : 0.0f), big);   // unsigned: ≥ 0
        };
        const std::string kind = d.substr(1);
        if (kind == "f4") data = values(float{});
        else if (kind == "f8") data = values(double{});
        else if (kind == "i1") data = values(std::int8_t{});
        else if (kind == "i2") data = values(std::int16_t{});
        else if (kind == "i4") data = values(std::int32_t{});
        else if (kind == "i8") data = values(std::int64_t{});
        else if (kind == "u1") data = values(std::uint8_t{});
        else if (kind == "u2") data = values(std::uint16_t{});
        else if (kind == "u4") data = values(std::uint32_t{});
        else data = values(std::uint64_t{});
        const NpyFixture fx("npy-dtypes");
        const auto rec = NpyReader().read(fx.write("a.npy", npyFile(d, "(2, 5)", data)), twoLeads());
        const auto& g = rec.groups[0];
        for (int l = 0; l < 2; ++l)
            for (int s = 0; s < 5; ++s)
                QCOMPARE(g.leads[size_t(l)].samples[size_t(s)], pattern(l, s) + (isUnsigned ? 3.0f : 0.0f));
    }

    void layouts_data()
    {
        QTest::addColumn<bool>("fortran");
        QTest::addColumn<bool>("transposed");
        QTest::addColumn<int>("version");
        QTest::newRow("C, v1.0") << false << false << 1;
        QTest::newRow("Fortran, v1.0") << true << false << 1;
        QTest::newRow("C (samples, leads), v2.0") << false << true << 2;
        QTest::newRow("Fortran (samples, leads), v3.0") << true << true << 3;
    }
    void layouts()
    {
        QFETCH(bool, fortran);
        QFETCH(bool, transposed);
        QFETCH(int, version);
        const NpyFixture fx("npy-layouts");
        const auto bytes = npyFile("<f4", transposed ? "(5, 2)" : "(2, 5)",
                                   rawValues(patternValues<float>(fortran, transposed)), fortran, version);
        const auto rec = NpyReader().read(fx.write("a.npy", bytes), twoLeads());
        verifyPattern(rec);
        bool warned = false;
        for (const auto& w : rec.warnings)
            warned |= QString::fromStdString(w).contains("(samples, leads)");
        QCOMPARE(warned, transposed);
        QCOMPARE(QString::fromStdString(rec.metadata.extra.at("NumPy format version")), QString("%1.0").arg(version));
    }

    void threeDimensionsAndMicrovolts()
    {
        const NpyFixture fx("npy-3d");
        ReadOptions o = twoLeads();
        o.raw.units = "uV";
        const auto rec = NpyReader().read(fx.write("a.npy", npyFile("<i2", "(1L, 2L, 5L)", rawValues(patternValues<std::int16_t>(false, false)))), o);
        verifyPattern(rec, 0.001);
        QCOMPARE(rec.groups[0].leads[0].provenance.toMillivolts, 0.001);
        QVERIFY_THROWS_EXCEPTION(ReadError, NpyReader().read(fx.write("b.npy", npyFile("<i2", "(2, 2, 5)", QByteArray(40, '\0'))), o));
    }

    void leadCountMismatchNamesBoth()
    {
        const NpyFixture fx("npy-mismatch");
        const auto path = fx.write("a.npy", npyFile("<f4", "(8, 1000)", QByteArray(8 * 1000 * 4, '\0')));
        try {
            NpyReader().read(path, ReadOptions{});
            QFAIL("expected a ReadError");
        } catch (const ReadError& e) {
            const QString problem = QString::fromStdString(e.problem());
            QVERIFY2(problem.contains("8 leads") && problem.contains("12 lead names"), qPrintable(problem));
        }
    }

    void timeWindowAndHeaderOnly()
    {
        std::vector<float> v(2 * 1000);
        for (size_t i = 0; i < v.size(); ++i)
            v[i] = float(i);
        const NpyFixture fx("npy-window");
        const auto leadsFirst = fx.write("a.npy", npyFile("<f4", "(2, 1000)", rawValues(v)));
        std::vector<float> t(2 * 1000);   // the same logical array stored (samples, leads)
        for (int s = 0; s < 1000; ++s)
            for (int l = 0; l < 2; ++l)
                t[size_t(s * 2 + l)] = float(l * 1000 + s);
        const auto samplesFirst = fx.write("b.npy", npyFile("<f4", "(1000, 2)", rawValues(t)));
        for (const auto& path : {leadsFirst, samplesFirst}) {
            ReadOptions o = twoLeads();
            o.fromSeconds = 1.0;
            o.toSeconds = 2.5;
            const auto rec = NpyReader().read(path, o);
            const auto& g = rec.groups[0];
            QCOMPARE(g.firstSample, qint64(100));
            QCOMPARE(g.sampleCount(), qint64(150));
            QCOMPARE(g.totalSamples, qint64(1000));
            QCOMPARE(g.leads[1].samples[0], 1100.0f);
            QCOMPARE(g.leads[0].samples[149], 249.0f);
            o.headerOnly = true;
            const auto header = NpyReader().read(path, o);
            QCOMPARE(int(header.groups[0].leads.size()), 2);
            QVERIFY(header.groups[0].leads[0].samples.empty());
            QCOMPARE(header.groups[0].totalSamples, qint64(1000));
        }
    }

    // The shared rule [round(from·fs), round(to·fs)): 1.1 s × 100 Hz is 110.00000000000001 in doubles and must give
    // sample 110, and a bound between samples goes to the nearest one (floor/ceil would widen the window).
    void timeWindowRoundsToNearestSample_data()
    {
        QTest::addColumn<double>("fs");
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("count");
        QTest::newRow("0-1.1 s @100") << 100.0 << 0.0 << 1.1 << qint64(0) << qint64(110);
        QTest::newRow("0.3-1.1 s @100") << 100.0 << 0.3 << 1.1 << qint64(30) << qint64(80);
        QTest::newRow("0-1.1 s @500") << 500.0 << 0.0 << 1.1 << qint64(0) << qint64(550);
        QTest::newRow("0-1.1 s @257") << 257.0 << 0.0 << 1.1 << qint64(0) << qint64(283);   // 282.7 -> 283
        QTest::newRow("1.006-1.104 s @100") << 100.0 << 1.006 << 1.104 << qint64(101) << qint64(9);   // 100.6, 110.4
        QTest::newRow("past the end") << 100.0 << 9.0 << 20.0 << qint64(900) << qint64(100);
    }
    void timeWindowRoundsToNearestSample()
    {
        QFETCH(double, fs);
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(qint64, first);
        QFETCH(qint64, count);
        std::vector<float> v(2 * 1000);
        for (size_t i = 0; i < v.size(); ++i)
            v[i] = float(i);
        const NpyFixture fx("npy-window-round");
        const auto path = fx.write("a.npy", npyFile("<f4", "(2, 1000)", rawValues(v)));
        ReadOptions o = twoLeads();
        o.raw.samplingRateHz = fs;
        o.fromSeconds = from;
        o.toSeconds = to;
        const auto rec = NpyReader().read(path, o);
        const auto& g = rec.groups[0];
        QCOMPARE(g.firstSample, first);
        QCOMPARE(g.sampleCount(), count);
        QCOMPARE(g.leads[0].samples.front(), float(first));
        QCOMPARE(g.leads[1].samples.back(), float(1000 + first + count - 1));
    }

    void derivesLimbLeadsAndCancels()
    {
        const NpyFixture fx("npy-derive");
        ReadOptions o;
        o.raw.leadNames = {"I", "II", "V1"};
        std::vector<float> v(3 * 5, 1.0f);
        const auto path = fx.write("a.npy", npyFile("<f4", "(3, 5)", rawValues(v)));
        const auto rec = NpyReader().read(path, o);
        QCOMPARE(int(rec.groups[0].leads.size()), 7);
        QVERIFY(rec.groups[0].findLead("aVF")->provenance.derived);
        QCOMPARE(rec.groups[0].findLead("III")->samples[0], 0.0f);
        o.progress = [](double) { return false; };
        QVERIFY_THROWS_EXCEPTION(ReadCancelled, NpyReader().read(path, o));
    }

    void damagedFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const QByteArray data = rawValues(patternValues<float>(false, false));
        QTest::newRow("bad magic") << QByteArray("\x93NUMPZ\x01\x00\x10\x00{}              ", 26) << "bad magic";
        QTest::newRow("version 4") << npyFile("<f4", "(2, 5)", data, false, 4) << "version";
        QTest::newRow("no shape") << npyWithDict("{'descr': '<f4', 'fortran_order': False}", data) << "header dict";
        QTest::newRow("garbage dict") << npyFile("<f4", "[2, 5]", data) << "header dict";
        QTest::newRow("object") << npyFile("|O", "(2, 5)", data) << "object arrays";
        QTest::newRow("complex") << npyFile("<c8", "(2, 5)", data) << "unsupported dtype";
        QTest::newRow("unicode") << npyFile("<U3", "(2, 5)", data) << "unsupported dtype";
        QTest::newRow("structured") << npyWithDict("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", data) << "structured";
        QTest::newRow("unknown key") << npyWithDict("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 5), 'x': 1}", data) << "unexpected key";
        QTest::newRow("truncated data") << npyFile("<f4", "(2, 5)", data.left(30)) << "truncated";
        QTest::newRow("huge claim") << npyFile("<f8", "(2, 4000000000000)", data) << "truncated";
        QTest::newRow("overflowing shape") << npyFile("<f8", "(2, 18446744073709551615)", data) << "too large";
        QTest::newRow("header past end") << QByteArray("\x93NUMPY\x01\x00\xff\x7f{'descr'", 17) << "truncated";
        QTest::newRow("tiny") << QByteArray("\x93NUM", 4) << "too short";
    }
    void damagedFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const NpyFixture fx("npy-damaged");
        const auto path = fx.write("bad.npy", bytes);
        try {
            NpyReader().read(path, twoLeads());
            QFAIL("expected a ReadError");
        } catch (const ReadError& e) {
            QVERIFY2(QString::fromStdString(e.problem()).contains(expected), e.what());
            QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(path));
        }
    }

    void npzStoredPrefersNamedArray()
    {
        const QByteArray data = rawValues(patternValues<float>(false, false));
        const NpyFixture fx("npz-stored");
        const auto path = fx.write("a.npz", zipFile({
            {"leads.npy", npyFile("<U3", "(2,)", QByteArray(24, 'x')), false},
            {"other.npy", npyFile("<f4", "(2, 5)", QByteArray(40, '\0')), false},
            {"signal.npy", npyFile("<f4", "(2, 5)", data), false},
        }));
        const auto rec = NpyReader().read(path, twoLeads());
        verifyPattern(rec);
        QCOMPARE(QString::fromStdString(rec.metadata.extra.at("npz array")), QString("signal"));
        QCOMPARE(QString::fromStdString(rec.metadata.extra.at("npz arrays")), QString("leads, other, signal"));
    }

    void npzDeflatedTakesFirstTwoDimensional()
    {
        const QByteArray data = rawValues(patternValues<double>(true, true));
        const NpyFixture fx("npz-deflate");
        const auto path = fx.write("a.npz", zipFile({
            {"fs.npy", npyFile("<i8", "()", rawValues(std::vector<std::int64_t>{500})), true},
            {"names.npy", npyFile("<U3", "(2,)", QByteArray(24, 'x')), true},
            {"beats.npy", npyFile("<f8", "(5, 2)", data, true), true},
            {"later.npy", npyFile("<f8", "(2, 5)", QByteArray(80, '\0')), true},
        }));
        const auto rec = NpyReader().read(path, twoLeads());
        verifyPattern(rec);
        QCOMPARE(QString::fromStdString(rec.metadata.extra.at("npz array")), QString("beats"));
    }

    void npzWrittenByPython()
    {
        const NpyFixture fx("npz-python");
        const auto path = fx.write("savez.npz", pythonSavezCompressed());
        ReadOptions o = twoLeads();
        o.raw.leadNames = {"I", "II"};
        const auto rec = NpyReader().read(path, o);
        QCOMPARE(QString::fromStdString(rec.metadata.extra.at("npz array")), QString("x"));
        const auto& g = rec.groups[0];
        QCOMPARE(g.leads[0].samples, (std::vector<float>{1, 2, 3}));
        QCOMPARE(g.leads[1].samples[1], 5.0f);
        QVERIFY(std::isnan(g.leads[1].samples[2]));
    }

    void npzDamage()
    {
        const NpyFixture fx("npz-damage");
        QByteArray bytes = zipFile({{"x.npy", npyFile("<f4", "(2, 5)", rawValues(patternValues<float>(false, false))), true}});
        bytes[60] = char(bytes[60] ^ 0x5a);   // inside the deflate stream
        QVERIFY_THROWS_EXCEPTION(ReadError, NpyReader().read(fx.write("flipped.npz", bytes), twoLeads()));
        QVERIFY_THROWS_EXCEPTION(ReadError, NpyReader().read(fx.write("cut.npz", bytes.left(bytes.size() / 2)), twoLeads()));
        QVERIFY_THROWS_EXCEPTION(ReadError, NpyReader().read(fx.write("none.npz", zipFile({{"a.txt", "hello", false}})), twoLeads()));
        QVERIFY_THROWS_EXCEPTION(ReadError, NpyReader().read(fx.write("notzip.npz", "PK but nothing else"), twoLeads()));
        QVERIFY_THROWS_EXCEPTION(ReadError, NpyReader().read(fx.write("text.npz", "just text"), twoLeads()));
    }

    void sniffAndRegistry()
    {
        const NpyReader r;
        const std::vector<std::uint8_t> npyHead{0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
        const std::vector<std::uint8_t> zipHead{'P', 'K', 3, 4};
        QCOMPARE(r.sniff("a.bin", npyHead), 95);
        QCOMPARE(r.sniff("a.npz", zipHead), 90);
        QCOMPARE(r.sniff("a.zip", zipHead), 0);
        QCOMPARE(r.sniff("a.NPY", {}), 50);
        QCOMPARE(r.sniff("a.hea", {'1', '0', '0'}), 0);
        const NpyFixture fx("npy-registry");
        const auto path = fx.write("r.npy", npyFile("<f4", "(2, 5)", rawValues(patternValues<float>(false, false))));
        verifyPattern(ReaderRegistry::instance().read(path, twoLeads()));
    }
};

QTEST_GUILESS_MAIN(TestNpyReader)
#include "test_npy_reader.moc"
