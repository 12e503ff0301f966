// Philips XLI and SierraECG XML made here: an LZW encoder and the inverse of the delta and limb-lead coding, written
// from the format's definition, round-trip known samples through the decoder and the reader; and every way the data
// can be wrong — a truncated chunk, a size beyond the data, a code the dictionary lacks, too few or too many samples,
// base64 errors, a lead given twice or missing — is a named error.
#include "Corpus.h"
#include "XmlEncodings.h"

#include "io/ReadError.h"
#include "io/philips/PhilipsXmlReader.h"
#include "io/philips/XliDecoder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <map>

using namespace execg;

namespace {

// LZW with 10-bit codes, most significant bit first, dictionary up to code 1022, 1023 to end.
std::vector<std::uint8_t> lzwEncode(const std::vector<std::uint8_t>& in)
{
    std::map<std::pair<unsigned, std::uint8_t>, unsigned> dict;   // (code of a string, next byte) → code of both
    unsigned next = 256;
    std::vector<std::uint8_t> out;
    std::uint32_t bits = 0;
    int nbits = 0;
    auto put = [&](unsigned code) {
        bits = bits << 10 | code;
        nbits += 10;
        while (nbits >= 8) {
            out.push_back(std::uint8_t(bits >> (nbits - 8)));
            nbits -= 8;
        }
        bits &= (1u << nbits) - 1;
    };
    int w = -1;   // the code of the string matched so far
    for (auto b : in) {
        if (w < 0) {
            w = b;
            continue;
        }
        const auto found = dict.find({unsigned(w), b});
        if (found != dict.end()) {
            w = int(found->second);
            continue;
        }
        put(unsigned(w));
        if (next < 1023)
            dict[{unsigned(w), b}] = next++;
        w = b;
    }
    if (w >= 0)
        put(unsigned(w));
    put(1023);
    if (nbits > 0)
        out.push_back(std::uint8_t(bits << (8 - nbits)));
    return out;
}

// One XLI chunk holding `x`: the inverse of the second-difference coding, high bytes then low bytes, LZW, header.
std::vector<std::uint8_t> xliChunk(const std::vector<std::int16_t>& x)
{
    const std::size_t n = x.size();
    std::vector<std::int16_t> v(n, 64);
    std::int16_t start = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (i < 2)
            v[i] = x[i];
        else if (i == 2)
            start = std::int16_t(2 * x[1] - x[0] - x[2]);
        else
            v[i - 1] = std::int16_t(2 * x[i - 1] - x[i - 2] - x[i] + 64);
    }
    std::vector<std::uint8_t> bytes(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        bytes[i] = std::uint8_t(std::uint16_t(v[i]) >> 8);
        bytes[n + i] = std::uint8_t(std::uint16_t(v[i]) & 0xFF);
    }
    const auto lzw = lzwEncode(bytes);
    const auto size = std::uint32_t(lzw.size());
    std::vector<std::uint8_t> out{std::uint8_t(size), std::uint8_t(size >> 8), std::uint8_t(size >> 16), std::uint8_t(size >> 24),
                                  1, 0, std::uint8_t(std::uint16_t(start)), std::uint8_t(std::uint16_t(start) >> 8)};
    out.insert(out.end(), lzw.begin(), lzw.end());
    return out;
}

std::string base64(const std::vector<std::uint8_t>& bytes)
{
    static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint32_t n = std::uint32_t(bytes[i]) << 16 | (i + 1 < bytes.size() ? std::uint32_t(bytes[i + 1]) << 8 : 0) |
                                (i + 2 < bytes.size() ? std::uint32_t(bytes[i + 2]) : 0);
        out += a[n >> 18 & 63];
        out += a[n >> 12 & 63];
        out += i + 1 < bytes.size() ? a[n >> 6 & 63] : '=';
        out += i + 2 < bytes.size() ? a[n & 63] : '=';
        if (i % 57 == 54)
            out += "\n";   // line breaks as the exports have them
    }
    return out;
}

