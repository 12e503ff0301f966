#pragma once
// What the case's chart shows, apart from any widget: the reading conditions (the display settings), the method the
// reviewer picked for the chart, the map drawn with its overlay and the caption under it, where the model's window
// starts, and the teaching quiz's score line. The main window's chart, the presenter's chart and the teaching
// controls read it and subscribe to it; whoever decides a part sets it here. No view copies another view.
#include "explain/Explanation.h"
#include "render/PaperChartRenderer.h"
#include "workbench/DisplaySettings.h"

#include <QObject>
#include <QString>

#include <memory>
#include <string>

namespace execg {

class ChartState : public QObject {
    Q_OBJECT
public:
    explicit ChartState(QObject* parent = nullptr);

    // --- the reading conditions ---
    const DisplaySettings& display() const { return display_; }
    void setDisplay(const DisplaySettings& display);   // displayChanged (and changed) when it differs

    // --- the map on the chart ---
    // The method the reviewer picked for the chart, by its title ("Integrated Gradients"), kept across cases; empty
    // for the default. pickedMethodChanged when it changes: the window then chooses the map again.
    QString pickedMethod() const { return picked_; }
    void setPickedMethod(const QString& title);
    // The map drawn: its method (registry name and title), the explanation as computed, the same as drawn (display
    // smoothing or the per-wave view; null: as computed) and how it is drawn; none while explanation() is null (no
    // method finished, none picked, or the answer hidden), with the caption saying why.
    void showMap(const std::string& method, const QString& title, std::shared_ptr<const Explanation> explanation,
                 const AttributionOverlay& overlay, const QString& caption, std::shared_ptr<const Explanation> shown = nullptr);
    void clearMap(const QString& caption = {});
    const std::string& method() const { return method_; }
    QString methodTitle() const { return title_; }
    std::shared_ptr<const Explanation> explanation() const { return explanation_; }   // as computed: scores read it
    std::shared_ptr<const Explanation> shownExplanation() const { return shown_; }     // as drawn
    const AttributionOverlay& overlay() const { return overlay_; }
    QString caption() const { return caption_; }

    // --- the model's window on the recording, in seconds from the group's start ---
    double windowStart() const { return windowStart_; }
    void setWindowStart(double seconds);

    // --- teaching: the quiz's score line under the chart ---
    QString scoreText() const { return scoreText_; }
    QString scoreToolTip() const { return scoreToolTip_; }
    bool scoreShown() const { return scoreShown_; }
    void setScore(const QString& text, const QString& toolTip, bool shown);

signals:
    void changed();               // anything the chart shows
    void displayChanged();
    void pickedMethodChanged();

private:
    DisplaySettings display_;
    QString picked_;
    std::string method_;
    QString title_, caption_;
    std::shared_ptr<const Explanation> explanation_, shown_;
    AttributionOverlay overlay_;
    double windowStart_ = 0.0;
    QString scoreText_, scoreToolTip_;
    bool scoreShown_ = false;
};

} // namespace execg
