// MIT-format annotation files from the corpus against WFDB-C rdann output (wfdb-python tests/target-output).
#include "Corpus.h"
#include "io/ReadError.h"
#include "io/wfdb/WfdbAnnotations.h"
#include "io/BinaryFile.h"

#include <QFile>
#include <QTest>
#include <cmath>

using namespace execg;

namespace {

struct RdannRow {
    QString time;        // "0:00.050" or "[15:14:12.960]"
    qint64 sample = 0;
    QString mnemonic;
    int subtyp = 0, chan = 0, num = 0;
    bool hasAux = false;
    QByteArray aux;
};

// rdann prints "%s  %7ld%6s%5d%5d%5d" and then "\t<aux>" when the annotation has one.
QList<RdannRow> readRdann(const QString& relative)
{
    QFile f(QString::fromStdString(test::corpusFile(relative)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<RdannRow> rows;
    for (QByteArray line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        RdannRow r;
        const int tab = line.indexOf('\t');
        if (tab >= 0) {
            r.hasAux = true;
            r.aux = line.mid(tab + 1);
            line = line.left(tab);
        }
        const auto fields = QString::fromLatin1(line).split(' ', Qt::SkipEmptyParts);
        if (fields.size() != 6)
            continue;
        r.time = fields[0];
        r.sample = fields[1].toLongLong();
        r.mnemonic = fields[2];
        r.subtyp = fields[3].toInt();
        r.chan = fields[4].toInt();
        r.num = fields[5].toInt();
        rows.push_back(r);
    }
    return rows;
}

// "m:ss.mmm" or "h:mm:ss.mmm" (elapsed) → seconds.
double elapsedSeconds(const QString& text)
{
    double seconds = 0;
    for (const auto& part : text.split(':'))
        seconds = seconds * 60 + part.toDouble();
    return seconds;
}

WfdbAnnotationFile decodeCorpus(const QString& relative)
{
    const std::string path = test::corpusFile(relative);
    return decodeWfdbAnnotations(BinaryFile(path).readAll(), path);
}

} // namespace

class TestWfdbAnnotationsCorpus : public QObject {
    Q_OBJECT
private slots:
    void matchesRdann_data()
    {
        QTest::addColumn<QString>("annotationFile");
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("expectedCount");
        QTest::newRow("100.atr (MIT-BIH, aux rhythm)") << "wfdb-python/sample-data/100.atr"
                                                       << "wfdb-python/tests/target-output/ann-1" << 2274;
        QTest::newRow("12726.anI (SKIP, NOTE text, chan 255)") << "wfdb-python/sample-data/12726.anI"
                                                               << "wfdb-python/tests/target-output/ann-2" << 22;
        QTest::newRow("1003.atr (modification labels)") << "wfdb-python/sample-data/1003.atr"
                                                        << "wfdb-python/tests/target-output/ann-3" << 957;
    }
    void matchesRdann()
    {
        QFETCH(QString, annotationFile);
        QFETCH(QString, target);
        QFETCH(int, expectedCount);
        EXECG_REQUIRE_CORPUS_FILE(annotationFile);
        EXECG_REQUIRE_CORPUS_FILE(target);
        const auto expected = readRdann(target);
        QCOMPARE(int(expected.size()), expectedCount);
        const WfdbAnnotationFile got = decodeCorpus(annotationFile);
        QCOMPARE(int(got.annotations.size()), expectedCount);
        for (int i = 0; i < expectedCount; ++i) {
            const auto& e = expected[i];
            const auto& a = got.annotations[size_t(i)];
            const QByteArray where = QByteArray::number(i) + " at sample " + QByteArray::number(e.sample);
            QVERIFY2(a.sample == e.sample, where);
            QVERIFY2(QString::fromStdString(got.mnemonic(a.code)) == e.mnemonic, where);
            QVERIFY2(a.subtyp == e.subtyp && a.chan == e.chan && a.num == e.num, where);
            QVERIFY2(a.hasAux == e.hasAux, where);
            QVERIFY2(QByteArray::fromStdString(a.aux) == e.aux, where + ": " + QByteArray::fromStdString(a.aux));
        }
    }

    void mitBih100TimesAndCounts()
    {
        EXECG_REQUIRE_CORPUS_FILE("wfdb-python/sample-data/100.atr");
        const auto rows = readRdann("wfdb-python/tests/target-output/ann-1");
        const auto anns = readWfdbAnnotations(test::corpusFile("wfdb-python/sample-data/100.atr"), 360.0, "atr");
        QCOMPARE(int(anns.size()), 2274);
        for (int i = 0; i < rows.size(); ++i)   // rdann prints milliseconds
            QVERIFY(std::abs(anns[size_t(i)].timeSeconds - elapsedSeconds(rows[i].time)) <= 0.0005 + 1e-9);
        QCOMPARE(QString::fromStdString(anns[0].code), QString("+"));
        QCOMPARE(QString::fromStdString(anns[0].text), QString("(N"));
        QCOMPARE(anns[0].sample, qint64(18));
        QCOMPARE(anns[0].timeSeconds, 0.05);
        QCOMPARE(QString::fromStdString(anns[0].source), QString("atr"));
        int normal = 0, atrial = 0, ventricular = 0;
        for (const auto& a : anns) {
            normal += a.code == "N";
            atrial += a.code == "A";
            ventricular += a.code == "V";
        }
        QCOMPARE(normal, 2239);   // MIT-BIH 100: 2239 N, 33 A, 1 V, 1 rhythm label
        QCOMPARE(atrial, 33);
        QCOMPARE(ventricular, 1);
        QCOMPARE(anns.back().sample, qint64(649991));
    }

    void tiltTableTimesOfDay()
    {
        // ann-2 prints times of day: base time 15:08:24 (12726.hea) plus sample / 250 Hz.
        EXECG_REQUIRE_CORPUS_FILE("wfdb-python/sample-data/12726.anI");
        const auto rows = readRdann("wfdb-python/tests/target-output/ann-2");
        const auto anns = readWfdbAnnotations(test::corpusFile("wfdb-python/sample-data/12726.anI"), 250.0, "anI");
        QCOMPARE(int(anns.size()), 22);
        const double base = 15 * 3600 + 8 * 60 + 24;
        for (int i = 0; i < rows.size(); ++i) {
            const double printed = elapsedSeconds(rows[i].time.mid(1, rows[i].time.size() - 2));
            QVERIFY(std::abs(base + anns[size_t(i)].timeSeconds - printed) <= 0.0005 + 1e-9);
            QCOMPARE(QString::fromStdString(anns[size_t(i)].code), QString("\""));
            QCOMPARE(anns[size_t(i)].channel, 255);
        }
        QCOMPARE(QString::fromStdString(anns[0].text), QString("Initiate slow tilt up"));
        QCOMPARE(anns[0].sample, qint64(87240));   // reached through a SKIP (more than 1023 frames)
    }

    void modificationLabelsDefineMnemonics()
    {
        EXECG_REQUIRE_CORPUS_FILE("wfdb-python/sample-data/1003.atr");
        const auto file = decodeCorpus("wfdb-python/sample-data/1003.atr");
        QCOMPARE(QString::fromStdString(file.mnemonic(15)), QString("c"));
        QCOMPARE(QString::fromStdString(file.descriptions.at(15)), QString("calibration pulse"));
        QCOMPARE(QString::fromStdString(file.mnemonic(1)), QString("N"));
        QCOMPARE(file.annotations.front().sample, qint64(73));
        QCOMPARE(file.annotations.back().sample, qint64(215855));
    }

    void wfdbC100s()
    {
        // wfdb-c checkpkg: the first minute of MIT-BIH 100, equal to ann-1 up to sample 21600.
        EXECG_REQUIRE_CORPUS_FILE("wfdb-c/data/100s.atr");
        const auto anns = readWfdbAnnotations(test::corpusFile("wfdb-c/data/100s.atr"), 360.0, "atr");
        QCOMPARE(int(anns.size()), 75);
        int beats = 0;
        for (const auto& a : anns)
            beats += a.code != "+";
        QCOMPARE(beats, 74);
        const qint64 first[] = {18, 77, 370, 662, 946, 1231};
        for (int i = 0; i < 6; ++i)
            QCOMPARE(anns[size_t(i)].sample, first[i]);
        QCOMPARE(anns.back().sample, qint64(21423));
        const auto rows = readRdann("wfdb-python/tests/target-output/ann-1");
        for (int i = 0; i < 75 && i < rows.size(); ++i) {
            QCOMPARE(anns[size_t(i)].sample, rows[i].sample);
            QCOMPARE(QString::fromStdString(anns[size_t(i)].code), rows[i].mnemonic);
        }
    }

    void largeSkipsReachTenBillion()
    {
        // huge.qrs: four SKIPs of 2^31-1 and one more reach sample 10^10, beyond 32-bit sample numbers.
        EXECG_REQUIRE_CORPUS_FILE("wfdb-python/sample-data/huge.qrs");
        const auto file = decodeCorpus("wfdb-python/sample-data/huge.qrs");
        QCOMPARE(int(file.annotations.size()), 1);
        QCOMPARE(file.annotations[0].sample, qint64(10000000000));
        QCOMPARE(QString::fromStdString(file.mnemonic(file.annotations[0].code)), QString("N"));
    }

    void otherAnnotatorsDecode_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("minimum");
        QTest::newRow("100.qrs (gqrs)") << "wfdb-python/sample-data/100.qrs" << 2000;
        QTest::newRow("12726.wqrs") << "wfdb-python/sample-data/12726.wqrs" << 2000;
        QTest::newRow("12726.wabp") << "wfdb-python/sample-data/12726.wabp" << 2000;
    }
    void otherAnnotatorsDecode()
    {
        QFETCH(QString, file);
        QFETCH(int, minimum);
        EXECG_REQUIRE_CORPUS_FILE(file);
        const auto decoded = decodeCorpus(file);
        QVERIFY(int(decoded.annotations.size()) >= minimum);
        for (size_t i = 1; i < decoded.annotations.size(); ++i)
            QVERIFY(decoded.annotations[i].sample >= decoded.annotations[i - 1].sample);
    }
};

QTEST_GUILESS_MAIN(TestWfdbAnnotationsCorpus)
#include "test_wfdb_annotations_corpus.moc"
