// MIT-format annotation decoding on hand-encoded byte streams (annot(5)): pseudo-annotations, SKIP,
// modification labels and damaged input.
#include "Corpus.h"
#include "io/ReadError.h"
#include "io/wfdb/WfdbAnnotations.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <random>

using namespace execg;

namespace {

// Writes annotation words the way WFDB's putann() does.
struct Encoder {
    std::vector<std::uint8_t> bytes;
    void word(int code, int data)
    {
        const unsigned w = (unsigned(code) << 10) | (unsigned(data) & 0x3ff);
        bytes.push_back(std::uint8_t(w & 0xff));
        bytes.push_back(std::uint8_t(w >> 8));
    }
    void skip(std::int32_t interval)
    {
        word(59, 0);
        const auto u = static_cast<std::uint32_t>(interval);
        for (std::uint32_t half : {u >> 16, u & 0xffff}) {
            bytes.push_back(std::uint8_t(half & 0xff));
            bytes.push_back(std::uint8_t(half >> 8));
        }
    }
    void aux(const std::string& text)
    {
        word(63, int(text.size()));
        bytes.insert(bytes.end(), text.begin(), text.end());
        if (text.size() % 2)
            bytes.push_back(0);
    }
    void end() { word(0, 0); }
};

WfdbAnnotationFile decode(const std::vector<std::uint8_t>& bytes) { return decodeWfdbAnnotations(bytes, "test.atr"); }

} // namespace

class TestWfdbAnnotations : public QObject {
    Q_OBJECT
private slots:
    void pseudoAnnotationsModifyTheAnnotationBefore()
    {
        Encoder e;
        e.word(28, 18);            // + at 18
        e.aux("(AFIB");            // odd length: padded
        e.word(1, 82);             // N at 100
        e.word(5, 200);            // V at 300
        e.word(61, 2);             // SUB 2
        e.word(62, 1);             // CHN 1
        e.word(60, 3);             // NUM 3
        e.word(1, 100);            // N at 400: chan and num carry over, subtyp does not
        e.end();
        e.word(5, 7);              // after the logical end: ignored
        const auto f = decode(e.bytes);
        QCOMPARE(int(f.annotations.size()), 4);
        QCOMPARE(f.annotations[0].sample, qint64(18));
        QCOMPARE(QString::fromStdString(f.mnemonic(f.annotations[0].code)), QString("+"));
        QVERIFY(f.annotations[0].hasAux);
        QCOMPARE(QString::fromStdString(f.annotations[0].aux), QString("(AFIB"));
        QCOMPARE(f.annotations[1].sample, qint64(100));
        QVERIFY(!f.annotations[1].hasAux);
        QCOMPARE(f.annotations[2].sample, qint64(300));
        QCOMPARE(f.annotations[2].subtyp, 2);
        QCOMPARE(f.annotations[2].chan, 1);
        QCOMPARE(f.annotations[2].num, 3);
        QCOMPARE(f.annotations[3].sample, qint64(400));
        QCOMPARE(f.annotations[3].subtyp, 0);
        QCOMPARE(f.annotations[3].chan, 1);
        QCOMPARE(f.annotations[3].num, 3);
    }

    void skipCarriesLongIntervals()
    {
        Encoder e;
        e.word(1, 10);
        e.skip(70000);             // more than 1023: only a SKIP can say it
        e.word(5, 0);              // V at 70010
        e.skip(-10);               // negative SKIPs are legal (annotations written out of order)
        e.word(1, 0);
        e.word(62, 1023);          // CHN keeps the low 8 bits, as WFDB's unsigned char chan does
        e.word(60, 1023);          // NUM is a signed char: -1
        const auto f = decode(e.bytes);   // no end word: accepted, as WFDB does at physical EOF
        QCOMPARE(int(f.annotations.size()), 3);
        QCOMPARE(f.annotations[1].sample, qint64(70010));
        QCOMPARE(f.annotations[2].sample, qint64(70000));
        QCOMPARE(f.annotations[2].chan, 255);
        QCOMPARE(f.annotations[2].num, -1);
    }

    void mnemonicsFollowEcgcodes()
    {
        const std::pair<int, const char*> table[] = {{0, " "}, {1, "N"}, {5, "V"}, {8, "A"}, {12, "/"}, {13, "Q"},
                                                     {14, "~"}, {16, "|"}, {22, "\""}, {28, "+"}, {38, "f"},
                                                     {41, "r"}, {15, "[15]"}, {49, "[49]"}};
        for (const auto& [code, text] : table)
            QCOMPARE(QString::fromStdString(wfdbStandardMnemonic(code)), QString(text));
    }

