// `execg-cli cohort run` and `merge` on a synthetic cohort, through the real executable: bad files are stored with
// their reasons and the run goes on; a cohort of only bad files ends non-zero with a summary; a run killed (SIGKILL)
// three times at random points and then finished holds every record exactly once with the same numbers as an
// uninterrupted run; two shards merged equal the one-machine run; a store of another analysis is refused.
#include "cohort/CohortStore.h"

#include "CliRunner.h"
#include "CohortStoreDiff.h"
#include "TestFiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

using namespace execg;
using namespace execg::test;

namespace {

const QString kModel = QStringLiteral(EXECG_SOURCE_DIR "/resources/models/potassium.pt");

// The mean share of each method's evidence in the T waves over the analysed records: the kind of aggregate a
// report states.
std::map<std::string, double> meanTShare(const std::map<std::string, CohortRecord>& records)
{
    std::map<std::string, double> sum;
    std::map<std::string, int> n;
    for (const auto& [input, r] : records)
        for (const auto& m : r.methods)
            for (const auto& s : m.shares)
                if (s.lead.empty() && s.wave == "t") {
                    sum[m.method] += s.share;
                    ++n[m.method];
                }
    for (auto& [method, v] : sum)
        v /= n[method];
    return sum;
}

} // namespace

class TestCohortCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString cohort_, bad_;
    QStringList methods_{"--method", "integrated-gradients", "--method", "grad-cam", "--method", "occlusion"};

    QString path(const QString& name) const { return dir_.filePath(name); }

    int run(const QStringList& args, QString* out = nullptr)
    {
        return test::runCli(QStringList{"cohort"} + args, out);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        cohort_ = path(QStringLiteral("cohort"));
        // 20 synthetic ECGs: 10 normokalaemic, 10 hyperkalaemic.
        QString out;
        QCOMPARE(test::runCli({"synth", "--out", cohort_, "--k", "4.0", "--count", "10", "--seed", "10", "--seconds", "10"}, &out), 0);
        QCOMPARE(test::runCli({"synth", "--out", cohort_, "--k", "7.5", "--count", "10", "--seed", "20", "--seconds", "10"}, &out), 0);
        bad_ = path(QStringLiteral("bad"));
        QDir().mkpath(bad_);
        const std::string b = bad_.toStdString(), c = cohort_.toStdString();
        // A truncated signal file, a header that is not one, and a DICOM file that is text.
        std::filesystem::copy_file(c + "/synth_0010_000.hea", b + "/truncated.hea");
        test::writeFile(b + "/truncated.hea", [&] {
            std::string h = test::readFile(b + "/truncated.hea");
            for (std::size_t at; (at = h.find("synth_0010_000")) != std::string::npos;)
                h.replace(at, 14, "truncated");
            return h;
        }());
        test::writeFile(b + "/truncated.dat", test::readFile(c + "/synth_0010_000.dat").substr(0, 1000));
        test::writeFile(b + "/notes.hea", "these are my notes, not a header\n");
        test::writeFile(b + "/scan.dcm", "not DICOM either");
        // Wrong units: the same signals, their header saying degC.
        std::string header = test::readFile(c + "/synth_0010_000.hea");
        for (std::size_t at; (at = header.find("synth_0010_000")) != std::string::npos;)
            header.replace(at, 14, "units");
        for (std::size_t at; (at = header.find("/mV")) != std::string::npos;)
            header.replace(at, 3, "/degC");
        test::writeFile(b + "/units.hea", header);
        std::filesystem::copy_file(c + "/synth_0010_000.dat", b + "/units.dat");
        // A lead missing: lead I alone, for a 12-lead model.
        const std::string all = test::readFile(c + "/synth_0010_000.dat");
        std::string leadI;
        for (std::size_t at = 0; at + 24 <= all.size(); at += 24)   // 12 interleaved 16-bit samples a frame
            leadI += all.substr(at, 2);
        test::writeFile(b + "/onelead.dat", leadI);
        // The record line keeps its rate and length ("NAME 12 500 5000" → "onelead 1 500 5000"); the first signal line
        // (lead I) names the new file.
        std::istringstream lines(test::readFile(c + "/synth_0010_000.hea"));
        std::string recordLine, signalLine, name, leadCount, rate, samples;
        std::getline(lines, recordLine);
        std::getline(lines, signalLine);
        std::istringstream(recordLine) >> name >> leadCount >> rate >> samples;
        test::writeFile(b + "/onelead.hea", "onelead 1 " + rate + " " + samples + "\n" + "onelead.dat" +
                                                signalLine.substr(signalLine.find(' ')) + "\n");
    }

    void badFilesAreStoredWithTheirReasons()
    {
        QString out;
        const QString store = path(QStringLiteral("mixed.sqlite"));
        QCOMPARE(run({"run", "--model", kModel, "--db", store, "--method", "saliency", "--threads", "2", bad_,
                      cohort_ + "/synth_0010_000.hea"}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("1 analysed, 5 failed")), qPrintable(out));
        const auto records = recordsOf(store);
        QCOMPARE(records.size(), std::size_t(6));
        for (const auto& [input, r] : records) {
            const bool bad = input.find("/bad/") != std::string::npos;
            QVERIFY2(bad == !r.error.empty(), input.c_str());
            if (bad) {
                QVERIFY2(r.error.find(input) != std::string::npos, r.error.c_str());   // the reason names the file
                QVERIFY2(out.contains(QString::fromStdString(r.error)), qPrintable(out));
            }
        }
        const auto reason = [&](const char* file) { return records.at(bad_.toStdString() + "/" + file).error; };
        QVERIFY2(reason("truncated.hea").find("holds 0.") != std::string::npos, reason("truncated.hea").c_str());
        QVERIFY2(reason("units.hea").find("not a voltage") != std::string::npos, reason("units.hea").c_str());
        QVERIFY2(reason("onelead.hea").find("needs lead II") != std::string::npos, reason("onelead.hea").c_str());
    }

    void onlyBadFilesEndNonZero()
    {
        QString out;
        QCOMPARE(run({"run", "--model", kModel, "--db", path(QStringLiteral("bad.sqlite")), "--method", "saliency", bad_}, &out), 1);
        QVERIFY2(out.contains(QStringLiteral("0 analysed, 5 failed")) && out.contains(QStringLiteral("every record failed")), qPrintable(out));
        // Nothing to analyse, or a path that is not there: a usage error, and no store.
        QDir().mkpath(path(QStringLiteral("empty-folder")));
        QCOMPARE(run({"run", "--model", kModel, "--db", path(QStringLiteral("none.sqlite")), path(QStringLiteral("empty-folder"))}, &out), 2);
        QVERIFY2(out.contains(QStringLiteral("no recordings found")), qPrintable(out));
        QCOMPARE(run({"run", "--model", kModel, "--db", path(QStringLiteral("none.sqlite")), path(QStringLiteral("typo"))}, &out), 2);
        QVERIFY2(out.contains(QStringLiteral("typo: no such file or folder")), qPrintable(out));
        QVERIFY(!QFile::exists(path(QStringLiteral("none.sqlite"))));
    }

    void killedThreeTimesThenFinishedEqualsOneRun()
    {
        const QString once = path(QStringLiteral("once.sqlite")), resumed = path(QStringLiteral("resumed.sqlite"));
        QString out;
        const QStringList common = QStringList{"run", "--model", kModel, "--threads", "2"} + methods_ + QStringList{cohort_};
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(run(common + QStringList{"--db", once}, &out), 0);
        const qint64 wholeMs = clock.elapsed();
        QVERIFY2(out.contains(QStringLiteral("20 analysed, 0 failed")), qPrintable(out));

        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        // Read while a run writes (WAL lets it); a store still being created reads as empty.
        const auto stored = [&] {
            try {
                return CohortStore::openToRead(resumed.toStdString()).counts().records;
            } catch (const CohortStoreError&) {
                return 0;
            }
        };
        const qint64 perRecordMs = std::max<qint64>(20, wholeMs / 20);
        int killedWith = 0;
        for (int k = 0; k < 3; ++k) {
            QProcess p;
            p.start(QStringLiteral(EXECG_CLI_PATH), QStringList{"cohort"} + common + QStringList{"--db", resumed});
            QVERIFY(p.waitForStarted());
            if (k == 0) {
                // Anywhere from loading the model to the first records.
                QTest::qWait(int(random.bounded(qint64(50), 10 * perRecordMs)));
            } else {
                // Once this run has stored a record, at a random point of the records after it: inside a record's
                // analysis or its transaction.
                const int before = killedWith;
                QElapsedTimer waited;
                waited.start();
                while (stored() <= before && p.state() != QProcess::NotRunning && waited.elapsed() < 60000)
                    QTest::qWait(5);
                QTest::qWait(int(random.bounded(qint64(0), 3 * perRecordMs)));
            }
            p.kill();   // SIGKILL: no handler runs, whatever was half-written stays half-written
            p.waitForFinished();
            killedWith = stored();
            qInfo("kill %d (seed %u, %lld ms a record): %d records stored", k + 1, seed, perRecordMs, killedWith);
        }
        QVERIFY2(killedWith < 20, "the runs ended before the kills: the test proved nothing");
        QCOMPARE(run(common + QStringList{"--db", resumed}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("already in the store")) || killedWith == 0, qPrintable(out));
        const auto a = recordsOf(once), b = recordsOf(resumed);
        const QString diff = difference(a, b);
        QVERIFY2(diff.isEmpty(), qPrintable(diff + QStringLiteral(" (seed %1)").arg(seed)));
        const auto ta = meanTShare(a), tb = meanTShare(b);
        QCOMPARE(ta.size(), std::size_t(3));
        for (const auto& [method, share] : ta)
            QVERIFY(sameNumber(share, tb.at(method)));
        // Run again: nothing to do, nothing added.
        QCOMPARE(run(common + QStringList{"--db", resumed}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("0 analysed, 0 failed")) && out.contains(QStringLiteral("20 already in the store")), qPrintable(out));
    }

    void shardsMergedEqualOneRun()
    {
        QString out;
        const QStringList common = QStringList{"run", "--model", kModel, "--threads", "2"} + methods_ + QStringList{cohort_};
        for (const char* shard : {"1/2", "2/2"})
            QCOMPARE(run(common + QStringList{"--shard", shard, "--db", path(QStringLiteral("shard-%1.sqlite").arg(shard[0]))}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("shard 2/2: 10")), qPrintable(out));
        QCOMPARE(run({"merge", "--db", path(QStringLiteral("merged.sqlite")), path(QStringLiteral("shard-1.sqlite")),
                      path(QStringLiteral("shard-2.sqlite"))}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("20 records copied from 2 stores")), qPrintable(out));
        const QString diff = difference(recordsOf(path(QStringLiteral("once.sqlite"))), recordsOf(path(QStringLiteral("merged.sqlite"))));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // Merging a shard again adds nothing.
        QCOMPARE(run({"merge", "--db", path(QStringLiteral("merged.sqlite")), path(QStringLiteral("shard-1.sqlite"))}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("0 records copied")) && out.contains(QStringLiteral("10 already in")), qPrintable(out));
    }

    void anotherAnalysisIsRefused()
    {
        QString out;
        const QString other = path(QStringLiteral("other.sqlite"));
        QCOMPARE(run({"run", "--model", kModel, "--db", other, "--method", "saliency", cohort_ + "/synth_0010_000.hea"}, &out), 0);
        // The same store, other methods: refused, nothing written.
        QCOMPARE(run({"run", "--model", kModel, "--db", other, "--method", "grad-cam", cohort_}, &out), 1);
        QVERIFY2(out.contains(QStringLiteral("other methods")), qPrintable(out));
        QCOMPARE(CohortStore::openToRead(other.toStdString()).counts().records, 1);
        QCOMPARE(run({"merge", "--db", path(QStringLiteral("merged.sqlite")), other}, &out), 1);
        QVERIFY2(out.contains(QStringLiteral("cannot be merged")) && out.contains(QStringLiteral("other methods")), qPrintable(out));
    }

    // The report's concept tests draw random ECGs from --tcav-random-pool: a folder of files against a built-in
    // (generated) concept is told apart by origin alone, and the report says so rather than report a finding.
    void conceptTestsTakeARandomPoolFolder()
    {
        QString out;
        const QString reportDir = path(QStringLiteral("tcav-pool-report"));
        QCOMPARE(run({"report", "--db", path(QStringLiteral("once.sqlite")), "--out", reportDir, "--tcav", "peaked-t",
                      "--tcav-random-pool", cohort_, "--tcav-runs", "2", "--tcav-examples", "10", "--tcav-inputs", "10",
                      "--threads", "2"},
                     &out),
                 0);
        const std::string json = test::readFile((reportDir + "/cohort-report.json").toStdString());
        QVERIFY2(json.find("the ECGs of peaked-t are synthetic (generated here) and the random ECGs read from files") != std::string::npos,
                 json.substr(0, 3000).c_str());
        QVERIFY(json.find("\"significant\": true") == std::string::npos && json.find("\"significant\":true") == std::string::npos);
        QCOMPARE(run({"report", "--db", path(QStringLiteral("once.sqlite")), "--out", reportDir, "--tcav", "peaked-t",
                      "--tcav-random-pool", path(QStringLiteral("no-such-folder"))},
                     &out),
                 2);
        QVERIFY2(out.contains(QStringLiteral("no-such-folder: not a folder")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestCohortCli)
#include "test_cohort_cli.moc"
