#include "widgets/MainWindow.h"

#include "explain/Explainer.h"
#include "explain/MapDisplay.h"
#include "io/ReaderRegistry.h"
#include "io/WriterRegistry.h"
#include "model/torch/TorchModel.h"
#include "render/MapDisplayText.h"
#include "widgets/AuditLogView.h"
#include "widgets/ModelComparisonView.h"
#include "widgets/CohortView.h"
#include "widgets/ComparisonView.h"
#include "widgets/CounterfactualView.h"
#include "widgets/TcavView.h"
#include "widgets/EvidenceView.h"
#include "widgets/MeasurementsView.h"
#include "widgets/ExplainerPanel.h"
#include "widgets/ModelPanel.h"
#include "widgets/PaperChartView.h"
#include "widgets/QualityPanel.h"
#include "widgets/RecordingView.h"
#include "widgets/TeachingControls.h"
#include "widgets/Language.h"
#include "widgets/Theme.h"
#include "widgets/ViewExport.h"
#include "widgets/WorklistPanel.h"
#include "workbench/WorkbenchAudit.h"
#include "workbench/BundledResources.h"
#include "workbench/ChartState.h"
#include "workbench/Settings.h"
#include "workbench/Teaching.h"
#include "workbench/Workbench.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace execg {

namespace {
constexpr int kMaxRecent = 10;
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("ExECG Studio"));
    setAcceptDrops(true);
    workbench_ = new Workbench(this);
    // Every finished analysis into the audit log (Analysis ▸ Record analyses in the audit log).
    auto* audit = new WorkbenchAudit(*workbench_, this);
    connect(audit, &WorkbenchAudit::failed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Not recorded in the audit log: %1").arg(message), 10000);
    });
    chartState_ = new ChartState(this);

    errorBanner_ = new QLabel(this);
    errorBanner_->setObjectName(QStringLiteral("errorBanner"));
    errorBanner_->setWordWrap(true);
    errorBanner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorBanner_->setStyleSheet(QStringLiteral("QLabel { background: #fde2e1; color: #7a1111; padding: 6px; border: 1px solid #e0a0a0; }"));
    errorBanner_->hide();

    chart_ = new PaperChartView(this);
    chart_->setObjectName(QStringLiteral("paperChart"));
    chartMethod_ = new QComboBox(this);
    chartMethod_->setObjectName(QStringLiteral("chartMethodBox"));
    chartMethod_->setToolTip(tr("The method whose map is drawn over the chart"));
    auto* chartPage = new QWidget(this);
    auto* chartLayout = new QVBoxLayout(chartPage);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto* chartTop = new QHBoxLayout;
    chartTop->setContentsMargins(6, 4, 6, 0);
    chartTop->addWidget(new QLabel(tr("Map on the chart:"), chartPage));
    chartTop->addWidget(chartMethod_);
    chartTop->addStretch(1);
    chartLayout->addLayout(chartTop);
    chartLayout->addWidget(chart_, 1);

    comparison_ = new ComparisonView(this);
    quality_ = new QualityPanel(*workbench_, this);
    auto* compare = new QSplitter(Qt::Vertical, this);
    compare->addWidget(comparison_);
    compare->addWidget(quality_);
    compare->setStretchFactor(0, 3);
    compare->setStretchFactor(1, 1);
    compare->setSizes({700, 240});

    leads_ = new RecordingView(this);
    evidence_ = new EvidenceView(this);
    measurements_ = new MeasurementsView(this);
    counterfactual_ = new CounterfactualView(*workbench_, this);
    tcav_ = new TcavView(*workbench_, this);

    views_ = new QTabWidget(this);
    views_->setObjectName(QStringLiteral("views"));
    views_->addTab(chartPage, tr("Chart"));
    views_->addTab(compare, tr("Compare methods"));
    views_->addTab(evidence_, tr("Evidence by lead and wave"));
    views_->addTab(measurements_, tr("Measurements and median beats"));
    views_->addTab(counterfactual_, tr("Counterfactual"));
    views_->addTab(tcav_, tr("Concepts (TCAV)"));
    views_->addTab(leads_, tr("All leads (scroll)"));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(errorBanner_);
    layout->addWidget(views_, 1);
    setCentralWidget(central);

    progress_ = new QProgressBar(this);
    progress_->setRange(0, 0);
    progress_->setMaximumWidth(160);
    progress_->hide();
    statusBar()->addPermanentWidget(progress_);
    deidentified_ = new QLabel(tr("De-identified"), this);
    deidentified_->setObjectName(QStringLiteral("deidentifiedIndicator"));
    deidentified_->setToolTip(tr("Teaching mode: names, IDs, dates and free text are removed on screen and in every export"));
    deidentified_->setStyleSheet(QStringLiteral("QLabel { background: #f0e442; color: black; padding: 1px 8px; font-weight: bold; }"));
    deidentified_->setVisible(workbench_->deidentify());
    statusBar()->addPermanentWidget(deidentified_);
    connect(workbench_, &Workbench::deidentifyChanged, deidentified_, &QLabel::setVisible);

    display_ = new DisplayToolBar(this);
    addToolBar(display_);
    buildDocks();
    buildMenus();
    connect(&workbench_->teaching(), &Teaching::modeChanged, this, &MainWindow::refreshExplanations);
    teaching_ = new TeachingControls(*workbench_, *chartState_, *chart_, *this, teachingMenu_);
    chartTop->insertWidget(2, teaching_->scoreLabel());
    connect(teaching_, &TeachingControls::problem, this, &MainWindow::showBanner);
    connect(teaching_, &TeachingControls::notice, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });

    // The chart shows the chart state; the tool bar follows a state set elsewhere (a session file), and the window
    // chooses the map again when the reviewer (or a session) picks another method.
    connect(chartState_, &ChartState::changed, this, [this] { chart_->showState(*chartState_); });
    connect(chartState_, &ChartState::displayChanged, this, [this] { display_->setSettings(chartState_->display()); });
    connect(chartState_, &ChartState::pickedMethodChanged, this, &MainWindow::refreshExplanations);
    connect(display_, &DisplayToolBar::changed, this, &MainWindow::applyDisplay);
    connect(chartMethod_, &QComboBox::activated, this, [this] { chartState_->setPickedMethod(chartMethod_->currentText()); });
    connect(workbench_, &Workbench::caseOpened, this, &MainWindow::caseOpened);
    // Time to the chart counts from the case asked for, however it was asked for (worklist, next case, presenter).
    connect(&workbench_->cases(), &CaseList::currentChanged, this, [this] { openTimer_.start(); });
    connect(workbench_, &Workbench::caseFailed, this, &MainWindow::showError);
    connect(workbench_, &Workbench::modelFailed, this, &MainWindow::showError);
    connect(workbench_, &Workbench::modelLoaded, this, [this] {
        Settings().setValue(setting::modelPath, workbench_->modelPath());
        Settings().setValue(setting::modelChosenByUser, workbench_->modelChosenByUser());
        chooseDefaultMethods();
        statusBar()->showMessage(tr("Model %1 loaded").arg(QFileInfo(workbench_->modelPath()).fileName()), 5000);
    });
    connect(workbench_, &Workbench::predictionChanged, this, [this] {
        chartState_->setWindowStart(modelWindowStart());
        refreshExplanations();
    });
    connect(workbench_, &Workbench::explanationsChanged, this, &MainWindow::refreshExplanations);
    connect(workbench_, &Workbench::measurementsChanged, this, &MainWindow::refreshMeasurements);
    connect(workbench_, &Workbench::displayChanged, this, [this] {
        if (workbench_->recording())
            showDisplayRecording();
    });
    connect(workbench_, &Workbench::explanationUpdated, this, [this](int i) {
        if (workbench_->explanations()[std::size_t(i)].state != JobState::Running)
            refreshExplanations();
    });
    connect(workbench_, &Workbench::busyChanged, progress_, &QWidget::setVisible);
    connect(workbench_, &Workbench::message, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(comparison_, &ComparisonView::cursorMoved, chart_, &PaperChartView::setCursorTime);
    connect(workbench_, &Workbench::exported, this, [this](const QString& path, const QString& error) {
        if (error.isEmpty())
            statusBar()->showMessage(tr("Wrote %1").arg(path), 8000);
        else
            showBanner(tr("Could not export %1\n%2").arg(QFileInfo(path).fileName(), error));
    });

    applyDisplay(display_->settings());
    const Settings settings;
    rememberedGeometry_ = restoreGeometry(settings.value(setting::windowGeometry));
    if (!rememberedGeometry_)
        resize(1600, 960);
    restoreState(settings.value(setting::windowState));

    // The model the user chose last session while its file is still there; else the demo model, which then follows
    // the cases opened (a real recording gets the real-data model).
    const QString model = settings.value(setting::modelPath);
    if (QFileInfo::exists(model) && settings.value(setting::modelChosenByUser))
        workbench_->loadModel(model);
    else
        workbench_->loadModel(defaultModelPath(), std::nullopt, Workbench::ModelChoice::Automatic);
}

