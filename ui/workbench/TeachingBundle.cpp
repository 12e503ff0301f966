#include "workbench/TeachingBundle.h"

#include "io/ReaderRegistry.h"
#include "io/WriterRegistry.h"
#include "model/ModelCard.h"
#include "recording/Deidentify.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <stdexcept>

namespace execg {

namespace {

// Messages a user sees, translatable without a QObject.
class TeachingBundleTr {
    Q_DECLARE_TR_FUNCTIONS(TeachingBundleTr)
};

[[noreturn]] void fail(const QString& why) { throw std::runtime_error(why.toStdString()); }

void copyInto(const QString& from, const QString& to)
{
    QFile::remove(to);
    if (!QFile::copy(from, to))
        fail(TeachingBundleTr::tr("%1: cannot copy into the bundle as %2").arg(from, to));
}

} // namespace

BundleResult writeTeachingBundle(const SessionFile& session, const QStringList& aliases, const QString& folder,
                                 BundleFormat format, const std::function<bool(double)>& progress)
{
    const QString target = QFileInfo(folder).absoluteFilePath();
    if (QFileInfo::exists(target) && !QDir(target).isEmpty())
        fail(TeachingBundleTr::tr("%1: the folder is not empty; a teaching bundle is written into a new or empty folder").arg(target));
    const QString staging = target + QStringLiteral(".partial");
    QDir(staging).removeRecursively();
    if (!QDir().mkpath(staging + QStringLiteral("/cases")) || !QDir().mkpath(staging + QStringLiteral("/model")))
        fail(TeachingBundleTr::tr("%1: cannot create the bundle's folders").arg(staging));
    struct Cleanup {
        QString path;
        bool keep = false;
        ~Cleanup()
        {
            if (!keep)
                QDir(path).removeRecursively();
        }
    } cleanup{staging};

    BundleResult result;
    SessionFile out = session;
    out.cases.clear();
    out.annotations.clear();
    out.deidentify = true;
    out.currentCase = 0;
    const RecordingWriter& writer = *WriterRegistry::instance().byName(format == BundleFormat::Dicom ? "DICOM" : "WFDB");
    const QString extension = QString::fromStdString(writer.extensions().front());
    const int n = int(session.cases.size());
    for (int i = 0; i < n; ++i) {
        if (progress && !progress(double(i) / double(n + 1)))
            fail(TeachingBundleTr::tr("%1: cancelled").arg(target));
        const QString alias = i < aliases.size() ? aliases[i] : TeachingBundleTr::tr("case %1").arg(i + 1);
        const QString stem = QStringLiteral("case-%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        const QString written = staging + QStringLiteral("/cases/") + stem + extension;
        try {
            const Recording plain = deidentified(ReaderRegistry::instance().read(session.cases[i].toStdString()),
                                                 alias.toStdString());
            writer.write(plain, written.toStdString());
        } catch (const std::exception&) {
            // The reason may quote the file's name, which may name the patient: only the alias goes into the warning.
            result.warnings << TeachingBundleTr::tr("%1: left out of the bundle (it could not be read or written)").arg(alias);
            continue;
        }
        const QString final = target + QStringLiteral("/cases/") + QFileInfo(written).fileName();
        if (i == session.currentCase)
            out.currentCase = int(out.cases.size());
        out.cases << final;
        if (const auto it = session.annotations.constFind(session.cases[i]); it != session.annotations.cend())
            out.annotations.insert(final, *it);
        ++result.casesWritten;
    }

    if (!session.model.isEmpty()) {
        const QFileInfo model(session.model);
        copyInto(model.absoluteFilePath(), staging + QStringLiteral("/model/") + model.fileName());
        const QString card = QString::fromStdString(modelCardPathFor(model.absoluteFilePath().toStdString()));
        if (QFileInfo::exists(card)) {
            copyInto(card, staging + QStringLiteral("/model/") + QFileInfo(card).fileName());
            try {
                const ModelCard c = loadModelCard(card.toStdString());
                if (c.generator) {
                    const QString relative = QString::fromStdString(c.generator->file);
                    if (QDir::isRelativePath(relative) && !relative.contains(QStringLiteral(".."))) {
                        const QString to = staging + QStringLiteral("/model/") + relative;
                        QDir().mkpath(QFileInfo(to).absolutePath());
                        copyInto(QString::fromStdString(generatorPathFor(card.toStdString(), *c.generator)), to);
                    } else {
                        result.warnings << TeachingBundleTr::tr("%1: the model's generator lies outside the model's folder and was not copied")
                                               .arg(QString::fromStdString(c.generator->file));
                    }
                }
            } catch (const std::exception& e) {
                result.warnings << QString::fromStdString(e.what());
            }
        }
        out.model = target + QStringLiteral("/model/") + model.fileName();
    }

    // The session names the final paths; written relative, they resolve wherever the folder is copied to.
    const QString sessionName = QStringLiteral("/session.execg");
    QString error;
    if (!writeSessionFile(staging + sessionName, out, &error, target + sessionName))
        fail(error);
    if (QFileInfo::exists(target) && !QDir().rmdir(target))
        fail(TeachingBundleTr::tr("%1: cannot replace the empty folder").arg(target));
    if (!QDir().rename(staging, target))
        fail(TeachingBundleTr::tr("%1: cannot move the finished bundle into place").arg(target));
    cleanup.keep = true;
    if (progress)
        progress(1.0);
    result.sessionPath = target + sessionName;
    return result;
}

} // namespace execg
