// CaseAnalysis::uncertainty: the prediction under the recording's own variation and MC dropout
// (analysis/Uncertainty.h has the perturbations and the words).
#include "analysis/torch/CaseAnalysis.h"

#include "io/NumberText.h"
#include "model/Prediction.h"
#include "model/torch/TorchModel.h"

#include <algorithm>
#include <tuple>

namespace execg {

UncertaintyResult CaseAnalysis::uncertainty(const FittedCase& fitted, const PredictionResult& prediction, int target,
                                            const AdaptOptions& adapt, const UncertaintyOptions& o) const
{
    const ModelCard& card = model_->card();
    const auto& made = prediction.prediction.outputs.at(std::size_t(target));
    UncertaintyResult u;
    u.target = target;
    u.label = made.label;
    u.unit = made.unit;
    u.probability = made.probability;
    u.value = made.value;
    u.threshold = card.decisionThreshold;
    const SignalGroup& g = group();
    const int predictedClass = predictedTarget(prediction.raw);
    const bool classes = prediction.raw.size() > 1 && card.activation == OutputActivation::Softmax;

    // The recording with its group replaced, fitted as the case was.
    const auto fitVariant = [&](SignalGroup variant, const AdaptOptions& options) {
        Recording r = *recording_;
        r.groups[std::size_t(group_)] = std::move(variant);
        FittedCase f;
        f.windows = adaptRecordingWindows(r, group_, card, options);
        f.input = f.windows.front();
        return f;
    };
    struct Draws {
        std::string name, note;
        std::vector<FittedCase> cases;
    };
    std::vector<Draws> sets;
    try {
        const auto noise = noiseLevelMv(g, &fitted.waves);
        const auto [noiseLow, noiseHigh] = std::minmax_element(noise.begin(), noise.end());
        Draws n{"noise", "Gaussian noise at the recording's own level (" + fixedDecimals(*noiseLow * 1000.0, 0) + "–" +
                             fixedDecimals(*noiseHigh * 1000.0, 0) + " µV by lead)", {}};
        for (int k = 0; k < o.noiseDraws; ++k)
            n.cases.push_back(fitVariant(withNoise(g, noise, o.seed + std::uint64_t(k)), adapt));
        sets.push_back(std::move(n));
        // Wander up to the recording's own slow movement, at least 50 µV and at most 0.5 mV.
        auto wander = baselineLevelMv(g);
        for (auto& a : wander)
            a = std::clamp(a, 0.05, 0.5);
        Draws w{"baseline wander", "a 0.05–0.5 Hz sway of up to " + fixedDecimals(*std::max_element(wander.begin(), wander.end()), 2) +
                                       " mV per lead", {}};
        for (int k = 0; k < o.wanderDraws; ++k)
            w.cases.push_back(fitVariant(withBaselineWander(g, wander, o.seed + 1000 + std::uint64_t(k)), adapt));
        sets.push_back(std::move(w));
        // The window a beat later and a beat earlier (a whole-recording card: the first or the last beat left out).
        Draws s{"beat shift", "", {}};
        double rr = 0.0;
        if (fitted.waves.beats.size() >= 2) {
            std::vector<double> intervals;
            for (std::size_t b = 1; b < fitted.waves.beats.size(); ++b)
                intervals.push_back(double(fitted.waves.beats[b] - fitted.waves.beats[b - 1]) / g.samplingRateHz);
            std::nth_element(intervals.begin(), intervals.begin() + std::ptrdiff_t(intervals.size() / 2), intervals.end());
            rr = intervals[intervals.size() / 2];
        }
        const double total = double(g.leads.front().samples.size()) / g.samplingRateHz;
        const double window = double(card.input.samples) / card.input.samplingRateHz;
        const double start = double(fitted.input.sourceFirst) / fitted.input.sourceRateHz;
        if (!(rr > 0.0)) {
            s.note = "no beats found: the window cannot be shifted by one";
        } else if (card.input.windows) {
            const auto cut = std::int64_t(std::llround(rr * g.samplingRateHz));
            for (const bool front : {true, false}) {
                SignalGroup shorter = g;
                for (auto& lead : shorter.leads)
                    if (std::int64_t(lead.samples.size()) > cut)
                        lead.samples.erase(front ? lead.samples.begin() : lead.samples.end() - cut,
                                           front ? lead.samples.begin() + cut : lead.samples.end());
                s.cases.push_back(fitVariant(std::move(shorter), adapt));
            }
            s.note = "the whole recording without its first, then its last " + fixedDecimals(rr * 1000.0, 0) + " ms (one beat)";
        } else {
            for (const double shifted : {start + rr, start - rr})
                if (shifted >= 0.0 && shifted + window <= total + 1e-9) {
                    AdaptOptions a = adapt;
                    a.startSeconds = shifted;
                    s.cases.push_back(fitVariant(g, a));
                }
            s.note = s.cases.empty() ? "the recording is no longer than the model's window: no room to shift it by a beat"
                                     : "the window " + fixedDecimals(rr * 1000.0, 0) + " ms (one beat) later and earlier, where the recording allows";
        }
        sets.push_back(std::move(s));
    } catch (const std::invalid_argument& e) {
        throw AnalysisError(files_.shownInput + ": a varied copy cannot be fitted to the model: " + e.what());
    }

    std::vector<double> all;
    int changed = 0;
    for (auto& set : sets) {
        std::vector<const FittedCase*> cases;
        for (const auto& c : set.cases)
            cases.push_back(&c);
        std::vector<double> values;
        for (const auto& p : predictBatch(*model_, cases)) {
            if (!p.prediction.problem.empty())
                continue;
            values.push_back(p.prediction.outputs.at(std::size_t(target)).value);
            changed += classes && predictedTarget(p.raw) != predictedClass;
        }
        UncertaintySource source{set.name, int(values.size()), 0.0, 0.0, set.note};
        if (!values.empty())
            std::tie(source.low, source.high) = interval90(values);
        all.insert(all.end(), values.begin(), values.end());
        u.sources.push_back(source);
    }
    if (all.empty())
        throw AnalysisError(files_.shownInput + ": the model gave no result on any varied copy of the recording");
    u.draws = int(all.size());
    std::tie(u.low, u.high) = interval90(all);
    u.classChangeShare = classes ? double(changed) / double(all.size()) : 0.0;

    // MC dropout, on the case as recorded: each window's passes combined as the card combines windows.
    UncertaintySource dropout{"MC dropout", 0, 0.0, 0.0, ""};
    const auto layers = model_->dropoutLayers();
    if (layers.empty()) {
        dropout.note = "the model has no dropout layers: MC dropout does not apply";
    } else {
        const auto& windows = fitted.windows.empty() ? std::vector<AdaptedInput>{fitted.input} : fitted.windows;
        const auto perWindow = model_->predictWithDropout(windows, o.dropoutDraws, o.seed + 7);
        std::vector<double> values;
        for (int pass = 0; pass < o.dropoutDraws; ++pass) {
            std::vector<std::vector<float>> rows;
            for (const auto& w : perWindow)
                rows.push_back(w[std::size_t(pass)]);
            const auto p = interpretOutputs(card, model_->sha256(), combineWindowOutputs(card, rows));
            if (p.problem.empty())
                values.push_back(p.outputs.at(std::size_t(target)).value);
        }
        dropout.draws = int(values.size());
        if (!values.empty())
            std::tie(dropout.low, dropout.high) = interval90(values);
        dropout.note = std::to_string(layers.size()) + " dropout layer" + (layers.size() > 1 ? "s" : "") + " switched on, " +
                       std::to_string(o.dropoutDraws) + " passes" +
                       (dropout.high - dropout.low <= 0.0 ? " — no spread: the dropout is fixed in this model (traced in eval mode)" : "");
    }
    u.sources.push_back(dropout);
    if (const auto swap = armLeadSwapWarning(g, fitted.waves))
        u.warnings.push_back(*swap);
    decideReferral(u);
    return u;
}

} // namespace execg
