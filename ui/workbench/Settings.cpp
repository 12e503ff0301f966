#include "workbench/Settings.h"

#include <QSettings>

namespace execg {

namespace {

// Keys that moved, with the version that moved them: a store older than `version` has its value under `from`.
// Append here when a key is renamed, and raise Settings::kVersion.
struct Rename {
    int version;
    const char* from;
    const char* to;
};
constexpr Rename kRenames[] = {
    {2, "language", "interface/language"},       // the one key outside any group
    {2, "display/theme", "interface/theme"},      // the window's colours, not the chart's: "display/" is the tool bar
    {2, "methods/chosen", "explain/methods"},
};

} // namespace

Settings::Settings() : store_(std::make_unique<QSettings>()) { migrate(); }

Settings::~Settings() = default;

QVariant Settings::read(const char* name) const { return store_->value(QLatin1String(name)); }

void Settings::write(const char* name, const QVariant& value) { store_->setValue(QLatin1String(name), value); }

void Settings::migrate()
{
    const int stored = store_->value(QLatin1String(kVersionKey), 1).toInt();
    // A newer version's store is left as it is: this version reads the keys it knows and ignores the rest.
    if (stored >= kVersion)
        return;
    for (const Rename& r : kRenames) {
        if (r.version <= stored || !store_->contains(QLatin1String(r.from)))
            continue;
        store_->setValue(QLatin1String(r.to), store_->value(QLatin1String(r.from)));
        store_->remove(QLatin1String(r.from));
    }
    store_->setValue(QLatin1String(kVersionKey), kVersion);
}

} // namespace execg
