#include "analysis/ResultsJson.h"

#include "io/AtomicFile.h"
#include "quality/MapMetrics.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace execg {

using nlohmann::ordered_json;
// Read as ordered too: the leads keep the recording's order (lead_share, max_abs_per_lead_mv).
using json = nlohmann::ordered_json;

namespace {

constexpr const char* kSchemaName = "execg-results";

// --- writing ------------------------------------------------------------------------------------------------------

ordered_json numbers(const std::vector<double>& values)
{
    ordered_json out = ordered_json::array();
    for (const double v : values)
        out.push_back(round6(v));
    return out;
}

ordered_json matrix(const std::vector<std::vector<double>>& rows)
{
    ordered_json out = ordered_json::array();
    for (const auto& row : rows)
        out.push_back(numbers(row));
    return out;
}

ordered_json curveJson(const quality::FaithfulnessCurve& c)
{
    return {{"area", round6(c.area)}, {"fraction", numbers(c.fraction)}, {"output", numbers(c.output)}};
}

ordered_json attributionJson(const MethodResult& m)
{
    const Explanation& e = *m.explanation;
    ordered_json j{{"method", m.method}, {"kind", "attribution"}};
    if (!m.file.empty())
        j["file"] = m.file;
    j["parameters"] = e.parameters;
    if (m.stochastic)
        j["seed"] = e.seed;
    j["runtime_ms"] = round6(e.runtimeMs);
    ordered_json diagnostics = ordered_json::object();
    for (const auto& [k, v] : e.diagnostics)
        diagnostics[k] = round6(v);
    j["diagnostics"] = diagnostics;
    j["notes"] = e.notes;
    j["headline"] = m.headline;
    if (m.summary)
        j["summary"] = attributionSummaryJson(*m.summary);
    if (m.scorecard)
        j["quality"] = scorecardJson(*m.scorecard, m.agreement);
    else if (!m.scoreError.empty())
        j["quality"] = {{"error", m.scoreError}};
    return j;
}

ordered_json counterfactualJson(const MethodResult& m)
{
    const CounterfactualResult& r = *m.counterfactual;
    ordered_json j{{"method", m.method}, {"kind", "counterfactual"}};
    j["parameters"] = r.parameters;
    j["seed"] = r.seed;
    j["target"] = {{"output", r.target.output}, {"label", r.outputLabel}, {"value", round6(r.target.value)}, {"unit", r.outputUnit}};
    j["valid"] = r.valid;
    j["initial_prediction"] = round6(r.initialValue);
    j["final_prediction"] = round6(r.finalValue);
    j["steps"] = r.steps;
    j["runtime_ms"] = round6(r.runtimeMs);
    ordered_json perLead = ordered_json::object();
    for (std::size_t l = 0; l < r.counterfactual.leads.size() && l < r.maxAbsPerLeadMv.size(); ++l)
        perLead[r.counterfactual.leads[l].name] = round6(r.maxAbsPerLeadMv[l]);
    j["distances"] = {{"mean_abs_mv", round6(r.meanAbsMv)}, {"rms_mv", round6(r.rmsMv)}, {"max_abs_per_lead_mv", perLead}};
    j["trajectory"] = numbers(r.trajectory);
    ordered_json deltas = ordered_json::array();
    for (const auto& d : r.deltas.rows)
        deltas.push_back({{"quantity", d.quantity}, {"lead", d.lead}, {"unit", d.unit}, {"before", round6(d.before)},
                          {"after", round6(d.after)}, {"delta", round6(d.delta)}});
    j["deltas"] = deltas;
    if (!r.parameterChanges.empty()) {
        ordered_json changes = ordered_json::array();
        for (const auto& c : r.parameterChanges)
            changes.push_back({{"quantity", c.quantity}, {"leads", c.leads}, {"change", round6(c.change)}, {"unit", c.unit},
                               {"text", c.text}});
        j["parameter_changes"] = changes;
    }
    j["notes"] = r.notes;
    j["files"] = m.files;
    return j;
}

// --- reading ------------------------------------------------------------------------------------------------------

// A number as written by round6: null stands for NaN.
double number(const json& j, const char* key)
{
    const auto it = j.find(key);
    if (it == j.end())
        throw ResultsFormatError(std::string("\"") + key + "\" is missing");
    if (it->is_null())
        return std::numeric_limits<double>::quiet_NaN();
    if (!it->is_number())
        throw ResultsFormatError(std::string("\"") + key + "\" is not a number");
    return it->get<double>();
}

std::vector<double> numberList(const json& j, const char* key)
{
    std::vector<double> out;
    if (const auto it = j.find(key); it != j.end())
        for (const auto& v : *it)
            out.push_back(v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>());
    return out;
}

std::vector<std::vector<double>> matrixFrom(const json& j, const char* key)
{
    std::vector<std::vector<double>> rows;
    if (const auto it = j.find(key); it != j.end())
        for (const auto& row : *it) {
            rows.emplace_back();
            for (const auto& v : row)
                rows.back().push_back(v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>());
        }
    return rows;
}

template <typename T>
T valueOr(const json& j, const char* key, T fallback)
{
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? fallback : it->get<T>();
}

quality::FaithfulnessCurve curveFrom(const json& j)
{
    return {numberList(j, "fraction"), numberList(j, "output"), number(j, "area")};
}

AttributionSummary summaryFrom(const json& j)
{
    AttributionSummary s;
    s.headline = valueOr<std::string>(j, "headline", "");
    for (const auto& [lead, share] : j.at("lead_share").items()) {
        s.leads.push_back(lead);
        s.leadShare.push_back(share.is_null() ? std::numeric_limits<double>::quiet_NaN() : share.get<double>());
        std::array<double, kWaveSegments> perWave{};
        const json& waves = j.at("lead_wave_share").at(lead);
        for (int w = 0; w < kWaveSegments; ++w)
            perWave[std::size_t(w)] = number(waves, keyOf(WaveSegment(w)).c_str());
        s.leadWaveShare.push_back(perWave);
    }
    for (int w = 0; w < kWaveSegments; ++w)
        s.waveShare[std::size_t(w)] = number(j.at("wave_share"), keyOf(WaveSegment(w)).c_str());
    s.unassignedShare = number(j, "unassigned_share");
    if (const auto w = waveSegmentFromKey(valueOr<std::string>(j, "headline_wave", "")))
        s.headlineWave = int(*w);
    s.headlineShare = number(j, "headline_share");
    s.headlineLeads = j.at("headline_leads").get<std::vector<std::string>>();
    s.headlineAllLeads = j.at("headline_all_leads").get<bool>();
    return s;
}

quality::Scorecard scorecardFrom(const json& j, const std::string& method, double& agreement)
{
    quality::Scorecard s;
    s.method = method;
    const json& f = j.at("faithfulness");
    s.faithfulness.deletion = curveFrom(f.at("deletion"));
    s.faithfulness.insertion = curveFrom(f.at("insertion"));
    s.faithfulness.correlation = number(f, "correlation");
    s.faithfulness.note = valueOr<std::string>(f, "note", "");
    s.randomMapDeletionArea = number(f, "random_map_deletion_area");
    s.deletionGain = number(f, "deletion_gain");
    if (const auto r = j.find("randomisation"); r != j.end()) {
        quality::RandomisationCheck check;
        check.passed = r->at("passed").get<bool>();
        for (const auto& st : r->at("steps"))
            check.steps.push_back({st.at("randomised_from").get<std::string>(), number(st, "rank_correlation"),
                                   number(st, "magnitude_rank_correlation"), number(st, "ssim")});
        s.randomisation = check;
    }
    const json& rob = j.at("robustness");
    s.robustness.maxSensitivity = number(rob, "max_sensitivity");
    s.robustness.averageSensitivity = number(rob, "average_sensitivity");
    s.robustness.quantusMaxSensitivity = number(rob, "quantus_max_sensitivity");
    s.robustness.quantusAverageSensitivity = number(rob, "quantus_average_sensitivity");
    s.robustness.samples = valueOr<int>(rob, "samples", 0);
    s.robustness.note = valueOr<std::string>(rob, "note", "");
    s.sparseness = number(j.at("complexity"), "sparseness");
    s.effectiveSupportMs = numberList(j.at("complexity"), "effective_support_ms");
    agreement = number(j, "agreement");
    if (const auto l = j.find("localisation"); l != j.end()) {
        quality::Localisation loc;
        for (const auto& w : l->at("waves"))
            if (const auto wave = waveSegmentFromKey(w.get<std::string>()))
                loc.waves.push_back(*wave);
        loc.massShare = number(*l, "mass_share");
        loc.chanceShare = number(*l, "chance_share");
        loc.lift = number(*l, "lift");
        loc.pointingHit = valueOr<bool>(*l, "pointing_hit", false);
        loc.note = valueOr<std::string>(*l, "note", "");
        s.localisation = loc;
    }
    for (const auto& v : j.at("verdicts"))
        s.verdicts.push_back({v.at("text").get<std::string>(), v.at("warning").get<bool>()});
    s.runtimeMs = number(j, "runtime_ms");
    return s;
}

MethodResult attributionFrom(const json& j, const ResultsDocument& d)
{
    MethodResult m;
    m.method = j.at("method").get<std::string>();
    m.file = valueOr<std::string>(j, "file", "");
    auto e = std::make_shared<Explanation>();
    e->method = m.method;
    e->parameters = j.at("parameters").get<std::map<std::string, std::string>>();
    m.stochastic = j.contains("seed");
    e->seed = valueOr<std::uint64_t>(j, "seed", 0);
    if (d.target) {
        e->target = d.target->index;
        e->targetLabel = d.target->label;
    }
    e->modelName = d.model.name;
    e->modelSha256 = d.model.sha256;
    e->runtimeMs = number(j, "runtime_ms");
    for (const auto& [k, v] : j.at("diagnostics").items())
        e->diagnostics.emplace_back(k, v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>());
    e->notes = j.at("notes").get<std::vector<std::string>>();
    m.headline = valueOr<std::string>(j, "headline", "");
    if (const auto s = j.find("summary"); s != j.end())
        m.summary = summaryFrom(*s);
    if (const auto q = j.find("quality"); q != j.end() && q->contains("error"))
        m.scoreError = q->at("error").get<std::string>();
    else if (q != j.end())
        m.scorecard = scorecardFrom(*q, m.method, m.agreement);
    m.explanation = std::move(e);
    return m;
}

MethodResult counterfactualFrom(const json& j)
{
    MethodResult m;
    m.method = j.at("method").get<std::string>();
    auto r = std::make_shared<CounterfactualResult>();
    r->method = m.method;
    r->parameters = j.at("parameters").get<std::map<std::string, std::string>>();
    r->seed = valueOr<std::uint64_t>(j, "seed", 0);
    const json& t = j.at("target");
    r->target = {t.at("output").get<int>(), number(t, "value")};
    r->outputLabel = t.at("label").get<std::string>();
    r->outputUnit = t.at("unit").get<std::string>();
    r->valid = j.at("valid").get<bool>();
    r->initialValue = number(j, "initial_prediction");
    r->finalValue = number(j, "final_prediction");
    r->steps = j.at("steps").get<int>();
    r->runtimeMs = number(j, "runtime_ms");
    const json& distances = j.at("distances");
    r->meanAbsMv = number(distances, "mean_abs_mv");
    r->rmsMv = number(distances, "rms_mv");
    // The changed group stays out of the document; its leads are named here so the distances keep their leads.
    for (const auto& [lead, v] : distances.at("max_abs_per_lead_mv").items()) {
        r->counterfactual.leads.push_back(Lead{});
        r->counterfactual.leads.back().name = lead;
        r->maxAbsPerLeadMv.push_back(v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>());
    }
    r->trajectory = numberList(j, "trajectory");
    for (const auto& d : j.at("deltas"))
        r->deltas.rows.push_back({d.at("quantity").get<std::string>(), d.at("lead").get<std::string>(),
                                  d.at("unit").get<std::string>(), number(d, "before"), number(d, "after"), number(d, "delta")});
    if (const auto changes = j.find("parameter_changes"); changes != j.end())
        for (const auto& c : *changes)
            r->parameterChanges.push_back({c.at("quantity").get<std::string>(), c.at("leads").get<std::string>(),
                                           number(c, "change"), c.at("unit").get<std::string>(), c.at("text").get<std::string>()});
    r->notes = j.at("notes").get<std::vector<std::string>>();
    m.files = valueOr<std::map<std::string, std::string>>(j, "files", {});
    m.counterfactual = std::move(r);
    return m;
}

} // namespace

