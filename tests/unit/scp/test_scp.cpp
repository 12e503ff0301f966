// SCP-ECG pieces with known answers: the CRC, the default Huffman table bit for bit, custom tables with table
// switches, difference decoding, bimodal expansion, the reference beat added back (parsescp's rounding); then the
// writer's round trip (exact samples, same bytes when written again) and bad files: CRCs, truncated Huffman data,
// lying section lengths, missing sections, non-SCP bytes, recordings SCP cannot hold.
#include "Corpus.h"
#include "RecordingQueries.h"
#include "SynthesizedCase.h"
#include "TestFiles.h"

#include "io/ReadError.h"
#include "io/scp/ScpFormat.h"
#include "io/scp/ScpHuffman.h"
#include "io/scp/ScpReader.h"
#include "io/scp/ScpSignalDecoder.h"
#include "io/scp/ScpWriter.h"
#include "synth/EcgSynthesizer.h"

#include <QtTest>

#include <cmath>

using namespace execg;
using namespace execg::scp;

namespace {

Recording synthetic()
{
    Recording r = test::synthesizedCase(7, "Haagse^Harry");
    r.metadata.patient.ageYears = 50.0;
    r.metadata.patient.heightCm = 180.0;
    r.metadata.patient.weightKg = 80.0;
    r.metadata.statements = {"Sinus rhythm", "Normal ECG"};
    r.metadata.device.manufacturer = "ExECG";
    r.groups.front().filters.notchHz = 50.0;
    // Samples on a 5 µV grid, as a cart's would be (the same arithmetic as the reader's, so that they read back
    // exactly); V6 starts late: a per-lead start the file must keep.
    for (auto& lead : r.groups.front().leads)
        for (auto& v : lead.samples)
            v = float(std::round(double(v) / 0.005) * (5000 * 1e-6));
    auto& v6 = r.groups.front().findLead("V6")->samples;
    for (int i = 0; i < 100; ++i)
        v6[std::size_t(i)] = kMissingSample;
    return r;
}

// The section `id`'s byte offset, through section 0's pointers (the writer fills all twelve).
std::size_t sectionOffset(const std::string& file, int id)
{
    const auto* p = reinterpret_cast<const std::uint8_t*>(file.data()) + 6 + 16 + 10 * std::size_t(id);
    return get32(p + 6) - 1;
}

template <typename F>
QString readError(F&& f)
{
    try {
        f();
    } catch (const ReadError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace

class ScpTest : public QObject {
    Q_OBJECT

private slots:
    void crc()
    {
        const std::string check = "123456789";
        QCOMPARE(crcCcitt(reinterpret_cast<const std::uint8_t*>(check.data()), check.size()), std::uint16_t(0x29B1));
    }

    void defaultTableBitForBit()
    {
        // 1 → 100, −1 → 101, 0 → 0, 8 → 1111111100, 9 → 1111111110 + 00001001, padded with zeros to whole bytes.
        const auto bytes = huffmanEncodeDefault({1, -1, 0, 8, 9});
        const std::vector<std::uint8_t> expected = {0x95, 0xFE, 0x7F, 0xC1, 0x20};
        QCOMPARE(bytes, expected);
        const std::vector<std::int32_t> values = {0, 1, -1, 2, -2, 7, -7, 8, -8, 9, -9, 127, -128, 128, -129, 32767, -32768, 0, 0};
        const auto decoded = huffmanDecode({defaultHuffmanTable()}, huffmanEncodeDefault(values).data(), huffmanEncodeDefault(values).size(), values.size());
        QCOMPARE(decoded.values, values);
        QVERIFY(!decoded.truncated);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, huffmanEncodeDefault({40000}));
    }

    void customTablesAndSwitches()
    {
        // Two tables of two one-bit codes: table 1 "0" → switch to table 2, "1" → 5; table 2 "0" → −1, "1" → switch to 1.
        std::vector<std::uint8_t> s2 = {2, 0};
        const auto code = [&](int mode, int base, int bits) {
            for (int v : {1, 1, mode, base & 0xFF, (base >> 8) & 0xFF, bits, 0, 0, 0})
                s2.push_back(std::uint8_t(v));
        };
        s2.push_back(2), s2.push_back(0), code(0, 2, 0), code(1, 5, 1);
        s2.push_back(2), s2.push_back(0), code(1, -1, 0), code(0, 1, 1);
        const auto tables = parseHuffmanTables(s2.data(), s2.size());
        QCOMPARE(int(tables.size()), 2);
        const std::uint8_t bits[] = {0b10011000};   // 1 | 0 → t2 | 0 | 1 → t1 | 1
        const auto d = huffmanDecode(tables, bits, 1, 3);
        QCOMPARE(d.values, (std::vector<std::int32_t>{5, -1, 5}));
        // A switch to a table that does not exist, and bits no code matches.
        std::vector<std::uint8_t> bad = {1, 0, 1, 0};
        for (int v : {1, 1, 0, 3, 0, 0, 0, 0, 0})
            bad.push_back(std::uint8_t(v));
        const auto one = parseHuffmanTables(bad.data(), bad.size());
        const std::uint8_t zeros[] = {0x00};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, huffmanDecode(one, zeros, 1, 1));
        const std::uint8_t ones[] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, huffmanDecode(one, ones, 5, 1));
        // A table count the section cannot hold.
        const std::uint8_t lying[] = {3, 0, 40, 0};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseHuffmanTables(lying, 4));
    }

    void differences()
    {
        // Second differences: the first two values as they are, then x[i] − 2x[i−1] + x[i−2].
        const std::vector<std::int32_t> x = {10, 12, 15, 15, 11};
        const auto bytes = huffmanEncodeDefault({10, 12, 1, -3, -4});
        QCOMPARE(decodeLead({defaultHuffmanTable()}, bytes, 5, 2).values, (std::vector<double>{10, 12, 15, 15, 11}));
        QCOMPARE(decodeLead({defaultHuffmanTable()}, huffmanEncodeDefault({10, 2, 3, 0, -4}), 5, 1).values,
                 (std::vector<double>{10, 12, 15, 15, 11}));
        // Plain 16-bit data, and data that end early.
        const std::vector<std::uint8_t> raw = {0x01, 0x00, 0xFF, 0xFF, 0x00, 0x80};
        const auto d = decodeLead({}, raw, 4, 0);
        QCOMPARE(d.values, (std::vector<double>{1, -1, -32768}));
        QVERIFY(d.truncated);
    }

    void bimodalExpansion()
    {
        // 12 samples, factor 4, samples 5–7 (1-based) protected: blocks 0–3 (centre 1.5), 7–10 (8.5), 11 (11).
        const auto out = expandBimodal({10, 20, 30, 40, 50, 60}, 12, 4, {{5, 7}});
        QCOMPARE(out.size(), std::size_t(12));
        QCOMPARE(out[0], 10.0);
        QCOMPARE(out[2], 12.0);   // 10 + 10 · (2 − 1.5) / (4 − 1.5)
        QCOMPARE(out[4], 20.0);
        QCOMPARE(out[6], 40.0);
        QCOMPARE(out[8], 48.0);   // 40 + 10 · (8 − 6) / (8.5 − 6)
        QCOMPARE(out[11], 60.0);
    }

    void referenceBeatAddedBack()
    {
        // Residual one unit at sample 2 (×4), smoothed with rounding away from zero; the zone (1-based 6–8, fiducial 7)
        // and the two samples after it keep the residual; the beat (fiducial 2) is added from its first sample.
        QrsSection qrs;
        qrs.fiducial = 2;
        qrs.zones = {{0, 6, 7, 8}};
        std::vector<std::string> warnings;
        const auto out = addReferenceBeat({0, 0, 1, 0, 0, 0, 0, 0, 0, 0}, 4.0, {100, 200, 300}, qrs, "I", warnings);
        QCOMPARE(out, (std::vector<double>{0, 2, 2, 2, 0, 100, 200, 300, 0, 0}));
        QVERIFY(warnings.empty());
        // A zone the beat cannot cover is skipped and named.
        qrs.zones = {{0, 6, 7, 9}};
        addReferenceBeat({0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 4.0, {100, 200, 300}, qrs, "V2", warnings);
        QCOMPARE(int(warnings.size()), 1);
        QVERIFY(warnings.front().find("lead V2") != std::string::npos);
    }

    void roundTrip()
    {
        const QString dir = test::scratchDir("scp_unit");
        Recording original = synthetic();
        // A median beat: 1.2 s of the rhythm, after V6's missing start (a median beat has no gaps to mark).
        SignalGroup median = original.groups.front();
        median.label = "median beats";
        for (auto& lead : median.leads)
            lead.samples = std::vector<float>(lead.samples.begin() + 200, lead.samples.begin() + 800);
        original.groups.push_back(median);
        for (const auto compression : {ScpCompression::None, ScpCompression::DefaultHuffman}) {
            const std::string path = (dir + "/a.scp").toStdString();
            const ScpWriteResult w = writeScpEcg(original, path, {-1, compression});
            QVERIFY(w.exact);
            QCOMPARE(w.differences, compression == ScpCompression::None ? 0 : 2);
            const Recording copy = ScpReader().read(path, {});
            QVERIFY2(copy.warnings.empty(), copy.warnings.empty() ? "" : copy.warnings.front().c_str());
            QCOMPARE(int(copy.groups.size()), 2);
            QCOMPARE(copy.groups[1].sampleCount(), std::int64_t(600));
            for (const auto& lead : copy.groups[1].leads)
                QVERIFY(lead.samples == original.groups[1].findLead(lead.name)->samples);
            const SignalGroup& a = original.groups.front();
            const SignalGroup& b = copy.groups.front();
            QCOMPARE(b.samplingRateHz, 500.0);
            QCOMPARE(b.sampleCount(), a.sampleCount());
            for (const auto& lead : a.leads) {
                const Lead* other = b.findLead(lead.name);
                QVERIFY(other);
                if (lead.provenance.derived)
                    continue;
                QVERIFY(!other->provenance.derived);
                for (std::size_t i = 0; i < lead.samples.size(); ++i)
                    QVERIFY(lead.samples[i] == other->samples[i] || (std::isnan(lead.samples[i]) && std::isnan(other->samples[i])));
            }
            QCOMPARE(copy.metadata.patient.name, std::string("Haagse^Harry"));
            QCOMPARE(copy.metadata.patient.birthDate, std::string("1951-05-02"));
            QCOMPARE(*copy.metadata.patient.ageYears, 50.0);
            QCOMPARE(*copy.metadata.patient.heightCm, 180.0);
            QCOMPARE(copy.metadata.acquisitionDateTime, original.metadata.acquisitionDateTime);
            QCOMPARE(copy.metadata.statements, original.metadata.statements);
            QCOMPARE(copy.metadata.device.manufacturer, std::string("ExECG"));
            QCOMPARE(*b.filters.highPassHz, 0.05);
            QCOMPARE(*b.filters.lowPassHz, 150.0);
            QCOMPARE(*b.filters.notchHz, 50.0);
            // Written again from what was read: the same bytes.
            const std::string again = (dir + "/b.scp").toStdString();
            writeScpEcg(copy, again, {-1, compression});
            QVERIFY(test::readFile(path) == test::readFile(again));
        }
        // Samples off any grid are rounded, and the result says so.
        Recording offGrid = original;
        offGrid.groups.front().leads.front().samples[5] += 3.3e-7f;   // a third of a nanovolt: off every step
        const ScpWriteResult rounded = writeScpEcg(offGrid, (dir + "/c.scp").toStdString(), {});
        QVERIFY(!rounded.exact);
        QVERIFY(!rounded.warnings.empty() && rounded.warnings.back().find("rounded") != std::string::npos);
        // Huffman with second differences is far smaller than 16-bit amplitudes.
        writeScpEcg(original, (dir + "/plain.scp").toStdString(), {-1, ScpCompression::None});
        writeScpEcg(original, (dir + "/huff.scp").toStdString(), {-1, ScpCompression::DefaultHuffman});
        QVERIFY(test::readFile((dir + "/huff.scp").toStdString()).size() * 2 < test::readFile((dir + "/plain.scp").toStdString()).size());
    }

    // A reference beat whose length is not a whole number of milliseconds at its rate: 432 samples at 625 Hz are
    // 691.2 ms, written 691, which is 431.9 samples; and the Welch Allyn case, 431 samples at 1667 µs in 718 ms
    // (430.7). Section 5 holds every sample, the last one not padding: all of them are read, for plain and Huffman
    // coding alike, without a warning.
    void referenceBeatLengthFromSection5()
    {
        const QString dir = test::scratchDir("scp_beat_length");
        for (const std::size_t n : {std::size_t(432), std::size_t(431)}) {
            Recording original = synthetic();
            SignalGroup median = original.groups.front();
            median.label = "median beats";
            median.samplingRateHz = 625.0;
            for (auto& lead : median.leads) {
                lead.samples = std::vector<float>(lead.samples.begin() + 200, lead.samples.begin() + 200 + std::ptrdiff_t(n));
                lead.samples.back() = 0.125f;   // the last sample is a value, not padding
            }
            original.groups.push_back(median);
            for (const auto compression : {ScpCompression::None, ScpCompression::DefaultHuffman}) {
                const std::string path = (dir + "/beat.scp").toStdString();
                QVERIFY(writeScpEcg(original, path, {0, compression}).exact);
                std::string bytes = test::readFile(path);
                const auto u16 = [&](std::size_t at) { return get16(reinterpret_cast<const std::uint8_t*>(bytes.data()) + at); };
                const std::size_t s4 = sectionOffset(bytes, 4), s5 = sectionOffset(bytes, 5);
                QCOMPARE(u16(s5 + 18), 1600u);   // µs per sample
                double rate = 625.0;
                if (n == 431) {   // as the Welch Allyn cart wrote it: 1667 µs, 718 ms; the CRCs made to match
                    const auto put16 = [&](std::size_t at, unsigned v) { bytes[at] = char(v & 0xFF), bytes[at + 1] = char(v >> 8); };
                    put16(s5 + 18, 1667);
                    put16(s4 + 16, 718);
                    for (const std::size_t s : {s4, s5})
                        put16(s, crcCcitt(reinterpret_cast<const std::uint8_t*>(bytes.data()) + s + 2, get32(reinterpret_cast<const std::uint8_t*>(bytes.data()) + s + 4) - 2));
                    put16(0, crcCcitt(reinterpret_cast<const std::uint8_t*>(bytes.data()) + 2, bytes.size() - 2));
                    test::writeFile(path, bytes);
                    rate = 1e6 / 1667;
                } else {
                    QCOMPARE(u16(s4 + 16), 691u);   // ms, as written
                }
                const Recording copy = ScpReader().read(path, {});
                QVERIFY2(copy.warnings.empty(), copy.warnings.empty() ? "" : copy.warnings.front().c_str());
                QCOMPARE(int(copy.groups.size()), 2);
                const SignalGroup& beat = copy.groups[1];
                QCOMPARE(beat.samplingRateHz, rate);
                QCOMPARE(beat.sampleCount(), std::int64_t(n));
                for (const auto& lead : beat.leads) {
                    if (lead.provenance.derived)
                        continue;
                    QCOMPARE(lead.samples.size(), n);
                    QVERIFY2(lead.samples == original.groups[1].findLead(lead.name)->samples, lead.name.c_str());
                }
            }
        }
    }

    void badFiles()
    {
        const QString dir = test::scratchDir("scp_bad");
        const std::string good = (dir + "/good.scp").toStdString();
        writeScpEcg(synthetic(), good, {});
        const std::string bytes = test::readFile(good);
        const std::string path = (dir + "/bad.scp").toStdString();
        const ScpReader reader;

        // A flipped bit in the rhythm data: both CRCs warn, the file is still read.
        std::string flipped = bytes;
        flipped[sectionOffset(bytes, 6) + 40] ^= 0x01;
        test::writeFile(path, flipped);
        const Recording r = reader.read(path, {});
        QCOMPARE(test::warningsContaining(r, "CRC mismatch"), 2);

        // The last lead's Huffman data cut short: that lead ends early and says so, the rest is missing (NaN).
        std::string cut = bytes;
        const std::size_t s6 = sectionOffset(bytes, 6);
        const std::size_t leads = std::uint8_t(bytes[sectionOffset(bytes, 3) + 16]);
        const std::size_t lastLength = s6 + 16 + 6 + 2 * (leads - 1);
        const unsigned n = get16(reinterpret_cast<const std::uint8_t*>(cut.data()) + lastLength);
        cut[lastLength] = char((n / 2) & 0xFF), cut[lastLength + 1] = char((n / 2) >> 8);
        test::writeFile(path, cut);
        const Recording shortLead = reader.read(path, {});
        bool named = false;
        for (const auto& w : shortLead.warnings)
            named = named || (w.find("end early") != std::string::npos && w.find("V6") != std::string::npos);
        QVERIFY(named);
        QVERIFY(std::isnan(shortLead.groups.front().findLead("V6")->samples.back()));
        QVERIFY(!std::isnan(shortLead.groups.front().findLead("V5")->samples.back()));

        // Section 3 states more leads than it holds; section 3 gone; not SCP at all; an empty file.
        std::string lying = bytes;
        lying[sectionOffset(bytes, 3) + 16] = char(200);
        test::writeFile(path, lying);
        QVERIFY(readError([&] { reader.read(path, {}); }).contains("section 3 states 200 leads and holds 12"));
        std::string noLeads = bytes;
        noLeads[sectionOffset(bytes, 3) + 2] = char(99);
        test::writeFile(path, noLeads);
        QVERIFY(readError([&] { reader.read(path, {}); }).contains("no section 3"));
        test::writeFile(path, std::string(200, 'x'));
        QVERIFY(readError([&] { reader.read(path, {}); }).contains("not an SCP-ECG file"));
        test::writeFile(path, bytes.substr(0, 10));
        QVERIFY(readError([&] { reader.read(path, {}); }).contains(QString::fromStdString(path)));
        // A broken reference beat (its amplitude multiplier 0): fatal when the rhythm is a residual that needs it; a
        // warning, and no median group, when it is only the median beat.
        const std::string beatFile = test::readFile(EXECG_SOURCE_DIR "/tests/fuzz/corpus/scp_reader/reference-beat.scp");
        QVERIFY(!beatFile.empty());
        std::string brokenBeat = beatFile;
        const std::size_t s5 = sectionOffset(beatFile, 5);
        brokenBeat[s5 + 16] = 0, brokenBeat[s5 + 17] = 0;
        test::writeFile(path, brokenBeat);
        QVERIFY(readError([&] { reader.read(path, {}); }).contains("section 5: amplitude value multiplier is 0 nV"));
        brokenBeat[sectionOffset(beatFile, 3) + 17] = 0x04;   // no reference-beat subtraction
        test::writeFile(path, brokenBeat);
        const Recording withoutBeat = reader.read(path, {});
        QCOMPARE(int(withoutBeat.groups.size()), 1);
        QVERIFY(test::hasWarning(withoutBeat, "reference beat (sections 4 and 5) was not read"));
        // Nothing of this touched the good file.
        QVERIFY(test::readFile(good) == bytes);
    }

    void whatScpCannotHold()
    {
        const QString dir = test::scratchDir("scp_refused");
        Recording r = synthetic();
        r.groups.front().samplingRateHz = 300.0;   // 3333.3 µs
        QVERIFY_THROWS_EXCEPTION(ScpWriteError, writeScpEcg(r, (dir + "/x.scp").toStdString(), {}));
        // 40 000 plain samples need 80 000 bytes a lead: more than the 16-bit byte count holds.
        synth::SynthParams p;
        p.samplingRateHz = 1000;
        p.seconds = 40;
        const Recording longer = synth::generateEcg(p).recording;
        try {
            writeScpEcg(longer, (dir + "/y.scp").toStdString(), {-1, ScpCompression::None});
            QFAIL("written");
        } catch (const ScpWriteError& e) {
            QVERIFY2(std::string(e.what()).find("at most 65535") != std::string::npos, e.what());
        }
        QVERIFY(!QFileInfo::exists(dir + "/y.scp"));
    }
};

QTEST_MAIN(ScpTest)
#include "test_scp.moc"