// Lead k of the 12 in the test recordings: a few ramps and steps, with extremes and odd sums for the halving.
std::vector<std::int16_t> testLead(int k, std::size_t n)
{
    std::vector<std::int16_t> x(n);
    for (std::size_t i = 0; i < n; ++i)
        x[i] = std::int16_t((int(i % 17) - 8) * (k + 1) * 3 + (i % 5 == 0 ? -k : k) - 7);
    return x;
}

// The twelve leads as XLI stores them: III, aVR, aVL, aVF as residuals, then `extra` zero channels.
std::vector<std::uint8_t> xliTwelve(std::size_t n, int extra = 0)
{
    std::vector<std::vector<std::int16_t>> l;
    for (int k = 0; k < 12; ++k)
        l.push_back(testLead(k, n));
    for (std::size_t i = 0; i < n; ++i) {
        const int I = l[0][i], II = l[1][i], III = l[2][i], aVR = l[3][i], aVL = l[4][i], aVF = l[5][i];
        l[2][i] = std::int16_t(II - I - III);
        l[3][i] = std::int16_t(-aVR - ((I + II) >> 1));
        l[4][i] = std::int16_t(((I - III) >> 1) - aVL);
        l[5][i] = std::int16_t(((II + III) >> 1) - aVF);
    }
    for (int k = 0; k < extra; ++k)
        l.emplace_back(n, 0);
    std::vector<std::uint8_t> out;
    for (const auto& x : l) {
        const auto c = xliChunk(x);
        out.insert(out.end(), c.begin(), c.end());
    }
    return out;
}

std::string philips104(const std::string& data, const std::string& labels = "I II III aVR aVL aVF V1 V2 V3 V4 V5 V6",
                       int durationMs = 100, const std::string& compression = "XLI", const std::string& repbeats = "")
{
    // (moc takes a "//" inside a raw string for a comment: the namespace is an ordinary string.)
    return "<?xml version='1.0' encoding='UTF-8'?>\n<restingecgdata xmlns='http://www3.medical.philips.com'>" R"(<documentinfo><documenttype>PhilipsECG</documenttype>
<documentversion>1.04.02</documentversion></documentinfo>
<dataacquisition date="2021-07-04" time="09:30:00"><machine machineid="C1" detaildescription="Philips:1:B.01">PageWriter TC70</machine>
<acquirer><institutionname>Clinic</institutionname></acquirer><signalcharacteristics><samplingrate>500</samplingrate>
<resolution>5</resolution></signalcharacteristics></dataacquisition>
<patient><generalpatientdata><patientid>4711</patientid><name><lastname>Doe</lastname><firstname>Jo</firstname></name>
<age><years>63</years><dateofbirth>1958-02-03</dateofbirth></age><sex>Female</sex><height><cm>170</cm></height><weight><lb>150</lb></weight>
</generalpatientdata></patient>
<interpretations><interpretation><globalmeasurements><heartrate>72</heartrate><qtcb>Failed</qtcb></globalmeasurements>
<severity>- NORMAL ECG -</severity><statement><leftstatement>Sinus rhythm</leftstatement><rightstatement/></statement>
</interpretation></interpretations>
<waveforms>)" + std::string("<parsedwaveforms dataencoding='Base64' compression='") + compression +
           "' numberofleads='12' leadlabels='" + labels + "' durationperchannel='" + std::to_string(durationMs) +
           "' samplespersecond='500' resolution='5' signaloffset='0' hipass='0.05' lowpass='150' notchfiltered='True'"
           " notchfilterfreqs='50'>" + data + "</parsedwaveforms>" + repbeats +
           "</waveforms></restingecgdata>";
}