MainWindow::~MainWindow()
{
    // The panels hold the Workbench by reference: they go first, the Workbench (the first child) last.
    workbench_->runner().cancelAll();
    for (auto* dock : findChildren<QDockWidget*>())
        delete dock;
    delete takeCentralWidget();
}

void MainWindow::buildDocks()
{
    const auto dock = [this](const QString& title, const QString& name, QWidget* content, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(content);
        addDockWidget(area, d);
        return d;
    };
    worklist_ = new WorklistPanel(*workbench_, this);
    dock(tr("Worklist"), QStringLiteral("worklistDock"), worklist_, Qt::LeftDockWidgetArea);
    modelPanel_ = new ModelPanel(*workbench_, this);
    auto* modelScroll = new QScrollArea(this);   // a long card or many warnings scroll, never clip
    modelScroll->setWidgetResizable(true);
    modelScroll->setFrameShape(QFrame::NoFrame);
    modelScroll->setWidget(modelPanel_);
    modelScroll->setMinimumWidth(380);
    dock(tr("Model and prediction"), QStringLiteral("modelDock"), modelScroll, Qt::RightDockWidgetArea);
    explainers_ = new ExplainerPanel(*workbench_, this);
    dock(tr("Explanation methods"), QStringLiteral("explainerDock"), explainers_, Qt::RightDockWidgetArea);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseFiles);
    file->addAction(tr("Open &folder…"), QKeySequence(tr("Ctrl+Shift+O")), this, &MainWindow::chooseFolder);
    file->addAction(tr("Open the &demo case"), this, &MainWindow::openDemo);
    file->addAction(tr("Co&hort…"), QKeySequence(tr("Ctrl+Shift+H")), this, &MainWindow::showCohort);
    recentMenu_ = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("Export PDF &report…"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::chooseReportFile);
    file->addAction(tr("Export the &view as PNG or SVG…"), this, &MainWindow::chooseViewPictureFile);
    file->addAction(tr("Export the results as &JSON…"), this, &MainWindow::chooseResultsFile);
    file->addAction(tr("Export the &counterfactual as a recording…"), this, &MainWindow::chooseCounterfactualFile);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* cases = menuBar()->addMenu(tr("&Case"));
    cases->addAction(tr("&Next case"), QKeySequence(tr("Ctrl+PgDown")), workbench_, &Workbench::nextCase);
    cases->addAction(tr("&Previous case"), QKeySequence(tr("Ctrl+PgUp")), workbench_, &Workbench::previousCase);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Chart"), QKeySequence(tr("Ctrl+1")), this, [this] { showView(ChartView); });
    view->addAction(tr("C&ompare methods"), QKeySequence(tr("Ctrl+2")), this, [this] { showView(CompareView); });
    view->addAction(tr("&Evidence by lead and wave"), QKeySequence(tr("Ctrl+3")), this, [this] { showView(EvidenceTab); });
    view->addAction(tr("&Measurements and median beats"), QKeySequence(tr("Ctrl+4")), this, [this] { showView(MeasurementsTab); });
    view->addAction(tr("Co&unterfactual"), QKeySequence(tr("Ctrl+5")), this, [this] { showView(CounterfactualTab); });
    view->addAction(tr("Co&ncepts (TCAV)"), QKeySequence(tr("Ctrl+6")), this, [this] { showView(TcavTab); });
    view->addAction(tr("&All leads"), QKeySequence(tr("Ctrl+7")), this, [this] { showView(LeadsView); });
    view->addSeparator();
    QAction* calipers = view->addAction(tr("C&alipers (or Shift+drag)"));
    calipers->setShortcut(QKeySequence(tr("K")));
    calipers->setCheckable(true);
    connect(calipers, &QAction::toggled, chart_, &PaperChartView::setCaliperMode);
    QMenu* theme = view->addMenu(tr("T&heme"));
    QAction* light = theme->addAction(tr("&Light"), this, [] { applyTheme(Theme::Light); });
    QAction* dark = theme->addAction(tr("&Dark"), this, [] { applyTheme(Theme::Dark); });
    light->setCheckable(true);
    dark->setCheckable(true);
    auto* themes = new QActionGroup(this);
    themes->addAction(light);
    themes->addAction(dark);
    (savedTheme() == Theme::Dark ? dark : light)->setChecked(true);
    QMenu* language = view->addMenu(tr("La&nguage"));
    auto* languages = new QActionGroup(this);
    const QString current = savedLanguage();
    const auto addLanguage = [&](const QString& code, const QString& name) {
        QAction* a = language->addAction(name, this, [this, code] {
            saveLanguage(code);
            showBanner(tr("The language changes at the next start of ExECG Studio."));
        });
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
    };
    addLanguage(QString(), tr("The system's language"));
    for (const auto& code : availableLanguages())
        addLanguage(code, languageName(code));
    view->addSeparator();
    view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, chart_, &PaperChartView::zoomIn);
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, chart_, &PaperChartView::zoomOut);
    view->addAction(tr("&Fit to window"), QKeySequence(tr("Ctrl+0")), this, [this] { chart_->setZoom(ChartZoom::FitPage); });
    view->addAction(tr("&True size"), QKeySequence(tr("Ctrl+Shift+0")), this, [this] { chart_->setZoom(ChartZoom::Factor, 1.0); });

    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    analysis->addAction(tr("&Run the chosen methods"), QKeySequence(tr("Ctrl+R")), workbench_, &Workbench::runExplanations);
    analysis->addAction(tr("&Cancel running methods"), QKeySequence(tr("Ctrl+.")), workbench_, &Workbench::cancelExplanations);
    analysis->addAction(tr("Assess &quality"), QKeySequence(tr("Ctrl+Shift+Q")), workbench_, &Workbench::assessQuality);
    analysis->addSeparator();
    QAction* audit = analysis->addAction(tr("Record analyses in the &audit log"));
    audit->setCheckable(true);
    audit->setChecked(Settings().value(setting::auditEnabled));
    connect(audit, &QAction::toggled, this, [](bool on) { Settings().setValue(setting::auditEnabled, on); });
    analysis->addAction(tr("Audit &log…"), this, &MainWindow::showAuditLog);
    analysis->addAction(tr("Compare &models…"), this, &MainWindow::showModelComparison);
    teachingMenu_ = menuBar()->addMenu(tr("&Teaching"));
    QAction* deidentify = teachingMenu_->addAction(tr("&De-identify cases"));
    deidentify->setObjectName(QStringLiteral("deidentifyAction"));
    deidentify->setCheckable(true);
    deidentify->setChecked(workbench_->deidentify());
    connect(deidentify, &QAction::toggled, workbench_, &Workbench::setDeidentify);
}

