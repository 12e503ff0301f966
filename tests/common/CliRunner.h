#pragma once
// Runs the real execg-cli (its path comes from the test's EXECG_CLI_PATH definition), or another program, and collects
// what it printed.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace execg::test {

// Any program: its exit code, -1 when it crashed or outlived timeoutMs; `output` gets stdout then stderr.
inline int runProgram(const QString& program, const QStringList& args, QString* output = nullptr, int timeoutMs = 300000)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(timeoutMs))
        return -1;
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

inline int runCli(const QStringList& args, QString* output = nullptr, int timeoutMs = 300000)
{
    return runProgram(QStringLiteral(EXECG_CLI_PATH), args, output, timeoutMs);
}

} // namespace execg::test