MethodResult attributionResult(std::string method, std::shared_ptr<const Explanation> explanation)
{
    MethodResult m;
    m.method = std::move(method);
    m.explanation = std::move(explanation);
    return m;
}

MethodResult counterfactualResult(std::string method, std::shared_ptr<const CounterfactualResult> counterfactual)
{
    MethodResult m;
    m.method = std::move(method);
    m.counterfactual = std::move(counterfactual);
    return m;
}

MethodResult failedMethod(std::string method, std::string error)
{
    MethodResult m;
    m.method = std::move(method);
    m.error = std::move(error);
    return m;
}

ResultsAgreement agreementBetween(const std::vector<const MethodResult*>& methods)
{
    std::vector<std::vector<float>> maps;
    ResultsAgreement a;
    for (const MethodResult* m : methods) {
        maps.push_back(m->explanation->modelMap);
        a.methods.push_back(m->method);
    }
    const auto matrix = quality::agreement(maps);
    a.rankCorrelation = matrix.rankCorrelation;
    a.topKOverlap = matrix.topKOverlap;
    return a;
}

void agreeScoredMethods(ResultsDocument& d)
{
    std::vector<std::size_t> at;
    std::vector<const MethodResult*> scored;
    for (std::size_t k = 0; k < d.methods.size(); ++k)
        if (d.methods[k].scorecard && d.methods[k].explanation) {
            at.push_back(k);
            scored.push_back(&d.methods[k]);
        }
    if (scored.empty()) {
        d.agreement.reset();
        return;
    }
    ResultsAgreement a = agreementBetween(scored);
    const auto mean = quality::meanAgreement({a.rankCorrelation, a.topKOverlap});
    for (std::size_t k = 0; k < at.size(); ++k)
        d.methods[at[k]].agreement = mean[k];
    d.agreement = std::move(a);
}

