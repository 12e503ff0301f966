#include "counterfactual/torch/InputCounterfactual.h"

#include "model/Prediction.h"
#include "model/torch/TorchModelImpl.h"

#include <torch/csrc/autograd/autograd.h>
#include <torch/script.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

namespace execg {

namespace {

constexpr double kNoiseRmsMv = 0.020;   // electrode and amplifier noise of a resting 12-lead: 10–30 µV RMS

// The card's activation on one row of raw outputs, as interpretOutputs applies it, differentiably.
torch::Tensor activated(const torch::Tensor& raw, const ModelCard& card, int output)
{
    switch (card.activation) {
    case OutputActivation::Sigmoid:
        return torch::sigmoid(raw.select(1, output));
    case OutputActivation::Softmax:
        return torch::softmax(raw, 1).select(1, output);
    case OutputActivation::None:
        break;
    }
    return raw.select(1, output);
}

// mV (1 × leads × samples) to the card's units and normalisation over the first `valid` samples; padding stays 0.
torch::Tensor toModelValues(const torch::Tensor& mv, const ModelCard& card, int valid, const torch::Tensor& timeMask)
{
    torch::Tensor x = card.input.units == "uV" ? mv * 1000.0 : mv;
    if (card.input.normalisation == InputNormalisation::ZScorePerLead) {
        const auto seen = x.slice(2, 0, valid);
        const auto mean = seen.mean(2, true);
        auto sd = (seen - mean).pow(2).mean(2, true).sqrt();
        sd = torch::where(sd > 0, sd, torch::ones_like(sd));
        x = (x - mean) / sd;
    } else if (card.input.normalisation == InputNormalisation::Fixed) {
        const auto mean = torch::tensor(std::vector<float>(card.input.mean.begin(), card.input.mean.end())).view({1, -1, 1});
        const auto sd = torch::tensor(std::vector<float>(card.input.std.begin(), card.input.std.end())).view({1, -1, 1});
        x = (x - mean) / sd;
    }
    return x * timeMask;
}

// Linear interpolation from knots every `spacing` samples to the first `valid` of `samples`: K × samples.
torch::Tensor knotBasis(int valid, int samples, int spacing, int& knots)
{
    knots = std::max(2, (valid - 1 + spacing - 1) / spacing + 1);
    auto w = torch::zeros({knots, samples});
    auto a = w.accessor<float, 2>();
    for (int t = 0; t < valid; ++t) {
        const double u = double(t) / spacing;
        const int k = std::min(knots - 2, int(std::floor(u)));
        const double f = u - k;
        a[k][t] = float(1.0 - f);
        a[k + 1][t] = float(f);
    }
    return w;
}

} // namespace

const std::vector<ParameterSpec>& inputCounterfactualParameters()
{
    static const std::vector<ParameterSpec> specs = [] {
        const InputCounterfactualOptions d;
        const auto real = [](double v) {
            std::ostringstream out;
            out << v;
            return out.str();
        };
        return std::vector<ParameterSpec>{
            {"steps", ParameterType::Integer, 1, 100000, std::to_string(d.maxSteps), "", "Optimisation steps at most.", {}},
            {"learning-rate", ParameterType::Real, 1e-6, 1, real(d.learningRate), "mV", "Largest change per step.", {}},
            {"l1", ParameterType::Real, 0, 1e6, real(d.l1), "", "Weight of the mean |change| (proximity).", {}},
            {"l2", ParameterType::Real, 0, 1e6, real(d.l2), "", "Weight of the mean squared change (proximity).", {}},
            {"tv", ParameterType::Real, 0, 1e6, real(d.tv), "", "Weight of the change's total variation (smoothness).", {}},
            {"knot-ms", ParameterType::Real, 1, 1000, real(d.knotMs), "ms", "The change passes through knots this far apart.", {}},
            {"max-change-mv", ParameterType::Real, 1e-3, 10, real(d.maxChangeMv), "mV", "Largest change of any sample.", {}},
            {"max-amplitude-mv", ParameterType::Real, 0.1, 50, real(d.maxAmplitudeMv), "mV", "Largest |value| after the change.", {}},
            {"leads", ParameterType::Text, 0, 0, "", "", "Leads allowed to change, ';'-separated (empty: every recorded lead).", {}}};
    }();
    return specs;
}

InputCounterfactualOptions inputCounterfactualOptions(const ParameterValues& v)
{
    InputCounterfactualOptions o;
    o.maxSteps = v.integer("steps");
    o.learningRate = v.real("learning-rate");
    o.l1 = v.real("l1");
    o.l2 = v.real("l2");
    o.tv = v.real("tv");
    o.knotMs = v.real("knot-ms");
    o.maxChangeMv = v.real("max-change-mv");
    o.maxAmplitudeMv = v.real("max-amplitude-mv");
    std::stringstream leads(v.text("leads"));
    for (std::string lead; std::getline(leads, lead, ';');)
        if (!lead.empty())
            o.leads.push_back(lead);
    return o;
}

CounterfactualResult inputCounterfactual(const TorchModel& model, const SignalGroup& group, const AdaptedInput& input,
                                         const CounterfactualTarget& target, const InputCounterfactualOptions& o)
{
    const auto started = std::chrono::steady_clock::now();
    const ModelCard& card = model.card();
    if (target.output < 0 || target.output >= int(card.outputs.size()))
        throw ExplainError("counterfactual: the model has no output " + std::to_string(target.output));
    if (o.maxSteps < 1 || o.learningRate <= 0 || o.knotMs <= 0)
        throw ExplainError("counterfactual: steps, learning rate and knot spacing must be positive");
    const int leads = input.leads, samples = input.samples, valid = std::max(1, input.validSamples);

    CounterfactualResult r;
    r.method = "cf-input";
    r.target = target;
    r.outputLabel = card.outputs[std::size_t(target.output)].label;
    r.outputUnit = card.outputs[std::size_t(target.output)].unit;
    r.parameters = {{"steps", std::to_string(o.maxSteps)},       {"learning-rate", std::to_string(o.learningRate)},
                    {"l1", std::to_string(o.l1)},                 {"l2", std::to_string(o.l2)},
                    {"tv", std::to_string(o.tv)},                 {"knot-ms", std::to_string(o.knotMs)},
                    {"max-change-mv", std::to_string(o.maxChangeMv)}, {"max-amplitude-mv", std::to_string(o.maxAmplitudeMv)}};

    // Which model leads may move: recorded ones (a derived lead changes only through the leads it comes from), and
    // only those the caller allows.
    std::vector<float> leadAllowed(std::size_t(leads), 0.0f);
    std::vector<std::string> derived;
    for (int l = 0; l < leads; ++l) {
        const std::string& name = card.input.leads[std::size_t(l)];
        const bool wanted = o.leads.empty() || std::find(o.leads.begin(), o.leads.end(), name) != o.leads.end();
        if (input.derived[std::size_t(l)] || input.sourceLead[std::size_t(l)] < 0)
            derived.push_back(name);
        else if (wanted)
            leadAllowed[std::size_t(l)] = 1.0f;
    }
    if (std::all_of(leadAllowed.begin(), leadAllowed.end(), [](float a) { return a == 0.0f; }))
        throw ExplainError("counterfactual: none of the leads allowed to change is recorded in this file");

    torch::NoGradGuard outer;   // only the step below records a graph
    const auto mv = torch::from_blob(const_cast<float*>(input.mv.data()), {1, leads, samples}).clone();
    const auto leadMask = torch::tensor(leadAllowed).view({1, leads, 1});
    auto timeMask = torch::zeros({1, 1, samples});
    timeMask.slice(2, 0, valid).fill_(1.0f);
    const int spacing = std::max(1, int(std::lround(o.knotMs / 1000.0 * input.modelRateHz)));
    int knots = 0;
    const auto basis = knotBasis(valid, samples, spacing, knots);
    auto z = torch::zeros({1, leads, knots});
    auto m = torch::zeros_like(z), v = torch::zeros_like(z);
    const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    auto module = model.impl().module;

    const auto change = [&](const torch::Tensor& knotsIn) {
        return torch::clamp(torch::matmul(knotsIn, basis) * leadMask, -o.maxChangeMv, o.maxChangeMv);
    };
    double initial = 0.0;
    bool up = true;
    const auto reached = [&](double f) { return up ? f >= target.value : f <= target.value; };
    torch::Tensor best = z.clone();
    double bestGap = INFINITY;
    int step = 0;
    for (; step <= o.maxSteps; ++step) {
        torch::Tensor f, loss;
        torch::Tensor grad;
        {
            torch::AutoGradMode enable(true);
            auto zz = z.clone().requires_grad_(true);
            const auto delta = change(zz);
            const auto x = torch::clamp(mv + delta, -o.maxAmplitudeMv, o.maxAmplitudeMv);
            const auto raw = module.forward({toModelValues(x, card, valid, timeMask)}).toTensor();
            if (!raw.requires_grad())
                throw ExplainError("counterfactual: the model's output does not depend differentiably on its input");
            f = activated(raw, card, target.output);
            const double value = f.item<double>();
            if (!std::isfinite(value))
                throw ExplainError("counterfactual: the model returned " + std::to_string(value) + " on the changed input");
            if (step == 0) {
                initial = value;
                up = target.value > initial;
            }
            r.trajectory.push_back(value);
            const double gap = std::abs(value - target.value);
            if (reached(value) || gap < bestGap) {
                bestGap = reached(value) ? 0.0 : gap;
                best = z.clone();
            }
            if (reached(value) || step == o.maxSteps)
                break;
            torch::Tensor predictionLoss;
            if (card.activation == OutputActivation::None)
                predictionLoss = (f - target.value).pow(2);
            else
                predictionLoss = up ? -torch::log(f + 1e-6) : -torch::log(1.0 - f + 1e-6);
            const auto d = delta.slice(2, 0, valid);
            const auto proximity = o.l1 * d.abs().mean() + o.l2 * d.pow(2).mean() +
                                   o.tv * (d.slice(2, 1, valid) - d.slice(2, 0, valid - 1)).abs().mean();
            loss = predictionLoss.sum() + proximity;
            grad = torch::autograd::grad({loss}, {zz})[0];
        }
        // Adam, by hand: the knots move by about the learning rate per step whatever the gradient's scale.
        m = beta1 * m + (1 - beta1) * grad;
        v = beta2 * v + (1 - beta2) * grad * grad;
        const double c1 = 1 - std::pow(beta1, step + 1), c2 = 1 - std::pow(beta2, step + 1);
        z = z - o.learningRate * (m / c1) / ((v / c2).sqrt() + eps);
        if (o.progress && !o.progress(double(step + 1) / o.maxSteps))
            throw ExplainCancelled();
    }
    r.steps = step;
    r.initialValue = initial;

    // The change on the recording's own leads and samples, applied to a copy of its group.
    const auto delta = change(best).contiguous();
    const std::vector<float> flat(delta.data_ptr<float>(), delta.data_ptr<float>() + delta.numel());
    const auto mapped = mapToRecording(input, flat, group);
    r.counterfactual = group;
    r.maxAbsPerLeadMv.assign(group.leads.size(), 0.0);
    double sumAbs = 0.0, sumSq = 0.0;
    std::size_t counted = 0;
    for (std::size_t l = 0; l < group.leads.size(); ++l) {
        auto& samplesOut = r.counterfactual.leads[l].samples;
        for (std::size_t i = 0; i < samplesOut.size() && i < mapped[l].size(); ++i) {
            const float d = mapped[l][i];
            if (!std::isfinite(d) || !std::isfinite(samplesOut[i]))
                continue;
            // On a 1 µV grid, as a 16-bit WFDB record at 1000/mV stores it: the counterfactual judged here is
            // exactly the one a file written and reopened gives back.
            const double changed = std::clamp(double(samplesOut[i]) + d, -o.maxAmplitudeMv, o.maxAmplitudeMv);
            samplesOut[i] = float(std::round(changed * 1000.0) / 1000.0);
            r.maxAbsPerLeadMv[l] = std::max(r.maxAbsPerLeadMv[l], double(std::abs(d)));
            sumAbs += std::abs(d);
            sumSq += double(d) * d;
            ++counted;
        }
    }
    r.meanAbsMv = counted ? sumAbs / double(counted) : 0.0;
    r.rmsMv = counted ? std::sqrt(sumSq / double(counted)) : 0.0;

    // Judged as any file would be: the counterfactual recording fitted to the model again and run.
    AdaptOptions window;
    window.startSeconds = double(input.sourceFirst) / input.sourceRateHz;
    const AdaptedInput again = adaptToModel(r.counterfactual, card, window);
    const auto raw = model.predict({again}).front();
    r.finalValue = interpretOutputs(card, model.sha256(), raw).outputs.at(std::size_t(target.output)).value;
    r.valid = reached(r.finalValue);
    if (!r.valid)
        r.notes.push_back("target " + std::to_string(target.value) + " not reached in " + std::to_string(r.steps) +
                          " steps; the best attempt is returned (" + std::to_string(r.finalValue) + ")");
    // A change below everyday ECG noise that moves the answer is not a physiological explanation: it shows how
    // little the model needs. Said so, beside the result, in plain words.
    if (r.valid && r.rmsMv < kNoiseRmsMv)
        r.notes.push_back("the change (" + std::to_string(int(std::lround(1000 * r.rmsMv))) +
                          " µV RMS) is smaller than everyday ECG noise (about 20 µV): the model's answer hinges on details "
                          "no reader can see — a sign of a fragile model, not a physiological explanation");
    if (!derived.empty()) {
        std::string list;
        for (const auto& d : derived)
            list += (list.empty() ? "" : ", ") + d;
        r.notes.push_back(list + " are not recorded in this file (computed from other leads): they change only through those");
    }
    r.deltas = compareMeasurements(group, r.counterfactual);
    r.runtimeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return r;
}

} // namespace execg
