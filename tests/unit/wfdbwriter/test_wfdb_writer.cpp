// WfdbWriter: records written in formats 16 and 212 decoded again by a small independent decoder
// (signal(5), header(5)) and checked value by value, with checksums and initial values.
#include "Corpus.h"
#include "WfdbTestDecoder.h"
#include "io/ReadError.h"
#include "io/ReaderRegistry.h"
#include "io/wfdb/WfdbWriter.h"
#include "io/wfdb/WfdbWriterHeader.h"
#include "recording/LeadNames.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <limits>
#include <cmath>

using namespace execg;
using namespace execg::test;

namespace {

Recording synthetic(double fs, int n, double amplitude)
{
    Recording rec;
    rec.formatName = "synthetic";
    rec.metadata.patient.id = "SYN-0001";
    rec.metadata.patient.sex = "F";
    rec.metadata.patient.ageYears = 63;
    rec.metadata.acquisitionDateTime = "2026-11-24T10:00:00";
    rec.metadata.comments = {"first comment", "second\nthird"};
    SignalGroup g;
    g.samplingRateHz = fs;
    g.totalSamples = n;
    for (size_t k = 0; k < standardTwelveLeads().size(); ++k) {
        Lead lead;
        lead.name = standardTwelveLeads()[k];
        for (int i = 0; i < n; ++i) {
            const double v = amplitude * std::sin(2 * M_PI * (1.0 + 0.37 * double(k)) * i / fs + double(k));
            lead.samples.push_back(float(std::round(v * 1000.0) / 1000.0));   // 1 µV steps
        }
        g.leads.push_back(std::move(lead));
    }
    rec.groups.push_back(std::move(g));
    return rec;
}

// Every value decodes to within half an ADC unit, and checksum/initial value agree with the data.
void verifyRoundTrip(const Recording& rec, const WfdbWriteResult& result, int format, double expectedGain)
{
    const auto& g = rec.groups[0];
    const auto d = decode(result.headerPath, g.sampleCount());
    QCOMPARE(int(d.signalLines.size()), int(g.leads.size()));
    for (size_t l = 0; l < g.leads.size(); ++l) {
        const auto& s = d.signalLines[l];
        QCOMPARE(s.format, format);
        QCOMPARE(s.gain, expectedGain);
        QCOMPARE(QString::fromStdString(s.units), QString("mV"));
        QCOMPARE(s.adcResolution, format == 16 ? 16 : 12);
        QCOMPARE(s.adcZero, 0);
        QCOMPARE(s.blockSize, 0);
        QCOMPARE(QString::fromStdString(s.description), QString::fromStdString(g.leads[l].name));
        QCOMPARE(qint64(d.adc[l].size()), g.sampleCount());
        QCOMPARE(s.initialValue, d.adc[l][0]);
        QCOMPARE(s.checksum, checksumOf(d.adc[l]));
        QCOMPARE(result.checksums[l], s.checksum);
        for (size_t i = 0; i < d.adc[l].size(); ++i) {
            const float original = g.leads[l].samples[i];
            if (std::isnan(original)) {
                QCOMPARE(d.adc[l][i], format == 16 ? -32768 : -2048);
                continue;
            }
            const double back = d.adc[l][i] / s.gain;
            QVERIFY2(std::abs(back - original) <= 0.5 / s.gain + 1e-6,
                     qPrintable(QString("lead %1 sample %2: %3 vs %4").arg(l).arg(i).arg(back).arg(original)));
        }
    }
}

} // namespace

