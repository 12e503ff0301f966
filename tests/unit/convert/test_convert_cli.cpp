// `execg-cli convert` end to end: a WFDB record with known values written as SCP-ECG (both compressions), EDF+,
// DICOM and WFDB reads back with the same values (to each format's step); OUT that is the input, an existing OUT
// without --force, an unknown extension and misplaced options are refused, and the input's bytes never change.
#include "CliRunner.h"
#include "Corpus.h"
#include "SyntheticRecording.h"
#include "TestFiles.h"

#include "io/ReaderRegistry.h"
#include "io/wfdb/WfdbWriter.h"

#include <QtTest>

#include <cmath>

using namespace execg;

class TestConvertCli : public QObject {
    Q_OBJECT

private slots:
    void writesEveryFormat_data()
    {
        QTest::addColumn<QString>("out");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("format");
        QTest::addColumn<double>("tolerance");   // mV
        QTest::newRow("scp huffman") << "copy.scp" << QStringList{} << "SCP-ECG" << 0.0;
        QTest::newRow("scp plain") << "plain.scp" << QStringList{"--compression", "none"} << "SCP-ECG" << 0.0;
        QTest::newRow("edf+") << "copy.edf" << QStringList{} << "EDF+" << 1e-6;
        QTest::newRow("dicom") << "copy.dcm" << QStringList{} << "DICOM ECG" << 1e-6;
        QTest::newRow("wfdb") << "copy.hea" << QStringList{} << "WFDB" << 1e-6;
    }
    void writesEveryFormat()
    {
        QFETCH(QString, out);
        QFETCH(QStringList, options);
        QFETCH(QString, format);
        QFETCH(double, tolerance);
        const QString dir = test::scratchDir("convert_" + out.section('.', 0, 0) + "_" + out.section('.', 1));
        const Recording original = test::syntheticTwelveLead(500.0, 10.0);   // 1 µV steps
        writeWfdbRecord(original, (dir + "/in").toStdString());
        const std::string inBytes = test::readFile((dir + "/in.dat").toStdString());
        QString output;
        QCOMPARE(test::runCli(QStringList{"convert", dir + "/in.hea", dir + "/" + out} + options, &output), 0);
        QVERIFY2(output.contains("wrote"), qPrintable(output));
        const Recording copy = ReaderRegistry::instance().read((dir + "/" + out).toStdString());
        QVERIFY2(QString::fromStdString(copy.formatName).startsWith(format), copy.formatName.c_str());
        const SignalGroup& a = original.groups.front();
        const SignalGroup& b = copy.groups.at(std::size_t(copy.primaryGroupIndex()));
        QCOMPARE(b.samplingRateHz, 500.0);
        QCOMPARE(b.sampleCount(), a.sampleCount());
        for (const auto& lead : a.leads) {
            const Lead* other = b.findLead(lead.name);
            QVERIFY2(other, lead.name.c_str());
            double worst = 0.0;
            for (std::size_t i = 0; i < lead.samples.size(); ++i)
                worst = std::max(worst, std::abs(double(lead.samples[i]) - double(other->samples[i])));
            QVERIFY2(worst <= tolerance + 1e-7, qPrintable(QStringLiteral("%1 differs by %2 mV").arg(lead.name.c_str()).arg(worst)));
        }
        QVERIFY(test::readFile((dir + "/in.dat").toStdString()) == inBytes);
    }

    void refusesWhatWouldLoseData()
    {
        const QString dir = test::scratchDir("convert_refused");
        writeWfdbRecord(test::syntheticTwelveLead(500.0, 2.0), (dir + "/in").toStdString());
        const std::string header = test::readFile((dir + "/in.hea").toStdString());
        const std::string data = test::readFile((dir + "/in.dat").toStdString());
        QString output;
        // OUT is the input (its header, or the .dat a WFDB output would write).
        QCOMPARE(test::runCli({"convert", dir + "/in.hea", dir + "/in.hea", "--force"}, &output), 2);
        QVERIFY(output.contains("the input is never written to"));
        // An existing OUT is kept unless --force.
        QCOMPARE(test::runCli({"convert", dir + "/in.hea", dir + "/out.scp"}, &output), 0);
        const std::string first = test::readFile((dir + "/out.scp").toStdString());
        QCOMPARE(test::runCli({"convert", dir + "/in.hea", dir + "/out.scp", "--compression", "none"}, &output), 2);
        QVERIFY(output.contains("exists (--force replaces it)"));
        QVERIFY(test::readFile((dir + "/out.scp").toStdString()) == first);
        QCOMPARE(test::runCli({"convert", dir + "/in.hea", dir + "/out.scp", "--compression", "none", "--force"}, &output), 0);
        QVERIFY(test::readFile((dir + "/out.scp").toStdString()).size() > first.size());   // plain is larger
        // Formats and options that do not fit.
        QCOMPARE(test::runCli({"convert", dir + "/in.hea", dir + "/out.txt"}, &output), 2);
        QVERIFY(output.contains(".scp (SCP-ECG)"));
        QCOMPARE(test::runCli({"convert", dir + "/in.hea", dir + "/out.edf", "--compression", "none"}, &output), 2);
        QVERIFY(output.contains("--compression is for .scp output"));
        QVERIFY(test::readFile((dir + "/in.hea").toStdString()) == header);
        QVERIFY(test::readFile((dir + "/in.dat").toStdString()) == data);
    }
};

QTEST_MAIN(TestConvertCli)
#include "test_convert_cli.moc"
