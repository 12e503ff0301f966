// ECG-native perturbation methods whose features are the waves a clinician reads — P, PR segment, QRS, ST segment,
// T and TP baseline of each lead, per beat or per lead (all beats together) — from the delineation of what the model
// saw. A removed wave is replaced by its beat's isoelectric level in that lead (not by 0 mV, which would put a step
// into a recording with baseline offset), so removing a T wave leaves a flat baseline where the T was.
//  - wave-ablation: value = f(x) − f(x with that wave removed), one forward per feature.
//  - wave-shap: Kernel SHAP (Lundberg & Lee 2017) over the same features: coalitions sampled from the Shapley kernel
//    in complementary pairs, values by least squares constrained to sum exactly to f(x) − f(all waves removed).
// Each sample of a feature carries value / feature length, so the map summed over a wave gives that wave's value.
#include "explain/WaveSummary.h"
#include "explain/torch/Gradients.h"
#include "explain/torch/Methods.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace execg {

namespace {

struct Run {
    int from = 0, to = 0;     // model samples [from, to)
    int wave = 0;             // WaveSegment
    int beat = 0;             // index of the beat it belongs to
};

struct Feature {
    int lead = 0, wave = 0;
    std::vector<int> runs;    // indices into WaveFeatures::runs
    int length = 0;           // samples
};

struct WaveFeatures {
    std::vector<Run> runs;
    std::vector<Feature> features;
    std::vector<std::vector<float>> isoelectric;   // [beat][lead], in model units
};

// Segments what the model saw (its mV copy, padding excluded) and builds the features.
WaveFeatures waveFeatures(const ExplainRequest& r, const std::string& method)
{
    const AdaptedInput& in = *r.input;
    SignalGroup g;
    g.samplingRateHz = in.modelRateHz;
    const auto& names = r.model->card().input.leads;
    for (int l = 0; l < in.leads; ++l) {
        Lead lead;
        lead.name = names[std::size_t(l)];
        const auto begin = in.mv.begin() + std::ptrdiff_t(l) * in.samples;
        lead.samples.assign(begin, begin + in.validSamples);
        g.leads.push_back(std::move(lead));
    }
    const WaveSegmentation waves = segmentWaves(g);
    if (!waves.problem.empty())
        throw ExplainError(method + ": the waves of this recording cannot be delineated (" + waves.problem + ")");

    WaveFeatures f;
    // The isoelectric level of each beat in each lead: the PR segment's median, or the 20 ms before QRS onset.
    const int pre = std::max(1, int(std::lround(0.020 * in.modelRateHz)));
    for (const auto& b : waves.fiducials) {
        std::vector<float> levels(std::size_t(in.leads), 0.0f);
        int from = -1, to = -1;
        if (b.hasP() && b.hasQrs() && b.qrsOnset - b.pOffset >= 2) {
            from = int(std::ceil(b.pOffset));
            to = int(std::floor(b.qrsOnset));
        } else if (b.hasQrs()) {
            to = int(std::floor(b.qrsOnset));
            from = std::max(0, to - pre);
        }
        for (int l = 0; l < in.leads && from >= 0 && to > from; ++l) {
            std::vector<float> v(in.values.begin() + std::ptrdiff_t(l) * in.samples + from,
                                 in.values.begin() + std::ptrdiff_t(l) * in.samples + to);
            std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
            levels[std::size_t(l)] = v[v.size() / 2];
        }
        f.isoelectric.push_back(levels);
    }
    // Runs of one label; each belongs to the beat whose QRS onset is nearest.
    for (int i = 0; i < int(waves.label.size());) {
        const int w = waves.label[std::size_t(i)];
        int j = i + 1;
        while (j < int(waves.label.size()) && waves.label[std::size_t(j)] == w)
            ++j;
        if (w >= 0) {
            int beat = 0;
            double best = 1e300;
            for (std::size_t b = 0; b < waves.fiducials.size(); ++b)
                if (waves.fiducials[b].hasQrs() && std::abs(waves.fiducials[b].qrsOnset - i) < best) {
                    best = std::abs(waves.fiducials[b].qrsOnset - i);
                    beat = int(b);
                }
            f.runs.push_back({i, j, w, beat});
        }
        i = j;
    }
    const bool perBeat = r.parameters.text("features") == "beat-wave";
    for (int l = 0; l < in.leads; ++l) {
        if (perBeat) {
            for (int k = 0; k < int(f.runs.size()); ++k)
                f.features.push_back({l, f.runs[std::size_t(k)].wave, {k}, f.runs[std::size_t(k)].to - f.runs[std::size_t(k)].from});
        } else {
            for (int w = 0; w < kWaveSegments; ++w) {
                Feature feature{l, w, {}, 0};
                for (int k = 0; k < int(f.runs.size()); ++k)
                    if (f.runs[std::size_t(k)].wave == w) {
                        feature.runs.push_back(k);
                        feature.length += f.runs[std::size_t(k)].to - f.runs[std::size_t(k)].from;
                    }
                if (feature.length > 0)
                    f.features.push_back(feature);
            }
        }
    }
    if (f.features.empty())
        throw ExplainError(method + ": no waves were delineated in what the model saw");
    return f;
}

void removeFeature(torch::Tensor copy, const WaveFeatures& f, const Feature& feature)
{
    for (int k : feature.runs) {
        const Run& run = f.runs[std::size_t(k)];
        copy[feature.lead].slice(0, run.from, run.to).fill_(f.isoelectric[std::size_t(run.beat)][std::size_t(feature.lead)]);
    }
}

// Target outputs for inputs with the given features removed (true = keep).
std::vector<double> evaluate(const ExplainRequest& r, const WaveFeatures& f, const std::vector<std::vector<bool>>& keep,
                             double from, double to)
{
    return perturbedOutputs(r, keep.size(), [&](std::size_t k, torch::Tensor copy) {
        for (std::size_t j = 0; j < f.features.size(); ++j)
            if (!keep[k][j])
                removeFeature(copy, f, f.features[j]);
    }, from, to);
}

AttributionResult densityMap(const ExplainRequest& r, const WaveFeatures& f, const std::vector<double>& values)
{
    AttributionResult result;
    result.map.assign(r.input->values.size(), 0.0f);
    for (std::size_t j = 0; j < f.features.size(); ++j) {
        const auto& feature = f.features[j];
        const float density = float(values[j] / double(feature.length));
        for (int k : feature.runs)
            for (int s = f.runs[std::size_t(k)].from; s < f.runs[std::size_t(k)].to; ++s)
                result.map[std::size_t(feature.lead) * std::size_t(r.input->samples) + std::size_t(s)] = density;
    }
    return result;
}

AttributionResult waveAblation(const ExplainRequest& r)
{
    const auto f = waveFeatures(r, "wave-ablation");
    const std::size_t m = f.features.size();
    std::vector<std::vector<bool>> keep(m + 1, std::vector<bool>(m, true));   // row 0: nothing removed
    for (std::size_t j = 0; j < m; ++j)
        keep[j + 1][j] = false;
    const auto y = evaluate(r, f, keep, 0.0, 1.0);
    std::vector<double> values(m);
    for (std::size_t j = 0; j < m; ++j)
        values[j] = y[0] - y[j + 1];
    auto result = densityMap(r, f, values);
    result.diagnostics = {{"features", double(m)}, {"f_x", y[0]}};
    return result;
}

AttributionResult waveShap(const ExplainRequest& r)
{
    const auto f = waveFeatures(r, "wave-shap");
    const int m = int(f.features.size());
    if (m < 2)
        throw ExplainError("wave-shap: needs at least two wave features; found " + std::to_string(m));
    std::mt19937_64 rng(std::stoull(r.parameters.text("seed")));
    // Coalition sizes drawn from the Shapley kernel's marginal, p(s) ∝ (M − 1) / (s (M − s)); with coalitions drawn
    // that way the regression's weights are uniform.
    std::vector<double> sizeWeights(std::size_t(m - 1));
    for (int s = 1; s < m; ++s)
        sizeWeights[std::size_t(s - 1)] = double(m - 1) / (double(s) * double(m - s));
    std::discrete_distribution<int> sizeOf(sizeWeights.begin(), sizeWeights.end());
    const int pairs = std::max(1, r.parameters.integer("samples") / 2);
    std::vector<std::vector<bool>> keep;
    keep.push_back(std::vector<bool>(std::size_t(m), true));    // f(x)
    keep.push_back(std::vector<bool>(std::size_t(m), false));   // f(every wave removed)
    std::vector<int> order(static_cast<std::size_t>(m));
    for (int p = 0; p < pairs; ++p) {
        const int s = sizeOf(rng) + 1;
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        std::vector<bool> z(std::size_t(m), false);
        for (int k = 0; k < s; ++k)
            z[std::size_t(order[std::size_t(k)])] = true;
        keep.push_back(z);
        z.flip();
        keep.push_back(z);   // the complement: halves the variance for free
    }
    const auto y = evaluate(r, f, keep, 0.0, 0.95);
    const double fx = y[0], fb = y[1], total = fx - fb;
    // min Σ (y − fb − zᵀφ)² subject to Σφ = total: eliminate φ_M = total − Σ_{i<M} φ_i.
    const std::int64_t n = std::int64_t(keep.size()) - 2, k = m - 1;
    auto a = torch::empty({n, k}, torch::kFloat64);
    auto b = torch::empty({n}, torch::kFloat64);
    auto* pa = a.data_ptr<double>();
    auto* pb = b.data_ptr<double>();
    for (std::int64_t row = 0; row < n; ++row) {
        const auto& z = keep[std::size_t(row + 2)];
        const double last = z[std::size_t(m - 1)] ? 1.0 : 0.0;
        for (std::int64_t c = 0; c < k; ++c)
            pa[row * k + c] = (z[std::size_t(c)] ? 1.0 : 0.0) - last;
        pb[row] = y[std::size_t(row + 2)] - fb - last * total;
    }
    auto normal = a.t().mm(a);
    normal += torch::eye(k, torch::kFloat64) * (1e-9 * (normal.diagonal().mean().item<double>() + 1e-12));
    const auto phi = torch::linalg_solve(normal, a.t().mv(b));
    std::vector<double> values(static_cast<std::size_t>(m));
    double sum = 0.0;
    for (std::int64_t c = 0; c < k; ++c) {
        values[std::size_t(c)] = phi[c].item<double>();
        sum += values[std::size_t(c)];
    }
    values[std::size_t(m - 1)] = total - sum;
    auto result = densityMap(r, f, values);
    result.diagnostics = {{"features", double(m)}, {"coalitions", double(n)}, {"f_x", fx}, {"f_baseline", fb},
                          {"shap_sum", total}};
    return result;
}

ParameterSpec featuresSpec(const char* defaultValue)
{
    return {"features", ParameterType::Choice, 0, 0, defaultValue, "",
            "Each lead's waves per beat, or per lead with all beats together.", {"beat-wave", "lead-wave"}};
}

} // namespace

std::unique_ptr<Explainer> makeWaveAblation()
{
    return makeExplainer({"wave-ablation", "Wave ablation", "wave",
                          "How much the output drops when one wave of one lead (P, PR, QRS, ST, T, TP) is flattened to "
                          "its beat's isoelectric level.",
                          {featuresSpec("beat-wave"), batchSpec("Perturbed copies")}, false},
                         waveAblation);
}

std::unique_ptr<Explainer> makeWaveShap()
{
    return makeExplainer({"wave-shap", "Wave SHAP", "wave",
                          "Shapley values of the waves of each lead: shares of the output's change from the flattened "
                          "recording that add up exactly to it.",
                          {featuresSpec("lead-wave"),
                           {"samples", ParameterType::Integer, 10, 100000, "1000", "", "Coalitions evaluated (in complementary pairs).", {}},
                           seedSpec("the coalition sampling"),
                           batchSpec("Perturbed copies")},
                          true},
                         waveShap);
}

} // namespace execg
