// execg-cli convert: one recording (or a group and time window of it) written in the format OUT's extension names,
// through core's writers. The input is only ever read; OUT may not be the input, and an existing OUT is kept unless
// --force.
#include "CliArgs.h"
#include "Commands.h"

#include "io/dicom/DicomEcgWriter.h"
#include "io/edf/EdfWriter.h"
#include "io/scp/ScpWriter.h"
#include "io/wfdb/WfdbWriter.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>

namespace execg::cli {

namespace {

std::string lowerExtension(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

bool sameFile(const std::string& a, const std::string& b)
{
    std::error_code ec;
    return std::filesystem::exists(b, ec) && std::filesystem::equivalent(a, b, ec);
}

} // namespace

int runConvert(const std::vector<std::string>& words)
{
    CliArgs args(words, {"force"});
    auto known = rawArrayOptionNames();
    known.insert(known.end(), {"group", "from", "to", "compression", "force"});
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("convert: unknown option --" + bad.front());
    if (args.positional().size() != 2)
        throw UsageError("convert: give IN and OUT");
    const std::string& in = args.positional()[0];
    const std::string& out = args.positional()[1];
    const std::string ext = lowerExtension(out);
    if (ext != ".hea" && ext != ".dcm" && ext != ".edf" && ext != ".scp")
        throw UsageError("convert: OUT must end in .hea (WFDB), .dcm (DICOM), .edf (EDF+) or .scp (SCP-ECG), not \"" + ext + "\"");
    const std::string compression = args.value("compression").value_or("huffman");
    if (compression != "huffman" && compression != "none")
        throw UsageError("convert: --compression must be huffman or none");
    if (args.has("compression") && ext != ".scp")
        throw UsageError("convert: --compression is for .scp output");
    // The WFDB writer writes OUT's .dat beside its .hea: neither may be the input.
    const std::string dat = ext == ".hea" ? std::filesystem::path(out).replace_extension(".dat").string() : out;
    if (sameFile(in, out) || sameFile(in, dat))
        throw UsageError("convert: OUT is the input file; the input is never written to");
    if (!args.has("force") && (std::filesystem::exists(out) || std::filesystem::exists(dat)))
        throw UsageError("convert: " + out + " exists (--force replaces it)");

    const GroupInFile input = readGroup(args, in);
    for (const auto& w : input.recording.warnings)
        std::cerr << "warning: " << w << "\n";
    std::vector<std::string> warnings;
    std::string note;
    try {
        if (ext == ".hea") {
            WfdbWriteOptions o;
            o.groupIndex = input.index;
            warnings = writeWfdbRecord(input.recording, out, o).warnings;
        } else if (ext == ".dcm") {
            DicomWriteOptions o;
            o.groupIndex = input.index;
            DicomEcgWriter::write(input.recording, out, o);
        } else if (ext == ".edf") {
            EdfWriteOptions o;
            o.groupIndex = input.index;
            warnings = writeEdfPlus(input.recording, out, o).warnings;
        } else {
            ScpWriteOptions o;
            o.groupIndex = input.index;
            o.compression = compression == "none" ? ScpCompression::None : ScpCompression::DefaultHuffman;
            const ScpWriteResult r = writeScpEcg(input.recording, out, o);
            warnings = r.warnings;
            note = " (" + std::to_string(r.nanovoltsPerUnit) + " nV per unit, " + (r.exact ? "every sample exact" : "rounded") + ")";
        }
    } catch (const std::runtime_error& e) {
        std::cerr << "execg-cli: cannot write " << out << ": " << e.what() << "\n";
        return 1;
    }
    for (const auto& w : warnings)
        std::cerr << "warning: " << w << "\n";
    const SignalGroup& g = input.group();
    std::cout << "wrote " << out << ": " << g.leads.size() << " leads, " << g.sampleCount() << " samples at " << g.samplingRateHz
              << " Hz" << note << "\n";
    return 0;
}

} // namespace execg::cli
