#include "counterfactual/torch/LatentCounterfactual.h"

#include "counterfactual/torch/CounterfactualSearch.h"
#include "model/torch/GeneratorModelImpl.h"

#include <torch/csrc/autograd/autograd.h>

#include <chrono>
#include <cmath>
#include <sstream>

namespace execg {

namespace {

std::vector<int> parseCodes(const std::string& text)
{
    std::vector<int> codes;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ';');) {
        if (item.empty())
            continue;
        const auto dash = item.find('-');
        try {
            const int first = std::stoi(item.substr(0, dash));
            const int last = dash == std::string::npos ? first : std::stoi(item.substr(dash + 1));
            if (first < 0 || last < first)
                throw std::invalid_argument(item);
            for (int c = first; c <= last; ++c)
                codes.push_back(c);
        } catch (const std::exception&) {
            throw ExplainError("cf-latent: codes '" + text + "' — expected indices and ranges such as 0;3-5");
        }
    }
    return codes;
}

// Per lead, the factor from the card's model values back to mV (a change in a normalised input is a change in sd's).
torch::Tensor modelValueScale(const ModelCard& card, const AdaptedInput& input)
{
    std::vector<float> scale(std::size_t(input.leads), card.input.units == "uV" ? 0.001f : 1.0f);
    for (int l = 0; l < input.leads; ++l) {
        if (card.input.normalisation == InputNormalisation::Fixed)
            scale[std::size_t(l)] *= float(card.input.std[std::size_t(l)]);
        else if (card.input.normalisation == InputNormalisation::ZScorePerLead) {
            const float* mv = input.mv.data() + std::size_t(l) * std::size_t(input.samples);
            const int n = std::max(1, input.validSamples);
            double sum = 0, sq = 0;
            for (int i = 0; i < n; ++i) {
                sum += mv[i];
                sq += double(mv[i]) * mv[i];
            }
            const double sd = std::sqrt(std::max(0.0, sq / n - (sum / n) * (sum / n)));
            scale[std::size_t(l)] = float(sd > 0 ? sd : 1.0);
        }
    }
    return torch::tensor(scale).view({1, input.leads, 1});
}

} // namespace

const std::vector<ParameterSpec>& latentCounterfactualParameters()
{
    static const std::vector<ParameterSpec> specs = [] {
        const LatentCounterfactualOptions d;
        return std::vector<ParameterSpec>{
            {"steps", ParameterType::Integer, 1, 100000, std::to_string(d.maxSteps), "", "Optimisation steps at most.", {}},
            {"learning-rate", ParameterType::Real, 1e-6, 10, cf::number(d.learningRate), "", "Latent change per step.", {}},
            {"l1", ParameterType::Real, 0, 1e6, cf::number(d.l1), "", "Weight of the mean |latent change| (proximity).", {}},
            {"l2", ParameterType::Real, 0, 1e6, cf::number(d.l2), "", "Weight of the mean squared latent change (proximity).", {}},
            {"codes", ParameterType::Text, 0, 0, "", "",
             "Latent codes allowed to move (rows of its second dimension, e.g. per-layer codes): '0;3-5'; empty: all.", {}},
            {"inversion-steps", ParameterType::Integer, 1, 100000, std::to_string(d.inversionSteps), "",
             "Steps to find the recording's latent when the generator has no encoder.", {}},
            {"max-amplitude-mv", ParameterType::Real, 0.1, 50, cf::number(d.maxAmplitudeMv), "mV", "Largest |value| after the change.", {}}};
    }();
    return specs;
}

LatentCounterfactualOptions latentCounterfactualOptions(const ParameterValues& v)
{
    LatentCounterfactualOptions o;
    o.maxSteps = v.integer("steps");
    o.learningRate = v.real("learning-rate");
    o.l1 = v.real("l1");
    o.l2 = v.real("l2");
    o.codes = parseCodes(v.text("codes"));
    o.inversionSteps = v.integer("inversion-steps");
    o.maxAmplitudeMv = v.real("max-amplitude-mv");
    return o;
}

