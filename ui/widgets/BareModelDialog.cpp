#include "widgets/BareModelDialog.h"

#include "render/Text.h"
#include "widgets/Theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace execg {

BareModelDialog::BareModelDialog(const QString& modelPath, QWidget* parent) : QDialog(parent), modelPath_(modelPath)
{
    setWindowTitle(tr("Model without a card"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("<b>%1</b> has no model card beside it. Describe the input it was trained on; every "
                                "result will carry a “no model card” warning. <tt>execg-cli model-info</tt> guesses "
                                "these from the file and writes a card to start from.")
                                 .arg(QFileInfo(modelPath).fileName().toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    rate_ = new QDoubleSpinBox(this);
    rate_->setObjectName(QStringLiteral("rate"));
    rate_->setRange(1, 20000);
    rate_->setDecimals(1);
    rate_->setValue(500);
    rate_->setSuffix(tr(" Hz"));
    form->addRow(tr("Sampling rate"), rate_);
    samples_ = new QSpinBox(this);
    samples_->setObjectName(QStringLiteral("samples"));
    samples_->setRange(1, 10000000);
    samples_->setValue(5000);
    form->addRow(tr("Samples per lead"), samples_);
    leads_ = new QLineEdit(QStringLiteral("I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6"), this);
    leads_->setObjectName(QStringLiteral("leads"));
    leads_->setToolTip(tr("Lead names in the model's channel order, separated by commas."));
    form->addRow(tr("Leads"), leads_);
    layout_ = new QComboBox(this);
    layout_->setObjectName(QStringLiteral("layout"));
    layout_->addItem(tr("leads first (batch × leads × samples)"));
    layout_->addItem(tr("samples first (batch × samples × leads)"));
    form->addRow(tr("Input layout"), layout_);
    layout->addLayout(form);
    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("problem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color:%1").arg(errorTextColour().name()));
    problem_->hide();
    layout->addWidget(problem_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &BareModelDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void BareModelDialog::accept()
{
    std::vector<std::string> leads;
    for (const auto& l : leads_->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        leads.push_back(l.trimmed().toStdString());
    try {
        auto card = inferredModelCard(modelPath_.toStdString(), rate_->value(), samples_->value(), leads);
        card.input.layout = layout_->currentIndex() == 1 ? InputLayout::SamplesFirst : InputLayout::LeadsFirst;
        card_ = std::move(card);
        problem_->hide();
    } catch (const ModelCardError& e) {
        problem_->setText(q(e.problem));   // e.g. "'input.leads' has 'V7x', not a known ECG lead name"
        problem_->show();
        return;
    }
    QDialog::accept();
}

} // namespace execg
