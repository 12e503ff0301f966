// Figures and dates in the reader's locale: a decimal comma in German, the locale's date order with the year in full,
// and the C locale (the command line's) keeping ISO 8601 and the decimal point.
#include "render/ChartPage.h"
#include "render/LocaleFormat.h"
#include "synth/EcgSynthesizer.h"

#include <QtTest>

using namespace execg;

class LocaleFormatTest : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void numbersUseTheLocalesDecimalMark()
    {
        QLocale::setDefault(QLocale::c());
        QCOMPARE(localNumber(0.456, 'f', 2), QStringLiteral("0.46"));
        QCOMPARE(localNumber(12345.5, 'f', 1), QStringLiteral("12345.5"));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(localNumber(0.456, 'f', 2), QStringLiteral("0,46"));
        QCOMPARE(localNumber(12345.5, 'f', 1), QStringLiteral("12345,5"));   // no grouping in clinical figures
        QCOMPARE(localNumber(25, 'g', 3), QStringLiteral("25"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(localNumber(12345.5, 'f', 1), QStringLiteral("12345.5"));
        QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
        QCOMPARE(localNumber(0.456, 'f', 2), QStringLiteral("0.46"));
    }

    void datesFollowTheLocaleWithTheYearInFull()
    {
        QLocale::setDefault(QLocale::c());
        QCOMPARE(localDate("1950-02-03"), QStringLiteral("1950-02-03"));
        QCOMPARE(localDateTime("2019-03-01T10:12:30"), QStringLiteral("2019-03-01 10:12:30"));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(localDate("1950-02-03"), QStringLiteral("03.02.1950"));
        QCOMPARE(localDateTime("2019-03-01T10:12:30"), QStringLiteral("01.03.2019 10:12"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(localDate("1950-02-03"), QStringLiteral("2/3/1950"));
        QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
        QVERIFY2(localDate("1950-02-03").startsWith(QStringLiteral("1950")), qPrintable(localDate("1950-02-03")));
        // What does not parse is shown as the file wrote it.
        QCOMPARE(localDate("sometime in 1950"), QStringLiteral("sometime in 1950"));
    }

    void theChartHeaderSpeaksTheLocale()
    {
        synth::SynthParams p;
        p.seed = 4;
        Recording r = synth::generateEcg(p).recording;
        r.metadata.acquisitionDateTime = "2019-03-01T10:12:30";
        r.metadata.patient.birthDate = "1950-02-03";
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const ChartHeader h = chartHeaderFor(r, r.groups.front(), PaperChartStyle{}, false);
        QVERIFY2(h.acquisition.contains(QStringLiteral("01.03.2019 10:12")), qPrintable(h.acquisition));
        QVERIFY2(h.patient.contains(QStringLiteral("03.02.1950")), qPrintable(h.patient));
        QVERIFY2(h.recording.startsWith(QStringLiteral("10,0 s at 500 Hz")), qPrintable(h.recording));
        QVERIFY2(h.scale.startsWith(QStringLiteral("25 mm/s · 10 mm/mV")), qPrintable(h.scale));
    }
};

QTEST_MAIN(LocaleFormatTest)
#include "test_locale_format.moc"
