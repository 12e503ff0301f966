// DICOM multiplex groups built here with DCMTK: Ambulatory-style consecutive groups at different rates placed by
// Multiplex Group Time Offset, windows with the shared rounding rule, channel skew, annotations that point at groups or
// channels the file lacks, units the reader cannot convert, a zero correction factor, and averaged-beat groups.
#include "Corpus.h"
#include "io/ReadError.h"
#include "io/dicom/DicomEcgReader.h"

#include <dcmtk/dcmdata/dctk.h>

#include <QTest>
#include <cmath>
#include <functional>

using namespace execg;

namespace {

struct ChannelSpec {
    std::string code = "2:1", meaning = "Lead I";
    std::string sensitivity = "1", units = "mV", correction = "1";
    std::string sampleSkew, timeSkew;   // empty = absent
};

struct GroupSpec {
    std::string label = "RHYTHM", originality = "ORIGINAL";
    std::string fs = "100";
    std::string timeOffsetMs;   // empty = absent
    std::vector<ChannelSpec> channels;
    Uint32 samples = 0;
    // Stored value of channel c, sample s.
    std::function<Sint16(int, Uint32)> value;
};

void addGroup(DcmDataset& ds, const GroupSpec& g, int index)
{
    DcmItem* mux = nullptr;
    ds.findOrCreateSequenceItem(DCM_WaveformSequence, mux, index);
    mux->putAndInsertUint16(DCM_NumberOfWaveformChannels, Uint16(g.channels.size()));
    mux->putAndInsertUint32(DCM_NumberOfWaveformSamples, g.samples);
    mux->putAndInsertString(DCM_SamplingFrequency, g.fs.c_str());
    if (!g.label.empty())
        mux->putAndInsertString(DCM_MultiplexGroupLabel, g.label.c_str());
    mux->putAndInsertString(DCM_WaveformOriginality, g.originality.c_str());
    if (!g.timeOffsetMs.empty())
        mux->putAndInsertString(DCM_MultiplexGroupTimeOffset, g.timeOffsetMs.c_str());
    mux->putAndInsertUint16(DCM_WaveformBitsAllocated, 16);
    mux->putAndInsertString(DCM_WaveformSampleInterpretation, "SS");
    for (size_t c = 0; c < g.channels.size(); ++c) {
        const ChannelSpec& spec = g.channels[c];
        DcmItem* ch = nullptr;
        mux->findOrCreateSequenceItem(DCM_ChannelDefinitionSequence, ch, long(c));
        DcmItem* code = nullptr;
        ch->findOrCreateSequenceItem(DCM_ChannelSourceSequence, code, 0);
        code->putAndInsertString(DCM_CodeValue, spec.code.c_str());
        code->putAndInsertString(DCM_CodingSchemeDesignator, "MDC");
        code->putAndInsertString(DCM_CodeMeaning, spec.meaning.c_str());
        ch->putAndInsertString(DCM_ChannelSensitivity, spec.sensitivity.c_str());
        DcmItem* unit = nullptr;
        ch->findOrCreateSequenceItem(DCM_ChannelSensitivityUnitsSequence, unit, 0);
        unit->putAndInsertString(DCM_CodeValue, spec.units.c_str());
        unit->putAndInsertString(DCM_CodingSchemeDesignator, "UCUM");
        unit->putAndInsertString(DCM_CodeMeaning, spec.units.c_str());
        ch->putAndInsertString(DCM_ChannelSensitivityCorrectionFactor, spec.correction.c_str());
        ch->putAndInsertString(DCM_ChannelBaseline, "0");
        if (!spec.sampleSkew.empty())
            ch->putAndInsertString(DCM_ChannelSampleSkew, spec.sampleSkew.c_str());
        if (!spec.timeSkew.empty())
            ch->putAndInsertString(DCM_ChannelTimeSkew, spec.timeSkew.c_str());
        ch->putAndInsertUint16(DCM_WaveformBitsStored, 16);
    }
    std::vector<Uint16> words;
    for (Uint32 s = 0; s < g.samples; ++s)
        for (size_t c = 0; c < g.channels.size(); ++c)
            words.push_back(static_cast<Uint16>(g.value(int(c), s)));
    mux->putAndInsertUint16Array(DCM_WaveformData, words.data(), static_cast<unsigned long>(words.size()));
}

void addTimedAnnotation(DcmDataset& ds, int index, const char* channels, const char* positions, const char* meaning)
{
    DcmItem* item = nullptr;
    ds.findOrCreateSequenceItem(DCM_WaveformAnnotationSequence, item, index);
    item->putAndInsertString(DCM_ReferencedWaveformChannels, channels);
    item->putAndInsertString(DCM_TemporalRangeType, "POINT");
    item->putAndInsertString(DCM_ReferencedSamplePositions, positions);
    DcmItem* code = nullptr;
    item->findOrCreateSequenceItem(DCM_ConceptNameCodeSequence, code, 0);
    code->putAndInsertString(DCM_CodeValue, "X");
    code->putAndInsertString(DCM_CodingSchemeDesignator, "99TEST");
    code->putAndInsertString(DCM_CodeMeaning, meaning);
}

std::string save(const std::vector<GroupSpec>& groups, const char* name, const char* sopClass = UID_AmbulatoryECGWaveformStorage,
                 const std::function<void(DcmDataset&)>& more = {})
{
    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    ds.putAndInsertString(DCM_SOPClassUID, sopClass);
    ds.putAndInsertString(DCM_SOPInstanceUID, "1.2.3.4.5.6.9");
    ds.putAndInsertString(DCM_Modality, "ECG");
    for (size_t i = 0; i < groups.size(); ++i)
        addGroup(ds, groups[i], int(i));
    if (more)
        more(ds);
    const std::string path = (test::scratchDir("dicom-groups") + "/" + name).toStdString();
    if (file.saveFile(path.c_str(), EXS_LittleEndianExplicit).bad())
        qFatal("cannot save %s", path.c_str());
    return path;
}

ChannelSpec lead(const char* code, const char* meaning)
{
    ChannelSpec c;
    c.code = code;
    c.meaning = meaning;
    return c;
}

// Three consecutive blocks of a Holter, as an Ambulatory ECG stores them: 3 s at 100 Hz, 3 s at 200 Hz from 3 s,
// 3 s at 100 Hz from 6 s. Sample s of block g (1-based), lead c holds 1000·g + 5000·c + s.
std::vector<GroupSpec> holterBlocks()
{
    std::vector<GroupSpec> groups(3);
    const char* rates[] = {"100", "200", "100"};
    const Uint32 samples[] = {300, 600, 300};
    const char* offsets[] = {"0", "3000", "6000"};
    for (int g = 0; g < 3; ++g) {
        groups[size_t(g)].fs = rates[g];
        groups[size_t(g)].samples = samples[g];
        groups[size_t(g)].timeOffsetMs = offsets[g];
        groups[size_t(g)].channels = {lead("2:1", "Lead I"), lead("2:2", "Lead II")};
        groups[size_t(g)].value = [g](int c, Uint32 s) { return Sint16(1000 * (g + 1) + 5000 * c + int(s)); };
    }
    return groups;
}

ReadOptions plain()
{
    ReadOptions o;
    o.deriveLimbLeads = false;
    return o;
}

bool hasWarning(const Recording& rec, const char* part)
{
    for (const auto& w : rec.warnings)
        if (w.find(part) != std::string::npos)
            return true;
    return false;
}

QString allWarnings(const Recording& rec)
{
    QString s;
    for (const auto& w : rec.warnings)
        s += QString::fromStdString(w) + "\n";
    return s;
}

} // namespace

