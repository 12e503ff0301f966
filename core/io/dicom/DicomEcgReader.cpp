#include "io/dicom/DicomEcgReader.h"

#include "io/BinaryFile.h"
#include "io/FileExtension.h"
#include "io/ReadError.h"
#include "io/dicom/DicomAttributes.h"
#include "io/dicom/DicomMetadata.h"
#include "io/dicom/DicomWaveformGroup.h"
#include "recording/LeadNames.h"

#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/oflog/oflog.h>

#include <algorithm>
#include <fstream>
#include <mutex>

namespace execg {

namespace {

constexpr const char* kWaveformRoot = "1.2.840.10008.5.1.4.1.1.9.";

// SOP classes whose channels are ECG leads or cardiac signals (PS3.4 B.5): 12-lead, general,
// ambulatory and general 32-bit ECG; hemodynamic; basic cardiac electrophysiology.
bool isCardiacClass(const std::string& uid)
{
    static const char* classes[] = {
        "1.2.840.10008.5.1.4.1.1.9.1.1", "1.2.840.10008.5.1.4.1.1.9.1.2", "1.2.840.10008.5.1.4.1.1.9.1.3",
        "1.2.840.10008.5.1.4.1.1.9.1.4", "1.2.840.10008.5.1.4.1.1.9.2.1", "1.2.840.10008.5.1.4.1.1.9.3.1",
    };
    return std::find(std::begin(classes), std::end(classes), uid) != std::end(classes);
}

std::string classDescription(const std::string& uid)
{
    const char* name = dcmFindNameOfUID(uid.c_str(), nullptr);
    return uid.empty() ? "none" : uid + (name ? std::string(" ") + name : std::string());
}

std::string transferSyntaxDescription(const std::string& uid)
{
    const DcmXfer xfer(uid.c_str());
    if (xfer.getXfer() == EXS_Unknown)
        return uid + " (unknown to DCMTK)";
    return uid + " " + xfer.getXferName();
}

bool hasDicmMarker(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    char buf[132] = {};
    in.read(buf, sizeof buf);
    return in.gcount() == 132 && std::string(buf + 128, 4) == "DICM";
}

// The Transfer Syntax UID straight from the meta header bytes (always Explicit VR Little Endian,
// PS3.10 7.1), for naming it when DCMTK cannot parse the rest of the file.
std::string metaTransferSyntax(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(8192, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    const std::string tag("\x02\x00\x10\x00UI", 6);
    const auto at = head.find(tag, 132);
    if (at == std::string::npos || at + 8 > head.size())
        return {};
    const size_t length = static_cast<unsigned char>(head[at + 6]) | (static_cast<unsigned char>(head[at + 7]) << 8);
    if (length > 64 || at + 8 + length > head.size())
        return {};
    std::string uid = head.substr(at + 8, length);
    while (!uid.empty() && (uid.back() == '\0' || uid.back() == ' '))
        uid.pop_back();
    return uid;
}

// DCMTK logs parser complaints to stderr; the reader reports every problem through ReadError and
// warnings instead, so the GUI and CLI are not interleaved with library chatter.
void quietDcmtk()
{
    static std::once_flag once;
    std::call_once(once, [] { OFLog::configure(OFLogger::FATAL_LOG_LEVEL); });
}

void convertCharacterSet(DcmDataset& ds, std::vector<std::string>& warnings)
{
    const std::string charset = dicom::getString(ds, DCM_SpecificCharacterSet);
    if (charset.empty() || charset == "ISO_IR 192" || charset == "ISO_IR 6")
        return;   // already UTF-8 or plain ASCII
    const OFCondition ok = ds.convertToUTF8();
    if (ok.bad())
        warnings.push_back("text in character set '" + charset + "' could not be converted to UTF-8 (" + ok.text() +
                           "); names and statements are shown as stored");
}

} // namespace

std::vector<std::string> DicomEcgReader::extensions() const { return {".dcm"}; }

int DicomEcgReader::sniff(const std::string& path, const std::vector<std::uint8_t>& head) const
{
    // PS3.10 7.1: 128-byte preamble, then "DICM".
    if (head.size() >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M')
        return 95;
    return lowerCaseExtension(path) == ".dcm" ? 50 : 0;
}

Recording DicomEcgReader::read(const std::string& path, const ReadOptions& options) const
{
    requireRegularFile(path, "DICOM file", true);

    quietDcmtk();
    const bool dicm = hasDicmMarker(path);
    DcmFileFormat file;
    // Values above DCM_MaxReadLength stay on disk until asked for, so a long Holter is read by window.
    const OFCondition loaded = file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength,
                                             dicm ? ERM_fileOnly : ERM_autoDetect);
    if (loaded.bad()) {
        if (!dicm)
            throw ReadError(path, "not a DICOM file (no 'DICM' marker at byte 128 and no readable data set)");
        const std::string ts = metaTransferSyntax(path);
        const DcmXfer xfer(ts.c_str());
        if (!ts.empty() && (xfer.getXfer() == EXS_Unknown || xfer.isEncapsulated() || xfer.getStreamCompression() != ESC_none))
            throw ReadError(path, "cannot decode transfer syntax " + transferSyntaxDescription(ts) + ": " + loaded.text());
        if (loaded == EC_StreamNotifyClient)
            throw ReadError(path, std::string("truncated: the DICOM data ends early (") + loaded.text() + ")");
        throw ReadError(path, std::string("not a readable DICOM file (") + loaded.text() + ")");
    }
    DcmDataset& ds = *file.getDataset();

    Recording rec;
    rec.sourcePath = path;
    rec.formatName = name();
    auto& md = rec.metadata;

    std::string sopClass = dicom::getString(ds, DCM_SOPClassUID);
    if (sopClass.empty())
        sopClass = dicom::getString(*file.getMetaInfo(), DCM_MediaStorageSOPClassUID);
    const bool hasWaveform = dicom::sequenceSize(ds, DCM_WaveformSequence) > 0;
    const bool waveformClass = sopClass.rfind(kWaveformRoot, 0) == 0;
    if (!hasWaveform) {
        if (!dicm && sopClass.empty())
            throw ReadError(path, "not a DICOM file (no 'DICM' marker at byte 128 and no SOP Class UID)");
        if (waveformClass || isCardiacClass(sopClass))
            throw ReadError(path, "DICOM waveform object (SOP class " + classDescription(sopClass) + ") has no Waveform Sequence");
        throw ReadError(path, "not an ECG waveform object (SOP class " + classDescription(sopClass) + ")");
    }
    const bool cardiac = isCardiacClass(sopClass);
    if (!cardiac)
        rec.warnings.push_back("SOP class " + classDescription(sopClass) +
                               " is not an ECG, hemodynamic or electrophysiology waveform; channels are kept in their stored units");

    std::string ts = dicom::getString(*file.getMetaInfo(), DCM_TransferSyntaxUID);
    if (ts.empty())
        ts = DcmXfer(ds.getOriginalXfer()).getXferID();
    md.extra["SOP Class"] = classDescription(sopClass);
    md.extra["Transfer Syntax"] = transferSyntaxDescription(ts);
    if (const std::string modality = dicom::getString(ds, DCM_Modality); !modality.empty())
        md.extra["Modality"] = modality;

    convertCharacterSet(ds, rec.warnings);
    dicom::readPatientDeviceAndTime(ds, md);

    const unsigned long groupCount = dicom::sequenceSize(ds, DCM_WaveformSequence);
    std::uint64_t totalBytes = 0;
    for (unsigned long g = 0; g < groupCount; ++g)
        totalBytes += dicom::waveformDataBytes(*dicom::sequenceItem(ds, DCM_WaveformSequence, g));
    std::uint64_t doneBytes = 0;

    dicom::GroupReadContext ctx;
    ctx.path = path;
    ctx.options = &options;
    ctx.ecgClass = cardiac;
    ctx.warnings = &rec.warnings;
    ctx.extra = &md.extra;
    if (options.progress && !options.progress(0.0))
        throw ReadCancelled();
    for (unsigned long g = 0; g < groupCount; ++g) {
        DcmItem* item = dicom::sequenceItem(ds, DCM_WaveformSequence, g);
        if (options.progress)
            ctx.progress = [&](std::uint64_t bytes) {
                return options.progress(totalBytes ? std::min(1.0, double(doneBytes + bytes) / double(totalBytes)) : 1.0);
            };
        rec.groups.push_back(dicom::readMultiplexGroup(*item, static_cast<int>(g), ctx));
        doneBytes += dicom::waveformDataBytes(*item);
    }

    if (options.deriveLimbLeads) {
        for (auto& group : rec.groups) {
            const auto added = deriveMissingLimbLeads(group);
            std::string list;
            for (const auto& lead : added)
                if (group.findLead(lead)->provenance.derived)
                    list += (list.empty() ? "" : ", ") + lead;
            if (!list.empty())
                rec.warnings.push_back("group '" + group.label + "': leads " + list + " were derived from I and II, not stored");
        }
    }
    if (options.readAnnotations)
        dicom::readWaveformAnnotations(ds, rec.groups, md, rec.warnings);
    if (options.progress)
        options.progress(1.0);
    return rec;
}

std::string dcmtkVersion() { return std::string("DCMTK ") + OFFIS_DCMTK_VERSION_STRING; }

} // namespace execg
