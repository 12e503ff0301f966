#include "widgets/ExplainerPanel.h"

#include "render/Text.h"
#include "explain/Explainer.h"
#include "model/torch/TorchModel.h"
#include "widgets/ParameterForm.h"
#include "workbench/Teaching.h"
#include "workbench/Workbench.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace execg {

namespace {

QString stateText(const ExplanationEntry& e)
{
    switch (e.state) {
    case JobState::Queued:
        return ExplainerPanel::tr("queued");
    case JobState::Running:
        return ExplainerPanel::tr("running");
    case JobState::Finished:
        return e.fromCache ? ExplainerPanel::tr("done (cached)")
                           : ExplainerPanel::tr("done, %1 ms").arg(std::lround(e.explanation ? e.explanation->runtimeMs : 0.0));
    case JobState::Failed:
        return ExplainerPanel::tr("failed: %1").arg(e.error);
    case JobState::Cancelled:
        return ExplainerPanel::tr("cancelled");
    }
    return {};
}

} // namespace

ExplainerPanel::ExplainerPanel(Workbench& workbench, QWidget* parent) : QWidget(parent), workbench_(workbench)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Methods (tick several to compare):"), this));
    methods_ = new QListWidget(this);
    methods_->setObjectName(QStringLiteral("methodList"));
    for (const auto* e : ExplainerRegistry::instance().all()) {
        auto* item = new QListWidgetItem(q(e->info().title), methods_);
        item->setData(Qt::UserRole, q(e->info().name));
        item->setToolTip(q(e->info().description));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    layout->addWidget(methods_, 2);
    formTitle_ = new QLabel(this);
    formTitle_->setWordWrap(true);
    layout->addWidget(formTitle_);
    form_ = new ParameterForm(this);
    layout->addWidget(form_);
    auto* buttons = new QHBoxLayout;
    run_ = new QPushButton(tr("&Run"), this);
    run_->setToolTip(tr("Explain the current case with the ticked methods (results already computed come from the cache)"));
    cancel_ = new QPushButton(tr("&Cancel"), this);
    cancel_->setToolTip(tr("Stop the methods still running; their partial results are discarded"));
    buttons->addWidget(run_);
    buttons->addWidget(cancel_);
    layout->addLayout(buttons);
    jobs_ = new QTableWidget(0, 3, this);
    jobs_->setObjectName(QStringLiteral("jobTable"));
    jobs_->setHorizontalHeaderLabels({tr("Method"), tr("Progress"), tr("State")});
    jobs_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    jobs_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    jobs_->horizontalHeader()->setMinimumSectionSize(70);
    jobs_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    jobs_->verticalHeader()->hide();
    jobs_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    jobs_->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(jobs_, 1);

    connect(methods_, &QListWidget::itemChanged, this, [this] { pushChoice(); });
    connect(methods_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) { showForm(item); });
    connect(form_, &ParameterForm::edited, this, [this] {
        if (!formMethod_.isEmpty())
            parameters_[formMethod_.toStdString()] = form_->values();
        pushChoice();
    });
    connect(run_, &QPushButton::clicked, this, [this] { workbench_.runExplanations(); });
    connect(cancel_, &QPushButton::clicked, this, [this] { workbench_.cancelExplanations(); });
    connect(&workbench_, &Workbench::explanationsChanged, this, &ExplainerPanel::refreshJobs);
    connect(&workbench_, &Workbench::explanationUpdated, this, &ExplainerPanel::refreshJob);
    connect(&workbench_, &Workbench::modelLoaded, this, [this] { showForm(methods_->currentItem()); });
}

void ExplainerPanel::chooseMethods(const QStringList& names)
{
    {
        const QSignalBlocker block(methods_);
        for (int i = 0; i < methods_->count(); ++i) {
            auto* item = methods_->item(i);
            item->setCheckState(names.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
        }
    }
    pushChoice();
}

QStringList ExplainerPanel::chosenMethods() const
{
    QStringList out;
    for (int i = 0; i < methods_->count(); ++i)
        if (methods_->item(i)->checkState() == Qt::Checked)
            out << methods_->item(i)->data(Qt::UserRole).toString();
    return out;
}

void ExplainerPanel::pushChoice()
{
    std::vector<MethodChoice> choices;
    for (const QString& name : chosenMethods()) {
        const auto it = parameters_.find(name.toStdString());
        choices.push_back({name.toStdString(), it != parameters_.end() ? it->second : std::map<std::string, std::string>{}});
    }
    workbench_.setMethods(choices);
}

void ExplainerPanel::showForm(QListWidgetItem* item)
{
    if (!item) {
        formMethod_.clear();
        formTitle_->clear();
        form_->setParameters({}, {}, {});
        return;
    }
    formMethod_ = item->data(Qt::UserRole).toString();
    const Explainer* e = ExplainerRegistry::instance().find(formMethod_.toStdString());
    if (!e)
        return;
    formTitle_->setText(QStringLiteral("<b>%1</b> — %2").arg(q(e->info().title).toHtmlEscaped(), q(e->info().description).toHtmlEscaped()));
    // The card's layers, or for a model without a card every submodule; the ones it cannot give greyed with why
    // (the problems were found when the model loaded, off this thread).
    std::vector<LayerChoice> layers;
    bool cardLayers = true;
    if (const auto model = workbench_.model()) {
        cardLayers = !model->card().inferred;
        std::vector<std::string> names;
        if (cardLayers)
            for (const auto& l : model->card().layers)
                names.push_back(l.name);
        else
            names = model->submodules();
        for (const auto& name : names)
            layers.push_back({name, model->layerProblem(name)});
    }
    const QSignalBlocker block(form_);
    form_->setParameters(e->info().parameters, parameters_[formMethod_.toStdString()], layers, cardLayers);
}

void ExplainerPanel::refreshJobs()
{
    const auto& entries = workbench_.explanations();
    jobs_->setRowCount(int(entries.size()));
    for (int i = 0; i < int(entries.size()); ++i) {
        jobs_->setItem(i, 0, new QTableWidgetItem(entries[std::size_t(i)].title));
        auto* bar = new QProgressBar(jobs_);
        bar->setRange(0, 100);
        bar->setTextVisible(true);
        jobs_->setCellWidget(i, 1, bar);
        jobs_->setItem(i, 2, new QTableWidgetItem);
        refreshJob(i);
    }
}

void ExplainerPanel::refreshJob(int index)
{
    const auto& entries = workbench_.explanations();
    if (index < 0 || index >= int(entries.size()) || index >= jobs_->rowCount())
        return;
    const auto& e = entries[std::size_t(index)];
    if (auto* bar = qobject_cast<QProgressBar*>(jobs_->cellWidget(index, 1)))
        bar->setValue(int(std::lround(100.0 * e.progress)));
    if (auto* item = jobs_->item(index, 2)) {
        item->setText(stateText(e));
        item->setToolTip(!e.error.isEmpty() ? e.error : workbench_.teaching().hidden() ? QString() : e.headline);
    }
}

} // namespace execg
