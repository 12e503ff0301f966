#include "cohort/CohortReport.h"

#include "analysis/ResultsJson.h"
#include "quality/MapMetrics.h"
#include "recording/LeadNames.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>

namespace execg {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr const char* kWaveKeys[kReportWaves] = {"p", "pr", "qrs", "st", "t", "tp", "none"};
constexpr const char* kWaveSentences[kReportWaves] = {"P waves", "PR segments", "QRS complexes", "ST segments",
                                                      "T waves", "TP baseline", "outside the delineated waves"};

int waveIndex(const std::string& key)
{
    for (int w = 0; w < kReportWaves; ++w)
        if (key == kWaveKeys[w])
            return w;
    return -1;
}

std::string number(double v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", v);
    return text;
}

bool numeric(const std::string& s, double* value = nullptr)
{
    if (s.empty())
        return false;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(v))
        return false;
    if (value)
        *value = v;
    return true;
}

// The band of `v` among `edges` as a phrase: "< 3.5", "3.5–5", "≥ 6".
std::string bandName(double v, const std::vector<double>& edges, const std::string& unit)
{
    const std::string u = unit.empty() ? "" : " " + unit;
    if (edges.empty())
        return "";
    if (v < edges.front())
        return "< " + number(edges.front()) + u;
    for (std::size_t k = 1; k < edges.size(); ++k)
        if (v < edges[k])
            return number(edges[k - 1]) + "–" + number(edges[k]) + u;
    return "≥ " + number(edges.back()) + u;
}

// Quartile edges, rounded to three significant digits, each once.
std::vector<double> quartileEdges(const std::vector<double>& values)
{
    std::vector<double> edges;
    for (double q : {0.25, 0.5, 0.75}) {
        const double e = std::stod(number(stats::quantile(values, q)));
        if (std::isfinite(e) && (edges.empty() || e > edges.back()))
            edges.push_back(e);
    }
    return edges;
}

// What pass 1 learns of each record: enough to put it in a group.
struct RecordKey {
    bool analysed = false;
    int predicted = -1;
    double value = kNaN;
    std::string label;
    bool hasLabel = false;
};

struct MethodAccumulator {
    std::array<std::vector<double>, kReportWaves> wave;
    std::vector<std::vector<double>> lead;
    std::vector<std::array<double, kReportWaves>> leadWaveSum;
    std::array<int, kReportWaves> largest{};
    std::vector<std::vector<double>> profileSum;
    std::vector<std::vector<int>> profileCount;
    int records = 0;
};

struct GroupAccumulator {
    std::string name;
    int records = 0;
    std::map<std::string, MethodAccumulator> methods;
    std::vector<std::vector<double>> beatSum;
    std::vector<std::vector<int>> beatCount;
};

void addProfile(const std::vector<std::vector<float>>& profile, const std::vector<std::string>& recordLeads,
                const std::map<std::string, std::size_t>& leadAt, std::vector<std::vector<double>>& sum,
                std::vector<std::vector<int>>& count)
{
    for (std::size_t l = 0; l < profile.size() && l < recordLeads.size(); ++l) {
        const std::size_t at = leadAt.at(recordLeads[l]);
        for (std::size_t i = 0; i < profile[l].size() && i < std::size_t(BeatAxis::points); ++i)
            if (std::isfinite(profile[l][i])) {
                sum[at][i] += profile[l][i];
                ++count[at][i];
            }
    }
}

std::vector<std::vector<double>> meanOf(const std::vector<std::vector<double>>& sum, const std::vector<std::vector<int>>& count)
{
    std::vector<std::vector<double>> mean(sum.size(), std::vector<double>(BeatAxis::points, kNaN));
    for (std::size_t l = 0; l < sum.size(); ++l)
        for (std::size_t i = 0; i < sum[l].size(); ++i)
            if (count[l][i] > 0)
                mean[l][i] = sum[l][i] / count[l][i];
    return mean;
}

nlohmann::ordered_json boxJson(const stats::BoxFigures& b)
{
    return {{"n", b.n},           {"min", round6(b.min)},   {"p5", round6(b.p5)}, {"q1", round6(b.q1)},
            {"median", round6(b.median)}, {"q3", round6(b.q3)}, {"p95", round6(b.p95)}, {"max", round6(b.max)},
            {"mean", round6(b.mean)}};
}