void MainWindow::showView(View view) { views_->setCurrentIndex(int(view)); }

MainWindow::View MainWindow::currentView() const { return View(views_->currentIndex()); }

std::shared_ptr<const Recording> MainWindow::recording() const { return workbench_->recording(); }

void MainWindow::openFile(const QString& path) { openPaths({path}); }

void MainWindow::openPaths(const QStringList& paths)
{
    openTimer_.start();
    workbench_->openPaths(paths);
}

void MainWindow::openDemo()
{
    if (workbench_->modelPath() != defaultModelPath())
        workbench_->loadModel(defaultModelPath(), std::nullopt, Workbench::ModelChoice::Automatic);
    openFile(demoCasePath());
}

void MainWindow::chooseDefaultMethods()
{
    const auto model = workbench_->model();
    if (!model)
        return;
    // The reviewer's last choice, else the defaults for this model's card.
    QStringList names = Settings().value(setting::methods);
    if (names.isEmpty())
        for (const auto& n : defaultExplainerNames(model->card()))
            names << QString::fromStdString(n);
    explainers_->chooseMethods(names);
}

double MainWindow::modelWindowStart() const
{
    const auto input = workbench_->input();
    return input && input->sourceRateHz > 0 ? double(input->sourceFirst) / input->sourceRateHz : 0.0;
}

