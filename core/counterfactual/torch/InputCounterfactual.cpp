#include "counterfactual/torch/InputCounterfactual.h"

#include "counterfactual/torch/CounterfactualSearch.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

namespace execg {

namespace {

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
        const auto real = cf::number;
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
    if (o.maxSteps < 1 || o.learningRate <= 0 || o.knotMs <= 0)
        throw ExplainError("counterfactual: steps, learning rate and knot spacing must be positive");
    std::string leadList;
    for (const auto& lead : o.leads)
        leadList += (leadList.empty() ? "" : ";") + lead;
    CounterfactualResult r = cf::startResult("cf-input",
                                             {{"steps", std::to_string(o.maxSteps)},
                                              {"learning-rate", cf::number(o.learningRate)},
                                              {"l1", cf::number(o.l1)},
                                              {"l2", cf::number(o.l2)},
                                              {"tv", cf::number(o.tv)},
                                              {"knot-ms", cf::number(o.knotMs)},
                                              {"max-change-mv", cf::number(o.maxChangeMv)},
                                              {"max-amplitude-mv", cf::number(o.maxAmplitudeMv)},
                                              {"leads", leadList}},
                                             card, target);
    const int leads = input.leads, samples = input.samples, valid = std::max(1, input.validSamples);

    // Which model leads may move: recorded ones (a derived lead changes only through the leads it comes from), and
    // only those the caller allows.
    const cf::LimbLeadCoupling coupling(card, input);
    std::vector<float> leadAllowed(std::size_t(leads), 0.0f);
    for (int l = 0; l < leads; ++l) {
        const std::string& name = card.input.leads[std::size_t(l)];
        const bool wanted = o.leads.empty() || std::find(o.leads.begin(), o.leads.end(), name) != o.leads.end();
        if (coupling.recorded(l) && wanted)
            leadAllowed[std::size_t(l)] = 1.0f;
    }
    if (std::all_of(leadAllowed.begin(), leadAllowed.end(), [](float a) { return a == 0.0f; }))
        throw ExplainError("counterfactual: none of the leads allowed to change is recorded in this file");

    torch::NoGradGuard noGrad;
    const auto mv = cf::inputMv(input);
    const auto leadMask = torch::tensor(leadAllowed).view({1, leads, 1});
    const int spacing = std::max(1, int(std::lround(o.knotMs / 1000.0 * input.modelRateHz)));
    int knots = 0;
    const auto basis = knotBasis(valid, samples, spacing, knots);
    const auto change = [&](const torch::Tensor& z) {
        return torch::clamp(torch::matmul(z, basis) * leadMask, -o.maxChangeMv, o.maxChangeMv);
    };
    cf::SearchProblem problem;
    problem.start = torch::zeros({1, leads, knots});
    problem.signal = [&](const torch::Tensor& z) {
        return coupling.apply(torch::clamp(mv + change(z), -o.maxAmplitudeMv, o.maxAmplitudeMv), mv);
    };
    problem.cost = [&](const torch::Tensor& z) {
        const auto d = change(z).slice(2, 0, valid);
        return o.l1 * d.abs().mean() + o.l2 * d.pow(2).mean() +
               o.tv * (d.slice(2, 1, valid) - d.slice(2, 0, valid - 1)).abs().mean();
    };
    problem.learningRate = o.learningRate;
    problem.maxSteps = o.maxSteps;
    problem.progress = o.progress;
    const auto outcome = cf::searchTowards(model, input, target, problem);
    cf::finishResult(r, outcome, problem.signal(outcome.best) - mv, model, group, input, o.maxAmplitudeMv, started);
    return r;
}

} // namespace execg
