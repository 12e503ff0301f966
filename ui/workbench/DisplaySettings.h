#pragma once
// How the chart is drawn: the display tool bar's choices, kept between sessions and in session files. A value
// without widgets, so the Workbench side (session files, teaching bundles) can hold it too.
#include "explain/MapDisplay.h"
#include "render/PaperChartRenderer.h"

#include <QJsonObject>
#include <QString>

namespace execg {

struct DisplaySettings {
    PaperChartStyle chart;
    OverlayMode overlay = OverlayMode::Band;
    ColourMapKind colours = ColourMapKind::Diverging;
    QString filter;          // display filter preset: "" (as recorded), "diagnostic", "monitoring"
    double mainsHz = 0.0;    // mains notch: 0 (none), 50 or 60
    MapDisplay map;          // display smoothing (40 ms) or the per-wave view: how maps are drawn, never stored

    static DisplaySettings load();   // as Settings keeps them, defaults where nothing is stored
    void save() const;
    // As a session file keeps them (names as the command line takes them: "3x4+1", "red", "band", "cividis").
    QJsonObject toJson() const;
    static DisplaySettings fromJson(const QJsonObject& o);   // the defaults for whatever is absent or unknown
};

} // namespace execg