nlohmann::ordered_json seriesJson(const std::vector<std::vector<double>>& perLead)
{
    auto out = nlohmann::ordered_json::array();
    for (const auto& lead : perLead) {
        auto row = nlohmann::ordered_json::array();
        for (double v : lead)
            row.push_back(round6(v));
        out.push_back(row);
    }
    return out;
}

} // namespace

const char* reportWaveKey(int wave) { return kWaveKeys[wave]; }
const char* reportWaveSentence(int wave) { return kWaveSentences[wave]; }

std::string headlineSentence(const CohortGroupFigures& g, const CohortMethodFigures& m)
{
    if (m.headlineWave < 0 || m.records == 0)
        return "";
    const std::string who = g.name == "all" ? "of all " + std::to_string(g.records) + " ECGs"
                                            : "of the " + std::to_string(g.records) + " ECGs " + g.name;
    std::string leads;
    for (std::size_t k = 0; k < m.headlineLeads.size(); ++k)
        leads += (k == 0 ? "" : k + 1 == m.headlineLeads.size() ? " and " : ", ") + m.headlineLeads[k];
    return "In " + std::to_string(int(std::lround(100.0 * m.headlineFraction))) + " % " + who + ", " + m.method +
           " puts the largest share of its evidence in the " + kWaveSentences[m.headlineWave] +
           (leads.empty() ? ", spread over the leads" : ", most in " + leads) + ".";
}

