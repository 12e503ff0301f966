#include "widgets/TcavView.h"
#include "render/LocaleFormat.h"

#include "concept/ConceptSets.h"
#include "model/torch/TorchModel.h"
#include "render/Text.h"
#include "workbench/ConceptTests.h"
#include "workbench/Workbench.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace execg {

namespace {

// Okabe–Ito, readable by colour-blind readers: one colour per layer.
const QColor kLayerColours[] = {QColor(0, 114, 178), QColor(230, 159, 0), QColor(0, 158, 115), QColor(204, 121, 167)};

QString conceptTitle(const QString& name)
{
    static const QHash<QString, const char*> titles{
        {"peaked-t", QT_TRANSLATE_NOOP("execg::TcavView", "Peaked T")},
        {"inverted-t", QT_TRANSLATE_NOOP("execg::TcavView", "Inverted T")},
        {"flat-t", QT_TRANSLATE_NOOP("execg::TcavView", "Flat T")},
        {"wide-qrs", QT_TRANSLATE_NOOP("execg::TcavView", "Wide QRS")},
        {"long-pr", QT_TRANSLATE_NOOP("execg::TcavView", "Prolonged PR")},
        {"af", QT_TRANSLATE_NOOP("execg::TcavView", "Atrial fibrillation")},
        {"irregular-rr", QT_TRANSLATE_NOOP("execg::TcavView", "Irregular RR (P waves kept)")},
        {"no-p-wave", QT_TRANSLATE_NOOP("execg::TcavView", "No P wave (regular rhythm)")},
        {"st-elevation", QT_TRANSLATE_NOOP("execg::TcavView", "ST elevation")},
        {"low-voltage", QT_TRANSLATE_NOOP("execg::TcavView", "Low QRS voltage")},
        {"tachycardia", QT_TRANSLATE_NOOP("execg::TcavView", "Sinus tachycardia")},
        {"bradycardia", QT_TRANSLATE_NOOP("execg::TcavView", "Sinus bradycardia")},
        {"long-qt", QT_TRANSLATE_NOOP("execg::TcavView", "Long QT")},
        {"random", QT_TRANSLATE_NOOP("execg::TcavView", "Random (control)")}};
    const auto it = titles.find(name);
    return it == titles.end() ? name : QCoreApplication::translate("execg::TcavView", it.value());
}

} // namespace