class TestDicomGroups : public QObject {
    Q_OBJECT
private slots:
    void holterBlocksShareOneTimeAxis()
    {
        const auto path = save(holterBlocks(), "holter.dcm");
        const Recording rec = DicomEcgReader().read(path, plain());
        QCOMPARE(int(rec.groups.size()), 3);
        const double offsets[] = {0.0, 3.0, 6.0};
        const qint64 totals[] = {300, 600, 300};
        for (int g = 0; g < 3; ++g) {
            const auto& group = rec.groups[size_t(g)];
            QCOMPARE(group.timeOffsetSeconds, offsets[g]);
            QCOMPARE(group.totalSamples, totals[g]);
            QCOMPARE(group.sampleCount(), totals[g]);
            QCOMPARE(group.leads[1].samples[0], float(1000 * (g + 1) + 5000));
        }
    }

    // The window is in recording time: 4.0–7.1 s is nothing of block 1, 1.0 s to the end of block 2 (200 Hz) and the
    // first round(1.1·100) = 110 samples of block 3.
    void windowIsRelativeToRecordingStart()
    {
        const auto path = save(holterBlocks(), "holter-window.dcm");
        ReadOptions o = plain();
        o.fromSeconds = 4.0;
        o.toSeconds = 7.1;
        const Recording rec = DicomEcgReader().read(path, o);
        QCOMPARE(int(rec.groups.size()), 3);   // a block outside the window stays, empty, so group numbers hold
        QCOMPARE(rec.groups[0].sampleCount(), qint64(0));
        QCOMPARE(rec.groups[1].firstSample, qint64(200));
        QCOMPARE(rec.groups[1].sampleCount(), qint64(400));
        QCOMPARE(rec.groups[1].leads[0].samples.front(), float(2000 + 200));
        QCOMPARE(rec.groups[1].leads[0].samples.back(), float(2000 + 599));
        QCOMPARE(rec.groups[2].firstSample, qint64(0));
        QCOMPARE(rec.groups[2].sampleCount(), qint64(110));
        QCOMPARE(rec.groups[2].leads[0].samples.back(), float(3000 + 109));

        o.fromSeconds.reset();
        o.toSeconds = 2.0;
        const Recording early = DicomEcgReader().read(path, o);
        QCOMPARE(early.groups[0].sampleCount(), qint64(200));
        QCOMPARE(early.groups[1].sampleCount(), qint64(0));
        QCOMPARE(early.groups[2].sampleCount(), qint64(0));
    }

