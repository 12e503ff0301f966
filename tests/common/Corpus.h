#pragma once
// Access to ../shared/ecg-corpus for data tests: they skip with a clear message where it is absent.
#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace execg::test {

inline QString corpusDir()
{
    const QByteArray env = qgetenv("EXECG_CORPUS_DIR");
    return env.isEmpty() ? QString::fromUtf8(EXECG_CORPUS_DIR) : QString::fromLocal8Bit(env);
}

inline bool corpusAvailable() { return QFileInfo::exists(corpusDir() + "/MANIFEST.md"); }

inline std::string corpusFile(const QString& relative) { return (corpusDir() + "/" + relative).toStdString(); }

// A scratch folder for one test, emptied first.
inline QString scratchDir(const QString& name)
{
    QByteArray base = qgetenv("EXECG_TEST_TMP");
    QDir dir(base.isEmpty() ? QDir::tempPath() + "/execg-tests" : QString::fromLocal8Bit(base));
    dir.mkpath(name);
    QDir sub(dir.filePath(name));
    sub.removeRecursively();
    dir.mkpath(name);
    return sub.absolutePath();
}

} // namespace execg::test

#define EXECG_REQUIRE_CORPUS()                                                                               \
    do {                                                                                                     \
        if (!execg::test::corpusAvailable())                                                                 \
            QSKIP(qPrintable("ECG corpus not found at " + execg::test::corpusDir() +                         \
                             " (set -DEXECG_CORPUS_DIR or EXECG_CORPUS_DIR); data test skipped"));           \
    } while (0)

#define EXECG_REQUIRE_CORPUS_FILE(rel)                                                                       \
    do {                                                                                                     \
        EXECG_REQUIRE_CORPUS();                                                                              \
        if (!QFileInfo::exists(execg::test::corpusDir() + "/" + (rel)))                                      \
            QSKIP(qPrintable(QString("corpus file missing: ") + (rel)));                                     \
    } while (0)
