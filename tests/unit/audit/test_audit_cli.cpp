// The audit trail through the real execg-cli: explain appends an entry (its results document's SHA-256, the method
// with its parameters), EXECG_AUDIT=off appends none, audit verify says the chain is whole (exit 0) and, once an
// entry is edited behind its back, names it (exit 1).
#include "audit/AuditLog.h"
#include "model/Sha256.h"

#include "CliRunner.h"

#include <QDateTime>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace execg;

namespace {

int run(const QStringList& args, const QString& log, QString* out, bool audit = true)
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("EXECG_AUDIT_LOG"), log);
    if (!audit)
        env.insert(QStringLiteral("EXECG_AUDIT"), QStringLiteral("off"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(EXECG_CLI_PATH), args);
    p.waitForFinished(300000);
    *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitCode();
}

} // namespace

class TestAuditCli : public QObject {
    Q_OBJECT
private slots:
    void explainIsRecordedAndVerified()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("audit.sqlite")), out1 = dir.filePath(QStringLiteral("one"));
        const QString demo = QStringLiteral(EXECG_SOURCE_DIR "/resources/demo/demo_hyperkalaemia.hea");
        const QString model = QStringLiteral(EXECG_SOURCE_DIR "/resources/models/potassium.pt");
        QString out;
        QCOMPARE(run({"explain", "--model", model, "--method", "saliency", demo, "--out", out1}, log, &out), 0);
        QCOMPARE(run({"explain", "--model", model, "--method", "saliency", demo, "--out", dir.filePath(QStringLiteral("two"))}, log, &out,
                     false),
                 0);
        const auto entries = AuditLog(log.toStdString()).entries();
        QCOMPARE(entries.size(), std::size_t(1));   // the second run had the trail off
        QCOMPARE(entries[0].program, std::string("execg-cli explain"));
        QCOMPARE(entries[0].resultsSha256, sha256OfFile((out1 + "/summary.json").toStdString()));
        QCOMPARE(entries[0].inputSha256, sha256OfFile(demo.toStdString()));
        QVERIFY(entries[0].methods.find("\"method\":\"saliency\"") != std::string::npos);
        QCOMPARE(run({"audit", "verify", "--log", log}, log, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("1 entries; the chain is whole")), qPrintable(out));

        // list's filters: by case, by model (path or SHA-256), by UTC date.
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        QCOMPARE(run({"audit", "list", "--log", log, "--case", "HYPERKALAEMIA", "--model", "potassium.pt", "--since", today}, log, &out), 0);
        QVERIFY2(out.startsWith(QStringLiteral("1  ")) && out.contains(QStringLiteral("demo_hyperkalaemia.hea")), qPrintable(out));
        QCOMPARE(run({"audit", "list", "--log", log, "--model", QString::fromStdString(entries[0].modelSha256.substr(0, 10))}, log, &out), 0);
        QVERIFY2(out.startsWith(QStringLiteral("1  ")), qPrintable(out));
        QCOMPARE(run({"audit", "list", "--log", log, "--case", "P0042"}, log, &out), 0);
        QVERIFY2(out.isEmpty(), qPrintable(out));
        QCOMPARE(run({"audit", "list", "--log", log, "--until", QDateTime::currentDateTimeUtc().date().addDays(-1).toString(Qt::ISODate)},
                     log, &out),
                 0);
        QVERIFY2(out.isEmpty(), qPrintable(out));
        QCOMPARE(run({"audit", "list", "--log", log, "--since", "yesterday"}, log, &out), 2);
        QVERIFY2(out.contains(QStringLiteral("'yesterday' is not a date (YYYY-MM-DD)")), qPrintable(out));

        sqlite3* db = nullptr;
        sqlite3_open(log.toStdString().c_str(), &db);
        sqlite3_exec(db, "DROP TRIGGER entries_no_update; UPDATE entries SET input = input || ' ' WHERE seq = 1;", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        QCOMPARE(run({"audit", "verify", "--log", log}, log, &out), 1);
        QVERIFY2(out.contains(QStringLiteral("entry 1: edited")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestAuditCli)
#include "test_audit_cli.moc"
