#include "io/dicom/DicomEcgWriter.h"

#include "io/dicom/DicomLeadCodes.h"

#include <dcmtk/dcmdata/dctk.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <limits>
#include <random>
#include <sstream>

namespace execg {

namespace {

constexpr const char* kTwelveLeadClass = UID_TwelveLeadECGWaveformStorage;
constexpr const char* kGeneralEcgClass = UID_GeneralECGWaveformStorage;
// SS/16 with -32768 reserved as the Waveform Padding Value for NaN (missing) samples.
constexpr double kMaxCode = 32767.0;
constexpr std::int16_t kPaddingCode = std::numeric_limits<std::int16_t>::min();

std::string newUid(const char* root)
{
    char buf[100];
    return dcmGenerateUniqueIdentifier(buf, root);
}

std::string digitsOnly(const std::string& s)
{
    std::string out;
    for (char c : s)
        if (c >= '0' && c <= '9')
            out.push_back(c);
    return out;
}

// ISO "2019-03-01T10:12:30.500+01:00" → DICOM DT "20190301101230.500+0100".
std::string dicomDateTime(const std::string& iso)
{
    const auto t = iso.find('T');
    std::string date = digitsOnly(iso.substr(0, t));
    if (t == std::string::npos)
        return date;
    std::string rest = iso.substr(t + 1), zone;
    const auto z = rest.find_first_of("+-Z");
    if (z != std::string::npos) {
        zone = rest[z] == 'Z' ? "+0000" : rest.substr(z, 1) + digitsOnly(rest.substr(z + 1));
        rest = rest.substr(0, z);
    }
    const auto dot = rest.find('.');
    std::string time = digitsOnly(rest.substr(0, dot));
    if (dot != std::string::npos)
        time += "." + digitsOnly(rest.substr(dot + 1)).substr(0, 6);
    return date + time + zone;
}

std::string nowDateTime()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    std::ostringstream os;
    os << std::put_time(&tm, "%Y%m%d%H%M%S");
    return os.str();
}

std::string formatDs(double v)
{
    // DS holds at most 16 characters (PS3.5 6.2).
    for (int precision = 15; precision > 1; --precision) {
        std::ostringstream os;
        os << std::setprecision(precision) << v;
        if (os.str().size() <= 16)
            return os.str();
    }
    return "0";
}

// Finest step from 0.25 µV up a 1-2-2.5-5 ladder that keeps the lead within ±32767 codes: 0.25 µV
// spans ±8.19 mV, the whole diagnostic ECG range, and divides the common device steps (1.25, 2.5,
// 4.88… µV are not all multiples, but rounding then errs by at most half a step = half an LSB).
double chooseSensitivity(const std::vector<float>& mv)
{
    double maxAbs = 0.0;
    for (float v : mv)
        if (std::isfinite(v))
            maxAbs = std::max(maxAbs, std::abs(static_cast<double>(v)) * 1000.0);
    static const double ladder[] = {0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0};
    for (double step : ladder)
        if (maxAbs / step <= kMaxCode)
            return step;
    return maxAbs / kMaxCode;
}

void putCode(DcmItem& item, const DcmTagKey& sequence, const std::string& value, const std::string& scheme,
             const std::string& meaning)
{
    DcmItem* code = nullptr;
    if (item.findOrCreateSequenceItem(sequence, code, -2).good() && code) {
        code->putAndInsertString(DCM_CodeValue, value.c_str());
        code->putAndInsertString(DCM_CodingSchemeDesignator, scheme.c_str());
        code->putAndInsertString(DCM_CodeMeaning, meaning.c_str());
    }
}

void putOW(DcmItem& item, const DcmTagKey& key, const std::vector<Uint16>& words)
{
    auto* element = new DcmOtherByteOtherWord(DcmTag(key, EVR_OW));
    element->putUint16Array(words.data(), static_cast<unsigned long>(words.size()));
    item.insert(element, true);
}

void check(const OFCondition& c, const std::string& path, const std::string& what)
{
    if (c.bad())
        throw DicomWriteError(path, what + ": " + c.text());
}

void writePatientAndStudy(DcmDataset& ds, const Recording& rec, const std::string& sopClass, const std::string& sopInstance)
{
    const auto& md = rec.metadata;
    const std::string acquired = md.acquisitionDateTime.empty() ? nowDateTime() : dicomDateTime(md.acquisitionDateTime);
    const std::string date = acquired.substr(0, 8);
    const std::string time = acquired.size() > 8 ? acquired.substr(8, acquired.find_first_of("+-", 8) - 8) : "";

    ds.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");   // strings in Recording are UTF-8
    ds.putAndInsertString(DCM_SOPClassUID, sopClass.c_str());
    ds.putAndInsertString(DCM_SOPInstanceUID, sopInstance.c_str());
    ds.putAndInsertString(DCM_StudyInstanceUID, newUid(SITE_STUDY_UID_ROOT).c_str());
    ds.putAndInsertString(DCM_SeriesInstanceUID, newUid(SITE_SERIES_UID_ROOT).c_str());
    ds.putAndInsertString(DCM_Modality, "ECG");
    ds.putAndInsertString(DCM_StudyDate, date.c_str());
    ds.putAndInsertString(DCM_StudyTime, time.c_str());
    ds.putAndInsertString(DCM_ContentDate, date.c_str());
    ds.putAndInsertString(DCM_ContentTime, time.c_str());
    ds.putAndInsertString(DCM_AcquisitionDateTime, acquired.c_str());
    ds.putAndInsertString(DCM_AccessionNumber, "");
    ds.putAndInsertString(DCM_ReferringPhysicianName, "");
    ds.putAndInsertString(DCM_StudyID, "");
    ds.putAndInsertString(DCM_SeriesNumber, "1");
    ds.putAndInsertString(DCM_InstanceNumber, "1");

    const auto& p = md.patient;
    ds.putAndInsertString(DCM_PatientName, p.name.c_str());
    ds.putAndInsertString(DCM_PatientID, p.id.c_str());
    ds.putAndInsertString(DCM_PatientBirthDate, digitsOnly(p.birthDate).c_str());
    const std::string sex = (p.sex == "M" || p.sex == "F" || p.sex == "O") ? p.sex : "";
    ds.putAndInsertString(DCM_PatientSex, sex.c_str());
    if (p.ageYears && *p.ageYears >= 0 && *p.ageYears < 1000) {
        std::ostringstream age;
        age << std::setw(3) << std::setfill('0') << static_cast<int>(*p.ageYears) << 'Y';
        ds.putAndInsertString(DCM_PatientAge, age.str().c_str());
    }
    if (p.heightCm)
        ds.putAndInsertString(DCM_PatientSize, formatDs(*p.heightCm / 100.0).c_str());
    if (p.weightKg)
        ds.putAndInsertString(DCM_PatientWeight, formatDs(*p.weightKg).c_str());

    const auto& d = md.device;
    ds.putAndInsertString(DCM_Manufacturer, d.manufacturer.c_str());
    if (!d.model.empty())
        ds.putAndInsertString(DCM_ManufacturerModelName, d.model.c_str());
    if (!d.serialNumber.empty())
        ds.putAndInsertString(DCM_DeviceSerialNumber, d.serialNumber.c_str());
    if (!d.softwareVersion.empty())
        ds.putAndInsertString(DCM_SoftwareVersions, d.softwareVersion.c_str());
    if (!d.institution.empty())
        ds.putAndInsertString(DCM_InstitutionName, d.institution.c_str());
    // Acquisition Context Sequence is Type 2 in the waveform IODs: present, here empty.
    ds.insertEmptyElement(DCM_AcquisitionContextSequence);
}

void writeAnnotations(DcmDataset& ds, const Recording& rec)
{
    // Statements and device measurements go back where the reader found them (C.10.10). Measurement
    // names have no standard code here, so they travel under a local coding scheme (PS3.3 8.2).
    long index = 0;
    for (const auto& s : rec.metadata.statements) {
        DcmItem* item = nullptr;
        if (ds.findOrCreateSequenceItem(DCM_WaveformAnnotationSequence, item, index++).bad() || !item)
            continue;
        item->putAndInsertString(DCM_UnformattedTextValue, s.c_str());
        item->putAndInsertString(DCM_ReferencedWaveformChannels, "1\\0");
    }
    for (const auto& m : rec.metadata.measurements) {
        DcmItem* item = nullptr;
        if (ds.findOrCreateSequenceItem(DCM_WaveformAnnotationSequence, item, index++).bad() || !item)
            continue;
        putCode(*item, DCM_ConceptNameCodeSequence, m.name.substr(0, 16), "99EXECG", m.name);
        item->putAndInsertString(DCM_NumericValue, formatDs(m.value).c_str());
        const std::string unit = m.unit == "bpm" ? "/min" : m.unit;
        putCode(*item, DCM_MeasurementUnitsCodeSequence, unit.empty() ? "1" : unit, "UCUM", unit.empty() ? "no units" : unit);
        item->putAndInsertString(DCM_ReferencedWaveformChannels, "1\\0");
    }
}

} // namespace

