// The Cohort window: a folder analysed with the workstation's model off the GUI thread (progress, then the report),
// a bad file counted with the failures; the figures, headlines and the record table shown; a click on a point and a
// double click on a row open that record — in the workstation itself through MainWindow; a run cancelled stops at a
// record and keeps the window usable, and analysing into the same store again completes it.
#include "cohort/CohortStore.h"
#include "io/WriterRegistry.h"
#include "synth/EcgSynthesizer.h"
#include "widgets/CohortPlots.h"
#include "widgets/CohortView.h"
#include "widgets/MainWindow.h"
#include "workbench/CohortSession.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>

using namespace execg;

namespace {

const QString kModel = QStringLiteral(EXECG_SOURCE_DIR "/resources/models/potassium.pt");

void writeCohort(const QString& dir, int count, std::uint64_t seed)
{
    const RecordingWriter& wfdb = *WriterRegistry::instance().byName("WFDB");
    for (int i = 0; i < count; ++i) {
        synth::SynthParams p;
        p.seed = seed + std::uint64_t(i);
        p.potassiumMmolL = 3.0 + 5.0 * i / std::max(1, count - 1);
        wfdb.write(synth::generateEcg(p).recording, (dir + QStringLiteral("/r%1.hea").arg(i, 3, 10, QLatin1Char('0'))).toStdString());
    }
}

} // namespace

class TestCohortView : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void analysesAFolderAndOpensItsRecords()
    {
        const QString folder = dir_.filePath(QStringLiteral("small"));
        QDir().mkpath(folder);
        writeCohort(folder, 8, 100);
        std::ofstream(dir_.filePath(QStringLiteral("small/junk.hea")).toStdString()) << "not a header\n";

        CohortView view;
        view.resize(1200, 900);
        view.show();
        view.setModel(kModel, {QStringLiteral("saliency"), QStringLiteral("integrated-gradients")});
        QSignalSpy progress(&view.session(), &CohortSession::progress);
        QSignalSpy ready(&view.session(), &CohortSession::reportReady);
        view.analyse({folder}, dir_.filePath(QStringLiteral("small.sqlite")));
        QVERIFY(view.cancelButton()->isEnabled());
        QVERIFY(ready.wait(180000));
        QCOMPARE(progress.count(), 9);
        QVERIFY(!view.cancelButton()->isEnabled());
        const auto report = view.session().report();
        QCOMPARE(report->counts.records, 9);
        QCOMPARE(report->counts.failed, 1);
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("8 analysed")), qPrintable(view.statusLabel()->text()));
        QCOMPARE(view.methodBox()->count(), 2);
        QCOMPARE(view.recordTable()->rowCount(), 8);
        QVERIFY2(view.headlineLabel()->text().contains(QStringLiteral("largest share of its evidence")), qPrintable(view.headlineLabel()->text()));

        // A point of the scatter opens its record.
        auto* tabs = view.findChild<QTabWidget*>();
        tabs->setCurrentIndex(2);
        QApplication::processEvents();
        view.scatter()->grab();   // paints: the points' places are known
        int shown = -1;
        for (std::size_t i = 0; i < view.scatter()->positions().size(); ++i)
            if (std::isfinite(view.scatter()->positions()[i].x())) {
                shown = int(i);
                break;
            }
        QVERIFY(shown >= 0);
        QSignalSpy open(&view, &CohortView::openRecord);
        QTest::mouseClick(view.scatter(), Qt::LeftButton, {}, view.scatter()->positions()[std::size_t(shown)].toPoint());
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.takeFirst().at(0).toString(), QString::fromStdString(report->points[std::size_t(shown)].input));
        // So does a row.
        emit view.recordTable()->cellDoubleClicked(3, 0);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.takeFirst().at(0).toString(), view.recordTable()->item(3, 0)->data(Qt::UserRole).toString());

        // Pictures for the docs, when asked: EXECG_SCREENSHOTS=DIR, of the store EXECG_SCREENSHOT_STORE (else this one).
        if (const QString shots = qEnvironmentVariable("EXECG_SCREENSHOTS"); !shots.isEmpty()) {
            CohortView pictured;
            pictured.resize(1280, 900);
            pictured.show();
            QSignalSpy pictureReady(&pictured.session(), &CohortSession::reportReady);
            const QString store = qEnvironmentVariable("EXECG_SCREENSHOT_STORE");
            pictured.openStore(store.isEmpty() ? dir_.filePath(QStringLiteral("small.sqlite")) : store);
            QVERIFY(pictureReady.wait(120000));
            auto* pictureTabs = pictured.findChild<QTabWidget*>();
            for (int t = 0; t < pictureTabs->count(); ++t) {
                pictureTabs->setCurrentIndex(t);
                QApplication::processEvents();
                pictured.grab().save(shots + QStringLiteral("/gui-cohort-%1.png").arg(t + 1));
            }
        }

        // Another method: the headlines follow.
        const QString before = view.headlineLabel()->text();
        view.methodBox()->setCurrentIndex(1);
        QVERIFY(view.headlineLabel()->text() != before);
        QVERIFY(view.headlineLabel()->text().contains(QStringLiteral("integrated-gradients")));
    }

    void cancelledThenResumed()
    {
        const QString folder = dir_.filePath(QStringLiteral("large"));
        QDir().mkpath(folder);
        writeCohort(folder, 30, 500);
        const QString store = dir_.filePath(QStringLiteral("large.sqlite"));
        CohortView view;
        view.setModel(kModel, {QStringLiteral("integrated-gradients")});
        QSignalSpy progress(&view.session(), &CohortSession::progress);
        QSignalSpy finished(&view.session(), &CohortSession::runFinished);
        QSignalSpy ready(&view.session(), &CohortSession::reportReady);
        view.analyse({folder}, store);
        QVERIFY(progress.wait(120000));
        QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
        QVERIFY(ready.wait(120000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.first().at(2).toBool());   // cancelled
        const int stored = CohortStore::openToRead(store.toStdString()).counts().records;
        QVERIFY2(stored >= 1 && stored < 30, qPrintable(QString::number(stored)));
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("Stopped")) &&
                     view.statusLabel()->text().contains(QStringLiteral("large.sqlite: %1 recordings").arg(stored)),
                 qPrintable(view.statusLabel()->text()));
        QVERIFY(!view.cancelButton()->isEnabled());   // usable again: not busy
        // The same folder into the same store: it goes on from there.
        ready.clear();
        view.analyse({folder}, store);
        QVERIFY(ready.wait(180000));
        QCOMPARE(view.session().report()->counts.records, 30);
        QCOMPARE(CohortStore::openToRead(store.toStdString()).counts().analysed, 30);
    }

    void aRecordOpensInTheWorkstation()
    {
        MainWindow window;
        CohortView* cohort = window.showCohort();
        QVERIFY(cohort->isVisible());
        QSignalSpy shown(&window, &MainWindow::recordingShown);
        emit cohort->openRecord(dir_.filePath(QStringLiteral("small/r002.hea")));
        QVERIFY(shown.wait(60000));
        QVERIFY(window.recording());
        QVERIFY(window.lastError().isEmpty());
    }
};

QTEST_MAIN(TestCohortView)
#include "test_cohort_view.moc"