void MainWindow::caseOpened()
{
    const auto recording = workbench_->recording();
    errorBanner_->hide();
    chartState_->setWindowStart(0.0);
    showDisplayRecording();
    chart_->repaint();   // painted now, so the time to the chart is measured to pixels on screen
    openToChartMs_ = openTimer_.isValid() ? double(openTimer_.nsecsElapsed()) / 1e6 : 0.0;
    const QFileInfo info(workbench_->casePath());
    // De-identified, the case goes by its alias: file names often carry the patient's.
    const QString shown = workbench_->deidentify() ? QString::fromStdString(recording->sourcePath) : info.fileName();
    setWindowTitle(tr("%1 — ExECG Studio").arg(shown));
    QString status = tr("%1 (%2): read in %3 ms, chart shown after %4 ms")
                         .arg(shown, QString::fromStdString(recording->formatName))
                         .arg(workbench_->lastReadMs())
                         .arg(std::lround(openToChartMs_));
    if (!recording->warnings.empty())
        status += tr(" — %n warning(s): ", nullptr, int(recording->warnings.size())) + QString::fromStdString(recording->warnings.front());
    statusBar()->showMessage(status);
    if (!workbench_->deidentify())
        rememberRecent(info.absoluteFilePath());
    emit recordingShown();
}

