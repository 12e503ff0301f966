#pragma once
// The concept tests (TCAV) view: which concepts (built-in, a folder, a label-table column), layers, runs and inputs;
// the scores per concept and layer as bars with their 95 % intervals beside the random CAVs' mean, significant ones
// marked, unreliable ones greyed; the numbers and verdicts in a table.
#include <QWidget>

class QCustomPlot;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace execg {

class Workbench;

class TcavView : public QWidget {
    Q_OBJECT
public:
    explicit TcavView(Workbench& workbench, QWidget* parent = nullptr);

    QListWidget* conceptList() const { return concepts_; }
    QListWidget* layerList() const { return layers_; }
    QSpinBox* runsBox() const { return runs_; }
    QSpinBox* examplesBox() const { return examples_; }
    QPushButton* runButton() const { return run_; }
    QTableWidget* resultTable() const { return table_; }
    QCustomPlot* scorePlot() const { return plot_; }
    QString summaryText() const;
    // Where the random sets are drawn from: a folder of ordinary ECGs, or "" for built-in ordinary patients.
    void setPoolFolder(const QString& dir);

private:
    void followModel();   // the model's layers, and its default concepts ticked
    void addFolder();
    void addLabelColumn();
    void start();
    void showResult();

    Workbench& workbench_;
    QListWidget* concepts_ = nullptr;
    QListWidget* layers_ = nullptr;
    QSpinBox* runs_ = nullptr;
    QSpinBox* examples_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QLabel* inputs_ = nullptr;
    QString inputsFolder_;
    QLabel* pool_ = nullptr;
    QString poolFolder_;
    QPushButton* run_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* summary_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    QTableWidget* table_ = nullptr;
};

} // namespace execg
