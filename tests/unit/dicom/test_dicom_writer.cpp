// DicomEcgWriter: a synthetic recording written as a 12-lead ECG object reads back within half an LSB.
#include "Corpus.h"
#include "io/ReaderRegistry.h"
#include "io/dicom/DicomEcgReader.h"
#include "io/dicom/DicomEcgWriter.h"
#include "recording/LeadNames.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <cmath>

using namespace execg;

namespace {

Recording syntheticRecording(const std::vector<std::string>& names, double fs, size_t n)
{
    Recording rec;
    rec.formatName = "synthetic";
    SignalGroup g;
    g.label = "rhythm";
    g.samplingRateHz = fs;
    g.totalSamples = static_cast<std::int64_t>(n);
    g.filters.highPassHz = 0.05;
    g.filters.lowPassHz = 150.0;
    g.filters.notchHz = 50.0;
    for (size_t c = 0; c < names.size(); ++c) {
        Lead lead;
        lead.name = names[c];
        lead.samples.resize(n);
        for (size_t i = 0; i < n; ++i) {
            const double t = static_cast<double>(i) / fs;
            // Irrational amplitudes so no sample sits on the writer's grid by accident.
            lead.samples[i] = static_cast<float>((0.3 + 0.1 * double(c)) * std::sin(2 * M_PI * (1.1 + 0.07 * double(c)) * t) +
                                                 1.7 * std::exp(-std::pow((std::fmod(t, 0.8) - 0.4) / 0.012, 2)) / std::sqrt(2.0));
        }
        g.leads.push_back(std::move(lead));
    }
    rec.groups.push_back(std::move(g));
    auto& md = rec.metadata;
    md.patient = {"PX-17", "Jane Roe", "F", "1961-04-09", 63.0, 168.0, 61.5};
    md.device = {"ExECG", "Synth 1", "SN-0042", "0.1.0", "Test Hospital"};
    md.acquisitionDateTime = "2024-05-06T07:08:09";
    md.statements = {"Sinus rhythm", "Normal ECG"};
    md.measurements = {{"PR interval", 160, "ms", "device"}, {"Ventricular rate", 72, "bpm", "device"}};
    return rec;
}

ReadOptions plain()
{
    ReadOptions o;
    o.deriveLimbLeads = false;
    return o;
}

} // namespace

class TestDicomWriter : public QObject {
    Q_OBJECT
private slots:
    void roundTripTwelveLead()
    {
        const QString dir = test::scratchDir("dicom-writer");
        const std::string path = (dir + "/synthetic.dcm").toStdString();
        Recording rec = syntheticRecording(standardTwelveLeads(), 500.0, 5000);
        rec.groups[0].leads[3].samples[100] = kMissingSample;   // must come back as NaN (padding value)
        const auto result = DicomEcgWriter::write(rec, path);
        QCOMPARE(QString::fromStdString(result.sopClassUid), QString("1.2.840.10008.5.1.4.1.1.9.1.1"));
        QCOMPARE(result.channels, 12);
        // Only the final file remains: the temporary one was renamed, not left behind.
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 1);

        QCOMPARE(QString::fromStdString(ReaderRegistry::instance().readerFor(path).name()), QString("DICOM ECG"));
        const Recording back = DicomEcgReader().read(path, plain());
        QCOMPARE(int(back.groups.size()), 1);
        const SignalGroup& g = back.groups[0];
        QCOMPARE(QString::fromStdString(g.label), QString("rhythm"));
        QCOMPARE(g.samplingRateHz, 500.0);
        QCOMPARE(g.sampleCount(), std::int64_t(5000));
        QCOMPARE(g.filters.highPassHz.value_or(0), 0.05);
        QCOMPARE(g.filters.lowPassHz.value_or(0), 150.0);
        QCOMPARE(g.filters.notchHz.value_or(0), 50.0);
        double worstLsb = 0.0;
        for (size_t c = 0; c < 12; ++c) {
            const Lead& a = rec.groups[0].leads[c];
            const Lead& b = g.leads[c];
            QCOMPARE(QString::fromStdString(b.name), QString::fromStdString(a.name));
            static const int mdc[] = {1, 2, 61, 62, 63, 64, 3, 4, 5, 6, 7, 8};
            QCOMPARE(QString::fromStdString(b.provenance.code), QString("MDC 2:%1").arg(mdc[c]));
            QCOMPARE(QString::fromStdString(b.provenance.storedUnits), QString("uV"));
            const double lsbMv = result.sensitivityMicrovolts[c] / 1000.0;
            QVERIFY(lsbMv <= 0.001);
            for (size_t i = 0; i < a.samples.size(); ++i) {
                if (std::isnan(a.samples[i])) {
                    QVERIFY(std::isnan(b.samples[i]));
                    continue;
                }
                const double err = std::abs(double(b.samples[i]) - double(a.samples[i])) / lsbMv;
                worstLsb = std::max(worstLsb, err);
            }
        }
        qInfo("worst round-trip error: %.4f LSB (limit 0.5 + float rounding)", worstLsb);
        QVERIFY(worstLsb <= 0.5 + 1e-3);