CounterfactualResult latentCounterfactual(const TorchModel& model, const GeneratorModel& generator, const SignalGroup& group,
                                          const AdaptedInput& input, const CounterfactualTarget& target,
                                          const LatentCounterfactualOptions& o)
{
    const auto started = std::chrono::steady_clock::now();
    const ModelCard& card = model.card();
    std::string codeList;
    for (const int c : o.codes)
        codeList += (codeList.empty() ? "" : ";") + std::to_string(c);
    CounterfactualResult r = cf::startResult("cf-latent",
                                             {{"steps", std::to_string(o.maxSteps)},
                                              {"learning-rate", cf::number(o.learningRate)},
                                              {"l1", cf::number(o.l1)},
                                              {"l2", cf::number(o.l2)},
                                              {"codes", codeList},
                                              {"inversion-steps", std::to_string(o.inversionSteps)},
                                              {"max-amplitude-mv", cf::number(o.maxAmplitudeMv)},
                                              {"generator-sha256", generator.sha256()}},
                                             card, target);
    torch::NoGradGuard noGrad;
    auto module = generator.impl().module;
    const auto decode = [&](const torch::Tensor& z) { return module.run_method("decode", z).toTensor(); };
    const auto values = torch::from_blob(const_cast<float*>(input.values.data()), {1, input.leads, input.samples}).clone();
    const auto& shape = generator.latentShape();

    // The recording's own latent: the encoder's, or the code whose decoding is closest to it (least squares).
    torch::Tensor z0;
    double inversionError = NAN;
    if (generator.hasEncoder()) {
        z0 = module.run_method("encode", values).toTensor().detach();
    } else {
        z0 = torch::zeros(shape);
        auto m = torch::zeros_like(z0), v = torch::zeros_like(z0);
        for (int step = 0; step < o.inversionSteps; ++step) {
            torch::Tensor grad;
            {
                torch::AutoGradMode enable(true);
                auto z = z0.clone().requires_grad_(true);
                const auto loss = (decode(z) - values).pow(2).mean();
                grad = torch::autograd::grad({loss}, {z})[0];
            }
            m = 0.9 * m + 0.1 * grad;
            v = 0.999 * v + 0.001 * grad * grad;
            z0 = z0 - 0.05 * (m / (1 - std::pow(0.9, step + 1))) / ((v / (1 - std::pow(0.999, step + 1))).sqrt() + 1e-8);
            if (o.progress && !o.progress(0.0))
                throw ExplainCancelled();
        }
        inversionError = (decode(z0) - values).pow(2).mean().sqrt().item<double>();
    }
    const auto decoded0 = decode(z0);

    // Which codes move: rows of the latent's second dimension.
    auto codeMask = torch::ones(shape);
    if (!o.codes.empty()) {
        const std::int64_t rows = shape.size() > 1 ? shape[1] : 1;
        codeMask.zero_();
        for (const int c : o.codes) {
            if (c >= rows)
                throw ExplainError("cf-latent: code " + std::to_string(c) + " does not exist; the generator's latent has " +
                                   std::to_string(rows) + " codes (rows of " + std::to_string(shape.size()) + "-d shape)");
            codeMask.select(1, c).fill_(1.0f);
        }
    }
    const cf::LimbLeadCoupling coupling(card, input);
    const auto mv = cf::inputMv(input);
    const auto toMv = modelValueScale(card, input);
    cf::SearchProblem problem;
    problem.start = torch::zeros(shape);   // the latent's change
    problem.signal = [&](const torch::Tensor& dz) {
        const auto change = (decode(z0 + dz * codeMask) - decoded0) * toMv;
        return coupling.apply(torch::clamp(mv + change, -o.maxAmplitudeMv, o.maxAmplitudeMv), mv);
    };
    problem.cost = [&](const torch::Tensor& dz) {
        const auto d = dz * codeMask;
        return o.l1 * d.abs().mean() + o.l2 * d.pow(2).mean();
    };
    problem.learningRate = o.learningRate;
    problem.maxSteps = o.maxSteps;
    problem.progress = o.progress;
    const auto outcome = cf::searchTowards(model, input, target, problem);
    cf::finishResult(r, outcome, problem.signal(outcome.best) - mv, model, group, input, o.maxAmplitudeMv, started);
    const double reconstruction = generator.hasEncoder() ? (decoded0 - values).pow(2).mean().sqrt().item<double>() : inversionError;
    std::ostringstream note;
    note << "the generator reproduces the recording to " << std::lround(1000 * reconstruction * toMv.mean().item<double>())
         << " µV RMS (" << (generator.hasEncoder() ? "encoder" : "inversion in " + std::to_string(o.inversionSteps) + " steps")
         << "); what it cannot reproduce is kept unchanged";
    r.notes.push_back(note.str());
    r.runtimeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return r;
}

} // namespace execg