class Files {
public:
    std::string write(const std::string& content)
    {
        const std::string path = dir_.filePath(QString::number(++n_) + ".xml").toStdString();
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

private:
    QTemporaryDir dir_;
    int n_ = 0;
};

template <class F>
QString xliError(F&& f)
{
    try {
        f();
    } catch (const xli::XliError& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("no error");
}

} // namespace

class PhilipsTest : public QObject {
    Q_OBJECT

private slots:
    void lzwRoundTrips()
    {
        // Long runs (the KwKwK case), a full dictionary, and every byte value.
        std::vector<std::uint8_t> in(20000);
        for (std::size_t i = 0; i < in.size(); ++i)
            in[i] = i < 3000 ? 'a' : std::uint8_t((i * 7919u) >> (i % 3) ^ i / 97);
        const auto enc = lzwEncode(in);
        QCOMPARE(xli::lzwDecode(enc.data(), enc.size(), in.size()), in);
        const std::vector<std::uint8_t> aaa(7, 'a');   // codes 97, 256 (KwKwK), 257
        const auto e2 = lzwEncode(aaa);
        QCOMPARE(xli::lzwDecode(e2.data(), e2.size(), 7), aaa);
    }

    void samplesRoundTrip()
    {
        const std::vector<std::int16_t> a{100, -100, 0, 32767, -32768, 5, 5, 5, 7, -3, 1000, -1000};
        std::vector<std::int16_t> b(300);
        for (std::size_t i = 0; i < b.size(); ++i)
            b[i] = std::int16_t(int(i) * (i % 2 ? -37 : 41));
        auto data = xliChunk(a);
        auto cb = xliChunk(std::vector<std::int16_t>(b.begin(), b.begin() + 12));
        data.insert(data.end(), cb.begin(), cb.end());
        const auto out = xli::decode(data.data(), data.size(), 2, 12);
        QCOMPARE(int(out.size()), 2);
        for (std::size_t i = 0; i < 12; ++i) {
            QCOMPARE(out[0][i], std::int32_t(a[i]));
            QCOMPARE(out[1][i], std::int32_t(b[i]));
        }
    }

    void limbLeadsRoundDown()
    {
        std::vector<std::int32_t> I{-11, 3}, II{-54, 4}, III{0, 1}, aVR{0, -2}, aVL{0, 0}, aVF{0, 5};
        xli::restoreLimbLeads(I, II, III, aVR, aVL, aVF);
        QCOMPARE(III, (std::vector<std::int32_t>{-43, 0}));
        QCOMPARE(aVR, (std::vector<std::int32_t>{33, -1}));   // −⌊−65/2⌋ = 33
        QCOMPARE(aVL, (std::vector<std::int32_t>{16, 1}));
        QCOMPARE(aVF, (std::vector<std::int32_t>{-49, -3}));
    }

    void badStreamsAreNamed()
    {
        const auto chunk = xliChunk({1, 2, 3, 4, 5, 6});
        auto data = chunk;
        data.insert(data.end(), chunk.begin(), chunk.begin() + 5);
        QVERIFY(xliError([&] { xli::decode(data.data(), data.size(), 2, 6); }).contains("chunk header truncated: 5 bytes left where 8 are needed"));
        QVERIFY(xliError([&] { xli::decode(chunk.data(), chunk.size(), 2, 6); }).contains("missing: the XLI data end after 1 chunks"));
        auto big = chunk;
        big[1] = 0x10;   // size += 4096
        QVERIFY(xliError([&] { xli::decode(big.data(), big.size(), 1, 6); }).contains("beyond the"));
        QVERIFY(xliError([&] { xli::decode(chunk.data(), chunk.size(), 1, 5); }).contains("too many samples"));
        QVERIFY(xliError([&] { xli::decode(chunk.data(), chunk.size(), 1, 7); }).contains("too few samples: the LZW data give 12 bytes, 14 needed"));
        const std::vector<std::uint8_t> badCode{0x80, 0x00};   // code 512 while the dictionary holds 256
        QVERIFY(xliError([&] { xli::lzwDecode(badCode.data(), badCode.size(), 4, 3); }).contains("invalid LZW code 512 (the dictionary holds 256 entries)"));
        try {
            xli::decode(big.data(), big.size(), 1, 6);
        } catch (const xli::XliError& e) {
            QCOMPARE(e.chunk(), 0);
        }
    }