class TestWfdbWriter : public QObject {
    Q_OBJECT
private slots:
    void format16RoundTripsMicrovolts()
    {
        const Recording rec = synthetic(500, 5000, 2.0);
        const QString dir = test::scratchDir("wfdbwriter-16");
        const auto result = writeWfdbRecord(rec, (dir + "/syn16").toStdString());
        QVERIFY(result.warnings.empty());
        verifyRoundTrip(rec, result, 16, 1000.0);
        const auto d = decode(result.headerPath, 5000);
        // 1 µV data at 1000/mV is stored exactly.
        for (size_t i = 0; i < 50; ++i)
            QCOMPARE(d.adc[3][i], int(std::lround(rec.groups[0].leads[3].samples[i] * 1000.0)));
        QCOMPARE(QString::fromStdString(d.recordLine), QString("syn16 12 500 5000 10:00:00 24/11/2026"));
        QCOMPARE(QFileInfo(QString::fromStdString(result.dataPath)).size(), qint64(5000 * 12 * 2));
        QVERIFY(std::find(d.comments.begin(), d.comments.end(), "# Patient ID: SYN-0001") != d.comments.end());
        QVERIFY(std::find(d.comments.begin(), d.comments.end(), "# Age: 63") != d.comments.end());
        QVERIFY(std::find(d.comments.begin(), d.comments.end(), "# third") != d.comments.end());
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 2);   // no temporary files left behind
    }

    void format212LikeMitBih()
    {
        Recording rec = synthetic(360, 3601, 3.0);   // 12 × 3601 values: even; make it odd with 11 leads
        rec.groups[0].leads.pop_back();
        rec.groups[0].leads[0].samples[5] = std::numeric_limits<float>::quiet_NaN();
        const QString dir = test::scratchDir("wfdbwriter-212");
        WfdbWriteOptions options;
        options.format = 212;
        const auto result = writeWfdbRecord(rec, (dir + "/syn212.hea").toStdString(), options);
        QVERIFY(result.warnings.empty());
        verifyRoundTrip(rec, result, 212, 200.0);
        // 11 × 3601 = 39611 values: 19805 full 3-byte pairs and a 2-byte half pair.
        QCOMPARE(QFileInfo(QString::fromStdString(result.dataPath)).size(), qint64(19805 * 3 + 2));
    }

    void format212ClipsWithWarning()
    {
        Recording rec = synthetic(250, 1000, 1.0);
        rec.groups[0].leads[1].samples[10] = 12.5f;    // beyond ±10.235 mV
        rec.groups[0].leads[1].samples[11] = -40.0f;
        WfdbWriteOptions options;
        options.format = 212;
        const QString dir = test::scratchDir("wfdbwriter-clip");
        const auto result = writeWfdbRecord(rec, (dir + "/clip").toStdString(), options);
        QCOMPARE(int(result.warnings.size()), 1);
        QVERIFY(QString::fromStdString(result.warnings[0]).contains("2 samples"));
        const auto d = decode(result.headerPath, 1000);
        QCOMPARE(d.adc[1][10], 2047);
        QCOMPARE(d.adc[1][11], -2047);
        QCOMPARE(d.signalLines[1].checksum, checksumOf(d.adc[1]));
    }

    // An infinity is not a clipped sample: it gets its own warning and the range limit of its sign.
    void infiniteValuesWarnApartFromClipping()
    {
        Recording rec = synthetic(250, 1000, 1.0);
        rec.groups[0].leads[1].samples[10] = 12.5f;    // clipped in format 212
        rec.groups[0].leads[1].samples[20] = std::numeric_limits<float>::infinity();
        rec.groups[0].leads[1].samples[21] = -std::numeric_limits<float>::infinity();
        WfdbWriteOptions options;
        options.format = 212;
        const QString dir = test::scratchDir("wfdbwriter-inf");
        const auto result = writeWfdbRecord(rec, (dir + "/inf").toStdString(), options);
        QCOMPARE(int(result.warnings.size()), 2);
        QVERIFY2(QString::fromStdString(result.warnings[0]).contains("1 samples"), result.warnings[0].c_str());
        QVERIFY2(QString::fromStdString(result.warnings[1]).contains("2 infinite"), result.warnings[1].c_str());
        const auto d = decode(result.headerPath, 1000);
        QCOMPARE(d.adc[1][10], 2047);
        QCOMPARE(d.adc[1][20], 2047);
        QCOMPARE(d.adc[1][21], -2047);
        QCOMPARE(d.signalLines[1].checksum, checksumOf(d.adc[1]));
    }

    void format16ChoosesGainForLargeSignals()
    {
        Recording rec = synthetic(500, 1000, 50.0);   // ±50 mV does not fit 1000/mV in 16 bits
        rec.groups[0].leads[2].samples[0] = std::numeric_limits<float>::quiet_NaN();
        const QString dir = test::scratchDir("wfdbwriter-gain");
        const auto result = writeWfdbRecord(rec, (dir + "/big").toStdString());
        QCOMPARE(result.gains[0], 500.0);
        verifyRoundTrip(rec, result, 16, 500.0);
        QCOMPARE(result.initialValues[2], -32768);
    }

    void keepsTheSourceAdcGain()
    {
        // DICOM-like 1.25 µV steps: the source gain 800/mV stores them exactly, 1000/mV would not.
        Recording rec = synthetic(500, 500, 1.0);
        for (auto& lead : rec.groups[0].leads) {
            for (auto& v : lead.samples)
                v = float(std::round(v / 0.00125) * 0.00125);
            lead.provenance.gain = 0.8;            // ADC units per µV
            lead.provenance.toMillivolts = 0.001;  // µV → mV
            lead.provenance.storedUnits = "uV";
            lead.provenance.storedFormat = "DICOM SS/16";
        }
        const QString dir = test::scratchDir("wfdbwriter-source");
        const auto result = writeWfdbRecord(rec, (dir + "/dicomlike").toStdString());
        verifyRoundTrip(rec, result, 16, 800.0);
        const auto d = decode(result.headerPath, 500);
        for (size_t i = 0; i < 500; ++i)
            QVERIFY(std::abs(d.adc[0][i] / 800.0 - double(rec.groups[0].leads[0].samples[i])) < 1e-6);
    }

    void gainsThatFit()
    {
        QCOMPARE(wfdbGainThatFits(50.0, 32767), 500.0);
        QCOMPARE(wfdbGainThatFits(10.0, 32767), 2000.0);
        QCOMPARE(wfdbGainThatFits(200.0, 32767), 100.0);
        QCOMPARE(wfdbGainThatFits(3000.0, 32767), 10.0);
    }

    void baseTimeAndDate()
    {
        QCOMPARE(QString::fromStdString(wfdbBaseTimeDate("2019-03-01T10:12:30.500", 0)), QString("10:12:30.500 01/03/2019"));
        QCOMPARE(QString::fromStdString(wfdbBaseTimeDate("2026-12-31T23:59:59.5", 1.0)), QString("00:00:00.500 01/01/2027"));
        QCOMPARE(QString::fromStdString(wfdbBaseTimeDate("2024-02-28 23:00:00", 3600.0)), QString("00:00:00 29/02/2024"));
        QVERIFY(wfdbBaseTimeDate("2019-03-01", 0).empty());   // no time of day: no base time or date
        QVERIFY(wfdbBaseTimeDate("", 0).empty());
    }

    void windowedGroupShiftsBaseTime()
    {
        Recording rec = synthetic(500, 1000, 1.0);
        rec.groups[0].firstSample = 2500;          // a read that started 5 s in
        const QString dir = test::scratchDir("wfdbwriter-window");
        const auto result = writeWfdbRecord(rec, (dir + "/win").toStdString());
        QCOMPARE(QString::fromStdString(decode(result.headerPath, 1000).recordLine),
                 QString("win 12 500 1000 10:00:05 24/11/2026"));
    }

    void failuresLeaveNothingBehind()
    {
        const Recording rec = synthetic(500, 100, 1.0);
        const QString dir = test::scratchDir("wfdbwriter-fail");
        QVERIFY_THROWS_EXCEPTION(WfdbWriteError, writeWfdbRecord(rec, (dir + "/bad name").toStdString()));
        QVERIFY_THROWS_EXCEPTION(WfdbWriteError, writeWfdbRecord(rec, (dir + "/no/such/folder/rec").toStdString()));
        WfdbWriteOptions options;
        options.format = 311;
        QVERIFY_THROWS_EXCEPTION(WfdbWriteError, writeWfdbRecord(rec, (dir + "/rec").toStdString(), options));
        Recording empty;
        QVERIFY_THROWS_EXCEPTION(WfdbWriteError, writeWfdbRecord(empty, (dir + "/rec").toStdString()));
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot).size(), 0);
    }

    void roundTripThroughTheReaderRegistry_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("16") << 16;
        QTest::newRow("212") << 212;
    }
    void roundTripThroughTheReaderRegistry()
    {
        QFETCH(int, format);
        Recording rec = synthetic(500, 2000, 2.0);
        rec.groups[0].leads[4].samples[7] = std::numeric_limits<float>::quiet_NaN();
        const QString dir = test::scratchDir("wfdbwriter-registry");
        WfdbWriteOptions options;
        options.format = format;
        const auto written = writeWfdbRecord(rec, (dir + "/rt").toStdString(), options);
        Recording back;
        try {
            back = ReaderRegistry::instance().read(written.headerPath, ReadOptions{});
        } catch (const ReadError& e) {
            // The skeleton's WfdbReader stub neither claims .hea files nor reads them.
            const QString problem = QString::fromStdString(e.problem());
            if (problem.contains("not implemented") || problem.contains("not a recognised"))
                QSKIP("the WFDB reader has not landed yet");
            throw;
        }
        QCOMPARE(QString::fromStdString(back.formatName), QString("WFDB"));
        QCOMPARE(int(back.groups.size()), 1);
        const auto& g = back.groups[0];
        QCOMPARE(g.samplingRateHz, 500.0);
        QCOMPARE(g.sampleCount(), qint64(2000));
        QCOMPARE(int(g.leads.size()), 12);
        for (size_t l = 0; l < 12; ++l) {
            const auto& original = rec.groups[0].leads[l];
            const Lead* lead = g.findLead(original.name);
            QVERIFY2(lead, original.name.c_str());
            QVERIFY(!lead->provenance.derived);
            for (size_t i = 0; i < 2000; ++i) {
                if (std::isnan(original.samples[i])) {
                    QVERIFY(std::isnan(lead->samples[i]));
                    continue;
                }
                QVERIFY(std::abs(lead->samples[i] - original.samples[i]) <= 0.5 / written.gains[l] + 1e-6);
            }
        }
        for (const auto& w : back.warnings)
            QVERIFY2(!QString::fromStdString(w).contains("checksum", Qt::CaseInsensitive), w.c_str());
    }

    void overwritesAnExistingRecord()
    {
        const QString dir = test::scratchDir("wfdbwriter-overwrite");
        writeWfdbRecord(synthetic(500, 2000, 1.0), (dir + "/rec").toStdString());
        const auto result = writeWfdbRecord(synthetic(250, 300, 1.0), (dir + "/rec").toStdString());
        QCOMPARE(QFileInfo(QString::fromStdString(result.dataPath)).size(), qint64(300 * 12 * 2));
        QCOMPARE(QString::fromStdString(decode(result.headerPath, 300).recordLine),
                 QString("rec 12 250 300 10:00:00 24/11/2026"));
    }
};

QTEST_GUILESS_MAIN(TestWfdbWriter)
#include "test_wfdb_writer.moc"
