#pragma once
// Runs the real execg-cli (its path comes from the test's EXECG_CLI_PATH definition) and collects what it printed.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace execg::test {

inline int runCli(const QStringList& args, QString* output = nullptr, int timeoutMs = 300000)
{
    QProcess process;
    process.start(QStringLiteral(EXECG_CLI_PATH), args);
    if (!process.waitForFinished(timeoutMs))
        return -1;
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace execg::test
