#pragma once
// The worklist beside the chart: every case in order, the one on screen marked, and any that could not be opened
// with its error, so one bad file in a folder never hides or stops the rest.
#include <QWidget>

class QListWidget;

namespace execg {

class Workbench;

class WorklistPanel : public QWidget {
    Q_OBJECT
public:
    explicit WorklistPanel(Workbench& workbench, QWidget* parent = nullptr);
    QListWidget* list() const { return list_; }

private:
    void refresh();

    Workbench& workbench_;
    QListWidget* list_ = nullptr;
};

} // namespace execg
