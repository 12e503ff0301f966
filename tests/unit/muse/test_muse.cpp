// GE MUSE XML made here: a small valid export read to the microvolt, its demographics and statements, and the ways an
// export can be wrong — a lead missing its data or given twice, base64 errors, short data, unknown units, broken
// XML — each a ReadError naming the file and the lead.
#include "Corpus.h"
#include "XmlEncodings.h"

#include "io/ReadError.h"
#include "io/muse/MuseXmlReader.h"

#include <QtTest>

#include <fstream>

using namespace execg;

namespace {

// Base64 of int16 LE samples.
std::string base64(const std::vector<std::int16_t>& v)
{
    static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string bytes;
    for (auto s : v) {
        bytes += char(std::uint16_t(s) & 0xFF);
        bytes += char(std::uint16_t(s) >> 8);
    }
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint32_t n = std::uint32_t(std::uint8_t(bytes[i])) << 16 |
                                (i + 1 < bytes.size() ? std::uint32_t(std::uint8_t(bytes[i + 1])) << 8 : 0) |
                                (i + 2 < bytes.size() ? std::uint32_t(std::uint8_t(bytes[i + 2])) : 0);
        out += a[n >> 18 & 63];
        out += a[n >> 12 & 63];
        out += i + 1 < bytes.size() ? a[n >> 6 & 63] : '=';
        out += i + 2 < bytes.size() ? a[n & 63] : '=';
    }
    return out;
}

std::string lead(const std::string& id, const std::string& data, int count = 4, const std::string& units = "MICROVOLTS")
{
    return "<LeadData><LeadSampleCountTotal>" + std::to_string(count) + "</LeadSampleCountTotal>"
           "<LeadAmplitudeUnitsPerBit>4.88</LeadAmplitudeUnitsPerBit><LeadAmplitudeUnits>" + units +
           "</LeadAmplitudeUnits><LeadID>" + id + "</LeadID><LeadSampleSize>2</LeadSampleSize><WaveFormData>" + data +
           "</WaveFormData></LeadData>";
}

std::string museFile(const std::string& leads)
{
    return R"(<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE RestingECG SYSTEM "restecg.dtd">
<RestingECG><MuseInfo><MuseVersion>9.0.7</MuseVersion></MuseInfo>
<PatientDemographics><PatientID>4711</PatientID><PatientAge>63</PatientAge><AgeUnits>YEARS</AgeUnits>
<DateofBirth>02-03-1961</DateofBirth><Gender>FEMALE</Gender><PatientLastName>M)" "\xFC" R"(ller</PatientLastName>
<PatientFirstName>Anna</PatientFirstName></PatientDemographics>
<TestDemographics><AcquisitionDevice>MAC55</AcquisitionDevice><SiteName>Clinic</SiteName>
<AcquisitionTime>10:12:30</AcquisitionTime><AcquisitionDate>03-01-2019</AcquisitionDate></TestDemographics>
<Diagnosis><DiagnosisStatement><StmtFlag>USER-INSERT</StmtFlag><StmtText>Sinus rhythm</StmtText></DiagnosisStatement>
<DiagnosisStatement><StmtFlag>ENDSLINE</StmtFlag><StmtText>with 1st degree AV block</StmtText></DiagnosisStatement>
<DiagnosisStatement><StmtFlag>ENDSLINE</StmtFlag><StmtText>Abnormal ECG</StmtText></DiagnosisStatement></Diagnosis>
<Waveform><WaveformType>Rhythm</WaveformType><NumberofLeads>2</NumberofLeads><SampleBase>250</SampleBase>
<SampleExponent>0</SampleExponent><HighPassFilter>5</HighPassFilter><LowPassFilter>40</LowPassFilter><ACFilter>50</ACFilter>)" +
           leads + "</Waveform></RestingECG>";
}

std::string write(const std::string& content)
{
    const std::string path = (test::scratchDir(QStringLiteral("muse_unit")) + "/case.xml").toStdString();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

} // namespace

class MuseTest : public QObject {
    Q_OBJECT

private slots:
    void aSmallExportReadsExactly()
    {
        const std::string path = write(museFile(lead("I", base64({100, -100, 0, 2049})) + lead("II", base64({1, 2, 3, 4}))));
        const MuseXmlReader reader;
        QVERIFY(reader.sniff(path, std::vector<std::uint8_t>{'<', '?', 'x'}) == 0);
        const Recording r = reader.read(path, {});
        const SignalGroup& g = r.groups.front();
        QCOMPARE(g.samplingRateHz, 250.0);
        QCOMPARE(g.findLead("I")->samples[0], float(100 * 4.88e-3));
        QCOMPARE(g.findLead("I")->samples[3], float(2049 * 4.88e-3));
        QCOMPARE(g.findLead("II")->samples[2], float(3 * 4.88e-3));
        QCOMPARE(int(g.leads.size()), 6);   // III, aVR, aVL, aVF derived
        QCOMPARE(*g.filters.highPassHz, 0.05);
        QCOMPARE(*g.filters.notchHz, 50.0);
        const auto& m = r.metadata;
        QCOMPARE(QString::fromStdString(m.patient.id), QStringLiteral("4711"));
        QCOMPARE(QString::fromStdString(m.patient.name), QStringLiteral("Müller^Anna"));   // ISO-8859-1 read as such
        QCOMPARE(QString::fromStdString(m.patient.sex), QStringLiteral("F"));
        QCOMPARE(QString::fromStdString(m.patient.birthDate), QStringLiteral("1961-02-03"));
        QCOMPARE(*m.patient.ageYears, 63.0);
        QCOMPARE(QString::fromStdString(m.acquisitionDateTime), QStringLiteral("2019-03-01T10:12:30"));
        QCOMPARE(QString::fromStdString(m.device.model), QStringLiteral("MAC55"));
        QCOMPARE(int(m.statements.size()), 2);
        QCOMPARE(QString::fromStdString(m.statements[0]), QStringLiteral("Sinus rhythm with 1st degree AV block"));
        QCOMPARE(QString::fromStdString(m.statements[1]), QStringLiteral("Abnormal ECG"));
    }

