#pragma once
// One lead up close, interactive (QCustomPlot): the signal in mV over time above, and under it each method's map
// for that lead on the same time axis, so where the methods agree and where they part can be read beat by beat.
// Drag to pan and wheel to zoom, in time; both plots move together. Each map is divided by its own full-colour
// value (the 99th percentile of its |a|), so methods of different units share one axis from −1 to 1.
#include "explain/Explanation.h"
#include "recording/Recording.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QCustomPlot;
class QCPAxisRect;

namespace execg {

struct FocusedMethod {
    QString title;
    std::shared_ptr<const Explanation> explanation;
};

class LeadFocusView : public QWidget {
    Q_OBJECT
public:
    explicit LeadFocusView(QWidget* parent = nullptr);

    // `firstSample`, `count`: the stretch shown (the model's window).
    void setRecording(std::shared_ptr<const Recording> recording, int groupIndex, std::int64_t firstSample, std::int64_t count);
    void setMethods(const std::vector<FocusedMethod>& methods);
    void setLead(const QString& lead);
    QString lead() const;
    QCustomPlot* plot() const { return plot_; }
    int methodGraphs() const;   // maps drawn

protected:
    void showEvent(QShowEvent* event) override;

private:
    void replot();
    void drawIfShown();

    std::shared_ptr<const Recording> recording_;
    int group_ = -1;
    std::int64_t first_ = 0, count_ = 0;
    std::vector<FocusedMethod> methods_;
    QComboBox* leadBox_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    QCPAxisRect* signalRect_ = nullptr;
    QCPAxisRect* mapRect_ = nullptr;
};

} // namespace execg
