// Inputs the DICOM reader must refuse with a clear ReadError, plus encodings built here with DCMTK
// (big endian, implicit VR, 8-bit odd length, padding) that must decode exactly.
#include "Corpus.h"
#include "io/ReadError.h"
#include "io/dicom/DicomEcgReader.h"
#include "io/dicom/DicomEcgWriter.h"

#include <dcmtk/dcmdata/dctk.h>

#include <QFile>
#include <QTest>
#include <cmath>
#include <random>

using namespace execg;

namespace {

QString readError(const std::string& path)
{
    try {
        DicomEcgReader().read(path, ReadOptions{});
    } catch (const ReadError& e) {
        return QString::fromStdString(e.problem());
    } catch (const std::exception& e) {
        return "WRONG EXCEPTION TYPE: " + QString::fromStdString(e.what());
    }
    return "NO ERROR";
}

void writeBytes(const std::string& path, const QByteArray& bytes)
{
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// A minimal General ECG object with one multiplex group, built attribute by attribute.
void buildWaveform(DcmDataset& ds, Uint16 channels, Uint32 samples, Uint16 bits, const char* interp,
                   const std::vector<Uint8>& dataBytes, const std::vector<Uint8>& padding = {})
{
    ds.putAndInsertString(DCM_SOPClassUID, UID_GeneralECGWaveformStorage);
    ds.putAndInsertString(DCM_SOPInstanceUID, "1.2.3.4.5.6.7");
    ds.putAndInsertString(DCM_Modality, "ECG");
    DcmItem* mux = nullptr;
    ds.findOrCreateSequenceItem(DCM_WaveformSequence, mux, 0);
    mux->putAndInsertUint16(DCM_NumberOfWaveformChannels, channels);
    mux->putAndInsertUint32(DCM_NumberOfWaveformSamples, samples);
    mux->putAndInsertString(DCM_SamplingFrequency, "250");
    mux->putAndInsertString(DCM_MultiplexGroupLabel, "RHYTHM");
    mux->putAndInsertString(DCM_WaveformOriginality, "ORIGINAL");
    mux->putAndInsertUint16(DCM_WaveformBitsAllocated, bits);
    mux->putAndInsertString(DCM_WaveformSampleInterpretation, interp);
    for (Uint16 c = 0; c < channels; ++c) {
        DcmItem* ch = nullptr;
        mux->findOrCreateSequenceItem(DCM_ChannelDefinitionSequence, ch, c);
        DcmItem* code = nullptr;
        ch->findOrCreateSequenceItem(DCM_ChannelSourceSequence, code, 0);
        code->putAndInsertString(DCM_CodeValue, c == 0 ? "2:1" : "2:2");
        code->putAndInsertString(DCM_CodingSchemeDesignator, "MDC");
        code->putAndInsertString(DCM_CodeMeaning, c == 0 ? "Lead I" : "Lead II");
        ch->putAndInsertString(DCM_ChannelSensitivity, "2.5");
        DcmItem* unit = nullptr;
        ch->findOrCreateSequenceItem(DCM_ChannelSensitivityUnitsSequence, unit, 0);
        unit->putAndInsertString(DCM_CodeValue, "uV");
        unit->putAndInsertString(DCM_CodingSchemeDesignator, "UCUM");
        unit->putAndInsertString(DCM_CodeMeaning, "microvolt");
        ch->putAndInsertString(DCM_ChannelSensitivityCorrectionFactor, "1");
        ch->putAndInsertString(DCM_ChannelBaseline, "0");
        ch->putAndInsertString(DCM_ChannelSampleSkew, "0");
        ch->putAndInsertUint16(DCM_WaveformBitsStored, bits);
    }
    const DcmEVR vr = bits == 8 ? EVR_OB : EVR_OW;
    auto put = [&](const DcmTagKey& key, std::vector<Uint8> bytes) {
        if (bytes.size() % 2)
            bytes.push_back(0);   // PS3.5: values are padded to even length
        auto* e = new DcmOtherByteOtherWord(DcmTag(key, vr));
        if (vr == EVR_OB) {
            e->putUint8Array(bytes.data(), static_cast<unsigned long>(bytes.size()));
        } else {
            std::vector<Uint16> words(bytes.size() / 2);
            for (size_t i = 0; i < words.size(); ++i)
                words[i] = static_cast<Uint16>(bytes[2 * i] | (bytes[2 * i + 1] << 8));
            e->putUint16Array(words.data(), static_cast<unsigned long>(words.size()));
        }
        mux->insert(e, true);
    };
    put(DCM_WaveformData, dataBytes);
    if (!padding.empty())
        put(DCM_WaveformPaddingValue, padding);
}

std::string save(DcmFileFormat& file, const QString& dir, const char* name, E_TransferSyntax ts = EXS_LittleEndianExplicit)
{
    const std::string path = (dir + "/" + name).toStdString();
    const OFCondition c = file.saveFile(path.c_str(), ts);
    if (c.bad())
        qFatal("cannot save %s: %s", path.c_str(), c.text());
    return path;
}

} // namespace

class TestDicomBadInput : public QObject {
    Q_OBJECT
private slots:
    void imageObjectIsNotAnEcg()
    {
        const QString dir = test::scratchDir("dicom-bad-image");
        DcmFileFormat file;
        DcmDataset& ds = *file.getDataset();
        ds.putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
        ds.putAndInsertString(DCM_SOPInstanceUID, "1.2.3.4.5.6.8");
        ds.putAndInsertString(DCM_Modality, "CT");
        ds.putAndInsertUint16(DCM_Rows, 4);
        ds.putAndInsertUint16(DCM_Columns, 4);
        ds.putAndInsertUint16(DCM_BitsAllocated, 16);
        ds.putAndInsertUint16(DCM_BitsStored, 16);
        ds.putAndInsertUint16(DCM_HighBit, 15);
        ds.putAndInsertUint16(DCM_PixelRepresentation, 0);
        ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
        ds.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        const Uint16 pixels[16] = {};
        ds.putAndInsertUint16Array(DCM_PixelData, pixels, 16);
        const std::string path = save(file, dir, "image.dcm");
        const QString problem = readError(path);
        QVERIFY2(problem.startsWith("not an ECG waveform object (SOP class 1.2.840.10008.5.1.4.1.1.2"), qPrintable(problem));
    }

