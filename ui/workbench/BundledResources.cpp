#include "workbench/BundledResources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace execg {

QString resourcesDir()
{
    const QString env = qEnvironmentVariable("EXECG_RESOURCES_DIR");
    if (!env.isEmpty())
        return QDir::cleanPath(env);
    const QString installed = QCoreApplication::applicationDirPath() + QStringLiteral("/../share/execg-studio");
    if (QFileInfo::exists(installed + QStringLiteral("/demo")))
        return QDir::cleanPath(installed);
    return QStringLiteral(EXECG_SOURCE_RESOURCES_DIR);
}

QString demoCasePath() { return resourcesDir() + QStringLiteral("/demo/demo_hyperkalaemia.hea"); }

QString defaultModelPath() { return resourcesDir() + QStringLiteral("/models/potassium.pt"); }

QString realRecordingModelPath() { return resourcesDir() + QStringLiteral("/models/af-cinc2017.pt"); }

QStringList bundledModelPaths()
{
    QStringList out;
    const QDir dir(resourcesDir() + QStringLiteral("/models"));
    for (const QString& name : dir.entryList({QStringLiteral("*.pt")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(name);
        if (QFileInfo::exists(path.chopped(3) + QStringLiteral(".card.json")))
            out << path;
    }
    return out;
}

} // namespace execg
