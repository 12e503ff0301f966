#pragma once
// Asks how a model without a card takes its input — rate, length, leads, layout — when a user opens such a .pt, so
// it can run with an inferred card (every result then carries the "no model card" warning) instead of being refused.
#include "model/ModelCard.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace execg {

class BareModelDialog : public QDialog {
    Q_OBJECT
public:
    BareModelDialog(const QString& modelPath, QWidget* parent = nullptr);

    // The card made from the answers; empty until they are accepted.
    const std::optional<ModelCard>& card() const { return card_; }

    void accept() override;

private:
    QString modelPath_;
    QDoubleSpinBox* rate_ = nullptr;
    QSpinBox* samples_ = nullptr;
    QLineEdit* leads_ = nullptr;
    QComboBox* layout_ = nullptr;
    QLabel* problem_ = nullptr;
    std::optional<ModelCard> card_;
};

} // namespace execg
