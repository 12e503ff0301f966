#include "model/ModelCard.h"

#include "recording/LeadNames.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace execg {

namespace {

using nlohmann::json;

constexpr const char* kSchema = "execg-model-card/1";

class CardReader {
public:
    explicit CardReader(std::string source) : source_(std::move(source)) {}

    [[noreturn]] void fail(const std::string& problem) const { throw ModelCardError(source_, problem); }

    const json& field(const json& object, const std::string& key, const std::string& where) const
    {
        const auto it = object.find(key);
        if (it == object.end())
            fail("missing field '" + where + key + "'");
        return *it;
    }

    std::string text(const json& object, const std::string& key, const std::string& where, bool required = true) const
    {
        if (!required && !object.contains(key))
            return {};
        const json& v = field(object, key, where);
        if (!v.is_string())
            fail("'" + where + key + "' must be text");
        return v.get<std::string>();
    }

    double number(const json& object, const std::string& key, const std::string& where) const
    {
        const json& v = field(object, key, where);
        if (!v.is_number())
            fail("'" + where + key + "' must be a number");
        return v.get<double>();
    }

    template <class Enum>
    Enum choice(const json& object, const std::string& key, const std::string& where,
                const std::vector<std::pair<const char*, Enum>>& options) const
    {
        const std::string v = text(object, key, where);
        for (const auto& [name, e] : options)
            if (v == name)
                return e;
        std::string list;
        for (const auto& o : options)
            list += (list.empty() ? "" : ", ") + std::string(o.first);
        fail("'" + where + key + "' is '" + v + "'; expected one of " + list);
    }

