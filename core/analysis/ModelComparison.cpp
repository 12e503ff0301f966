#include "analysis/ModelComparison.h"

#include "model/Prediction.h"
#include "recording/LeadNames.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace execg {

namespace {

std::string leadPhrase(const std::vector<std::string>& leads, bool all) { return all ? "all leads" : leadListText(leads); }

// "the T waves of V2–V4 (43 %)", or "no clear evidence".
std::string whereItLies(const AttributionSummary& s)
{
    if (s.headlineWave < 0)
        return "no wave in particular";
    return std::string("the ") + waveInSentence(WaveSegment(s.headlineWave)) + " of " + leadPhrase(s.headlineLeads, s.headlineAllLeads) +
           " (" + std::to_string(int(std::lround(100.0 * s.headlineShare))) + " %)";
}

std::string reading(const ComparedModel& a, const ComparedModel& b, const WaveTable& difference, const std::vector<std::string>& leads)
{
    std::string r;
    if (a.summary.headlineWave == b.summary.headlineWave && a.summary.headlineWave >= 0)
        r = "Both rely most on the " + std::string(waveInSentence(WaveSegment(a.summary.headlineWave))) + ": " + b.name + " on " +
            whereItLies(b.summary) + ", " + a.name + " on " + whereItLies(a.summary) + ".";
    else
        r = b.name + " relies on " + whereItLies(b.summary) + " where " + a.name + " relies on " + whereItLies(a.summary) + ".";
    // The cell that differs most.
    double largest = 0.0;
    std::size_t lead = 0;
    int wave = -1;
    for (std::size_t l = 0; l < difference.size(); ++l)
        for (int w = 0; w < kWaveSegments; ++w)
            if (std::abs(difference[l][std::size_t(w)]) > std::abs(largest)) {
                largest = difference[l][std::size_t(w)];
                lead = l;
                wave = w;
            }
    if (wave >= 0 && std::abs(largest) >= 0.005)
        r += " The largest difference: the " + std::string(waveInSentence(WaveSegment(wave))) + " of " + leads[lead] + ", " +
             std::to_string(int(std::lround(100.0 * std::abs(largest)))) + " points more of " + (largest > 0 ? b.name : a.name) +
             "'s evidence.";
    return r;
}

} // namespace

ModelComparison compareModels(const std::vector<const ResultsDocument*>& documents, const std::string& method)
{
    if (documents.size() < 2)
        throw std::invalid_argument("a comparison needs two or more models' results");
    ModelComparison c;
    const ResultsDocument& first = *documents.front();
    c.leads = first.recording.leads;
    for (const ResultsDocument* d : documents) {
        if (d->recording.sha256 != first.recording.sha256 || d->recording.group != first.recording.group ||
            d->recording.leads != first.recording.leads)
            throw std::invalid_argument(d->model.file + ": its results are of another recording or group than " + first.model.file + "'s");
        const MethodResult* m = nullptr;
        for (const auto& candidate : d->methods)
            if (candidate.method == method && candidate.summary)
                m = &candidate;
        if (!m)
            throw std::invalid_argument(d->model.file + ": no " + method + " evidence to compare (the method did not run or failed)");
        ComparedModel cm;
        cm.name = d->model.name;
        cm.file = d->model.file;
        cm.sha256 = d->model.sha256;
        cm.method = method;
        cm.summary = *m->summary;
        if (d->prediction && d->target) {
            const auto& o = d->prediction->outputs.at(std::size_t(d->target->index));
            cm.prediction = o.label + " " + formatOutputValue(o);
        }
        c.models.push_back(std::move(cm));
    }
    // Two cards of one name (two trainings of one model): told apart by their files.
    for (std::size_t k = 0; k < c.models.size(); ++k) {
        const auto same = std::count_if(documents.begin(), documents.end(), [&](const ResultsDocument* d) { return d->model.name == documents[k]->model.name; });
        if (same > 1)
            c.models[k].name += " (" + std::filesystem::path(c.models[k].file).filename().string() + ")";
    }
    for (std::size_t k = 1; k < c.models.size(); ++k) {
        WaveTable d(c.leads.size());
        for (std::size_t l = 0; l < c.leads.size(); ++l)
            for (int w = 0; w < kWaveSegments; ++w) {
                const auto share = [&](const ComparedModel& m) {
                    return l < m.summary.leadWaveShare.size() ? m.summary.leadWaveShare[l][std::size_t(w)] : 0.0;
                };
                d[l][std::size_t(w)] = share(c.models[k]) - share(c.models[0]);
            }
        c.readings.push_back(reading(c.models[0], c.models[k], d, c.leads));
        c.difference.push_back(std::move(d));
    }
    return c;
}

nlohmann::ordered_json modelComparisonJson(const ModelComparison& c)
{
    using nlohmann::ordered_json;
    const auto table = [&](const WaveTable& t) {
        ordered_json rows = ordered_json::object();
        for (std::size_t l = 0; l < t.size() && l < c.leads.size(); ++l) {
            ordered_json row = ordered_json::object();
            for (int w = 0; w < kWaveSegments; ++w)
                row[keyOf(WaveSegment(w))] = std::round(t[l][std::size_t(w)] * 1e6) / 1e6;
            rows[c.leads[l]] = row;
        }
        return rows;
    };
    ordered_json models = ordered_json::array();
    for (const auto& m : c.models)
        models.push_back({{"name", m.name},
                          {"file", m.file},
                          {"sha256", m.sha256},
                          {"prediction", m.prediction},
                          {"method", m.method},
                          {"headline", m.summary.headline},
                          {"lead_wave_share", table(m.summary.leadWaveShare)}});
    ordered_json differences = ordered_json::array();
    for (std::size_t k = 0; k < c.difference.size(); ++k)
        differences.push_back({{"model", c.models[k + 1].name}, {"minus", c.models.front().name}, {"reading", c.readings[k]},
                               {"lead_wave_difference", table(c.difference[k])}});
    return {{"schema", "execg-model-comparison"}, {"schema_version", 1}, {"leads", c.leads}, {"models", models}, {"differences", differences}};
}

LeadMaps evidenceShareMap(const LeadMaps& map)
{
    double total = 0.0;
    for (const auto& lead : map)
        for (const float v : lead)
            if (std::isfinite(v))
                total += std::abs(v);
    LeadMaps out = map;
    if (total > 0.0)
        for (auto& lead : out)
            for (auto& v : lead)
                if (std::isfinite(v))
                    v = float(100.0 * v / total);
    return out;
}

} // namespace execg