    void aPhilipsFileReadsExactly()
    {
        Files files;
        const std::size_t n = 50;
        const std::string path = files.write(philips104(base64(xliTwelve(n, 4))));
        const PhilipsXmlReader reader;
        static const char head[] = "\xFF\xFE<\0r\0e\0s\0t\0i\0n\0g\0e\0c\0g\0d\0a\0t\0a\0";
        QVERIFY(reader.sniff(path, std::vector<std::uint8_t>(head, head + sizeof head - 1)) >= 90);   // UTF-16 too
        QCOMPARE(reader.sniff(path, std::vector<std::uint8_t>{'<', 'R', 'e', 's', 't'}), 0);
        const Recording r = reader.read(path, {});
        QCOMPARE(int(r.groups.size()), 1);
        const SignalGroup& g = r.groups[0];
        QCOMPARE(g.samplingRateHz, 500.0);
        QCOMPARE(int(g.leads.size()), 12);   // not the four zero channels after them
        for (int k = 0; k < 12; ++k) {
            const auto x = testLead(k, n);
            QCOMPARE(g.leads[std::size_t(k)].samples.size(), n);
            for (std::size_t i = 0; i < n; ++i)
                QVERIFY2(g.leads[std::size_t(k)].samples[i] == float(double(x[i]) * 5.0 * 1e-3), qPrintable(QString::fromStdString(g.leads[std::size_t(k)].name)));
        }
        QCOMPARE(QString::fromStdString(g.leads[3].name), QStringLiteral("aVR"));
        QCOMPARE(*g.filters.notchHz, 50.0);
        const auto& m = r.metadata;
        QCOMPARE(QString::fromStdString(m.patient.name), QStringLiteral("Doe^Jo"));
        QCOMPARE(QString::fromStdString(m.patient.sex), QStringLiteral("F"));
        QCOMPARE(*m.patient.ageYears, 63.0);
        QCOMPARE(*m.patient.heightCm, 170.0);
        QVERIFY(std::abs(*m.patient.weightKg - 68.04) < 0.01);
        QCOMPARE(QString::fromStdString(m.device.model), QStringLiteral("PageWriter TC70"));
        QCOMPARE(int(m.measurements.size()), 1);   // QTc "Failed" is none
        QCOMPARE(QString::fromStdString(m.statements.back()), QStringLiteral("NORMAL ECG"));
    }

    void plainBase64AndRepresentativeBeats()
    {
        Files files;
        std::vector<std::uint8_t> plain;
        for (std::int16_t s : {10, -20, 30, 40, 1, 2, 3, 4}) {
            plain.push_back(std::uint8_t(std::uint16_t(s)));
            plain.push_back(std::uint8_t(std::uint16_t(s) >> 8));
        }
        const std::string beats = R"(<repbeats dataencoding="Base64" samplespersec="1000" resolution="2.5">
<repbeat leadname="I"><waveform duration="4">)" + base64({1, 0, 2, 0, 0xFF, 0x7F, 0xFF, 0x7F}) + R"(</waveform></repbeat>
<repbeat leadname="II" duration="4">)" + base64({3, 0, 0xFF, 0x7F, 4, 0, 0xFF, 0x7F}) + "</repbeat></repbeats>";
        const Recording r = PhilipsXmlReader().read(files.write(philips104(base64(plain), "I II", 8, "None", beats)), {});
        QCOMPARE(QString::fromStdString(r.groups[0].leads[1].provenance.storedFormat), QStringLiteral("Philips base64 int16"));
        QCOMPARE(r.groups[0].findLead("II")->samples[3], float(4 * 5e-3));
        QCOMPARE(int(r.groups[0].leads.size()), 6);   // III, aVR, aVL, aVF derived from I and II
        const SignalGroup& m = r.groups[1];
        QCOMPARE(QString::fromStdString(m.label), QStringLiteral("median beats"));
        QCOMPARE(m.sampleCount(), std::int64_t(3));   // the padding all leads end with is cut
        QCOMPARE(m.findLead("II")->samples[2], float(4 * 2.5e-3));
        QVERIFY(std::isnan(m.findLead("II")->samples[1]));   // a 0x7FFF inside is a gap
    }