    void truncatedWaveformData()
    {
        // The header claims 1000 samples × 2 channels; the data holds 100 frames.
        const QString dir = test::scratchDir("dicom-bad-truncated");
        DcmFileFormat file;
        buildWaveform(*file.getDataset(), 2, 1000, 16, "SS", std::vector<Uint8>(400, 1));
        const QString problem = readError(save(file, dir, "short.dcm"));
        QVERIFY2(problem.contains("truncated Waveform Data") && problem.contains("need 4000 bytes") &&
                     problem.contains("holds 400"),
                 qPrintable(problem));
    }

    void truncatedFile()
    {
        const QString dir = test::scratchDir("dicom-bad-cut");
        DcmFileFormat file;
        buildWaveform(*file.getDataset(), 2, 5000, 16, "SS", std::vector<Uint8>(20000, 3));
        const std::string path = save(file, dir, "whole.dcm");
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const std::string cut = (dir + "/cut.dcm").toStdString();
        writeBytes(cut, bytes.left(bytes.size() / 2));
        const QString problem = readError(cut);
        QVERIFY2(problem.startsWith("truncated"), qPrintable(problem));
    }

    void unknownTransferSyntaxIsNamed()
    {
        // Same-length stand-in for a transfer syntax DCMTK cannot decode, patched into the meta header.
        const QString dir = test::scratchDir("dicom-bad-ts");
        DcmFileFormat file;
        buildWaveform(*file.getDataset(), 1, 10, 16, "SS", std::vector<Uint8>(20, 0));
        const std::string path = save(file, dir, "ts.dcm");
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        const QByteArray explicitLe("1.2.840.10008.1.2.1\0", 20);
        const int at = bytes.indexOf(explicitLe);
        QVERIFY(at > 132);
        bytes.replace(at, 20, QByteArray("1.2.840.10008.1.2.9\0", 20));
        const std::string patched = (dir + "/patched.dcm").toStdString();
        writeBytes(patched, bytes);
        const QString problem = readError(patched);
        QVERIFY2(problem.startsWith("cannot decode transfer syntax 1.2.840.10008.1.2.9"), qPrintable(problem));
    }

