// EDF and EDF+ on files made here: the writer's output read back exactly (and written again byte for byte), EDF+
// patient fields and annotations, discontinuous records placed at their times, a time window, and files that lie.
#include "Corpus.h"
#include "SynthesizedCase.h"
#include "TestFiles.h"

#include "io/ReadError.h"
#include "io/ReaderRegistry.h"
#include "io/edf/EdfAnnotations.h"
#include "io/edf/EdfHeader.h"
#include "io/edf/EdfReader.h"
#include "io/edf/EdfWriter.h"

#include <QtTest>

#include <cmath>

using namespace execg;

namespace {

Recording synthetic()
{
    Recording r = test::synthesizedCase(12, "Haagse Harry");
    Annotation a;
    a.group = 0;
    a.timeSeconds = 2.5;
    a.code = "N";
    a.text = "normal beat";
    r.metadata.annotations.push_back(a);
    return r;
}

// An EDF+ header and records made by hand: one 2-sample "ECG I" signal and the annotation signal.
std::string handMade(const std::string& reserved, const std::vector<double>& onsets, std::int64_t announcedRecords)
{
    edf::Header h;
    h.version = "0";
    h.patient = "X X X X";
    h.recording = "Startdate X X X X";
    h.startDate = "01.01.20";
    h.startTime = "00.00.00";
    h.reserved = reserved;
    h.records = announcedRecords;
    h.recordSeconds = 1;
    edf::SignalHeader ecg;
    ecg.label = "ECG I";
    ecg.physicalDimension = "uV";
    ecg.physicalMin = -32768;
    ecg.physicalMax = 32767;
    ecg.digitalMin = -32768;
    ecg.digitalMax = 32767;
    ecg.samplesPerRecord = 2;
    edf::SignalHeader ann = ecg;
    ann.label = "EDF Annotations";
    ann.physicalDimension = "";
    ann.samplesPerRecord = 16;
    h.channels = {ecg, ann};
    std::string bytes = edf::formatHeader(h);
    for (std::size_t r = 0; r < onsets.size(); ++r) {
        for (int j = 0; j < 2; ++j) {
            const auto v = std::int16_t(1000 * (int(r) + 1) + j);   // 1.000 mV, 1.001 mV, 2.000 mV …
            bytes += char(std::uint16_t(v) & 0xFF);
            bytes += char(std::uint16_t(v) >> 8);
        }
        const auto tal = edf::formatAnnotationRecord(onsets[r], {}, 32);
        bytes.append(tal.begin(), tal.end());
    }
    return bytes;
}

} // namespace

