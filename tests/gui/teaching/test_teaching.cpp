// Teaching mode end to end, offscreen: blind mode hides the model's answer until the reveal, the quiz scores the
// learner's marks against the model's map, session files replay a prepared session (and name what is missing), the
// teaching bundle carries de-identified recordings and the session, and the presenter view mirrors the case.
#include "Corpus.h"
#include "WorkbenchTestSupport.h"

#include "explain/MarkOverlap.h"
#include "io/ReaderRegistry.h"
#include "io/dicom/DicomEcgWriter.h"
#include "model/torch/TorchModel.h"
#include "synth/EcgSynthesizer.h"
#include "widgets/DisplayToolBar.h"
#include "widgets/MainWindow.h"
#include "widgets/ModelPanel.h"
#include "widgets/PaperChartView.h"
#include "widgets/PresenterWindow.h"
#include "widgets/TeachingControls.h"
#include "workbench/BundledResources.h"
#include "workbench/SessionFile.h"
#include "workbench/Settings.h"
#include "workbench/Teaching.h"
#include "workbench/Workbench.h"

#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace execg;

namespace {

using test::kLong;
using test::openDemoAndWait;

QLabel* scoreLabel(MainWindow& w) { return w.findChild<QLabel*>(QStringLiteral("quizScore")); }

// The stretch of `lead` (±0.1 s around its strongest |attribution|) where the model's evidence peaks.
LeadMark strongestStretch(const Explanation& e, const SignalGroup& g, const std::string& lead)
{
    for (std::size_t l = 0; l < g.leads.size(); ++l)
        if (g.leads[l].name == lead) {
            std::size_t best = 0;
            float top = -1;
            for (std::size_t i = 0; i < e.recordingMap[l].size(); ++i)
                if (std::isfinite(e.recordingMap[l][i]) && std::abs(e.recordingMap[l][i]) > top) {
                    top = std::abs(e.recordingMap[l][i]);
                    best = i;
                }
            const double t = double(best) / g.samplingRateHz;
            return {lead, t - 0.1, t + 0.1};
        }
    return {};
}

} // namespace