    void modificationLabelsAreConsumed()
    {
        Encoder e;
        e.word(22, 0);
        e.aux("## annotation type definitions");
        e.word(22, 0);
        e.aux("42 X extra systole");
        e.word(22, 0);
        e.aux("## time resolution: 1000");
        e.skip(-1);                // putann's NOTQRS filler after the block: SKIP -1, then +1
        e.word(0, 1);
        e.word(22, 0);
        e.aux("start of study");   // an ordinary NOTE: kept, and it ends the label block
        e.word(42, 50);
        e.end();
        const auto f = decode(e.bytes);
        QCOMPARE(f.timeResolutionHz.value_or(0.0), 1000.0);
        QCOMPARE(int(f.annotations.size()), 2);
        QCOMPARE(QString::fromStdString(f.annotations[0].aux), QString("start of study"));
        QCOMPARE(QString::fromStdString(f.mnemonic(42)), QString("X"));
        QCOMPARE(QString::fromStdString(f.descriptions.at(42)), QString("extra systole"));
        QCOMPARE(f.annotations[1].sample, qint64(50));
    }

    void toInternalModel()
    {
        Encoder e;
        e.word(28, 360);
        e.aux("(N ");
        e.word(14, 360);
        e.word(61, -1 & 0x3ff);   // subtyp -1: noise in every signal (MIT-BIH convention)
        e.end();
        const QString dir = test::scratchDir("wfdbann-model");
        const std::string path = (dir + "/r.atr").toStdString();
        QFile out(QString::fromStdString(path));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(reinterpret_cast<const char*>(e.bytes.data()), qint64(e.bytes.size()));
        out.close();
        const auto anns = readWfdbAnnotations(path, 360.0, "atr");
        QCOMPARE(int(anns.size()), 2);
        QCOMPARE(anns[0].sample, qint64(360));
        QCOMPARE(anns[0].timeSeconds, 1.0);
        QCOMPARE(QString::fromStdString(anns[0].code), QString("+"));
        QCOMPARE(QString::fromStdString(anns[0].text), QString("(N"));
        QCOMPARE(anns[0].channel, 0);
        QCOMPARE(QString::fromStdString(anns[0].source), QString("atr"));
        QCOMPARE(anns[1].timeSeconds, 2.0);
        QCOMPARE(QString::fromStdString(anns[1].code), QString("~"));
        QCOMPARE(QString::fromStdString(anns[1].text), QString("[subtyp -1]"));
        QVERIFY_THROWS_EXCEPTION(ReadError, readWfdbAnnotations(path, 0.0, "atr"));
        QVERIFY_THROWS_EXCEPTION(ReadError, readWfdbAnnotations((dir + "/missing.atr").toStdString(), 360.0, "atr"));
    }

    void damagedInputThrows_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        Encoder skip;
        skip.word(1, 1);
        skip.skip(100000);
        skip.bytes.resize(skip.bytes.size() - 2);
        Encoder aux;
        aux.word(1, 1);
        aux.aux("(AFIB");
        aux.bytes.resize(aux.bytes.size() - 3);
        Encoder odd;
        odd.word(1, 1);
        odd.bytes.push_back(0x12);
        Encoder undefined;
        undefined.word(1, 1);
        undefined.word(55, 3);
        Encoder negative;
        negative.word(1, 5);
        negative.skip(-100);
        negative.word(1, 0);
        Encoder orphan;
        orphan.aux("x");
        auto raw = [](const Encoder& e) { return QByteArray(reinterpret_cast<const char*>(e.bytes.data()), int(e.bytes.size())); };
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated SKIP") << raw(skip);
        QTest::newRow("truncated AUX") << raw(aux);
        QTest::newRow("half word") << raw(odd);
        QTest::newRow("undefined code 55") << raw(undefined);
        QTest::newRow("SKIP before start") << raw(negative);
        QTest::newRow("AUX before any annotation") << raw(orphan);
    }
    void damagedInputThrows()
    {
        QFETCH(QByteArray, bytes);
        const std::vector<std::uint8_t> v(bytes.begin(), bytes.end());
        QVERIFY_THROWS_EXCEPTION(ReadError, decode(v));
    }

    void randomBytesThrow()
    {
        // Any 16-bit word is some annotation, so random bytes are caught by structure: undefined codes
        // 50–58 (9 of 64 codes), overrunning AUX/SKIP, negative times. 4 KiB cannot escape all of them.
        std::mt19937 rng(20260424);
        for (int trial = 0; trial < 200; ++trial) {
            std::vector<std::uint8_t> bytes(4096);
            for (auto& b : bytes)
                b = std::uint8_t(rng() & 0xff);
            bytes[0] = bytes[1] = 0xa5;   // not the end word up front
            QVERIFY_THROWS_EXCEPTION(ReadError, decode(bytes));
        }
    }
};

QTEST_GUILESS_MAIN(TestWfdbAnnotations)
#include "test_wfdb_annotations.moc"
