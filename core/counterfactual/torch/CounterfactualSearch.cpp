#include "counterfactual/torch/CounterfactualSearch.h"

#include "model/Prediction.h"
#include "model/torch/TorchModelImpl.h"

#include <torch/csrc/autograd/autograd.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace execg::cf {

namespace {

constexpr double kNoiseRmsMv = 0.020;   // electrode and amplifier noise of a resting 12-lead: 10–30 µV RMS

int leadIndex(const ModelCard& card, const std::string& name)
{
    const auto& leads = card.input.leads;
    const auto it = std::find(leads.begin(), leads.end(), name);
    return it == leads.end() ? -1 : int(it - leads.begin());
}

} // namespace

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

torch::Tensor toModelValues(const torch::Tensor& mv, const ModelCard& card, int valid)
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
    auto mask = torch::zeros({1, 1, x.size(2)});
    mask.slice(2, 0, valid).fill_(1.0f);
    return x * mask;
}

torch::Tensor inputMv(const AdaptedInput& input)
{
    return torch::from_blob(const_cast<float*>(input.mv.data()), {1, input.leads, input.samples}).clone();
}

torch::Tensor validMask(const AdaptedInput& input)
{
    auto mask = torch::zeros({1, 1, input.samples});
    mask.slice(2, 0, std::max(1, input.validSamples)).fill_(1.0f);
    return mask;
}

LimbLeadCoupling::LimbLeadCoupling(const ModelCard& card, const AdaptedInput& input)
{
    const int leads = input.leads;
    auto mix = torch::zeros({leads, leads}), keep = torch::zeros({leads, 1});
    recorded_.assign(std::size_t(leads), false);
    for (int l = 0; l < leads; ++l)
        recorded_[std::size_t(l)] = !input.derived[std::size_t(l)] && input.sourceLead[std::size_t(l)] >= 0;
    const int i = leadIndex(card, "I"), ii = leadIndex(card, "II");
    const bool limbsRecorded = i >= 0 && ii >= 0 && recorded_[std::size_t(i)] && recorded_[std::size_t(ii)];
    // Einthoven and Goldberger: each derived limb lead as a combination of I and II.
    const std::map<std::string, std::pair<float, float>> fromIandII{
        {"III", {-1.0f, 1.0f}}, {"aVR", {-0.5f, -0.5f}}, {"aVL", {1.0f, -0.5f}}, {"aVF", {-0.5f, 1.0f}}};
    for (int l = 0; l < leads; ++l) {
        const std::string& name = card.input.leads[std::size_t(l)];
        if (recorded_[std::size_t(l)]) {
            mix[l][l] = 1.0f;
            continue;
        }
        const auto f = fromIandII.find(name);
        if (limbsRecorded && f != fromIandII.end()) {
            mix[l][i] = f->second.first;
            mix[l][ii] = f->second.second;
            coupled_.push_back(name);
        } else {
            keep[l][0] = 1.0f;
            frozen_.push_back(name);
        }
    }
    mix_ = mix;
    keep_ = keep;
}

torch::Tensor LimbLeadCoupling::apply(const torch::Tensor& x, const torch::Tensor& original) const
{
    return torch::matmul(mix_, x) + keep_ * original;
}

CounterfactualResult startResult(const std::string& method, std::map<std::string, std::string> parameters, const ModelCard& card,
                                 const CounterfactualTarget& target)
{
    if (target.output < 0 || target.output >= int(card.outputs.size()))
        throw ExplainError("counterfactual: the model has no output " + std::to_string(target.output));
    CounterfactualResult r;
    r.method = method;
    r.parameters = std::move(parameters);
    r.target = target;
    r.outputLabel = card.outputs[std::size_t(target.output)].label;
    r.outputUnit = card.outputs[std::size_t(target.output)].unit;
    return r;
}

