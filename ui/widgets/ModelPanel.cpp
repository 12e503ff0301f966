#include "widgets/ModelPanel.h"
#include "render/LocaleFormat.h"

#include "render/Text.h"
#include "model/torch/TorchModel.h"
#include "widgets/BareModelDialog.h"
#include "widgets/Theme.h"
#include "workbench/BundledResources.h"
#include "workbench/Teaching.h"
#include "workbench/Workbench.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace execg {

namespace {

QLabel* wrapped(QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace

ModelPanel::ModelPanel(Workbench& workbench, QWidget* parent) : QWidget(parent), workbench_(workbench)
{
    // The answer first, large, with what qualifies it (the demo notice, the warnings) and the output explained right
    // under it; then which model gave it, and its card, which can be folded away.
    auto* layout = new QVBoxLayout(this);
    prediction_ = wrapped(this);
    prediction_->setObjectName(QStringLiteral("predictionLabel"));
    QFont big = prediction_->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    prediction_->setFont(big);
    layout->addWidget(prediction_);
    uncertainty_ = wrapped(this);
    uncertainty_->setObjectName(QStringLiteral("uncertaintyLabel"));
    uncertainty_->setToolTip(tr("How far the prediction moves when the recording varies as recordings do: noise at its own "
                                "level, baseline wander, the window a beat later or earlier, and MC dropout where the model "
                                "has dropout layers. The interval holds 90 % of the varied predictions; a referral is "
                                "raised when it crosses the model card's decision threshold."));
    layout->addWidget(uncertainty_);
    notice_ = wrapped(this);
    notice_->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #5c4400; padding: 4px; border: 1px solid #e0c878; }"));
    notice_->hide();
    layout->addWidget(notice_);
    warnings_ = wrapped(this);
    warnings_->setObjectName(QStringLiteral("warningsLabel"));
    layout->addWidget(warnings_);
    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(new QLabel(tr("Explain:"), this));
    target_ = new QComboBox(this);
    target_->setObjectName(QStringLiteral("targetBox"));
    target_->setToolTip(tr("The model output the explanations are computed for"));
    targetRow->addWidget(target_, 1);
    layout->addLayout(targetRow);
    // A single-lead model on a recording of several leads: which of them it reads (the card's by default).
    auto* leadRow = new QHBoxLayout;
    leadLabel_ = new QLabel(tr("Lead:"), this);
    leadRow->addWidget(leadLabel_);
    lead_ = new QComboBox(this);
    lead_->setObjectName(QStringLiteral("leadBox"));
    lead_->setToolTip(tr("The recording's lead the single-lead model reads"));
    leadRow->addWidget(lead_, 1);
    layout->addLayout(leadRow);
    layout->addSpacing(8);
    auto* pick = new QHBoxLayout;
    models_ = new QComboBox(this);
    models_->setObjectName(QStringLiteral("modelBox"));
    for (const QString& path : bundledModelPaths())
        models_->addItem(QFileInfo(path).completeBaseName(), path);
    open_ = new QPushButton(tr("Other…"), this);
    open_->setToolTip(tr("Open a TorchScript model (.pt) with its model card (.card.json) beside it"));
    pick->addWidget(models_, 1);
    pick->addWidget(open_);
    layout->addLayout(pick);
    cardToggle_ = new QToolButton(this);
    cardToggle_->setObjectName(QStringLiteral("cardToggle"));
    cardToggle_->setText(tr("Model card: intended use and limitations"));
    cardToggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    cardToggle_->setAutoRaise(true);
    cardToggle_->setCheckable(true);
    cardToggle_->setChecked(true);
    cardToggle_->setArrowType(Qt::DownArrow);
    layout->addWidget(cardToggle_);
    card_ = wrapped(this);
    card_->setObjectName(QStringLiteral("cardLabel"));
    layout->addWidget(card_);
    layout->addStretch(1);
    connect(cardToggle_, &QToolButton::toggled, this, [this](bool open) {
        card_->setVisible(open);
        cardToggle_->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });

    connect(models_, &QComboBox::activated, this, [this](int i) { workbench_.loadModel(models_->itemData(i).toString()); });
    connect(open_, &QPushButton::clicked, this, &ModelPanel::chooseModelFile);
    connect(target_, &QComboBox::activated, this, [this](int i) { workbench_.setTarget(target_->itemData(i).toInt()); });
    connect(lead_, &QComboBox::activated, this, [this](int i) { workbench_.setModelLead(lead_->itemData(i).toString()); });
    connect(&workbench_, &Workbench::caseOpened, this, &ModelPanel::refreshLeads);
    connect(&workbench_, &Workbench::modelLoaded, this, &ModelPanel::refreshModel);
    connect(&workbench_, &Workbench::modelFailed, this, [this](const QString&, const QString& message) {
        cardToggle_->setChecked(true);   // why the model could not be used is never folded away
        card_->setText(QStringLiteral("<span style='color:%1'>%2</span>").arg(errorTextColour().name(), message.toHtmlEscaped()));
    });
    connect(&workbench_, &Workbench::predictionChanged, this, &ModelPanel::refreshPrediction);
    connect(&workbench_, &Workbench::uncertaintyChanged, this, &ModelPanel::refreshPrediction);
    connect(&workbench_.teaching(), &Teaching::modeChanged, this, &ModelPanel::refreshPrediction);
    refreshModel();
    refreshPrediction();
}

void ModelPanel::refreshLeads()
{
    const auto model = workbench_.model();
    const auto* group = workbench_.group();
    const bool offered = model && group && model->card().input.leads.size() == 1 && group->leads.size() > 1;
    leadLabel_->setVisible(offered);
    lead_->setVisible(offered);
    lead_->clear();
    if (!offered)
        return;
    lead_->addItem(tr("%1 (the model's)").arg(q(model->card().input.leads.front())), QString());
    for (const auto& l : group->leads)
        lead_->addItem(q(l.name), q(l.name));
    const int at = workbench_.modelLead().isEmpty() ? 0 : lead_->findData(workbench_.modelLead());
    lead_->setCurrentIndex(std::max(at, 0));
}

void ModelPanel::chooseModelFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open model"), QString(), tr("TorchScript models (*.pt)"));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(QString::fromStdString(modelCardPathFor(path.toStdString())))) {
        workbench_.loadModel(path);
        return;
    }
    // No card: ask how the model takes its input rather than refusing it.
    BareModelDialog dialog(path, this);
    if (dialog.exec() == QDialog::Accepted && dialog.card())
        workbench_.loadModel(path, dialog.card());
}

