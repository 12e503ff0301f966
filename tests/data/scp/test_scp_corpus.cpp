// The SCP-ECG files of the corpus against reference/other_formats_reference.txt: WFDB's test.scp (default Huffman,
// second differences, reference-beat subtraction) sample for sample against parsescp's test.dat; the ECG Viewer demo
// (plain 16-bit, 0-based sample range); Contec's file with saturated lead byte counts, against its CSV export;
// Healforce's non-compliant files refused with a reason. Then each written back (plain and Huffman) and read again.
#include "Corpus.h"
#include "RecordingQueries.h"

#include "io/ReadError.h"
#include "io/ReaderRegistry.h"
#include "io/scp/ScpWriter.h"

#include <QtTest>

#include <cmath>
#include <fstream>

using namespace execg;

namespace {

// Every sample of every lead equal, as floats.
void compareGroups(const SignalGroup& a, const SignalGroup& b)
{
    QCOMPARE(a.samplingRateHz, b.samplingRateHz);
    QCOMPARE(a.sampleCount(), b.sampleCount());
    for (const auto& la : a.leads) {
        const Lead* lb = b.findLead(la.name);
        QVERIFY2(lb, la.name.c_str());
        QCOMPARE(lb->provenance.derived, la.provenance.derived);
        for (std::size_t i = 0; i < la.samples.size(); ++i)
            if (!(la.samples[i] == lb->samples[i] || (std::isnan(la.samples[i]) && std::isnan(lb->samples[i]))))
                QFAIL(qPrintable(QStringLiteral("%1[%2]: %3 read back as %4").arg(la.name.c_str()).arg(i).arg(la.samples[i]).arg(lb->samples[i])));
    }
}

} // namespace

class ScpCorpusTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { EXECG_REQUIRE_CORPUS(); }

    void referenceBeatSubtraction()
    {
        const Recording r = ReaderRegistry::instance().read(test::corpusFile("wfdb-c/checkpkg/input/test.scp"));
        QCOMPARE(QString::fromStdString(r.formatName), QStringLiteral("SCP-ECG"));
        for (const auto& w : r.warnings)
            QVERIFY2(w.find("CRC") == std::string::npos, w.c_str());
        QCOMPARE(int(r.groups.size()), 2);
        const SignalGroup& g = r.groups.at(std::size_t(r.primaryGroupIndex()));
        QCOMPARE(g.samplingRateHz, 500.0);
        QCOMPARE(g.sampleCount(), std::int64_t(5000));
        QCOMPARE(int(g.leads.size()), 12);
        // parsescp's output: 12 leads interleaved, 16-bit little endian, 200 units per mV (the file's 5 µV), in the
        // order I, II, III, aVR, aVF, aVL, V1–V6.
        std::ifstream in(test::corpusFile("wfdb-c/checkpkg/expected/test.dat"), std::ios::binary);
        std::vector<std::int16_t> dat(12 * 5000);
        in.read(reinterpret_cast<char*>(dat.data()), std::streamsize(dat.size() * 2));
        QCOMPARE(in.gcount(), std::streamsize(dat.size() * 2));
        const char* order[] = {"I", "II", "III", "aVR", "aVF", "aVL", "V1", "V2", "V3", "V4", "V5", "V6"};
        for (int c = 0; c < 12; ++c) {
            const Lead* lead = g.findLead(order[c]);
            QVERIFY2(lead, order[c]);
            // The stored leads agree exactly; the derived ones within parsescp's integer halving (one unit).
            const double tolerance = lead->provenance.derived ? 1.0 : 0.0;
            double worst = 0.0;
            for (int i = 0; i < 5000; ++i)
                worst = std::max(worst, std::abs(double(lead->samples[std::size_t(i)]) * 200.0 - dat[std::size_t(12 * i + c)]));
            QVERIFY2(worst <= tolerance + 1e-3, qPrintable(QStringLiteral("%1 differs from test.dat by %2 units").arg(order[c]).arg(worst)));
        }
        const float first5[][5] = {{-0.06f, -0.06f, -0.07f, -0.08f, -0.09f}, {0.04f, 0.03f, 0.03f, 0.03f, 0.035f}, {-0.02f, -0.04f, -0.05f, -0.04f, -0.03f}};
        const char* firstLeads[] = {"I", "II", "V1"};
        for (int l = 0; l < 3; ++l)
            for (int i = 0; i < 5; ++i)
                QVERIFY(std::abs(g.findLead(firstLeads[l])->samples[std::size_t(i)] - first5[l][i]) < 1e-6f);
        // The reference beat: 698 ms at 500 Hz.
        const SignalGroup& median = r.groups.at(std::size_t(1 - r.primaryGroupIndex()));
        QCOMPARE(QString::fromStdString(median.label), QStringLiteral("median beats"));
        QCOMPARE(median.sampleCount(), std::int64_t(349));
        // test.des and test.key: sections 1, 7 and 8.
        QCOMPARE(*r.metadata.patient.ageYears, 49.0);
        QCOMPARE(QString::fromStdString(r.metadata.patient.sex), QStringLiteral("M"));
        QCOMPARE(QString::fromStdString(r.metadata.patient.id), QStringLiteral("0000000"));
        QCOMPARE(QString::fromStdString(r.metadata.acquisitionDateTime), QStringLiteral("2004-01-01T02:13:18"));
        QCOMPARE(*g.filters.highPassHz, 0.05);
        QCOMPARE(*g.filters.lowPassHz, 150.0);
        QCOMPARE(*g.filters.notchHz, 60.0);
        QCOMPARE(test::deviceMeasurement(r, "Ventricular rate"), 69.0);   // 60 000 / 869 ms
        QCOMPARE(test::deviceMeasurement(r, "PR interval"), 170.0);       // QRS onset 210 − P onset 40
        QCOMPARE(test::deviceMeasurement(r, "QRS duration"), 104.0);
        QCOMPARE(test::deviceMeasurement(r, "QT interval"), 446.0);
        QCOMPARE(test::deviceMeasurement(r, "QRS axis"), -41.0);
        QCOMPARE(test::deviceMeasurement(r, "T axis"), 118.0);
        QCOMPARE(int(r.metadata.statements.size()), 6);
        QCOMPARE(QString::fromStdString(r.metadata.statements.front()), QStringLiteral("Ectopic atrial rhythm"));
        QCOMPARE(QString::fromStdString(r.metadata.statements.back()), QStringLiteral("Abnormal ECG"));
    }

    void plainSixteenBit()
    {
        const Recording r = ReaderRegistry::instance().read(test::corpusFile("ecg-contec/demo.scp"));
        const SignalGroup& g = r.groups.at(0);
        QCOMPARE(g.samplingRateHz, 1000.0);
        QCOMPARE(g.sampleCount(), std::int64_t(10000));
        QVERIFY(test::hasWarning(r, "numbers the samples from 0"));
        const struct {
            const char* lead;
            int raw[5];
        } cases[] = {{"I", {254, 246, 251, 223, 251}}, {"II", {429, 435, 435, 434, 448}}, {"V1", {152, 160, 161, 161, 159}},
                     {"V6", {253, 258, 262, 256, 282}}};
        for (const auto& c : cases)
            for (int i = 0; i < 5; ++i)   // AVM 183 nV
                QVERIFY(std::abs(double(g.findLead(c.lead)->samples[std::size_t(i)]) - c.raw[i] * 183e-6) < 1e-7);
        QVERIFY(!std::isnan(g.findLead("V6")->samples.back()));
    }

    void saturatedLeadLengths()
    {
        const Recording r = ReaderRegistry::instance().read(test::corpusFile("ecg-contec/0000050.ECG.scp"));
        QVERIFY(test::hasWarning(r, "saturated at 65534"));
        const SignalGroup& g = r.groups.at(0);
        QCOMPARE(g.samplingRateHz, 800.0);
        QCOMPARE(g.sampleCount(), std::int64_t(37855));
        QCOMPARE(int(g.leads.size()), 12);
        // The file holds 32 767 samples a lead; the rest of the 37 855 stated is missing, not made up.
        QVERIFY(!std::isnan(g.findLead("II")->samples[32766]));
        QVERIFY(std::isnan(g.findLead("II")->samples[32767]));
        // The CSV export's first rows (I, II, III, aVR, aVL, aVF in 5 µV units).
        const int csv[3][6] = {{-20, -25, -5, 23, -7, -15}, {-30, -34, -4, 32, -13, -19}, {-33, -34, -1, 34, -16, -17}};
        const char* leads[] = {"I", "II", "III", "aVR", "aVL", "aVF"};
        for (int i = 0; i < 3; ++i)
            for (int c = 0; c < 6; ++c) {
                const Lead* l = g.findLead(leads[c]);
                QVERIFY(!l->provenance.derived);
                QVERIFY(std::abs(l->samples[std::size_t(i)] * 200.0f - float(csv[i][c])) < 1e-3f);
            }
    }

    void nonCompliantFilesAreRefused()
    {
        for (const char* f : {"healforcescpecg/62.SCP", "healforcescpecg/63.SCP"}) {
            const std::string path = test::corpusFile(f);
            try {
                ReaderRegistry::instance().read(path);
                QFAIL("a Healforce file was read");
            } catch (const ReadError& e) {
                const std::string what = e.what();
                QVERIFY2(what.find(path) != std::string::npos && what.find("section") != std::string::npos, e.what());
            }
        }
    }

    void writtenBackExactly()
    {
        const QString dir = test::scratchDir("scp_corpus");
        for (const char* f : {"wfdb-c/checkpkg/input/test.scp", "ecg-contec/demo.scp"}) {
            const Recording original = ReaderRegistry::instance().read(test::corpusFile(f));
            for (const auto compression : {ScpCompression::None, ScpCompression::DefaultHuffman}) {
                const std::string path = (dir + "/copy.scp").toStdString();
                const ScpWriteResult w = writeScpEcg(original, path, {-1, compression});
                QVERIFY(w.exact);
                const Recording copy = ReaderRegistry::instance().read(path);
                for (const auto& warning : copy.warnings)   // only "derived III, aVR, aVL, aVF from I and II …"
                    QVERIFY2(warning.rfind("derived", 0) == 0, warning.c_str());
                compareGroups(original.groups.at(std::size_t(original.primaryGroupIndex())), copy.groups.at(0));
                // The median beats go along (test.scp's reference beat; demo.scp has none).
                QCOMPARE(copy.groups.size(), original.groups.size());
                if (original.groups.size() == 2)
                    compareGroups(original.groups.at(1), copy.groups.at(1));
                QCOMPARE(copy.metadata.patient.id, original.metadata.patient.id);
                QCOMPARE(copy.metadata.patient.name, original.metadata.patient.name);
                QCOMPARE(copy.metadata.acquisitionDateTime, original.metadata.acquisitionDateTime);
                QCOMPARE(copy.metadata.statements, original.metadata.statements);
            }
        }
    }
};

QTEST_MAIN(ScpCorpusTest)
#include "test_scp_corpus.moc"
