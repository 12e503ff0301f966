// The workstation's audit trail (issue 27): when the chosen methods have all finished on a case, its results
// document goes into the audit log once, with the document's SHA-256 and the program "execg-studio"; the same
// analysis settling again adds nothing; the setting audit/enabled off records nothing.
#include "analysis/ResultsJson.h"
#include "audit/AuditLog.h"
#include "model/Sha256.h"
#include "model/torch/TorchModel.h"
#include "render/PdfReport.h"
#include "workbench/Settings.h"
#include "workbench/Workbench.h"
#include "workbench/WorkbenchAudit.h"

#include "PdfText.h"
#include "WorkbenchSettled.h"

#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace execg;
using execg::test::pdfText;


class TestWorkbenchAudit : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ExECG-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_workbench_audit"));
        QSettings().clear();
        configureTorchThreads(2);
        qputenv("EXECG_AUDIT_LOG", dir_.filePath(QStringLiteral("audit.sqlite")).toUtf8());
    }

    void aFinishedAnalysisIsRecordedOnce()
    {
        Workbench wb;
        WorkbenchAudit audit(wb);
        QSignalSpy recorded(&audit, &WorkbenchAudit::recorded);
        wb.setMethods({{"saliency", {}}});
        wb.openPaths({QStringLiteral(EXECG_SOURCE_DIR "/resources/demo/demo_hyperkalaemia.hea")});
        QTRY_VERIFY_WITH_TIMEOUT(wb.prediction() && test::allSettled(wb), test::kLong);
        QVERIFY(recorded.wait(20000) || recorded.count() == 1);
        QCOMPARE(recorded.count(), 1);
        const auto entries = AuditLog(AuditLog::defaultPath()).entries();
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries[0].program, std::string("execg-studio"));
        const std::string text = resultsText(*wb.resultsDocument());
        QCOMPARE(entries[0].resultsSha256, sha256Hex(std::vector<std::uint8_t>(text.begin(), text.end())));
        QVERIFY(entries[0].methods.find("saliency") != std::string::npos);

        // A report of that analysis cites its entry, and adds none.
        QSignalSpy exported(&wb, &Workbench::exported);
        const QString pdf = dir_.filePath(QStringLiteral("case.pdf"));
        wb.exportReport(pdf, ReportContent{}, QStringLiteral("Saliency"));
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.at(0).at(1).toString(), QString());
        QCOMPARE(AuditLog(AuditLog::defaultPath()).entries().size(), std::size_t(1));
        const QString cited = pdfText(pdf);
        QVERIFY2(cited.contains(QStringLiteral("Audit trail")) &&
                     cited.contains(QStringLiteral("1 of %1").arg(QString::fromStdString(AuditLog::defaultPath()))) &&
                     cited.contains(QString::fromStdString(entries[0].hash.substr(0, 32))),
                 qPrintable(cited));

        // The same analysis again (the methods re-run from the cache): no second entry.
        wb.setMethods({{"saliency", {}}});
        wb.runExplanations();
        QTRY_VERIFY_WITH_TIMEOUT(test::allSettled(wb), test::kLong);
        QTest::qWait(300);
        QCOMPARE(AuditLog(AuditLog::defaultPath()).entries().size(), std::size_t(1));

        // Off: another method's run is not recorded.
        Settings().setValue(setting::auditEnabled, false);
        wb.setMethods({{"integrated-gradients", {}}});
        wb.runExplanations();
        QTRY_VERIFY_WITH_TIMEOUT(test::allSettled(wb), test::kLong);
        QTest::qWait(300);
        QCOMPARE(AuditLog(AuditLog::defaultPath()).entries().size(), std::size_t(1));
        // Off, a report says its analysis is not in the trail.
        exported.clear();
        wb.exportReport(pdf, ReportContent{}, QStringLiteral("Saliency"));
        QVERIFY(exported.wait(60000));
        QVERIFY2(pdfText(pdf).contains(QStringLiteral("not in the audit log: the audit log is switched off")), qPrintable(pdfText(pdf)));
        Settings().setValue(setting::auditEnabled, true);
        QVERIFY(AuditLog(AuditLog::defaultPath()).verify().empty());
    }
};

QTEST_MAIN(TestWorkbenchAudit)
#include "test_workbench_audit.moc"
