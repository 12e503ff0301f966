// The audit log viewer (issue 27): a log of four analyses (two recordings, two models) is read and verified off the
// GUI thread; the case, model and date filters each pick the rows they should; the selected entry is shown in full;
// an entry edited behind the log's back is shaded and named after "Verify again"; a missing log is a message.
// EXECG_SCREENSHOTS=DIR writes the window as docs/screenshots shows it.
#include "audit/AuditLog.h"
#include "widgets/AuditLogView.h"
#include "workbench/AuditLogModel.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace execg;

namespace {

AuditEntry analysis(const std::string& input, const std::string& model, int seed)
{
    AuditEntry e;
    e.program = seed % 2 ? "execg-studio" : "execg-cli report";
    e.input = input;
    e.inputSha256 = input.find("P0042") != std::string::npos ? std::string(64, 'a') : std::string(64, 'b');
    e.model = model;
    e.modelSha256 = model.find("af-") != std::string::npos ? std::string(64, 'c') : std::string(64, 'd');
    e.methods = R"([{"method":"saliency","parameters":{"abs":"false"}},{"method":"smoothgrad","parameters":{"samples":"50"},"seed":)" +
                std::to_string(seed) + "}]";
    e.software = R"({"execg":"0.1.0","libtorch":"1.13.1","dcmtk":"3.6.7"})";
    e.resultsSha256 = std::string(63, 'e') + char('0' + seed);
    return e;
}

int chainColumnProblems(const AuditLogModel& m)
{
    int n = 0;
    for (int r = 0; r < m.rowCount(); ++r)
        n += m.index(r, AuditLogModel::Chain).data().toString().startsWith(QString::fromUtf8("⚠"));
    return n;
}

} // namespace

class TestAuditView : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString log_;

private slots:
    void initTestCase()
    {
        log_ = dir_.filePath(QStringLiteral("audit.sqlite"));
        AuditLog log(log_.toStdString());
        log.append(analysis("/data/ward/P0042.hea", "/opt/models/af-cinc2017.pt", 1));
        log.append(analysis("/data/ward/P0042.hea", "/opt/models/potassium.pt", 2));
        log.append(analysis("/data/ward/P0107.xml", "/opt/models/af-cinc2017.pt", 3));
        log.append(analysis("/data/ward/P0107.xml", "/opt/models/potassium.pt", 4));
    }

    void readsVerifiesAndFilters()
    {
        AuditLogView view;
        view.resize(1200, 600);
        view.show();
        view.open(log_);
        AuditLogModel& model = view.model();
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), 10000);
        QCOMPARE(model.rowCount(), 4);
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("4 of 4 entries")), qPrintable(view.statusLabel()->text()));
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("the chain is whole")), qPrintable(view.statusLabel()->text()));
        QCOMPARE(chainColumnProblems(model), 0);
        QCOMPARE(model.index(0, AuditLogModel::Recording).data().toString(), QStringLiteral("P0042.hea"));
        QCOMPARE(model.index(2, AuditLogModel::Methods).data().toString(), QStringLiteral("saliency, smoothgrad (seed 3)"));
        // The model filter offers each model once, by file name.
        QCOMPARE(view.modelFilter()->count(), 3);   // any, af-cinc2017.pt, potassium.pt

        view.caseFilter()->setText(QStringLiteral("p0107"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.entryAt(0).seq, std::int64_t(3));
        view.modelFilter()->setCurrentText(QStringLiteral("potassium.pt"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.entryAt(0).seq, std::int64_t(4));
        QVERIFY(view.statusLabel()->text().contains(QStringLiteral("1 of 4 entries")));
        view.caseFilter()->setText(QString::fromStdString(std::string(8, 'a')));   // the start of P0042's SHA-256
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.entryAt(0).seq, std::int64_t(2));
        view.caseFilter()->clear();
        view.modelFilter()->setCurrentText(QString());
        QCOMPARE(model.rowCount(), 4);

        // Dates: every entry was made today (UTC).
        const QDate today = QDateTime::currentDateTimeUtc().date();
        view.fromDate()->setDate(today.addDays(1));
        QCOMPARE(model.rowCount(), 0);
        view.fromDate()->setDate(today);
        QCOMPARE(model.rowCount(), 4);
        view.toDate()->setDate(today.addDays(-1));
        QCOMPARE(model.rowCount(), 0);
        view.fromDate()->setDate(view.fromDate()->minimumDate());   // "any"
        view.toDate()->setDate(today);
        QCOMPARE(model.rowCount(), 4);

        // The selected entry in full.
        view.table()->selectRow(1);
        const QString details = view.details()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("Entry 2")) && details.contains(QStringLiteral("/opt/models/potassium.pt")) &&
                     details.contains(QStringLiteral("\"seed\": 2")) && details.contains(QStringLiteral("libtorch")),
                 qPrintable(details));
        if (const QByteArray shots = qgetenv("EXECG_SCREENSHOTS"); !shots.isEmpty()) {
            view.caseFilter()->setText(QStringLiteral("P0042"));
            view.table()->selectRow(1);
            QApplication::processEvents();
            QVERIFY(view.grab().save(QString::fromUtf8(shots) + QStringLiteral("/gui-audit-viewer.png")));
            view.caseFilter()->clear();
        }

        // Edited behind the log's back: after "Verify again", entry 3 is shaded and named; the rest stay whole.
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(log_.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "DROP TRIGGER entries_no_update; UPDATE entries SET input = '/data/ward/P0108.xml' WHERE seq = 3;",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        view.open(log_);
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), 10000);
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("1 problem")), qPrintable(view.statusLabel()->text()));
        QCOMPARE(chainColumnProblems(model), 1);
        QVERIFY(model.index(2, AuditLogModel::Chain).data().toString().contains(QStringLiteral("edited")));
        QVERIFY(model.index(2, AuditLogModel::Seq).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(1, AuditLogModel::Seq).data(Qt::BackgroundRole).isValid());
        if (const QByteArray shots = qgetenv("EXECG_SCREENSHOTS"); !shots.isEmpty())
            QVERIFY(view.grab().save(QString::fromUtf8(shots) + QStringLiteral("/gui-audit-viewer-tampered.png")));
    }

    void aMissingLogIsAMessage()
    {
        AuditLogView view;
        view.open(dir_.filePath(QStringLiteral("none/audit.sqlite")));
        QTRY_VERIFY_WITH_TIMEOUT(!view.model().loading(), 10000);
        QCOMPARE(view.model().rowCount(), 0);
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("there is no audit log yet")), qPrintable(view.statusLabel()->text()));
        QVERIFY(!QFileInfo::exists(dir_.filePath(QStringLiteral("none"))));   // reading creates nothing
    }
};

QTEST_MAIN(TestAuditView)
#include "test_audit_view.moc"
