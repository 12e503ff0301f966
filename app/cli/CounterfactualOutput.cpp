#include "CounterfactualOutput.h"

#include "CliFormat.h"
#include "MethodSpecs.h"

#include "io/dicom/DicomEcgWriter.h"
#include "io/npy/NpyArray.h"
#include "io/wfdb/WfdbWriter.h"
#include "model/torch/GeneratorModel.h"

#include <filesystem>

namespace execg::cli {

using nlohmann::ordered_json;

bool isCounterfactualMethod(const std::string& name) { return CounterfactualRegistry::instance().find(name) != nullptr; }

CounterfactualResult runCounterfactualMethod(const std::string& name, const std::map<std::string, std::string>& parameters,
                                             const TorchModel& model, const std::string& modelPath,
                                             const SignalGroup& group, const AdaptedInput& input,
                                             const CounterfactualTarget& target)
{
    const auto& registry = CounterfactualRegistry::instance();
    CounterfactualRequest request;
    request.model = &model;
    request.group = &group;
    request.input = &input;
    request.target = target;
    try {
        request.parameters = resolveParameters(name, registry.find(name)->parameters, parameters);
    } catch (const ExplainError& e) {
        throw UsageError(e.what());
    }
    if (const auto why = registry.unavailableReason(name, model.card()); !why.empty())
        throw ExplainError(why);
    std::unique_ptr<GeneratorModel> generator;
    if (registry.find(name)->needsGenerator) {
        try {
            generator = loadCardGenerator(modelCardPathFor(modelPath), model.card());
        } catch (const ModelError& e) {
            throw ExplainError(name + ": the card's generator cannot be used: " + e.what());
        }
        request.generator = generator.get();
    }
    return registry.run(name, request);
}

CounterfactualTarget counterfactualTarget(const CliArgs& args, const ModelCard& card, int explainedTarget)
{
    const auto value = args.number("cf-target");
    if (!value)
        throw UsageError("explain: a counterfactual needs --cf-target VALUE (a probability, or a value in the output's unit)");
    int output = explainedTarget;
    if (const auto o = args.value("cf-output")) {
        const auto k = outputIndex(card, *o);
        if (!k)
            throw UsageError("explain: --cf-output " + *o + " is neither an output label nor an index of the model");
        output = *k;
    }
    return {output, *value};
}

ordered_json writeCounterfactual(const CliArgs& args, const CounterfactualResult& r, const Recording& source, int groupIndex,
                                 const std::string& outDir, const std::string& name)
{
    const std::filesystem::path dir(outDir);
    // The changed recording: the source with its group replaced, so every other fact about the file stays.
    Recording changed = source;
    changed.groups.at(std::size_t(groupIndex)) = r.counterfactual;
    changed.warnings.push_back("counterfactual (" + r.method + ") of " + source.sourcePath + ": not a recorded ECG");
    std::vector<float> flat;
    for (const auto& lead : r.counterfactual.leads)
        flat.insert(flat.end(), lead.samples.begin(), lead.samples.end());
    const std::string npy = (dir / (name + ".npy")).string();
    npy::writeNpyFloat32(npy, {r.counterfactual.leads.size(), r.counterfactual.leads.empty() ? 0 : r.counterfactual.leads[0].samples.size()}, flat);
    ordered_json files = {{"npy", npy}};
    if (args.value("cf-format").value_or("wfdb") == "dicom") {
        const std::string dcm = (dir / (name + ".dcm")).string();
        DicomEcgWriter::write(changed, dcm);
        files["dicom"] = dcm;
    } else if (args.value("cf-format").value_or("wfdb") == "wfdb") {
        WfdbWriteOptions w;
        w.groupIndex = groupIndex;
        files["wfdb"] = writeWfdbRecord(changed, (dir / name).string(), w).headerPath;
    } else {
        throw UsageError("explain: --cf-format is wfdb or dicom");
    }

    ordered_json j;
    j["method"] = r.method;
    j["parameters"] = r.parameters;
    j["target"] = {{"output", r.target.output}, {"label", r.outputLabel}, {"value", r.target.value}, {"unit", r.outputUnit}};
    j["valid"] = r.valid;
    j["initial_prediction"] = round6(r.initialValue);
    j["final_prediction"] = round6(r.finalValue);
    j["steps"] = r.steps;
    j["runtime_ms"] = round6(r.runtimeMs);
    ordered_json perLead = ordered_json::object();
    for (std::size_t l = 0; l < r.counterfactual.leads.size() && l < r.maxAbsPerLeadMv.size(); ++l)
        perLead[r.counterfactual.leads[l].name] = round6(r.maxAbsPerLeadMv[l]);
    j["distances"] = {{"mean_abs_mv", round6(r.meanAbsMv)}, {"rms_mv", round6(r.rmsMv)}, {"max_abs_per_lead_mv", perLead}};
    ordered_json trajectory = ordered_json::array();
    for (const double v : r.trajectory)
        trajectory.push_back(round6(v));
    j["trajectory"] = trajectory;
    ordered_json deltas = ordered_json::array();
    for (const auto& d : r.deltas.rows)
        deltas.push_back({{"quantity", d.quantity}, {"lead", d.lead}, {"unit", d.unit}, {"before", round6(d.before)},
                          {"after", round6(d.after)}, {"delta", round6(d.delta)}});
    j["deltas"] = deltas;
    ordered_json changes = ordered_json::array();
    for (const auto& c : r.parameterChanges)
        changes.push_back({{"quantity", c.quantity}, {"leads", c.leads}, {"change", round6(c.change)}, {"unit", c.unit},
                           {"text", c.text}});
    if (!r.parameterChanges.empty())
        j["parameter_changes"] = changes;
    j["notes"] = r.notes;
    j["files"] = files;
    return j;
}

} // namespace execg::cli
