// ecg-kit's HL7 aECG example against values read from its XML independently: 12 leads, 2.5 µV per digit, 500 Hz,
// 5000 rhythm samples and 599 representative-beat samples, the subject, the filters and the rhythm statement.
#include "Corpus.h"
#include "TestFiles.h"
#include "XmlEncodings.h"

#include "io/ReaderRegistry.h"
#include "io/hl7/AecgReader.h"

#include <QtTest>

#include <cmath>

using namespace execg;

class AecgCorpusTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { EXECG_REQUIRE_CORPUS(); }

    void ecgKitExample()
    {
        const Recording r = ReaderRegistry::instance().read(test::corpusFile("ecg-kit/ecg_hl7.xml"));
        QCOMPARE(QString::fromStdString(r.formatName), QStringLiteral("HL7 aECG"));
        QCOMPARE(int(r.groups.size()), 2);
        const SignalGroup& rhythm = r.groups[0];
        const SignalGroup& beat = r.groups[1];
        QCOMPARE(r.primaryGroupIndex(), 0);
        QCOMPARE(rhythm.samplingRateHz, 500.0);
        QCOMPARE(rhythm.sampleCount(), std::int64_t(5000));
        QCOMPARE(beat.sampleCount(), std::int64_t(599));
        QCOMPARE(QString::fromStdString(beat.label), QStringLiteral("median beats"));
        QCOMPARE(int(rhythm.leads.size()), 12);
        for (const auto& l : rhythm.leads)
            QVERIFY2(!l.provenance.derived, l.name.c_str());   // all twelve are stored, none derived
        const auto check = [](const SignalGroup& g, const char* lead, std::initializer_list<int> digits, int last) {
            const Lead* l = g.findLead(lead);
            QVERIFY2(l, lead);
            int i = 0;
            for (int d : digits)
                QCOMPARE(l->samples[std::size_t(i++)], float(d * 2.5e-3));
            QCOMPARE(l->samples.back(), float(last * 2.5e-3));
        };
        check(rhythm, "I", {-2, -2, -2, -2, -3}, -13);
        check(rhythm, "II", {-7, -7, -7, -7, -7}, -7);
        check(rhythm, "V1", {43, 43, 43, 43, 43}, 11);
        check(beat, "I", {4, 4, 2, 3, 4}, 23);
        check(beat, "II", {52, 50, 49, 49, 48}, 28);
        QVERIFY(rhythm.findLead("aVF") && rhythm.findLead("aVL") && rhythm.findLead("aVR") && rhythm.findLead("III"));

        const auto& m = r.metadata;
        QCOMPARE(QString::fromStdString(m.patient.id), QStringLiteral("SBJ-123"));
        QCOMPARE(QString::fromStdString(m.patient.name), QStringLiteral("Clark"));
        QCOMPARE(QString::fromStdString(m.patient.sex), QStringLiteral("M"));
        QCOMPARE(QString::fromStdString(m.patient.birthDate), QStringLiteral("1953-05-08"));
        QCOMPARE(*m.patient.ageYears, 46.0);
        QCOMPARE(QString::fromStdString(m.acquisitionDateTime), QStringLiteral("2002-11-22T09:10:00"));
        QCOMPARE(QString::fromStdString(m.device.model), QStringLiteral("ELI250"));
        QCOMPARE(QString::fromStdString(m.device.manufacturer), QStringLiteral("Mortara Instrument, Inc."));
        QCOMPARE(*rhythm.filters.lowPassHz, 150.0);
        QCOMPARE(*rhythm.filters.notchHz, 60.0);
        QVERIFY(std::find(m.statements.begin(), m.statements.end(), "Sinus Rhythm") != m.statements.end());
        QVERIFY(!m.annotations.empty());
        for (const auto& a : m.annotations)
            QVERIFY(a.timeSeconds >= 0.0 && a.timeSeconds <= 10.0);
    }

    // The same example declared UTF-16 while its bytes are ASCII (with and without a UTF-8 byte-order mark), in real
    // UTF-16 with and without one, and in UTF-16 declared UTF-8: every value as in the file, one warning naming the
    // declared and the actual encoding where they differ.
    void ecgKitExampleInEveryEncoding()
    {
        test::checkEncodings(AecgReader(), test::readFile(test::corpusFile("ecg-kit/ecg_hl7.xml")), test::scratchDir(QStringLiteral("aecg_encodings")));
    }
};

QTEST_MAIN(AecgCorpusTest)
#include "test_aecg_corpus.moc"