void MainWindow::showDisplayRecording()
{
    // The charts show the recording as filtered for display (or as read); maps and measurements are unchanged.
    const auto shown = workbench_->displayRecording();
    chart_->setRecording(shown, workbench_->groupIndex());
    chart_->setFilterNote(workbench_->displayFilterNote());
    leads_->setRecording(shown, workbench_->groupIndex());
    refreshExplanations();
}

void MainWindow::showError(const QString& path, const QString& message)
{
    // The case on screen stays: a bad file must never cost the clinician the one they were reading.
    showBanner(tr("Could not open %1\n%2").arg(QFileInfo(path).fileName(), message));
    emit openFailed(message);
}

void MainWindow::showBanner(const QString& text)
{
    errorBanner_->setText(text);
    errorBanner_->show();
}

QString MainWindow::lastError() const { return errorBanner_->isVisible() ? errorBanner_->text() : QString(); }

void MainWindow::applyDisplay(const DisplaySettings& settings)
{
    chartState_->setDisplay(settings);
    counterfactual_->setChartStyleFrom(chart_);
    comparison_->setStyle(settings.chart);
    comparison_->setColours(settings.colours, settings.overlay, settings.map);
    leads_->setSpeed(settings.chart.speedMmPerSecond);
    leads_->setGain(settings.chart.gainMmPerMillivolt);
    workbench_->setDisplayFilter(settings.filter, settings.mainsHz);
    refreshExplanations();   // the comparison's and the chart's maps as now drawn
}