    void onlyKnown(const json& object, const std::set<std::string>& known, const std::string& where) const
    {
        for (const auto& [key, value] : object.items())
            if (!known.count(key))
                fail("unknown field '" + where + key + "' (a misspelling?)");
    }

private:
    std::string source_;
};

const std::vector<std::pair<const char*, ModelTask>> kTasks{{"binary", ModelTask::Binary},
                                                            {"multiclass", ModelTask::Multiclass},
                                                            {"multilabel", ModelTask::Multilabel},
                                                            {"regression", ModelTask::Regression}};
const std::vector<std::pair<const char*, OutputActivation>> kActivations{
    {"none", OutputActivation::None}, {"softmax", OutputActivation::Softmax}, {"sigmoid", OutputActivation::Sigmoid}};
const std::vector<std::pair<const char*, WindowCombine>> kCombines{
    {"mean_logits", WindowCombine::MeanLogits}, {"max", WindowCombine::Max}};

const std::vector<std::pair<const char*, InputLayout>> kLayouts{
    {"leads-first", InputLayout::LeadsFirst}, {"samples-first", InputLayout::SamplesFirst}};

const std::vector<std::pair<const char*, InputNormalisation>> kNormalisations{
    {"none", InputNormalisation::None},
    {"zscore_per_lead", InputNormalisation::ZScorePerLead},
    {"fixed", InputNormalisation::Fixed}};

template <class Enum>
std::string nameOf(const std::vector<std::pair<const char*, Enum>>& options, Enum e)
{
    for (const auto& [name, value] : options)
        if (value == e)
            return name;
    return "?";
}

ModelInput readInput(const CardReader& r, const json& in)
{
    if (!in.is_object())
        r.fail("'input' must be an object");
    r.onlyKnown(in, {"leads", "sampling_rate_hz", "samples", "shortest_samples", "units", "normalisation", "layout", "windows"},
                "input.");
    ModelInput input;
    const json& leads = r.field(in, "leads", "input.");
    if (!leads.is_array() || leads.empty())
        r.fail("'input.leads' must be a non-empty list of lead names");
    for (const auto& l : leads) {
        if (!l.is_string())
            r.fail("'input.leads' must hold lead names as text");
        // Standard names (normalised), or the MIT-BIH modified limb leads kept as they are: a typo must not
        // silently select no lead.
        const std::string label = l.get<std::string>();
        auto name = standardLeadName(label);
        if (!name && (label == "MLI" || label == "MLII" || label == "MLIII"))
            name = label;
        if (!name)
            r.fail("'input.leads' has '" + label + "', not a known ECG lead name (standard names, or MLI/MLII/MLIII)");
        if (std::find(input.leads.begin(), input.leads.end(), *name) != input.leads.end())
            r.fail("'input.leads' lists " + *name + " twice");
        input.leads.push_back(*name);
    }
    input.samplingRateHz = r.number(in, "sampling_rate_hz", "input.");
    if (!(input.samplingRateHz >= 1 && input.samplingRateHz <= 20000))
        r.fail("'input.sampling_rate_hz' must be between 1 and 20000 Hz");
    const double samples = r.number(in, "samples", "input.");
    if (!(samples >= 1 && samples <= 1e7) || samples != std::floor(samples))
        r.fail("'input.samples' must be a whole number from 1 to 10,000,000");
    input.samples = int(samples);
    if (in.contains("shortest_samples")) {
        const double shortest = r.number(in, "shortest_samples", "input.");
        if (!(shortest >= 1 && shortest <= samples) || shortest != std::floor(shortest))
            r.fail("'input.shortest_samples' must be a whole number from 1 to 'input.samples' (" + std::to_string(input.samples) + ")");
        input.shortestSamples = int(shortest);
    }
    input.units = in.contains("units") ? r.text(in, "units", "input.") : "mV";
    if (input.units == "µV")
        input.units = "uV";
    if (input.units != "mV" && input.units != "uV")
        r.fail("'input.units' is '" + input.units + "'; expected mV or uV");
    if (in.contains("layout"))
        input.layout = r.choice(in, "layout", "input.", kLayouts);
    if (in.contains("windows")) {
        const json& w = in["windows"];
        if (!w.is_object())
            r.fail("'input.windows' must be an object with hop_s and combine");
        r.onlyKnown(w, {"hop_s", "combine"}, "input.windows.");
        WindowRule rule;
        rule.hopSeconds = r.number(w, "hop_s", "input.windows.");
        const double windowSeconds = double(input.samples) / input.samplingRateHz;
        if (!(rule.hopSeconds > 0) || rule.hopSeconds > windowSeconds + 1e-9)
            r.fail("'input.windows.hop_s' must be more than 0 and at most the window (" + std::to_string(windowSeconds) +
                   " s), so that no part of a recording is left out");
        rule.combine = r.choice(w, "combine", "input.windows.", kCombines);
        input.windows = rule;
    }
    if (in.contains("normalisation")) {
        const json& n = in["normalisation"];
        if (!n.is_object())
            r.fail("'input.normalisation' must be an object");
        r.onlyKnown(n, {"type", "mean", "std"}, "input.normalisation.");
        input.normalisation = r.choice(n, "type", "input.normalisation.", kNormalisations);
        if (input.normalisation == InputNormalisation::Fixed) {
            for (const char* key : {"mean", "std"}) {
                const json& v = r.field(n, key, "input.normalisation.");
                if (!v.is_array() || v.size() != input.leads.size())
                    r.fail(std::string("'input.normalisation.") + key + "' must list one number per input lead (" +
                           std::to_string(input.leads.size()) + ")");
                auto& out = std::string(key) == "mean" ? input.mean : input.std;
                for (const auto& e : v) {
                    if (!e.is_number())
                        r.fail(std::string("'input.normalisation.") + key + "' must hold numbers");
                    out.push_back(e.get<double>());
                }
            }
            if (std::any_of(input.std.begin(), input.std.end(), [](double s) { return !(s > 0); }))
                r.fail("'input.normalisation.std' must be positive");
        }
    }
    return input;
}

void checkOutputs(const CardReader& r, const ModelCard& c)
{
    const auto n = c.outputs.size();
    switch (c.task) {
    case ModelTask::Binary:
        if (n != 1 && n != 2)
            r.fail("a binary model has 1 output (one logit) or 2 (one per class); the card lists " + std::to_string(n));
        if (c.activation == OutputActivation::Softmax && n != 2)
            r.fail("softmax needs 2 outputs for a binary model");
        break;
    case ModelTask::Multiclass:
        if (n < 2)
            r.fail("a multiclass model needs at least 2 outputs");
        if (c.activation == OutputActivation::Sigmoid)
            r.fail("a multiclass model's classes exclude each other: use softmax (or none), not sigmoid");
        break;
    case ModelTask::Multilabel:
        if (c.activation == OutputActivation::Softmax)
            r.fail("a multilabel model's labels are independent: use sigmoid (or none), not softmax");
        break;
    case ModelTask::Regression:
        if (c.activation != OutputActivation::None)
            r.fail("a regression model's outputs are values, not probabilities: activation must be none");
        for (const auto& o : c.outputs)
            if (o.unit.empty())
                r.fail("regression output '" + o.label + "' needs a unit (e.g. mmol/L)");
        break;
    }
}

} // namespace

