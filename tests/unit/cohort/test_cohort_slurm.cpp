// The cohort on a real Slurm: a single-node cluster started on this machine (installer/slurm/local-slurm.sh: munged,
// slurmctld, slurmd from Debian's slurm-wlm; proctrack/linuxproc, task/none), the shipped template submitting a
// 4-task array over 200 records and the merge after it; the merged store holds the same as one run on one machine.
// Skips, saying why, where Slurm cannot start.
#include "CliRunner.h"
#include "CohortStoreDiff.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace execg;
using namespace execg::test;

namespace {
const QString kModel = QStringLiteral(EXECG_SOURCE_DIR "/resources/models/potassium.pt");
const QString kSlurmDir = QStringLiteral(EXECG_SOURCE_DIR "/installer/slurm");
} // namespace

class TestCohortSlurm : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString slurmConf_;

    QString path(const QString& name) const { return dir_.filePath(name); }

private slots:
    void initTestCase()
    {
        QProcess start;
        start.start(QStringLiteral("bash"), {kSlurmDir + "/local-slurm.sh", QStringLiteral("start"), path(QStringLiteral("slurm"))});
        QVERIFY(start.waitForFinished(120000));
        const QString out = QString::fromUtf8(start.readAllStandardOutput()), err = QString::fromUtf8(start.readAllStandardError());
        if (start.exitCode() == 77)
            QSKIP(qPrintable(QStringLiteral("no local Slurm on this machine: ") + err.trimmed()));
        QVERIFY2(start.exitCode() == 0 && out.startsWith(QStringLiteral("SLURM_CONF=")), qPrintable(out + err));
        slurmConf_ = out.trimmed().mid(11);
    }

    void arrayThenMergeEqualsOneMachine()
    {
        QString out;
        const QString cohort = path(QStringLiteral("cohort"));
        QCOMPARE(runCli({"synth", "--out", cohort, "--k-range", "2.5:8.5", "--count", "200", "--seed", "500"}, &out), 0);
        const QString manifest = cohort + "/synth_500.csv";
        const QStringList methods{"--method", "integrated-gradients", "--method", "grad-cam"};
        QCOMPARE(runCli(QStringList{"cohort", "run", "--model", kModel, "--manifest", manifest, "--db", path(QStringLiteral("one.sqlite")),
                                    "--threads", "2"} + methods,
                        &out),
                 0);

        QProcess submit;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SLURM_CONF"), slurmConf_);
        env.insert(QStringLiteral("EXECG_CLI"), QStringLiteral(EXECG_CLI_PATH));
        submit.setProcessEnvironment(env);
        submit.start(QStringLiteral("bash"), QStringList{kSlurmDir + "/submit-cohort.sh", "--tasks", "4", "--out", path(QStringLiteral("array")),
                                                         "--model", kModel, "--manifest", manifest, "--wait", "--"} + methods);
        QVERIFY2(submit.waitForFinished(600000), "the Slurm jobs did not end in 10 minutes");
        const QString log = QString::fromUtf8(submit.readAllStandardOutput() + submit.readAllStandardError());
        QVERIFY2(submit.exitCode() == 0, qPrintable(log));
        for (int k = 1; k <= 4; ++k)
            QVERIFY(QFile::exists(path(QStringLiteral("array/shard-%1-of-4.sqlite").arg(k))));
        QFile merge(path(QStringLiteral("array/logs/merge.log")));
        QVERIFY(merge.open(QIODevice::ReadOnly));
        const QString merged = QString::fromUtf8(merge.readAll());
        QVERIFY2(merged.contains(QStringLiteral("200 records copied from 4 stores")), qPrintable(merged));
        const QString diff = difference(recordsOf(path(QStringLiteral("one.sqlite"))), recordsOf(path(QStringLiteral("array/cohort.sqlite"))));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void cleanupTestCase()
    {
        if (!slurmConf_.isEmpty())
            QProcess::execute(QStringLiteral("bash"), {kSlurmDir + "/local-slurm.sh", QStringLiteral("stop"), path(QStringLiteral("slurm"))});
    }
};

QTEST_GUILESS_MAIN(TestCohortSlurm)
#include "test_cohort_slurm.moc"
