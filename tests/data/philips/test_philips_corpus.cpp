// sierra-ecg-tools' Philips SierraECG / PhilipsECG exports (1.03, 1.04, 1.04.01) against
// reference/other_formats_reference.txt: XLI-decoded rhythm sample 2750 of every lead (III, aVR, aVL, aVF included,
// which XLI stores as residuals), the representative beats, and what the files say about patient, device and analysis.
#include "Corpus.h"
#include "RecordingQueries.h"

#include "io/ReaderRegistry.h"

#include <QDirIterator>
#include <QtTest>

#include <cmath>

using namespace execg;

namespace {

const char* const kTwelve[] = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};

// Leads, in the file's order, and sample `at` of each, in the file's units of `uvPerUnit` µV.
void compareAt(const SignalGroup& g, std::int64_t at, const QList<int>& raw, double uvPerUnit)
{
    QCOMPARE(int(g.leads.size()), 12);
    int i = 0;
    for (int r : raw) {
        const Lead& l = g.leads[std::size_t(i)];
        QCOMPARE(QString::fromStdString(l.name), QString::fromLatin1(kTwelve[i]));
        QVERIFY(!l.provenance.derived);
        const float expected = float(r * uvPerUnit * 1e-3);
        QVERIFY2(std::abs(l.samples[std::size_t(at)] - expected) < 1e-6f,
                 qPrintable(QStringLiteral("%1[%2] = %3, expected %4").arg(kTwelve[i]).arg(at).arg(l.samples[std::size_t(at)]).arg(expected)));
        ++i;
    }
}


} // namespace

class PhilipsCorpusTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { EXECG_REQUIRE_CORPUS_FILE("sierra-ecg-tools/1_04/3191723_ZZDEMOPTONLY_1-04_orig.xml"); }

    void rhythmSample2750_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QList<int>>("raw");
        QTest::newRow("1.03 129DYPRG") << "1_03/129DYPRG.XML" << QList<int>{-9, -17, -7, 13, -1, -12, 0, -1, -3, -4, -7, -6};
        QTest::newRow("1.04 3191723") << "1_04/3191723_ZZDEMOPTONLY_1-04_orig.xml" << QList<int>{-11, -54, -43, 33, 16, -50, 7, -4, -14, -41, -35, -33};
        QTest::newRow("1.04 ad4d3d80") << "1_04/ad4d3d80-d165_1-04_orig.xml" << QList<int>{32, 46, 14, -39, 9, 30, -74, 320, -1633, 197, 26, 55};
        QTest::newRow("1.04.01") << "1_04_01/2020-5-18_15-48-11.xml" << QList<int>{-12, 78, 90, -33, -51, 84, 14, 3, -24, -20, -13, -21};
    }

    void rhythmSample2750()
    {
        QFETCH(QString, file);
        QFETCH(QList<int>, raw);
        const Recording r = ReaderRegistry::instance().read(test::corpusFile("sierra-ecg-tools/" + file));
        QCOMPARE(QString::fromStdString(r.formatName), QStringLiteral("Philips SierraECG XML"));
        QCOMPARE(r.primaryGroupIndex(), 0);
        const SignalGroup& g = r.groups[0];
        QCOMPARE(QString::fromStdString(g.label), QStringLiteral("rhythm"));
        QCOMPARE(g.samplingRateHz, 500.0);
        QCOMPARE(g.sampleCount(), std::int64_t(5500));
        QVERIFY(r.warnings.empty());
        compareAt(g, 2750, raw, 5.0);   // resolution 5 µV
        const auto& p = g.leads.front().provenance;
        QCOMPARE(QString::fromStdString(p.storedFormat), QStringLiteral("Philips XLI"));
        QCOMPARE(p.gain, 0.2);
        QCOMPARE(p.toMillivolts, 1e-3);
    }

    void representativeBeats()
    {
        // 1.03 writes the beats straight into <repbeat>, at 1000 Hz and 1 µV.
        const Recording r = ReaderRegistry::instance().read(test::corpusFile("sierra-ecg-tools/1_03/repbeats_example.xml"));
        QCOMPARE(int(r.groups.size()), 2);
        QCOMPARE(r.primaryGroupIndex(), 0);
        const SignalGroup& median = r.groups[1];
        QCOMPARE(QString::fromStdString(median.label), QStringLiteral("median beats"));
        QCOMPARE(median.samplingRateHz, 1000.0);
        QCOMPARE(median.sampleCount(), std::int64_t(1200));
        compareAt(median, 600, QList<int>{-11, -36, -32, 25, 5, -29, 12, 1, -20, -51, -58, -52}, 1.0);
        // 1.04 pads its 600-sample beats to the stated 2400 ms with 0x7FFF, which is no part of them.
        const Recording r4 = ReaderRegistry::instance().read(test::corpusFile("sierra-ecg-tools/1_04/3191723_ZZDEMOPTONLY_1-04_orig.xml"));
        const SignalGroup& m4 = r4.groups.at(1);
        QCOMPARE(m4.samplingRateHz, 500.0);
        QCOMPARE(m4.sampleCount(), std::int64_t(600));
        QCOMPARE(m4.leads.front().samples.front(), float(26 * 2.5e-3));   // "GgAZ…": 26, 25 at 2.5 µV
        for (const auto& l : m4.leads)
            for (float v : l.samples)
                QVERIFY(std::isfinite(v));
    }

    void metadata()
    {
        const Recording r = ReaderRegistry::instance().read(test::corpusFile("sierra-ecg-tools/1_04/3191723_ZZDEMOPTONLY_1-04_orig.xml"));
        const auto& m = r.metadata;
        QCOMPARE(QString::fromStdString(m.patient.id), QStringLiteral("9999"));
        QCOMPARE(QString::fromStdString(m.patient.name), QStringLiteral("ZZDEMOPTONLY^ADULT"));
        QCOMPARE(QString::fromStdString(m.patient.sex), QStringLiteral("M"));
        QCOMPARE(QString::fromStdString(m.patient.birthDate), QStringLiteral("1950-01-01"));
        QCOMPARE(QString::fromStdString(m.acquisitionDateTime), QStringLiteral("2010-01-19T15:19:22"));
        QCOMPARE(QString::fromStdString(m.device.manufacturer), QStringLiteral("Philips"));
        QCOMPARE(QString::fromStdString(m.device.model), QStringLiteral("PageWriter Touch"));
        QCOMPARE(QString::fromStdString(m.device.softwareVersion), QStringLiteral("Philips Medical Products:860315:A.01.01.01"));
        QCOMPARE(QString::fromStdString(m.device.institution), QStringLiteral("Y"));
        // The interpretation's measurements, then the analysis program's for what it leaves out (PR, QRS, QT).
        QCOMPARE(test::deviceMeasurement(r, "Ventricular rate"), 84.0);
        QCOMPARE(test::deviceMeasurement(r, "PR interval"), 144.0);
        QCOMPARE(test::deviceMeasurement(r, "QRS duration"), 84.0);
        QCOMPARE(test::deviceMeasurement(r, "QT interval"), 352.0);
        QCOMPARE(test::deviceMeasurement(r, "QTc interval"), 417.0);
        QCOMPARE(test::deviceMeasurement(r, "P axis"), 81.0);
        QCOMPARE(test::deviceMeasurement(r, "QRS axis"), 78.0);
        QCOMPARE(test::deviceMeasurement(r, "T axis"), 67.0);
        QCOMPARE(int(m.statements.size()), 4);
        QCOMPARE(QString::fromStdString(m.statements[0]), QStringLiteral("SINUS RHYTHM (normal P axis, V-rate 60-99)"));
        QCOMPARE(QString::fromStdString(m.statements[3]), QStringLiteral("ABNORMAL ECG"));
        const SignalGroup& g = r.groups[0];
        QCOMPARE(*g.filters.highPassHz, 0.05);
        QCOMPARE(*g.filters.lowPassHz, 150.0);
        QVERIFY(!g.filters.notchHz);   // notchfiltered="False"

        // 1.03 keeps the same things elsewhere.
        const Recording r3 = ReaderRegistry::instance().read(test::corpusFile("sierra-ecg-tools/1_03/129DYPRG.XML"));
        QCOMPARE(QString::fromStdString(r3.metadata.patient.id), QStringLiteral("1112010721168bdc"));
        QCOMPARE(*r3.metadata.patient.ageYears, 50.0);
        QCOMPARE(QString::fromStdString(r3.metadata.device.model), QStringLiteral("HeartstartMRx"));
        QCOMPARE(QString::fromStdString(r3.metadata.device.institution), QStringLiteral("GE EMS"));
        QCOMPARE(QString::fromStdString(r3.metadata.acquisitionDateTime), QStringLiteral("2011-12-01T07:27:34"));
        QCOMPARE(test::deviceMeasurement(r3, "Ventricular rate"), 41.0);
        QCOMPARE(test::deviceMeasurement(r3, "PR interval"), 151.0);
        QCOMPARE(test::deviceMeasurement(r3, "QTc interval"), 393.0);
        QCOMPARE(test::deviceMeasurement(r3, "QRS axis"), -21.0);
        QCOMPARE(QString::fromStdString(r3.metadata.statements.front()), QStringLiteral("Sinus bradycardia (rate< 50)"));
        QCOMPARE(*r3.groups[0].filters.highPassHz, 0.05);   // signalbandwidth "0.05-150"
        QCOMPARE(*r3.groups[0].filters.lowPassHz, 150.0);
    }

    void windowAndHeaderOnly()
    {
        const std::string path = test::corpusFile("sierra-ecg-tools/1_04_01/2020-5-18_15-48-11.xml");
        const Recording full = ReaderRegistry::instance().read(path);
        ReadOptions o;
        o.fromSeconds = 5.0;
        o.toSeconds = 6.0;
        const Recording part = ReaderRegistry::instance().read(path, o);
        QCOMPARE(part.groups[0].firstSample, std::int64_t(2500));
        QCOMPARE(part.groups[0].sampleCount(), std::int64_t(500));
        QCOMPARE(part.groups[0].leads[4].samples[250], full.groups[0].leads[4].samples[2750]);
        ReadOptions h;
        h.headerOnly = true;
        const Recording header = ReaderRegistry::instance().read(path, h);
        QCOMPARE(int(header.groups[0].leads.size()), 12);
        QCOMPARE(header.groups[0].totalSamples, std::int64_t(5500));
        QCOMPARE(header.groups[0].sampleCount(), std::int64_t(0));
    }

    void convertedCopyMatches()
    {
        // The same ECG converted by Philips' software to HL7 aECG: it opens with that reader, and its leads agree
        // with the XLI decoding to within 4 units (20 µV; the converter's values are not bit-identical, V1–V6
        // included), which checks the signs and order of the restored limb leads on every sample.
        const Recording conv = ReaderRegistry::instance().read(test::corpusFile("sierra-ecg-tools/1_04/ad4d3d80-d165_1-04_converted.xml"));
        QCOMPARE(QString::fromStdString(conv.formatName), QStringLiteral("HL7 aECG"));
        const Recording orig = ReaderRegistry::instance().read(test::corpusFile("sierra-ecg-tools/1_04/ad4d3d80-d165_1-04_orig.xml"));
        const SignalGroup& a = conv.groups.at(std::size_t(conv.primaryGroupIndex()));
        const SignalGroup& b = orig.groups.at(0);
        QCOMPARE(a.sampleCount(), b.sampleCount());
        for (const char* name : kTwelve) {
            const Lead* la = a.findLead(name);
            const Lead* lb = b.findLead(name);
            QVERIFY2(la && lb, name);
            double worst = 0, sum = 0;
            for (std::size_t i = 0; i < lb->samples.size(); ++i) {
                worst = std::max(worst, double(std::abs(la->samples[i] - lb->samples[i])));
                sum += la->samples[i] - lb->samples[i];
            }
            QVERIFY2(worst <= 0.0201, qPrintable(QStringLiteral("%1 differs by %2 mV").arg(name).arg(worst)));
            QVERIFY2(std::abs(sum / double(lb->samples.size())) < 0.005, name);
        }
    }

    void everyPhilipsFileOpens()
    {
        int n = 0;
        QDirIterator it(test::corpusDir() + "/sierra-ecg-tools", QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            if (!f.endsWith(".xml", Qt::CaseInsensitive) || f.contains("converted"))
                continue;
            const Recording r = ReaderRegistry::instance().read(f.toStdString());
            QCOMPARE(QString::fromStdString(r.formatName), QStringLiteral("Philips SierraECG XML"));
            QCOMPARE(int(r.groups.at(0).leads.size()), 12);   // channels 13–16 are no leads
            QVERIFY(!r.metadata.statements.empty());
            QVERIFY(!r.metadata.measurements.empty());
            ++n;
        }
        QVERIFY(n >= 5);
    }
};

QTEST_MAIN(PhilipsCorpusTest)
#include "test_philips_corpus.moc"