void MainWindow::refreshExplanations()
{
    std::vector<ComparedMethod> finished;
    std::vector<EvidenceMethod> evidence;
    const QSignalBlocker block(chartMethod_);
    // Blind mode: nothing of the model's answer is shown — no map, no comparison, no evidence, no counterfactual or
    // concept results — until the presenter reveals it. The work goes on behind, so the reveal is immediate.
    const bool hidden = workbench_->teaching().hidden();
    for (const View v : {CompareView, EvidenceTab, CounterfactualTab, TcavTab})
        views_->setTabEnabled(int(v), !hidden);
    if (hidden && !views_->isTabEnabled(views_->currentIndex()))
        showView(ChartView);
    chartMethod_->setEnabled(!hidden);
    chartMethod_->clear();
    chartMethod_->addItem(hidden ? tr("hidden until revealed") : tr("none"));
    for (const auto& e : workbench_->explanations())
        if (e.explanation && !hidden) {
            finished.push_back({e.title, e.headline, displayed(e.explanation)});
            evidence.push_back({e.title, e.headline, e.explanation, e.summary});
            chartMethod_->addItem(e.title);
        }
    // The reviewer's pick stays; otherwise integrated gradients (complete and faithful by construction), else the first.
    int at = chartMethod_->findText(chartState_->pickedMethod());
    if (at < 0)
        if (const Explainer* ig = ExplainerRegistry::instance().find("integrated-gradients"))
            at = chartMethod_->findText(QString::fromStdString(ig->info().title));
    chartMethod_->setCurrentIndex(at >= 0 ? at : (finished.empty() ? 0 : 1));
    comparison_->setRecording(workbench_->displayRecording(), workbench_->groupIndex(), modelWindowStart());
    comparison_->setMethods(finished);
    const auto input = workbench_->input();
    evidence_->setRecording(workbench_->displayRecording(), workbench_->groupIndex(), input ? input->sourceFirst : 0,
                            input ? input->sourceCount : 0);
    evidence_->setMethods(evidence, chartMethod_->currentText());
    refreshChartOverlay();
}

const ExplanationEntry* MainWindow::chartEntry() const
{
    // The chart's list holds "none", then the finished explanations in the workbench's order.
    int k = chartMethod_->currentIndex() - 1;
    for (const auto& e : workbench_->explanations())
        if (e.explanation && k-- == 0)
            return &e;
    return nullptr;
}

void MainWindow::refreshMeasurements()
{
    // The median beats carry the chart's method, averaged over the aligned beats.
    const ExplanationEntry* e = chartEntry();
    measurements_->setCase(workbench_->recording(), workbench_->groupIndex(), workbench_->measurements(),
                           e ? e->explanation : nullptr, e ? e->title : QString());
}

void MainWindow::refreshChartOverlay()
{
    refreshMeasurements();
    const ExplanationEntry* e = chartEntry();
    if (!e) {
        chartState_->clearMap(workbench_->teaching().hidden() ? tr("Blind mode: the model's answer is hidden until it is revealed")
                                                              : QString());
        return;
    }
    const auto shown = displayed(e->explanation);
    AttributionOverlay o;
    o.colours = chartState_->display().colours;
    o.mode = chartState_->display().overlay;
    o.title = e->title;
    o.scale = fullColourValue({&shown->recordingMap});
    describeMapDisplay(o, shownDisplay());
    QString caption = e->headline.isEmpty() ? e->title : e->title + QStringLiteral(" — ") + e->headline;
    if (const QString note = mapDisplayNote(shownDisplay()); !note.isEmpty())
        caption += QStringLiteral(" · ") + note;
    chartState_->showMap(e->choice.method, e->title, e->explanation, o, caption, shown);
}

MapDisplay MainWindow::shownDisplay() const
{
    return drawableDisplay(chartState_->display().map, workbench_->waves());
}

std::shared_ptr<const Explanation> MainWindow::displayed(std::shared_ptr<const Explanation> explanation) const
{
    const SignalGroup* g = workbench_->group();
    return g ? displayedExplanation(std::move(explanation), g->samplingRateHz, workbench_->waves(), shownDisplay()) : explanation;
}

QString MainWindow::exportStem() const
{
    const QFileInfo info(workbench_->casePath());
    return info.absolutePath() + QLatin1Char('/') + info.completeBaseName();
}

void MainWindow::chooseReportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export PDF report"), exportStem() + QStringLiteral("-report.pdf"),
                                                      tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        exportReport(path);
}

void MainWindow::exportReport(const QString& path)
{
    ReportContent look;
    look.chart = chartState_->display().chart;
    look.overlay = chartState_->display().overlay;
    look.colours = chartState_->display().colours;
    look.mapDisplay = chartState_->display().map;   // applied to the report's maps as it writes them
    workbench_->exportReport(path, look, chartState_->methodTitle());
}

void MainWindow::chooseViewPictureFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the view"), exportStem() + QStringLiteral(".png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"));
    QString error;
    if (!path.isEmpty() && !saveWidgetPicture(views_->currentWidget(), path, &error))
        showBanner(tr("Could not export %1\n%2").arg(QFileInfo(path).fileName(), error));
}

