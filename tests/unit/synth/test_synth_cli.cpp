// `execg-cli synth` end to end: the records it writes read back through the reader registry with the values the
// generator produces in memory (within the writer's quantisation), and the JSON beside each holds the truth.
#include "CliRunner.h"
#include "SynthTestSupport.h"

#include "io/ReaderRegistry.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace execg;
using namespace execg::synth;

class TestSynthCli : public QObject {
    Q_OBJECT

private slots:
    void writesRecordsThatReadBack_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<double>("tolerance");   // mV: half a quantisation step plus float rounding
        QTest::newRow("wfdb") << "wfdb" << ".hea" << 0.5e-3 + 1e-6;
        QTest::newRow("dicom") << "dicom" << ".dcm" << 2e-3;
    }
    void writesRecordsThatReadBack()
    {
        QFETCH(QString, format);
        QFETCH(QString, extension);
        QFETCH(double, tolerance);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString output;
        const int rc = test::runCli({"synth", "--rhythm", "sinus", "--k", "6.5", "--hr", "70", "--seconds", "10", "--fs", "500",
                               "--seed", "7", "--count", "3", "--noise-emg", "0.02", "--out", dir.path(), "--format", format},
                              &output);
        QVERIFY2(rc == 0, qPrintable(output));
        for (int i = 0; i < 3; ++i) {
            const std::string name = "synth_0007_00" + std::to_string(i);
            SynthParams p;
            p.potassiumMmolL = 6.5;
            p.heartRateBpm = 70;
            p.seconds = 10;
            p.samplingRateHz = 500;
            p.noise.emgMv = 0.02;
            p.seed = 7 + std::uint64_t(i);
            const SynthResult expected = generateEcg(p);

            const std::string base = (dir.path() + "/").toStdString() + name;
            const Recording rec = ReaderRegistry::instance().read(base + extension.toStdString());
            const auto& g = rec.groups.at(std::size_t(rec.primaryGroupIndex()));
            QCOMPARE(g.samplingRateHz, 500.0);
            QCOMPARE(g.sampleCount(), std::int64_t(5000));
            double worst = 0;
            for (const auto& want : expected.recording.groups.front().leads) {
                const Lead* got = g.findLead(want.name);
                QVERIFY2(got, want.name.c_str());
                QCOMPARE(got->samples.size(), want.samples.size());
                for (std::size_t s = 0; s < want.samples.size(); ++s)
                    worst = std::max(worst, double(std::abs(got->samples[s] - want.samples[s])));
            }
            QVERIFY2(worst <= tolerance, qPrintable(QString("%1: largest difference %2 mV").arg(name.c_str()).arg(worst)));
            // The file says it is synthetic (the workstation gives it the teaching model); the same signal without the
            // generator's marks does not.
            QVERIFY(isSyntheticRecording(rec));
            Recording unmarked = expected.recording;
            unmarked.formatName = format.toStdString();
            unmarked.metadata = {};
            QVERIFY(!isSyntheticRecording(unmarked));

            std::ifstream in(base + ".json");
            QVERIFY(in.good());
            const auto truth = nlohmann::json::parse(in);
            QCOMPARE(truth.at("seed").get<std::uint64_t>(), p.seed);
            QCOMPARE(truth.at("generator").get<std::string>(), std::string(kGeneratorVersion));
            QCOMPARE(truth.at("parameters").at("k").get<double>(), 6.5);
            QCOMPARE(truth.at("parameters").at("rhythm").get<std::string>(), std::string("sinus"));
            QCOMPARE(truth.at("potassium_effects").at("pr_extra_ms").get<double>(), expected.potassium.prExtraMs);
            const auto& beats = truth.at("beats");
            QCOMPARE(beats.size(), expected.beats.size());
            for (std::size_t b = 0; b < beats.size(); ++b) {
                QCOMPARE(beats[b].at("type").get<std::string>(), std::string(1, expected.beats[b].type));
                QCOMPARE(beats[b].at("qrs_peak_sample").get<std::int64_t>(), expected.beats[b].qrsPeak->sample);
                const auto& onset = expected.beats[b].qrsOnset;
                QCOMPARE(beats[b].at("qrs_onset_s").is_null(), !onset);
                if (onset)
                    QCOMPARE(beats[b].at("qrs_onset_s").get<double>(), onset->seconds);
            }
        }
    }

    void rejectsBadOptions()
    {
        QTemporaryDir dir;
        QCOMPARE(test::runCli({"synth", "--out", dir.path(), "--rhythm", "vf"}), 2);
        QCOMPARE(test::runCli({"synth", "--out", dir.path(), "--k", "12"}), 2);
        QCOMPARE(test::runCli({"synth", "--out", dir.path(), "--heart-rate", "70"}), 2);
        QCOMPARE(test::runCli({"synth", "--rhythm", "af"}), 2);   // no --out
        QString help;
        QCOMPARE(test::runCli({"synth", "--help"}, &help), 0);
        QVERIFY(help.contains("--noise-mains"));
    }

    void afRecordsHaveNoPInTheirTruth()
    {
        QTemporaryDir dir;
        QCOMPARE(test::runCli({"synth", "--rhythm", "af", "--seed", "3", "--count", "10", "--out", dir.path()}), 0);
        for (int i = 0; i < 10; ++i) {
            std::ifstream in((dir.path() + QString("/synth_0003_%1.json").arg(i, 3, 10, QChar('0'))).toStdString());
            QVERIFY(in.good());
            const auto truth = nlohmann::json::parse(in);
            QCOMPARE(truth.at("seed").get<int>(), 3 + i);
            for (const auto& b : truth.at("beats"))
                QVERIFY(b.at("p_onset_s").is_null());
        }
    }
};

QTEST_GUILESS_MAIN(TestSynthCli)
#include "test_synth_cli.moc"