    void badExportsAreNamed_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("words");
        const std::string ok = base64({1, 2, 3, 4});
        QTest::newRow("duplicated lead") << QString::fromStdString(museFile(lead("I", ok) + lead("I", ok))) << "lead I (line";
        QTest::newRow("given twice") << QString::fromStdString(museFile(lead("I", ok) + lead("I", ok))) << "given twice";
        QTest::newRow("base64 error") << QString::fromStdString(museFile(lead("I", "AAA*AAAA"))) << "base64: invalid character at position 3";
        QTest::newRow("short data") << QString::fromStdString(museFile(lead("I", base64({1, 2})))) << "2 samples of data for 4 stated";
        QTest::newRow("counts differ") << QString::fromStdString(museFile(lead("I", ok) + lead("II", base64({1, 2, 3}), 3))) << "3 samples where the other leads have 4";
        QTest::newRow("units") << QString::fromStdString(museFile(lead("I", ok, 4, "FURLONGS"))) << "amplitude units \"FURLONGS\"";
        QTest::newRow("no lead data") << QString::fromStdString(museFile("")) << "no LeadData";
        QTest::newRow("broken XML") << QString::fromStdString(museFile(lead("I", ok)).substr(0, 400)) << "not well-formed XML at line";
        QTest::newRow("wrong root") << QStringLiteral("<?xml version=\"1.0\"?><PhilipsECG/>") << "root element is <PhilipsECG>";
    }

    void badExportsAreNamed()
    {
        QFETCH(QString, content);
        QFETCH(QString, words);
        const std::string path = write(content.toLatin1().toStdString());
        try {
            MuseXmlReader().read(path, {});
            QFAIL("no error");
        } catch (const ReadError& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(words), e.what());
            QVERIFY(std::string(e.what()).rfind(path, 0) == 0);
        }
    }

    // A MUSE export in ISO-8859-1 (a "ü" in the name) declared UTF-16 by a tool it passed through, with and without a
    // byte-order mark, in real UTF-16 with and without one, and in UTF-16 declared 8-bit: each reads as the plain
    // export does, with one warning naming the declared and the actual encoding where they differ.
    void declaredEncodingsThatLie()
    {
        test::checkEncodings(MuseXmlReader(), museFile(lead("I", base64({100, -100, 0, 2049})) + lead("II", base64({1, 2, 3, 4}))),
                             test::scratchDir(QStringLiteral("muse_encodings")));
        const Recording r = MuseXmlReader().read(write(test::withDeclaredEncoding(museFile(lead("I", base64({1, 2, 3, 4}))), "utf-16")), {});
        QCOMPARE(QString::fromStdString(r.metadata.patient.name), QStringLiteral("Müller^Anna"));
        QCOMPARE(QString::fromStdString(r.warnings.front()),
                 QStringLiteral("the XML declaration says encoding=\"utf-16\" but the bytes are ISO-8859-1 "
                                "(no byte-order mark, no NUL bytes, not UTF-8); read as ISO-8859-1"));
    }

    // A MUSE export may store its Median waveform before its Rhythm: group 0 is the median beats there, and choosing
    // by kind (execg-cli --group rhythm|median) finds each whatever the order.
    void groupsByKindWhateverTheOrder()
    {
        std::string doc = museFile(lead("I", base64({100, -100, 0, 2049})) + lead("II", base64({1, 2, 3, 4})));
        const auto rhythm = doc.find("<Waveform>");
        doc.insert(rhythm, "<Waveform><WaveformType>Median</WaveformType><NumberofLeads>1</NumberofLeads><SampleBase>500</SampleBase>"
                           "<SampleExponent>0</SampleExponent>" + lead("I", base64({5, 6, 7}), 3) + "</Waveform>");
        const Recording r = MuseXmlReader().read(write(doc), {});
        QCOMPARE(int(r.groups.size()), 2);
        QVERIFY(r.groups[0].isMedianBeats());
        QVERIFY(!r.groups[1].isMedianBeats());
        QCOMPARE(r.groupIndex(GroupKind::Median), 0);
        QCOMPARE(r.groupIndex(GroupKind::Rhythm), 1);
        QCOMPARE(r.primaryGroupIndex(), 1);
        QCOMPARE(r.groups[0].sampleCount(), std::int64_t(3));
        Recording medianOnly = r;
        medianOnly.groups.erase(medianOnly.groups.begin() + 1);
        QCOMPARE(medianOnly.groupIndex(GroupKind::Rhythm), -1);
        QCOMPARE(medianOnly.groupIndex(GroupKind::Median), 0);
    }

    // A broken file whose declaration is overridden still names the file, the line and the override.
    void brokenUnderAnOverrideIsNamed()
    {
        const std::string path = write("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<RestingECG><Waveform></RestingECG>");
        try {
            MuseXmlReader().read(path, {});
            QFAIL("no error");
        } catch (const ReadError& e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(what.startsWith(QString::fromStdString(path)) && what.contains("not well-formed XML at line 2") &&
                         what.contains("read as UTF-8"), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(MuseTest)
#include "test_muse.moc"
