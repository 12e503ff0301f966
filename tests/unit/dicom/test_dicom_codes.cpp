// Lead codes (PS3.16 CID 3001) and sample decoding (PS3.3 C.10.9.1.5, ITU-T G.711).
#include "io/dicom/DicomLeadCodes.h"
#include "io/dicom/DicomWaveformDecoder.h"

#include <QTest>
#include <cmath>

using namespace execg::dicom;

namespace {

// G.711 µ-law encoder written from the recommendation's segment table (bias 132, 8 segments),
// independent of the decoder under test: decode(encode(x)) must land in x's quantisation cell.
std::uint8_t muLawEncode(int pcm)
{
    const int sign = pcm < 0 ? 0x80 : 0x00;
    int magnitude = std::min(std::abs(pcm), 32635) + 132;
    int segment = 0;
    for (int limit = 0xFF; magnitude > limit && segment < 7; limit = (limit << 1) | 1)
        ++segment;
    const int mantissa = (magnitude >> (segment + 3)) & 0x0F;
    return static_cast<std::uint8_t>(~(sign | (segment << 4) | mantissa));
}

QString name(const std::string& scheme, const std::string& value)
{
    return QString::fromStdString(leadNameFromCode(scheme, value).value_or("?"));
}

} // namespace

class TestDicomCodes : public QObject {
    Q_OBJECT
private slots:
    void scpEcgCodes()
    {
        QCOMPARE(name("SCPECG", "5.6.3-9-1"), QString("I"));
        QCOMPARE(name("SCPECG", "5.6.3-9-2"), QString("II"));
        QCOMPARE(name("SCPECG", "5.6.3-9-61"), QString("III"));
        QCOMPARE(name("SCPECG", "5.6.3-9-62"), QString("aVR"));
        QCOMPARE(name("SCPECG", "5.6.3-9-63"), QString("aVL"));
        QCOMPARE(name("SCPECG", "5.6.3-9-64"), QString("aVF"));
        for (int v = 1; v <= 6; ++v)
            QCOMPARE(name("SCPECG", "5.6.3-9-" + std::to_string(v + 2)), QString("V%1").arg(v));
        QCOMPARE(name("SCPECG", "5.6.3-9-16"), QString("X"));
        QCOMPARE(name("SCPECG", "5.6.3-9-12"), QString("V4R"));
        QCOMPARE(name("SCPECG", "5.6.3-9-66"), QString("V8"));
        QCOMPARE(name("SCPECG", "5.6.3-9-32"), QString("II"));   // dII: derived twin of II
        QCOMPARE(name("SCPECG", "5.6.3-9-999"), QString("?"));
        QCOMPARE(name("SCPECG", "5.4.5-33-1"), QString("?"));
    }
    void mdcCodes()
    {
        QCOMPARE(name("MDC", "2:1"), QString("I"));
        QCOMPARE(name("MDC", "2:2"), QString("II"));
        QCOMPARE(name("MDC", "2:61"), QString("III"));
        QCOMPARE(name("MDC", "2:62"), QString("aVR"));
        QCOMPARE(name("MDC", "2:63"), QString("aVL"));
        QCOMPARE(name("MDC", "2:64"), QString("aVF"));
        for (int v = 1; v <= 6; ++v)
            QCOMPARE(name("MDC", "2:" + std::to_string(v + 2)), QString("V%1").arg(v));
        QCOMPARE(name("MDC", "131329"), QString("I"));      // MDC_ECG_ELEC_POTL_I = 2·65536 + 0x101
        QCOMPARE(name("MDC", "131330"), QString("II"));
        QCOMPARE(name("MDC", "131389"), QString("III"));    // 0x100 + 61
        QCOMPARE(name("MDC", "131075"), QString("V1"));     // MDC_ECG_LEAD_V1 = 2·65536 + 3
        QCOMPARE(name("MDC", "MDC_ECG_LEAD_AVF"), QString("aVF"));
        QCOMPARE(name("mdc", "2:5"), QString("V3"));
        QCOMPARE(name("MDC", "3:1"), QString("?"));         // another partition
        QCOMPARE(name("", "2:4"), QString("V2"));
        QCOMPARE(name("DCM", "109006"), QString("?"));
        QCOMPARE(leadNumberForName("aVF").value_or(-1), 64);
        QCOMPARE(leadNumberForName("V6").value_or(-1), 8);
        QVERIFY(!leadNumberForName("Pressure"));
    }
    void formats()
    {
        std::string why;
        QVERIFY(parseSampleFormat(16, "SS", why));
        QVERIFY(parseSampleFormat(8, "MB", why));
        QVERIFY(parseSampleFormat(64, "UV", why));
        QVERIFY(!parseSampleFormat(16, "SB", why));
        QVERIFY(why.find("requires Waveform Bits Allocated 8") != std::string::npos);
        QVERIFY(!parseSampleFormat(12, "XX", why));
        QVERIFY(why.find("XX") != std::string::npos);
    }
    void integerInterpretations()
    {
        const std::uint8_t b8[] = {0x9C};
        QCOMPARE(sampleValue(b8, {8, SampleInterpretation::SB}), -100.0);
        QCOMPARE(sampleValue(b8, {8, SampleInterpretation::UB}), 156.0);
        const std::uint8_t b16[] = {0x00, 0x80};
        QCOMPARE(sampleValue(b16, {16, SampleInterpretation::SS}), -32768.0);
        QCOMPARE(sampleValue(b16, {16, SampleInterpretation::US}), 32768.0);
        const std::uint8_t b32[] = {0x04, 0x00, 0x00, 0xC0};
        QCOMPARE(sampleValue(b32, {32, SampleInterpretation::SL}), -1073741820.0);
        QCOMPARE(sampleValue(b32, {32, SampleInterpretation::UL}), 3221225476.0);
        const std::uint8_t b64[] = {0, 0, 0, 0, 0, 0, 0, 0x80};
        QCOMPARE(sampleValue(b64, {64, SampleInterpretation::SV}), -9223372036854775808.0);
        QCOMPARE(sampleValue(b64, {64, SampleInterpretation::UV}), 9223372036854775808.0);
    }
    void g711()
    {
        QCOMPARE(muLawToLinear(0xFF), 0);
        QCOMPARE(muLawToLinear(0x7F), 0);
        QCOMPARE(muLawToLinear(0x00), -32124);
        QCOMPARE(muLawToLinear(0x80), 32124);
        QCOMPARE(aLawToLinear(0xD5), 8);      // smallest positive A-law step
        QCOMPARE(aLawToLinear(0x55), -8);
        QCOMPARE(aLawToLinear(0xAA), 32256);
        QCOMPARE(aLawToLinear(0x2A), -32256);
        for (int code = 0; code < 256; ++code) {
            if (code == 0x7F)
                continue;   // µ-law "negative zero" re-encodes as 0xFF
            const int pcm = muLawToLinear(static_cast<std::uint8_t>(code));
            QCOMPARE(int(muLawEncode(pcm)), code);
        }
    }
    void paddingAndTransform()
    {
        // Two channels, three frames of SS; channel 1 sample 2 is the padding code.
        const std::uint8_t data[] = {0x0A, 0x00, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0xF6, 0xFF, 0x01, 0x00};
        std::vector<std::vector<float>> out(2);
        decodeFrames(data, 3, {16, SampleInterpretation::SS}, {{2.0, 1.0}, {0.5, 0.0}}, 0x8000u, out);
        QCOMPARE(out[0][0], 21.0f);
        QCOMPARE(out[1][0], 0.0f);         // zero is a value, not padding
        QVERIFY(std::isnan(out[0][1]));
        QCOMPARE(out[0][2], -19.0f);
        QCOMPARE(out[1][2], 0.5f);
    }
};

QTEST_GUILESS_MAIN(TestDicomCodes)
#include "test_dicom_codes.moc"
