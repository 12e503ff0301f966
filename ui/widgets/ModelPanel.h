#pragma once
// The model and what it says about the case: which model (a shipped demo or the user's own .pt with its card), its
// card — intended use and limitations — the demo notice, the prediction, and every warning the adapter raised
// (resampled, derived leads, cropped or padded, flat leads), right beside the numbers they qualify.
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace execg {

class Workbench;

class ModelPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelPanel(Workbench& workbench, QWidget* parent = nullptr);

    QString predictionText() const;
    QString warningsText() const;

private:
    void chooseModelFile();
    void refreshModel();
    void refreshPrediction();

    Workbench& workbench_;
    QComboBox* models_ = nullptr;
    QPushButton* open_ = nullptr;
    QLabel* card_ = nullptr;
    QLabel* notice_ = nullptr;
    QLabel* prediction_ = nullptr;
    QComboBox* target_ = nullptr;
    QLabel* warnings_ = nullptr;
};

} // namespace execg
