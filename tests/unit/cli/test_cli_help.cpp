// Every command execg-cli lists answers `COMMAND --help` (and -h) with exit 0 and its usage, before it looks at any
// other option: a user reaching for help never meets "option --help needs a value". The commands are read from
// `execg-cli --help` itself, so a new command without help fails here.
#include "CliRunner.h"

#include <QRegularExpression>
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
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "test_cli_help.moc"
