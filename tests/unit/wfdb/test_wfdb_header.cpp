// WFDB header(5) parsing: record line variants, signal lines with few fields, comments, Latin-1, errors.
#include "io/ReadError.h"
#include "io/wfdb/WfdbHeader.h"

#include <QTest>

using namespace execg;

class TestWfdbHeader : public QObject {
    Q_OBJECT
private slots:
    void recordLineWithEverything()
    {
        const auto h = parseWfdbHeader("# a comment before the record line\r\n"
                                       "rec 2 250/24000(12) 825000 15:08:24.500 26/10/1994\r\n"
                                       "\r\n"
                                       "rec.dat 212x4:3+512 64.02(4)/mmHg 12 1 5 -26056 0 ABP left arm\r\n"
                                       "rec.dat 212 6554/mV 12 0 -12996 64758 0 ECG\r\n"
                                       "#<age>: 28  <sex>: M",
                                       "rec.hea");
        QCOMPARE(h.recordName, std::string("rec"));
        QCOMPARE(h.signalCount, 2);
        QCOMPARE(h.frameRate, 250.0);
        QCOMPARE(*h.counterFrequency, 24000.0);
        QCOMPARE(h.baseCounter, 12.0);
        QCOMPARE(*h.length, std::int64_t(825000));
        QCOMPARE(wfdbIsoDateTime(h), std::string("1994-10-26T15:08:24.500"));
        const auto& s = h.signalSpecs[0];
        QCOMPARE(s.format, 212);
        QCOMPARE(s.samplesPerFrame, 4);
        QCOMPARE(s.skew, 3);
        QCOMPARE(s.byteOffset, std::int64_t(512));
        QCOMPARE(s.gain, 64.02);
        QCOMPARE(s.baseline, 4.0);
        QCOMPARE(s.units, std::string("mmHg"));
        QCOMPARE(s.adcZero, 1);
        QCOMPARE(s.initialValue, 5);
        QCOMPARE(*s.checksum, -26056);
        QCOMPARE(s.description, std::string("ABP left arm"));
        QCOMPARE(*h.signalSpecs[1].checksum, -778);   // printed unsigned (PTB-XL style)
        QCOMPARE(h.signalSpecs[1].baseline, 0.0);     // ADC zero when no baseline is written
        QCOMPARE(h.comments.size(), size_t(2));
    }
    void minimalLines()
    {
        // Only the record name: 0 signals, default 250 Hz, no length.
        auto h = parseWfdbHeader("r\n", "r.hea");
        QCOMPARE(h.signalCount, 0);
        QCOMPARE(h.frameRate, kWfdbDefaultFrequency);
        QVERIFY(!h.length);
        // Signal lines with 2 and 3 fields: gain 200, units mV, baseline = ADC zero, label "signal n".
        h = parseWfdbHeader("r 3 100\nr.dat 16\nr.dat 16 2.4011e-11/nV\nr.dat 16 0 12 1024\n", "r.hea");
        QCOMPARE(h.signalSpecs[0].gain, kWfdbDefaultGain);
        QVERIFY(!h.signalSpecs[0].gainStated);
        QCOMPARE(h.signalSpecs[0].units, std::string("mV"));
        QCOMPARE(h.signalSpecs[0].description, std::string("signal 0"));
        QCOMPARE(h.signalSpecs[1].gain, 2.4011e-11);
        QCOMPARE(h.signalSpecs[1].units, std::string("nV"));
        QCOMPARE(h.signalSpecs[2].gain, kWfdbDefaultGain);   // gain 0 = uncalibrated
        QVERIFY(!h.signalSpecs[2].gainStated);
        QCOMPARE(h.signalSpecs[2].baseline, 1024.0);
        QCOMPARE(h.signalSpecs[2].initialValue, 1024);
        // Negative gain with baseline (wave_4), fractional frequency, time without date.
        h = parseWfdbHeader("w 1 15.5 10 8:35:12.811\nw.dat 16 -19.3447902992(3064)/degC 11 2048 2461 27731 0 T\n", "w.hea");
        QCOMPARE(h.frameRate, 15.5);
        QCOMPARE(h.signalSpecs[0].gain, -19.3447902992);
        QCOMPARE(h.signalSpecs[0].baseline, 3064.0);
        QCOMPARE(wfdbIsoDateTime(h), std::string("08:35:12.811"));
    }
    void multiSegment()
    {
        const auto h = parseWfdbHeader("m/3 4 125 14518365 00:31:25.894 10/10/2896\nm_layout 0\n~ 3261\nm_0001 6750\n# c\n", "m.hea");
        QVERIFY(h.isMultiSegment());
        QCOMPARE(h.segmentCount, 3);
        QCOMPARE(h.segments[1].recordName, std::string("~"));
        QCOMPARE(h.segments[2].length, std::int64_t(6750));
        QCOMPARE(wfdbIsoDateTime(h), std::string("2896-10-10T00:31:25.894"));
    }
    void latin1IsConvertedToUtf8()
    {
        const auto h = parseWfdbHeader("t 1 1 10\nt.dat 16 32.7675/\xB5V 15 0 0 0 0 sine \xB0\n", "t.hea");
        QCOMPARE(h.signalSpecs[0].units, std::string("\xB5V"));   // bytes kept for unit matching
        QCOMPARE(wfdbTextToUtf8(h.signalSpecs[0].description), std::string("sine \xC2\xB0"));
        QCOMPARE(wfdbTextToUtf8("\xC2\xB5V"), std::string("\xC2\xB5V"));          // already UTF-8
    }
    void errorsNameFileAndProblem_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("only comments") << QByteArray("# nothing\n\n");
        QTest::newRow("binary") << QByteArray("\x01\x00\xff\xfe garbage", 12);
        QTest::newRow("signal count not a number") << QByteArray("abc def\n");
        QTest::newRow("absurd signal count") << QByteArray("r 99999999 250\n");
        QTest::newRow("negative frequency") << QByteArray("r 1 -250\nr.dat 16\n");
        QTest::newRow("missing signal lines") << QByteArray("r 3 250 100\nr.dat 16\n");
        QTest::newRow("bad format") << QByteArray("r 1 250\nr.dat sixteen\n");
        QTest::newRow("bad modifier") << QByteArray("r 1 250\nr.dat 16y2\n");
        QTest::newRow("bad gain") << QByteArray("r 1 250\nr.dat 16 abc\n");
        QTest::newRow("bad segment") << QByteArray("r/2 1 250\na 10\n");
        QTest::newRow("absurd adc resolution") << QByteArray("r 1 250\nr.dat 16 200 99\n");
    }
    void errorsNameFileAndProblem()
    {
        QFETCH(QByteArray, text);
        try {
            parseWfdbHeader(text.toStdString(), "bad.hea");
            QFAIL("no ReadError");
        } catch (const ReadError& e) {
            QCOMPARE(e.file(), std::string("bad.hea"));
            QVERIFY(!e.problem().empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestWfdbHeader)
#include "test_wfdb_header.moc"