void ModelPanel::refreshModel()
{
    const auto model = workbench_.model();
    if (!model) {
        card_->setText(tr("No model loaded."));
        notice_->hide();
        refreshLeads();
        return;
    }
    const int at = models_->findData(workbench_.modelPath());
    if (at < 0)
        models_->addItem(QFileInfo(workbench_.modelPath()).completeBaseName(), workbench_.modelPath());
    models_->setCurrentIndex(at >= 0 ? at : models_->count() - 1);
    const ModelCard& c = model->card();
    QStringList leads;
    for (const auto& l : c.input.leads)
        leads << q(l);
    // A model that reads shorter recordings at their own length says from how short.
    const QString shorter = c.input.takesShorterInputs()
                                ? tr(" (shorter recordings at their own length, from %1 s)").arg(c.input.shortestLength() / c.input.samplingRateHz)
                                : QString();
    card_->setText(tr("<b>%1</b> %2<br>input: %3 leads at %4 Hz, %5 samples (%6 s)%7, %8<br><i>Intended use:</i> %9<br>"
                      "<i>Limitations:</i> %10")
                       .arg(q(c.name).toHtmlEscaped(), q(c.version).toHtmlEscaped())
                       .arg(c.input.leads.size())
                       .arg(c.input.samplingRateHz)
                       .arg(c.input.samples)
                       .arg(c.input.samples / c.input.samplingRateHz)
                       .arg(shorter, q(c.input.units), q(c.intendedUse).toHtmlEscaped(), q(c.limitations).toHtmlEscaped()));
    card_->setToolTip(leads.join(QStringLiteral(", ")));
    notice_->setVisible(c.demo);
    notice_->setText(tr("Demo model trained on synthetic ECGs — not for clinical use"));
    refreshLeads();
    target_->clear();
    target_->addItem(tr("the predicted output"), -1);
    for (std::size_t k = 0; k < c.outputs.size(); ++k)
        target_->addItem(q(c.outputs[k].label), int(k));
}

