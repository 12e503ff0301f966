#include "workbench/DisplaySettings.h"

#include "workbench/Settings.h"

#include <cmath>

namespace execg {

DisplaySettings DisplaySettings::load()
{
    const Settings s;
    DisplaySettings d;
    d.chart.layout = s.value(setting::displayLayout);
    d.chart.speedMmPerSecond = s.value(setting::displaySpeed);
    d.chart.gainMmPerMillivolt = s.value(setting::displayGain);
    d.chart.grid = s.value(setting::displayGrid);
    d.overlay = s.value(setting::displayOverlay);
    d.colours = s.value(setting::displayColours);
    d.filter = s.value(setting::displayFilter);
    d.mainsHz = s.value(setting::displayMains);
    d.map.smoothingMs = s.value(setting::displaySmoothing);
    d.map.view = s.value(setting::displayMapView);
    return d;
}

void DisplaySettings::save() const
{
    Settings s;
    s.setValue(setting::displayLayout, chart.layout);
    s.setValue(setting::displaySpeed, chart.speedMmPerSecond);
    s.setValue(setting::displayGain, chart.gainMmPerMillivolt);
    s.setValue(setting::displayGrid, chart.grid);
    s.setValue(setting::displayOverlay, overlay);
    s.setValue(setting::displayColours, colours);
    s.setValue(setting::displayFilter, filter);
    s.setValue(setting::displayMains, mainsHz);
    s.setValue(setting::displaySmoothing, map.smoothingMs);
    s.setValue(setting::displayMapView, map.view);
}

namespace {
template <typename E>
struct Named {
    const char* name;
    E value;
};
constexpr Named<GridStyle> kGrids[] = {{"red", GridStyle::ClinicalRed}, {"grey", GridStyle::NeutralGrey}, {"none", GridStyle::None}};
constexpr Named<OverlayMode> kOverlays[] = {{"band", OverlayMode::Band}, {"trace", OverlayMode::TraceColour}, {"strip", OverlayMode::Strip}};

template <typename E, std::size_t N>
QString nameOf(const Named<E> (&names)[N], E value)
{
    for (const auto& n : names)
        if (n.value == value)
            return QLatin1String(n.name);
    return {};
}

template <typename E, std::size_t N>
E valueOf(const Named<E> (&names)[N], const QString& name, E fallback)
{
    for (const auto& n : names)
        if (name == QLatin1String(n.name))
            return n.value;
    return fallback;
}
} // namespace

QJsonObject DisplaySettings::toJson() const
{
    return {{QStringLiteral("layout"), QString::fromStdString(toString(chart.layout))},
            {QStringLiteral("lead_order"), QString::fromStdString(toString(chart.order))},
            {QStringLiteral("speed_mm_s"), chart.speedMmPerSecond},
            {QStringLiteral("gain_mm_mv"), chart.gainMmPerMillivolt},
            {QStringLiteral("grid"), nameOf(kGrids, chart.grid)},
            {QStringLiteral("overlay"), nameOf(kOverlays, overlay)},
            {QStringLiteral("colours"), toString(colours)},
            {QStringLiteral("filter"), filter},
            {QStringLiteral("mains_hz"), mainsHz},
            {QStringLiteral("map_smoothing_ms"), map.smoothingMs},
            {QStringLiteral("map_view"), QString::fromStdString(toString(map.view))}};
}

DisplaySettings DisplaySettings::fromJson(const QJsonObject& o)
{
    DisplaySettings d;
    chartLayoutFromString(o.value(QStringLiteral("layout")).toString().toStdString(), d.chart.layout);
    if (o.value(QStringLiteral("lead_order")).toString() == QLatin1String("cabrera"))
        d.chart.order = LeadOrder::Cabrera;
    const auto positive = [&](const char* key, double fallback) {
        const double v = o.value(QLatin1String(key)).toDouble(fallback);
        return std::isfinite(v) && v > 0 ? v : fallback;
    };
    d.chart.speedMmPerSecond = positive("speed_mm_s", d.chart.speedMmPerSecond);
    d.chart.gainMmPerMillivolt = positive("gain_mm_mv", d.chart.gainMmPerMillivolt);
    d.chart.grid = valueOf(kGrids, o.value(QStringLiteral("grid")).toString(), d.chart.grid);
    d.overlay = valueOf(kOverlays, o.value(QStringLiteral("overlay")).toString(), d.overlay);
    colourMapFromString(o.value(QStringLiteral("colours")).toString(), d.colours);
    const QString filter = o.value(QStringLiteral("filter")).toString();
    if (filter.isEmpty() || filter == QLatin1String("diagnostic") || filter == QLatin1String("monitoring"))
        d.filter = filter;
    const double mains = o.value(QStringLiteral("mains_hz")).toDouble();
    d.mainsHz = mains == 50.0 || mains == 60.0 ? mains : 0.0;
    const double smoothing = o.value(QStringLiteral("map_smoothing_ms")).toDouble(d.map.smoothingMs);
    d.map.smoothingMs = std::isfinite(smoothing) && smoothing >= 0.0 && smoothing <= 1000.0 ? smoothing : d.map.smoothingMs;
    mapViewFromString(o.value(QStringLiteral("map_view")).toString().toStdString(), d.map.view);
    return d;
}

} // namespace execg
