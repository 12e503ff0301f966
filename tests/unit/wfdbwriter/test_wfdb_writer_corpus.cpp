// WfdbWriter re-encodes WFDB's own binformats test signals byte for byte: same .dat, checksum and initial value.
#include "Corpus.h"
#include "WfdbTestDecoder.h"
#include "io/wfdb/WfdbWriter.h"

#include <QTest>

using namespace execg;
using namespace execg::test;

class TestWfdbWriterCorpus : public QObject {
    Q_OBJECT
private slots:
    void reencodesBinformats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("initialValue");
        QTest::addColumn<int>("checksum");
        // binformats.hea: "binformats.d5 212 200/mV 12 0 -2042 -6824 0" and "binformats.d1 16 200/mV 16 0 -32766 -750 0".
        QTest::newRow("format 212") << "wfdb-python/sample-data/binformats.d5" << 212 << -2042 << -6824;
        QTest::newRow("format 16") << "wfdb-python/sample-data/binformats.d1" << 16 << -32766 << -750;
    }
    void reencodesBinformats()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        QFETCH(int, initialValue);
        QFETCH(int, checksum);
        EXECG_REQUIRE_CORPUS_FILE(file);
        QFile in(QString::fromStdString(corpusFile(file)));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray original = in.readAll();
        std::vector<int> adc = decodeStream(original, format);
        adc.resize(499);   // one signal, 499 samples; the 212 file ends in a half block

        Recording rec;
        SignalGroup g;
        g.samplingRateHz = 200;
        Lead lead;
        lead.name = "sig";
        for (int v : adc)
            lead.samples.push_back(float(v / 200.0));
        // As the WFDB reader records it: 200 ADC units per mV, so the writer keeps that gain.
        lead.provenance.gain = 200;
        lead.provenance.storedFormat = "WFDB " + std::to_string(format);
        g.leads.push_back(lead);
        rec.groups.push_back(g);

        const QString dir = scratchDir("wfdbwriter-binformats");
        WfdbWriteOptions options;
        options.format = format;
        const auto result = writeWfdbRecord(rec, (dir + "/bin").toStdString(), options);
        QVERIFY(result.warnings.empty());
        QCOMPARE(result.gains[0], 200.0);
        QCOMPARE(result.initialValues[0], initialValue);
        QCOMPARE(result.checksums[0], checksum);
        QFile written(QString::fromStdString(result.dataPath));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), original);
        const auto header = decode(result.headerPath, 499);
        QCOMPARE(header.signalLines[0].checksum, checksum);
        QCOMPARE(header.signalLines[0].initialValue, initialValue);
    }
};

QTEST_GUILESS_MAIN(TestWfdbWriterCorpus)
#include "test_wfdb_writer_corpus.moc"