class TestTeaching : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ExECG-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_teaching"));
        QSettings().clear();
        // One quick method keeps each case's wait short; the teaching features do not depend on which.
        Settings().setValue(setting::methods, QStringList{QStringLiteral("integrated-gradients")});
        configureTorchThreads(2);
    }

    void blindModeHidesTheAnswerUntilRevealed()
    {
        MainWindow w;
        Teaching& t = w.workbench().teaching();
        t.setBlind(true);
        openDemoAndWait(w);
        const auto* views = w.findChild<QTabWidget*>(QStringLiteral("views"));
        const auto* prediction = w.findChild<QLabel*>(QStringLiteral("predictionLabel"));
        // The work is done, and nothing of it shows: no value, no map, no comparison or evidence tab.
        QVERIFY(w.workbench().explanations().front().explanation);
        QVERIFY(t.hidden());
        QVERIFY(!prediction->text().contains(QStringLiteral("potassium")));
        QVERIFY(prediction->text().contains(QStringLiteral("hidden")));
        QVERIFY(!w.chartView()->hasOverlay());
        QVERIFY(w.chartView()->caption().contains(QStringLiteral("hidden")));
        for (const auto v : {MainWindow::CompareView, MainWindow::EvidenceTab, MainWindow::CounterfactualTab, MainWindow::TcavTab})
            QVERIFY(!views->isTabEnabled(int(v)));
        QVERIFY(views->isTabEnabled(int(MainWindow::ChartView)) && views->isTabEnabled(int(MainWindow::MeasurementsTab)));
        QVERIFY(!w.findChild<QComboBox*>(QStringLiteral("chartMethodBox"))->isEnabled());

        // The presenter reveals: the value, the map and the tabs come back at once (nothing recomputed).
        w.teachingControls()->revealAction()->trigger();
        QVERIFY(!t.hidden());
        QVERIFY(prediction->text().contains(QStringLiteral("potassium")));
        QVERIFY(w.chartView()->hasOverlay());
        QCOMPARE(w.chartView()->overlay().title, QStringLiteral("Integrated Gradients"));
        QVERIFY(views->isTabEnabled(int(MainWindow::CompareView)));

        // The next case opens hidden again.
        const QString dir = test::scratchDir(QStringLiteral("teaching_blind"));
        synth::SynthParams p;
        p.seed = 5;
        DicomEcgWriter::write(synth::generateEcg(p).recording, (dir + "/second.dcm").toStdString());
        w.openFile(dir + "/second.dcm");
        QTRY_VERIFY_WITH_TIMEOUT(w.workbench().casePath().endsWith(QStringLiteral("second.dcm")), kLong);
        QVERIFY(t.hidden());
        QTRY_VERIFY_WITH_TIMEOUT(w.workbench().prediction().has_value(), kLong);
        QVERIFY(!prediction->text().contains(QStringLiteral("potassium")));
        QVERIFY(!w.chartView()->hasOverlay());

        // Blind mode off: the answer shows as usual.
        t.setBlind(false);
        QVERIFY(prediction->text().contains(QStringLiteral("potassium")));
    }

    void quizRevealScoresTheMarks()
    {
        MainWindow w;
        w.resize(1600, 1000);
        Teaching& t = w.workbench().teaching();
        w.findChild<QAction*>(QStringLiteral("quizAction"))->trigger();
        QVERIFY(t.quiz() && t.hidden());
        QVERIFY(w.chartView()->tool() == ChartTool::Mark);
        openDemoAndWait(w);
        QVERIFY(scoreLabel(w)->isHidden());

        // A learner drags along a lead on the chart: one mark, on the lead under the press.
        QWidget* viewport = w.chartView()->viewport();
        const QPoint from(viewport->width() / 2, viewport->height() * 3 / 10);
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        QTest::mouseMove(viewport, from + QPoint(60, 0));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, from + QPoint(120, 0));
        QCOMPARE(int(t.annotations().marks.size()), 1);
        const LeadMark dragged = t.annotations().marks.front();
        QVERIFY(!dragged.lead.empty());
        QVERIFY(dragged.endSeconds - dragged.startSeconds > 0.1);
        QVERIFY(scoreLabel(w)->isHidden());   // no score before the reveal

        // A second mark where the model's evidence in V3 peaks, then the reveal.
        const ExplanationEntry& e = w.workbench().explanations().front();
        const SignalGroup& g = *w.workbench().group();
        t.addMark(strongestStretch(*e.explanation, g, "V3"));
        t.reveal();
        QVERIFY(!scoreLabel(w)->isHidden());
        const auto score = w.teachingControls()->score();
        QVERIFY(score.has_value());
        // The score on screen is markOverlap of the marks against the chart's map.
        std::vector<std::string> names;
        for (const auto& l : g.leads)
            names.push_back(l.name);
        const MarkOverlap expected = markOverlap(e.explanation->recordingMap, names, g.samplingRateHz, t.annotations().marks);
        QCOMPARE(score->dice, expected.dice);
        QCOMPARE(score->evidenceCaptured, expected.evidenceCaptured);
        QVERIFY(scoreLabel(w)->text().contains(QStringLiteral("%1 / 100").arg(std::lround(100 * expected.dice))));
        // Marks on the peak beat chance: they hold more of the evidence than the share of the ECG they cover.
        QVERIFY2(score->evidenceCaptured > 2.0 * score->markedShare,
                 qPrintable(QStringLiteral("%1 vs %2").arg(score->evidenceCaptured).arg(score->markedShare)));
        QVERIFY(w.chartView()->hasOverlay());

        // Clearing the marks clears the score; the quiz off puts the Mark tool down.
        t.clearMarks();
        QVERIFY(!w.teachingControls()->score().has_value());
        w.findChild<QAction*>(QStringLiteral("quizAction"))->trigger();
        QVERIFY(!t.quiz());
        QVERIFY(w.chartView()->tool() == ChartTool::Navigate);
    }

    void sessionSavesAndReplays()
    {
        const QString dir = test::scratchDir(QStringLiteral("teaching_session"));
        QFile::copy(demoCasePath(), dir + "/lecture.hea");
        QFile::copy(QFileInfo(demoCasePath()).absolutePath() + "/demo_hyperkalaemia.dat", dir + "/demo_hyperkalaemia.dat");
        synth::SynthParams p;
        p.seed = 9;
        DicomEcgWriter::write(synth::generateEcg(p).recording, (dir + "/second.dcm").toStdString());

        SessionFile saved;
        LeadMark mark{"V2", 1.0, 1.4};
        ChartStroke stroke;
        stroke.pointsMm = {QPointF(10, 20), QPointF(30, 25), QPointF(50, 22)};
        {
            MainWindow w;
            openDemoAndWait(w);
            w.openPaths({dir + "/lecture.hea", dir + "/second.dcm"});
            QTRY_VERIFY_WITH_TIMEOUT(w.workbench().casePath().endsWith(QStringLiteral("lecture.hea")), kLong);
            Teaching& t = w.workbench().teaching();
            t.setBlind(true);
            t.addMark(mark);
            t.addStroke(stroke);
            DisplaySettings d = w.displayToolBar()->settings();
            d.chart.speedMmPerSecond = 50;
            d.chart.grid = GridStyle::NeutralGrey;
            d.colours = ColourMapKind::Cividis;
            w.displayToolBar()->setSettings(d);
            QString error;
            QVERIFY2(w.teachingControls()->saveSession(dir + "/lecture.execg", &error), qPrintable(error));
            saved = captureSession(w.workbench());
        }
        QCOMPARE(int(saved.cases.size()), 3);   // the demo, the copy, the DICOM

        // The file: versioned, paths relative to it.
        QFile file(dir + "/lecture.execg");
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(root.value("format").toString(), QStringLiteral("execg-session"));
        QCOMPARE(root.value("version").toInt(), 1);
        QCOMPARE(root.value("cases").toArray().at(1).toObject().value("file").toString(), QStringLiteral("lecture.hea"));

        {
            MainWindow w;
            w.show();
            QVERIFY(w.teachingControls()->openSession(dir + "/lecture.execg"));
            Workbench& wb = w.workbench();
            QTRY_VERIFY_WITH_TIMEOUT(wb.recording() && wb.model(), kLong);
            QCOMPARE(wb.cases().size(), 3);
            QCOMPARE(wb.casePath(), QFileInfo(dir + "/lecture.hea").absoluteFilePath());
            QCOMPARE(QFileInfo(wb.modelPath()).absoluteFilePath(), saved.model);
            QCOMPARE(wb.methods(), saved.methods);
            QVERIFY(wb.teaching().blind() && wb.teaching().hidden());
            QCOMPARE(wb.teaching().annotations().marks, std::vector<LeadMark>{mark});
            QCOMPARE(int(wb.teaching().annotations().strokes.size()), 1);
            QCOMPARE(wb.teaching().annotations().strokes.front().pointsMm, stroke.pointsMm);
            const DisplaySettings d = w.displayToolBar()->settings();
            QCOMPARE(d.chart.speedMmPerSecond, 50.0);
            QVERIFY(d.chart.grid == GridStyle::NeutralGrey);
            QVERIFY(d.colours == ColourMapKind::Cividis);
            QCOMPARE(w.chartView()->chartStyle().speedMmPerSecond, 50.0);
            QVERIFY(w.lastError().isEmpty());
        }

        // On another machine: the session copied without one of its files names it, and opens the rest.
        const QString other = test::scratchDir(QStringLiteral("teaching_session_elsewhere"));
        QFile::copy(dir + "/lecture.execg", other + "/lecture.execg");
        QFile::copy(dir + "/second.dcm", other + "/second.dcm");
        QFile::remove(dir + "/lecture.hea");   // neither beside the copy nor where it was
        {
            MainWindow w;
            w.show();
            QVERIFY(w.teachingControls()->openSession(other + "/lecture.execg"));
            QVERIFY(w.teachingControls()->lastMissing().contains(QDir::cleanPath(other + "/lecture.hea")));
            QVERIFY(!w.teachingControls()->lastMissing().join(' ').contains(QStringLiteral("second.dcm")));
            QVERIFY2(w.lastError().contains(QStringLiteral("lecture.hea")), qPrintable(w.lastError()));
            QTRY_VERIFY_WITH_TIMEOUT(w.workbench().recording() != nullptr, kLong);
            QCOMPARE(w.workbench().cases().size(), 2);
        }

        // A session from a newer version, or not a session at all, is refused with the reason.
        QFile newer(other + "/newer.execg");
        QVERIFY(newer.open(QIODevice::WriteOnly));
        newer.write(R"({"format": "execg-session", "version": 7, "cases": []})");
        newer.close();
        const SessionRead r = readSessionFile(other + "/newer.execg");
        QVERIFY(!r.session && r.error.contains(QStringLiteral("version 7")) && r.error.contains(QStringLiteral("newer.execg")));
        QVERIFY(!readSessionFile(other + "/second.dcm").session);
    }

    void teachingBundleIsDeidentifiedAndReplays()
    {
        const QString dir = test::scratchDir(QStringLiteral("teaching_bundle"));
        synth::SynthParams p;
        p.seed = 21;
        Recording rec = synth::generateEcg(p).recording;
        rec.metadata.patient = {"PID-4711", "Doe^Jane", "F", "1950-02-03", 73.4, 168.0, 61.0};
        rec.metadata.acquisitionDateTime = "2019-03-01T10:12:30";
        rec.metadata.device.institution = "St. Example Hospital";
        rec.metadata.comments = {"Referred by Dr. Whoever"};
        DicomEcgWriter::write(rec, (dir + "/Doe_Jane_2019.dcm").toStdString());

        for (const auto format : {BundleFormat::Wfdb, BundleFormat::Dicom}) {
            const bool dicom = format == BundleFormat::Dicom;
            const QString bundle = dir + (dicom ? "/bundle-dicom" : "/bundle-wfdb");
            {
                MainWindow w;
                openDemoAndWait(w);
                w.openFile(dir + "/Doe_Jane_2019.dcm");
                QTRY_VERIFY_WITH_TIMEOUT(w.workbench().casePath().endsWith(QStringLiteral(".dcm")), kLong);
                w.workbench().teaching().addMark({"II", 2.0, 2.5});
                QSignalSpy done(w.teachingControls(), &TeachingControls::bundleExported);
                w.teachingControls()->exportBundle(bundle, format);
                QVERIFY(done.wait(60000));
                QCOMPARE(done.at(0).at(1).toString(), QString());
                QCOMPARE(done.at(0).at(0).toString(), bundle + "/session.execg");
                // A second export into the now full folder is refused, and leaves it as it was.
                QSignalSpy again(w.teachingControls(), &TeachingControls::bundleExported);
                w.teachingControls()->exportBundle(bundle, format);
                QVERIFY(again.wait(60000));
                QVERIFY(again.at(0).at(1).toString().contains(QStringLiteral("not empty")));
            }
            QVERIFY(!QFileInfo::exists(bundle + ".partial"));
            const QString second = bundle + (dicom ? "/cases/case-02.dcm" : "/cases/case-02.hea");
            QVERIFY(QFileInfo::exists(bundle + (dicom ? "/cases/case-01.dcm" : "/cases/case-01.hea")));
            QVERIFY(QFileInfo::exists(second));
            QVERIFY(QFileInfo::exists(bundle + "/model/potassium.pt"));
            QVERIFY(QFileInfo::exists(bundle + "/model/potassium.card.json"));

            // No file of the bundle holds anything of the patient: not the name, the ID, the dates, the free text.
            QDirIterator it(bundle, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QByteArray bytes = f.readAll();
                for (const char* secret : {"Doe", "Jane", "PID-4711", "19500203", "1950-02-03", "20190301", "St. Example", "Whoever"})
                    QVERIFY2(!bytes.contains(secret), qPrintable(f.fileName() + " holds " + secret));
            }
            const Recording back = ReaderRegistry::instance().read(second.toStdString());
            QVERIFY(back.metadata.patient.name.empty());
            QVERIFY(back.metadata.patient.birthDate.empty());
            // The signal survives the trip: lead II's samples as read from the original, to the writer's resolution.
            const Recording original = ReaderRegistry::instance().read((dir + "/Doe_Jane_2019.dcm").toStdString());
            const auto& a = original.groups.front().findLead("II")->samples;
            const auto& b = back.groups.front().findLead("II")->samples;
            QCOMPARE(a.size(), b.size());
            double worst = 0;
            for (std::size_t i = 0; i < a.size(); ++i)
                worst = std::max(worst, double(std::abs(a[i] - b[i])));
            QVERIFY2(worst <= 0.0051, qPrintable(QString::number(worst)));

            // The bundle's session opens from the bundle, de-identified, with the marks on the right case.
            MainWindow w;
            w.show();
            QVERIFY(w.teachingControls()->openSession(bundle + "/session.execg"));
            QVERIFY(w.teachingControls()->lastMissing().isEmpty());
            QVERIFY(w.workbench().deidentify());
            QTRY_VERIFY_WITH_TIMEOUT(w.workbench().recording() && w.workbench().model(), kLong);
            QCOMPARE(w.workbench().cases().size(), 2);
            QCOMPARE(QFileInfo(w.workbench().casePath()).fileName(), QFileInfo(second).fileName());
            QCOMPARE(w.workbench().teaching().annotations().marks, (std::vector<LeadMark>{{"II", 2.0, 2.5}}));
            w.workbench().setDeidentify(false);
        }
    }

    void presenterViewMirrorsTheCase()
    {
        MainWindow w;
        Teaching& t = w.workbench().teaching();
        t.setBlind(true);
        openDemoAndWait(w);
        w.teachingControls()->showPresenter();
        PresenterWindow* presenter = w.teachingControls()->presenter();
        QVERIFY(presenter && presenter->isVisible());
        QTRY_VERIFY(presenter->chart()->chartStyle().speedMmPerSecond == w.chartView()->chartStyle().speedMmPerSecond);
        QVERIFY(presenter->titleText().startsWith(QStringLiteral("Case 1 of 1")));
        QVERIFY(presenter->answerText().contains(QStringLiteral("hidden")));
        QVERIFY(!presenter->chart()->hasOverlay());
        // Large type for a lecture hall.
        QVERIFY(presenter->font().pointSizeF() >= 1.5 * w.font().pointSizeF());

        // Reveal with R: the answer and the map appear on the presenter's chart.
        QTest::keyClick(presenter, Qt::Key_R);
        QTRY_VERIFY(presenter->chart()->hasOverlay());
        QVERIFY(presenter->answerText().contains(QStringLiteral("potassium")));

        // The pen on the presenter's chart draws on the case, and the main chart shows it too.
        presenter->chart()->setTool(ChartTool::Pen);
        QWidget* vp = presenter->chart()->viewport();
        const QPoint a(vp->width() / 3, vp->height() / 2);
        QTest::mousePress(vp, Qt::LeftButton, {}, a);
        for (int k = 1; k <= 5; ++k)
            QTest::mouseMove(vp, a + QPoint(20 * k, 5 * k));
        QTest::mouseRelease(vp, Qt::LeftButton, {}, a + QPoint(120, 30));
        QCOMPARE(int(t.annotations().strokes.size()), 1);
        QVERIFY(t.annotations().strokes.front().pointsMm.size() >= 3);
        QTest::keyClick(presenter, Qt::Key_Escape);
        QVERIFY(!presenter->isVisible());
    }

    // The figures a German reader sees carry a decimal comma (View ▸ Language sets the default locale).
    void numbersOnScreenFollowTheLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        MainWindow w;
        openDemoAndWait(w);
        const double k = w.workbench().prediction()->outputs.at(0).value;
        const QString expected = QStringLiteral("potassium: %1 mmol/L").arg(QString::number(k, 'f', 2).replace('.', ','));
        QVERIFY2(w.modelPanel()->predictionText().contains(expected), qPrintable(w.modelPanel()->predictionText()));
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TestTeaching)
#include "test_teaching.moc"