void ModelPanel::refreshPrediction()
{
    uncertainty_->clear();   // shown only beside a prediction that is shown
    const auto& p = workbench_.prediction();
    if (!workbench_.predictionError().isEmpty()) {
        prediction_->setText(QStringLiteral("<span style='color:%1'>%2</span>").arg(errorTextColour().name(), workbench_.predictionError().toHtmlEscaped()));
        warnings_->clear();
        return;
    }
    if (!p) {
        prediction_->setText(workbench_.model() && workbench_.recording() ? tr("Predicting …") : QString());
        warnings_->clear();
        return;
    }
    if (workbench_.teaching().hidden()) {
        prediction_->setText(tr("The model's answer is hidden until the presenter reveals it (Teaching ▸ Reveal)."));
        warnings_->clear();
        return;
    }
    prediction_->setText(predictionText());
    const auto& u = workbench_.uncertainty();
    uncertainty_->setText(uncertaintyText());
    QFont bold = uncertainty_->font();
    bold.setBold(u && u->referral);
    uncertainty_->setFont(bold);
    QPalette plain = prediction_->palette();
    if (u && u->referral)
        plain.setColor(QPalette::WindowText, errorTextColour());
    uncertainty_->setPalette(plain);
    QPalette palette = warnings_->palette();
    palette.setColor(QPalette::WindowText, warningTextColour());
    warnings_->setPalette(palette);
    warnings_->setText(warningsText());
}

QString ModelPanel::predictionText() const
{
    const QString lead = workbench_.predictedFromLead();
    return lead.isEmpty() ? workbench_.predictionText() : workbench_.predictionText() + QLatin1Char('\n') + tr("from lead %1").arg(lead);
}

QString ModelPanel::uncertaintyText() const
{
    const auto& u = workbench_.uncertainty();
    if (!workbench_.uncertaintyError().isEmpty())
        return tr("Stability not assessed: %1").arg(workbench_.uncertaintyError());
    if (!u)
        return workbench_.prediction() ? tr("Checking how stable the prediction is …") : QString();
    // The verdict's words, translated; the numbers as core computed them.
    const auto number = [&](double v) { return localNumber(v, 'f', 2); };
    const QString unit = u->unit.empty() ? QString() : QStringLiteral(" ") + q(u->unit);
    QString line = u->referral ? tr("unstable: %1%2 (%3–%4) — refer to a physician") : tr("stable: %1%2 (%3–%4)");
    line = line.arg(number(u->value), unit, number(u->low), number(u->high));
    QStringList lines{line};
    for (const auto& w : u->warnings)
        lines << QStringLiteral("⚠ ") + q(w);
    return lines.join(QLatin1Char('\n'));
}

QString ModelPanel::warningsText() const
{
    const auto& p = workbench_.prediction();
    if (!p || p->warnings.empty())
        return {};
    QStringList lines;
    for (const auto& w : p->warnings)
        lines << QStringLiteral("⚠ ") + q(w);
    return lines.join(QLatin1Char('\n'));
}

} // namespace execg