DicomWriteResult DicomEcgWriter::write(const Recording& rec, const std::string& path, const DicomWriteOptions& options)
{
    const int groupIndex = options.groupIndex >= 0 ? options.groupIndex : rec.primaryGroupIndex();
    if (groupIndex < 0 || groupIndex >= static_cast<int>(rec.groups.size()))
        throw DicomWriteError(path, "the recording has no signal group " + std::to_string(groupIndex));
    const SignalGroup& group = rec.groups[static_cast<size_t>(groupIndex)];
    std::vector<const Lead*> leads;
    for (const auto& lead : group.leads)
        if (lead.provenance.isVoltage)
            leads.push_back(&lead);
    if (leads.empty())
        throw DicomWriteError(path, "group '" + group.label + "' has no voltage leads to write");
    const size_t n = leads.front()->samples.size();
    if (n == 0)
        throw DicomWriteError(path, "group '" + group.label + "' has no samples (was it read header-only?)");
    for (const Lead* lead : leads)
        if (lead->samples.size() != n)
            throw DicomWriteError(path, "lead " + lead->name + " has a different length from " + leads.front()->name);
    if (!(group.samplingRateHz > 0))
        throw DicomWriteError(path, "group '" + group.label + "' has no sampling rate");
    if (n > 0xFFFFFFFFull / 2 / leads.size())
        throw DicomWriteError(path, "group '" + group.label + "' is too long for one DICOM Waveform Data element");

    // PS3.3 A.34.3.4: a 12-Lead ECG object has ≤ 13 channels, 200–1000 Hz and ≤ 16 s; beyond that
    // the General ECG IOD (A.34.4) is the one that allows it.
    const double seconds = static_cast<double>(n) / group.samplingRateHz;
    const bool twelveLead = leads.size() <= 13 && group.samplingRateHz >= 200 && group.samplingRateHz <= 1000 && seconds <= 16.0;
    DicomWriteResult result;
    result.sopClassUid = twelveLead ? kTwelveLeadClass : kGeneralEcgClass;
    result.sopInstanceUid = newUid(SITE_INSTANCE_UID_ROOT);
    result.channels = static_cast<int>(leads.size());

    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    writePatientAndStudy(ds, rec, result.sopClassUid, result.sopInstanceUid);

    DcmItem* mux = nullptr;
    check(ds.findOrCreateSequenceItem(DCM_WaveformSequence, mux, 0), path, "cannot create Waveform Sequence");
    mux->putAndInsertString(DCM_MultiplexGroupLabel, "RHYTHM");
    mux->putAndInsertString(DCM_WaveformOriginality, "ORIGINAL");
    mux->putAndInsertUint16(DCM_NumberOfWaveformChannels, static_cast<Uint16>(leads.size()));
    mux->putAndInsertUint32(DCM_NumberOfWaveformSamples, static_cast<Uint32>(n));
    mux->putAndInsertString(DCM_SamplingFrequency, formatDs(group.samplingRateHz).c_str());
    mux->putAndInsertUint16(DCM_WaveformBitsAllocated, 16);
    mux->putAndInsertString(DCM_WaveformSampleInterpretation, "SS");

    bool anyMissing = false;
    std::vector<Uint16> words(n * leads.size());
    for (size_t c = 0; c < leads.size(); ++c) {
        const Lead& lead = *leads[c];
        const double sensitivity = chooseSensitivity(lead.samples);
        result.sensitivityMicrovolts.push_back(sensitivity);
        DcmItem* ch = nullptr;
        check(mux->findOrCreateSequenceItem(DCM_ChannelDefinitionSequence, ch, static_cast<long>(c)), path,
              "cannot create Channel Definition Sequence");
        ch->putAndInsertString(DCM_ChannelLabel, lead.name.c_str());
        // CID 3001 MDC code "2:N"; leads without a code are "2:0" (unspecified lead) with the label.
        const auto number = dicom::leadNumberForName(lead.name);
        putCode(*ch, DCM_ChannelSourceSequence, "2:" + std::to_string(number.value_or(0)), "MDC",
                number ? dicom::leadCodeMeaning(lead.name) : "Lead, unspecified");
        ch->putAndInsertString(DCM_ChannelSensitivity, formatDs(sensitivity).c_str());
        putCode(*ch, DCM_ChannelSensitivityUnitsSequence, "uV", "UCUM", "microvolt");
        ch->putAndInsertString(DCM_ChannelSensitivityCorrectionFactor, "1");
        ch->putAndInsertString(DCM_ChannelBaseline, "0");
        ch->putAndInsertString(DCM_ChannelSampleSkew, "0");
        ch->putAndInsertUint16(DCM_WaveformBitsStored, 16);
        if (group.filters.highPassHz)
            ch->putAndInsertString(DCM_FilterLowFrequency, formatDs(*group.filters.highPassHz).c_str());
        if (group.filters.lowPassHz)
            ch->putAndInsertString(DCM_FilterHighFrequency, formatDs(*group.filters.lowPassHz).c_str());
        if (group.filters.notchHz)
            ch->putAndInsertString(DCM_NotchFilterFrequency, formatDs(*group.filters.notchHz).c_str());

        for (size_t i = 0; i < n; ++i) {
            const float v = lead.samples[i];
            std::int16_t code = kPaddingCode;
            if (std::isfinite(v))
                code = static_cast<std::int16_t>(std::clamp(std::lround(static_cast<double>(v) * 1000.0 / sensitivity), -32767L, 32767L));
            else
                anyMissing = true;
            words[i * leads.size() + c] = static_cast<Uint16>(code);
        }
    }
    if (anyMissing)
        putOW(*mux, DCM_WaveformPaddingValue, {static_cast<Uint16>(kPaddingCode)});
    putOW(*mux, DCM_WaveformData, words);
    writeAnnotations(ds, rec);

    namespace fs = std::filesystem;
    const fs::path target(path);
    std::random_device rd;
    const fs::path temp = target.parent_path() / (target.filename().string() + ".tmp" + std::to_string(rd()));
    const OFCondition saved = file.saveFile(temp.c_str(), EXS_LittleEndianExplicit, EET_ExplicitLength, EGL_recalcGL,
                                            EPD_noChange, 0, 0, EWM_fileformat);
    std::error_code ec;
    if (saved.bad()) {
        fs::remove(temp, ec);
        throw DicomWriteError(path, std::string("cannot write: ") + saved.text());
    }
    fs::rename(temp, target, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw DicomWriteError(path, "cannot replace the file: " + ec.message());
    }
    return result;
}

} // namespace execg
