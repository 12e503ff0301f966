// The audit trail (issue 27): entries chained by SHA-256; one byte edited, one entry removed, two reordered — each
// found and named by verify(); UPDATE and DELETE refused; 10,000 entries verified (time printed, not asserted); an
// entry for a results document carries its methods' parameters and seeds; a writer killed mid-append leaves no torn
// entry.
#include "audit/AuditLog.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace execg;

namespace {

AuditEntry entry(int k)
{
    AuditEntry e;
    e.program = "test";
    e.input = "case" + std::to_string(k) + ".hea";
    e.inputSha256 = std::string(64, 'a');
    e.model = "m.pt";
    e.modelSha256 = std::string(64, 'b');
    e.methods = R"([{"method":"saliency","parameters":{}}])";
    e.software = R"({"execg":"0.1.0"})";
    e.resultsSha256 = std::string(64, 'c');
    return e;
}

// Tampering as someone with the file would: the triggers dropped, then SQL.
void tamper(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const std::string all = "DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete; " + sql;
    char* message = nullptr;
    const int rc = sqlite3_exec(db, all.c_str(), nullptr, nullptr, &message);
    QVERIFY2(rc == SQLITE_OK, message ? message : "");
    sqlite3_close(db);
}

QString problems(const std::vector<AuditProblem>& p)
{
    QStringList out;
    for (const auto& x : p)
        out << QStringLiteral("%1: %2").arg(x.seq).arg(QString::fromStdString(x.problem));
    return out.join(QStringLiteral("; "));
}

bool matches(const AuditEntry& e, const char* caseText, const char* model, const char* from, const char* to)
{
    return AuditFilter{caseText, model, from, to}.matches(e);
}

} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    std::string fresh(const char* name, int entries)
    {
        const std::string path = dir_.filePath(name).toStdString();
        AuditLog log(path);
        for (int k = 1; k <= entries; ++k)
            log.append(entry(k));
        return path;
    }