class EdfTest : public QObject {
    Q_OBJECT

private slots:
    void writerOutputReadsBackExactly()
    {
        const QString dir = test::scratchDir(QStringLiteral("edf_roundtrip"));
        const std::string path = (dir + "/case.edf").toStdString();
        const Recording original = synthetic();
        const auto written = writeEdfPlus(original, path);
        QCOMPARE(written.recordSeconds, 1.0);
        QCOMPARE(written.records, std::int64_t(10));

        const Recording back = ReaderRegistry::instance().read(path);
        QCOMPARE(QString::fromStdString(back.formatName), QStringLiteral("EDF+"));
        const SignalGroup& a = original.groups.front();
        const SignalGroup& b = back.groups.front();
        QCOMPARE(b.samplingRateHz, 500.0);
        QCOMPARE(b.sampleCount(), a.sampleCount());
        for (const auto& lead : a.leads) {
            const Lead* l = b.findLead(lead.name);
            QVERIFY2(l, lead.name.c_str());
            QCOMPARE(l->provenance.derived, lead.provenance.derived);
            QCOMPARE(QString::fromStdString(l->provenance.storedLabel), lead.provenance.derived ? QString() : QString::fromStdString("ECG " + lead.name));
            for (std::size_t i = 0; i < lead.samples.size(); ++i)
                QVERIFY2(std::abs(l->samples[i] - lead.samples[i]) <= 0.0005f + 1e-6f,   // half of the 1 µV step
                         qPrintable(QStringLiteral("%1[%2]").arg(QString::fromStdString(lead.name)).arg(i)));
        }
        // The patient and recording fields in EDF+ form, the filters, the annotation.
        QCOMPARE(QString::fromStdString(back.metadata.patient.id), QStringLiteral("MCH-0234567"));
        QCOMPARE(QString::fromStdString(back.metadata.patient.name), QStringLiteral("Haagse Harry"));
        QCOMPARE(QString::fromStdString(back.metadata.patient.sex), QStringLiteral("M"));
        QCOMPARE(QString::fromStdString(back.metadata.patient.birthDate), QStringLiteral("1951-05-02"));
        QCOMPARE(QString::fromStdString(back.metadata.acquisitionDateTime), QStringLiteral("2002-03-02T10:12:30"));
        QCOMPARE(*b.filters.highPassHz, 0.05);
        QCOMPARE(*b.filters.lowPassHz, 150.0);
        // The generator's beat labels and the one added here, each at its time.
        QCOMPARE(back.metadata.annotations.size(), original.metadata.annotations.size());
        const auto added = std::find_if(back.metadata.annotations.begin(), back.metadata.annotations.end(),
                                        [](const Annotation& note) { return note.code == "N normal beat"; });
        QVERIFY(added != back.metadata.annotations.end());
        QCOMPARE(added->timeSeconds, 2.5);

        // Exact: what was read, written again, gives the same bytes.
        const std::string again = (dir + "/again.edf").toStdString();
        writeEdfPlus(back, again);
        QVERIFY(test::readFile(again) == test::readFile(path));
    }

    void largeValuesTakeACoarserStep()
    {
        const QString dir = test::scratchDir(QStringLiteral("edf_range"));
        Recording r = synthetic();
        r.groups.front().leads.front().samples[100] = 80.0f;   // 80 mV: beyond ±32.767 mV at 1 µV
        const std::string path = (dir + "/range.edf").toStdString();
        const auto written = writeEdfPlus(r, path);
        QCOMPARE(written.microvoltsPerUnit.front(), 5.0);
        const Recording back = ReaderRegistry::instance().read(path);
        QCOMPARE(back.groups.front().leads.front().samples[100], 80.0f);
    }

    void discontinuousRecordsStayAtTheirTimes()
    {
        const QString dir = test::scratchDir(QStringLiteral("edf_discontinuous"));
        const std::string path = (dir + "/gaps.edf").toStdString();
        test::writeFile(path, handMade("EDF+D", {0.0, 3.0}, 2));
        const Recording r = EdfReader().read(path, {});
        const auto& s = r.groups.front().leads.front().samples;   // 2 Hz: 0–1 s, a gap, 3–4 s
        QCOMPARE(int(s.size()), 8);
        QCOMPARE(s[0], 1.0f);
        QCOMPARE(s[1], 1.001f);
        QVERIFY(std::isnan(s[2]) && std::isnan(s[5]));
        QCOMPARE(s[6], 2.0f);
        QVERIFY(std::any_of(r.warnings.begin(), r.warnings.end(), [](const std::string& w) { return w.find("EDF+D") != std::string::npos; }));
        // Records without their time-keeping annotation are placed in turn and reported once, not once each.
        std::string untimed = handMade("EDF+C", {0.0, 1.0, 2.0}, 3);
        const std::size_t record = 2 * 2 + 32, data = untimed.size() - 3 * record;
        for (int k = 0; k < 3; ++k)
            std::fill_n(untimed.begin() + std::ptrdiff_t(data + std::size_t(k) * record + 4), 32, '\0');
        test::writeFile(path, untimed);
        const Recording u = EdfReader().read(path, {});
        QCOMPARE(u.groups.front().sampleCount(), std::int64_t(6));
        QCOMPARE(int(std::count_if(u.warnings.begin(), u.warnings.end(), [](const std::string& w) {
                     return w.find("time-keeping") != std::string::npos;
                 })), 1);
        QVERIFY(std::any_of(u.warnings.begin(), u.warnings.end(), [](const std::string& w) {
            return w.rfind("3 EDF+ data record(s) have no time-keeping annotation (the first: record 1)", 0) == 0;
        }));
        // Records that overlap are a lie, named as such.
        test::writeFile(path, handMade("EDF+D", {0.0, 0.5}, 2));
        QVERIFY_THROWS_EXCEPTION(ReadError, EdfReader().read(path, {}));
    }

