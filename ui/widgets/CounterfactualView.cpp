#include "widgets/CounterfactualView.h"
#include "render/LocaleFormat.h"

#include "render/Text.h"
#include "counterfactual/torch/CounterfactualRegistry.h"
#include "model/torch/TorchModel.h"
#include "widgets/PaperChartView.h"
#include "widgets/Theme.h"
#include "workbench/Workbench.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace execg {

CounterfactualView::CounterfactualView(Workbench& workbench, QWidget* parent) : QWidget(parent), workbench_(workbench)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    method_ = new QComboBox(this);
    method_->setObjectName(QStringLiteral("cfMethodBox"));
    method_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const auto& m : CounterfactualRegistry::instance().methods()) {
        method_->addItem(methodTitle(m.name), q(m.name));
        method_->setItemData(method_->count() - 1, methodDescription(m.name), Qt::ToolTipRole);
    }
    top->addWidget(method_);
    top->addWidget(new QLabel(tr("bring"), this));
    output_ = new QComboBox(this);
    output_->setObjectName(QStringLiteral("cfOutputBox"));
    output_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    top->addWidget(output_);
    top->addWidget(new QLabel(tr("to"), this));
    value_ = new QDoubleSpinBox(this);
    value_->setObjectName(QStringLiteral("cfTargetValue"));
    value_->setDecimals(3);
    value_->setRange(-1e6, 1e6);
    top->addWidget(value_);
    run_ = new QPushButton(tr("Find the counterfactual"), this);
    run_->setToolTip(tr("Change the recording as little as possible, the chosen way, until the model's answer reaches "
                        "the target"));
    cancel_ = new QPushButton(tr("Cancel"), this);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(160);
    top->addWidget(run_);
    top->addWidget(cancel_);
    top->addWidget(progress_);
    top->addStretch(1);
    layout->addLayout(top);
    verdict_ = new QLabel(this);
    verdict_->setObjectName(QStringLiteral("cfVerdict"));
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(verdict_);

    auto* split = new QSplitter(Qt::Horizontal, this);
    chart_ = new PaperChartView(split);
    chart_->setObjectName(QStringLiteral("cfChart"));
    auto* side = new QSplitter(Qt::Vertical, split);
    trajectory_ = new QCustomPlot(side);
    trajectory_->xAxis->setLabel(tr("step"));
    trajectory_->yAxis->setLabel(tr("model output"));
    trajectory_->setMinimumHeight(180);
    deltas_ = new QTableWidget(0, 5, side);
    deltas_->setObjectName(QStringLiteral("cfDeltaTable"));
    deltas_->setHorizontalHeaderLabels({tr("Measurement"), tr("Lead"), tr("Before"), tr("After"), tr("Change")});
    deltas_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    deltas_->verticalHeader()->hide();
    deltas_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    side->addWidget(trajectory_);
    side->addWidget(deltas_);
    split->addWidget(chart_);
    split->addWidget(side);
    split->setSizes({900, 520});
    layout->addWidget(split, 1);

    connect(run_, &QPushButton::clicked, this, [this] { 
        workbench_.runCounterfactual(method_->currentData().toString(), output_->currentIndex(), value_->value());
    });
    connect(cancel_, &QPushButton::clicked, &workbench_, &Workbench::cancelCounterfactual);
    connect(&workbench_, &Workbench::counterfactualProgress, this, [this](double f) { progress_->setValue(int(std::lround(100 * f))); });
    connect(&workbench_, &Workbench::counterfactualChanged, this, &CounterfactualView::showResult);
    connect(&workbench_, &Workbench::modelLoaded, this, &CounterfactualView::refreshTargets);
    connect(&workbench_, &Workbench::predictionChanged, this, &CounterfactualView::refreshTargets);
    connect(&workbench_, &Workbench::caseOpened, this, [this] {
        chart_->setRecording(workbench_.recording(), workbench_.groupIndex());
        showResult();
    });
    refreshTargets();
    showResult();
}