CohortReport buildCohortReport(const CohortStore& store, const CohortReportOptions& options)
{
    CohortReport report;
    report.identity = store.identity();
    report.store = store.path();
    report.counts = store.counts();
    if (!options.byColumn.empty() &&
        std::find(report.identity.labelColumns.begin(), report.identity.labelColumns.end(), options.byColumn) ==
            report.identity.labelColumns.end()) {
        std::string columns;
        for (const auto& c : report.identity.labelColumns)
            columns += (columns.empty() ? "" : ", ") + c;
        throw std::invalid_argument("--by " + options.byColumn + ": the cohort's manifest has no such column" +
                                    (columns.empty() ? std::string(" (it had no label columns)") : " (it has " + columns + ")"));
    }

    // Pass 1: the leads, the outputs, failures, and what puts each record in a group — the records' own rows only.
    std::vector<RecordKey> keys;
    std::set<std::string> seenLeads;
    std::vector<std::string> otherLeads;
    std::map<std::string, CohortFailure> failures;
    store.forEachRecord([&](const CohortRecord& r) {
        RecordKey k;
        k.analysed = r.error.empty();
        if (!k.analysed) {
            std::string reason = r.error;
            if (reason.rfind(r.input + ": ", 0) == 0)
                reason.erase(0, r.input.size() + 2);
            auto& f = failures[reason];
            f.reason = reason;
            if (f.count++ == 0)
                f.example = r.input;
        } else {
            for (const auto& l : r.leads)
                if (seenLeads.insert(l).second && std::find(standardTwelveLeads().begin(), standardTwelveLeads().end(), l) ==
                                                      standardTwelveLeads().end())
                    otherLeads.push_back(l);
            if (report.prediction.labels.empty())
                for (const auto& o : r.outputs) {
                    report.prediction.labels.push_back(o.label);
                    report.prediction.units.push_back(o.unit);
                    report.prediction.probabilities = o.probability;
                }
            k.predicted = r.predicted;
            k.value = r.outputs.empty() ? kNaN : r.outputs.front().value;
        }
        if (!options.byColumn.empty()) {
            const auto it = r.labels.find(options.byColumn);
            k.hasLabel = it != r.labels.end() && !it->second.empty();
            if (k.hasLabel)
                k.label = it->second;
        }
        keys.push_back(k);
    }, CohortRead::Outputs);
    for (const auto& l : standardTwelveLeads())
        if (seenLeads.count(l))
            report.leads.push_back(l);
    report.leads.insert(report.leads.end(), otherLeads.begin(), otherLeads.end());
    std::map<std::string, std::size_t> leadAt;
    for (std::size_t l = 0; l < report.leads.size(); ++l)
        leadAt[report.leads[l]] = l;
    for (auto& [reason, f] : failures)
        report.failures.push_back(f);
    std::stable_sort(report.failures.begin(), report.failures.end(), [](const auto& a, const auto& b) { return a.count > b.count; });

    // The groups.
    const bool classes = report.prediction.probabilities && report.prediction.labels.size() > 1;
    std::vector<double> values;
    std::vector<std::string> groupOf(keys.size());
    if (options.byColumn.empty()) {
        for (const auto& k : keys)
            if (k.analysed)
                values.push_back(k.value);
        std::vector<double> edges = options.bins;
        if (!classes && edges.empty())
            edges = report.prediction.probabilities ? std::vector<double>{0.5} : quartileEdges(values);
        report.grouping = classes ? "predicted class" : "prediction band";
        const std::string unit = report.prediction.units.empty() ? "" : report.prediction.units.front();
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i].analysed)
                groupOf[i] = classes ? "predicted " + report.prediction.labels.at(std::size_t(keys[i].predicted))
                                     : "predicted " + bandName(keys[i].value, edges, unit);
    } else {
        bool allNumeric = true;
        for (const auto& k : keys)
            if (k.hasLabel) {
                double v = 0;
                allNumeric = allNumeric && numeric(k.label, &v);
                values.push_back(v);
            }
        std::vector<double> edges = options.bins;
        if (allNumeric && edges.empty())
            edges = quartileEdges(values);
        report.grouping = "column " + options.byColumn;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (!keys[i].analysed || !keys[i].hasLabel)
                continue;
            double v = 0;
            groupOf[i] = allNumeric && numeric(keys[i].label, &v) ? "with " + options.byColumn + " " + bandName(v, edges, "")
                                                                 : "with " + options.byColumn + " = " + keys[i].label;
        }
    }
    std::vector<GroupAccumulator> groups(1);
    groups[0].name = "all";
    std::map<std::string, std::size_t> groupAt;
    {
        // In ascending order: a band by its lowest member's value, a class by its output index, a category by first
        // appearance.
        std::vector<std::string> names;
        std::map<std::string, double> order;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::string& g = groupOf[i];
            if (g.empty())
                continue;
            if (std::find(names.begin(), names.end(), g) == names.end())
                names.push_back(g);
            double v = options.byColumn.empty() ? (classes ? keys[i].predicted : keys[i].value) : 0.0;
            if (!options.byColumn.empty() && !numeric(keys[i].label, &v))
                v = double(std::find(names.begin(), names.end(), g) - names.begin());
            order[g] = order.count(g) ? std::min(order[g], v) : v;
        }
        std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) { return order[a] < order[b]; });
        for (const auto& name : names) {
            groupAt[name] = groups.size();
            groups.push_back({name, 0, {}, {}, {}});
        }
    }
    const std::size_t nLeads = report.leads.size();
    for (auto& g : groups) {
        g.beatSum.assign(nLeads, std::vector<double>(BeatAxis::points, 0.0));
        g.beatCount.assign(nLeads, std::vector<int>(BeatAxis::points, 0));
    }

    // Pass 2: the figures.
    const auto& methodNames = report.identity.methods;
    std::map<std::pair<std::string, std::string>, std::vector<double>> pairRho;   // per method pair, per record
    struct DeltaValues {
        std::string unit;
        std::vector<double> delta, before, after;
    };
    std::map<std::string, std::map<std::pair<std::string, std::string>, DeltaValues>> deltas;
    std::map<std::string, std::pair<int, int>> cfCounts;
    std::size_t index = 0;
    store.forEachRecord([&](const CohortRecord& r) {
        const std::size_t i = index++;
        if (!r.error.empty())
            return;
        std::vector<GroupAccumulator*> in{&groups[0]};
        if (!groupOf[i].empty())
            in.push_back(&groups[groupAt.at(groupOf[i])]);
        std::map<std::string, std::vector<double>> leadWaveVector;
        CohortPoint point;
        point.input = r.input;
        point.value = r.outputs.empty() ? kNaN : r.outputs.front().value;
        point.predicted = r.predicted;
        point.group = groupOf[i].empty() ? 0 : int(groupAt.at(groupOf[i]));
        std::array<float, kReportWaves> none;
        none.fill(std::numeric_limits<float>::quiet_NaN());
        point.waveShare.assign(methodNames.size(), none);
        for (auto* g : in) {
            ++g->records;
            addProfile(r.medianBeat, r.leads, leadAt, g->beatSum, g->beatCount);
        }
        for (const auto& m : r.methods) {
            if (m.counterfactual) {
                auto& c = cfCounts[m.method];
                ++c.first;
                c.second += m.counterfactual->reached ? 1 : 0;
                for (const auto& d : m.counterfactual->deltas) {
                    auto& v = deltas[m.method][{d.quantity, d.lead}];
                    v.unit = d.unit;
                    if (std::isfinite(d.before) && std::isfinite(d.after)) {
                        v.delta.push_back(d.after - d.before);
                        v.before.push_back(d.before);
                        v.after.push_back(d.after);
                    }
                }
            }
            if (m.shares.empty())
                continue;
            std::array<double, kReportWaves> wave{};
            std::vector<double> lead(nLeads, kNaN);
            std::vector<std::array<double, kReportWaves>> leadWave(nLeads, std::array<double, kReportWaves>{});
            for (const auto& s : m.shares) {
                const int w = waveIndex(s.wave);
                if (s.lead.empty() && w >= 0)
                    wave[std::size_t(w)] = std::isfinite(s.share) ? s.share : 0.0;
                else if (!s.lead.empty() && leadAt.count(s.lead)) {
                    if (s.wave.empty())
                        lead[leadAt.at(s.lead)] = s.share;
                    else if (w >= 0)
                        leadWave[leadAt.at(s.lead)][std::size_t(w)] = std::isfinite(s.share) ? s.share : 0.0;
                }
            }
            const auto at = std::find(methodNames.begin(), methodNames.end(), m.method);
            if (at != methodNames.end())
                for (int w = 0; w < kReportWaves; ++w)
                    point.waveShare[std::size_t(at - methodNames.begin())][std::size_t(w)] = float(wave[std::size_t(w)]);
            auto& vector = leadWaveVector[m.method];
            for (const auto& l : leadWave)
                vector.insert(vector.end(), l.begin(), l.begin() + 6);
            const int largest = int(std::max_element(wave.begin(), wave.begin() + 6) - wave.begin());
            for (auto* g : in) {
                auto& a = g->methods[m.method];
                if (a.lead.empty()) {
                    a.lead.assign(nLeads, {});
                    a.leadWaveSum.assign(nLeads, std::array<double, kReportWaves>{});
                    a.profileSum.assign(nLeads, std::vector<double>(BeatAxis::points, 0.0));
                    a.profileCount.assign(nLeads, std::vector<int>(BeatAxis::points, 0));
                }
                ++a.records;
                for (int w = 0; w < kReportWaves; ++w)
                    a.wave[std::size_t(w)].push_back(wave[std::size_t(w)]);
                for (std::size_t l = 0; l < nLeads; ++l) {
                    if (std::isfinite(lead[l]))
                        a.lead[l].push_back(lead[l]);
                    for (int w = 0; w < kReportWaves; ++w)
                        a.leadWaveSum[l][std::size_t(w)] += leadWave[l][std::size_t(w)];
                }
                ++a.largest[std::size_t(largest)];
                addProfile(m.beatProfile, r.leads, leadAt, a.profileSum, a.profileCount);
            }
        }
        report.points.push_back(std::move(point));
        for (std::size_t a = 0; a < methodNames.size(); ++a)
            for (std::size_t b = a + 1; b < methodNames.size(); ++b) {
                const auto x = leadWaveVector.find(methodNames[a]), y = leadWaveVector.find(methodNames[b]);
                if (x != leadWaveVector.end() && y != leadWaveVector.end())
                    pairRho[{methodNames[a], methodNames[b]}].push_back(quality::spearman(std::span<const double>(x->second),
                                                                                          std::span<const double>(y->second)));
            }
    });

    // The prediction's distribution.
    auto& pred = report.prediction;
    pred.predictedCount.assign(pred.labels.size(), 0);
    std::vector<double> firstValues;
    for (const auto& k : keys)
        if (k.analysed) {
            if (k.predicted >= 0 && std::size_t(k.predicted) < pred.predictedCount.size())
                ++pred.predictedCount[std::size_t(k.predicted)];
            firstValues.push_back(k.value);
        }
    pred.value = stats::boxFigures(firstValues);
    if (pred.value.n > 0) {
        const double lo = pred.probabilities ? 0.0 : pred.value.min, hi = pred.probabilities ? 1.0 : pred.value.max;
        const double width = hi > lo ? (hi - lo) / 20.0 : 1.0;
        pred.histogram.assign(20, 0);
        for (int k = 0; k <= 20; ++k)
            pred.histogramEdges.push_back(lo + width * k);
        for (double v : firstValues)
            if (std::isfinite(v))
                ++pred.histogram[std::size_t(std::clamp(int((v - lo) / width), 0, 19))];
    }

    for (const auto& g : groups) {
        if (g.records == 0 && g.name != "all")
            continue;
        CohortGroupFigures f;
        f.name = g.name;
        f.records = g.records;
        f.meanMedianBeat = meanOf(g.beatSum, g.beatCount);
        for (const auto& name : methodNames) {
            const auto it = g.methods.find(name);
            if (it == g.methods.end())
                continue;
            const MethodAccumulator& a = it->second;
            CohortMethodFigures m;
            m.method = name;
            m.records = a.records;
            for (int w = 0; w < kReportWaves; ++w)
                m.waveShare[std::size_t(w)] = stats::boxFigures(a.wave[std::size_t(w)]);
            for (std::size_t l = 0; l < nLeads; ++l) {
                m.leadShare.push_back(stats::boxFigures(a.lead[l]));
                std::array<double, kReportWaves> mean{};
                for (int w = 0; w < kReportWaves; ++w)
                    mean[std::size_t(w)] = a.leadWaveSum[l][std::size_t(w)] / std::max(1, a.records);
                m.meanLeadWave.push_back(mean);
            }
            m.largestWave = a.largest;
            m.meanProfile = meanOf(a.profileSum, a.profileCount);
            m.headlineWave = int(std::max_element(a.largest.begin(), a.largest.end()) - a.largest.begin());
            m.headlineFraction = double(a.largest[std::size_t(m.headlineWave)]) / std::max(1, a.records);
            // The leads that hold most of that wave's evidence: the fewest (at most three) holding half of it, in the
            // report's lead order — named only when they stand out, as a map spread evenly over the leads (Grad-CAM's,
            // broadcast from a layer that mixes them) would otherwise name whichever came first.
            std::vector<std::size_t> byShare(nLeads);
            for (std::size_t l = 0; l < nLeads; ++l)
                byShare[l] = l;
            const auto share = [&](std::size_t l) { return m.meanLeadWave[l][std::size_t(m.headlineWave)]; };
            std::stable_sort(byShare.begin(), byShare.end(), [&](std::size_t x, std::size_t y) { return share(x) > share(y); });
            double wave = 0.0, held = 0.0;
            for (std::size_t l = 0; l < nLeads; ++l)
                wave += share(l);
            std::size_t named = 0;
            while (named < std::min<std::size_t>(3, nLeads) && held < 0.5 * wave)
                held += share(byShare[named++]);
            byShare.resize(named);
            std::sort(byShare.begin(), byShare.end());
            if (nLeads > 3 && wave > 0 && held > 1.25 * wave * double(named) / double(nLeads))
                for (auto l : byShare)
                    m.headlineLeads.push_back(report.leads[l]);
            f.methods.push_back(std::move(m));
        }
        for (const auto& m : f.methods)
            if (const auto s = headlineSentence(f, m); !s.empty())
                report.headlines.push_back(s);
        report.groups.push_back(std::move(f));
    }

    if (!pairRho.empty()) {
        CohortAgreementFigures a;
        for (const auto& name : methodNames)
            if (std::any_of(pairRho.begin(), pairRho.end(), [&](const auto& p) { return p.first.first == name || p.first.second == name; }))
                a.methods.push_back(name);
        const std::size_t n = a.methods.size();
        a.median.assign(n, std::vector<double>(n, 1.0));
        a.q1 = a.q3 = a.median;
        a.records.assign(n, std::vector<int>(n, 0));
        for (std::size_t x = 0; x < n; ++x)
            for (std::size_t y = 0; y < n; ++y) {
                if (x == y)
                    continue;
                auto it = pairRho.find({a.methods[x], a.methods[y]});
                if (it == pairRho.end())
                    it = pairRho.find({a.methods[y], a.methods[x]});
                if (it == pairRho.end())
                    continue;
                const auto b = stats::boxFigures(it->second);
                a.median[x][y] = b.median;
                a.q1[x][y] = b.q1;
                a.q3[x][y] = b.q3;
                a.records[x][y] = b.n;
            }
        report.agreement = a;
    }

    for (const auto& name : methodNames) {
        const auto counts = cfCounts.find(name);
        if (counts == cfCounts.end())
            continue;
        CohortCounterfactualFigures c;
        c.method = name;
        c.records = counts->second.first;
        c.reached = counts->second.second;
        std::vector<double> p;
        for (const auto& [key, v] : deltas[name]) {
            if (v.delta.empty())
                continue;
            CohortDeltaFigures d;
            d.method = name;
            d.quantity = key.first;
            d.lead = key.second;
            d.unit = v.unit;
            d.pairs = int(v.delta.size());
            d.medianDelta = stats::quantile(v.delta, 0.5);
            const auto ci = stats::medianInterval(v.delta);
            d.ciLow = ci.low;
            d.ciHigh = ci.high;
            d.meanBefore = stats::boxFigures(v.before).mean;
            d.meanAfter = stats::boxFigures(v.after).mean;
            d.increased = double(std::count_if(v.delta.begin(), v.delta.end(), [](double x) { return x > 0; })) / double(d.pairs);
            d.test = stats::wilcoxonSignedRank(v.delta);
            p.push_back(d.test.p);
            c.deltas.push_back(d);
        }
        const auto adjusted = stats::holmAdjust(p);
        for (std::size_t k = 0; k < c.deltas.size(); ++k)
            c.deltas[k].pHolm = adjusted[k];
        report.counterfactuals.push_back(std::move(c));
    }
    return report;
}

