#include "widgets/ParameterForm.h"

#include "render/Text.h"
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardItemModel>

#include <cmath>

namespace execg {

namespace {

// Canonical text for a real, as resolveParameters writes it back ("0.15", "50").
std::string realText(double v)
{
    QString s = QString::number(v, 'g', 10);
    return s.toStdString();
}

} // namespace

ParameterForm::ParameterForm(QWidget* parent) : QWidget(parent)
{
    form_ = new QFormLayout(this);
    form_->setContentsMargins(0, 0, 0, 0);
}

void ParameterForm::setParameters(const std::vector<ParameterSpec>& specs, const std::map<std::string, std::string>& values,
                                  const std::vector<LayerChoice>& layers, bool cardLayers)
{
    while (form_->rowCount() > 0)
        form_->removeRow(0);
    editors_.clear();
    specs_ = specs;
    if (specs.empty())
        form_->addRow(new QLabel(tr("This method has no parameters."), this));
    for (const auto& spec : specs) {
        const auto given = values.find(spec.name);
        const std::string value = given != values.end() ? given->second : spec.defaultValue;
        QWidget* editor = nullptr;
        switch (spec.type) {
        case ParameterType::Integer: {
            auto* box = new QSpinBox(this);
            box->setRange(int(spec.min), int(std::min(spec.max, 1e9)));
            box->setValue(value.empty() ? 0 : std::stoi(value));
            if (!spec.unit.empty())
                box->setSuffix(QStringLiteral(" ") + q(spec.unit));
            connect(box, &QSpinBox::valueChanged, this, &ParameterForm::edited);
            editor = box;
            break;
        }
        case ParameterType::Real: {
            auto* box = new QDoubleSpinBox(this);
            box->setDecimals(4);
            box->setRange(spec.min, spec.max);
            box->setSingleStep(std::max(1e-4, (spec.max - spec.min) / 100.0));
            box->setValue(value.empty() ? 0.0 : std::stod(value));
            if (!spec.unit.empty())
                box->setSuffix(QStringLiteral(" ") + q(spec.unit));
            connect(box, &QDoubleSpinBox::valueChanged, this, &ParameterForm::edited);
            editor = box;
            break;
        }
        case ParameterType::Choice:
        case ParameterType::Layer: {
            auto* box = new QComboBox(this);
            if (spec.type == ParameterType::Choice)
                for (const auto& c : spec.choices)
                    box->addItem(q(c), q(c));
            else {
                box->addItem(cardLayers ? tr("(the card's layer)") : tr("(choose a layer: the model has no card)"), QString());
                auto* items = qobject_cast<QStandardItemModel*>(box->model());
                for (const auto& layer : layers) {
                    box->addItem(q(layer.name), q(layer.name));
                    if (layer.problem.empty())
                        continue;
                    // Shown, so the user sees the layer exists, but greyed with the reason it cannot be used.
                    const int row = box->count() - 1;
                    box->setItemData(row, q(layer.problem), Qt::ToolTipRole);
                    if (auto* item = items ? items->item(row) : nullptr)
                        item->setEnabled(false);
                }
            }
            const int at = box->findData(q(value));
            box->setCurrentIndex(at >= 0 ? at : 0);
            connect(box, &QComboBox::currentIndexChanged, this, &ParameterForm::edited);
            editor = box;
            break;
        }
        case ParameterType::Text: {
            auto* line = new QLineEdit(QString::fromStdString(value), this);
            connect(line, &QLineEdit::editingFinished, this, &ParameterForm::edited);
            editor = line;
            break;
        }
        case ParameterType::Flag: {
            auto* box = new QCheckBox(this);
            box->setChecked(value == "true" || value == "1" || value == "yes");
            connect(box, &QCheckBox::toggled, this, &ParameterForm::edited);
            editor = box;
            break;
        }
        }
        editor->setObjectName(q(spec.name));
        editor->setToolTip(q(spec.help));
        auto* label = new QLabel(q(spec.name), this);
        label->setToolTip(q(spec.help));
        form_->addRow(label, editor);
        editors_.push_back(editor);
    }
}

std::map<std::string, std::string> ParameterForm::values() const
{
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i < specs_.size(); ++i) {
        const auto& spec = specs_[i];
        std::string v;
        if (auto* s = qobject_cast<QSpinBox*>(editors_[i]))
            v = std::to_string(s->value());
        else if (auto* d = qobject_cast<QDoubleSpinBox*>(editors_[i]))
            v = realText(d->value());
        else if (auto* c = qobject_cast<QComboBox*>(editors_[i]))
            v = c->currentData().toString().toStdString();
        else if (auto* t = qobject_cast<QLineEdit*>(editors_[i]))
            v = t->text().trimmed().toStdString();
        else if (auto* b = qobject_cast<QCheckBox*>(editors_[i]))
            v = b->isChecked() ? "true" : "false";
        const bool isDefault = spec.type == ParameterType::Real && !spec.defaultValue.empty()
                                   ? std::abs(std::stod(spec.defaultValue) - std::stod(v)) < 1e-12
                                   : v == spec.defaultValue;
        if (!isDefault)
            out[spec.name] = v;
    }
    return out;
}

} // namespace execg
