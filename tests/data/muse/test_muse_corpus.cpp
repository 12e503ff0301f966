// BRAVEHEART's four GE MUSE RestingECG exports against reference/other_formats_reference.txt: raw values times
// 4.88 µV, 8 stored leads with III, aVR, aVL, aVF derived, rhythm and median groups, filters and measurements.
#include "Corpus.h"
#include "RecordingQueries.h"

#include "io/ReaderRegistry.h"

#include <QtTest>

#include <cmath>

using namespace execg;

namespace {

void compareFirst(const SignalGroup& g, const char* lead, std::initializer_list<int> raw)
{
    const Lead* l = g.findLead(lead);
    QVERIFY2(l && !l->provenance.derived, lead);
    int i = 0;
    for (int r : raw) {
        QVERIFY2(std::abs(l->samples[std::size_t(i)] - float(r * 4.88e-3)) < 1e-6f,
                 qPrintable(QStringLiteral("%1[%2] = %3, expected %4").arg(lead).arg(i).arg(l->samples[std::size_t(i)]).arg(r * 4.88e-3)));
        ++i;
    }
}

} // namespace

class MuseCorpusTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { EXECG_REQUIRE_CORPUS(); }

    void example1()
    {
        const Recording r = ReaderRegistry::instance().read(test::corpusFile("BRAVEHEART/example1.xml"));
        QCOMPARE(QString::fromStdString(r.formatName), QStringLiteral("GE MUSE XML"));
        QCOMPARE(int(r.groups.size()), 2);
        const SignalGroup& rhythm = r.groups.at(std::size_t(r.primaryGroupIndex()));
        QCOMPARE(QString::fromStdString(rhythm.label), QStringLiteral("rhythm"));
        QCOMPARE(rhythm.samplingRateHz, 500.0);
        QCOMPARE(rhythm.sampleCount(), std::int64_t(5000));
        QCOMPARE(int(rhythm.leads.size()), 12);
        for (const char* derived : {"III", "aVR", "aVL", "aVF"})
            QVERIFY(rhythm.findLead(derived)->provenance.derived);
        compareFirst(rhythm, "I", {-20, -20, -20, -20, -18});
        compareFirst(rhythm, "II", {-22, -22, -22, -22, -20});
        compareFirst(rhythm, "V1", {4, 4, 4, 4, 2});
        compareFirst(rhythm, "V6", {-14, -14, -14, -14, -15});
        // III = II − I, as a cart derives it.
        QCOMPARE(rhythm.findLead("III")->samples[4], rhythm.findLead("II")->samples[4] - rhythm.findLead("I")->samples[4]);
        const SignalGroup& median = r.groups.at(std::size_t(1 - r.primaryGroupIndex()));
        QCOMPARE(median.sampleCount(), std::int64_t(600));
        compareFirst(median, "I", {3, 2, 2, 1, 1});
        QCOMPARE(*rhythm.filters.highPassHz, 0.16);
        QCOMPARE(*rhythm.filters.lowPassHz, 150.0);
        QCOMPARE(*rhythm.filters.notchHz, 60.0);
        // The device's measurements.
        QCOMPARE(test::deviceMeasurement(r, "Ventricular rate"), 48.0);
        QCOMPARE(test::deviceMeasurement(r, "PR interval"), 138.0);
        QCOMPARE(test::deviceMeasurement(r, "QTc interval"), 403.0);
    }

    void examples2to4()
    {
        const struct {
            const char* file;
            std::initializer_list<int> lead1;
        } cases[] = {{"BRAVEHEART/example2.xml", {2, 2, 2, 2, 1}},
                     {"BRAVEHEART/example3.xml", {-12, -12, -12, -12, -13}},
                     {"BRAVEHEART/example4.xml", {-7, -11, -13, -13, -13}}};
        for (const auto& c : cases) {
            const Recording r = ReaderRegistry::instance().read(test::corpusFile(c.file));
            compareFirst(r.groups.at(std::size_t(r.primaryGroupIndex())), "I", c.lead1);
        }
        const Recording r4 = ReaderRegistry::instance().read(test::corpusFile("BRAVEHEART/example4.xml"));
        const SignalGroup& g = r4.groups.at(std::size_t(r4.primaryGroupIndex()));
        QCOMPARE(*g.filters.highPassHz, 0.05);
        QVERIFY(!g.filters.notchHz);   // ACFilter NONE
    }
};

QTEST_MAIN(MuseCorpusTest)
#include "test_muse_corpus.moc"