    void emptyRandomAndText()
    {
        const QString dir = test::scratchDir("dicom-bad-misc");
        const std::string empty = (dir + "/empty.dcm").toStdString();
        writeBytes(empty, {});
        QCOMPARE(readError(empty), QString("file is empty"));

        std::mt19937 rng(1234);
        QByteArray noise(4096, 0);
        for (auto& b : noise)
            b = static_cast<char>(rng() & 0xFF);
        const std::string random = (dir + "/random.dcm").toStdString();
        writeBytes(random, noise);
        QVERIFY2(readError(random).startsWith("not a DICOM file"), qPrintable(readError(random)));

        const std::string text = (dir + "/notes.dcm").toStdString();
        writeBytes(text, "This is a text file that merely ends in .dcm\n");
        QVERIFY2(readError(text).startsWith("not a DICOM file"), qPrintable(readError(text)));

        QByteArray fake(128, 0);
        fake += "DICM";
        fake += QByteArray(200, '\x7f');
        const std::string preamble = (dir + "/preamble.dcm").toStdString();
        writeBytes(preamble, fake);
        QVERIFY(readError(preamble) != "NO ERROR" && !readError(preamble).startsWith("WRONG"));

        QVERIFY(readError((dir + "/missing.dcm").toStdString()).contains("not found"));
    }

    void inconsistentHeaders()
    {
        const QString dir = test::scratchDir("dicom-bad-headers");
        {
            DcmFileFormat file;
            buildWaveform(*file.getDataset(), 2, 10, 16, "SB", std::vector<Uint8>(40, 0));
            QVERIFY(readError(save(file, dir, "mismatch.dcm")).contains("requires Waveform Bits Allocated 8"));
        }
        {
            DcmFileFormat file;
            buildWaveform(*file.getDataset(), 2, 10, 16, "SS", std::vector<Uint8>(40, 0));
            DcmItem* mux = nullptr;
            file.getDataset()->findAndGetSequenceItem(DCM_WaveformSequence, mux, 0);
            mux->putAndInsertUint16(DCM_NumberOfWaveformChannels, 3);
            QVERIFY(readError(save(file, dir, "channels.dcm")).contains("Channel Definition Sequence has 2 items"));
        }
        {
            DcmFileFormat file;
            buildWaveform(*file.getDataset(), 1, 10, 16, "SS", std::vector<Uint8>(20, 0));
            DcmItem* mux = nullptr;
            file.getDataset()->findAndGetSequenceItem(DCM_WaveformSequence, mux, 0);
            mux->putAndInsertString(DCM_SamplingFrequency, "0");
            QVERIFY(readError(save(file, dir, "rate.dcm")).contains("Sampling Frequency"));
        }
    }

    void paddingOnlyWherePadded()
    {
        // SS with padding value 0x8000: only those samples are missing; zeros remain 0 mV.
        const QString dir = test::scratchDir("dicom-padding");
        DcmFileFormat file;
        buildWaveform(*file.getDataset(), 1, 4, 16, "SS", {0x00, 0x00, 0x00, 0x80, 0x04, 0x00, 0xFC, 0xFF}, {0x00, 0x80});
        const Recording rec = DicomEcgReader().read(save(file, dir, "pad.dcm"), ReadOptions{});
        const auto& s = rec.groups[0].leads[0].samples;
        QCOMPARE(s[0], 0.0f);
        QVERIFY(std::isnan(s[1]));
        QCOMPARE(s[2], 0.01f);            // 4 × 2.5 µV
        QCOMPARE(s[3], -0.01f);
    }

    void byteOrdersAndOddEightBit()
    {
        const QString dir = test::scratchDir("dicom-encodings");
        // 2 channels × 3 samples of SS: I = 1, -2, 300; II = -32767, 0, 7.
        const std::vector<Uint8> ss = {1, 0, 1, 0x80, 0xFE, 0xFF, 0, 0, 0x2C, 1, 7, 0};
        for (auto ts : {EXS_LittleEndianExplicit, EXS_LittleEndianImplicit, EXS_BigEndianExplicit}) {
            DcmFileFormat file;
            buildWaveform(*file.getDataset(), 2, 3, 16, "SS", ss);
            const std::string path = save(file, dir, ts == EXS_BigEndianExplicit ? "be.dcm" : ts == EXS_LittleEndianImplicit ? "ivr.dcm" : "evr.dcm", ts);
            const Recording rec = DicomEcgReader().read(path, ReadOptions{});
            const auto& one = rec.groups[0].leads[0].samples;
            const auto& two = rec.groups[0].leads[1].samples;
            QCOMPARE(QString::fromStdString(rec.groups[0].leads[1].name), QString("II"));
            QCOMPARE(one[0], 0.0025f);
            QCOMPARE(one[1], -0.005f);
            QCOMPARE(one[2], 0.75f);
            QCOMPARE(two[0], float(-32767 * 2.5e-3));
            QCOMPARE(two[1], 0.0f);
            QCOMPARE(two[2], 0.0175f);
        }
        // 8-bit SB, 1 channel × 3 samples: odd length, one pad byte in the file.
        DcmFileFormat file;
        buildWaveform(*file.getDataset(), 1, 3, 8, "SB", {0x9C, 0x00, 0x64});
        const Recording rec = DicomEcgReader().read(save(file, dir, "sb.dcm"), ReadOptions{});
        const auto& s = rec.groups[0].leads[0].samples;
        QCOMPARE(int(s.size()), 3);
        QCOMPARE(s[0], -0.25f);
        QCOMPARE(s[2], 0.25f);
        QVERIFY(rec.warnings.empty() || !QString::fromStdString(rec.warnings.front()).contains("beyond"));
    }