    // [round(from·fs), round(to·fs)) at the file's own rate: 1.1 × 100 is 110.00000000000001 in doubles, which ceil made 111.
    void windowRoundsAtFileRate_data()
    {
        QTest::addColumn<QString>("fs");
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("count");
        QTest::newRow("to 1.1 s @100") << "100" << 0.0 << 1.1 << qint64(0) << qint64(110);
        QTest::newRow("to 1.1 s @500") << "500" << 0.0 << 1.1 << qint64(0) << qint64(550);
        QTest::newRow("to 1.1 s @257") << "257" << 0.0 << 1.1 << qint64(0) << qint64(283);   // 282.7
        QTest::newRow("0.3-1.1 s @100") << "100" << 0.3 << 1.1 << qint64(30) << qint64(80);
        QTest::newRow("1.006-1.104 s @100") << "100" << 1.006 << 1.104 << qint64(101) << qint64(9);   // 100.6, 110.4
    }
    void windowRoundsAtFileRate()
    {
        QFETCH(QString, fs);
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(qint64, first);
        QFETCH(qint64, count);
        GroupSpec g;
        g.fs = fs.toStdString();
        g.samples = 1000;
        g.channels = {lead("2:1", "Lead I")};
        g.value = [](int, Uint32 s) { return Sint16(s); };
        const auto path = save({g}, "window.dcm", UID_TwelveLeadECGWaveformStorage);
        ReadOptions o = plain();
        o.fromSeconds = from;
        o.toSeconds = to;
        const Recording rec = DicomEcgReader().read(path, o);
        QCOMPARE(rec.groups[0].firstSample, first);
        QCOMPARE(rec.groups[0].sampleCount(), count);
        QCOMPARE(rec.groups[0].leads[0].samples.front(), float(first));
        QCOMPARE(rec.groups[0].leads[0].samples.back(), float(first + count - 1));
    }

