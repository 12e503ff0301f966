// execg-cli convert: one recording (or a group and time window of it) written in the format OUT's extension names,
// through core's writer registry. The input is only ever read; OUT may not be the input, and an existing OUT is kept
// unless --force.
#include "CliArgs.h"
#include "Commands.h"

#include "io/FileExtension.h"
#include "io/WriterRegistry.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

namespace execg::cli {

namespace {

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
    const std::string ext = lowerCaseExtension(out);
    // By OUT's extension only: a bare name, which the registry takes as a WFDB record, is refused as a slip.
    const WriterRegistry& registry = WriterRegistry::instance();
    const RecordingWriter* writer = registry.byExtension(ext);
    if (!writer)
        throw UsageError("convert: OUT must end in " + registry.extensionList() + ", not \"" + ext + "\"");
    const std::string compression = args.value("compression").value_or("huffman");
    if (compression != "huffman" && compression != "none")
        throw UsageError("convert: --compression must be huffman or none");
    if (args.has("compression") && !writer->offers("compression"))
        throw UsageError("convert: --compression is for .scp output");
    // Every file the writer writes (a WFDB record's .dat beside its .hea): none may be the input.
    const std::vector<std::string> files = writer->outputFiles(out);
    if (std::any_of(files.begin(), files.end(), [&](const std::string& f) { return sameFile(in, f); }))
        throw UsageError("convert: OUT is the input file; the input is never written to");
    if (!args.has("force") && std::any_of(files.begin(), files.end(), [](const std::string& f) { return std::filesystem::exists(f); }))
        throw UsageError("convert: " + out + " exists (--force replaces it)");

    const GroupInFile input = readGroup(args, in);
    for (const auto& w : input.recording.warnings)
        std::cerr << "warning: " << w << "\n";
    WriteOptions options;
    options.groupIndex = input.index;
    if (args.has("compression"))
        options.formatOptions["compression"] = compression;
    WriteResult written;
    try {
        written = writer->write(input.recording, out, options);
    } catch (const WriteError& e) {
        std::cerr << "execg-cli: cannot write " << e.what() << "\n";   // it names the file
        return 1;
    } catch (const std::runtime_error& e) {
        std::cerr << "execg-cli: cannot write " << out << ": " << e.what() << "\n";
        return 1;
    }
    // Said where the writer knows whether every sample was kept (SCP-ECG), with the amplitude step it chose.
    std::string note;
    if (written.exact)
        note = " (" + std::to_string(std::lround(written.stepMicrovolts * 1000.0)) + " nV per unit, " +
               (*written.exact ? "every sample exact" : "rounded") + ")";
    for (const auto& w : written.warnings)
        std::cerr << "warning: " << w << "\n";
    const SignalGroup& g = input.group();
    std::cout << "wrote " << written.files.front() << ": " << g.leads.size() << " leads, " << g.sampleCount() << " samples at " << g.samplingRateHz
              << " Hz" << note << "\n";
    return 0;
}

} // namespace execg::cli
