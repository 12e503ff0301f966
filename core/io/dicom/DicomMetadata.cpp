#include "io/dicom/DicomMetadata.h"

#include "io/dicom/DicomAttributes.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace execg::dicom {

namespace {

std::string acquisitionDateTime(DcmItem& ds)
{
    if (const std::string dt = getString(ds, DCM_AcquisitionDateTime); !dt.empty())
        return isoDateTime(dt);
    // Waveform IODs require Acquisition DateTime; older producers write separate date and time.
    const std::pair<DcmTagKey, DcmTagKey> pairs[] = {{DCM_AcquisitionDate, DCM_AcquisitionTime},
                                                     {DCM_ContentDate, DCM_ContentTime},
                                                     {DCM_StudyDate, DCM_StudyTime}};
    for (const auto& [dateTag, timeTag] : pairs) {
        const std::string d = getString(ds, dateTag);
        if (d.empty())
            continue;
        const std::string t = getString(ds, timeTag);
        return isoDate(d) + (t.empty() ? "" : "T" + isoTime(t));
    }
    return {};
}

// UCUM "/min" is how DICOM codes beats per minute; show what a clinician reads.
std::string displayUnit(const CodedEntry& unit)
{
    if (unit.value == "/min" || unit.value == "{beats}/min" || unit.value == "{H.B.}/min")
        return "bpm";
    return !unit.value.empty() ? unit.value : unit.meaning;
}

// Positions come from DS/UL text and may be absurd; a double outside int64 has no defined conversion.
std::int64_t clampedSample(double v)
{
    if (!std::isfinite(v))
        return -1;
    return static_cast<std::int64_t>(std::clamp(v, -9.0e18, 9.0e18));
}

// Channel numbers count the stored channels; derived limb leads are appended after them.
size_t storedChannels(const SignalGroup& g)
{
    return static_cast<size_t>(std::count_if(g.leads.begin(), g.leads.end(), [](const Lead& l) { return !l.provenance.derived; }));
}

std::string formatSeconds(double s)
{
    std::ostringstream os;
    os << s << " s";
    return os.str();
}

} // namespace

void readPatientDeviceAndTime(DcmItem& ds, RecordingMetadata& md)
{
    auto& p = md.patient;
    p.id = getString(ds, DCM_PatientID);
    p.name = readablePersonName(getString(ds, DCM_PatientName));
    p.sex = getString(ds, DCM_PatientSex);
    p.birthDate = isoDate(getString(ds, DCM_PatientBirthDate));
    p.ageYears = ageInYears(getString(ds, DCM_PatientAge));
    if (const auto size = getNumber(ds, DCM_PatientSize); size && *size > 0)
        p.heightCm = *size * 100.0;   // Patient's Size is in metres
    if (const auto weight = getNumber(ds, DCM_PatientWeight); weight && *weight > 0)
        p.weightKg = *weight;

    auto& d = md.device;
    d.manufacturer = getString(ds, DCM_Manufacturer);
    d.model = getString(ds, DCM_ManufacturerModelName);
    d.serialNumber = getString(ds, DCM_DeviceSerialNumber);
    d.softwareVersion = getString(ds, DCM_SoftwareVersions);
    d.institution = getString(ds, DCM_InstitutionName);

    md.acquisitionDateTime = acquisitionDateTime(ds);
    for (const auto& tag : {DCM_StudyDescription, DCM_SeriesDescription, DCM_PatientComments, DCM_ImageComments})
        if (const std::string text = getString(ds, tag); !text.empty())
            md.comments.push_back(text);
    if (const std::string v = getString(ds, DCM_AccessionNumber); !v.empty())
        md.extra["Accession Number"] = v;
    if (const std::string v = getString(ds, DCM_StudyInstanceUID); !v.empty())
        md.extra["Study Instance UID"] = v;
    if (const std::string v = getString(ds, DCM_SOPInstanceUID); !v.empty())
        md.extra["SOP Instance UID"] = v;
    if (const std::string v = getString(ds, DCM_StationName); !v.empty())
        md.extra["Station Name"] = v;
}