private slots:
    void chainedAndWhole()
    {
        const std::string path = fresh("whole.sqlite", 5);
        const AuditLog log(path);
        const auto all = log.entries();
        QCOMPARE(all.size(), std::size_t(5));
        QCOMPARE(all[0].prevHash, std::string(64, '0'));
        QCOMPARE(all[3].prevHash, all[2].hash);
        QCOMPARE(all[4].seq, std::int64_t(5));
        QVERIFY(!all[0].user.empty() && !all[0].host.empty() && all[0].timeUtc.size() == 20);
        QVERIFY(log.verify().empty());
    }

    void appendOnly()
    {
        const std::string path = fresh("appendonly.sqlite", 2);
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        QVERIFY(sqlite3_exec(db, "UPDATE entries SET input = 'x'", nullptr, nullptr, nullptr) != SQLITE_OK);
        QVERIFY(sqlite3_exec(db, "DELETE FROM entries WHERE seq = 1", nullptr, nullptr, nullptr) != SQLITE_OK);
        sqlite3_close(db);
        QVERIFY(AuditLog(path).verify().empty());
    }

    void oneByteEdited()
    {
        const std::string path = fresh("edited.sqlite", 6);
        tamper(path, "UPDATE entries SET input = 'case3.heb' WHERE seq = 3;");
        const auto p = AuditLog(path).verify();
        QCOMPARE(p.size(), std::size_t(1));
        QCOMPARE(p[0].seq, std::int64_t(3));
        QVERIFY2(p[0].problem.find("edited") == 0, qPrintable(problems(p)));
    }

    void oneRemoved()
    {
        const std::string path = fresh("removed.sqlite", 6);
        tamper(path, "DELETE FROM entries WHERE seq = 4;");
        const auto p = AuditLog(path).verify();
        QCOMPARE(p.size(), std::size_t(1));
        QCOMPARE(p[0].seq, std::int64_t(5));
        QVERIFY2(p[0].problem.find("removed: entry 4") == 0, qPrintable(problems(p)));
    }

    void twoReordered()
    {
        const std::string path = fresh("reordered.sqlite", 6);
        tamper(path, "UPDATE entries SET seq = 100 WHERE seq = 2; UPDATE entries SET seq = 2 WHERE seq = 3; "
                     "UPDATE entries SET seq = 3 WHERE seq = 100;");
        const auto p = AuditLog(path).verify();
        QVERIFY2(!p.empty(), "a reordering went unseen");
        for (const auto& x : p)
            QVERIFY2(x.problem.find("out of place") == 0, qPrintable(problems(p)));
        QCOMPARE(p.front().seq, std::int64_t(2));
    }

    void survivesAKilledProcess()
    {
        // A child appends as fast as it can and is killed (SIGKILL: no handler, no clean close) mid-stream; the log
        // then holds only whole entries, its chain verifies, and appending goes on from where it stopped.
        const std::string path = dir_.filePath("killed.sqlite").toStdString();
        AuditLog(path).append(entry(0));
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            AuditLog log(path);
            for (int k = 1;; ++k)
                log.append(entry(k));
        }
        QTest::qWait(400);
        QCOMPARE(kill(child, SIGKILL), 0);
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status));
        AuditLog log(path);
        const auto before = log.entries();
        qInfo("%zu entries when the writer was killed", before.size());
        QVERIFY(before.size() > 1);
        QVERIFY2(log.verify().empty(), qPrintable(problems(log.verify())));
        const AuditEntry next = log.append(entry(99));
        QCOMPARE(next.seq, before.back().seq + 1);
        QCOMPARE(next.prevHash, before.back().hash);
        QVERIFY(log.verify().empty());
    }

    void tenThousandEntries()
    {
        const std::string path = dir_.filePath("large.sqlite").toStdString();
        {
            AuditLog log(path);
            for (int k = 1; k <= 10000; ++k)
                log.append(entry(k));
        }
        QElapsedTimer t;
        t.start();
        const auto p = AuditLog(path).verify();
        qInfo("10,000 entries verified in %lld ms", t.elapsed());   // a figure, not a pass/fail time
        QVERIFY(p.empty());
    }

    void appendOnceCitesTheSameDocument()
    {
        const std::string path = fresh("once.sqlite", 2);
        AuditLog log(path);
        AuditEntry e = entry(9);
        e.resultsSha256 = std::string(64, 'd');
        const AuditEntry first = log.appendOnce(e);
        QCOMPARE(first.seq, std::int64_t(3));
        QCOMPARE(log.appendOnce(e).seq, std::int64_t(3));   // the same document by the same program: its entry
        QCOMPARE(log.appendOnce(e).hash, first.hash);
        e.program = "other";
        QCOMPARE(log.appendOnce(e).seq, std::int64_t(4));   // another program's run is its own entry
        e.resultsSha256 = std::string(64, 'f');
        QCOMPARE(log.appendOnce(e).seq, std::int64_t(5));
        QCOMPARE(log.append(e).seq, std::int64_t(6));       // append() always appends
        QVERIFY(log.verify().empty());
    }

    void filterByCaseModelAndDate()
    {
        AuditEntry e = entry(1);
        e.input = "/data/Patients/P0042.hea";
        e.inputSha256 = "ab12cd";
        e.model = "/models/af-cinc2017.pt";
        e.modelSha256 = "ffee00";
        e.timeUtc = "2026-12-06T08:00:00Z";
        QVERIFY(matches(e, "", "", "", ""));
        QVERIFY(matches(e, "p0042", "", "", ""));        // part of the path, any case
        QVERIFY(matches(e, "AB12", "", "", ""));         // the start of the SHA-256
        QVERIFY(!matches(e, "12cd", "", "", ""));        // not the middle of a hash
        QVERIFY(!matches(e, "P0043", "", "", ""));
        QVERIFY(matches(e, "", "cinc2017", "", ""));
        QVERIFY(matches(e, "", "ffe", "", ""));
        QVERIFY(!matches(e, "", "potassium", "", ""));
        QVERIFY(matches(e, "", "", "2026-12-06", "2026-12-06"));   // inclusive at both ends
        QVERIFY(!matches(e, "", "", "2026-12-07", ""));
        QVERIFY(!matches(e, "", "", "", "2026-12-05"));
    }

    void entryForAResultsDocument()
    {
        ResultsDocument d;
        d.recording.file = "demo.hea";
        d.recording.sha256 = "11";
        d.model = {"potassium", "1.0", "potassium.pt", "22", ""};
        d.software = {{"execg", "0.1.0"}};
        auto e = std::make_shared<Explanation>();
        e->parameters = {{"samples", "50"}};
        e->seed = 7;
        MethodResult m = attributionResult("smoothgrad", e);
        m.stochastic = true;
        d.methods.push_back(m);
        const AuditEntry a = auditEntryFor(d, "execg-cli explain", "33");
        QCOMPARE(a.input, std::string("demo.hea"));
        QCOMPARE(a.modelSha256, std::string("22"));
        QCOMPARE(a.methods, std::string(R"([{"method":"smoothgrad","parameters":{"samples":"50"},"seed":7}])"));
        QCOMPARE(a.software, std::string(R"({"execg":"0.1.0"})"));
    }
};

QTEST_APPLESS_MAIN(TestAuditLog)
#include "test_audit_log.moc"
