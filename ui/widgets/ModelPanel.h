#pragma once
// What the model says about the case, first and large — the prediction, the demo notice and every warning the adapter
// raised (resampled, derived leads, cropped or padded, flat leads) right beside the numbers they qualify, the output
// explained — then which model (a shipped demo or the user's own .pt with its card) and its card, intended use and
// limitations, which can be folded.
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QToolButton;

namespace execg {

class Workbench;

class ModelPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelPanel(Workbench& workbench, QWidget* parent = nullptr);

    QString predictionText() const;
    QString warningsText() const;
    QString uncertaintyText() const;

private:
    void chooseModelFile();
    void refreshModel();
    void refreshPrediction();
    void refreshLeads();

    Workbench& workbench_;
    QComboBox* models_ = nullptr;
    QPushButton* open_ = nullptr;
    QLabel* card_ = nullptr;
    QToolButton* cardToggle_ = nullptr;
    QLabel* notice_ = nullptr;
    QLabel* prediction_ = nullptr;
    QLabel* uncertainty_ = nullptr;   // "stable: 0.91 (0.88–0.93)", or the referral
    QComboBox* target_ = nullptr;
    QLabel* leadLabel_ = nullptr;
    QComboBox* lead_ = nullptr;
    QLabel* warnings_ = nullptr;
};

} // namespace execg
