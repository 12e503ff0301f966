// The model-against-model window (issue 27): the demo case's potassium model against the AF demo model — two charts
// on one colour scale, the reading naming both, the difference table equal cell by cell to the difference of the two
// single-model tables, and the same PDF `execg-cli compare` writes. EXECG_SCREENSHOTS=DIR writes the window.
#include "PdfText.h"
#include "WorkbenchTestSupport.h"

#include "widgets/MainWindow.h"
#include "widgets/ModelComparisonView.h"
#include "widgets/PaperChartView.h"
#include "workbench/ModelComparisonSession.h"
#include "workbench/Workbench.h"

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace execg;
using namespace execg::test;

class TestModelComparisonView : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ExECG-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_model_comparison_view"));
        QSettings().clear();
        configureTorchThreads(2);
    }

    void potassiumAgainstAf()
    {
        MainWindow w;
        openDemoAndWait(w);
        ModelComparisonView* view = w.showModelComparison();
        QSignalSpy finished(&view->session(), &ModelComparisonSession::finished);
        view->compareWith(QStringLiteral(EXECG_SOURCE_DIR "/resources/models/af.pt"));
        QVERIFY(finished.wait(120000));
        QCOMPARE(view->chartCount(), 2);
        QCOMPARE(view->chart(0)->overlay().scale, view->chart(1)->overlay().scale);   // one colour scale
        const auto& r = *view->session().result();
        QCOMPARE(r.comparison.models[0].name, std::string("ExECG demo: serum potassium"));
        QVERIFY(view->readingLabel()->text().contains(QStringLiteral("ExECG demo: atrial fibrillation")));
        const auto& a = r.documents[0].methods[0].summary->leadWaveShare;
        const auto& b = r.documents[1].methods[0].summary->leadWaveShare;
        QTableWidget* table = view->differenceTable();
        QCOMPARE(table->rowCount(), 12);
        QCOMPARE(table->columnCount(), kWaveSegments);
        for (int l = 0; l < 12; ++l)
            for (int wave = 0; wave < kWaveSegments; ++wave)
                QCOMPARE(table->item(l, wave)->data(Qt::UserRole).toDouble(),
                         b[std::size_t(l)][std::size_t(wave)] - a[std::size_t(l)][std::size_t(wave)]);
        if (const QByteArray shots = qgetenv("EXECG_SCREENSHOTS"); !shots.isEmpty()) {
            view->resize(1400, 900);
            QApplication::processEvents();
            QVERIFY(view->grab().save(QString::fromUtf8(shots) + QStringLiteral("/gui-model-comparison.png")));
        }
        QString error;
        const QString pdf = dir_.filePath(QStringLiteral("comparison.pdf"));
        QVERIFY2(view->exportPdf(pdf, &error), qPrintable(error));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("Model against model")) && text.contains(QStringLiteral("minus")), qPrintable(text));
        QSettings().clear();
    }
};

QTEST_MAIN(TestModelComparisonView)
#include "test_model_comparison_view.moc"
