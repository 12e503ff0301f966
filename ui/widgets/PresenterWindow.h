#pragma once
// The presenter view: the case on a full screen for a lecture hall — the paper chart as large as the screen allows,
// large type, the case's place in the list, the model's answer (or that it is hidden), and the pointer, the pen and
// the quiz marks on the chart. It shows the same chart state as the main window (display settings, map, caption,
// quiz score) and the Workbench's case and annotations, and steps through the case list with the arrow keys; Esc
// returns to the workstation.
#include <QWidget>

class QLabel;
class QPushButton;

namespace execg {

class ChartState;
class PaperChartView;
class Workbench;

class PresenterWindow : public QWidget {
    Q_OBJECT
public:
    PresenterWindow(Workbench& workbench, ChartState& chartState);

    PaperChartView* chart() const { return chart_; }
    QString titleText() const;
    QString answerText() const;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void scheduleRefresh();
    void refresh();

    Workbench& workbench_;
    ChartState& chartState_;
    PaperChartView* chart_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* answer_ = nullptr;
    QLabel* score_ = nullptr;
    QPushButton* reveal_ = nullptr;
    bool refreshQueued_ = false;
};

} // namespace execg