    void aTimeWindowReadsItsSamples()
    {
        const QString dir = test::scratchDir(QStringLiteral("edf_window"));
        const std::string path = (dir + "/case.edf").toStdString();
        const Recording original = synthetic();
        writeEdfPlus(original, path);
        ReadOptions o;
        o.fromSeconds = 2.0;
        o.toSeconds = 3.5;
        const Recording part = ReaderRegistry::instance().read(path, o);
        const auto& g = part.groups.front();
        QCOMPARE(g.firstSample, std::int64_t(1000));
        QCOMPARE(g.sampleCount(), std::int64_t(750));
        QVERIFY(std::abs(g.findLead("V2")->samples[10] - original.groups.front().findLead("V2")->samples[1010]) <= 0.0005f);
    }

    void truncatedAndLyingFilesAreNamed()
    {
        const QString dir = test::scratchDir(QStringLiteral("edf_bad"));
        const std::string path = (dir + "/bad.edf").toStdString();
        // Three records announced, two and a half written: two are read, with a warning.
        std::string bytes = handMade("EDF+C", {0.0, 1.0, 2.0}, 3);
        bytes.resize(bytes.size() - 20);
        test::writeFile(path, bytes);
        const Recording r = EdfReader().read(path, {});
        QCOMPARE(r.groups.front().sampleCount(), std::int64_t(4));
        QVERIFY(r.warnings.front().find("truncated") != std::string::npos);

        const auto expectError = [&](std::string content, const char* words) {
            test::writeFile(path, content);
            try {
                EdfReader().read(path, {});
                QFAIL(qPrintable(QStringLiteral("no error for ") + words));
            } catch (const ReadError& e) {
                QVERIFY2(std::string(e.what()).find(words) != std::string::npos, e.what());
                QVERIFY(std::string(e.what()).find(path) != std::string::npos);
            }
        };
        std::string good = handMade("EDF+C", {0.0}, 1);
        expectError(good.substr(0, 100), "truncated EDF header");
        std::string lying = good;
        lying.replace(184, 8, "9999    ");
        expectError(lying, "header size");
        lying = good;
        lying.replace(256 + 2 * 16 + 2 * 80 + 2 * 8, 8, "abc     ");   // physical minimum of signal 1
        expectError(lying, "physical minimum of signal 1");
        lying = good;
        lying.replace(256 + 2 * 16 + 2 * 80 + 2 * 8 + 2 * 8 * 2, 8, "40000   ");   // digital minimum out of 16 bits
        expectError(lying, "digital range");
        expectError(std::string("\xFF" "BIOSEMI") + good.substr(8), "BDF");
    }

    void annotationListsParse()
    {
        // Appended, not added: GCC 12 takes the sum of two temporary strings for an overflow (-Warray-bounds).
        std::string tals("+0\x14\x14\0", 5);
        tals.append("+1.5\x15" "0.25\x14" "Lights off\x14" "Arousal\x14\0", 30);
        tals.append("bad\x14x\x14\0", 7);
        const auto r = edf::parseAnnotationRecord(std::vector<std::uint8_t>(tals.begin(), tals.end()));
        QCOMPARE(*r.recordStart, 0.0);
        QCOMPARE(int(r.events.size()), 2);
        QCOMPARE(r.events[0].onset, 1.5);
        QCOMPARE(r.events[0].duration, 0.25);
        QCOMPARE(QString::fromStdString(r.events[1].text), QStringLiteral("Arousal"));
        QCOMPARE(int(r.warnings.size()), 1);
    }
};

QTEST_APPLESS_MAIN(EdfTest)
#include "test_edf.moc"
