#include "widgets/MainWindow.h"

#include "io/ReaderRegistry.h"
#include "widgets/RecordingLoader.h"
#include "widgets/RecordingView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace execg {

namespace {
constexpr int kMaxRecent = 10;
const char* kRecentKey = "files/recent";
const char* kGeometryKey = "window/geometry";
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("ExECG Studio"));
    setAcceptDrops(true);
    loader_ = new RecordingLoader(this);
    view_ = new RecordingView(this);
    errorBanner_ = new QLabel(this);
    errorBanner_->setWordWrap(true);
    errorBanner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorBanner_->setStyleSheet("QLabel { background: #fde2e1; color: #7a1111; padding: 6px; border: 1px solid #e0a0a0; }");
    errorBanner_->hide();

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(errorBanner_);
    layout->addWidget(view_, 1);
    setCentralWidget(central);

    progress_ = new QProgressBar(this);
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(200);
    progress_->hide();
    statusBar()->addPermanentWidget(progress_);

    buildActions();
    buildToolBar();

    connect(loader_, &RecordingLoader::progress, this, [this](double f) { progress_->setValue(int(f * 100)); });
    connect(loader_, &RecordingLoader::loaded, this, &MainWindow::showRecording);
    connect(loader_, &RecordingLoader::failed, this, &MainWindow::showError);

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::buildToolBar()
{
    QToolBar* bar = addToolBar(tr("View"));
    bar->setObjectName("viewToolBar");
    bar->addWidget(new QLabel(tr(" Group: "), bar));
    groupBox_ = new QComboBox(bar);
    groupBox_->setMinimumContentsLength(24);
    bar->addWidget(groupBox_);
    connect(groupBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            view_->setGroup(i);
    });
    bar->addWidget(new QLabel(tr("  Speed: "), bar));
    speedBox_ = new QComboBox(bar);
    for (double s : {12.5, 25.0, 50.0})
        speedBox_->addItem(tr("%1 mm/s").arg(s), s);
    speedBox_->setCurrentIndex(1);
    bar->addWidget(speedBox_);
    connect(speedBox_, &QComboBox::currentIndexChanged, this,
            [this](int) { view_->setSpeed(speedBox_->currentData().toDouble()); });
    bar->addWidget(new QLabel(tr("  Gain: "), bar));
    gainBox_ = new QComboBox(bar);
    for (double g : {5.0, 10.0, 20.0})
        gainBox_->addItem(tr("%1 mm/mV").arg(g), g);
    gainBox_->setCurrentIndex(1);
    bar->addWidget(gainBox_);
    connect(gainBox_, &QComboBox::currentIndexChanged, this,
            [this](int) { view_->setGain(gainBox_->currentData().toDouble()); });
}

void MainWindow::chooseFile()
{
    QStringList patterns;
    for (const auto& p : ReaderRegistry::instance().filePatterns())
        patterns << QString::fromStdString(p);
    const QString filter = tr("ECG recordings (%1);;All files (*)").arg(patterns.join(' '));
    const QString path = QFileDialog::getOpenFileName(this, tr("Open ECG recording"), QString(), filter);
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::openFile(const QString& path)
{
    progress_->setValue(0);
    progress_->show();
    statusBar()->showMessage(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    loader_->load(path);
}

void MainWindow::showRecording(std::shared_ptr<const Recording> recording, qint64 elapsedMs)
{
    progress_->hide();
    errorBanner_->hide();
    recording_ = std::move(recording);
    const int primary = recording_->primaryGroupIndex();
    {
        const QSignalBlocker block(groupBox_);
        groupBox_->clear();
        for (const auto& g : recording_->groups)
            groupBox_->addItem(tr("%1 — %2 leads, %3 Hz, %4 s")
                                   .arg(QString::fromStdString(g.label))
                                   .arg(g.leads.size())
                                   .arg(g.samplingRateHz)
                                   .arg(g.durationSeconds(), 0, 'f', 2));
        groupBox_->setCurrentIndex(primary);
    }
    view_->setRecording(recording_, primary);
    const QFileInfo info(QString::fromStdString(recording_->sourcePath));
    setWindowTitle(tr("%1 — ExECG Studio").arg(info.fileName()));
    QString status = tr("%1 (%2) read in %3 ms").arg(info.fileName(), QString::fromStdString(recording_->formatName))
                         .arg(elapsedMs);
    if (!recording_->warnings.empty())
        status += tr(" — %n warning(s): ", nullptr, int(recording_->warnings.size())) +
                  QString::fromStdString(recording_->warnings.front());
    statusBar()->showMessage(status);
    rememberRecent(info.absoluteFilePath());
    emit recordingShown();
}

void MainWindow::showError(const QString& path, const QString& message)
{
    progress_->hide();
    statusBar()->clearMessage();
    // The case on screen stays: a bad file must never cost the clinician the one they were reading.
    errorBanner_->setText(tr("Could not open %1\n%2").arg(QFileInfo(path).fileName(), message));
    errorBanner_->show();
    emit openFailed(message);
}

QString MainWindow::lastError() const
{
    return errorBanner_->isVisible() ? errorBanner_->text() : QString();
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
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
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        openFile(urls.first().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    loader_->cancel();
    QSettings().setValue(kGeometryKey, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace execg
