#pragma once
// How the chart is drawn — layout, paper speed, gain, grid, how the map is overlaid and in which colours — chosen
// in one tool bar and kept between sessions (DisplaySettings), so a reviewer's reading conditions are the same each day.
#include "workbench/DisplaySettings.h"

#include <QToolBar>

class QComboBox;

namespace execg {

class DisplayToolBar : public QToolBar {
    Q_OBJECT
public:
    explicit DisplayToolBar(QWidget* parent = nullptr);

    const DisplaySettings& settings() const { return settings_; }
    void setSettings(const DisplaySettings& settings);
    QComboBox* layoutBox() const { return layout_; }
    QComboBox* detailBox() const { return detail_; }

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
    QComboBox* detail_ = nullptr;   // display smoothing, or the per-wave view
};

} // namespace execg