    void wholeSampleSkewShiftsTheChannel()
    {
        GroupSpec g;
        g.samples = 10;
        g.channels = {lead("2:1", "Lead I"), lead("2:2", "Lead II"), lead("2:61", "Lead III"), lead("2:3", "Lead V1")};
        g.channels[1].sampleSkew = "2";        // two samples late
        g.channels[2].timeSkew = "0.005";      // half a sample: cannot be placed exactly
        g.channels[3].sampleSkew = "1e12";     // absurd: must not allocate, not shifted
        g.value = [](int c, Uint32 s) { return Sint16(100 * c + int(s)); };
        const auto path = save({g}, "skew.dcm", UID_TwelveLeadECGWaveformStorage);
        const Recording rec = DicomEcgReader().read(path, plain());
        const auto& group = rec.groups[0];
        QCOMPARE(group.totalSamples, qint64(12));
        QCOMPARE(group.sampleCount(), qint64(12));
        const auto& i = group.findLead("I")->samples;
        const auto& ii = group.findLead("II")->samples;
        QCOMPARE(i[9], 9.0f);
        QVERIFY(std::isnan(i[10]) && std::isnan(i[11]));   // lead I stopped before lead II did
        QVERIFY(std::isnan(ii[0]) && std::isnan(ii[1]));
        QCOMPARE(ii[2], 100.0f);
        QCOMPARE(ii[11], 109.0f);
        QCOMPARE(group.findLead("III")->samples[0], 200.0f);   // not shifted
        QCOMPARE(group.findLead("V1")->samples[0], 300.0f);
        QVERIFY2(hasWarning(rec, "channel III starts 5 ms (0.5 samples)") && hasWarning(rec, "not shifted"), qPrintable(allWarnings(rec)));
        QVERIFY2(hasWarning(rec, "channel V1 starts"), qPrintable(allWarnings(rec)));
        QCOMPARE(QString::fromStdString(rec.metadata.extra.at("Group 1 (rhythm) II skew")), QString("2 samples, applied"));

        ReadOptions o = plain();
        o.fromSeconds = 0.05;
        o.toSeconds = 0.11;
        const Recording win = DicomEcgReader().read(path, o);
        QCOMPARE(win.groups[0].firstSample, qint64(5));
        QCOMPARE(win.groups[0].sampleCount(), qint64(6));
        QCOMPARE(win.groups[0].findLead("II")->samples[0], 103.0f);
        QCOMPARE(win.groups[0].findLead("I")->samples[4], 9.0f);
        QVERIFY(std::isnan(win.groups[0].findLead("I")->samples[5]));
    }

    void annotationsNeedAnExistingGroupAndChannel()
    {
        const auto path = save(holterBlocks(), "annotations.dcm", UID_AmbulatoryECGWaveformStorage, [](DcmDataset& ds) {
            addTimedAnnotation(ds, 0, "3\\0", "51", "Beat in block 3");
            addTimedAnnotation(ds, 1, "5\\0", "10", "Beat in a block that does not exist");
            addTimedAnnotation(ds, 2, "2\\7", "101", "Channel 7 of a 2-channel block");
            addTimedAnnotation(ds, 3, "0\\1", "1", "Group 0 (numbers are 1-based)");
            addTimedAnnotation(ds, 4, "1\\1", "4294967295", "Far past the end");
        });
        const Recording rec = DicomEcgReader().read(path, plain());
        const auto& a = rec.metadata.annotations;
        QCOMPARE(int(a.size()), 3);
        QCOMPARE(QString::fromStdString(a[0].code), QString("Beat in block 3"));
        QCOMPARE(a[0].group, 2);
        QCOMPARE(a[0].sample, qint64(50));
        QCOMPARE(a[0].timeSeconds, 6.5);   // 6 s block offset + 50 / 100 Hz
        QCOMPARE(a[1].group, 1);
        QCOMPARE(a[1].channel, -1);
        QCOMPARE(a[1].timeSeconds, 3.5);   // 3 s + 100 / 200 Hz
        QCOMPARE(a[2].sample, qint64(4294967294));
        QVERIFY2(hasWarning(rec, "2 waveform annotation(s) reference a multiplex group the file does not have (3 group(s))"),
                 qPrintable(allWarnings(rec)));
        QVERIFY2(hasWarning(rec, "1 waveform annotation(s) reference a channel their group does not have"), qPrintable(allWarnings(rec)));
        QVERIFY2(hasWarning(rec, "1 waveform annotation(s) point outside their multiplex group"), qPrintable(allWarnings(rec)));
    }