void readWaveformAnnotations(DcmItem& ds, const std::vector<SignalGroup>& groups, RecordingMetadata& md,
                             std::vector<std::string>& warnings)
{
    const unsigned long count = sequenceSize(ds, DCM_WaveformAnnotationSequence);
    int outOfRange = 0, noSuchGroup = 0, noSuchChannel = 0;
    for (unsigned long i = 0; i < count; ++i) {
        DcmItem* item = sequenceItem(ds, DCM_WaveformAnnotationSequence, i);
        if (!item)
            continue;
        const std::string text = getString(*item, DCM_UnformattedTextValue);
        const CodedEntry conceptName = getCode(*item, DCM_ConceptNameCodeSequence);
        const CodedEntry conceptValue = getCode(*item, DCM_ConceptCodeSequence);
        const auto numeric = getNumber(*item, DCM_NumericValue);

        // Referenced Waveform Channels (0040,A0B0): pairs of (multiplex group, channel), both 1-based;
        // channel 0 means every channel of the group (C.10.10.1.1).
        int group = 0, channel = -1;
        bool groupExists = !groups.empty();
        const std::vector<double> refs = getNumbers(*item, DCM_ReferencedWaveformChannels);
        if (refs.size() >= 2) {
            const double g = refs[0], c = refs[1];
            groupExists = std::isfinite(g) && g >= 1 && g <= double(groups.size());
            group = groupExists ? static_cast<int>(g) - 1 : -1;
            if (groupExists && std::isfinite(c) && c >= 1 && c <= double(storedChannels(groups[size_t(group)])))
                channel = static_cast<int>(c) - 1;
            else if (groupExists && !(c == 0))
                ++noSuchChannel;   // keep the annotation, tied to the whole group
        }
        const std::vector<double> positions = getNumbers(*item, DCM_ReferencedSamplePositions);
        const std::vector<double> offsets = getNumbers(*item, DCM_ReferencedTimeOffsets);
        const std::string rangeType = getString(*item, DCM_TemporalRangeType);
        const bool timed = !positions.empty() || !offsets.empty();

        if (numeric && !conceptName.empty() && !timed) {
            const CodedEntry unit = getCode(*item, DCM_MeasurementUnitsCodeSequence);
            md.measurements.push_back(Measurement{conceptName.meaning.empty() ? conceptName.value : conceptName.meaning, *numeric,
                                                  displayUnit(unit), "device"});
            continue;
        }
        if (!timed && !text.empty()) {
            md.statements.push_back(text);
            continue;
        }
        if (!timed && !conceptValue.empty()) {   // coded statement, e.g. a rhythm interpretation
            md.statements.push_back((conceptName.meaning.empty() ? "" : conceptName.meaning + ": ") + conceptValue.meaning);
            continue;
        }
        if (!timed)
            continue;
        if (!groupExists) {
            // A time in a group that does not exist cannot be placed; showing it on another group would mislead.
            ++noSuchGroup;
            continue;
        }

        const SignalGroup& target = groups[static_cast<size_t>(group)];
        const double fs = target.samplingRateHz;
        const double t0 = target.timeOffsetSeconds;
        Annotation a;
        a.group = group;
        a.channel = channel;
        a.source = "DICOM WaveformAnnotationSequence";
        a.code = !conceptName.meaning.empty() ? conceptName.meaning : (!conceptValue.meaning.empty() ? conceptValue.meaning : text);
        a.text = text;
        if (!conceptValue.meaning.empty() && conceptValue.meaning != a.code)
            a.text = conceptValue.meaning + (text.empty() ? "" : " " + text);
        if (numeric)
            a.text += (a.text.empty() ? "" : " ") + std::to_string(*numeric);

        // Referenced Sample Positions are 1-based (C.10.10.1.2); SEGMENT types pair start and end.
        const bool segments = rangeType == "SEGMENT" || rangeType == "MULTISEGMENT";
        std::vector<double> starts;
        if (!positions.empty()) {
            for (size_t k = 0; k < positions.size(); k += segments ? 2 : 1) {
                Annotation copy = a;
                copy.sample = clampedSample(positions[k]) - 1;
                copy.timeSeconds = fs > 0 ? t0 + static_cast<double>(copy.sample) / fs : -1.0;
                if (segments && k + 1 < positions.size() && fs > 0)
                    copy.text += (copy.text.empty() ? "" : " ") + std::string("until ") + formatSeconds(t0 + (positions[k + 1] - 1) / fs);
                if (target.totalSamples > 0 && (copy.sample < 0 || copy.sample >= target.totalSamples))
                    ++outOfRange;
                md.annotations.push_back(copy);
            }
        } else {
            for (size_t k = 0; k < offsets.size(); k += segments ? 2 : 1) {
                Annotation copy = a;
                // Referenced Time Offsets count seconds from the start of the multiplex group.
                copy.timeSeconds = t0 + offsets[k];
                copy.sample = fs > 0 ? clampedSample(std::round(offsets[k] * fs)) : -1;
                if (segments && k + 1 < offsets.size())
                    copy.text += (copy.text.empty() ? "" : " ") + std::string("until ") + formatSeconds(t0 + offsets[k + 1]);
                md.annotations.push_back(copy);
            }
        }
    }
    if (outOfRange > 0)
        warnings.push_back(std::to_string(outOfRange) + " waveform annotation(s) point outside their multiplex group");
    if (noSuchGroup > 0)
        warnings.push_back(std::to_string(noSuchGroup) + " waveform annotation(s) reference a multiplex group the file does not have (" +
                           std::to_string(groups.size()) + " group(s)); not shown");
    if (noSuchChannel > 0)
        warnings.push_back(std::to_string(noSuchChannel) + " waveform annotation(s) reference a channel their group does not have; "
                           "shown for the whole group");
}

} // namespace execg::dicom
