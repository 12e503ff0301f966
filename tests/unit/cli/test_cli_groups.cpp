// `--group rhythm|median` chooses a group by kind (issue 29): on a GE MUSE export that stores its Median before its
// Rhythm, `--group median` is group 0 and `--group rhythm` group 1, where a WFDB record's only group is the rhythm; a
// file without the kind asked for, and a word that is no kind, are usage errors that say what the file has.
#include "CliRunner.h"

#include <QRegularExpression>
#include <QTest>

namespace {
// The fuzz corpus's seed for the lying-encoding case: a MUSE export, Median (6 samples at 500 Hz) before Rhythm
// (4 samples at 250 Hz), declared utf-16 in ASCII bytes.
const QString kMedianFirst = QStringLiteral(EXECG_SOURCE_DIR "/tests/fuzz/corpus/muse_reader/ascii_declared_utf16.xml");
const QString kWfdb = QStringLiteral(EXECG_SOURCE_DIR "/resources/demo/demo_hyperkalaemia.hea");

QString dump(const QStringList& args, int expected = 0)
{
    QString text;
    const int rc = execg::test::runCli(QStringList{"dump"} + args, &text);
    if (rc != expected)
        return QStringLiteral("exit %1: %2").arg(rc).arg(text);
    return text;
}

int rows(const QString& csv)
{
    return int(csv.split('\n', Qt::SkipEmptyParts).filter(QRegularExpression(QStringLiteral("^[0-9]"))).size());
}
} // namespace

class TestCliGroups : public QObject {
    Q_OBJECT
private slots:
    void kindsWhateverTheOrder()
    {
        const QString median = dump({kMedianFirst, "--group", "median"}), rhythm = dump({kMedianFirst, "--group", "rhythm"});
        QCOMPARE(median, dump({kMedianFirst, "--group", "0"}));
        QCOMPARE(rhythm, dump({kMedianFirst, "--group", "1"}));
        QCOMPARE(rows(median), 6);
        QCOMPARE(rows(rhythm), 4);
        QCOMPARE(rhythm, dump({kMedianFirst}));   // without --group: the rhythm, as predict takes it
        // A WFDB record's one group is its rhythm.
        QCOMPARE(dump({kWfdb, "--group", "rhythm", "--to", "0.1"}), dump({kWfdb, "--group", "0", "--to", "0.1"}));
    }

    void missingKindsAndOtherWordsAreRefused()
    {
        const QString none = dump({kWfdb, "--group", "median"}, 2);
        QVERIFY2(none.contains(QStringLiteral("median")) && none.contains(QStringLiteral("rhythm")), qPrintable(none));
        const QString word = dump({kMedianFirst, "--group", "beats"}, 2);
        QVERIFY2(word.contains(QStringLiteral("rhythm or median")), qPrintable(word));
    }
};

QTEST_GUILESS_MAIN(TestCliGroups)
#include "test_cli_groups.moc"
