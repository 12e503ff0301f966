#include "concept/torch/Tcav.h"

#include "io/NumberText.h"
#include "model/torch/TorchModelImpl.h"

#include <torch/csrc/autograd/autograd.h>

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <map>
#include <mutex>
#include <numeric>
#include <random>
#include <set>

namespace execg {

namespace {

constexpr int kMinimumExamples = 10;
constexpr int kBatch = 32;
constexpr std::size_t kCacheEntries = 48;

// Activations per "model sha | set identity | layer" (n × D), oldest dropped first.
struct ActivationCache {
    std::mutex mutex;
    std::map<std::string, torch::Tensor> entries;
    std::deque<std::string> order;
};
ActivationCache& cache()
{
    static ActivationCache c;
    return c;
}

struct AdaptedSet {
    std::string name, identity;
    torch::Tensor values;                   // windows × leads × samples, the card's units and normalisation
    std::vector<std::int64_t> recordingOf;  // per window: the example it was cut from (a recording's windows adjacent)
    std::int64_t recordings = 0;
};

// Which part a set plays: its windows' notes say how they are used.
enum class SetRole { Examples, Inputs };

// Each example as the model's input, cut into the card's windows as a prediction is (one window without a window
// rule, or for an example no longer than a window). An input, whose output the test asks about, is its whole
// recording: its windows' derivatives are combined as its outputs are. A concept or random example gives every
// window as an example of what it shows (a 60 s AF recording is AF throughout), and the CAV holds out whole
// recordings, so that no recording is both learnt from and tested on.
AdaptedSet adaptSet(const tcav::ConceptSet& set, const ModelCard& card, std::vector<std::string>& notes, SetRole role)
{
    std::vector<AdaptedInput> inputs;
    std::vector<std::int64_t> recordingOf;
    std::int64_t recordings = 0;
    std::set<std::string> warnings;
    for (const auto& w : set.warnings)
        notes.push_back(set.name + ": " + w);
    // Every example at the card's full window, even where the model takes shorter inputs: the CAV lives in the layer's
    // activations flattened over channels and time, one shape for every example.
    AdaptOptions fullWindow;
    fullWindow.fullWindow = true;
    bool padded = false;
    for (const auto& e : set.examples) {
        try {
            for (auto& in : adaptGroupWindows(e.group, card, fullWindow)) {
                // Padded further here than a prediction would pad it (at its own length, or up to the shortest).
                padded = padded || std::max(in.validSamples, card.input.shortestLength()) < in.samples;
                for (const auto& w : in.warnings)
                    warnings.insert(w);
                recordingOf.push_back(recordings);
                inputs.push_back(std::move(in));
            }
            ++recordings;
        } catch (const std::exception& ex) {
            notes.push_back(set.name + ": " + e.source + " left out: " + ex.what());
        }
    }
    for (const auto& w : warnings)
        notes.push_back(set.name + ": " + w);
    if (padded && card.input.takesShorterInputs())
        notes.push_back(set.name + ": a recording shorter than the model's window is padded with zeros here (the model's "
                                   "prediction reads it at its own length): a concept test compares one shape of layer output");
    if (recordings < kMinimumExamples)
        throw ExplainError("tcav: the set '" + set.name + "' has " + std::to_string(recordings) +
                           " usable ECGs; a concept test needs at least " + std::to_string(kMinimumExamples));
    if (std::int64_t(inputs.size()) > recordings)
        notes.push_back(set.name + ": whole recordings: " + windowsInWords(card, inputs.size()) + " from " +
                        std::to_string(recordings) + " recordings; " +
                        (role == SetRole::Inputs ? "each recording's derivative is its combined output's (" +
                                                       std::string(windowCombineInWords(card)) + ")"
                                                 : std::string("each window is an example, and the CAVs hold out whole recordings")));
    return {set.name, set.identity, toTensor(inputs), std::move(recordingOf), recordings};
}

torch::Tensor layerActivations(const TorchModel& model, const AdaptedSet& set, const std::string& layer, bool& cached)
{
    const std::string key = model.sha256() + "|" + set.identity + "|" + layer;
    auto& c = cache();
    {
        std::lock_guard lock(c.mutex);
        if (const auto it = c.entries.find(key); it != c.entries.end()) {
            cached = true;
            return it->second;
        }
    }
    cached = false;
    torch::InferenceMode inference;
    const auto& impl = model.impl();
    std::vector<torch::Tensor> parts;
    for (std::int64_t i = 0; i < set.values.size(0); i += kBatch)
        parts.push_back(impl.layerActivations(set.values.slice(0, i, std::min(set.values.size(0), i + kBatch)), layer).flatten(1));
    const auto a = torch::cat(parts).clone();
    std::lock_guard lock(c.mutex);
    c.entries[key] = a;
    c.order.push_back(key);
    while (c.order.size() > kCacheEntries) {
        c.entries.erase(c.order.front());
        c.order.pop_front();
    }
    return a;
}

// Each recording's rows, in the order the recordings come.
std::vector<std::vector<std::int64_t>> rowsByRecording(const std::vector<std::int64_t>& recordingOf)
{
    std::vector<std::vector<std::int64_t>> rows;
    for (std::size_t i = 0; i < recordingOf.size(); ++i) {
        if (i == 0 || recordingOf[i] != recordingOf[i - 1])
            rows.emplace_back();
        rows.back().push_back(std::int64_t(i));
    }
    return rows;
}

// d output[target] / d activations at `layer`, one row per input recording (n × D). A recording cut into windows
// has one set of activations per window; moving all of them along a CAV moves the combined output by the mean of the
// windows' derivatives (mean of logits: each window weighs 1/W) or by the largest window's (largest value), so
// that is its row: the question is asked of the output the user sees, not of one window's.
torch::Tensor layerGradients(const TorchModel& model, const AdaptedSet& in, const std::string& layer, int target)
{
    const auto& impl = model.impl();
    const torch::Tensor& inputs = in.values;
    std::vector<torch::Tensor> parts, outputs;
    for (std::int64_t i = 0; i < inputs.size(0); i += kBatch) {
        const auto pass = impl.layerForward(inputs.slice(0, i, std::min(inputs.size(0), i + kBatch)), layer);
        if (!pass.output.requires_grad())
            throw ExplainError("tcav: the model's output does not depend differentiably on layer '" + layer + "'");
        const auto out = pass.output.select(1, target);
        parts.push_back(torch::autograd::grad({out.sum()}, {pass.activations})[0].flatten(1).detach());
        outputs.push_back(out.detach());
    }
    const auto perWindow = torch::cat(parts);
    if (perWindow.size(0) == in.recordings)
        return perWindow;
    const auto windowOutputs = torch::cat(outputs);
    const auto& rule = model.card().input.windows;
    const bool largest = rule && rule->combine == WindowCombine::Max;
    std::vector<torch::Tensor> rows;
    for (const auto& windows : rowsByRecording(in.recordingOf)) {
        const auto b = windows.front(), e = windows.back() + 1;
        rows.push_back(largest ? perWindow[b + windowOutputs.slice(0, b, e).argmax().item<std::int64_t>()]
                               : perWindow.slice(0, b, e).mean(0));
    }
    return torch::stack(rows);
}

struct Cav {
    torch::Tensor direction;   // unit vector, D
    double accuracy = 0.0;     // held out
};

// Rows of a layer's activations, and the recording each row was cut from (a recording's rows adjacent).
struct Examples {
    torch::Tensor rows;
    std::vector<std::int64_t> recordingOf;
};

// L2-regularised logistic regression, concept (1) against random (0), by full-batch Adam on centred activations
// scaled to unit RMS; the CAV is the unit normal of its boundary, pointing towards the concept. The held-out share
// is of recordings: a recording's windows are all learnt from or all tested on.
Cav trainCav(const Examples& conceptSet, const Examples& randomSet, double heldOut, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    const auto split = [&](const std::vector<std::int64_t>& recordingOf) {
        const auto rows = rowsByRecording(recordingOf);
        std::vector<std::size_t> order(rows.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::shuffle(order.begin(), order.end(), rng);
        const auto test = std::size_t(std::max<std::int64_t>(1, std::llround(double(rows.size()) * heldOut)));
        std::vector<std::int64_t> learnt, tested;
        for (std::size_t k = 0; k < order.size(); ++k) {
            auto& to = k < test ? tested : learnt;
            to.insert(to.end(), rows[order[k]].begin(), rows[order[k]].end());
        }
        return std::make_pair(torch::tensor(learnt), torch::tensor(tested));
    };
    const auto& positives = conceptSet.rows;
    const auto& random = randomSet.rows;
    const auto [cTrain, cTest] = split(conceptSet.recordingOf);
    const auto [rTrain, rTest] = split(randomSet.recordingOf);
    const auto x = torch::cat({positives.index_select(0, cTrain), random.index_select(0, rTrain)});
    const auto y = torch::cat({torch::ones({cTrain.size(0)}), torch::zeros({rTrain.size(0)})});
    const auto mean = x.mean(0, true);
    const double scale = std::max(1e-12, (x - mean).pow(2).mean().sqrt().item<double>());
    const auto xs = (x - mean) / scale;
    const std::int64_t d = x.size(1);
    auto w = torch::zeros({d}), b = torch::zeros({1});
    auto mw = torch::zeros_like(w), vw = torch::zeros_like(w), mb = torch::zeros_like(b), vb = torch::zeros_like(b);
    const double lambda = 1e-3, lr = 0.01;
    for (int step = 1; step <= 150; ++step) {
        const auto p = torch::sigmoid(xs.matmul(w) + b);
        const auto err = (p - y) / double(y.size(0));
        const auto gw = xs.t().matmul(err) + lambda * w, gb = err.sum().view({1});
        mw = 0.9 * mw + 0.1 * gw;
        vw = 0.999 * vw + 0.001 * gw * gw;
        mb = 0.9 * mb + 0.1 * gb;
        vb = 0.999 * vb + 0.001 * gb * gb;
        const double c1 = 1 - std::pow(0.9, step), c2 = 1 - std::pow(0.999, step);
        w = w - lr * (mw / c1) / ((vw / c2).sqrt() + 1e-8);
        b = b - lr * (mb / c1) / ((vb / c2).sqrt() + 1e-8);
    }
    const auto xt = (torch::cat({positives.index_select(0, cTest), random.index_select(0, rTest)}) - mean) / scale;
    const auto yt = torch::cat({torch::ones({cTest.size(0)}), torch::zeros({rTest.size(0)})});
    const auto predicted = (xt.matmul(w) + b > 0).to(torch::kFloat32);
    Cav cav;
    cav.accuracy = (predicted == yt).to(torch::kFloat32).mean().item<double>();
    const double norm = w.norm().item<double>();
    cav.direction = norm > 0 ? w / norm : w;
    return cav;
}

struct Score {
    double score = 0.0, magnitude = 0.0;
};

Score tcavScore(const torch::Tensor& gradients, const Cav& cav)
{
    const auto d = gradients.matmul(cav.direction);
    const double total = d.abs().sum().item<double>();
    return {(d > 0).to(torch::kFloat64).mean().item<double>(), total > 0 ? torch::relu(d).sum().item<double>() / total : 0.5};
}

double mean(const std::vector<double>& v) { return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / double(v.size()); }

double variance(const std::vector<double>& v)
{
    if (v.size() < 2)
        return 0.0;
    const double m = mean(v);
    double s = 0.0;
    for (const double x : v)
        s += (x - m) * (x - m);
    return s / double(v.size() - 1);
}

} // namespace

double welchTTest(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() < 2 || b.size() < 2)
        return 1.0;
    const double va = variance(a) / double(a.size()), vb = variance(b) / double(b.size());
    const double diff = mean(a) - mean(b);
    if (va + vb <= 0.0)
        return diff == 0.0 ? 1.0 : 0.0;
    const double t = diff / std::sqrt(va + vb);
    const double df = (va + vb) * (va + vb) /
                      (va * va / double(a.size() - 1) + vb * vb / double(b.size() - 1));
    const boost::math::students_t dist(df);
    return std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(dist, std::abs(t))));
}

