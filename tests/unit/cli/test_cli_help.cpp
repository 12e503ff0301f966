// Every command execg-cli lists answers `COMMAND --help` (and -h) with exit 0 and its usage, before it looks at any
// other option: a user reaching for help never meets "option --help needs a value". The commands are read from
// `execg-cli --help` itself, so a new command without help fails here. execg-cli itself links no LibTorch: the
// commands that run a model are handed to execg-cli-models, and without it they fail by name, the others still work.
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestCliHelp : public QObject {
    Q_OBJECT
private slots:
    void everyCommandAnswersHelp()
    {
        QString general;
        QCOMPARE(execg::test::runCli({"--help"}, &general), 0);
        QStringList commands;
        const QRegularExpression line(QStringLiteral("^  ([a-z]+) "), QRegularExpression::MultilineOption);
        for (auto it = line.globalMatch(general); it.hasNext();)
            commands << it.next().captured(1);
        QVERIFY2(commands.size() >= 9, qPrintable(commands.join(' ')));   // info … synth, report with the GUI libraries
        for (const QString& command : commands)
            for (const QString& flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
                QString text;
                // With other options around it too: help comes first.
                QCOMPARE(execg::test::runCli({command, "--group", flag}, &text), 0);
                QVERIFY2(text.contains(QStringLiteral("execg-cli")) && text.contains(command),
                         qPrintable(command + ": " + text.left(200)));
                QVERIFY2(!text.contains(QStringLiteral("needs a value")), qPrintable(command + ": " + text.left(200)));
            }
        // An unknown command still fails, with the list.
        QString text;
        QCOMPARE(execg::test::runCli({"frobnicate", "--help"}, &text), 2);
        QVERIFY(text.contains(QStringLiteral("unknown command")));
    }

    void modelCommandsNeedTheModelRuntime()
    {
        // execg-cli alone, without execg-cli-models beside it or under ../libexec.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString lone = dir.filePath(QStringLiteral("bin/execg-cli"));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("bin"))));
        QVERIFY(QFile::copy(QStringLiteral(EXECG_CLI_PATH), lone));
        const QString demo = QStringLiteral(EXECG_SOURCE_DIR "/resources/demo/demo_hyperkalaemia.hea");
        QString text;
        QCOMPARE(execg::test::runProgram(lone, {"info", demo}, &text, 60000), 0);   // reading needs no model runtime
        QVERIFY2(text.contains(QStringLiteral("12 leads, 500 Hz, 5000 samples")), qPrintable(text));
        QCOMPARE(execg::test::runProgram(lone, {"predict", "--model", QStringLiteral(EXECG_SOURCE_DIR "/resources/models/potassium.pt"), demo}, &text, 60000), 1);
        QVERIFY2(text.contains(QStringLiteral("execg-cli-models")) && text.contains(QStringLiteral("reinstall")) &&
                     text.contains(QFileInfo(dir.path()).canonicalFilePath() + QStringLiteral("/libexec/execg-studio/execg-cli-models")),
                 qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "test_cli_help.moc"