nlohmann::ordered_json cohortReportJson(const CohortReport& r)
{
    using json = nlohmann::ordered_json;
    json out;
    out["schema"] = "execg-cohort-report";
    out["schema_version"] = 1;
    out["store"] = r.store;
    out["model"] = {{"name", r.identity.modelName}, {"file", r.identity.modelFile}, {"sha256", r.identity.modelSha256}};
    out["methods"] = r.identity.methods;
    out["counterfactual_target"] = r.identity.counterfactualTarget;
    out["records"] = {{"total", r.counts.records}, {"analysed", r.counts.analysed}, {"failed", r.counts.failed}};
    auto failures = json::array();
    for (const auto& f : r.failures)
        failures.push_back({{"reason", f.reason}, {"count", f.count}, {"example", f.example}});
    out["failures"] = failures;
    out["headlines"] = r.headlines;
    out["leads"] = r.leads;
    out["beat_axis_ms"] = {{"from", BeatAxis::fromMs}, {"to", BeatAxis::toMs}, {"step", BeatAxis::stepMs}};
    const auto& p = r.prediction;
    json prediction{{"outputs", p.labels}, {"units", p.units}, {"probabilities", p.probabilities}};
    if (p.probabilities && p.labels.size() > 1)
        prediction["predicted_count"] = p.predictedCount;
    prediction["first_output"] = boxJson(p.value);
    auto edges = json::array();
    for (double e : p.histogramEdges)
        edges.push_back(round6(e));
    prediction["histogram"] = {{"edges", edges}, {"counts", p.histogram}};
    out["prediction"] = prediction;
    out["grouping"] = r.grouping;
    auto groups = json::array();
    for (const auto& g : r.groups) {
        json group{{"name", g.name}, {"records", g.records}};
        auto methods = json::array();
        for (const auto& m : g.methods) {
            json waves = json::object(), leads = json::object(), leadWave = json::object(), largest = json::object();
            for (int w = 0; w < kReportWaves; ++w) {
                waves[kWaveKeys[w]] = boxJson(m.waveShare[std::size_t(w)]);
                largest[kWaveKeys[w]] = m.largestWave[std::size_t(w)];
            }
            for (std::size_t l = 0; l < r.leads.size() && l < m.leadShare.size(); ++l) {
                leads[r.leads[l]] = boxJson(m.leadShare[l]);
                json row = json::object();
                for (int w = 0; w < kReportWaves; ++w)
                    row[kWaveKeys[w]] = round6(m.meanLeadWave[l][std::size_t(w)]);
                leadWave[r.leads[l]] = row;
            }
            methods.push_back({{"method", m.method},
                               {"records", m.records},
                               {"headline", headlineSentence(g, m)},
                               {"wave_share", waves},
                               {"lead_share", leads},
                               {"mean_lead_wave_share", leadWave},
                               {"largest_wave_count", largest},
                               {"mean_beat_profile", seriesJson(m.meanProfile)}});
        }
        group["methods"] = methods;
        group["mean_median_beat_mv"] = seriesJson(g.meanMedianBeat);
        groups.push_back(group);
    }
    out["groups"] = groups;
    if (r.agreement) {
        const auto& a = *r.agreement;
        auto table = [](const std::vector<std::vector<double>>& m) {
            auto rows = json::array();
            for (const auto& row : m) {
                auto values = json::array();
                for (double v : row)
                    values.push_back(round6(v));
                rows.push_back(values);
            }
            return rows;
        };
        out["agreement"] = {{"measure", "Spearman rank correlation of the lead x wave shares, per record; median over records"},
                            {"methods", a.methods},
                            {"median", table(a.median)},
                            {"q1", table(a.q1)},
                            {"q3", table(a.q3)},
                            {"records", a.records}};
    }
    auto cfs = json::array();
    for (const auto& c : r.counterfactuals) {
        auto rows = json::array();
        for (const auto& d : c.deltas)
            rows.push_back({{"quantity", d.quantity},
                            {"lead", d.lead},
                            {"unit", d.unit},
                            {"pairs", d.pairs},
                            {"median_change", round6(d.medianDelta)},
                            {"ci95", {round6(d.ciLow), round6(d.ciHigh)}},
                            {"mean_before", round6(d.meanBefore)},
                            {"mean_after", round6(d.meanAfter)},
                            {"increased_fraction", round6(d.increased)},
                            {"wilcoxon", {{"n", d.test.n}, {"w_plus", round6(d.test.wPlus)}, {"z", round6(d.test.z)},
                                          // p-values unrounded: 1e-9 and 0 are different findings.
                                          {"p", d.test.p}, {"exact", d.test.exact}, {"p_holm", d.pHolm}}}});
        cfs.push_back({{"method", c.method}, {"records", c.records}, {"reached", c.reached}, {"deltas", rows}});
    }
    out["counterfactuals"] = cfs;
    if (!r.tcav.empty()) {
        auto tcav = json::array();
        for (const auto& t : r.tcav) {
            auto rows = json::array();
            for (const auto& row : t.rows)
                rows.push_back({{"concept", row.conceptName},
                                {"layer", row.layer},
                                {"score", round6(row.score)},
                                {"ci95", {round6(row.ciLow), round6(row.ciHigh)}},
                                {"random_score", round6(row.randomScore)},
                                {"p", row.p},
                                {"p_holm", row.pHolm},
                                {"cav_accuracy", round6(row.cavAccuracy)},
                                {"significant", row.significant},
                                {"reliable", row.reliable},
                                {"verdict", row.verdict}});
            json entry{{"group", t.group}, {"inputs", t.inputs}, {"target", t.targetLabel}, {"rows", rows}, {"notes", t.notes}};
            if (!t.error.empty())
                entry["error"] = t.error;
            tcav.push_back(entry);
        }
        out["tcav"] = tcav;
    }
    return out;
}

} // namespace execg
