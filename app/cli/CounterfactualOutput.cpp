#include "CounterfactualOutput.h"

#include "MethodSpecs.h"

#include "io/FileExtension.h"
#include "io/WriterRegistry.h"
#include "io/npy/NpyArray.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace execg::cli {

namespace {

// A writer as --cf-format names it: its name in lower case without "+" or "-ECG" (wfdb, dicom, scp, edf).
std::string formatKey(const RecordingWriter& w)
{
    std::string key = lowerCase(w.name());
    std::erase(key, '+');
    if (key.ends_with("-ecg"))
        key.resize(key.size() - 4);
    return key;
}

const RecordingWriter* writerForFormat(const std::string& format)
{
    for (const auto& w : WriterRegistry::instance().writers())
        if (formatKey(*w) == format)
            return w.get();
    return nullptr;
}

} // namespace

CounterfactualTarget counterfactualTarget(const CliArgs& args, const ModelCard& card)
{
    const auto value = args.number("cf-target");
    if (!value)
        throw UsageError("explain: a counterfactual needs --cf-target VALUE (a probability, or a value in the output's unit)");
    if (const auto format = args.value("cf-format"); format && !writerForFormat(*format)) {
        std::vector<std::string> keys;
        for (const auto& w : WriterRegistry::instance().writers())
            keys.push_back(formatKey(*w));
        throw UsageError("explain: --cf-format is " + alternatives(keys));
    }
    int output = -1;
    if (const auto o = args.value("cf-output")) {
        const auto k = outputIndex(card, *o);
        if (!k)
            throw UsageError("explain: --cf-output " + *o + " is neither an output label nor an index of the model");
        output = *k;
    }
    return {output, *value};
}

void writeCounterfactual(const CliArgs& args, const CaseAnalysis& analysis, MethodResult& m, const std::string& outDir,
                         const std::string& name)
{
    const CounterfactualResult& r = *m.counterfactual;
    const std::filesystem::path dir(outDir);
    std::vector<float> flat;
    for (const auto& lead : r.counterfactual.leads)
        flat.insert(flat.end(), lead.samples.begin(), lead.samples.end());
    const std::string npy = (dir / (name + ".npy")).string();
    npy::writeNpyFloat32(npy, {r.counterfactual.leads.size(), r.counterfactual.leads.empty() ? 0 : r.counterfactual.leads[0].samples.size()}, flat);
    m.files["npy"] = npy;
    const std::string format = args.value("cf-format").value_or("wfdb");
    const RecordingWriter& writer = *writerForFormat(format);
    WriteOptions options;
    options.groupIndex = analysis.groupIndex();
    const std::string path = (dir / (name + writer.extensions().front())).string();
    m.files[format] = writer.write(analysis.counterfactualRecording(r), path, options).files.front();
}

void printCounterfactual(const CounterfactualResult& r)
{
    char line[200];
    std::snprintf(line, sizeof line, "  %-22s %8.1f ms  %s: %.3f -> %.3f %s (target %.3f), mean |change| %.3f mV\n",
                  r.method.c_str(), r.runtimeMs, r.valid ? "reached" : "NOT reached", r.initialValue, r.finalValue,
                  r.outputUnit.c_str(), r.target.value, r.meanAbsMv);
    std::cout << line;
    for (const auto& c : r.parameterChanges)
        std::cout << "  " << std::string(34, ' ') << c.text << "\n";
    for (const auto& n : r.notes)
        std::cout << "  " << std::string(34, ' ') << n << "\n";
}

} // namespace execg::cli