ordered_json round6(double v) { return std::isfinite(v) ? ordered_json(std::round(v * 1e6) / 1e6) : ordered_json(nullptr); }

ordered_json attributionSummaryJson(const AttributionSummary& s)
{
    ordered_json j;
    ordered_json leads = ordered_json::object(), waves = ordered_json::object(), leadWaves = ordered_json::object();
    for (std::size_t l = 0; l < s.leads.size(); ++l) {
        leads[s.leads[l]] = round6(s.leadShare[l]);
        ordered_json per = ordered_json::object();
        for (int w = 0; w < kWaveSegments; ++w)
            per[keyOf(WaveSegment(w))] = round6(s.leadWaveShare[l][std::size_t(w)]);
        leadWaves[s.leads[l]] = per;
    }
    for (int w = 0; w < kWaveSegments; ++w)
        waves[keyOf(WaveSegment(w))] = round6(s.waveShare[std::size_t(w)]);
    j["headline"] = s.headline;
    // The headline's parts, so a reader can say it again in another language.
    j["headline_wave"] = s.headlineWave >= 0 ? keyOf(WaveSegment(s.headlineWave)) : std::string();
    j["headline_share"] = round6(s.headlineShare);
    j["headline_leads"] = s.headlineLeads;
    j["headline_all_leads"] = s.headlineAllLeads;
    j["lead_share"] = leads;
    j["wave_share"] = waves;
    j["unassigned_share"] = round6(s.unassignedShare);
    j["lead_wave_share"] = leadWaves;
    return j;
}