SearchOutcome searchTowards(const TorchModel& model, const AdaptedInput& input, const CounterfactualTarget& target,
                            const SearchProblem& p)
{
    const ModelCard& card = model.card();
    if (target.output < 0 || target.output >= int(card.outputs.size()))
        throw ExplainError("counterfactual: the model has no output " + std::to_string(target.output));
    if (p.maxSteps < 1 || !(p.learningRate > 0))
        throw ExplainError("counterfactual: steps and learning rate must be positive");
    const int valid = std::max(1, input.validSamples);
    torch::NoGradGuard outer;   // only the step below records a graph
    auto module = model.impl().module;
    torch::Tensor z = p.start.clone(), m = torch::zeros_like(z), v = torch::zeros_like(z);
    const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;

    SearchOutcome out;
    bool up = true;
    const auto reached = [&](double f) { return up ? f >= target.value : f <= target.value; };
    out.best = z.clone();
    double bestGap = INFINITY;
    int step = 0;
    for (; step <= p.maxSteps; ++step) {
        torch::Tensor grad;
        {
            torch::AutoGradMode enable(true);
            auto zz = z.clone().requires_grad_(true);
            const auto raw = module.forward({inModelLayout(toModelValues(p.signal(zz), card, valid), card)}).toTensor();
            if (!raw.requires_grad())
                throw ExplainError("counterfactual: the model's output does not depend differentiably on its input");
            const auto f = activated(raw, card, target.output);
            const double value = f.item<double>();
            if (!std::isfinite(value))
                throw ExplainError("counterfactual: the model returned " + std::to_string(value) + " on the changed input");
            if (step == 0) {
                out.initialValue = value;
                up = target.value > value;
            }
            out.trajectory.push_back(value);
            const double gap = std::abs(value - target.value);
            if (reached(value) || gap < bestGap) {
                bestGap = reached(value) ? 0.0 : gap;
                out.best = z.clone();
            }
            if (reached(value) || step == p.maxSteps)
                break;
            torch::Tensor predictionLoss;
            if (card.activation == OutputActivation::None)
                predictionLoss = (f - target.value).pow(2);
            else
                predictionLoss = up ? -torch::log(f + 1e-6) : -torch::log(1.0 - f + 1e-6);
            const auto loss = predictionLoss.sum() + p.cost(zz);
            grad = torch::autograd::grad({loss}, {zz})[0];
        }
        // Adam, by hand: each parameter moves by about the learning rate per step whatever the gradient's scale.
        m = beta1 * m + (1 - beta1) * grad;
        v = beta2 * v + (1 - beta2) * (p.sharedScale ? (grad * grad).mean().expand_as(grad) : grad * grad);
        const double c1 = 1 - std::pow(beta1, step + 1), c2 = 1 - std::pow(beta2, step + 1);
        z = z - p.learningRate * (m / c1) / ((v / c2).sqrt() + eps);
        if (p.project)
            p.project(z);
        if (p.progress && !p.progress(double(step + 1) / p.maxSteps))
            throw ExplainCancelled();
    }
    out.steps = step;
    return out;
}

void finishResult(CounterfactualResult& r, const SearchOutcome& outcome, const torch::Tensor& changeMv,
                  const TorchModel& model, const SignalGroup& group, const AdaptedInput& input, double maxAmplitudeMv,
                  std::chrono::steady_clock::time_point started)
{
    const ModelCard& card = model.card();
    r.steps = outcome.steps;
    r.trajectory = outcome.trajectory;
    r.initialValue = outcome.initialValue;
    const auto delta = (changeMv.detach() * validMask(input)).contiguous();
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
            const double changed = std::clamp(double(samplesOut[i]) + d, -maxAmplitudeMv, maxAmplitudeMv);
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
    const AdaptedInput again = adaptToModel(r.counterfactual, card, refitOptions(input, r.counterfactual, card));
    const auto raw = model.predict({again}).front();
    r.finalValue = interpretOutputs(card, model.sha256(), raw).outputs.at(std::size_t(r.target.output)).value;
    // Reached within float rounding: the search and the re-fitted file compute the same value in different batches.
    const bool up = r.target.value > r.initialValue;
    const double slack = 1e-6 * std::max(1.0, std::abs(r.target.value));
    r.valid = up ? r.finalValue >= r.target.value - slack : r.finalValue <= r.target.value + slack;
    if (!r.valid)
        r.notes.push_back("target " + std::to_string(r.target.value) + " not reached in " + std::to_string(r.steps) +
                          " steps; the best attempt is returned (" + std::to_string(r.finalValue) + ")");
    // A change below everyday ECG noise that moves the answer is not a physiological explanation: it shows how
    // little the model needs. Said so, beside the result, in plain words.
    if (r.valid && r.rmsMv < kNoiseRmsMv)
        r.notes.push_back("the change (" + std::to_string(int(std::lround(1000 * r.rmsMv))) +
                          " µV RMS) is smaller than everyday ECG noise (about 20 µV): the model's answer hinges on details "
                          "no reader can see — a sign of a fragile model, not a physiological explanation");
    const LimbLeadCoupling coupling(card, input);
    if (!coupling.coupledLeads().empty() || !coupling.frozenLeads().empty()) {
        std::string list;
        for (const auto* names : {&coupling.coupledLeads(), &coupling.frozenLeads()})
            for (const auto& d : *names)
                list += (list.empty() ? "" : ", ") + d;
        r.notes.push_back(list + " are not recorded in this file (computed from other leads): they change only through those");
    }
    r.deltas = compareMeasurements(group, r.counterfactual);
    r.runtimeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

std::string leadRuns(const std::vector<std::string>& order, const std::vector<bool>& chosen)
{
    std::string text;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (!chosen[i])
            continue;
        // Ranges only among the chest leads (V2–V4); limb leads are named one by one, as a reader lists them.
        const auto chest = [&](std::size_t k) { return order[k].size() > 1 && order[k][0] == 'V'; };
        std::size_t j = i;
        while (chest(i) && j + 1 < order.size() && chosen[j + 1] && chest(j + 1))
            ++j;
        text += (text.empty() ? "" : ", ") + order[i] + (j > i ? (j == i + 1 ? ", " : "–") + order[j] : "");
        i = j;
    }
    return text;
}

} // namespace execg::cf
