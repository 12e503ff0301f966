// Corpus records through the reader: closed-form binformats/flacformats values, header checksums of every
// decodable record, PTB-XL first values, windows equal to slices of full reads, FLAC multi-frequency,
// multi-segment corner cases (missing segment, null record).
#include "Corpus.h"

#include "io/ReadError.h"
#include "io/ReaderRegistry.h"
#include "io/wfdb/WfdbReader.h"
#include "io/wfdb/WfdbRecord.h"
#include "io/wfdb/WfdbSignalDecoder.h"

#include <QTest>

#include <cmath>

using namespace execg;
using execg::test::corpusFile;

namespace {

const QString kSample = "wfdb-python/sample-data/";

Recording readRec(const QString& rel, ReadOptions o = {})
{
    return WfdbReader().read(corpusFile(rel), o);
}

bool hasWarning(const Recording& r, const char* needle)
{
    return std::any_of(r.warnings.begin(), r.warnings.end(), [&](const std::string& w) { return w.find(needle) != std::string::npos; });
}

} // namespace

class TestWfdbCorpus : public QObject {
    Q_OBJECT
private slots:
    // MANIFEST: sample j of signal i = (i + 16843019 j) % ((1 << adcres) - 1) + 1 - (1 << (adcres - 1)).
    void closedFormFormula_data()
    {
        QTest::addColumn<QString>("header");
        QTest::newRow("binformats") << kSample + "binformats.hea";
        QTest::newRow("flacformats") << kSample + "flacformats.hea";
    }
    void closedFormFormula()
    {
        QFETCH(QString, header);
        EXECG_REQUIRE_CORPUS_FILE(header);
        WfdbRecord rec(corpusFile(header));
        const auto d = rec.readDigital({});
        int checked = 0;
        for (size_t i = 0; i < d.size(); ++i) {
            const auto& s = rec.signalSpecs()[i];
            if (s.format == 8)
                continue;   // slew-limited first differences cannot follow the formula
            const std::int64_t res = s.adcResolution;
            for (std::int64_t j = 0; j < static_cast<std::int64_t>(d[i].size()); ++j) {
                const std::int64_t want = (static_cast<std::int64_t>(i) + 16843019 * j) % ((std::int64_t{1} << res) - 1) + 1 -
                                          (std::int64_t{1} << (res - 1));
                QCOMPARE(static_cast<std::int64_t>(d[i][static_cast<size_t>(j)]), want);
                ++checked;
            }
        }
        QVERIFY(checked >= 3 * 499);
        QVERIFY(rec.warnings().empty());   // header checksums match
    }
    // Header checksums (reference/wfdb_reference.txt: all OK) are verified on a full read without warnings.
    void checksumsOfCorpusRecords_data()
    {
        QTest::addColumn<QString>("header");
        for (const char* h : {"wfdb-python/sample-data/100.hea", "wfdb-python/sample-data/s0010_re.hea",
                              "wfdb-python/sample-data/3000003_0003.hea", "wfdb-python/sample-data/310derive_3.hea",
                              "wfdb-python/sample-data/311derive_4.hea", "wfdb-python/sample-data/test01_00s_frame.hea",
                              "wfdb-python/sample-data/test_generator_2.hea", "wfdb-python/sample-data/v102s.hea",
                              "wfdb-c/checkpkg/expected/xform.hea", "wfdb-c/checkpkg/expected/test.hea",
                              "wfdb-c/checkpkg/expected/100x.hea", "ecg-image-kit/00001_lr.hea", "ecg-kit/800.hea",
                              "wfdb-python/sample-data/multi-segment/s00001/s00001-2896-10-10-00-31n.hea",
                              // Skewed: header(5) checksums cover the stored samples, not the skew-shifted output.
                              "wfdb-python/sample-data/100skew.hea", "wfdb-python/sample-data/test01_00s_skew.hea"})
            QTest::newRow(h) << QString(h);
    }
    void checksumsOfCorpusRecords()
    {
        QFETCH(QString, header);
        EXECG_REQUIRE_CORPUS_FILE(header);
        WfdbRecord rec(corpusFile(header));
        rec.readDigital({});
        QVERIFY2(rec.warnings().empty(), rec.warnings().empty() ? "" : rec.warnings().front().c_str());
    }
    void ptbXlFirstValues()
    {
        EXECG_REQUIRE_CORPUS_FILE("ecg-image-kit/00001_lr.hea");
        ReadOptions o;
        o.deriveLimbLeads = true;
        const auto rec = readRec("ecg-image-kit/00001_lr.hea", o);
        QCOMPARE(rec.groups.size(), size_t(1));
        const auto& g = rec.groups[0];
        QCOMPARE(g.samplingRateHz, 100.0);
        QCOMPARE(g.leads.size(), size_t(12));   // all stored, nothing derived
        QVERIFY(rec.warnings.empty());
        const std::vector<std::pair<const char*, std::vector<float>>> expected{
            {"I", {-0.119f, -0.116f, -0.120f, -0.117f, -0.103f}}, {"II", {-0.055f, -0.051f, -0.044f, -0.038f, -0.031f}},
            {"aVR", {0.086f, 0.083f, 0.082f, 0.077f, 0.066f}},     {"V6", {-0.079f, -0.074f, -0.069f, -0.064f, -0.058f}}};
        for (const auto& [name, values] : expected) {
            const Lead* lead = g.findLead(name);
            QVERIFY2(lead, name);
            QCOMPARE(lead->samples.size(), size_t(1000));
            for (size_t i = 0; i < values.size(); ++i)
                QCOMPARE(lead->samples[i], values[i]);
            QVERIFY(lead->provenance.isVoltage && !lead->provenance.derived);
            QCOMPARE(lead->provenance.gain, 1000.0);
        }
        QCOMPARE(g.findLead("aVR")->provenance.storedLabel, std::string("AVR"));
        QCOMPARE(g.findLead("I")->provenance.storedFormat, std::string("WFDB 16"));
    }
    // Windowed reads equal the same slice of a full read (212 with skew, 310, format 8, FLAC, multi-segment).
    void windowEqualsSliceOfFullRead_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::newRow("212 skew") << kSample + "100skew.hea" << 12345 << 20001;
        QTest::newRow("310") << kSample + "310derive.hea" << 301 << 800;
        QTest::newRow("311") << kSample + "311derive_4.hea" << 1 << 1018;
        QTest::newRow("8 + all formats") << kSample + "binformats.hea" << 97 << 450;
        QTest::newRow("FLAC") << kSample + "flacformats.hea" << 123 << 456;
        QTest::newRow("FLAC multi-frequency") << kSample + "mixedsignals.hea" << 5000 << 9001;
        QTest::newRow("212x4 segments") << kSample + "multi-segment/041s/041s.hea" << 990 << 1011;
        QTest::newRow("skewframe") << kSample + "test01_00s_skewframe.hea" << 3 << 3999;
    }
    void windowEqualsSliceOfFullRead()
    {
        QFETCH(QString, header);
        QFETCH(int, from);
        QFETCH(int, to);
        EXECG_REQUIRE_CORPUS_FILE(header);
        WfdbRecord rec(corpusFile(header));
        WfdbReadRequest full;
        full.lowResolution = false;
        const auto all = rec.readDigital(full);
        WfdbReadRequest w = full;
        w.fromFrame = from;
        w.toFrame = to;
        const auto part = rec.readDigital(w);
        for (size_t s = 0; s < all.size(); ++s) {
            const auto spf = static_cast<size_t>(rec.signalSpecs()[s].samplesPerFrame);
            QCOMPARE(part[s].size(), static_cast<size_t>(to - from) * spf);
            QVERIFY(std::equal(part[s].begin(), part[s].end(), all[s].begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(from) * spf)));
        }
    }
    void flacMixedSignalsGroupsByRate()
    {
        EXECG_REQUIRE_CORPUS_FILE(kSample + "mixedsignals.hea");
        const auto rec = readRec(kSample + "mixedsignals.hea");
        QCOMPARE(rec.groups.size(), size_t(3));   // ECG x4, ABP/Pleth x2, Resp x1
        QCOMPARE(rec.groups[0].samplingRateHz, 62.4725 * 4);
        QCOMPARE(rec.groups[0].sampleCount(), std::int64_t(14400 * 4));
        const Lead* abp = rec.groups[1].findLead("ABP");
        QVERIFY(abp && !abp->provenance.isVoltage);
        QCOMPARE(abp->provenance.storedUnits, std::string("mmHg"));
        QCOMPARE(abp->provenance.baseline, 800.0);
        QVERIFY(!hasWarning(rec, "checksum"));
        QVERIFY(!hasWarning(rec, "derived"));   // II and III stored, no lead I: nothing to derive from
    }
    void flacConstantWindowNearEnd()
    {
        EXECG_REQUIRE_CORPUS_FILE(kSample + "flac_3_constant.hea");
        ReadOptions o;
        o.fromSeconds = 22399.0;   // 5.6 M frames at 250 Hz: the last second, by seeking
        const auto rec = readRec(kSample + "flac_3_constant.hea", o);
        const auto& g = rec.groups.at(0);
        QCOMPARE(g.firstSample, std::int64_t(22399 * 250));
        QCOMPARE(g.sampleCount(), std::int64_t(250));
        const float want[] = {25 / 200.0f, 50 / 200.0f, 75 / 200.0f};
        for (size_t s = 0; s < 3; ++s)
            for (float v : g.leads[s].samples)
                QCOMPARE(v, want[s]);
    }
    void latin1UnitsAndMicrovolts()
    {
        EXECG_REQUIRE_CORPUS_FILE(kSample + "test_generator_2.hea");
        const auto rec = readRec(kSample + "test_generator_2.hea");
        const Lead* square = nullptr;
        for (const auto& g : rec.groups)
            for (const auto& l : g.leads)
                if (l.provenance.storedLabel == "squarewave")
                    square = &l;
        QVERIFY(square);
        QCOMPARE(square->samples[0], static_cast<float>(3276 / 32.7675 / 1000.0));   // uV -> mV
        for (const auto& g : rec.groups)
            for (const auto& l : g.leads)
                QVERIFY(QString::fromUtf8(l.provenance.storedUnits.c_str()).toUtf8().toStdString() == l.provenance.storedUnits);
    }
    void nullSegmentInMultiSegmentRecord()
    {
        EXECG_REQUIRE_CORPUS_FILE("wfdb-c/data/multi.hea");
        ReadOptions o;
        o.fromSeconds = 59.0;
        o.toSeconds = 66.0;
        const auto rec = readRec("wfdb-c/data/multi.hea", o);
        const auto& mlii = rec.groups.at(0).leads.at(0).samples;
        QCOMPARE(mlii.size(), size_t(7 * 360));
        QVERIFY(!std::isnan(mlii[0]));
        QVERIFY(std::isnan(mlii[360 + 10]));          // inside the null record (frames 21600–23400)
        QCOMPARE(mlii[2 * 360 + 360 * 4 + 1], -0.145f); // 100s again from its first frame (995 - 1024) / 200
    }
    void missingSegmentNamesTheFile()
    {
        EXECG_REQUIRE_CORPUS_FILE("wfdb-c/checkpkg/input/237s.hea");
        try {
            readRec("wfdb-c/checkpkg/input/237s.hea");
            QFAIL("missing segment not reported");
        } catch (const ReadError& e) {
            QVERIFY2(e.file().find("missing.hea") != std::string::npos, e.what());
        }
        ReadOptions o;
        o.toSeconds = 20.0;   // the first segment alone is readable
        QCOMPARE(readRec("wfdb-c/checkpkg/input/237s.hea", o).groups.at(0).findLead("II")->samples.size(), size_t(2500 * 4));
    }
    void registryOpensRecordFromSignalOrAnnotationFile()
    {
        EXECG_REQUIRE_CORPUS_FILE("wfdb-c/data/100s.atr");
        ReadOptions o;
        o.toSeconds = 1.0;
        for (const char* f : {"wfdb-c/data/100s.hea", "wfdb-c/data/100s.dat", "wfdb-c/data/100s.atr"}) {
            const auto rec = ReaderRegistry::instance().read(corpusFile(f), o);
            QCOMPARE(rec.formatName, std::string("WFDB"));
            QCOMPARE(rec.groups.at(0).leads.at(0).samples.at(0), -0.145f);
            QCOMPARE(rec.groups[0].leads[0].name, std::string("MLII"));   // MLII is not lead II
        }
    }
    void headerOnlyReadsNoSamples()
    {
        EXECG_REQUIRE_CORPUS_FILE(kSample + "multi-segment/s00001/s00001-2896-10-10-00-31.hea");
        ReadOptions o;
        o.headerOnly = true;
        const auto rec = readRec(kSample + "multi-segment/s00001/s00001-2896-10-10-00-31.hea", o);
        QCOMPARE(rec.groups.at(0).totalSamples, std::int64_t(14518365));
        QCOMPARE(rec.groups[0].leads.size(), size_t(4));
        QVERIFY(rec.groups[0].leads[0].samples.empty());
        QCOMPARE(rec.metadata.acquisitionDateTime, std::string("2896-10-10T00:31:25.894"));
        QCOMPARE(rec.metadata.patient.sex, std::string("F"));
        QCOMPARE(rec.metadata.patient.ageYears.value_or(0), 60.0);
    }
};

QTEST_GUILESS_MAIN(TestWfdbCorpus)
#include "test_wfdb_corpus.moc"