ordered_json scorecardJson(const quality::Scorecard& s, double agreement)
{
    ordered_json q;
    q["faithfulness"] = {{"deletion", curveJson(s.faithfulness.deletion)},
                         {"insertion", curveJson(s.faithfulness.insertion)},
                         {"correlation", round6(s.faithfulness.correlation)},
                         {"random_map_deletion_area", round6(s.randomMapDeletionArea)},
                         {"deletion_gain", round6(s.deletionGain)},
                         {"note", s.faithfulness.note}};
    if (s.randomisation) {
        ordered_json steps = ordered_json::array();
        for (const auto& st : s.randomisation->steps)
            steps.push_back({{"randomised_from", st.randomisedFrom}, {"rank_correlation", round6(st.rankCorrelation)},
                             {"magnitude_rank_correlation", round6(st.magnitudeRankCorrelation)},
                             {"ssim", round6(st.ssim)}});
        q["randomisation"] = {{"passed", s.randomisation->passed}, {"steps", steps}};
    }
    q["robustness"] = {{"max_sensitivity", round6(s.robustness.maxSensitivity)},
                       {"average_sensitivity", round6(s.robustness.averageSensitivity)},
                       {"quantus_max_sensitivity", round6(s.robustness.quantusMaxSensitivity)},
                       {"quantus_average_sensitivity", round6(s.robustness.quantusAverageSensitivity)},
                       {"samples", s.robustness.samples},
                       {"note", s.robustness.note}};
    q["complexity"] = {{"sparseness", round6(s.sparseness)}, {"effective_support_ms", numbers(s.effectiveSupportMs)}};
    q["agreement"] = round6(agreement);
    if (s.localisation) {
        ordered_json waves = ordered_json::array();
        for (const auto w : s.localisation->waves)
            waves.push_back(keyOf(w));
        q["localisation"] = {{"waves", waves},
                             {"mass_share", round6(s.localisation->massShare)},
                             {"chance_share", round6(s.localisation->chanceShare)},
                             {"lift", round6(s.localisation->lift)},
                             {"pointing_hit", s.localisation->pointingHit},
                             {"note", s.localisation->note}};
    }
    ordered_json verdicts = ordered_json::array();
    for (const auto& v : s.verdicts)
        verdicts.push_back({{"text", v.text}, {"warning", v.warning}});
    q["verdicts"] = verdicts;
    q["runtime_ms"] = round6(s.runtimeMs);
    return q;
}