ModelCard parseModelCard(const std::string& jsonText, const std::string& source)
{
    const CardReader r(source);
    json j;
    try {
        j = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        r.fail(std::string("not valid JSON (") + e.what() + ")");
    }
    if (!j.is_object())
        r.fail("a model card is a JSON object");
    r.onlyKnown(j, {"schema", "name", "version", "task", "outputs", "activation", "input", "layers", "explain_defaults",
                    "concept_defaults", "generator", "intended_use", "limitations", "demo", "label_waves", "decision_threshold"},
                "");
    if (r.text(j, "schema", "") != kSchema)
        r.fail(std::string("'schema' must be \"") + kSchema + "\"");
    ModelCard c;
    c.name = r.text(j, "name", "");
    if (c.name.empty())
        r.fail("'name' is empty");
    c.version = r.text(j, "version", "");
    c.task = r.choice(j, "task", "", kTasks);
    c.activation = r.choice(j, "activation", "", kActivations);
    const json& outputs = r.field(j, "outputs", "");
    if (!outputs.is_array() || outputs.empty())
        r.fail("'outputs' must be a non-empty list");
    for (const auto& o : outputs) {
        if (!o.is_object())
            r.fail("each of 'outputs' is an object with a label (and a unit for regression)");
        r.onlyKnown(o, {"label", "unit"}, "outputs[].");
        ModelOutput out{r.text(o, "label", "outputs[]."), r.text(o, "unit", "outputs[].", false)};
        if (out.label.empty())
            r.fail("an output has an empty label");
        c.outputs.push_back(out);
    }
    checkOutputs(r, c);
    c.input = readInput(r, r.field(j, "input", ""));
    if (c.input.windows && c.input.windows->combine == WindowCombine::Max && c.activation == OutputActivation::Softmax)
        r.fail("'input.windows.combine' max takes each output's largest value over the windows, which softmax "
               "probabilities do not allow (they must sum to 1): use mean_logits");
    if (j.contains("layers")) {
        if (!j["layers"].is_array())
            r.fail("'layers' must be a list");
        for (const auto& l : j["layers"]) {
            if (!l.is_object())
                r.fail("each of 'layers' is an object with a name and its uses");
            r.onlyKnown(l, {"name", "use"}, "layers[].");
            ModelLayer layer{r.text(l, "name", "layers[]."), false, false};
            if (layer.name.empty())
                r.fail("a layer has an empty name");
            const json& use = r.field(l, "use", "layers[].");
            if (!use.is_array())
                r.fail("'layers[].use' must be a list of gradcam and/or tcav");
            for (const auto& u : use) {
                const std::string s = u.is_string() ? u.get<std::string>() : "";
                if (s == "gradcam")
                    layer.gradCam = true;
                else if (s == "tcav")
                    layer.tcav = true;
                else
                    r.fail("layer '" + layer.name + "' has use '" + s + "'; expected gradcam or tcav");
            }
            c.layers.push_back(layer);
        }
    }
    if (j.contains("generator")) {
        const json& g = j["generator"];
        if (!g.is_object())
            r.fail("'generator' must be an object");
        r.onlyKnown(g, {"file", "latent_size", "latent_shape"}, "generator.");
        ModelGenerator gen{r.text(g, "file", "generator."), int(r.number(g, "latent_size", "generator.")), {}};
        if (gen.file.empty() || gen.latentSize <= 0)
            r.fail("'generator' needs a file and a positive latent_size");
        if (g.contains("latent_shape")) {
            long product = 1;
            bool ok = g["latent_shape"].is_array() && !g["latent_shape"].empty();
            for (const auto& e : ok ? g["latent_shape"] : json::array()) {
                ok = ok && e.is_number_integer() && e.get<long>() > 0;
                if (ok) {
                    gen.latentShape.push_back(e.get<int>());
                    product *= e.get<long>();
                }
            }
            if (!ok || gen.latentShape.front() != 1 || product != gen.latentSize)
                r.fail("'generator.latent_shape' must be positive integers, batch 1 first, whose product is latent_size");
        }
        c.generator = gen;
    }
    // A default list: absent, or a non-empty list of names (checked against the methods or concepts where it is used).
    const auto names = [&](const char* key, const char* whatNames, std::vector<std::string>& into) {
        if (!j.contains(key))
            return;
        const json& d = j[key];
        if (!d.is_array() || d.empty() || !std::all_of(d.begin(), d.end(), [](const json& m) { return m.is_string(); }))
            r.fail(std::string("'") + key + "' must be a non-empty list of " + whatNames);
        for (const auto& m : d)
            into.push_back(m.get<std::string>());
    };
    names("explain_defaults", "method names (execg-cli explain --help lists them)", c.defaultMethods);
    names("concept_defaults", "built-in concept names (execg-cli tcav --help lists them)", c.defaultConcepts);
    c.intendedUse = r.text(j, "intended_use", "");
    if (c.intendedUse.empty())
        r.fail("'intended_use' is empty: say what the model is for");
    c.limitations = r.text(j, "limitations", "", false);
    if (j.contains("demo")) {
        if (!j["demo"].is_boolean())
            r.fail("'demo' must be true or false");
        c.demo = j["demo"].get<bool>();
    }
    if (j.contains("decision_threshold")) {
        const json& t = j["decision_threshold"];
        if (!t.is_number() || !std::isfinite(t.get<double>()))
            r.fail("'decision_threshold' must be a number: the explained output's value (a probability, or the regression's "
                   "value in its unit) where the decision changes");
        c.decisionThreshold = t.get<double>();
        if (c.activation != OutputActivation::None && !(*c.decisionThreshold > 0.0 && *c.decisionThreshold < 1.0))
            r.fail("'decision_threshold' " + std::to_string(*c.decisionThreshold) + " is not a probability between 0 and 1");
    }
    if (j.contains("label_waves")) {
        if (!j["label_waves"].is_array())
            r.fail("'label_waves' must be a list of p, pr, qrs, st, t, tp");
        for (const auto& w : j["label_waves"]) {
            const std::string key = w.is_string() ? w.get<std::string>() : "";
            const auto wave = waveSegmentFromKey(key);
            if (!wave)
                r.fail("'label_waves' has '" + key + "'; expected p, pr, qrs, st, t or tp");
            c.labelWaves.push_back(*wave);
        }
    }
    return c;
}

