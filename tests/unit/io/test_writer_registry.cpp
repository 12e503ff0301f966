// The writer registry: a generated 12-lead case written through it in each format reads back through the reader
// registry within the amplitude step the writer states (exactly where it says so), by the output's extension in any
// case or a bare WFDB record name; format options reach their writer and no other; an unknown extension is refused
// with the file's name and the known extensions.
#include "Corpus.h"
#include "SynthesizedCase.h"

#include "io/ReaderRegistry.h"
#include "io/WriterRegistry.h"

#include <QtTest>

#include <cmath>
#include <filesystem>

using namespace execg;

namespace {

WriteOptions withOptions(const QStringList& pairs)
{
    WriteOptions o;
    for (const auto& pair : pairs)
        o.formatOptions[pair.section('=', 0, 0).toStdString()] = pair.section('=', 1).toStdString();
    return o;
}

QStringList fileNames(const std::vector<std::string>& paths)
{
    QStringList names;
    for (const auto& p : paths)
        names << QString::fromStdString(std::filesystem::path(p).filename().string());
    return names;
}

// The message of the WriteError that writing `path` throws, after checking that it names the file; "" if none.
QString writeError(const std::string& path, const WriteOptions& options = {},
                   const Recording& recording = test::synthesizedCase(5, "Doe^Jane"))
{
    try {
        WriterRegistry::instance().write(recording, path, options);
    } catch (const WriteError& e) {
        if (e.file() != path)
            return QStringLiteral("names %1, not %2").arg(e.file().c_str(), path.c_str());
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class WriterRegistryTest : public QObject {
    Q_OBJECT

private slots:
    void listsTheFourFormats()
    {
        const WriterRegistry& registry = WriterRegistry::instance();
        QStringList names;
        for (const auto& w : registry.writers())
            names << QString::fromStdString(w->name());
        QCOMPARE(names, (QStringList{"WFDB", "DICOM", "EDF+", "SCP-ECG"}));
        QCOMPARE(registry.filePatterns(), (std::vector<std::string>{"*.hea", "*.dcm", "*.edf", "*.scp"}));
        QCOMPARE(registry.extensionList(), std::string(".hea (WFDB), .dcm (DICOM), .edf (EDF+) or .scp (SCP-ECG)"));
    }

    void choosesByExtensionInAnyCase()
    {
        const WriterRegistry& registry = WriterRegistry::instance();
        QCOMPARE(registry.writerFor("a/b/rec.HEA").name(), std::string("WFDB"));
        QCOMPARE(registry.writerFor("a/b.d/rec").name(), std::string("WFDB"));   // a bare record name
        QCOMPARE(registry.writerFor("scan.Dcm").name(), std::string("DICOM"));
        QCOMPARE(registry.writerFor("night.EDF").name(), std::string("EDF+"));
        QCOMPARE(registry.writerFor("rest.sCP").name(), std::string("SCP-ECG"));
        QCOMPARE(registry.byExtension(".SCP"), registry.byName("SCP-ECG"));
        QVERIFY(registry.byExtension("") == nullptr);
        QVERIFY(registry.byExtension(".dat") == nullptr);
    }

    void readsBackWithinTheStatedStep_data()
    {
        QTest::addColumn<QString>("out");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("format");   // the reader's format name starts with it
        QTest::addColumn<QStringList>("files");
        QTest::newRow("wfdb") << "rec.hea" << QStringList{} << "WFDB" << QStringList{"rec.hea", "rec.dat"};
        QTest::newRow("wfdb 212") << "rec212.hea" << QStringList{"format=212"} << "WFDB"
                                  << QStringList{"rec212.hea", "rec212.dat"};
        QTest::newRow("wfdb bare name") << "bare" << QStringList{} << "WFDB" << QStringList{"bare.hea", "bare.dat"};
        QTest::newRow("wfdb upper case") << "UPPER.HEA" << QStringList{} << "WFDB" << QStringList{"UPPER.hea", "UPPER.dat"};
        QTest::newRow("dicom") << "case.dcm" << QStringList{} << "DICOM ECG" << QStringList{"case.dcm"};
        QTest::newRow("dicom upper case") << "CASE.DCM" << QStringList{} << "DICOM ECG" << QStringList{"CASE.DCM"};
        QTest::newRow("edf+") << "case.edf" << QStringList{} << "EDF+" << QStringList{"case.edf"};
        QTest::newRow("scp huffman") << "case.scp" << QStringList{} << "SCP-ECG" << QStringList{"case.scp"};
        QTest::newRow("scp plain") << "plain.Scp" << QStringList{"compression=none"} << "SCP-ECG" << QStringList{"plain.Scp"};
    }
    void readsBackWithinTheStatedStep()
    {
        QFETCH(QString, out);
        QFETCH(QStringList, options);
        QFETCH(QString, format);
        QFETCH(QStringList, files);
        const QString dir = test::scratchDir("writer_registry_" + QString(QTest::currentDataTag()).replace(' ', '_'));
        const std::string path = (dir + "/" + out).toStdString();
        const Recording original = test::synthesizedCase(5, "Doe^Jane");
        const WriterRegistry& registry = WriterRegistry::instance();
        const WriteResult written = registry.write(original, path, withOptions(options));

        QCOMPARE(fileNames(written.files), files);
        QCOMPARE(written.files, registry.writerFor(path).outputFiles(path));
        for (const auto& f : written.files)
            QVERIFY2(QFileInfo(QString::fromStdString(f)).size() > 0, f.c_str());
        QVERIFY2(written.stepMicrovolts > 0 && written.stepMicrovolts <= 10, qPrintable(QString::number(written.stepMicrovolts)));
        QCOMPARE(written.exact.has_value(), format == "SCP-ECG");   // the one writer that checks

        const Recording copy = ReaderRegistry::instance().read(written.files.front());
        QVERIFY2(QString::fromStdString(copy.formatName).startsWith(format), copy.formatName.c_str());
        const SignalGroup& a = original.groups.front();
        const SignalGroup& b = copy.groups.at(std::size_t(copy.primaryGroupIndex()));
        QCOMPARE(b.samplingRateHz, a.samplingRateHz);
        QCOMPARE(b.sampleCount(), a.sampleCount());
        // mV: half a step, and the float the reader computes the value in.
        const double tolerance = written.exact.value_or(false) ? 0.0 : written.stepMicrovolts / 2000.0 + 1e-6;
        for (const auto& lead : a.leads) {
            const Lead* other = b.findLead(lead.name);
            QVERIFY2(other, lead.name.c_str());
            for (std::size_t i = 0; i < lead.samples.size(); ++i)
                if (std::abs(double(lead.samples[i]) - double(other->samples[i])) > tolerance)
                    QFAIL(qPrintable(QStringLiteral("%1[%2]: %3 read back as %4, beyond %5 mV")
                                         .arg(lead.name.c_str()).arg(i).arg(lead.samples[i]).arg(other->samples[i]).arg(tolerance)));
        }
    }

    void formatOptionsReachTheirWriterOnly()
    {
        const QString dir = test::scratchDir("writer_registry_options");
        const Recording r = test::synthesizedCase(5, "Doe^Jane");
        const WriterRegistry& registry = WriterRegistry::instance();
        // Format 212 packs two samples in three bytes; plain SCP-ECG is larger than Huffman-coded.
        registry.write(r, (dir + "/f16").toStdString());
        registry.write(r, (dir + "/f212").toStdString(), withOptions({"format=212"}));
        QCOMPARE(QFileInfo(dir + "/f212.dat").size() * 4, QFileInfo(dir + "/f16.dat").size() * 3);
        registry.write(r, (dir + "/huffman.scp").toStdString());
        registry.write(r, (dir + "/plain.scp").toStdString(), withOptions({"compression=none"}));
        QVERIFY(QFileInfo(dir + "/plain.scp").size() > QFileInfo(dir + "/huffman.scp").size());
        // A choice of another format, or a value its format does not have, is refused before anything is written.
        QString error = writeError((dir + "/x.dcm").toStdString(), withOptions({"compression=none"}));
        QVERIFY2(error.contains("DICOM has no option \"compression\""), qPrintable(error));
        error = writeError((dir + "/x.scp").toStdString(), withOptions({"compression=zip"}));
        QVERIFY2(error.contains("must be huffman or none, not \"zip\""), qPrintable(error));
        error = writeError((dir + "/x.hea").toStdString(), withOptions({"format=8"}));
        QVERIFY2(error.contains("must be 16 or 212"), qPrintable(error));
        QVERIFY(QDir(dir).entryList({"x.*"}, QDir::Files).isEmpty());
    }

    void refusesWhatItCannotWriteNamingTheFile()
    {
        const QString dir = test::scratchDir("writer_registry_refused");
        QString error = writeError((dir + "/case.txt").toStdString());
        QVERIFY2(error.startsWith(dir + "/case.txt: "), qPrintable(error));
        QVERIFY2(error.contains(".hea (WFDB), .dcm (DICOM), .edf (EDF+) or .scp (SCP-ECG)"), qPrintable(error));
        QVERIFY(!QFileInfo::exists(dir + "/case.txt"));
        // A format's own refusal comes as a WriteError naming the file too (writeScpEcg's names only the problem).
        Recording odd = test::synthesizedCase(5, "Doe^Jane");
        odd.groups.front().samplingRateHz = 300.0;   // 3333.3 µs, which SCP-ECG cannot state
        error = writeError((dir + "/case.scp").toStdString(), {}, odd);
        QVERIFY2(error.startsWith(dir + "/case.scp: SCP-ECG stores the sample interval"), qPrintable(error));
        error = writeError((dir + "/no/such/folder/case.edf").toStdString());
        QVERIFY2(error.startsWith(dir + "/no/such/folder/case.edf: "), qPrintable(error));
        error = writeError((dir + "/no/such/folder/case.dcm").toStdString());
        QVERIFY2(error.startsWith(dir + "/no/such/folder/case.dcm: "), qPrintable(error));
    }
};

QTEST_MAIN(WriterRegistryTest)
#include "test_writer_registry.moc"