ordered_json uncertaintyJson(const UncertaintyResult& u)
{
    ordered_json sources = ordered_json::array();
    for (const auto& s : u.sources)
        sources.push_back({{"name", s.name}, {"draws", s.draws}, {"low", round6(s.low)}, {"high", round6(s.high)}, {"note", s.note}});
    return {{"target", u.target},
            {"label", u.label},
            {"unit", u.unit},
            {"probability", u.probability},
            {"value", round6(u.value)},
            {"interval_90", {round6(u.low), round6(u.high)}},
            {"draws", u.draws},
            {"sources", sources},
            {"threshold", u.threshold ? ordered_json(*u.threshold) : ordered_json(nullptr)},
            {"class_change_share", round6(u.classChangeShare)},
            {"referral", u.referral},
            {"verdict", u.verdict},
            {"warnings", u.warnings}};
}

namespace {

UncertaintyResult uncertaintyFrom(const json& j)
{
    UncertaintyResult u;
    u.target = j.at("target").get<int>();
    u.label = j.at("label").get<std::string>();
    u.unit = j.at("unit").get<std::string>();
    u.probability = j.at("probability").get<bool>();
    u.value = number(j, "value");
    u.low = j.at("interval_90").at(0).get<double>();
    u.high = j.at("interval_90").at(1).get<double>();
    u.draws = j.at("draws").get<int>();
    for (const auto& s : j.at("sources"))
        u.sources.push_back({s.at("name").get<std::string>(), s.at("draws").get<int>(), number(s, "low"), number(s, "high"),
                             s.at("note").get<std::string>()});
    if (const auto t = j.find("threshold"); t != j.end() && t->is_number())
        u.threshold = t->get<double>();
    u.classChangeShare = number(j, "class_change_share");
    u.referral = j.at("referral").get<bool>();
    u.verdict = j.at("verdict").get<std::string>();
    u.warnings = j.at("warnings").get<std::vector<std::string>>();
    return u;
}

} // namespace