    void unknownUnitsAndZeroCorrectionAreWarned()
    {
        GroupSpec g;
        g.samples = 4;
        g.channels = {lead("2:1", "Lead I"), lead("2:2", "Lead II"), lead("2:3", "Lead V1")};
        g.channels[0].units = "[furlong]";
        g.channels[1].sensitivity = "2.5";
        g.channels[1].units = "uV";
        g.channels[1].correction = "0";
        g.channels[2].sensitivity = "0";
        g.value = [](int, Uint32 s) { return Sint16(400 * (int(s) + 1)); };
        const auto path = save({g}, "units.dcm", UID_TwelveLeadECGWaveformStorage);
        const Recording rec = DicomEcgReader().read(path, plain());
        const auto& group = rec.groups[0];
        const Lead& i = *group.findLead("I");
        QVERIFY(!i.provenance.isVoltage);
        QCOMPARE(i.samples[0], 400.0f);
        QVERIFY2(hasWarning(rec, "(I): Channel Sensitivity Units '[furlong]' are not a voltage unit"), qPrintable(allWarnings(rec)));
        const Lead& ii = *group.findLead("II");
        QVERIFY(ii.provenance.isVoltage);
        QCOMPARE(ii.samples[0], 1.0f);   // 400 × 2.5 uV nominal, the 0 factor ignored
        QVERIFY2(hasWarning(rec, "(II): Channel Sensitivity Correction Factor is 0; ignored"), qPrintable(allWarnings(rec)));
        const Lead& v1 = *group.findLead("V1");
        QVERIFY(!v1.provenance.isVoltage);
        QCOMPARE(v1.samples[0], 400.0f);
        QVERIFY2(hasWarning(rec, "(V1): Channel Sensitivity is 0, unusable; values are raw"), qPrintable(allWarnings(rec)));
    }

    void averagedBeatGroupsAreMedians_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("originality");
        QTest::addColumn<QString>("expected");
        QTest::newRow("REPRESENTATIVE BEAT") << "REPRESENTATIVE BEAT" << "DERIVED" << "median";
        QTest::newRow("AVERAGE COMPLEX") << "AVERAGE COMPLEX" << "DERIVED" << "median";
        QTest::newRow("MEDIAN BEAT") << "MEDIAN BEAT" << "DERIVED" << "median";
        QTest::newRow("unlabelled derived 1.2 s") << "" << "DERIVED" << "median";
        QTest::newRow("unlabelled original 1.2 s") << "" << "ORIGINAL" << "group 2";
        QTest::newRow("derived 1.2 s, labelled BEAT") << "QRS BEAT" << "DERIVED" << "median";
        QTest::newRow("derived 1.2 s, other purpose") << "SL-EXTREMES" << "DERIVED" << "sl-extremes";
    }
    void averagedBeatGroupsAreMedians()
    {
        QFETCH(QString, label);
        QFETCH(QString, originality);
        QFETCH(QString, expected);
        GroupSpec rhythm;
        rhythm.samples = 1000;   // 10 s
        rhythm.channels = {lead("2:1", "Lead I")};
        rhythm.value = [](int, Uint32 s) { return Sint16(s); };
        GroupSpec beat = rhythm;
        beat.label = label.toStdString();
        beat.originality = originality.toStdString();
        beat.samples = 120;      // 1.2 s
        const auto path = save({rhythm, beat}, "beat.dcm", UID_TwelveLeadECGWaveformStorage);
        ReadOptions o = plain();
        o.fromSeconds = 0.5;
        o.toSeconds = 1.0;
        const Recording rec = DicomEcgReader().read(path, o);
        QCOMPARE(QString::fromStdString(rec.groups[1].label), expected);
        QCOMPARE(rec.primaryGroupIndex(), 0);
        // A median beat has its own time axis and stays whole under a window; another group is cut.
        QCOMPARE(rec.groups[1].sampleCount(), expected == "median" ? qint64(120) : qint64(50));
    }

    void longDerivedGroupIsNotAMedian()
    {
        GroupSpec g;
        g.label = "";
        g.originality = "DERIVED";
        g.samples = 1000;   // 10 s of derived (e.g. filtered) rhythm
        g.channels = {lead("2:1", "Lead I")};
        g.value = [](int, Uint32 s) { return Sint16(s); };
        const Recording rec = DicomEcgReader().read(save({g}, "derived.dcm", UID_TwelveLeadECGWaveformStorage), plain());
        QCOMPARE(QString::fromStdString(rec.groups[0].label), QString("group 1"));
    }
};

QTEST_GUILESS_MAIN(TestDicomGroups)
#include "test_dicom_groups.moc"
