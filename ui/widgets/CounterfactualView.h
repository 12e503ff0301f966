#pragma once
// "What minimal change to this ECG would change the model's answer?" — the target (an output and the value it
// should reach), the counterfactual drawn over the recording (vermilion over black, the difference shaded), the
// prediction's path step by step, whether the target was reached and how far the change went, and the change in
// the measurements a cardiologist reads, largest first.
#include <QWidget>

#include <string>

class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace execg {

class PaperChartView;
class Workbench;

class CounterfactualView : public QWidget {
    Q_OBJECT
public:
    explicit CounterfactualView(Workbench& workbench, QWidget* parent = nullptr);

    QDoubleSpinBox* targetValue() const { return value_; }
    QPushButton* runButton() const { return run_; }
    PaperChartView* chart() const { return chart_; }
    QTableWidget* deltaTable() const { return deltas_; }
    QCustomPlot* trajectoryPlot() const { return trajectory_; }
    QString verdictText() const;
    void setChartStyleFrom(PaperChartView* source);

    QComboBox* methodBox() const { return method_; }

private:
    static QString methodTitle(const std::string& name);
    static QString methodDescription(const std::string& name);
    void refreshMethods();
    void refreshTargets();
    void showResult();

    Workbench& workbench_;
    QComboBox* method_ = nullptr;
    QComboBox* output_ = nullptr;
    QDoubleSpinBox* value_ = nullptr;
    QPushButton* run_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* verdict_ = nullptr;
    PaperChartView* chart_ = nullptr;
    QCustomPlot* trajectory_ = nullptr;
    QTableWidget* deltas_ = nullptr;
};

} // namespace execg