ModelCard loadModelCard(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ModelCardError(path, "cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    ModelCard card = parseModelCard(text.str(), path);
    // A card that points at a generator must not promise counterfactuals the folder cannot give.
    if (card.generator && !std::filesystem::is_regular_file(generatorPathFor(path, *card.generator)))
        throw ModelCardError(path, "'generator.file' names '" + card.generator->file + "', which is not beside the card");
    return card;
}

std::string generatorPathFor(const std::string& cardPath, const ModelGenerator& generator)
{
    const std::filesystem::path file(generator.file);
    if (file.is_absolute())
        return file.string();
    return (std::filesystem::path(cardPath).parent_path() / file).string();
}

std::string modelCardToJson(const ModelCard& c)
{
    json j;
    j["schema"] = kSchema;
    j["name"] = c.name;
    j["version"] = c.version;
    j["task"] = toString(c.task);
    j["activation"] = toString(c.activation);
    j["outputs"] = json::array();
    for (const auto& o : c.outputs) {
        json out{{"label", o.label}};
        if (!o.unit.empty())
            out["unit"] = o.unit;
        j["outputs"].push_back(out);
    }
    json in{{"leads", c.input.leads}, {"sampling_rate_hz", c.input.samplingRateHz}, {"samples", c.input.samples},
            {"units", c.input.units}, {"layout", toString(c.input.layout)}};
    json norm{{"type", toString(c.input.normalisation)}};
    if (c.input.normalisation == InputNormalisation::Fixed) {
        norm["mean"] = c.input.mean;
        norm["std"] = c.input.std;
    }
    in["normalisation"] = norm;
    if (c.input.shortestSamples > 0)
        in["shortest_samples"] = c.input.shortestSamples;
    if (c.input.windows)
        in["windows"] = {{"hop_s", c.input.windows->hopSeconds}, {"combine", toString(c.input.windows->combine)}};
    j["input"] = in;
    j["layers"] = json::array();
    for (const auto& l : c.layers) {
        json use = json::array();
        if (l.gradCam)
            use.push_back("gradcam");
        if (l.tcav)
            use.push_back("tcav");
        j["layers"].push_back({{"name", l.name}, {"use", use}});
    }
    if (!c.defaultMethods.empty())
        j["explain_defaults"] = c.defaultMethods;
    if (!c.defaultConcepts.empty())
        j["concept_defaults"] = c.defaultConcepts;
    if (c.generator)
    {
        j["generator"] = {{"file", c.generator->file}, {"latent_size", c.generator->latentSize}};
        if (!c.generator->latentShape.empty())
            j["generator"]["latent_shape"] = c.generator->latentShape;
    }
    j["intended_use"] = c.intendedUse;
    j["limitations"] = c.limitations;
    j["demo"] = c.demo;
    if (c.decisionThreshold)
        j["decision_threshold"] = *c.decisionThreshold;
    if (!c.labelWaves.empty()) {
        j["label_waves"] = json::array();
        for (const auto w : c.labelWaves)
            j["label_waves"].push_back(keyOf(w));
    }
    return j.dump(2);
}

ModelCard inferredModelCard(const std::string& modelPath, double samplingRateHz, int samples,
                            const std::vector<std::string>& leads)
{
    ModelCard c;
    c.name = modelPath;
    c.version = "unknown";
    c.task = ModelTask::Multilabel;
    c.input.leads = leads.empty() ? standardTwelveLeads() : leads;
    c.input.samplingRateHz = samplingRateHz;
    c.input.samples = samples;
    c.intendedUse = "unknown (no model card)";
    c.inferred = true;
    c.warnings.push_back("no model card beside " + modelPath + ": input as the user described it (" +
                         std::to_string(c.input.leads.size()) + " leads, " +
                         std::to_string(int(std::lround(samplingRateHz))) + " Hz, " + std::to_string(samples) +
                         " samples, mV, no normalisation); outputs are shown raw, unlabelled");
    // The inferred card must itself be valid: same checks as a written one.
    ModelCard check = c;
    check.outputs = {{"output 1", ""}};
    parseModelCard(modelCardToJson(check), modelPath + " (inferred card)");
    return c;
}

std::string modelCardPathFor(const std::string& modelPath)
{
    const auto dot = modelPath.rfind('.');
    const auto slash = modelPath.find_last_of('/');
    const bool hasExtension = dot != std::string::npos && (slash == std::string::npos || dot > slash);
    return (hasExtension ? modelPath.substr(0, dot) : modelPath) + ".card.json";
}

std::string toString(ModelTask t) { return nameOf(kTasks, t); }
std::string toString(OutputActivation a) { return nameOf(kActivations, a); }
std::string toString(InputNormalisation n) { return nameOf(kNormalisations, n); }
std::string toString(InputLayout l) { return nameOf(kLayouts, l); }
std::string toString(WindowCombine c) { return nameOf(kCombines, c); }

} // namespace execg