        const auto& md = back.metadata;
        QCOMPARE(QString::fromStdString(md.patient.id), QString("PX-17"));
        QCOMPARE(QString::fromStdString(md.patient.name), QString("Jane Roe"));
        QCOMPARE(QString::fromStdString(md.patient.sex), QString("F"));
        QCOMPARE(QString::fromStdString(md.patient.birthDate), QString("1961-04-09"));
        QCOMPARE(md.patient.ageYears.value_or(0), 63.0);
        QCOMPARE(md.patient.heightCm.value_or(0), 168.0);
        QCOMPARE(md.patient.weightKg.value_or(0), 61.5);
        QCOMPARE(QString::fromStdString(md.device.manufacturer), QString("ExECG"));
        QCOMPARE(QString::fromStdString(md.device.model), QString("Synth 1"));
        QCOMPARE(QString::fromStdString(md.device.serialNumber), QString("SN-0042"));
        QCOMPARE(QString::fromStdString(md.device.softwareVersion), QString("0.1.0"));
        QCOMPARE(QString::fromStdString(md.acquisitionDateTime), QString("2024-05-06T07:08:09"));
        QCOMPARE(int(md.statements.size()), 2);
        QCOMPARE(QString::fromStdString(md.statements[1]), QString("Normal ECG"));
        QCOMPARE(int(md.measurements.size()), 2);
        QCOMPARE(QString::fromStdString(md.measurements[0].name), QString("PR interval"));
        QCOMPARE(md.measurements[0].value, 160.0);
        QCOMPARE(QString::fromStdString(md.measurements[1].unit), QString("bpm"));
    }

    void dcmdumpReadsIt()
    {
        const QString dcmdump = QStandardPaths::findExecutable("dcmdump");
        if (dcmdump.isEmpty())
            QSKIP("dcmdump not installed; the reader round trip above covers the file");
        const QString dir = test::scratchDir("dicom-writer-dcmdump");
        const std::string path = (dir + "/d.dcm").toStdString();
        DicomEcgWriter::write(syntheticRecording(standardTwelveLeads(), 500.0, 1000), path);
        QProcess p;
        p.start(dcmdump, {QString::fromStdString(path)});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(out.contains("TwelveLeadECGWaveformStorage"));
        QVERIFY(out.contains("WaveformData"));
    }

    void generalEcgBeyondTwelveLeadLimits()
    {
        // 2000 Hz exceeds the 12-lead IOD's 1000 Hz limit (A.34.3.4): General ECG is written instead.
        const QString dir = test::scratchDir("dicom-writer-general");
        const std::string path = (dir + "/fast.dcm").toStdString();
        const auto result = DicomEcgWriter::write(syntheticRecording({"I", "II", "V1"}, 2000.0, 4000), path);
        QCOMPARE(QString::fromStdString(result.sopClassUid), QString("1.2.840.10008.5.1.4.1.1.9.1.2"));
        const Recording back = DicomEcgReader().read(path, plain());
        QCOMPARE(back.groups[0].samplingRateHz, 2000.0);
        QCOMPARE(int(back.groups[0].leads.size()), 3);
    }

    void largeAmplitudeGetsCoarserStep()
    {
        const QString dir = test::scratchDir("dicom-writer-large");
        const std::string path = (dir + "/large.dcm").toStdString();
        Recording rec = syntheticRecording({"I", "II"}, 500.0, 500);
        rec.groups[0].leads[0].samples[10] = 40.0f;   // 40 mV: beyond ±8.19 mV at 0.25 µV/LSB
        const auto result = DicomEcgWriter::write(rec, path);
        QVERIFY(result.sensitivityMicrovolts[0] > 0.25);
        QCOMPARE(result.sensitivityMicrovolts[1], 0.25);
        const Recording back = DicomEcgReader().read(path, plain());
        QVERIFY(std::abs(back.groups[0].leads[0].samples[10] - 40.0f) <= result.sensitivityMicrovolts[0] / 2000.0 + 1e-6);
    }

    void derivesLimbLeadsAndWindows()
    {
        const QString dir = test::scratchDir("dicom-writer-derive");
        const std::string path = (dir + "/two.dcm").toStdString();
        DicomEcgWriter::write(syntheticRecording({"I", "II", "V1"}, 500.0, 5000), path);
        ReadOptions o;
        o.deriveLimbLeads = true;
        o.fromSeconds = 2.0;
        o.toSeconds = 3.0;
        const Recording back = DicomEcgReader().read(path, o);
        const SignalGroup& g = back.groups[0];
        QCOMPARE(g.firstSample, std::int64_t(1000));
        QCOMPARE(g.sampleCount(), std::int64_t(500));
        QCOMPARE(g.totalSamples, std::int64_t(5000));
        const Lead* iii = g.findLead("III");
        QVERIFY(iii && iii->provenance.derived);
        QCOMPARE(iii->samples[7], g.findLead("II")->samples[7] - g.findLead("I")->samples[7]);
        const Recording full = DicomEcgReader().read(path, plain());
        QCOMPARE(g.findLead("V1")->samples[0], full.groups[0].findLead("V1")->samples[1000]);

        ReadOptions header;
        header.headerOnly = true;
        const Recording h = DicomEcgReader().read(path, header);
        QCOMPARE(h.groups[0].totalSamples, std::int64_t(5000));
        QVERIFY(h.groups[0].leads[0].samples.empty());
    }

    void refusesEmptyGroups()
    {
        Recording rec = syntheticRecording({"I"}, 500.0, 0);
        const QString dir = test::scratchDir("dicom-writer-empty");
        QVERIFY_THROWS_EXCEPTION(DicomWriteError, DicomEcgWriter::write(rec, (dir + "/e.dcm").toStdString()));
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDicomWriter)
#include "test_dicom_writer.moc"
