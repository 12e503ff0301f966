#pragma once
// How the chart is drawn — layout, paper speed, gain, grid, how the map is overlaid and in which colours — chosen
// in one tool bar and kept between sessions (QSettings), so a reviewer's reading conditions are the same each day.
#include "render/PaperChartRenderer.h"

#include <QJsonObject>
#include <QToolBar>

class QComboBox;

namespace execg {

struct DisplaySettings {
    PaperChartStyle chart;
    OverlayMode overlay = OverlayMode::Band;
    ColourMapKind colours = ColourMapKind::Diverging;
    QString filter;          // display filter preset: "" (as recorded), "diagnostic", "monitoring"
    double mainsHz = 0.0;    // mains notch: 0 (none), 50 or 60

    static DisplaySettings load();   // QSettings, defaults where nothing is stored
    void save() const;
    // As a session file keeps them (names as the command line takes them: "3x4+1", "red", "band", "cividis").
    QJsonObject toJson() const;
    static DisplaySettings fromJson(const QJsonObject& o);   // the defaults for whatever is absent or unknown
};

class DisplayToolBar : public QToolBar {
    Q_OBJECT
public:
    explicit DisplayToolBar(QWidget* parent = nullptr);

    const DisplaySettings& settings() const { return settings_; }
    void setSettings(const DisplaySettings& settings);
    QComboBox* layoutBox() const { return layout_; }

signals:
    void changed(const execg::DisplaySettings& settings);

private:
    void read();

    DisplaySettings settings_;
    QComboBox* layout_ = nullptr;
    QComboBox* speed_ = nullptr;
    QComboBox* gain_ = nullptr;
    QComboBox* grid_ = nullptr;
    QComboBox* overlay_ = nullptr;
    QComboBox* colours_ = nullptr;
    QComboBox* filter_ = nullptr;
    QComboBox* mains_ = nullptr;
};

} // namespace execg
