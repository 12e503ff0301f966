#pragma once
// Everything the workstation remembers between sessions, in one place: each key's name, type and default is declared
// once below, and read and written only through Settings, so no other file spells a key. The store is QSettings under
// the organisation and application names main() sets. Keys that an older version wrote under another name are moved
// once, when a Settings first finds the store at an older version (Settings.cpp keeps the renames).
#include "workbench/DisplaySettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <type_traits>

class QSettings;

namespace execg {

template <typename T>
struct SettingKey {
    const char* name;
    T fallback;   // what an empty store gives: the behaviour of a first start
};

namespace setting {
// The window: QMainWindow's own blobs, restored as they were saved.
inline const SettingKey<QByteArray> windowGeometry{"window/geometry", {}};
inline const SettingKey<QByteArray> windowState{"window/state", {}};
// The interface around the chart.
inline const SettingKey<QString> language{"interface/language", {}};   // "en", "de", "ko"; "" = the system's
inline const SettingKey<QString> theme{"interface/theme", QStringLiteral("light")};   // "light" or "dark"
// What the reviewer works with.
inline const SettingKey<QStringList> recentFiles{"files/recent", {}};   // the newest first
inline const SettingKey<QString> modelPath{"model/path", {}};           // "" = the bundled demo model
inline const SettingKey<bool> modelChosenByUser{"model/chosen", false};  // false: the model follows the case
inline const SettingKey<QStringList> methods{"explain/methods", {}};    // none = the model card's defaults
inline const SettingKey<bool> deidentify{"teaching/deidentify", false};
inline const SettingKey<bool> auditEnabled{"audit/enabled", true};   // each finished analysis into the audit log
// The display tool bar (DisplaySettings::load/save); the defaults are DisplaySettings' own. The lead order is not
// kept: a session file carries it, the tool bar does not offer it.
inline const SettingKey<ChartLayoutKind> displayLayout{"display/layout", DisplaySettings{}.chart.layout};
inline const SettingKey<double> displaySpeed{"display/speed", DisplaySettings{}.chart.speedMmPerSecond};
inline const SettingKey<double> displayGain{"display/gain", DisplaySettings{}.chart.gainMmPerMillivolt};
inline const SettingKey<GridStyle> displayGrid{"display/grid", DisplaySettings{}.chart.grid};
inline const SettingKey<OverlayMode> displayOverlay{"display/overlay", DisplaySettings{}.overlay};
inline const SettingKey<ColourMapKind> displayColours{"display/colours", DisplaySettings{}.colours};
inline const SettingKey<QString> displayFilter{"display/filter", DisplaySettings{}.filter};
inline const SettingKey<double> displayMains{"display/mains", DisplaySettings{}.mainsHz};
inline const SettingKey<double> displaySmoothing{"display/map_smoothing_ms", DisplaySettings{}.map.smoothingMs};
inline const SettingKey<MapView> displayMapView{"display/map_view", DisplaySettings{}.map.view};
} // namespace setting

class Settings {
public:
    // The store's layout version: 1 is every store before it was kept (no "settings/version"), 2 moved the
    // ungrouped and misgrouped keys into groups.
    static constexpr int kVersion = 2;
    static constexpr const char* kVersionKey = "settings/version";

    Settings();   // the application's store, migrated to kVersion if it is older
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    template <typename T>
    T value(const SettingKey<T>& key) const
    {
        const QVariant v = read(key.name);
        if (!v.isValid())
            return key.fallback;
        // Enumerations are stored as their numbers, as the tool bar always stored them.
        if constexpr (std::is_enum_v<T>)
            return T(v.toInt());
        else
            return v.value<T>();
    }

    template <typename T>
    void setValue(const SettingKey<T>& key, const T& value)
    {
        if constexpr (std::is_enum_v<T>)
            write(key.name, int(value));
        else
            write(key.name, QVariant::fromValue(value));
    }

private:
    QVariant read(const char* name) const;
    void write(const char* name, const QVariant& value);
    void migrate();

    std::unique_ptr<QSettings> store_;
};

} // namespace execg