void CounterfactualView::setChartStyleFrom(PaperChartView* source)
{
    PaperChartStyle style = source->chartStyle();
    style.layout = ChartLayoutKind::ThreeByFourPlusOne;
    chart_->setStyle(style);
}

QString CounterfactualView::methodTitle(const std::string& name)
{
    if (name == "cf-input")
        return tr("Input-space counterfactual");
    if (name == "cf-parametric")
        return tr("Parametric (beat) counterfactual");
    if (name == "cf-latent")
        return tr("Generator (latent) counterfactual");
    return q(name);
}

QString CounterfactualView::methodDescription(const std::string& name)
{
    if (name == "cf-input")
        return tr("The recording itself changes, smoothly and band-limited, on the leads allowed to move.");
    if (name == "cf-parametric")
        return tr("The beats' wave amplitudes per lead, PR, QRS, QT, P and T widths and RR intervals change, and the "
                  "result says so in words.");
    if (name == "cf-latent")
        return tr("The recording's code in the model card's generator moves; the change is what the generator draws.");
    return {};
}

void CounterfactualView::refreshMethods()
{
    // A method the model cannot serve stays listed, greyed, with the reason as its tooltip.
    auto* items = qobject_cast<QStandardItemModel*>(method_->model());
    for (int i = 0; i < method_->count(); ++i) {
        const QString name = method_->itemData(i).toString();
        const QString why = workbench_.model() ? workbench_.counterfactualUnavailable(name) : QString();
        if (auto* item = items ? items->item(i) : nullptr)
            item->setEnabled(why.isEmpty());
        method_->setItemData(i, why.isEmpty() ? methodDescription(name.toStdString()) : tr("Unavailable: %1").arg(why),
                             Qt::ToolTipRole);
    }
    if (auto* item = items ? items->item(method_->currentIndex()) : nullptr; item && !item->isEnabled())
        method_->setCurrentIndex(0);
}

void CounterfactualView::refreshTargets()
{
    refreshMethods();
    const auto model = workbench_.model();
    const int keep = output_->currentIndex();
    output_->clear();
    if (!model)
        return;
    for (const auto& o : model->card().outputs)
        output_->addItem(o.unit.empty() ? q(o.label) : QStringLiteral("%1 (%2)").arg(q(o.label), q(o.unit)));
    output_->setCurrentIndex(std::max(0, std::min(keep, output_->count() - 1)));
    // A first target a reader would ask about: a probability flipped, or a regression moved by a clear step.
    const auto& p = workbench_.prediction();
    if (p && output_->currentIndex() < int(p->outputs.size())) {
        const auto& o = p->outputs[std::size_t(output_->currentIndex())];
        value_->setValue(o.probability ? (o.value >= 0.5 ? 0.2 : 0.8) : std::round(o.value) + (o.value < 5.0 ? 2.5 : -2.5));
        value_->setSingleStep(o.probability ? 0.05 : 0.1);
    }
}

QString CounterfactualView::verdictText() const { return verdict_->text(); }