void MainWindow::chooseResultsFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the results"), exportStem() + QStringLiteral("-results.json"),
                                                      tr("JSON (*.json)"));
    QString error;
    if (!path.isEmpty() && !workbench_->exportResults(path, &error))
        showBanner(tr("Could not export %1\n%2").arg(QFileInfo(path).fileName(), error));
}

void MainWindow::chooseCounterfactualFile()
{
    // One filter per format the writer registry knows, the first (WFDB) the default.
    QStringList filters;
    for (const auto& writer : WriterRegistry::instance().writers()) {
        QStringList patterns;
        for (const auto& ext : writer->extensions())
            patterns << QStringLiteral("*") + QString::fromStdString(ext);
        filters << tr("%1 recording (%2)").arg(QString::fromStdString(writer->name()), patterns.join(QLatin1Char(' ')));
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the counterfactual"), exportStem() + QStringLiteral("-counterfactual.hea"),
                                                      filters.join(QStringLiteral(";;")));
    QString error;
    if (!path.isEmpty() && !workbench_->exportCounterfactual(path, &error))
        showBanner(tr("Could not export %1\n%2").arg(QFileInfo(path).fileName(), error));
}

void MainWindow::chooseFiles()
{
    QStringList patterns;
    for (const auto& p : ReaderRegistry::instance().filePatterns())
        patterns << QString::fromStdString(p);
    const QString filter = tr("ECG recordings (%1);;All files (*)").arg(patterns.join(' '));
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open ECG recordings"), QString(), filter);
    if (!paths.isEmpty())
        openPaths(paths);
}

CohortView* MainWindow::showCohort()
{
    if (!cohort_) {
        cohort_ = new CohortView(this);
        cohort_->setWindowFlag(Qt::Window);
        cohort_->resize(1200, 860);
        // A record behind a point opens here, in the workstation, with the model in use.
        connect(cohort_, &CohortView::openRecord, this, [this](const QString& path) {
            openFile(path);
            raise();
            activateWindow();
        });
    }
    QStringList methods;
    for (const auto& m : workbench_->methods())
        if (!isCounterfactualMethod(m.method))
            methods << QString::fromStdString(m.method);
    cohort_->setModel(workbench_->modelPath(), methods);
    cohort_->show();
    cohort_->raise();
    return cohort_;
}

ModelComparisonView* MainWindow::showModelComparison()
{
    if (!modelComparison_) {
        modelComparison_ = new ModelComparisonView(this);
        modelComparison_->setWindowFlag(Qt::Window);
        modelComparison_->resize(1400, 900);
    }
    // The chart's method, else integrated gradients.
    const ExplanationEntry* e = chartEntry();
    const std::string method = e ? e->choice.method : std::string("integrated-gradients");
    modelComparison_->setCase(workbench_->recording(), workbench_->groupIndex(), workbench_->casePath(), workbench_->modelPath(), method,
                              chartState_->display().chart, chartState_->display().map);
    modelComparison_->show();
    modelComparison_->raise();
    return modelComparison_;
}

AuditLogView* MainWindow::showAuditLog()
{
    if (!auditLog_) {
        auditLog_ = new AuditLogView(this);
        auditLog_->setWindowFlag(Qt::Window);
        auditLog_->resize(1200, 700);
    }
    auditLog_->open();
    auditLog_->show();
    auditLog_->raise();
    return auditLog_;
}

void MainWindow::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of ECG recordings"));
    if (!dir.isEmpty())
        openPaths({dir});
}

void MainWindow::rememberRecent(const QString& path)
{
    Settings settings;
    QStringList recent = settings.value(setting::recentFiles);
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(setting::recentFiles, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = Settings().value(setting::recentFiles);
    for (const QString& path : recent)
        recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })->setToolTip(path);
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty())
        openPaths(paths);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    workbench_->runner().cancelAll();
    Settings settings;
    settings.setValue(setting::windowGeometry, saveGeometry());
    settings.setValue(setting::windowState, saveState());
    settings.setValue(setting::methods, explainers_->chosenMethods());
    QMainWindow::closeEvent(event);
}

} // namespace execg