    // PageWriter exports passed through other tools are declared UTF-16 while their bytes are ASCII: they read as
    // the plain export does, with one warning naming both encodings; real UTF-16, with or without a byte-order mark,
    // reads without one.
    void declaredEncodingsThatLie()
    {
        test::checkEncodings(PhilipsXmlReader(), philips104(base64(xliTwelve(50, 4))), test::scratchDir(QStringLiteral("philips_encodings")));
        Files files;
        const Recording r = PhilipsXmlReader().read(files.write(test::withDeclaredEncoding(philips104(base64(xliTwelve(50))), "utf-16")), {});
        QCOMPARE(int(r.warnings.size()), 1);
        QCOMPARE(QString::fromStdString(r.warnings[0]), QStringLiteral("the XML declaration says encoding=\"utf-16\" but the bytes are UTF-8 "
                                                                        "(no byte-order mark, no NUL bytes); read as UTF-8"));
        QCOMPARE(r.groups[0].leads[11].samples[49], float(double(testLead(11, 50)[49]) * 5.0 * 1e-3));
    }

    void badFilesAreNamed_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("words");
        const std::string ok = base64(xliTwelve(50));
        auto row = [](const char* name, const std::string& content, const char* words) {
            QTest::newRow(name) << QString::fromStdString(content) << QString::fromUtf8(words);
        };
        row("base64 error", philips104("AAA*AAAA"), "base64: invalid character at position 3");
        row("given twice", philips104(ok, "I II III aVR aVL aVF V1 V2 V3 V4 V5 V5"), "lead V5 is given twice");
        std::vector<std::uint8_t> six;
        for (int k = 0; k < 6; ++k) {
            const auto c = xliChunk(testLead(k, 50));
            six.insert(six.end(), c.begin(), c.end());
        }
        row("missing leads", philips104(base64(six)), "lead V1 (XLI chunk 7): missing: the XLI data end after 6 chunks");
        row("too few samples", philips104(ok, "I II III aVR aVL aVF V1 V2 V3 V4 V5 V6", 102), "lead I (XLI chunk 1): too few samples");
        row("too many samples", philips104(ok, "I II III aVR aVL aVF V1 V2 V3 V4 V5 V6", 98), "too many samples");
        row("short plain data", philips104(base64({1, 0, 2, 0}), "I II", 100, "None"), "2 samples of data for 2 leads of 50");
        row("unknown compression", philips104(ok, "I", 100, "ZIP"), "compression \"ZIP\"");
        row("limb leads alone", philips104(base64(xliTwelve(50)), "III aVR"), "need all of I, II, III, aVR, aVL and aVF");
        row("wrong root", "<?xml version=\"1.0\"?><RestingECG/>", "root element is <RestingECG>");
        row("no waveforms", philips104("").substr(0, philips104("").find("<waveforms>")) + "</restingecgdata>", "without parsed waveforms");
        row("beat counts differ", philips104(ok, "I II III aVR aVL aVF V1 V2 V3 V4 V5 V6", 100, "XLI",
            "<repbeats samplespersec=\"1000\" resolution=\"1\"><repbeat leadname=\"I\" duration=\"2\">AQACAA==</repbeat>"
            "<repbeat leadname=\"II\" duration=\"1\">AQA=</repbeat></repbeats>"), "1 samples where the other leads have 2");
    }

    void badFilesAreNamed()
    {
        QFETCH(QString, content);
        QFETCH(QString, words);
        Files files;
        const std::string path = files.write(content.toStdString());
        try {
            PhilipsXmlReader().read(path, {});
            QFAIL("no error");
        } catch (const ReadError& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(words), e.what());
            QVERIFY(std::string(e.what()).rfind(path, 0) == 0);
        }
    }
};

QTEST_APPLESS_MAIN(PhilipsTest)
#include "test_philips.moc"
