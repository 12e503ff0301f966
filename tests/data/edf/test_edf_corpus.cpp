// The corpus's EDF files against independent references: test_generator_2.edf's data section is the WFDB record
// test_generator_2.dat byte for byte, test_edfann.edf's 856 annotations, and the Contec export against its CSV.
#include "Corpus.h"

#include "io/ReaderRegistry.h"
#include "io/edf/EdfWriter.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace execg;

class EdfCorpusTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { EXECG_REQUIRE_CORPUS(); }

    void generatorMatchesItsWfdbTwin()
    {
        const Recording edf = ReaderRegistry::instance().read(test::corpusFile("wfdb-python/sample-data/test_generator_2.edf"));
        const Recording wfdb = ReaderRegistry::instance().read(test::corpusFile("wfdb-python/sample-data/test_generator_2.hea"));
        QCOMPARE(QString::fromStdString(edf.formatName), QStringLiteral("EDF+"));
        QCOMPARE(int(edf.groups.size()), 1);   // the annotation signal is annotations, not a lead
        const SignalGroup& e = edf.groups.front();
        QCOMPARE(e.samplingRateHz, 200.0);
        QCOMPARE(e.sampleCount(), std::int64_t(120000));
        const SignalGroup* w = nullptr;
        for (const auto& g : wfdb.groups)
            if (g.samplingRateHz == 200.0)
                w = &g;
        QVERIFY(w);
        QCOMPARE(int(e.leads.size()), 11);
        for (std::size_t k = 0; k < e.leads.size(); ++k) {
            const Lead& a = e.leads[k];
            const Lead& b = w->leads[k];
            QCOMPARE(a.provenance.isVoltage, b.provenance.isVoltage);
            // EDF's line through (−32768, −1000) and (32767, 1000) has an offset of 1000/65535 µV that WFDB's gain
            // leaves out: 1.5e-5 mV for the voltages, 0.015 of the unit for the two sines in degrees.
            const double tolerance = a.provenance.isVoltage ? 2e-5 : 0.02;
            for (std::size_t i = 0; i < a.samples.size(); i += 7)
                QVERIFY2(std::abs(a.samples[i] - b.samples[i]) <= tolerance,
                         qPrintable(QStringLiteral("%1[%2]: %3 vs %4").arg(QString::fromStdString(a.name)).arg(i).arg(a.samples[i]).arg(b.samples[i])));
        }
        // The reference's first samples: squarewave digital 3276 → 99.977 µV.
        QVERIFY(std::abs(e.leads[0].samples[0] - 0.099977f) < 2e-5f);
    }

    void annotationsOnlyFile()
    {
        const Recording r = ReaderRegistry::instance().read(test::corpusFile("wfdb-python/sample-data/test_edfann.edf"));
        QVERIFY(r.groups.empty());
        const auto& a = r.metadata.annotations;
        QCOMPARE(int(a.size()), 856);
        QCOMPARE(a.front().timeSeconds, 0.0);
        QCOMPARE(QString::fromStdString(a.front().code), QStringLiteral("Sleep stage W"));
        QCOMPARE(QString::fromStdString(a.front().text), QStringLiteral("duration 30.000000 s"));
        QCOMPARE(a.back().timeSeconds, 25618.74);
        QCOMPARE(QString::fromStdString(a.back().code), QStringLiteral("Lights on@@EEG Fpz-Cz"));
    }

    void contecExportMatchesItsCsv()
    {
        const Recording r = ReaderRegistry::instance().read(test::corpusFile("ecg-contec/0000050.ECG.edf"));
        QCOMPARE(QString::fromStdString(r.formatName), QStringLiteral("EDF"));
        const SignalGroup& g = r.groups.front();
        QCOMPARE(g.samplingRateHz, 800.0);
        QCOMPARE(g.sampleCount(), std::int64_t(37855));
        QCOMPARE(QString::fromStdString(r.metadata.acquisitionDateTime), QStringLiteral("2020-11-16T21:44:39"));
        // The CSV holds the stored digital values of I, II, III, aVR, aVL, aVF.
        std::ifstream csv(test::corpusFile("ecg-contec/0000050.ECG.csv"));
        const char* names[] = {"I", "II", "III", "aVR", "aVL", "aVF"};
        std::string line;
        for (int i = 0; i < 2000 && std::getline(csv, line); ++i) {
            std::stringstream cells(line);
            std::string cell;
            for (const char* name : names) {
                std::getline(cells, cell, ',');
                const Lead* l = g.findLead(name);
                QVERIFY(l && !l->provenance.derived);
                const double digital = l->samples[std::size_t(i)] / l->provenance.toMillivolts * l->provenance.gain + l->provenance.baseline;
                QVERIFY2(std::abs(digital - std::stod(cell)) < 1e-3, qPrintable(QStringLiteral("%1[%2]").arg(name).arg(i)));
            }
        }
    }

    void corpusFilesWriteAndReadBackExactly()
    {
        const QString dir = test::scratchDir(QStringLiteral("edf_corpus_roundtrip"));
        const Recording r = ReaderRegistry::instance().read(test::corpusFile("ecg-contec/0000050.ECG.edf"));
        const std::string path = (dir + "/contec.edf").toStdString();
        writeEdfPlus(r, path);
        const Recording back = ReaderRegistry::instance().read(path);
        for (const auto& lead : r.groups.front().leads) {
            const Lead* l = back.groups.front().findLead(lead.name);
            QVERIFY(l);
            double worst = 0;
            for (std::size_t i = 0; i < lead.samples.size(); ++i)
                worst = std::max(worst, double(std::abs(l->samples[i] - lead.samples[i])));
            QVERIFY2(worst <= 0.0005 + 1e-6, qPrintable(QString::number(worst)));
        }
    }
};

QTEST_MAIN(EdfCorpusTest)
#include "test_edf_corpus.moc"
