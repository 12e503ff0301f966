#pragma once
// "How much can I trust these maps?" beside the comparison: per method a compact scorecard — faithfulness against a
// random map, the randomisation sanity check, stability, agreement with the other methods, localisation where the
// case brings ground truth — and its verdict, with any map the checks say not to trust flagged in words, not colour
// alone.
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace execg {

class Workbench;

class QualityPanel : public QWidget {
    Q_OBJECT
public:
    explicit QualityPanel(Workbench& workbench, QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }
    QPushButton* assessButton() const { return assess_; }

private:
    void rebuild();
    void refreshRow(int index);

    Workbench& workbench_;
    QPushButton* assess_ = nullptr;
    QLabel* truth_ = nullptr;
    QTableWidget* table_ = nullptr;
};

} // namespace execg