ordered_json resultsToJson(const ResultsDocument& d)
{
    ordered_json j;
    j["schema"] = kSchemaName;
    j["schema_version"] = d.schemaVersion;
    j["software"] = d.software;
    j["model"] = {{"name", d.model.name}, {"version", d.model.version}, {"file", d.model.file}, {"sha256", d.model.sha256}};
    if (!d.model.notice.empty())
        j["model"]["notice"] = d.model.notice;
    const ResultsRecording& r = d.recording;
    j["recording"] = {{"file", r.file}, {"sha256", r.sha256}, {"group", r.group}, {"leads", r.leads}, {"sampling_rate_hz", round6(r.samplingRateHz)},
                      {"window_start_s", round6(r.windowStartS)}, {"window_end_s", round6(r.windowEndS)}, {"windows", r.windows}};
    j["warnings"] = d.warnings;
    if (d.prediction) {
        ordered_json outputs = ordered_json::array();
        for (const auto& o : d.prediction->outputs)
            // Unrounded: the answer itself, exactly as the model and the card gave it (a prediction with a NaN never
            // gets here: it is a problem, not a result).
            outputs.push_back({{"label", o.label}, {"value", o.value}, {"unit", o.unit}, {"raw", o.raw}, {"probability", o.probability}});
        j["prediction"] = outputs;
    }
    if (d.target)
        j["target"] = {{"index", d.target->index}, {"label", d.target->label}, {"raw", d.target->raw}};
    j["beats"] = {{"count", d.beats}, {"problem", d.beatsProblem}};
    ordered_json methods = ordered_json::array();
    for (const auto& m : d.methods) {
        if (m.explanation)
            methods.push_back(attributionJson(m));
        else if (m.counterfactual)
            methods.push_back(counterfactualJson(m));
        else
            methods.push_back({{"method", m.method}, {"error", m.error}});
    }
    j["methods"] = methods;
    if (d.agreement)
        j["agreement"] = {{"methods", d.agreement->methods}, {"rank_correlation", matrix(d.agreement->rankCorrelation)},
                          {"top_10_percent_overlap", matrix(d.agreement->topKOverlap)}};
    if (d.quality)
        j["quality"] = {{"seed", d.quality->seed},
                        {"ground_truth", d.quality->groundTruth.empty() ? ordered_json(nullptr) : ordered_json(d.quality->groundTruth)},
                        {"label_waves", d.quality->labelWaves},
                        {"notes", d.quality->notes}};
    if (d.uncertainty)
        j["uncertainty"] = uncertaintyJson(*d.uncertainty);
    j["timing"] = {{"threads", d.threads}, {"total_ms", round6(d.totalMs)}};
    if (!d.files.empty())
        j["files"] = d.files;
    return j;
}