TcavView::TcavView(Workbench& workbench, QWidget* parent) : QWidget(parent), workbench_(workbench)
{
    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* controls = new QWidget(split);
    auto* form = new QVBoxLayout(controls);
    form->addWidget(new QLabel(tr("Concepts"), controls));
    concepts_ = new QListWidget(controls);
    concepts_->setObjectName(QStringLiteral("tcavConcepts"));
    for (const auto& c : tcav::builtinConcepts()) {
        auto* item = new QListWidgetItem(conceptTitle(QString::fromLatin1(c.name)), concepts_);
        item->setData(Qt::UserRole, QString::fromLatin1(c.name));
        item->setToolTip(QString::fromUtf8(c.description));
        item->setCheckState(Qt::Unchecked);   // followModel ticks the model's defaults
    }
    form->addWidget(concepts_, 2);
    auto* add = new QHBoxLayout;
    auto* folder = new QPushButton(tr("Add folder…"), controls);
    auto* table = new QPushButton(tr("Add label column…"), controls);
    add->addWidget(folder);
    add->addWidget(table);
    form->addLayout(add);
    form->addWidget(new QLabel(tr("Layers"), controls));
    layers_ = new QListWidget(controls);
    layers_->setObjectName(QStringLiteral("tcavLayers"));
    layers_->setMaximumHeight(90);
    form->addWidget(layers_);
    auto* numbers = new QFormLayout;
    runs_ = new QSpinBox(controls);
    runs_->setRange(2, 200);
    runs_->setValue(20);
    runs_->setToolTip(tr("CAVs per concept and layer, each against its own random set; 20 or more for a clear test"));
    examples_ = new QSpinBox(controls);
    examples_->setRange(10, 1000);
    examples_->setValue(50);
    examples_->setToolTip(tr("ECGs per built-in set; the random pool holds three times as many"));
    seed_ = new QSpinBox(controls);
    seed_->setRange(0, 1000000);
    numbers->addRow(tr("Runs"), runs_);
    numbers->addRow(tr("ECGs per set"), examples_);
    numbers->addRow(tr("Seed"), seed_);
    form->addLayout(numbers);
    inputs_ = new QLabel(tr("Inputs: ordinary synthetic patients"), controls);
    inputs_->setWordWrap(true);
    auto* inputsButton = new QPushButton(tr("Inputs from a folder…"), controls);
    form->addWidget(inputs_);
    form->addWidget(inputsButton);
    pool_ = new QLabel(controls);
    pool_->setObjectName(QStringLiteral("tcavPool"));
    pool_->setWordWrap(true);
    auto* poolButton = new QPushButton(tr("Random ECGs from a folder…"), controls);
    poolButton->setToolTip(tr("Ordinary ECGs to draw the random sets from. A concept read from files needs random ECGs read "
                              "from files: against generated ones a CAV can tell them apart by origin alone"));
    form->addWidget(pool_);
    form->addWidget(poolButton);
    setPoolFolder(QString());
    auto* buttons = new QHBoxLayout;
    run_ = new QPushButton(tr("Test the concepts"), controls);
    cancel_ = new QPushButton(tr("Cancel"), controls);
    buttons->addWidget(run_);
    buttons->addWidget(cancel_);
    form->addLayout(buttons);
    progress_ = new QProgressBar(controls);
    progress_->setRange(0, 100);
    form->addWidget(progress_);

    auto* results = new QSplitter(Qt::Vertical, split);
    auto* top = new QWidget(results);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    summary_ = new QLabel(top);
    summary_->setObjectName(QStringLiteral("tcavSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    topLayout->addWidget(summary_);
    plot_ = new QCustomPlot(top);
    plot_->setMinimumHeight(260);
    // Headroom above 1 for the legend (one row) and the significance marks, so neither covers a bar.
    plot_->yAxis->setRange(0, 1.28);
    plot_->yAxis->setLabel(tr("TCAV score (share of inputs whose output rises along the concept)"));
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
    topLayout->addWidget(plot_, 1);
    table_ = new QTableWidget(0, 9, results);
    table_->setObjectName(QStringLiteral("tcavTable"));
    table_->setHorizontalHeaderLabels({tr("Concept"), tr("Layer"), tr("Score"), tr("95 % CI"), tr("Random CAVs"), tr("p"),
                                       tr("p (Holm)"), tr("CAV accuracy"), tr("Verdict")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    results->addWidget(top);
    results->addWidget(table_);
    split->addWidget(controls);
    split->addWidget(results);
    split->setSizes({300, 1100});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    ConceptTests& tests = workbench_.conceptTests();
    connect(folder, &QPushButton::clicked, this, &TcavView::addFolder);
    connect(table, &QPushButton::clicked, this, &TcavView::addLabelColumn);
    connect(inputsButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Inputs: a folder of ECGs"));
        inputsFolder_ = dir;
        inputs_->setText(dir.isEmpty() ? tr("Inputs: ordinary synthetic patients") : tr("Inputs: %1").arg(dir));
    });
    connect(poolButton, &QPushButton::clicked, this, [this] {
        setPoolFolder(QFileDialog::getExistingDirectory(this, tr("Random ECGs: a folder of ordinary ECGs")));
    });
    connect(run_, &QPushButton::clicked, this, &TcavView::start);
    connect(cancel_, &QPushButton::clicked, &tests, &ConceptTests::cancel);
    connect(&tests, &ConceptTests::progress, this, [this](double f) { progress_->setValue(int(std::lround(100 * f))); });
    connect(&tests, &ConceptTests::changed, this, &TcavView::showResult);
    connect(&workbench_, &Workbench::modelLoaded, this, &TcavView::followModel);
    followModel();
    showResult();
}

QString TcavView::summaryText() const { return summary_->text(); }

void TcavView::setPoolFolder(const QString& dir)
{
    poolFolder_ = dir;
    pool_->setText(dir.isEmpty() ? tr("Random ECGs: ordinary synthetic patients") : tr("Random ECGs: %1").arg(dir));
}

void TcavView::followModel()
{
    layers_->clear();
    const auto model = workbench_.model();
    // The built-in concepts this model's tests start with (a folder the user added keeps its tick).
    std::vector<std::string> defaults;
    try {
        defaults = tcav::defaultConceptNames(model ? model->card() : ModelCard{});
    } catch (const std::invalid_argument& e) {
        defaults = tcav::defaultConceptNames(ModelCard{});
        summary_->setText(tr("%1 — the application's concepts are ticked instead").arg(q(e.what())));
    }
    for (int i = 0; i < concepts_->count(); ++i) {
        auto* item = concepts_->item(i);
        const auto name = item->data(Qt::UserRole).toString().toStdString();
        if (tcav::isBuiltinConcept(name))
            item->setCheckState(std::find(defaults.begin(), defaults.end(), name) != defaults.end() ? Qt::Checked : Qt::Unchecked);
    }
    if (!model)
        return;
    for (const auto& l : model->card().layers)
        if (l.tcav) {
            auto* item = new QListWidgetItem(q(l.name), layers_);
            item->setCheckState(Qt::Checked);
        }
}

void TcavView::addFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("A concept: a folder of ECGs that show it"));
    if (dir.isEmpty())
        return;
    auto* item = new QListWidgetItem(tr("Folder: %1").arg(QFileInfo(dir).fileName()), concepts_);
    item->setData(Qt::UserRole, dir);
    item->setToolTip(dir);
    item->setCheckState(Qt::Checked);
}

void TcavView::addLabelColumn()
{
    const QString csv = QFileDialog::getOpenFileName(this, tr("A label table (file name, then 0/1 concept columns)"), QString(),
                                                     tr("Label tables (*.csv)"));
    if (csv.isEmpty())
        return;
    bool ok = false;
    const QString column = QInputDialog::getText(this, tr("Concept column"), tr("Column whose 1s are the concept:"),
                                                 QLineEdit::Normal, QString(), &ok);
    if (!ok || column.isEmpty())
        return;
    auto* item = new QListWidgetItem(tr("%1: %2").arg(QFileInfo(csv).fileName(), column), concepts_);
    item->setData(Qt::UserRole, csv + QLatin1Char(':') + column);
    item->setToolTip(csv);
    item->setCheckState(Qt::Checked);
}

void TcavView::start()
{
    ConceptTestRequest request;
    for (int i = 0; i < concepts_->count(); ++i)
        if (concepts_->item(i)->checkState() == Qt::Checked)
            request.concepts << concepts_->item(i)->data(Qt::UserRole).toString();
    for (int i = 0; i < layers_->count(); ++i)
        if (layers_->item(i)->checkState() == Qt::Checked)
            request.layers << layers_->item(i)->text();
    request.inputs = inputsFolder_;
    request.randomPool = poolFolder_;
    request.target = std::max(0, workbench_.target());
    request.runs = runs_->value();
    request.examples = examples_->value();
    request.seed = quint64(seed_->value());
    workbench_.conceptTests().run(workbench_.model(), request);
}

void TcavView::showResult()
{
    const ConceptTests& tests = workbench_.conceptTests();
    run_->setEnabled(!tests.running());
    cancel_->setEnabled(tests.running());
    progress_->setVisible(tests.running());
    if (tests.running())
        progress_->setValue(0);
    plot_->clearPlottables();
    plot_->clearItems();
    table_->setRowCount(0);
    const auto r = tests.result();
    plot_->legend->setVisible(bool(r));
    if (!r) {
        summary_->setText(tests.running() ? tr("Testing the concepts …")
                          : tests.error().isEmpty() ? tr("Choose concepts and layers, then test them.")
                                                    : tr("No concept test: %1").arg(tests.error()));
        plot_->replot();
        return;
    }
    // Bars: one colour per layer, grouped by concept; the random CAVs' mean as a dash; * where significant.
    QStringList conceptNames, layerNames;
    for (const auto& row : r->rows) {
        if (!conceptNames.contains(q(row.conceptName)))
            conceptNames << q(row.conceptName);
        if (!layerNames.contains(q(row.layer)))
            layerNames << q(row.layer);
    }
    const double width = 0.8 / std::max<qsizetype>(1, layerNames.size());
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int c = 0; c < conceptNames.size(); ++c)
        ticker->addTick(c, conceptTitle(conceptNames[c]));
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setRange(-0.6, conceptNames.size() - 0.4);
    QStringList findings;
    for (int l = 0; l < layerNames.size(); ++l) {
        auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
        bars->setName(layerNames[l]);
        bars->setWidth(width);
        const QColor colour = kLayerColours[l % 4];
        bars->setPen(QPen(colour.darker(130)));
        bars->setBrush(colour);
        auto* unreliable = new QCPBars(plot_->xAxis, plot_->yAxis);
        unreliable->setName(tr("unreliable CAV (near chance, or mixed origins)"));
        unreliable->setWidth(width);
        unreliable->setPen(QPen(Qt::gray));
        unreliable->setBrush(QBrush(Qt::gray, Qt::BDiagPattern));
        if (l > 0)
            plot_->legend->removeItem(plot_->legend->itemCount() - 1);
        auto* errors = new QCPErrorBars(plot_->xAxis, plot_->yAxis);
        errors->removeFromLegend();
        errors->setDataPlottable(bars);
        auto* random = new QCPGraph(plot_->xAxis, plot_->yAxis);
        random->setName(tr("random CAVs (mean)"));
        random->setLineStyle(QCPGraph::lsNone);
        random->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssPlus, Qt::black, 12));
        if (l > 0)
            random->removeFromLegend();
        for (const auto& row : r->rows) {
            if (q(row.layer) != layerNames[l])
                continue;
            const double x = conceptNames.indexOf(q(row.conceptName)) - 0.4 + width * (l + 0.5);
            (row.reliable ? bars : unreliable)->addData(x, row.score);
            if (row.reliable)   // one interval per coloured bar, in the same order
                errors->addData(row.score - row.ciLow, row.ciHigh - row.score);
            random->addData(x, row.nullMean);
            if (row.significant) {
                auto* star = new QCPItemText(plot_);
                star->position->setCoords(x, std::min(1.0, row.ciHigh) + 0.01);
                star->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
                star->setText(QStringLiteral("*"));
                star->setFont(QFont(font().family(), 14, QFont::Bold));
                findings << tr("%1 at %2").arg(conceptTitle(q(row.conceptName)), q(row.layer));
            }
        }
    }
    plot_->replot();

    table_->setRowCount(int(r->rows.size()));
    for (int i = 0; i < int(r->rows.size()); ++i) {
        const auto& row = r->rows[std::size_t(i)];
        const QStringList cells{conceptTitle(q(row.conceptName)), q(row.layer), localNumber(row.score, 'f', 3),
                                QStringLiteral("%1 – %2").arg(localNumber(row.ciLow, 'f', 3)).arg(localNumber(row.ciHigh, 'f', 3)),
                                localNumber(row.nullMean, 'f', 3), localNumber(row.p, 'g', 2),
                                localNumber(row.pCorrected, 'g', 2), QStringLiteral("%1 %").arg(localNumber(100 * row.cavAccuracy, 'f', 0)),
                                q(row.verdict)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c == cells.size() - 1)
                item->setToolTip(cells[c]);   // the whole verdict where the column is too narrow for it
            table_->setItem(i, c, item);
        }
    }
    summary_->setText(tr("%1 inputs, %2 runs, seed %3, target %4. Significant after Holm's correction: %5. "
                         "Activations computed for %6 sets, %7 from the cache; %8 s.")
                          .arg(r->inputs)
                          .arg(r->runs)
                          .arg(r->seed)
                          .arg(q(r->targetLabel))
                          .arg(findings.isEmpty() ? tr("none") : findings.join(QStringLiteral(", ")))
                          .arg(r->computedActivations)
                          .arg(r->cachedActivations)
                          .arg(localNumber(r->runtimeMs / 1000.0, 'f', 1)));
}

} // namespace execg
