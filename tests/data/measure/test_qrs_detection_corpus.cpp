// QRS detection scored beat by beat against the reference annotations (.atr) of the corpus records, with bxb's
// 150 ms match window over the whole record (startSeconds = 0; bxb's 5-minute learning period is also printed).
#include "Corpus.h"

#include "io/ReaderRegistry.h"
#include "measure/BeatMatching.h"
#include "measure/QrsDetector.h"

#include <QtTest>

#include <chrono>
#include <cmath>

using namespace execg;

namespace {

struct Row {
    QString record;
    int reference = 0;
    BeatMatchResult all, after5min;
    double ms = 0, meanOffsetMs = 0;
};

} // namespace

class QrsDetectionCorpusTest : public QObject {
    Q_OBJECT
    QList<Row> rows_;

private slots:
    void scoreRecord_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<double>("minimum");   // Se and +P must both reach it (0 = report only)
        QTest::newRow("MIT-BIH 100") << "wfdb-python/sample-data/100" << 0.995;
        QTest::newRow("MIT-BIH 100s (1 min)") << "wfdb-c/data/100s" << 0.995;
        QTest::newRow("MIT-BIH 100x (120 Hz)") << "wfdb-c/checkpkg/expected/100x" << 0.99;
        QTest::newRow("MIT-BIH 208") << "ecg-kit/208" << 0.98;
        QTest::newRow("SVDB 800 (128 Hz)") << "ecg-kit/800" << 0.98;
    }

    void scoreRecord()
    {
        QFETCH(QString, record);
        QFETCH(double, minimum);
        EXECG_REQUIRE_CORPUS_FILE(record + ".atr");
        const Recording rec = ReaderRegistry::instance().read(execg::test::corpusFile(record + ".hea"));
        const int g = 0;
        const auto& group = rec.groups.at(g);
        const auto reference = referenceBeats(rec, g);
        QVERIFY2(!reference.empty(), "reference annotations have beats");

        const auto t0 = std::chrono::steady_clock::now();
        const QrsDetection d = detectQrs(group);
        const auto t1 = std::chrono::steady_clock::now();
        QVERIFY2(d.problem.empty(), d.problem.c_str());

        Row row;
        row.record = record;
        row.reference = int(reference.size());
        row.ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
        row.all = matchBeats(reference, d.samples(), group.samplingRateHz);
        BeatMatchOptions late;
        late.startSeconds = 300;
        row.after5min = matchBeats(reference, d.samples(), group.samplingRateHz, late);
        double sum = 0;
        for (const auto& [r, det] : row.all.matches)
            sum += std::abs(double(det - r));
        row.meanOffsetMs = row.all.matches.empty() ? 0 : 1000.0 * sum / double(row.all.matches.size()) / group.samplingRateHz;
        rows_.append(row);

        const auto& m = row.all;
        qInfo("%s: TP %d FN %d FP %d Se %.2f %% +P %.2f %%", qPrintable(record), m.truePositives, m.falseNegatives,
              m.falsePositives, 100 * m.sensitivity, 100 * m.positivePredictivity);
        QVERIFY2(m.sensitivity >= minimum, qPrintable(QString("Se %1 < %2").arg(m.sensitivity).arg(minimum)));
        QVERIFY2(m.positivePredictivity >= minimum,
                 qPrintable(QString("+P %1 < %2").arg(m.positivePredictivity).arg(minimum)));
        // The fiducial is the R peak, where the MIT-BIH annotators put their marks.
        QVERIFY2(row.meanOffsetMs < 25, qPrintable(QString("mean |offset| %1 ms").arg(row.meanOffsetMs)));
    }

    void cleanupTestCase()
    {
        qInfo("%-34s %6s %6s %5s %5s %8s %8s | %8s %8s | %7s %6s", "record (whole, window 150 ms)", "ref", "TP",
              "FN", "FP", "Se %", "+P %", "Se>5min", "+P>5min", "|off|ms", "ms");
        for (const auto& r : rows_)
            qInfo("%-34s %6d %6d %5d %5d %8.2f %8.2f | %8.2f %8.2f | %7.1f %6.1f", qPrintable(r.record), r.reference,
                  r.all.truePositives, r.all.falseNegatives, r.all.falsePositives, 100 * r.all.sensitivity,
                  100 * r.all.positivePredictivity, 100 * r.after5min.sensitivity,
                  100 * r.after5min.positivePredictivity, r.meanOffsetMs, r.ms);
    }
};

QTEST_GUILESS_MAIN(QrsDetectionCorpusTest)
#include "test_qrs_detection_corpus.moc"
