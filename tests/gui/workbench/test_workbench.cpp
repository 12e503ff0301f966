// The review workstation end to end, offscreen: the demo case on first start, corpus files, several methods,
// layouts and views, cancelling, the quality panel, and bad files that must not cost the case on screen.
#include "Corpus.h"
#include "WorkbenchTestSupport.h"

#include "explain/Explainer.h"
#include "explain/MapDisplay.h"
#include "io/ReaderRegistry.h"
#include "model/Prediction.h"
#include "model/torch/TorchModel.h"
#include "render/ColourMap.h"
#include "widgets/ComparisonView.h"
#include "io/dicom/DicomEcgWriter.h"
#include "synth/EcgSynthesizer.h"
#include "widgets/CounterfactualView.h"
#include "widgets/TcavView.h"
#include "workbench/ConceptTests.h"
#include "widgets/DisplayToolBar.h"
#include "widgets/ExplainerPanel.h"
#include "widgets/MainWindow.h"
#include "widgets/ModelPanel.h"
#include "widgets/PaperChartView.h"
#include "widgets/EvidenceView.h"
#include "widgets/MeasurementsView.h"
#include "widgets/QualityPanel.h"
#include "widgets/Theme.h"
#include "widgets/ViewExport.h"
#include "workbench/BundledResources.h"
#include "workbench/Workbench.h"

#include <QApplication>
#include <QPushButton>
#include <QDoubleSpinBox>
#include <qcustomplot.h>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QTableWidget>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QStandardItemModel>
#include <QTest>

#include <cmath>

using namespace execg;

namespace {

using test::allSettled;
using test::kLong;
using test::openDemoAndWait;

const ExplanationEntry* entryFor(const Workbench& w, const std::string& method)
{
    for (const auto& e : w.explanations())
        if (e.choice.method == method)
            return &e;
    return nullptr;
}

float maxDifference(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size())
        return INFINITY;
    float worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::abs(a[i] - b[i]));
    return worst;
}

void choose(MainWindow& w, const QStringList& methods)
{
    w.explainerPanel()->chooseMethods(methods);
    w.workbench().runExplanations();
}

} // namespace

