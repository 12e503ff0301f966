// Uncertainty beside the prediction in the workstation (issue 27): after the demo case's prediction the model panel
// says how stable it is, in the card's unit; with a card whose decision threshold lies inside the interval the
// panel says "unstable … refer to a physician" in bold; the exported results and the PDF report carry the same
// verdict. EXECG_SCREENSHOTS=DIR writes the panel in both states (docs/uncertainty.md).
#include "PdfText.h"
#include "WorkbenchTestSupport.h"

#include "model/ModelCard.h"
#include "widgets/MainWindow.h"
#include "widgets/ModelPanel.h"
#include "workbench/Workbench.h"

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace execg;
using namespace execg::test;

class TestUncertaintyPanel : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ExECG-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_uncertainty_panel"));
        QSettings().clear();
        configureTorchThreads(2);
    }

    void stableThenReferred()
    {
        MainWindow w;
        w.resize(1500, 950);
        openDemoAndWait(w);
        Workbench& wb = w.workbench();
        QTRY_VERIFY_WITH_TIMEOUT(wb.uncertainty().has_value(), kLong);
        auto* label = w.modelPanel()->findChild<QLabel*>(QStringLiteral("uncertaintyLabel"));
        QVERIFY(label);
        const auto& u = *wb.uncertainty();
        QVERIFY2(!u.referral && u.low > 5.5, u.verdict.c_str());   // K+ 7.2 against 5.5 mmol/L: far from it
        QVERIFY2(label->text().startsWith(QStringLiteral("stable: ")) && label->text().contains(QStringLiteral("mmol/L")),
                 qPrintable(label->text()));
        QVERIFY(!label->font().bold());
        const QByteArray shots = qgetenv("EXECG_SCREENSHOTS");
        if (!shots.isEmpty())
            QVERIFY(w.modelPanel()->grab().save(QString::fromUtf8(shots) + QStringLiteral("/gui-uncertainty-stable.png")));

        // The same model with a card whose threshold lies inside the interval: referred.
        ModelCard card = loadModelCard(EXECG_SOURCE_DIR "/resources/models/potassium.card.json");
        card.decisionThreshold = 0.5 * (u.low + u.high);
        wb.loadModel(QStringLiteral(EXECG_SOURCE_DIR "/resources/models/potassium.pt"), card);
        QTRY_VERIFY_WITH_TIMEOUT(wb.uncertainty().has_value() && wb.uncertainty()->threshold == card.decisionThreshold, kLong);
        QVERIFY(wb.uncertainty()->referral);
        QVERIFY2(label->text().startsWith(QStringLiteral("unstable: ")) && label->text().contains(QStringLiteral("refer to a physician")),
                 qPrintable(label->text()));
        QVERIFY(label->font().bold());
        if (!shots.isEmpty())
            QVERIFY(w.modelPanel()->grab().save(QString::fromUtf8(shots) + QStringLiteral("/gui-uncertainty-referral.png")));

        // The results document and the report carry the verdict.
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(wb), kLong);
        const auto document = wb.resultsDocument();
        QVERIFY(document && document->uncertainty && document->uncertainty->referral);
        QSignalSpy exported(&wb, &Workbench::exported);
        const QString pdf = dir_.filePath(QStringLiteral("referred.pdf"));
        w.exportReport(pdf);
        QVERIFY(exported.wait(60000));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("Under the recording's own variation")) && text.contains(QStringLiteral("refer to a physician")),
                 qPrintable(text));
        QSettings().clear();
    }
};

QTEST_MAIN(TestUncertaintyPanel)
#include "test_uncertainty_panel.moc"
