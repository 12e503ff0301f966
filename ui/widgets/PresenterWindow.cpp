#include "widgets/PresenterWindow.h"

#include "widgets/PaperChartView.h"
#include "workbench/ChartState.h"
#include "workbench/Teaching.h"
#include "workbench/Workbench.h"

#include <QButtonGroup>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace execg {

namespace {
constexpr double kFontScale = 1.7;   // read from the back of a lecture hall
}

PresenterWindow::PresenterWindow(Workbench& workbench, ChartState& chartState)
    : QWidget(nullptr, Qt::Window), workbench_(workbench), chartState_(chartState)
{
    setObjectName(QStringLiteral("presenterWindow"));
    setWindowTitle(tr("ExECG Studio — presenter view"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * kFontScale);
    setFont(big);

    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("presenterTitle"));
    QFont titleFont = big;
    titleFont.setBold(true);
    titleFont.setPointSizeF(big.pointSizeF() * 1.25);
    title_->setFont(titleFont);
    answer_ = new QLabel(this);
    answer_->setObjectName(QStringLiteral("presenterAnswer"));
    answer_->setWordWrap(true);
    score_ = new QLabel(this);
    score_->setObjectName(QStringLiteral("presenterScore"));
    score_->setStyleSheet(QStringLiteral("QLabel { background: #d6eaf8; color: #0b3d5c; padding: 4px 10px; font-weight: bold; }"));

    const auto button = [this](const QString& text, const QString& tip) {
        auto* b = new QPushButton(text, this);
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::NoFocus);   // the arrow keys stay with the window
        return b;
    };
    auto* previous = button(tr("◀ Previous"), tr("Previous case (←)"));
    auto* next = button(tr("Next ▶"), tr("Next case (→)"));
    reveal_ = button(tr("Reveal"), tr("Show the model's answer and map (R)"));
    auto* pointer = button(tr("Pointer"), tr("A large dot that follows the mouse"));
    auto* pen = button(tr("Pen"), tr("Draw on the chart"));
    auto* mark = button(tr("Mark"), tr("Mark a stretch of a lead (the quiz)"));
    auto* none = button(tr("Navigate"), tr("Pan and measure"));
    auto* undo = button(tr("Undo"), tr("Remove the last stroke"));
    auto* clear = button(tr("Clear"), tr("Remove the drawings and marks of this case"));
    auto* exit = button(tr("Exit"), tr("Back to the workstation (Esc)"));
    auto* tools = new QButtonGroup(this);
    for (auto* b : {none, pointer, pen, mark}) {
        b->setCheckable(true);
        tools->addButton(b);
    }
    none->setChecked(true);

    chart_ = new PaperChartView(this);
    chart_->setObjectName(QStringLiteral("presenterChart"));
    chart_->setShowColourBar(true);

    auto* top = new QHBoxLayout;
    top->addWidget(title_, 1);
    for (auto* b : {previous, next, reveal_})
        top->addWidget(b);
    top->addSpacing(24);
    for (auto* b : {none, pointer, pen, mark, undo, clear})
        top->addWidget(b);
    top->addSpacing(24);
    top->addWidget(exit);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(answer_);
    layout->addWidget(score_);
    layout->addWidget(chart_, 1);

    Teaching& t = workbench_.teaching();
    connect(previous, &QPushButton::clicked, &workbench_, &Workbench::previousCase);
    connect(next, &QPushButton::clicked, &workbench_, &Workbench::nextCase);
    connect(reveal_, &QPushButton::clicked, &t, &Teaching::reveal);
    connect(none, &QPushButton::clicked, this, [this] { chart_->setTool(ChartTool::Navigate); });
    connect(pointer, &QPushButton::clicked, this, [this] { chart_->setTool(ChartTool::Pointer); });
    connect(pen, &QPushButton::clicked, this, [this] { chart_->setTool(ChartTool::Pen); });
    connect(mark, &QPushButton::clicked, this, [this] { chart_->setTool(ChartTool::Mark); });
    connect(undo, &QPushButton::clicked, &t, &Teaching::undoStroke);
    connect(clear, &QPushButton::clicked, &t, [&t] {
        t.clearStrokes();
        t.clearMarks();
    });
    connect(exit, &QPushButton::clicked, this, &QWidget::close);
    connect(chart_, &PaperChartView::markDrawn, &t, &Teaching::addMark);
    connect(chart_, &PaperChartView::strokeDrawn, &t, &Teaching::addStroke);

    // Redrawn once the event loop comes round, however many of these arrived.
    for (auto signal : {&Workbench::caseOpened, &Workbench::displayChanged, &Workbench::predictionChanged})
        connect(&workbench_, signal, this, &PresenterWindow::scheduleRefresh);
    connect(&chartState_, &ChartState::changed, this, &PresenterWindow::scheduleRefresh);
    connect(&t, &Teaching::modeChanged, this, &PresenterWindow::scheduleRefresh);
    connect(&t, &Teaching::annotationsChanged, this, &PresenterWindow::scheduleRefresh);
    refresh();
}

void PresenterWindow::scheduleRefresh()
{
    if (refreshQueued_)
        return;
    refreshQueued_ = true;
    QTimer::singleShot(0, this, [this] {
        refreshQueued_ = false;
        refresh();
    });
}

QString PresenterWindow::titleText() const
{
    const auto recording = workbench_.recording();
    if (!recording)
        return tr("No case open");
    const int index = workbench_.cases().current();
    const QString name = workbench_.deidentify() ? QString::fromStdString(recording->sourcePath)
                                                 : QFileInfo(workbench_.casePath()).fileName();
    return tr("Case %1 of %2 — %3").arg(index + 1).arg(workbench_.cases().size()).arg(name);
}

QString PresenterWindow::answerText() const
{
    if (workbench_.teaching().hidden())
        return tr("The model's answer is hidden. Reveal it with R.");
    const QString prediction = workbench_.predictionText();
    const QString caption = chartState_.caption();
    return caption.isEmpty() ? prediction : prediction + QLatin1Char('\n') + caption;
}

void PresenterWindow::refresh()
{
    chart_->setRecording(workbench_.displayRecording(), workbench_.groupIndex());
    chart_->showState(chartState_);
    chart_->setFilterNote(workbench_.displayFilterNote());
    chart_->setAnnotations(workbench_.teaching().annotations());
    title_->setText(titleText());
    answer_->setText(answerText());
    reveal_->setEnabled(workbench_.teaching().hidden());
    score_->setText(chartState_.scoreText());
    score_->setVisible(chartState_.scoreShown());
}

void PresenterWindow::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        close();
        return;
    case Qt::Key_Right:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        workbench_.nextCase();
        return;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
        workbench_.previousCase();
        return;
    case Qt::Key_R:
        workbench_.teaching().reveal();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace execg
