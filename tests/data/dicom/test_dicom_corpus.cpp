// Every multiplex group of every DICOM file in MANIFEST.md §3 against the independent reference
// decodes in reference/ (values, attributes), the Mortara annotations and PyDICOM-Waveform-Extractor.
#include "Corpus.h"
#include "RecordingQueries.h"
#include "io/ReaderRegistry.h"
#include "io/dicom/DicomEcgReader.h"
#include "io/dicom/DicomWaveformDecoder.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <cmath>

using namespace execg;

namespace {

const char* kFiles[] = {"pydicom/waveform_ecg.dcm", "dcmfx/ecg_12_lead_anon.dcm", "dcmfx/waveform_ecg_synthetic_12_lead.dcm",
                        "dcmfx/waveform_ecg_synthetic_multi_group.dcm"};

struct RefValue {
    double value;
    double tolerance;   // from the printed precision: the reference CSVs print 6 significant digits (%g)
};

QStringList lines(const QString& rel)
{
    QFile f(QString::fromStdString(test::corpusFile(rel)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

RefValue parseRef(const QString& text)
{
    const double v = text.toDouble();
    const QString mantissa = text.section(QRegularExpression("[eE]"), 0, 0).remove('-').remove('+');
    const QString digits = QString(mantissa).remove('.');
    int significant = 0;
    bool leading = true;
    for (QChar c : digits) {
        if (leading && c == '0')
            continue;
        leading = false;
        ++significant;
    }
    double tol = std::abs(v) * 1e-6;
    if (significant >= 6 && v != 0.0) {
        const double exponent = std::floor(std::log10(std::abs(v)));
        tol = std::max(tol, 0.5 * std::pow(10.0, exponent - significant + 1));
    }
    return {v, tol};
}

std::vector<std::vector<RefValue>> readCsv(const QString& rel)
{
    std::vector<std::vector<RefValue>> rows;
    for (const QString& line : lines(rel)) {
        if (line.startsWith('#'))
            continue;
        std::vector<RefValue> row;
        for (const QString& cell : line.split(','))
            row.push_back(parseRef(cell.trimmed()));
        rows.push_back(std::move(row));
    }
    return rows;
}

ReadOptions asStored()
{
    ReadOptions o;
    o.deriveLimbLeads = false;
    return o;
}

QString expectedLeadName(const QString& scheme, const QString& code)
{
    static const QMap<int, QString> names{{1, "I"},   {2, "II"},  {61, "III"}, {62, "aVR"}, {63, "aVL"}, {64, "aVF"},
                                          {3, "V1"},  {4, "V2"},  {5, "V3"},   {6, "V4"},   {7, "V5"},   {8, "V6"}};
    if (scheme == "SCPECG" && code.startsWith("5.6.3-9-"))
        return names.value(code.mid(8).toInt());
    if (scheme == "MDC" && code.startsWith("2:"))
        return names.value(code.mid(2).toInt());
    return {};
}

} // namespace

class TestDicomCorpus : public QObject {
    Q_OBJECT
private slots:
    void allGroupValues_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* f : kFiles)
            QTest::newRow(f) << QString(f);
    }
    void allGroupValues()
    {
        QFETCH(QString, file);
        EXECG_REQUIRE_CORPUS_FILE(file);
        const std::string path = test::corpusFile(file);
        QCOMPARE(QString::fromStdString(ReaderRegistry::instance().readerFor(path).name()), QString("DICOM ECG"));
        const Recording rec = DicomEcgReader().read(path, asStored());
        const QString base = "reference/" + file.section('/', -1);
        long long compared = 0, padded = 0;
        double worstRel = 0.0;
        for (size_t g = 0; g < rec.groups.size(); ++g) {
            const QString csv = base + QString(".group%1.physical.csv").arg(g);
            QVERIFY2(QFile::exists(QString::fromStdString(test::corpusFile(csv))), qPrintable(csv));
            const auto rows = readCsv(csv);
            const SignalGroup& group = rec.groups[g];
            QCOMPARE(std::int64_t(rows.size()), group.sampleCount());
            const bool muLaw = group.leads.front().provenance.storedFormat == "DICOM MB/8";
            for (size_t c = 0; c < group.leads.size(); ++c) {
                const Lead& lead = group.leads[c];
                for (size_t i = 0; i < rows.size(); ++i) {
                    QCOMPARE(rows[i].size(), group.leads.size());
                    RefValue ref = rows[i][c];
                    const float got = lead.samples[i];
                    if (std::isnan(got)) {
                        // Only the padding code may become NaN: UB-PADDED pads with 0xFF (reference shows 255).
                        QVERIFY2(ref.value == 255.0 && lead.provenance.storedFormat == "DICOM UB/8",
                                 qPrintable(QString("%1 group %2 ch %3 sample %4 NaN, ref %5").arg(file).arg(g).arg(c).arg(i).arg(ref.value)));
                        ++padded;
                        continue;
                    }
                    if (muLaw)   // the reference holds stored G.711 codes; the reader expands them
                        ref = {double(dicom::muLawToLinear(static_cast<std::uint8_t>(ref.value))), 0.0};
                    const double expected = ref.value * lead.provenance.toMillivolts;
                    const double tol = std::max(ref.tolerance * lead.provenance.toMillivolts, std::abs(expected) * 1e-6);
                    const double err = std::abs(double(got) - expected);
                    if (err > tol)
                        QFAIL(qPrintable(QString("%1 group %2 ch %3 sample %4: got %5 expected %6").arg(file).arg(g).arg(c).arg(i).arg(got, 0, 'g', 12).arg(expected, 0, 'g', 12)));
                    if (expected != 0.0)
                        worstRel = std::max(worstRel, err / std::abs(expected));
                    ++compared;
                }
            }
        }
        qInfo("%s: %zu groups, %lld values compared, %lld padding samples -> NaN, worst relative error %.3g",
              qPrintable(file), rec.groups.size(), compared, padded, worstRel);
        QVERIFY(compared > 0);
    }

    void referenceAttributes()
    {
        EXECG_REQUIRE_CORPUS_FILE("reference/dicom_reference.txt");
        const QStringList text = lines("reference/dicom_reference.txt");
        const QRegularExpression fileRe("^FILE (\\S+)");
        const QRegularExpression groupRe("MultiplexGroup (\\d+): label='([^']*)' originality=(\\w+) channels=(\\d+) samples=(\\d+) fs=(\\S+) Hz bitsAlloc=(\\d+) interp=(\\w+)");
        const QRegularExpression chanRe("^\\s+(\\d+) \\| (\\w+)/(\\S+) '([^']*)' \\| ([^|]+) \\| ([^|]+) \\|");
        Recording rec;
        QString file;
        int group = -1, checkedGroups = 0, checkedChannels = 0;
        for (const QString& line : text) {
            if (const auto m = fileRe.match(line); m.hasMatch()) {
                file = m.captured(1);
                rec = DicomEcgReader().read(test::corpusFile(file), asStored());
                group = -1;
                continue;
            }
            if (const auto m = groupRe.match(line); m.hasMatch()) {
                group = m.captured(1).toInt();
                QVERIFY(group < int(rec.groups.size()));
                const SignalGroup& g = rec.groups[size_t(group)];
                const QString label = m.captured(2).toUpper();
                const QString expectedLabel = label.contains("RHYTHM") ? "rhythm" : label.contains("MEDIAN") ? "median" : label.toLower();
                QCOMPARE(QString::fromStdString(g.label), expectedLabel);
                QCOMPARE(int(g.leads.size()), m.captured(4).toInt());
                QCOMPARE(g.totalSamples, m.captured(5).toLongLong());
                QCOMPARE(g.sampleCount(), m.captured(5).toLongLong());
                QCOMPARE(g.samplingRateHz, m.captured(6).toDouble());
                QVERIFY(QString::fromStdString(rec.metadata.extra.at("Group " + std::to_string(group + 1) + " (" + g.label + ")"))
                            .contains(m.captured(3)));
                QVERIFY(QString::fromStdString(g.leads[0].provenance.storedFormat).endsWith(m.captured(8) + "/" + m.captured(7)));
                ++checkedGroups;
                continue;
            }
            if (const auto m = chanRe.match(line); m.hasMatch() && group >= 0) {
                const Lead& lead = rec.groups[size_t(group)].leads[size_t(m.captured(1).toInt())];
                QCOMPARE(QString::fromStdString(lead.provenance.code), m.captured(2) + " " + m.captured(3));
                const QString name = expectedLeadName(m.captured(2), m.captured(3));
                if (!name.isEmpty())
                    QCOMPARE(QString::fromStdString(lead.name), name);
                const QString units = m.captured(6).trimmed();
                if (units.startsWith("UCUM/")) {
                    QCOMPARE(QString::fromStdString(lead.provenance.storedUnits), units.section('/', 1).section(' ', 0, 0));
                    QVERIFY(lead.provenance.isVoltage);
                    QCOMPARE(lead.provenance.gain, 1.0 / m.captured(5).trimmed().toDouble());
                }
                ++checkedChannels;
            }
        }
        qInfo("dicom_reference.txt: %d groups and %d channels checked", checkedGroups, checkedChannels);
        QCOMPARE(checkedGroups, 2 + 2 + 2 + 6);
        QCOMPARE(checkedChannels, 24 + 24 + 24 + 8);
    }

    void mortaraMetadataAndAnnotations()
    {
        EXECG_REQUIRE_CORPUS_FILE("pydicom/waveform_ecg.dcm");
        const Recording rec = DicomEcgReader().read(test::corpusFile("pydicom/waveform_ecg.dcm"), asStored());
        const auto& md = rec.metadata;
        QCOMPARE(QString::fromStdString(md.patient.name), QString("Anonymous"));
        QCOMPARE(QString::fromStdString(md.patient.id), QString("642341"));
        QCOMPARE(QString::fromStdString(md.patient.sex), QString("F"));
        QCOMPARE(QString::fromStdString(md.patient.birthDate), QString("1971-01-23"));
        QCOMPARE(md.patient.ageYears.value_or(-1), 42.0);
        QCOMPARE(QString::fromStdString(md.device.manufacturer), QString("Mortara Instrument, Inc."));
        QCOMPARE(QString::fromStdString(md.device.model), QString("el250"));
        QCOMPARE(QString::fromStdString(md.device.softwareVersion), QString("0.0.0"));
        QCOMPARE(QString::fromStdString(md.acquisitionDateTime), QString("2013-01-25T10:59:19"));
        const SignalGroup& rhythm = rec.groups[0];
        QCOMPARE(rhythm.filters.highPassHz.value_or(-1), 0.05);
        QCOMPARE(rhythm.filters.lowPassHz.value_or(-1), 300.0);
        QVERIFY(!rhythm.filters.notchHz);   // stored as 0 Hz: no notch filter
        QVERIFY(QString::fromStdString(rec.groups[1].filters.description).contains("I"));

        // 77 annotation items = 2 statements + 9 device measurements + 66 timed fiducial points.
        QCOMPARE(int(md.statements.size()), 2);
        QCOMPARE(QString::fromStdString(md.statements[0]), QString("RITMO SINUSALE"));
        QCOMPARE(int(md.measurements.size()), 9);
        QCOMPARE(int(md.annotations.size()), 66);
        const std::map<std::string, std::pair<double, std::string>> expected{
            {"RR Interval", {982, "ms"}}, {"PR Interval", {161, "ms"}}, {"QRS Duration", {75, "ms"}},
            {"QT Interval", {368, "ms"}}, {"QTc Interval", {370, "ms"}}, {"P Axis", {74, "deg"}},
            {"QRS Axis", {52, "deg"}},    {"T Axis", {57, "deg"}},       {"PP Interval", {0, "ms"}}};
        for (const auto& m : md.measurements) {
            const auto it = expected.find(m.name);
            QVERIFY2(it != expected.end(), m.name.c_str());
            QCOMPARE(m.value, it->second.first);
            QCOMPARE(QString::fromStdString(m.unit), QString::fromStdString(it->second.second));
        }
        // First fiducial: P onset at Referenced Sample Position 299 (1-based) of group 1 → sample 298.
        const Annotation& a = md.annotations.front();
        QCOMPARE(QString::fromStdString(a.code), QString("P Onset"));
        QCOMPARE(a.group, 0);
        QCOMPARE(a.sample, std::int64_t(298));
        QCOMPARE(a.timeSeconds, 0.298);
        QCOMPARE(a.channel, -1);
        // PR interval measured by the device = QRS onset − P onset of the same beat.
        QCOMPARE(md.annotations[2].sample - md.annotations[0].sample, std::int64_t(161));
    }

    void rhythmMatchesWaveformExtractor()
    {
        EXECG_REQUIRE_CORPUS_FILE("PyDICOM-Waveform-Extractor/RHYTHM.csv");
        const Recording rec = DicomEcgReader().read(test::corpusFile("pydicom/waveform_ecg.dcm"), asStored());
        const SignalGroup& g = rec.groups[0];
        const QStringList text = lines("PyDICOM-Waveform-Extractor/RHYTHM.csv");
        QCOMPARE(text.size() - 1, 10000);
        long long compared = 0;
        for (int i = 1; i < text.size(); ++i) {
            const QStringList cells = text[i].split(',');
            QCOMPARE(cells[0].toDouble(), (i - 1) / 1000.0);
            for (int c = 0; c < 12; ++c) {
                const double uv = cells[c + 1].toDouble();
                const double got = g.leads[size_t(c)].samples[size_t(i - 1)] * 1000.0;
                if (std::abs(got - uv) > std::max(1e-6 * std::abs(uv), 1e-6))
                    QFAIL(qPrintable(QString("row %1 lead %2: %3 vs %4").arg(i).arg(c).arg(got).arg(uv)));
                ++compared;
            }
        }
        qInfo("RHYTHM.csv: %lld values match", compared);
    }

    void windowAndHeaderOnly()
    {
        EXECG_REQUIRE_CORPUS_FILE("pydicom/waveform_ecg.dcm");
        const std::string path = test::corpusFile("pydicom/waveform_ecg.dcm");
        const Recording full = DicomEcgReader().read(path, asStored());
        ReadOptions o = asStored();
        o.fromSeconds = 2.5;
        o.toSeconds = 4.0;
        const Recording part = DicomEcgReader().read(path, o);
        QCOMPARE(part.groups[0].firstSample, std::int64_t(2500));
        QCOMPARE(part.groups[0].sampleCount(), std::int64_t(1500));
        for (size_t c = 0; c < 12; ++c)
            for (size_t i = 0; i < 1500; ++i)
                QCOMPARE(part.groups[0].leads[c].samples[i], full.groups[0].leads[c].samples[i + 2500]);
        QCOMPARE(part.groups[1].sampleCount(), std::int64_t(1200));   // median beat: its own time axis

        ReadOptions h;
        h.headerOnly = true;
        const Recording header = DicomEcgReader().read(path, h);
        QCOMPARE(header.groups[0].totalSamples, std::int64_t(10000));
        QVERIFY(header.groups[0].leads[0].samples.empty());
        QCOMPARE(int(header.metadata.measurements.size()), 9);
    }

    void multiGroupEdgeCases()
    {
        EXECG_REQUIRE_CORPUS_FILE("dcmfx/waveform_ecg_synthetic_multi_group.dcm");
        const Recording rec = DicomEcgReader().read(test::corpusFile("dcmfx/waveform_ecg_synthetic_multi_group.dcm"), asStored());
        QCOMPARE(int(rec.groups.size()), 6);
        // No Channel Sensitivity → arbitrary units: not presented as millivolts.
        QVERIFY(!rec.groups[0].leads[0].provenance.isVoltage);
        QCOMPARE(QString::fromStdString(rec.groups[0].leads[0].name), QString("Triangle"));
        // UB-PADDED: the last ten samples of "Padded tail" are the 0xFF padding; zeros elsewhere stay.
        const auto& tail = rec.groups[1].leads[1].samples;
        int nan = 0;
        for (float v : tail)
            nan += std::isnan(v) ? 1 : 0;
        QCOMPARE(nan, 10);
        QCOMPARE(rec.groups[1].leads[0].samples[0], 0.0f);
        // SL channel with sensitivity but no units: assumed µV and said so.
        QVERIFY(rec.groups[3].leads[0].provenance.isVoltage);
        QVERIFY(test::hasWarning(rec, "assumed microvolts"));
    }
};

QTEST_GUILESS_MAIN(TestDicomCorpus)
#include "test_dicom_corpus.moc"
