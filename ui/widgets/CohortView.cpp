#include "widgets/CohortView.h"

#include "render/CohortFigures.h"
#include "render/Text.h"
#include "widgets/CohortPlots.h"
#include "workbench/CohortSession.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace execg {

namespace {

QScrollArea* scrolled(QWidget* inner)
{
    auto* area = new QScrollArea;
    area->setWidget(inner);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

QString minutes(double seconds)
{
    if (!std::isfinite(seconds))
        return QStringLiteral("?");
    const long s = std::lround(seconds);
    return s >= 60 ? CohortView::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0')) : CohortView::tr("%1 s").arg(s);
}

} // namespace

CohortView::CohortView(QWidget* parent) : QWidget(parent), session_(new CohortSession(this))
{
    setWindowTitle(tr("Cohort — ExECG Studio"));
    auto* layout = new QVBoxLayout(this);

    auto* top = new QHBoxLayout;
    open_ = new QPushButton(tr("Open a cohort store…"));
    analyse_ = new QPushButton(tr("Analyse a folder…"));
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setEnabled(false);
    progress_ = new QProgressBar;
    progress_->setVisible(false);
    status_ = new QLabel(tr("Open a cohort store (execg-cli cohort run) or analyse a folder of recordings with the model "
                            "in use."));
    status_->setWordWrap(true);
    top->addWidget(open_);
    top->addWidget(analyse_);
    top->addWidget(cancel_);
    top->addWidget(progress_, 1);
    layout->addLayout(top);
    layout->addWidget(status_);

    auto* controls = new QHBoxLayout;
    method_ = new QComboBox;
    wave_ = new QComboBox;
    for (int w = 0; w < kReportWaves; ++w)
        wave_->addItem(CohortFigures::waveName(w));
    wave_->setCurrentIndex(4);   // T
    grouping_ = new QComboBox;
    for (QComboBox* box : {method_, wave_, grouping_})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    controls->addWidget(new QLabel(tr("Method:")));
    controls->addWidget(method_);
    controls->addWidget(new QLabel(tr("Wave (records):")));
    controls->addWidget(wave_);
    controls->addWidget(new QLabel(tr("Groups:")));
    controls->addWidget(grouping_);
    controls->addStretch(1);
    layout->addLayout(controls);

    headlines_ = new QLabel;
    headlines_->setWordWrap(true);
    headlines_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(headlines_);

    const auto method = [this] { return std::size_t(std::max(0, method_->currentIndex())); };
    evidence_ = new CohortFigureWidget([method](CohortFigures& f, const QRectF& r) {
        const double mm = f.pxPerMm();
        double y = r.top() + 2 * mm;
        y += f.caption(QRectF(r.left() + 2 * mm, y, r.width(), 6 * mm), CohortView::tr("Share of the evidence per wave, by group"));
        y += f.legend(QRectF(r.left() + 2 * mm, y, r.width() - 4 * mm, 20 * mm)) + 3 * mm;
        f.waveBoxes(QRectF(r.left() + 12 * mm, y, r.width() - 16 * mm, 60 * mm), method());
        y += 68 * mm;
        y += f.caption(QRectF(r.left() + 2 * mm, y, r.width(), 6 * mm), CohortView::tr("Share of the evidence per lead, all ECGs")) + 3 * mm;
        f.leadBoxes(QRectF(r.left() + 12 * mm, y, r.width() - 16 * mm, 45 * mm), method());
        return y + 52 * mm - r.top();
    });
    beats_ = new CohortFigureWidget([method](CohortFigures& f, const QRectF& r) {
        const double mm = f.pxPerMm();
        double y = r.top() + 2 * mm;
        y += f.legend(QRectF(r.left() + 2 * mm, y, r.width() - 4 * mm, 20 * mm)) + 2 * mm;
        y += f.beatPanels(QPointF(r.left() + 2 * mm, y), std::max(r.width() - 4 * mm, 172 * mm), method());
        return y + 2 * mm - r.top();
    });
    scatter_ = new CohortScatterWidget;
    table_ = new QTableWidget(0, 4);
    table_->setHorizontalHeaderLabels({tr("Recording"), tr("Prediction"), tr("Group"), tr("Share in the wave, %")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->verticalHeader()->setVisible(false);
    table_->sortByColumn(0, Qt::AscendingOrder);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSortingEnabled(true);
    auto* records = new QSplitter(Qt::Vertical);
    records->addWidget(scatter_);
    records->addWidget(table_);

    tabs_ = new QTabWidget;
    tabs_->addTab(scrolled(evidence_), tr("Evidence by wave and lead"));
    tabs_->addTab(scrolled(beats_), tr("On the median beat"));
    tabs_->addTab(records, tr("Records"));
    layout->addWidget(tabs_, 1);

    connect(open_, &QPushButton::clicked, this, &CohortView::chooseStore);
    connect(analyse_, &QPushButton::clicked, this, &CohortView::chooseFolder);
    connect(cancel_, &QPushButton::clicked, session_, &CohortSession::cancel);
    connect(method_, &QComboBox::currentIndexChanged, this, [this](int m) {
        scatter_->setMethod(m);
        evidence_->update();
        beats_->update();
        showReport();
    });
    connect(wave_, &QComboBox::currentIndexChanged, this, [this](int w) {
        scatter_->setWave(w);
        showReport();
    });
    connect(grouping_, &QComboBox::activated, this, &CohortView::regroup);
    connect(scatter_, &CohortScatterWidget::pointClicked, this, [this](int i) {
        if (const auto r = session_->report(); r && i >= 0 && i < int(r->points.size()))
            emit openRecord(q(r->points[std::size_t(i)].input));
    });
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (const auto* item = table_->item(row, 0))
            emit openRecord(item->data(Qt::UserRole).toString());
    });
    connect(session_, &CohortSession::progress, this, [this](int done, int total, int failed, double perMinute, double eta) {
        progress_->setRange(0, std::max(1, total));
        progress_->setValue(done);
        status_->setText(tr("%1 of %2 recordings · %3 a minute · %4 left · %5 could not be analysed")
                             .arg(done)
                             .arg(total)
                             .arg(std::lround(perMinute))
                             .arg(minutes(eta))
                             .arg(failed));
    });
    connect(session_, &CohortSession::runFinished, this, [this](int analysed, int failed, bool cancelled) {
        runMessage_ = cancelled ? tr("Stopped: %1 analysed, %2 could not be analysed in this run; analysing the folder into "
                                     "the same store again goes on from here.").arg(analysed).arg(failed)
                                : tr("This run: %1 analysed, %2 could not be analysed.").arg(analysed).arg(failed);
        status_->setText(runMessage_);
    });
    connect(session_, &CohortSession::reportReady, this, [this] {
        setBusy(false);
        showReport();
    });
    connect(session_, &CohortSession::failed, this, [this](const QString& message) {
        setBusy(false);
        status_->setText(tr("Error: %1").arg(message));
    });
}

void CohortView::setModel(const QString& modelPath, const QStringList& methods)
{
    modelPath_ = modelPath;
    methods_ = methods;
}

void CohortView::setBusy(bool busy)
{
    open_->setEnabled(!busy);
    analyse_->setEnabled(!busy);
    cancel_->setEnabled(busy);
    progress_->setVisible(busy);
    if (busy)
        progress_->setRange(0, 0);
}

void CohortView::openStore(const QString& path)
{
    runMessage_.clear();
    setBusy(true);
    status_->setText(tr("Reading %1…").arg(path));
    session_->openStore(path);
}

void CohortView::analyse(const QStringList& inputs, const QString& storePath)
{
    if (modelPath_.isEmpty()) {
        status_->setText(tr("Error: no model is loaded in the workstation to analyse the folder with."));
        return;
    }
    runMessage_.clear();
    setBusy(true);
    status_->setText(tr("Analysing with %1 into %2…").arg(QFileInfo(modelPath_).fileName(), storePath));
    session_->run(inputs, modelPath_, methods_, storePath);
}

void CohortView::chooseStore()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a cohort store"), {}, tr("Cohort stores (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        openStore(path);
}

void CohortView::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Analyse the recordings in a folder"));
    if (folder.isEmpty())
        return;
    const QString store = QFileDialog::getSaveFileName(this, tr("Cohort store (an existing one is resumed)"),
                                                       folder + QStringLiteral("/cohort.sqlite"), tr("Cohort stores (*.sqlite)"),
                                                       nullptr, QFileDialog::DontConfirmOverwrite);
    if (!store.isEmpty())
        analyse({folder}, store);
}