ResultsDocument resultsFromJson(const json& j)
{
    const auto schema = j.is_object() ? j.find("schema") : j.end();
    if (!j.is_object() || schema == j.end() || !schema->is_string() || schema->get<std::string>() != kSchemaName)
        throw ResultsFormatError("not an ExECG results document (no \"schema\": \"execg-results\")");
    ResultsDocument d;
    try {
        d.schemaVersion = j.at("schema_version").get<int>();
        if (d.schemaVersion > kResultsSchemaVersion)
            throw ResultsFormatError("results schema version " + std::to_string(d.schemaVersion) +
                                     " is newer than this program reads (" + std::to_string(kResultsSchemaVersion) + ")");
        d.software = j.at("software").get<std::map<std::string, std::string>>();
        const json& m = j.at("model");
        d.model = {m.at("name").get<std::string>(), m.at("version").get<std::string>(), m.at("file").get<std::string>(),
                   m.at("sha256").get<std::string>(), valueOr<std::string>(m, "notice", "")};
        const json& r = j.at("recording");
        d.recording = {r.at("file").get<std::string>(), r.at("sha256").get<std::string>(), r.at("group").get<int>(), r.at("leads").get<std::vector<std::string>>(),
                       number(r, "sampling_rate_hz"), number(r, "window_start_s"), number(r, "window_end_s"),
                       valueOr<int>(r, "windows", 1)};
        d.warnings = j.at("warnings").get<std::vector<std::string>>();
        if (const auto p = j.find("prediction"); p != j.end()) {
            Prediction prediction;
            prediction.modelName = d.model.name;
            prediction.modelVersion = d.model.version;
            prediction.modelSha256 = d.model.sha256;
            prediction.demo = !d.model.notice.empty();
            prediction.warnings = d.warnings;
            for (const auto& o : *p)
                prediction.outputs.push_back({o.at("label").get<std::string>(), o.at("unit").get<std::string>(),
                                              float(number(o, "raw")), number(o, "value"), o.at("probability").get<bool>()});
            d.prediction = prediction;
        }
        if (const auto t = j.find("target"); t != j.end())
            d.target = ResultsTarget{t->at("index").get<int>(), t->at("label").get<std::string>(), float(number(*t, "raw"))};
        d.beats = j.at("beats").at("count").get<int>();
        d.beatsProblem = j.at("beats").at("problem").get<std::string>();
        for (const auto& entry : j.at("methods")) {
            const std::string kind = valueOr<std::string>(entry, "kind", "");
            if (kind == "attribution")
                d.methods.push_back(attributionFrom(entry, d));
            else if (kind == "counterfactual")
                d.methods.push_back(counterfactualFrom(entry));
            else
                d.methods.push_back(failedMethod(entry.at("method").get<std::string>(), entry.at("error").get<std::string>()));
        }
        if (const auto a = j.find("agreement"); a != j.end())
            d.agreement = ResultsAgreement{a->at("methods").get<std::vector<std::string>>(), matrixFrom(*a, "rank_correlation"),
                                           matrixFrom(*a, "top_10_percent_overlap")};
        if (const auto q = j.find("quality"); q != j.end())
            d.quality = ResultsQuality{q->at("seed").get<std::uint64_t>(), valueOr<std::string>(*q, "ground_truth", ""),
                                       q->at("label_waves").get<std::vector<std::string>>(),
                                       q->at("notes").get<std::vector<std::string>>()};
        if (const auto u = j.find("uncertainty"); u != j.end())
            d.uncertainty = uncertaintyFrom(*u);
        d.threads = j.at("timing").at("threads").get<int>();
        d.totalMs = number(j.at("timing"), "total_ms");
        d.files = valueOr<std::map<std::string, std::string>>(j, "files", {});
    } catch (const json::exception& e) {
        throw ResultsFormatError(std::string("results document: ") + e.what());
    }
    return d;
}

std::string resultsText(const ResultsDocument& document) { return resultsToJson(document).dump(2) + "\n"; }

void writeResultsFile(const ResultsDocument& document, const std::string& path)
{
    writeFileAtomically(path, resultsText(document));
}

ResultsDocument readResultsFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ResultsFormatError(path + ": cannot be read");
    try {
        return resultsFromJson(json::parse(in));
    } catch (const json::exception& e) {
        throw ResultsFormatError(path + ": not JSON (" + e.what() + ")");
    } catch (const ResultsFormatError& e) {
        throw ResultsFormatError(path + ": " + e.what());
    }
}

} // namespace execg