std::size_t cachedActivationSets()
{
    std::lock_guard lock(cache().mutex);
    return cache().entries.size();
}

void clearActivationCache()
{
    std::lock_guard lock(cache().mutex);
    cache().entries.clear();
    cache().order.clear();
}

TcavResult runTcav(const TorchModel& model, const std::vector<tcav::ConceptSet>& concepts, const tcav::ConceptSet& randomPool,
                   const tcav::ConceptSet& inputs, int target, const TcavOptions& o)
{
    const auto started = std::chrono::steady_clock::now();
    const ModelCard& card = model.card();
    if (target < 0 || target >= int(card.outputs.size()))
        throw ExplainError("tcav: the model has no output " + std::to_string(target));
    if (o.runs < 2)
        throw ExplainError("tcav: at least 2 runs are needed for a t-test");
    if (concepts.empty())
        throw ExplainError("tcav: no concept to test");
    std::vector<std::string> layers = o.layers;
    if (layers.empty())
        for (const auto& l : card.layers)
            if (l.tcav)
                layers.push_back(l.name);
    if (layers.empty())
        throw ExplainError("tcav: the model card lists no layer for concept tests; name one (--layer)");
    std::string listed;
    for (const auto& l : card.layers)
        if (l.tcav)
            listed += (listed.empty() ? "" : ", ") + l.name;
    for (const auto& layer : layers) {
        const auto it = std::find_if(card.layers.begin(), card.layers.end(), [&](const ModelLayer& l) { return l.name == layer && l.tcav; });
        if (it == card.layers.end() && !card.inferred)   // without a card any submodule is the user's choice
            throw ExplainError("tcav: layer '" + layer + "' is not listed for concept tests in the model card (listed: " +
                               (listed.empty() ? std::string("none") : listed) + ")");
        if (const auto why = model.layerProblem(layer); !why.empty())
            throw ExplainError("tcav: " + why);
    }

    TcavResult r;
    r.target = target;
    r.targetLabel = card.outputs[std::size_t(target)].label;
    r.modelSha256 = model.sha256();
    r.seed = o.seed;
    r.runs = o.runs;
    std::vector<AdaptedSet> sets;
    for (const auto& c : concepts)
        sets.push_back(adaptSet(c, card, r.notes, SetRole::Examples));
    const AdaptedSet pool = adaptSet(randomPool, card, r.notes, SetRole::Examples);
    const AdaptedSet in = adaptSet(inputs, card, r.notes, SetRole::Inputs);
    r.inputs = int(in.recordings);

    // Random sets as large as the largest concept set (in windows), of whole recordings from the pool.
    const std::int64_t poolSize = pool.values.size(0);
    std::int64_t randomSize = o.randomSetSize;
    if (randomSize <= 0) {
        randomSize = 0;
        for (const auto& s : sets)
            randomSize = std::max(randomSize, s.values.size(0));
    }
    // The random draws of each run: two disjoint sets from one seeded shuffle of the pool's recordings, each taking
    // recordings in that order until it holds randomSize windows from at least 10 recordings. A draw overshoots by
    // less than one recording's windows, so capping randomSize at half the rest of the pool leaves the second draw
    // as many windows as the first (with one window an example: half the pool, as the draws always were).
    const auto poolRows = rowsByRecording(pool.recordingOf);
    std::int64_t longest = 1;
    for (const auto& rows : poolRows)
        longest = std::max(longest, std::int64_t(rows.size()));
    randomSize = std::min(randomSize, (poolSize - (longest - 1)) / 2);
    struct Draw {
        std::vector<std::int64_t> rows, recordingOf;
        std::size_t recordings = 0;
    };
    std::vector<std::pair<Draw, Draw>> draws;
    for (int run = 0; run < o.runs; ++run) {
        std::vector<std::size_t> order(poolRows.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::mt19937_64 rng(o.seed * 1000003ull + std::uint64_t(run));
        std::shuffle(order.begin(), order.end(), rng);
        std::pair<Draw, Draw> d;
        std::size_t next = 0;
        for (Draw* draw : {&d.first, &d.second})
            for (; next < order.size() &&
                   (std::int64_t(draw->rows.size()) < randomSize || draw->recordings < std::size_t(kMinimumExamples));
                 ++next, ++draw->recordings)
                for (const auto row : poolRows[order[next]]) {
                    draw->rows.push_back(row);
                    draw->recordingOf.push_back(std::int64_t(order[next]));
                }
        if (std::min(d.first.recordings, d.second.recordings) < std::size_t(kMinimumExamples))
            throw ExplainError("tcav: the random pool '" + randomPool.name + "' holds " + std::to_string(pool.recordings) +
                               " ECGs; two disjoint random sets of at least " + std::to_string(kMinimumExamples) +
                               " ECGs each are needed");
        draws.push_back(std::move(d));
    }
    const auto drawn = [](const torch::Tensor& activations, const Draw& d) {
        return Examples{activations.index_select(0, torch::tensor(d.rows)), d.recordingOf};
    };

    const double steps = double(layers.size()) * double(sets.size() + 2);
    double done = 0;
    const auto report = [&] {
        done += 1;
        if (o.progress && !o.progress(done / steps))
            throw ExplainCancelled();
    };
    std::vector<double> p;
    for (const auto& layer : layers) {
        bool cached = false;
        const auto poolActs = layerActivations(model, pool, layer, cached);
        (cached ? r.cachedActivations : r.computedActivations)++;
        const auto gradients = layerGradients(model, in, layer, target);
        // The null: CAVs between two random sets, scored on the same inputs.
        std::vector<double> nullScores;
        for (int run = 0; run < o.runs; ++run) {
            const Cav cav = trainCav(drawn(poolActs, draws[std::size_t(run)].second), drawn(poolActs, draws[std::size_t(run)].first),
                                     o.heldOutFraction, o.seed + 7919ull * std::uint64_t(run + 1));
            nullScores.push_back(tcavScore(gradients, cav).score);
        }
        report();
        report();
        for (std::size_t c = 0; c < sets.size(); ++c) {
            const auto acts = layerActivations(model, sets[c], layer, cached);
            (cached ? r.cachedActivations : r.computedActivations)++;
            TcavRow row;
            row.conceptName = sets[c].name;
            row.layer = layer;
            row.runs = o.runs;
            std::vector<double> magnitudes, accuracies;
            for (int run = 0; run < o.runs; ++run) {
                const Cav cav = trainCav({acts, sets[c].recordingOf}, drawn(poolActs, draws[std::size_t(run)].first),
                                         o.heldOutFraction, o.seed + 104729ull * std::uint64_t(run + 1) + c);
                const Score s = tcavScore(gradients, cav);
                row.runScores.push_back(s.score);
                magnitudes.push_back(s.magnitude);
                accuracies.push_back(cav.accuracy);
            }
            row.score = mean(row.runScores);
            row.magnitude = mean(magnitudes);
            row.cavAccuracy = mean(accuracies);
            row.nullMean = mean(nullScores);
            const double half = boost::math::quantile(boost::math::students_t(double(o.runs - 1)), 0.975) *
                                std::sqrt(variance(row.runScores) / double(o.runs));
            row.ciLow = std::max(0.0, row.score - half);
            row.ciHigh = std::min(1.0, row.score + half);
            row.p = welchTTest(row.runScores, nullScores);
            row.reliable = row.cavAccuracy >= o.minCavAccuracy;
            // Concept and random ECGs of different origins: a CAV tells generated ECGs from ones read from files by
            // their origin alone, so any set from files would "be the concept" (real normal-rhythm recordings pushed
            // the real AF model towards AF against the synthetic pool): not a concept direction.
            if (concepts[c].synthetic != randomPool.synthetic) {
                const auto origin = [](bool synthetic) { return synthetic ? "synthetic (generated here)" : "read from files"; };
                row.reliable = false;
                row.verdict = "unreliable: the ECGs of " + row.conceptName + " are " + origin(concepts[c].synthetic) +
                              " and the random ECGs " + origin(randomPool.synthetic) +
                              ": a CAV can tell them apart by their origin alone — give random ECGs of the same origin as the "
                              "concept's — not a finding";
            }
            p.push_back(row.p);
            r.rows.push_back(row);
            report();
        }
    }
    const auto adjusted = holmAdjust(p);
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        auto& row = r.rows[i];
        row.pCorrected = adjusted[i];
        row.significant = row.reliable && row.pCorrected < o.alpha;
        if (!row.reliable) {
            if (row.verdict.empty())
                row.verdict = "unreliable: the CAV tells " + row.conceptName + " from random ECGs only " +
                              fixedDecimals(100 * row.cavAccuracy, 0) + " % of the time at " + row.layer + " — not a finding";
            r.notes.push_back(row.conceptName + " at " + row.layer + ": " + row.verdict);
        } else if (row.significant) {
            row.verdict = std::string("significant: ") + r.targetLabel + (row.score >= row.nullMean ? " rises" : " falls") +
                          " along " + row.conceptName + " (score " + fixedDecimals(row.score, 2) + ", random " + fixedDecimals(row.nullMean, 2) +
                          ", corrected p " + (row.pCorrected < 1e-4 ? std::string("< 0.0001") : fixedDecimals(row.pCorrected, 4)) + ")";
        } else {
            row.verdict = "not significant (score " + fixedDecimals(row.score, 2) + ", random " + fixedDecimals(row.nullMean, 2) +
                          ", corrected p " + fixedDecimals(row.pCorrected, 3) + ")";
        }
    }
    r.runtimeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return r;
}

} // namespace execg
