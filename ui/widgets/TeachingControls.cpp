#include "widgets/TeachingControls.h"

#include "explain/Explainer.h"
#include "widgets/PaperChartView.h"
#include "widgets/PresenterWindow.h"
#include "workbench/ChartState.h"
#include "workbench/Teaching.h"
#include "workbench/Workbench.h"

#include <QAction>
#include <QActionGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMainWindow>
#include <QScreen>
#include <QToolBar>

namespace execg {

TeachingControls::TeachingControls(Workbench& workbench, ChartState& chartState, PaperChartView& chart, QMainWindow& host,
                                   QMenu* menu)
    : QObject(&host), workbench_(workbench), chartState_(chartState), chart_(chart), host_(host)
{
    score_ = new QLabel(&host);
    score_->setObjectName(QStringLiteral("quizScore"));
    score_->setStyleSheet(QStringLiteral("QLabel { background: #d6eaf8; color: #0b3d5c; padding: 2px 8px; font-weight: bold; }"));
    score_->hide();
    toolbar_ = new QToolBar(tr("Teaching"), &host);
    toolbar_->setObjectName(QStringLiteral("teachingToolBar"));
    host.addToolBar(Qt::TopToolBarArea, toolbar_);
    buildActions(menu);

    Teaching& t = workbench_.teaching();
    connect(&chart_, &PaperChartView::markDrawn, &t, &Teaching::addMark);
    connect(&chart_, &PaperChartView::strokeDrawn, &t, &Teaching::addStroke);
    connect(&t, &Teaching::annotationsChanged, this, [this] {
        chart_.setAnnotations(workbench_.teaching().annotations());
        refreshScore();
    });
    connect(&t, &Teaching::modeChanged, this, &TeachingControls::refreshMode);
    // The score follows the chart's map; the label shows the score the chart state holds.
    connect(&chartState_, &ChartState::changed, this, [this] {
        refreshScore();
        score_->setText(chartState_.scoreText());
        score_->setToolTip(chartState_.scoreToolTip());
        score_->setVisible(chartState_.scoreShown());
    });
    refreshMode();
}

TeachingControls::~TeachingControls() { delete presenter_; }

void TeachingControls::buildActions(QMenu* menu)
{
    Teaching& t = workbench_.teaching();
    const auto checkable = [&](const QString& text, const QString& name, const QKeySequence& key) {
        QAction* a = menu->addAction(text);
        a->setObjectName(name);
        a->setCheckable(true);
        a->setShortcut(key);
        return a;
    };
    menu->addSeparator();
    blind_ = checkable(tr("&Blind mode: hide the model's answer"), QStringLiteral("blindAction"), QKeySequence(tr("Ctrl+Shift+B")));
    blind_->setToolTip(tr("Each case opens with the prediction and the explanations hidden until you reveal them"));
    connect(blind_, &QAction::toggled, &t, &Teaching::setBlind);
    quiz_ = checkable(tr("&Quiz: learners mark the leads first"), QStringLiteral("quizAction"), QKeySequence(tr("Ctrl+Shift+M")));
    quiz_->setToolTip(tr("Answer hidden; mark the stretches of the leads you think drive the diagnosis, then reveal "
                         "the model's map and the overlap score"));
    connect(quiz_, &QAction::toggled, &t, [this, &t](bool on) {
        t.setQuiz(on);
        (on ? mark_ : navigate_)->trigger();
    });
    reveal_ = menu->addAction(tr("&Reveal the answer"), QKeySequence(tr("F6")), &t, &Teaching::reveal);
    reveal_->setObjectName(QStringLiteral("revealAction"));
    hideAgain_ = menu->addAction(tr("&Hide the answer again"), QKeySequence(tr("Shift+F6")), &t, &Teaching::hideAgain);

    menu->addSeparator();
    auto* tools = new QActionGroup(this);
    const auto tool = [&](const QString& text, const QString& name, const QKeySequence& key, ChartTool which) {
        QAction* a = checkable(text, name, key);
        tools->addAction(a);
        connect(a, &QAction::triggered, this, [this, which] {
            chart_.setTool(which);
            refreshMode();
        });
        return a;
    };
    navigate_ = tool(tr("&Navigate and measure"), QStringLiteral("navigateTool"), QKeySequence(tr("N")), ChartTool::Navigate);
    mark_ = tool(tr("&Mark leads (drag along a lead)"), QStringLiteral("markTool"), QKeySequence(tr("M")), ChartTool::Mark);
    pen_ = tool(tr("&Pen"), QStringLiteral("penTool"), QKeySequence(tr("P")), ChartTool::Pen);
    pointer_ = tool(tr("P&ointer"), QStringLiteral("pointerTool"), QKeySequence(tr("L")), ChartTool::Pointer);
    navigate_->setChecked(true);
    menu->addAction(tr("&Undo the last stroke"), QKeySequence::Undo, &t, &Teaching::undoStroke);
    menu->addAction(tr("Clear the &marks"), &t, &Teaching::clearMarks);
    menu->addAction(tr("Clear the &drawings"), &t, &Teaching::clearStrokes);

    menu->addSeparator();
    menu->addAction(tr("&Presenter view"), QKeySequence(tr("F5")), this, &TeachingControls::showPresenter)->setObjectName(QStringLiteral("presenterAction"));
    menu->addSeparator();
    menu->addAction(tr("&Open a teaching session…"), this, &TeachingControls::chooseSessionToOpen);
    menu->addAction(tr("&Save the teaching session…"), this, &TeachingControls::chooseSessionToSave);
    menu->addAction(tr("&Export a teaching bundle…"), this, &TeachingControls::chooseBundleFolder);

    // Short names on the toolbar; the menu keeps the long ones.
    blind_->setIconText(tr("Blind"));
    quiz_->setIconText(tr("Quiz"));
    reveal_->setIconText(tr("Reveal"));
    navigate_->setIconText(tr("Navigate"));
    mark_->setIconText(tr("Mark"));
    pen_->setIconText(tr("Pen"));
    pointer_->setIconText(tr("Pointer"));
    for (QAction* a : {blind_, quiz_, reveal_})
        toolbar_->addAction(a);
    toolbar_->addSeparator();
    for (QAction* a : {navigate_, mark_, pen_, pointer_})
        toolbar_->addAction(a);
}

void TeachingControls::refreshMode()
{
    const Teaching& t = workbench_.teaching();
    // A quiz switched on or off elsewhere (a session file) takes the Mark tool up or puts it down, as the menu does.
    const bool quizChanged = quiz_->isChecked() != t.quiz();
    {
        const QSignalBlocker b1(blind_), b2(quiz_);
        blind_->setChecked(t.blind());
        quiz_->setChecked(t.quiz());
    }
    if (quizChanged)
        (t.quiz() ? mark_ : navigate_)->trigger();
    reveal_->setEnabled(t.hidden());
    hideAgain_->setEnabled((t.blind() || t.quiz()) && t.revealed());
    toolbar_->setVisible(t.blind() || t.quiz() || chart_.tool() != ChartTool::Navigate);
    refreshScore();
}

void TeachingControls::refreshScore()
{
    score_value_.reset();
    const Teaching& t = workbench_.teaching();
    const auto map = chartState_.explanation();
    const SignalGroup* g = workbench_.group();
    if (t.quiz() && t.revealed() && map && g)
        score_value_ = t.score(*map, *g);
    if (!score_value_) {
        chartState_.setScore(tr("Quiz: choose a map for the chart to score the marks against"), QString(),
                             t.quiz() && !t.annotations().marks.empty() && !t.hidden() && !map);
        return;
    }
    const QLocale locale;
    const MarkOverlap& s = *score_value_;
    chartState_.setScore(tr("Quiz: overlap score %1 / 100 · your marks hold %2 % of the evidence (%3) on %4 % of the ECG")
                             .arg(std::lround(100.0 * s.dice))
                             .arg(locale.toString(100.0 * s.evidenceCaptured, 'f', 0), chartState_.methodTitle(),
                                  locale.toString(100.0 * s.markedShare, 'f', 1)),
                         tr("Overlap score: the Dice overlap between your marks and the fewest samples that hold half of "
                            "the model's evidence (100: the same samples). Marks placed at random would hold about as "
                            "much evidence as the share of the ECG they cover."),
                         true);
}

SessionFile TeachingControls::currentSession() const
{
    // The workbench's part, and the chart's: its display settings and its method.
    SessionFile s = captureSession(workbench_);
    s.display = chartState_.display().toJson();
    if (chartState_.explanation())
        s.chartMethod = QString::fromStdString(chartState_.method());
    return s;
}

bool TeachingControls::saveSession(const QString& path, QString* error)
{
    const SessionFile s = currentSession();
    QString why;
    if (!writeSessionFile(path, s, &why)) {
        emit problem(tr("Could not save the session\n%1").arg(why));
        if (error)
            *error = why;
        return false;
    }
    emit notice(tr("Saved the session %1").arg(path));
    return true;
}

bool TeachingControls::openSession(const QString& path, QString* error)
{
    const SessionRead r = readSessionFile(path);
    missing_ = r.missing;
    if (!r.session) {
        emit problem(tr("Could not open the session\n%1").arg(r.error));
        if (error)
            *error = r.error;
        return false;
    }
    chartState_.setDisplay(DisplaySettings::fromJson(r.session->display));
    if (const Explainer* method = ExplainerRegistry::instance().find(r.session->chartMethod.toStdString()))
        chartState_.setPickedMethod(QString::fromStdString(method->info().title));
    applySession(workbench_, *r.session);
    if (!r.missing.isEmpty())
        emit problem(tr("%1: %n file(s) of this session are missing and were left out:\n%2", nullptr, int(r.missing.size()))
                         .arg(QFileInfo(path).fileName(), r.missing.join(QLatin1Char('\n'))));
    return true;
}

void TeachingControls::exportBundle(const QString& folder, BundleFormat format)
{
    const SessionFile s = currentSession();
    QStringList aliases;
    for (int i = 0; i < int(s.cases.size()); ++i)
        aliases << workbench_.caseAlias(i);
    auto result = std::make_shared<BundleResult>();
    workbench_.runner().submit(tr("Writing the teaching bundle %1").arg(QFileInfo(folder).fileName()),
                               [s, aliases, folder, format, result](const JobControl& control) {
                                   *result = writeTeachingBundle(s, aliases, folder, format,
                                                                 [&control](double f) { return control.report(f); });
                               },
                               [this, result, folder](JobState state, const QString& message) {
                                   const QString error = state == JobState::Finished ? QString()
                                                         : state == JobState::Cancelled ? tr("%1: cancelled").arg(folder)
                                                                                        : message;
                                   if (!error.isEmpty())
                                       emit problem(tr("Could not export the teaching bundle\n%1").arg(error));
                                   else if (!result->warnings.isEmpty())
                                       emit problem(result->warnings.join(QLatin1Char('\n')));
                                   else
                                       emit notice(tr("Wrote the teaching bundle %1 (%n case(s))", nullptr, result->casesWritten)
                                                       .arg(folder));
                                   emit bundleExported(result->sessionPath, error);
                               });
}

void TeachingControls::showPresenter()
{
    if (!presenter_)
        presenter_ = new PresenterWindow(workbench_, chartState_);
    // The whole screen the workstation is on, set first: without a window manager full screen alone keeps the size.
    if (const QScreen* screen = host_.screen())
        presenter_->setGeometry(screen->geometry());
    presenter_->showFullScreen();
    presenter_->raise();
    presenter_->activateWindow();
}

void TeachingControls::chooseSessionToOpen()
{
    const QString path = QFileDialog::getOpenFileName(&host_, tr("Open a teaching session"), QString(),
                                                      tr("ExECG Studio sessions (*.execg)"));
    if (!path.isEmpty())
        openSession(path);
}

void TeachingControls::chooseSessionToSave()
{
    QString path = QFileDialog::getSaveFileName(&host_, tr("Save the teaching session"), QString(),
                                                tr("ExECG Studio sessions (*.execg)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".execg")))
        path += QStringLiteral(".execg");
    saveSession(path);
}

void TeachingControls::chooseBundleFolder()
{
    const QString dicom = tr("DICOM 12-lead ECGs (*)");
    QString chosen;
    const QString folder = QFileDialog::getSaveFileName(&host_, tr("Export a teaching bundle (a new folder)"), QString(),
                                                        tr("WFDB records (*)") + QStringLiteral(";;") + dicom, &chosen);
    if (!folder.isEmpty())
        exportBundle(folder, chosen == dicom ? BundleFormat::Dicom : BundleFormat::Wfdb);
}

} // namespace execg
