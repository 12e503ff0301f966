// writeFileAtomically: the whole file or none of it, and a failure names the file and the real reason (a failed
// rename once reported "Success": the clean-up's error code overwrote the rename's before it was read).
#include "io/AtomicFile.h"
#include "io/WriteError.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <string>

using namespace execg;

namespace {

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Leftover temporaries beside the target ("<name>.part<random>").
QStringList partFiles(const QDir& dir)
{
    return dir.entryList({QStringLiteral("*.part*")}, QDir::Files);
}

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT

private slots:
    void writesAndReplacesWhole()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto path = dir.filePath(QStringLiteral("model.card.json"));
        writeFileAtomically(path.toStdString(), "first");
        QCOMPARE(contents(path), QByteArray("first"));
        writeFileAtomically(path.toStdString(), std::string(100000, 'x'));
        QCOMPARE(contents(path), QByteArray(100000, 'x'));
        QVERIFY(partFiles(QDir(dir.path())).isEmpty());
    }

    void aFailedReplaceSaysWhyAndLeavesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // The target is a folder with a file in it: the rename over it fails (EISDIR), the folder stays as it was.
        const auto target = dir.filePath(QStringLiteral("busy"));
        QVERIFY(QDir().mkpath(target + QStringLiteral("/inside")));
        try {
            writeFileAtomically(target.toStdString(), "bytes");
            QFAIL("replacing a folder with a file succeeded");
        } catch (const WriteError& e) {
            QCOMPARE(QString::fromStdString(e.file()), target);
            const auto problem = QString::fromStdString(e.problem());
            QVERIFY2(problem.startsWith(QStringLiteral("cannot be replaced (")), qPrintable(problem));
            QVERIFY2(!problem.contains(QStringLiteral("Success")), qPrintable(problem));
        }
        QVERIFY(QFileInfo(target + QStringLiteral("/inside")).isDir());
        QVERIFY2(partFiles(QDir(dir.path())).isEmpty(), qPrintable(partFiles(QDir(dir.path())).join(' ')));
    }

    void aMissingFolderIsNamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto path = dir.filePath(QStringLiteral("no/such/folder/out.json")).toStdString();
        try {
            writeFileAtomically(path, "bytes");
            QFAIL("wrote into a folder that does not exist");
        } catch (const WriteError& e) {
            QCOMPARE(e.file(), path);
            QVERIFY2(e.problem().find("cannot be written") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