void CohortView::regroup()
{
    if (!session_->report() || session_->busy())
        return;
    CohortReportOptions options;
    options.byColumn = grouping_->currentData().toString().toStdString();
    setBusy(true);
    session_->openStore(session_->storePath(), options);
}

void CohortView::showReport()
{
    const auto r = session_->report();
    if (!r)
        return;
    const QSignalBlocker blockMethod(method_), blockGrouping(grouping_);
    const int method = method_->currentIndex();
    method_->clear();
    for (const auto& m : r->identity.methods)
        method_->addItem(q(m));
    method_->setCurrentIndex(std::clamp(method, 0, std::max(0, method_->count() - 1)));
    const QString column = grouping_->currentData().toString();
    grouping_->clear();
    grouping_->addItem(tr("by prediction"), QString());
    for (const auto& c : r->identity.labelColumns)
        grouping_->addItem(tr("by %1").arg(q(c)), q(c));
    grouping_->setCurrentIndex(std::max(0, grouping_->findData(column)));

    if (!session_->busy())
        status_->setText(tr("%1: %2 recordings, %3 analysed, %4 could not be analysed; model %5")
                             .arg(QFileInfo(session_->storePath()).fileName())
                             .arg(r->counts.records)
                             .arg(r->counts.analysed)
                             .arg(r->counts.failed)
                             .arg(q(r->identity.modelName)) +
                         (runMessage_.isEmpty() ? QString() : QStringLiteral("\n") + runMessage_));
    QStringList lines;
    const std::size_t m = std::size_t(std::max(0, method_->currentIndex()));
    for (const auto& g : r->groups)
        if (const auto* f = CohortFigures::methodIn(*r, g, m))
            lines << QStringLiteral("• ") + CohortFigures::headline(g, *f);
    headlines_->setText(lines.join(QLatin1Char('\n')));
    evidence_->setReport(r);
    beats_->setReport(r);
    scatter_->setReport(r);
    scatter_->setMethod(int(m));
    scatter_->setWave(wave_->currentIndex());

    table_->setSortingEnabled(false);
    table_->setRowCount(int(r->points.size()));
    const int wave = wave_->currentIndex();
    for (std::size_t i = 0; i < r->points.size(); ++i) {
        const auto& p = r->points[i];
        auto* name = new QTableWidgetItem(QFileInfo(q(p.input)).fileName());
        name->setData(Qt::UserRole, q(p.input));
        name->setToolTip(q(p.input));
        auto* value = new QTableWidgetItem;
        value->setData(Qt::DisplayRole, p.value);
        auto* share = new QTableWidgetItem;
        if (m < p.waveShare.size() && std::isfinite(p.waveShare[m][std::size_t(wave)]))
            share->setData(Qt::DisplayRole, std::round(1000.0 * p.waveShare[m][std::size_t(wave)]) / 10.0);
        table_->setItem(int(i), 0, name);
        table_->setItem(int(i), 1, value);
        table_->setItem(int(i), 2, new QTableWidgetItem(CohortFigures::groupLabel(r->groups[std::size_t(p.group)])));
        table_->setItem(int(i), 3, share);
    }
    table_->setSortingEnabled(true);
}

} // namespace execg
