#include "CounterfactualOutput.h"

#include "MethodSpecs.h"

#include "io/dicom/DicomEcgWriter.h"
#include "io/npy/NpyArray.h"
#include "io/wfdb/WfdbWriter.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace execg::cli {

CounterfactualTarget counterfactualTarget(const CliArgs& args, const ModelCard& card)
{
    const auto value = args.number("cf-target");
    if (!value)
        throw UsageError("explain: a counterfactual needs --cf-target VALUE (a probability, or a value in the output's unit)");
    if (const auto format = args.value("cf-format"); format && *format != "wfdb" && *format != "dicom")
        throw UsageError("explain: --cf-format is wfdb or dicom");
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
    const Recording changed = analysis.counterfactualRecording(r);
    if (args.value("cf-format").value_or("wfdb") == "dicom") {
        const std::string dcm = (dir / (name + ".dcm")).string();
        DicomEcgWriter::write(changed, dcm);
        m.files["dicom"] = dcm;
    } else {
        WfdbWriteOptions w;
        w.groupIndex = analysis.groupIndex();
        m.files["wfdb"] = writeWfdbRecord(changed, (dir / name).string(), w).headerPath;
    }
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