class TestWorkbench : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ExECG-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_workbench"));
        QSettings().clear();
        configureTorchThreads(2);
    }

    // First start: the demo case with the demo model, its prediction and the default methods' maps on screen.
    void demoCaseShowsPredictionAndMaps()
    {
        MainWindow w;
        openDemoAndWait(w);
        Workbench& wb = w.workbench();
        QVERIFY(wb.recording());
        QCOMPARE(QFileInfo(wb.casePath()).fileName(), QStringLiteral("demo_hyperkalaemia.hea"));
        // The demo case is generated at K+ 7.2 mmol/L; the demo model reads it within its stated error.
        QVERIFY(wb.prediction());
        const double k = wb.prediction()->outputs.at(0).value;
        QVERIFY2(std::abs(k - 7.2) < 0.5, qPrintable(QString::number(k)));
        QVERIFY(w.modelPanel()->predictionText().contains(QStringLiteral("potassium: %1").arg(k, 0, 'f', 2)));
        QVERIFY(w.modelPanel()->warningsText().contains(QStringLiteral("resampled from 500 Hz")));
        // The default set for this card, every one finished, and the chart shows integrated gradients.
        QStringList expected;
        for (const auto& n : defaultExplainerNames(wb.model()->card()))
            expected << QString::fromStdString(n);
        QCOMPARE(w.explainerPanel()->chosenMethods(), expected);
        for (const auto& e : wb.explanations())
            QVERIFY2(e.state == JobState::Finished, qPrintable(e.title + ": " + e.error));
        QVERIFY(w.chartView()->hasOverlay());
        QCOMPARE(w.chartView()->overlay().title, QStringLiteral("Integrated Gradients"));
        QCOMPARE(w.comparisonView()->methodCount(), int(expected.size()));

        // The map on screen is the method's own: the same as running it directly on the same input.
        const TorchModel model(defaultModelPath().toStdString(), loadModelCard(modelCardPathFor(defaultModelPath().toStdString())));
        const Recording rec = ReaderRegistry::instance().read(demoCasePath().toStdString());
        const AdaptedInput input = adaptRecordingToModel(rec, rec.primaryGroupIndex(), model.card());
        const Explanation direct = runExplanation("integrated-gradients", model, input, 0);
        const auto* shown = entryFor(wb, "integrated-gradients");
        QVERIFY(shown && shown->explanation);
        QVERIFY(maxDifference(direct.modelMap, shown->explanation->modelMap) < 1e-6f);
        QVERIFY(shown->headline.contains(QStringLiteral("T wave")));
    }

    void opensCorpusDicomAndWfdb()
    {
        EXECG_REQUIRE_CORPUS_FILE("dcmfx/ecg_12_lead_anon.dcm");
        EXECG_REQUIRE_CORPUS_FILE("ecg-image-kit/00001_lr.hea");
        MainWindow w;
        w.show();
        Workbench& wb = w.workbench();
        QSignalSpy shown(&w, &MainWindow::recordingShown);
        w.openFile(test::corpusDir() + "/dcmfx/ecg_12_lead_anon.dcm");
        QVERIFY(shown.wait(20000));
        const SignalGroup* g = wb.group();
        QVERIFY(g);
        QCOMPARE(int(g->leads.size()), 12);
        // reference/ecg_12_lead_anon.dcm.group0.physical.csv: first sample of lead I is 100 µV.
        QVERIFY(std::abs(g->leads[0].samples[0] - 0.100f) < 1e-4f);
        QVERIFY(w.lastOpenToChartMs() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(wb), kLong);
        QVERIFY(w.modelPanel()->warningsText().contains(QStringLiteral("resampled from 1000 Hz")));

        w.openFile(test::corpusDir() + "/ecg-image-kit/00001_lr.hea");
        QVERIFY(shown.wait(20000));
        g = wb.group();
        QCOMPARE(g->samplingRateHz, 100.0);
        QCOMPARE(int(g->sampleCount()), 1000);
        QVERIFY(std::abs(g->leads[0].samples[0] - (-0.119f)) < 1e-4f);   // header: first value −119 at 1000/mV
        QCOMPARE(wb.cases().size(), 2);
        // Back to the first case with the worklist key: cached maps, no new jobs.
        QTRY_VERIFY_WITH_TIMEOUT(wb.prediction() && allSettled(wb), kLong);
        wb.previousCase();
        QVERIFY(shown.wait(20000));
        QCOMPARE(QFileInfo(wb.casePath()).fileName(), QStringLiteral("ecg_12_lead_anon.dcm"));
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(wb), kLong);
        for (const auto& e : wb.explanations())
            QVERIFY2(e.fromCache, qPrintable(e.title));
    }

    // Issue 28: a real recording opened on the automatic model gets the AF model trained on real ECGs, a synthetic
    // one the teaching model; the user's own choice stays. A single-lead model offers the recording's leads, the card's
    // first, and names the lead beside its prediction.
    void modelFollowsTheCaseAndTheLeadIsChosen()
    {
        EXECG_REQUIRE_CORPUS_FILE("dcmfx/ecg_12_lead_anon.dcm");
        QSettings().clear();
        MainWindow w;
        openDemoAndWait(w);
        Workbench& wb = w.workbench();
        QCOMPARE(wb.modelPath(), defaultModelPath());
        QVERIFY(!wb.modelChosenByUser());
        auto* leadBox = w.modelPanel()->findChild<QComboBox*>(QStringLiteral("leadBox"));
        QVERIFY(leadBox && leadBox->isHidden());   // twelve-lead model: nothing to choose

        w.openFile(test::corpusDir() + "/dcmfx/ecg_12_lead_anon.dcm");
        QTRY_VERIFY_WITH_TIMEOUT(wb.modelPath() == realRecordingModelPath() && wb.prediction() && allSettled(wb), kLong);
        QVERIFY(!wb.modelChosenByUser());
        QCOMPARE(wb.predictedFromLead(), QStringLiteral("I"));
        QVERIFY(w.modelPanel()->predictionText().contains(QStringLiteral("from lead I")));
        QVERIFY(w.modelPanel()->predictionText().contains(QStringLiteral("atrial fibrillation")));
        QVERIFY(leadBox->isVisibleTo(w.modelPanel()));
        QCOMPARE(leadBox->count(), 13);   // the model's own, then the recording's twelve
        QCOMPARE(leadBox->currentIndex(), 0);
        const float fromI = wb.prediction()->outputs.at(1).value;

        // Lead II instead: predicted again from II, said beside the answer, and the warnings name it.
        leadBox->setCurrentIndex(leadBox->findData(QStringLiteral("II")));
        emit leadBox->activated(leadBox->currentIndex());
        QCOMPARE(wb.modelLead(), QStringLiteral("II"));
        QTRY_VERIFY_WITH_TIMEOUT(wb.prediction() && allSettled(wb), kLong);
        QCOMPARE(wb.predictedFromLead(), QStringLiteral("II"));
        QVERIFY(w.modelPanel()->predictionText().contains(QStringLiteral("from lead II")));
        QVERIFY(wb.prediction()->outputs.at(1).value != fromI);

        // The demo case again: the teaching model, no lead to choose.
        w.openDemo();
        QTRY_VERIFY_WITH_TIMEOUT(wb.modelPath() == defaultModelPath() && wb.prediction() && allSettled(wb), kLong);
        QVERIFY(leadBox->isHidden());

        // The user's choice stays whatever opens.
        auto* models = w.modelPanel()->findChild<QComboBox*>(QStringLiteral("modelBox"));
        const int potassium = models->findData(defaultModelPath());
        models->setCurrentIndex(potassium);
        emit models->activated(potassium);
        QTRY_VERIFY_WITH_TIMEOUT(wb.modelChosenByUser() && wb.prediction() && allSettled(wb), kLong);
        w.openFile(test::corpusDir() + "/dcmfx/ecg_12_lead_anon.dcm");
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(wb.casePath()).fileName() == QStringLiteral("ecg_12_lead_anon.dcm") && wb.prediction() &&
                                     allSettled(wb), kLong);
        QCOMPARE(wb.modelPath(), defaultModelPath());
        QSettings().clear();
    }

    // A card that says its model takes shorter inputs: a 10 s 12-lead ECG goes to the AF network at its own length, the
    // panel says so beside the prediction and in the card, and every map covers the 10 s, nothing beyond.
    void shortRecordingAtItsOwnLength()
    {
        EXECG_REQUIRE_CORPUS_FILE("dcmfx/ecg_12_lead_anon.dcm");
        QTemporaryDir dir;
        const QString model = dir.path() + "/af-own-length.pt";
        QVERIFY(QFile::copy(realRecordingModelPath(), model));
        QFile shipped(QString::fromStdString(modelCardPathFor(realRecordingModelPath().toStdString())));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QJsonObject card = QJsonDocument::fromJson(shipped.readAll()).object();
        QJsonObject input = card.value("input").toObject();
        input.insert("shortest_samples", 2400);
        card.insert("input", input);
        QFile own(QString::fromStdString(modelCardPathFor(model.toStdString())));
        QVERIFY(own.open(QIODevice::WriteOnly));
        own.write(QJsonDocument(card).toJson());
        own.close();

        QSettings().clear();
        MainWindow w;
        openDemoAndWait(w);
        Workbench& wb = w.workbench();
        w.openFile(test::corpusDir() + "/dcmfx/ecg_12_lead_anon.dcm");
        QTRY_VERIFY_WITH_TIMEOUT(wb.modelPath() == realRecordingModelPath() && wb.prediction() && allSettled(wb), kLong);
        QVERIFY(!w.modelPanel()->warningsText().contains(QStringLiteral("at its own length")));
        wb.loadModel(model);
        QTRY_VERIFY_WITH_TIMEOUT(wb.modelPath() == model && wb.prediction() && allSettled(wb), kLong);
        auto* cardLabel = w.modelPanel()->findChild<QLabel*>(QStringLiteral("cardLabel"));
        QVERIFY(cardLabel);
        QVERIFY2(cardLabel->text().contains(QStringLiteral("(shorter recordings at their own length, from 8 s)")), qPrintable(cardLabel->text()));
        const QString warnings = w.modelPanel()->warningsText();
        QVERIFY2(warnings.contains(QStringLiteral("less than the model's 15.00 s window: the model reads it at its own length")), qPrintable(warnings));
        QVERIFY(w.modelPanel()->predictionText().contains(QStringLiteral("from lead I")));
        QVERIFY(!wb.explanations().empty());
        for (const auto& e : wb.explanations()) {
            QVERIFY2(e.state == JobState::Finished && e.explanation, qPrintable(e.title + ": " + e.error));
            QCOMPARE(e.explanation->samples, 3000);   // 10 s at the model's 300 Hz, not the 15 s window
            for (const float v : e.explanation->modelMap)
                QVERIFY(std::isfinite(v));
            // On the recording's axis: the chosen lead alone has values, from its first sample to its last.
            int mapped = 0;
            for (const auto& lead : e.explanation->recordingMap)
                mapped += !lead.empty() && std::isfinite(lead.front()) && std::isfinite(lead.back());
            QCOMPARE(mapped, 1);
        }
        QSettings().clear();
    }

    void threeMethodsLayoutsAndViews()
    {
        MainWindow w;
        openDemoAndWait(w);
        Workbench& wb = w.workbench();
        choose(w, {"saliency", "integrated-gradients", "grad-cam"});
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(wb), kLong);
        QCOMPARE(int(wb.explanations().size()), 3);
        QCOMPARE(wb.finishedExplanations(), 3);
        w.showView(MainWindow::CompareView);
        QCOMPARE(w.currentView(), MainWindow::CompareView);
        ComparisonView* cmp = w.comparisonView();
        QCOMPARE(cmp->methodCount(), 3);
        // One colour scale for all three: the 99th percentile of their |a| together as drawn (smoothed over the
        // default 40 ms), on every chart.
        std::vector<std::vector<std::vector<float>>> drawn;
        for (const auto& e : wb.explanations())
            drawn.push_back(smoothedMap(e.explanation->recordingMap, wb.group()->samplingRateHz, kDefaultSmoothingMs));
        std::vector<const std::vector<std::vector<float>>*> maps;
        for (const auto& m : drawn)
            maps.push_back(&m);
        QCOMPARE(cmp->sharedScaleValue(), fullColourValue(maps));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(cmp->view(i)->overlay().scale, cmp->sharedScaleValue());
        cmp->setSharedScale(false);
        QCOMPARE(cmp->view(0)->overlay().scale, fullColourValue({maps[0]}));
        // A cursor on one chart appears on every other.
        const double t = 1.25;
        cmp->view(0)->setCursorTime(t);
        emit cmp->view(0)->cursorMoved(t);
        QCOMPARE(cmp->view(2)->cursorTime(), t);
        // Every layout of the tool bar reaches the chart.
        QComboBox* layouts = w.displayToolBar()->layoutBox();
        w.showView(MainWindow::ChartView);
        for (int i = 0; i < layouts->count(); ++i) {
            layouts->setCurrentIndex(i);
            emit layouts->activated(i);
            QCOMPARE(int(w.chartView()->chartStyle().layout), layouts->itemData(i).toInt());
            QVERIFY(!w.chartView()->renderImage().isNull());
        }
        w.showView(MainWindow::LeadsView);
        QCOMPARE(w.currentView(), MainWindow::LeadsView);
    }

    void calipersEvidenceMeasurementsAndSettings()
    {
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        w.openDemo();
        Workbench& wb = w.workbench();
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(wb) && wb.measurements() != nullptr, kLong);

        // Calipers: 25 mm across is 1 s at 25 mm/s (60 bpm); 10 mm up is 1 mV at 10 mm/mV.
        PaperChartView* chart = w.chartView();
        chart->setZoom(ChartZoom::Factor, 1.0);
        const double px = chart->pixelsPerMm();
        const QPointF from(chart->viewport()->width() * 0.3, chart->viewport()->height() * 0.3);
        chart->setCaliper(from, from + QPointF(25.0 * px, -10.0 * px));
        const auto r = chart->caliper();
        QVERIFY(r);
        QVERIFY(std::abs(r->milliseconds - 1000.0) < 1e-6);
        QVERIFY(std::abs(r->millivolts - 1.0) < 1e-6);
        QVERIFY(std::abs(r->bpm - 60.0) < 1e-6);
        QVERIFY(!r->lead.isEmpty());
        chart->clearCaliper();
        QVERIFY(!chart->caliper());

        // Evidence: the table holds the method's own shares, and the focus plot one curve per finished method.
        w.showView(MainWindow::EvidenceTab);
        const auto* ig = entryFor(wb, "integrated-gradients");
        QVERIFY(ig && ig->summary);
        QCOMPARE(w.evidenceView()->methodBox()->currentText(), ig->title);
        QTableWidget* table = w.evidenceView()->table();
        const int t = int(WaveSegment::T);
        QCOMPARE(table->horizontalHeaderItem(t)->text(), QStringLiteral("T"));
        QCOMPARE(table->verticalHeaderItem(9)->text(), QString::fromStdString(ig->summary->leads[9]));
        QCOMPARE(table->item(9, t)->text(), QStringLiteral("%1 %").arg(100.0 * ig->summary->leadWaveShare[9][std::size_t(t)], 0, 'f', 1));
        QCOMPARE(w.evidenceView()->focus()->methodGraphs(), wb.finishedExplanations());

        // Measurements: the demo case's heart rate as the measurement module gives it, and median beats on a chart.
        w.showView(MainWindow::MeasurementsTab);
        QTableWidget* measured = w.measurementsView()->table();
        QCOMPARE(measured->item(0, 0)->text(), QStringLiteral("Heart rate"));
        QCOMPARE(measured->item(0, 1)->text(), QStringLiteral("%1 bpm").arg(wb.measurements()->heartRateBpm.value, 0, 'f', 0));
        QVERIFY(std::abs(wb.measurements()->heartRateBpm.value - 72.0) < 3.0);   // generated at 72 bpm
        QVERIFY(w.measurementsView()->medianChart()->hasOverlay());

        // Display settings persist: a new window comes back with the gain chosen here.
        DisplaySettings d = w.displayToolBar()->settings();
        d.chart.gainMmPerMillivolt = 20.0;
        w.displayToolBar()->setSettings(d);
        QCOMPARE(w.chartView()->chartStyle().gainMmPerMillivolt, 20.0);
        QCOMPARE(DisplaySettings::load().chart.gainMmPerMillivolt, 20.0);
        d.chart.gainMmPerMillivolt = 10.0;
        w.displayToolBar()->setSettings(d);

        // A display filter changes what the charts show, never what the model read.
        const auto raw = wb.recording();
        const auto map = entryFor(wb, "integrated-gradients")->explanation;
        QSignalSpy display(&wb, &Workbench::displayChanged);
        d.filter = QStringLiteral("monitoring");
        w.displayToolBar()->setSettings(d);
        QVERIFY(display.wait(20000));
        const auto shown = wb.displayRecording();
        QVERIFY(shown != raw);
        QCOMPARE(shown->groups[0].filters.lowPassHz.value_or(0.0), 40.0);
        QCOMPARE(shown->groups[0].filters.highPassHz.value_or(0.0), 0.5);
        QVERIFY(shown->groups[0].leads[1].samples[100] != raw->groups[0].leads[1].samples[100]);
        QCOMPARE(wb.recording(), raw);
        QCOMPARE(entryFor(wb, "integrated-gradients")->explanation, map);
        QVERIFY(w.chartView()->hasOverlay());
        QVERIFY(wb.displayFilterNote().contains(QStringLiteral("0.5–40 Hz")));
        d.filter.clear();
        w.displayToolBar()->setSettings(d);
        QTRY_COMPARE_WITH_TIMEOUT(wb.displayRecording(), raw, 20000);

        // The dark theme darkens the window, not the paper.
        applyTheme(Theme::Dark);
        QVERIFY(darkTheme());
        QCOMPARE(savedTheme(), Theme::Dark);
        QCOMPARE(chart->chartStyle().background, QColor(Qt::white));
        applyTheme(Theme::Light);
        QVERIFY(!darkTheme());
    }

    void counterfactualView()
    {
        MainWindow w;
        openDemoAndWait(w);
        Workbench& wb = w.workbench();
        w.showView(MainWindow::CounterfactualTab);
        CounterfactualView* cf = w.counterfactualView();
        // The demo case reads K+ ~7.2 mmol/L: what would the model need to read 4.5?
        cf->targetValue()->setValue(4.5);
        cf->runButton()->click();
        // Running the explanations again meanwhile (another target, other methods) does not cost the counterfactual.
        wb.runExplanations();
        QTRY_VERIFY_WITH_TIMEOUT(wb.counterfactual() != nullptr || !wb.counterfactualError().isEmpty(), kLong);
        QVERIFY(!wb.counterfactualRunning());
        QVERIFY2(wb.counterfactual(), qPrintable(wb.counterfactualError()));
        const auto& r = *wb.counterfactual();
        QVERIFY(r.valid);
        QVERIFY(r.finalValue <= 4.5);
        QVERIFY(r.deltas.meanOver("T amplitude", {"V2", "V3", "V4"}) < 0.0);   // lower K+, flatter T
        QVERIFY(cf->verdictText().startsWith(QStringLiteral("Input-space counterfactual: ✓ Target reached")));
        QVERIFY(cf->chart()->hasCounterfactual());
        QVERIFY(cf->deltaTable()->rowCount() > 10);
        QCOMPARE(cf->trajectoryPlot()->graphCount(), 1);
        QCOMPARE(cf->trajectoryPlot()->graph(0)->dataCount(), int(r.trajectory.size()));
        // Exported as WFDB and DICOM, reopened: the same prediction (WFDB stores the 1 µV grid exactly).
        const QString dir = test::scratchDir(QStringLiteral("workbench_cf_%1").arg(QCoreApplication::applicationPid()));
        QString error;
        QVERIFY2(wb.exportCounterfactual(dir + "/cf.hea", &error), qPrintable(error));
        QVERIFY2(wb.exportCounterfactual(dir + "/cf.dcm", &error), qPrintable(error));
        const TorchModel& model = *wb.model();
        const Recording back = ReaderRegistry::instance().read((dir + "/cf.hea").toStdString());
        const auto raw = model.predict({adaptRecordingToModel(back, back.primaryGroupIndex(), model.card())}).front();
        QVERIFY(std::abs(interpretOutputs(model.card(), "", raw).outputs[0].value - r.finalValue) < 1e-4);
        QVERIFY(!back.warnings.empty() || QFile::exists(dir + "/cf.dat"));
        QVERIFY(ReaderRegistry::instance().read((dir + "/cf.dcm").toStdString()).groups.size() >= 1);
        // Any format the writer registry knows, by the extension chosen; an unknown one is refused naming the file.
        QVERIFY2(wb.exportCounterfactual(dir + "/cf.scp", &error), qPrintable(error));
        QVERIFY2(wb.exportCounterfactual(dir + "/cf.edf", &error), qPrintable(error));
        for (const char* name : {"/cf.scp", "/cf.edf"}) {
            const Recording other = ReaderRegistry::instance().read((dir + name).toStdString());
            const auto out = model.predict({adaptRecordingToModel(other, other.primaryGroupIndex(), model.card())}).front();
            QVERIFY2(std::abs(interpretOutputs(model.card(), "", out).outputs[0].value - r.finalValue) < 0.01, name);
        }
        QVERIFY(!wb.exportCounterfactual(dir + "/cf.png", &error));
        QVERIFY2(error.contains(QStringLiteral("cf.png")), qPrintable(error));
        QVERIFY(!wb.exportCounterfactual(demoCasePath(), &error));   // never over the input
        QVERIFY(!wb.exportCounterfactual(demoCasePath().chopped(4), &error));   // nor as the record whose .hea/.dat it is
        QVERIFY(error.contains(QStringLiteral("never written over its input")));

        // The parametric generator from the same view: what moved, in words. The demo card names a generator, so
        // the latent one is offered too.
        QCOMPARE(cf->methodBox()->count(), 3);
        const auto* items = qobject_cast<QStandardItemModel*>(cf->methodBox()->model());
        for (int i = 0; i < 3; ++i)
            QVERIFY(items->item(i)->isEnabled());
        cf->methodBox()->setCurrentIndex(cf->methodBox()->findData(QStringLiteral("cf-parametric")));
        cf->runButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(wb.counterfactual() && wb.counterfactual()->method == "cf-parametric", kLong);
        QVERIFY(wb.counterfactual()->valid);
        QVERIFY2(cf->verdictText().contains(QStringLiteral("What moved: ")), qPrintable(cf->verdictText()));

        // A new case clears it: a counterfactual never outlives the recording it changed.
        w.openFile(demoCasePath());
        QTRY_VERIFY_WITH_TIMEOUT(wb.counterfactual() == nullptr, kLong);
        QVERIFY(!cf->chart()->hasCounterfactual());
    }

    // The concept tests from the GUI: peaked T against the random control at the demo model's last convolutional layer.
    // The concepts ticked at first are the model card's concept_defaults, or the application's set without them.
    void conceptTestsView()
    {
        MainWindow w;
        openDemoAndWait(w);
        w.showView(MainWindow::TcavTab);
        TcavView* v = w.tcavView();
        const auto ticked = [v] {
            QStringList names;
            for (int i = 0; i < v->conceptList()->count(); ++i)
                if (v->conceptList()->item(i)->checkState() == Qt::Checked)
                    names << v->conceptList()->item(i)->data(Qt::UserRole).toString();
            return names;
        };
        QCOMPARE(ticked(), (QStringList{"peaked-t", "af", "random"}));   // the potassium demo's card names none
        for (int i = 0; i < v->conceptList()->count(); ++i) {
            auto* item = v->conceptList()->item(i);
            const QString name = item->data(Qt::UserRole).toString();
            item->setCheckState(name == "peaked-t" || name == "random" ? Qt::Checked : Qt::Unchecked);
        }
        QCOMPARE(v->layerList()->count(), 2);   // the card's TCAV layers: layer2, layer3
        v->layerList()->item(0)->setCheckState(Qt::Unchecked);
        v->examplesBox()->setValue(20);
        v->runButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!w.workbench().conceptTests().running(), kLong);
        const auto r = w.workbench().conceptTests().result();
        QVERIFY2(r, qPrintable(w.workbench().conceptTests().error()));
        QCOMPARE(r->rows.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(r->rows[0].conceptName), QStringLiteral("peaked-t"));
        QVERIFY2(r->rows[0].significant, r->rows[0].verdict.c_str());
        QVERIFY(!r->rows[1].significant);
        QCOMPARE(r->runs, 20);
        QCOMPARE(v->resultTable()->rowCount(), 2);
        QCOMPARE(v->resultTable()->item(0, 2)->text(), QString::number(r->rows[0].score, 'f', 3));
        QCOMPARE(v->resultTable()->item(0, 8)->toolTip(), QString::fromStdString(r->rows[0].verdict));
        QVERIFY(v->scorePlot()->plottableCount() >= 4);
        QVERIFY2(v->summaryText().contains(QStringLiteral("Peaked T at layer3")), qPrintable(v->summaryText()));
        // Random ECGs from a folder of files against generated concepts: told apart by their origin alone, so no
        // finding, and the view says where the random ECGs came from.
        const QString pool = test::scratchDir(QStringLiteral("workbench_tcav_pool_%1").arg(QCoreApplication::applicationPid()));
        for (int i = 0; i < 24; ++i) {
            synth::SynthParams p;
            p.seed = 300 + std::uint64_t(i);
            DicomEcgWriter::write(synth::generateEcg(p).recording, QStringLiteral("%1/ordinary%2.dcm").arg(pool).arg(i).toStdString());
        }
        v->setPoolFolder(pool);
        QVERIFY(v->findChild<QLabel*>(QStringLiteral("tcavPool"))->text().contains(pool));
        v->runButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!w.workbench().conceptTests().running(), kLong);
        const auto mixed = w.workbench().conceptTests().result();
        QVERIFY2(mixed && mixed != r, qPrintable(w.workbench().conceptTests().error()));
        QStringList plotted;
        for (int i = 0; i < v->scorePlot()->plottableCount(); ++i)
            plotted << v->scorePlot()->plottable(i)->name();
        QVERIFY2(plotted.contains(QStringLiteral("unreliable CAV (near chance, or mixed origins)")), qPrintable(plotted.join(", ")));
        for (const auto& row : mixed->rows) {
            QVERIFY(!row.reliable && !row.significant);
            QVERIFY2(row.verdict.find("are synthetic (generated here) and the random ECGs read from files: a CAV can tell them "
                                      "apart by their origin alone") != std::string::npos,
                     row.verdict.c_str());
        }
        v->setPoolFolder(QString());
        QDir(pool).removeRecursively();
        // A new model clears the result: it was about the old one.
        w.workbench().loadModel(w.workbench().modelPath());
        QTRY_VERIFY_WITH_TIMEOUT(!w.workbench().conceptTests().result(), kLong);
        // The real AF model asks about the rhythm: its card's concepts are ticked, peaked T is not.
        w.workbench().loadModel(QStringLiteral(EXECG_SOURCE_DIR "/resources/models/af-cinc2017.pt"));
        QTRY_COMPARE_WITH_TIMEOUT(ticked(), (QStringList{"af", "irregular-rr", "no-p-wave", "random"}), kLong);
        QCOMPARE(v->layerList()->count(), 3);   // layer4, layer7, rhythm
    }

    // Teaching mode: a case opened de-identified names nobody — on screen, in the worklist, in the PDF report and in the
    // results JSON — and the indicator says so; switched off, the same file shows its patient again.
    void deidentifiedCaseNamesNobody()
    {
        const QString dir = test::scratchDir(QStringLiteral("workbench_deid_%1").arg(QCoreApplication::applicationPid()));
        synth::SynthParams p;
        p.seed = 77;
        Recording rec = synth::generateEcg(p).recording;
        auto& m = rec.metadata;
        m.patient = {"PID-4711", "Doe^Jane", "F", "1950-02-03", 73.4, 168.0, 61.0};
        m.acquisitionDateTime = "2019-03-01T10:12:30";
        m.device.institution = "St. Example Hospital";
        m.comments = {"Referred by Dr. Whoever"};
        const QString file = dir + "/Doe_Jane_2019.dcm";
        DicomEcgWriter::write(rec, file.toStdString());
        const QStringList secrets{"Doe", "Jane", "PID-4711", "1950", "2019-03-01", "St. Example", "Whoever"};

        MainWindow w;
        Workbench& wb = w.workbench();
        wb.setDeidentify(true);
        w.openFile(file);
        QTRY_VERIFY_WITH_TIMEOUT(w.recording() != nullptr, kLong);
        const auto& shown = w.recording()->metadata;
        QVERIFY(shown.patient.name.empty() && shown.patient.birthDate.empty() && shown.comments.empty());
        QCOMPARE(QString::fromStdString(shown.patient.id), QStringLiteral("case 1"));
        QCOMPARE(QString::fromStdString(shown.extra.at("Age band")), QStringLiteral("70–79 y"));
        QCOMPARE(QString::fromStdString(shown.extra.at("Acquired")), QStringLiteral("day 0, 10:12"));
        QVERIFY(!w.findChild<QLabel*>(QStringLiteral("deidentifiedIndicator"))->isHidden());
        for (const auto& secret : secrets)
            QVERIFY2(!w.windowTitle().contains(secret), qPrintable(w.windowTitle()));
        const auto* list = w.findChild<QListWidget*>(QStringLiteral("worklist"));
        QVERIFY(list && list->count() == 1 && !list->item(0)->text().contains(QStringLiteral("Doe")));

        QTRY_VERIFY_WITH_TIMEOUT(wb.prediction().has_value(), kLong);
        QSignalSpy exported(&wb, &Workbench::exported);
        w.exportReport(dir + "/teaching.pdf");
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.at(0).at(1).toString(), QString());
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {dir + "/teaching.pdf", QStringLiteral("-")});
        QVERIFY2(text.waitForFinished(30000) && text.exitCode() == 0, "pdftotext (poppler-utils) is needed");
        const QString pdfText = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY(pdfText.contains(QStringLiteral("de-identified")));
        QString error;
        QVERIFY2(wb.exportResults(dir + "/teaching.json", &error), qPrintable(error));
        QFile json(dir + "/teaching.json");
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QString jsonText = QString::fromUtf8(json.readAll());
        for (const auto& secret : secrets) {
            QVERIFY2(!pdfText.contains(secret), qPrintable(QStringLiteral("the PDF holds ") + secret));
            QVERIFY2(!jsonText.contains(secret), qPrintable(QStringLiteral("the JSON holds ") + secret));
        }

        wb.setDeidentify(false);
        QTRY_VERIFY_WITH_TIMEOUT(w.recording() && !w.recording()->metadata.patient.name.empty(), kLong);
        QVERIFY(QString::fromStdString(w.recording()->metadata.patient.name).contains(QStringLiteral("Doe")));
        QVERIFY(w.findChild<QLabel*>(QStringLiteral("deidentifiedIndicator"))->isHidden());
    }

    void cancelKeepsTheWindowUsable()
    {
        MainWindow w;
        openDemoAndWait(w);
        Workbench& wb = w.workbench();
        // A slow method: occlusion by one lead and 40 ms, one sample apart (30 000 copies through the model).
        wb.setMethods({{"occlusion", {{"leads", "1"}, {"window-ms", "40"}, {"stride-ms", "4"}}}});
        wb.runExplanations();
        QTRY_VERIFY_WITH_TIMEOUT(wb.explanations().at(0).progress > 0.0 || allSettled(wb), kLong);
        QVERIFY2(wb.explanations().at(0).state == JobState::Running, qPrintable(wb.explanations().at(0).error));
        wb.cancelExplanations();
        QTRY_VERIFY_WITH_TIMEOUT(wb.explanations().at(0).state == JobState::Cancelled, 30000);
        QVERIFY(!wb.explanations().at(0).explanation);
        QVERIFY(!w.chartView()->hasOverlay());
        // The window goes on: a quick method runs and is shown.
        wb.setMethods({{"saliency", {}}});
        wb.runExplanations();
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(wb), kLong);
        QVERIFY(wb.explanations().at(0).explanation);
        QVERIFY(w.chartView()->hasOverlay());
    }

    void qualityPanelScoresTheMaps()
    {
        MainWindow w;
        openDemoAndWait(w);
        Workbench& wb = w.workbench();
        choose(w, {"integrated-gradients", "saliency"});
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(wb), kLong);
        QVERIFY(wb.groundTruth());
        wb.assessQuality();
        QTRY_VERIFY_WITH_TIMEOUT(wb.explanations().at(0).scorecard && wb.explanations().at(1).scorecard, kLong);
        const auto& ig = *wb.explanations().at(0).scorecard;
        // On the hyperkalaemic demo case integrated gradients finds the T waves (the generator's known cause).
        QVERIFY(ig.localisation);
        QVERIFY2(ig.localisation->massShare > 2.0 * ig.localisation->chanceShare,
                 qPrintable(QString::number(ig.localisation->massShare)));
        QVERIFY(ig.randomisation && ig.randomisation->passed);
        QTableWidget* table = w.qualityPanel()->table();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("gain %1").arg(ig.deletionGain, 0, 'f', 2));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("passed"));
        QVERIFY(table->item(0, 5)->text().contains(QStringLiteral("%1 %").arg(std::lround(100 * ig.localisation->massShare))));
        // A verdict with a warning is flagged in words.
        for (int row = 0; row < 2; ++row) {
            const auto& s = *wb.explanations().at(std::size_t(row)).scorecard;
            const bool warned = std::any_of(s.verdicts.begin(), s.verdicts.end(), [](const auto& v) { return v.warning; });
            QCOMPARE(table->item(row, 6)->text().startsWith(QStringLiteral("⚠ do not trust")), warned);
        }
    }

    void exportsReportViewAndResults()
    {
        const QString dir = test::scratchDir(QStringLiteral("workbench_export_%1").arg(QCoreApplication::applicationPid()));
        MainWindow w;
        openDemoAndWait(w);
        Workbench& wb = w.workbench();
        choose(w, {"integrated-gradients", "saliency"});
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(wb), kLong);
        const QByteArray demoBefore = [] {
            QFile f(demoCasePath());
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();

        // The PDF report, written off the GUI thread: the same content as `execg-cli report` for this case.
        QSignalSpy exported(&wb, &Workbench::exported);
        w.exportReport(dir + "/case.pdf");
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.at(0).at(1).toString(), QString());
        QFile pdf(dir + "/case.pdf");
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), dir + "/case.pdf", QStringLiteral("-")});
        if (text.waitForFinished(30000) && text.exitCode() == 0) {
            const QString t = QString::fromUtf8(text.readAllStandardOutput());
            QVERIFY(t.contains(QStringLiteral("potassium %1 mmol/L").arg(wb.prediction()->outputs[0].value, 0, 'f', 2)));
            QVERIFY(t.contains(QStringLiteral("integrated-gradients")));
            QVERIFY(t.contains(QStringLiteral("not for clinical use")));
        } else {
            qWarning("pdftotext not available: the report's text was not checked");
        }
        // A report to a folder that does not exist fails with the file named, and the window stays.
        exported.clear();
        w.exportReport(dir + "/missing/case.pdf");
        QVERIFY(exported.wait(60000));
        QVERIFY(exported.at(0).at(1).toString().contains(QStringLiteral("case.pdf")));

        // The view as PNG and SVG; the results as JSON.
        w.showView(MainWindow::CompareView);
        QString error;
        QVERIFY2(saveWidgetPicture(w.comparisonView(), dir + "/view.png", &error), qPrintable(error));
        QCOMPARE(QImage(dir + "/view.png").size(), w.comparisonView()->size());
        QVERIFY(saveWidgetPicture(w.comparisonView(), dir + "/view.svg", &error));
        QFile svg(dir + "/view.svg");
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
        QVERIFY2(wb.exportResults(dir + "/results.json", &error), qPrintable(error));
        QFile json(dir + "/results.json");
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(root["prediction"].toArray().at(0).toObject()["value"].toDouble(), wb.prediction()->outputs[0].value);
        QCOMPARE(root["methods"].toArray().size(), 2);
        QCOMPARE(root["methods"].toArray().at(0).toObject()["headline"].toString(), wb.explanations()[0].headline);
        QCOMPARE(root["model"].toObject()["sha256"].toString(), QString::fromStdString(wb.model()->sha256()));
        // Nothing was written to the input.
        QFile demo(demoCasePath());
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QCOMPARE(demo.readAll(), demoBefore);
    }

    void badFilesNeverCostTheCase()
    {
        const QString dir = test::scratchDir(QStringLiteral("workbench_bad_%1").arg(QCoreApplication::applicationPid()));
        QFile bad(dir + "/bad.hea");
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("\x01\x02garbage\xff\xfe not a header");
        bad.close();
        QVERIFY(QFile::copy(demoCasePath(), dir + "/good.hea"));
        QVERIFY(QFile::copy(demoCasePath().chopped(4) + ".dat", dir + "/demo_hyperkalaemia.dat"));

        MainWindow w;
        w.show();
        Workbench& wb = w.workbench();
        QSignalSpy shown(&w, &MainWindow::recordingShown);
        QSignalSpy failed(&w, &MainWindow::openFailed);
        // A folder: its readable files in order, bad.hea first — it fails, and the rest still opens.
        w.openPaths({dir});
        QVERIFY(failed.wait(20000));
        QVERIFY(w.lastError().contains(QStringLiteral("bad.hea")));
        QCOMPARE(wb.cases().size(), 2);
        QVERIFY(!wb.cases().entries()[0].error.isEmpty());
        wb.nextCase();
        QVERIFY(shown.wait(20000));
        const auto onScreen = w.recording();
        QVERIFY(onScreen);
        QVERIFY(w.lastError().isEmpty());
        // Opening the corrupt file again: the error is shown, the case on screen stays.
        w.openFile(dir + "/bad.hea");
        QVERIFY(failed.wait(20000));
        QCOMPARE(w.recording(), onScreen);
        QVERIFY(w.lastError().contains(QStringLiteral("bad.hea")));
        // A model without a card is refused, naming the file; the loaded one stays.
        QTRY_VERIFY_WITH_TIMEOUT(wb.model() != nullptr, kLong);
        const auto model = wb.model();
        QVERIFY(QFile::copy(defaultModelPath(), dir + "/nocard.pt"));
        QSignalSpy modelFailed(&wb, &Workbench::modelFailed);
        wb.loadModel(dir + "/nocard.pt");
        QVERIFY(modelFailed.wait(20000));
        QVERIFY(modelFailed.at(0).at(1).toString().contains(QStringLiteral("no model card")));
        QCOMPARE(wb.model(), model);
    }
};

QTEST_MAIN(TestWorkbench)
#include "test_workbench.moc"