    void hemodynamicPressureStaysInMmHg()
    {
        const QString dir = test::scratchDir("dicom-hemodynamic");
        DcmFileFormat file;
        DcmDataset& ds = *file.getDataset();
        buildWaveform(ds, 2, 2, 16, "SS", {4, 0, 40, 0, 8, 0, 48, 0});
        ds.putAndInsertString(DCM_SOPClassUID, UID_HemodynamicWaveformStorage);
        DcmItem* ch = nullptr;
        ds.findAndGetSequenceItem(DCM_WaveformSequence, ch, 0);
        ch->findAndGetSequenceItem(DCM_ChannelDefinitionSequence, ch, 1);
        DcmItem* unit = nullptr;
        ch->findAndGetSequenceItem(DCM_ChannelSensitivityUnitsSequence, unit, 0);
        unit->putAndInsertString(DCM_CodeValue, "mm[Hg]");
        unit->putAndInsertString(DCM_CodeMeaning, "mmHg");
        ch->putAndInsertString(DCM_ChannelLabel, "AO");
        DcmItem* source = nullptr;
        ch->findAndGetSequenceItem(DCM_ChannelSourceSequence, source, 0);
        source->putAndInsertString(DCM_CodeValue, "2:15680");   // not an ECG lead
        source->putAndInsertString(DCM_CodeMeaning, "Aortic pressure");
        const std::string path = save(file, dir, "hemo.dcm");
        const Recording rec = DicomEcgReader().read(path, ReadOptions{});
        const Lead& pressure = rec.groups[0].leads[1];
        QCOMPARE(QString::fromStdString(pressure.name), QString("AO"));
        QVERIFY(!pressure.provenance.isVoltage);
        QCOMPARE(QString::fromStdString(pressure.provenance.storedUnits), QString("mm[Hg]"));
        QCOMPARE(pressure.samples[0], 100.0f);   // 40 × 2.5 mmHg, not converted
        QCOMPARE(rec.groups[0].leads[0].samples[1], 0.02f);   // lead I still in mV

        // Another waveform class (audio) is read, but never as ECG millivolts.
        ds.putAndInsertString(DCM_SOPClassUID, UID_BasicVoiceAudioWaveformStorage);
        const Recording audio = DicomEcgReader().read(save(file, dir, "audio.dcm"), ReadOptions{});
        QVERIFY(!audio.groups[0].leads[0].provenance.isVoltage);
        QVERIFY(QString::fromStdString(audio.warnings.front()).contains("not an ECG"));

        ReadOptions cancel;
        cancel.progress = [](double) { return false; };
        QVERIFY_THROWS_EXCEPTION(ReadCancelled, DicomEcgReader().read(path, cancel));
    }

    void sniffing()
    {
        DicomEcgReader r;
        std::vector<std::uint8_t> head(132, 0);
        head[128] = 'D'; head[129] = 'I'; head[130] = 'C'; head[131] = 'M';
        QCOMPARE(r.sniff("x.bin", head), 95);
        QCOMPARE(r.sniff("x.DCM", std::vector<std::uint8_t>(10, 0)), 50);
        QCOMPARE(r.sniff("x.hea", std::vector<std::uint8_t>(10, 0)), 0);
    }
};

QTEST_GUILESS_MAIN(TestDicomBadInput)
#include "test_dicom_bad_input.moc"