void CounterfactualView::showResult()
{
    const auto cf = workbench_.counterfactual();
    run_->setEnabled(!workbench_.counterfactualRunning());
    cancel_->setEnabled(workbench_.counterfactualRunning());
    progress_->setVisible(workbench_.counterfactualRunning());
    if (workbench_.counterfactualRunning())
        progress_->setValue(0);
    chart_->setCounterfactual(nullptr);
    trajectory_->clearGraphs();
    trajectory_->clearItems();
    deltas_->setRowCount(0);
    if (!cf) {
        const QString error = workbench_.counterfactualError();
        verdict_->setText(error.isEmpty() ? (workbench_.counterfactualRunning() ? tr("Searching …") : QString())
                                          : tr("No counterfactual: %1").arg(error));
        trajectory_->replot();
        return;
    }
    const QString unit = q(cf->outputUnit);
    QStringList lines;
    lines << methodTitle(cf->method) + QStringLiteral(": ") +
                 (cf->valid ? tr("✓ Target reached: %1 %2 → %3 %2 in %4 steps (%5 ms).")
                        : tr("✗ Target NOT reached: %1 %2 → %3 %2 after %4 steps (%5 ms); the best attempt is shown."))
                 .arg(localNumber(cf->initialValue, 'f', 3))
                 .arg(unit)
                 .arg(localNumber(cf->finalValue, 'f', 3))
                 .arg(cf->steps)
                 .arg(std::lround(cf->runtimeMs));
    lines << tr("Change: mean |Δ| %1 mV, RMS %2 mV, largest %3 mV.")
                 .arg(localNumber(cf->meanAbsMv, 'f', 3))
                 .arg(localNumber(cf->rmsMv, 'f', 3))
                 .arg(cf->maxAbsPerLeadMv.empty() ? 0.0 : *std::max_element(cf->maxAbsPerLeadMv.begin(), cf->maxAbsPerLeadMv.end()), 0, 'f', 3);
    QStringList moved;
    for (const auto& c : cf->parameterChanges)
        moved << q(c.text);
    if (!moved.isEmpty())
        lines << tr("What moved: %1.").arg(moved.join(QStringLiteral("; ")));
    for (const auto& n : cf->notes)
        lines << QStringLiteral("⚠ ") + q(n);
    verdict_->setText(lines.join(QLatin1Char('\n')));

    chart_->setCounterfactual(std::make_shared<const SignalGroup>(cf->counterfactual),
                              tr("counterfactual: %1 %2").arg(cf->target.value).arg(unit));

    QVector<double> steps, values;
    for (std::size_t i = 0; i < cf->trajectory.size(); ++i) {
        steps << double(i);
        values << cf->trajectory[i];
    }
    auto* path = trajectory_->addGraph();
    path->setData(steps, values, true);
    path->setPen(QPen(QColor(213, 94, 0), 2));
    auto* goal = new QCPItemStraightLine(trajectory_);
    goal->point1->setCoords(0, cf->target.value);
    goal->point2->setCoords(1, cf->target.value);
    goal->setPen(QPen(QColor(0, 114, 178), 1.5, Qt::DashLine));
    trajectory_->rescaleAxes();
    const auto range = trajectory_->yAxis->range();
    trajectory_->yAxis->setRange(std::min(range.lower, cf->target.value) - 0.1, std::max(range.upper, cf->target.value) + 0.1);
    trajectory_->replot();

    // Largest changes first (each relative to its unit's everyday size, so ms and mV can be ranked together).
    std::vector<const MeasurementDelta*> rows;
    for (const auto& r : cf->deltas.rows)
        if (std::isfinite(r.delta))
            rows.push_back(&r);
    // Everyday sizes: 0.1 mV, 10 ms, 5 bpm, 15° (axes swing widely when a wave is small).
    const auto weight = [](const MeasurementDelta* r) {
        return std::abs(r->delta) / (r->unit == "mV" ? 0.1 : r->unit == "ms" ? 10.0 : r->unit == "deg" ? 15.0 : 5.0);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](auto* a, auto* b) { return weight(a) > weight(b); });
    deltas_->setRowCount(int(rows.size()));
    for (int i = 0; i < int(rows.size()); ++i) {
        const auto& r = *rows[std::size_t(i)];
        const int decimals = r.unit == "mV" ? 3 : 0;
        const QString u = r.unit.empty() ? QString() : QStringLiteral(" ") + q(r.unit);
        deltas_->setItem(i, 0, new QTableWidgetItem(q(r.quantity)));
        deltas_->setItem(i, 1, new QTableWidgetItem(q(r.lead)));
        deltas_->setItem(i, 2, new QTableWidgetItem(localNumber(r.before, 'f', decimals) + u));
        deltas_->setItem(i, 3, new QTableWidgetItem(localNumber(r.after, 'f', decimals) + u));
        deltas_->setItem(i, 4, new QTableWidgetItem((r.delta > 0 ? QStringLiteral("+") : QString()) + localNumber(r.delta, 'f', decimals) + u));
    }
}

} // namespace execg
