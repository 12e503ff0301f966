#include "widgets/DisplayToolBar.h"

#include <QComboBox>
#include <QLabel>

#include <cmath>

namespace execg {

namespace {

template <typename T>
void select(QComboBox* box, T value)
{
    const int at = box->findData(QVariant::fromValue(int(value)));
    box->setCurrentIndex(std::max(0, at));
}

void selectReal(QComboBox* box, double value)
{
    for (int i = 0; i < box->count(); ++i)
        if (std::abs(box->itemData(i).toDouble() - value) < 1e-9)
            box->setCurrentIndex(i);
}

} // namespace

DisplayToolBar::DisplayToolBar(QWidget* parent) : QToolBar(tr("Display"), parent)
{
    setObjectName(QStringLiteral("displayToolBar"));
    const auto box = [this](const QString& label, const QString& name) {
        addWidget(new QLabel(label, this));
        auto* b = new QComboBox(this);
        b->setObjectName(name);
        addWidget(b);
        connect(b, &QComboBox::activated, this, &DisplayToolBar::read);
        return b;
    };
    layout_ = box(tr(" Layout "), QStringLiteral("layoutBox"));
    layout_->addItem(tr("3×4"), int(ChartLayoutKind::ThreeByFour));
    layout_->addItem(tr("3×4 + rhythm"), int(ChartLayoutKind::ThreeByFourPlusOne));
    layout_->addItem(tr("3×4 + 3 rhythm"), int(ChartLayoutKind::ThreeByFourPlusThree));
    layout_->addItem(tr("6×2"), int(ChartLayoutKind::SixByTwo));
    layout_->addItem(tr("12×1"), int(ChartLayoutKind::TwelveByOne));
    speed_ = box(tr(" Speed "), QStringLiteral("speedBox"));
    for (double v : {12.5, 25.0, 50.0})
        speed_->addItem(tr("%1 mm/s").arg(v), v);
    gain_ = box(tr(" Gain "), QStringLiteral("gainBox"));
    for (double v : {5.0, 10.0, 20.0})
        gain_->addItem(tr("%1 mm/mV").arg(v), v);
    grid_ = box(tr(" Grid "), QStringLiteral("gridBox"));
    grid_->addItem(tr("red"), int(GridStyle::ClinicalRed));
    grid_->addItem(tr("grey"), int(GridStyle::NeutralGrey));
    grid_->addItem(tr("none"), int(GridStyle::None));
    overlay_ = box(tr(" Map "), QStringLiteral("overlayBox"));
    overlay_->addItem(tr("band"), int(OverlayMode::Band));
    overlay_->addItem(tr("trace colour"), int(OverlayMode::TraceColour));
    overlay_->addItem(tr("strip"), int(OverlayMode::Strip));
    detail_ = box(tr(" Detail "), QStringLiteral("detailBox"));
    detail_->setToolTip(tr("How the map is drawn, for the eye only: gradient maps are spiky, so they are smoothed over a "
                           "few milliseconds, or each wave's share of the evidence is painted over the wave. The stored "
                           "map, the evidence tables and the exported results are never smoothed."));
    detail_->addItem(tr("as computed"), QStringLiteral("0"));
    for (const int ms : {20, 40, 80})
        detail_->addItem(tr("smoothed %1 ms").arg(ms), QString::number(ms));
    detail_->addItem(tr("per wave"), QStringLiteral("waves"));
    colours_ = box(tr(" Colours "), QStringLiteral("coloursBox"));
    colours_->addItem(tr("blue–red (signed)"), int(ColourMapKind::Diverging));
    colours_->addItem(tr("cividis"), int(ColourMapKind::Cividis));
    colours_->addItem(tr("viridis"), int(ColourMapKind::Viridis));
    filter_ = box(tr(" Filter "), QStringLiteral("filterBox"));
    filter_->setToolTip(tr("For the eye only: the model, the measurements and the report read the recording as recorded"));
    filter_->addItem(tr("as recorded"), QString());
    filter_->addItem(tr("diagnostic 0.05–150 Hz"), QStringLiteral("diagnostic"));
    filter_->addItem(tr("monitoring 0.5–40 Hz"), QStringLiteral("monitoring"));
    mains_ = box(tr(" Mains "), QStringLiteral("mainsBox"));
    mains_->addItem(tr("no notch"), 0.0);
    mains_->addItem(tr("50 Hz notch"), 50.0);
    mains_->addItem(tr("60 Hz notch"), 60.0);
    setSettings(DisplaySettings::load());
}

void DisplayToolBar::setSettings(const DisplaySettings& settings)
{
    settings_ = settings;
    select(layout_, settings.chart.layout);
    selectReal(speed_, settings.chart.speedMmPerSecond);
    selectReal(gain_, settings.chart.gainMmPerMillivolt);
    select(grid_, settings.chart.grid);
    select(overlay_, settings.overlay);
    select(colours_, settings.colours);
    filter_->setCurrentIndex(std::max(0, filter_->findData(settings.filter)));
    selectReal(mains_, settings.mainsHz);
    // A width a session file brought that the list lacks gets its own entry.
    const QString detail = settings.map.view == MapView::Waves ? QStringLiteral("waves") : QString::number(settings.map.smoothingMs);
    if (detail_->findData(detail) < 0)
        detail_->insertItem(detail_->count() - 1, tr("smoothed %1 ms").arg(detail), detail);
    detail_->setCurrentIndex(detail_->findData(detail));
    read();
}

void DisplayToolBar::read()
{
    settings_.chart.layout = ChartLayoutKind(layout_->currentData().toInt());
    settings_.chart.speedMmPerSecond = speed_->currentData().toDouble();
    settings_.chart.gainMmPerMillivolt = gain_->currentData().toDouble();
    settings_.chart.grid = GridStyle(grid_->currentData().toInt());
    settings_.overlay = OverlayMode(overlay_->currentData().toInt());
    settings_.colours = ColourMapKind(colours_->currentData().toInt());
    settings_.filter = filter_->currentData().toString();
    settings_.mainsHz = mains_->currentData().toDouble();
    const QString detail = detail_->currentData().toString();
    settings_.map.view = detail == QLatin1String("waves") ? MapView::Waves : MapView::Samples;
    if (settings_.map.view == MapView::Samples)
        settings_.map.smoothingMs = detail.toDouble();
    settings_.save();
    emit changed(settings_);
}

} // namespace execg
