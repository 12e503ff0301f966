#include "Corpus.h"
#include "SyntheticRecording.h"
#include "io/dicom/DicomEcgWriter.h"
#include "io/scp/ScpWriter.h"
#include "widgets/MainWindow.h"

#include "WorkbenchTestSupport.h"

#include <QApplication>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QUrl>
#include <QSignalSpy>
#include <QLabel>
#include <QSettings>
#include <QToolButton>
#include <QTest>

#include <cmath>
#include <cstdint>

using namespace execg;

namespace {

// A 10 s, 12-lead, 500 Hz recording with known values, written through the DICOM writer.
QString writeKnownDicom(const QString& dir)
{
    const QString path = dir + "/known.dcm";
    DicomEcgWriter::write(test::syntheticTwelveLead(500.0, 10.0), path.toStdString());
    return path;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName("ExECG-tests");
        QCoreApplication::setApplicationName("test_main_window");
    }

    // A first start has no remembered size (the program then opens maximised); a window closed at a size opens at
    // that size next time.
    void remembersItsSize()
    {
        QSettings().clear();
        QRect closedAt;
        {
            MainWindow w;
            QVERIFY(!w.hasRememberedGeometry());
            w.resize(1111, 777);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            closedAt = w.geometry();
            w.close();
        }
        MainWindow again;
        QVERIFY(again.hasRememberedGeometry());
        QCOMPARE(again.size(), closedAt.size());
    }

    // The model's answer is the first thing in the model panel, large and in sight at the default window size; the
    // card follows and folds away.
    void predictionComesFirst()
    {
        MainWindow w;
        w.resize(1600, 960);
        test::openDemoAndWait(w);
        auto* prediction = w.findChild<QLabel*>(QStringLiteral("predictionLabel"));
        auto* card = w.findChild<QLabel*>(QStringLiteral("cardLabel"));
        auto* toggle = w.findChild<QToolButton*>(QStringLiteral("cardToggle"));
        QVERIFY(prediction && card && toggle);
        QVERIFY2(prediction->text().contains(QStringLiteral("potassium")), qPrintable(prediction->text()));
        QVERIFY(prediction->mapTo(&w, QPoint(0, 0)).y() < card->mapTo(&w, QPoint(0, 0)).y());
        QVERIFY(prediction->font().pointSizeF() >= 1.5 * w.font().pointSizeF());
        QVERIFY(!prediction->visibleRegion().isEmpty());
        QVERIFY(card->isVisible());
        toggle->click();
        QVERIFY(!card->isVisible());
        toggle->click();
        QVERIFY(card->isVisible());
    }

    void opensRecordingAndKeepsItAfterABadFile()
    {
        const QString dir = test::scratchDir("main_window");
        const QString good = writeKnownDicom(dir);
        const Recording expected = test::syntheticTwelveLead(500.0, 10.0);
        MainWindow w;
        w.show();
        QSignalSpy shown(&w, &MainWindow::recordingShown);
        w.openFile(good);
        QVERIFY(shown.wait(5000));
        QVERIFY(w.recording());
        const auto& g = w.recording()->groups.at(0);
        QCOMPARE(g.samplingRateHz, 500.0);
        QCOMPARE(int(g.sampleCount()), 5000);
        for (int i : {0, 1234, 4999})
            QVERIFY(std::abs(g.findLead("V3")->samples.at(i) - expected.groups[0].findLead("V3")->samples.at(i)) < 1e-3f);
        QVERIFY(w.windowTitle().contains("known.dcm"));

        // A file of random bytes named .hea: the error is shown and the current case stays.
        QFile bad(dir + "/bad.hea");
        bad.open(QIODevice::WriteOnly);
        bad.write("\x01\x02garbage\xff\xfe not a header");
        bad.close();
        QSignalSpy failed(&w, &MainWindow::openFailed);
        w.openFile(bad.fileName());
        QVERIFY(failed.wait(5000));
        QVERIFY(w.lastError().contains("bad.hea"));
        QVERIFY(w.recording());
        QVERIFY(QString::fromStdString(w.recording()->sourcePath).endsWith("known.dcm"));

        // A missing file too.
        w.openFile(dir + "/does-not-exist.dcm");
        QVERIFY(failed.wait(5000));
        QVERIFY(w.lastError().contains("does-not-exist.dcm"));
    }

    // Files arrive as a clinician drops them from a file manager: each vendor format through the same path.
    void opensDroppedFilesOfEveryFormat()
    {
        const QString dir = test::scratchDir("main_window_drop");
        const Recording expected = test::syntheticTwelveLead(500.0, 10.0);
        const QString scp = dir + "/dropped.scp";
        QVERIFY(writeScpEcg(expected, scp.toStdString()).exact);
        struct Case {
            QString path;
            QString format;
            const char* lead;
            int sample;
            float value;
        };
        QList<Case> cases{{scp, "SCP-ECG", "V3", 1234, expected.groups[0].findLead("V3")->samples.at(1234)}};
        if (test::corpusAvailable()) {
            // sierra-ecg-tools' sample[2750] of V2 (−4 × 5 µV), and the Contec SCP export's first lead II value.
            cases.append({QString::fromStdString(test::corpusFile("sierra-ecg-tools/1_04/3191723_ZZDEMOPTONLY_1-04_orig.xml")),
                          "Philips SierraECG XML", "V2", 2750, -0.02f});
            cases.append({QString::fromStdString(test::corpusFile("ecg-contec/0000050.ECG.scp")), "SCP-ECG", "II", 0, -0.125f});
        }
        MainWindow w;
        w.show();
        for (const auto& c : cases) {
            QSignalSpy shown(&w, &MainWindow::recordingShown);
            QMimeData mime;
            mime.setUrls({QUrl::fromLocalFile(c.path)});
            // As a real drag does: the window must accept the enter before Qt delivers the drop to it.
            const QPoint at(w.width() / 2, w.height() / 2);
            QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&w, &enter);
            QVERIFY(enter.isAccepted());
            QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&w, &drop);
            QVERIFY2(shown.wait(10000), qPrintable(c.path + ": " + w.lastError()));
            QCOMPARE(QString::fromStdString(w.recording()->formatName), c.format);
            const auto& g = w.recording()->groups.at(std::size_t(w.recording()->primaryGroupIndex()));
            QVERIFY(std::abs(g.findLead(c.lead)->samples.at(std::size_t(c.sample)) - c.value) < 1e-6f);
        }
    }

    void opensCorpusDicom()
    {
        EXECG_REQUIRE_CORPUS_FILE("pydicom/waveform_ecg.dcm");
        MainWindow w;
        w.show();
        QSignalSpy shown(&w, &MainWindow::recordingShown);
        w.openFile(QString::fromStdString(test::corpusFile("pydicom/waveform_ecg.dcm")));
        QVERIFY(shown.wait(10000));
        QCOMPARE(int(w.recording()->groups.size()), 2);
        const auto* leadI = w.recording()->groups.at(0).findLead("I");
        QVERIFY(leadI);
        QVERIFY(std::abs(leadI->samples.at(0) - 0.1f) < 1e-6f);   // 80 × 1.25 µV
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
