#include "counterfactual/torch/ParametricCounterfactual.h"

#include "counterfactual/torch/CounterfactualSearch.h"
#include "measure/Measurements.h"
#include "synth/HeartVectors.h"
#include "synth/LeadField.h"

#include <torch/csrc/autograd/autograd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <numeric>

namespace execg {

namespace {

enum Wave { P, Q, R, S, T, kWaves };
const std::array<const char*, kWaves> kWaveNames{"P", "Q", "R", "S", "T"};
constexpr double kBumpSigmas = 2.5;            // the synthetic generator's bump: a Gaussian cut at 2.5 σ
constexpr double kWindowBefore = 0.7, kWindowAfter = 1.0;   // s around each beat that its waves may occupy
constexpr double kAmplitudeUnit = 0.1, kTimeUnit = 0.010, kScaleUnit = 0.1;   // search units: 0.1 mV, 10 ms, 10 %
// P shift, QRS log-scale, T shift, P log-width, T log-width; RR regularity (10 % steps of each beat towards an even
// rhythm), sinus P (0.1 mV steps of the normal sinus P wave, in every lead as the generator's atrial dipole projects).
constexpr int kGlobals = 7;

// The normal sinus P wave's amplitude in each model lead (lead II = 1): the synthetic generator's textbook atrial
// dipole through its lead field; 0 for a lead it does not know.
torch::Tensor sinusPPattern(const ModelCard& card)
{
    synth::SynthParams textbook;
    textbook.variability = 0.0;
    synth::SynthRandom rng(0, synth::RandomStream::Morphology);
    const auto heart = synth::buildHeartVectors(textbook, synth::potassiumEffects(textbook.potassiumMmolL), rng);
    const synth::Vec3 p = heart.pRight + heart.pLeft;
    static const std::array<const char*, synth::kLeadCount> names{"I", "II", "III", "aVR", "aVL", "aVF",
                                                                  "V1", "V2", "V3", "V4", "V5", "V6"};
    const double lead2 = synth::leadVectors()[1].dot(p);
    std::vector<float> pattern;
    for (const auto& lead : card.input.leads) {
        const auto it = std::find(names.begin(), names.end(), lead);
        pattern.push_back(it == names.end() ? 0.0f : float(synth::leadVectors()[std::size_t(it - names.begin())].dot(p) / lead2));
    }
    return torch::tensor(pattern);
}

// synth::bump, differentiably: 1 at x = 0, 0 for |x| ≥ 1.
torch::Tensor bump(const torch::Tensor& x)
{
    const double floor = std::exp(-0.5 * kBumpSigmas * kBumpSigmas);
    return ((torch::exp(-0.5 * (kBumpSigmas * x).pow(2)) - floor) / (1.0 - floor)).clamp_min(0.0);
}

// Per lead and wave: amplitude (mV), centre from the beat's fiducial (s) and half-width (s); per beat its time (s).
struct BeatParameters {
    torch::Tensor amplitude, centre, halfWidth;   // leads × waves
    torch::Tensor beatTime;                        // beats
};

// The rendered beats (1 × leads × samples, mV) on a fixed window around each beat's original time.
class BeatRenderer {
public:
    BeatRenderer(const std::vector<double>& beatTimes, double fs, int samples, int valid) : samples_(samples)
    {
        const int before = int(std::ceil(kWindowBefore * fs)), width = before + int(std::ceil(kWindowAfter * fs)) + 1;
        std::vector<std::int64_t> index;
        std::vector<float> inside, time;
        for (const double tau : beatTimes) {
            const int first = int(std::lround(tau * fs)) - before;
            for (int k = 0; k < width; ++k) {
                const int i = first + k;
                index.push_back(std::clamp(i, 0, samples - 1));
                inside.push_back(i >= 0 && i < valid ? 1.0f : 0.0f);
                time.push_back(float(i / fs));
            }
        }
        beats_ = int(beatTimes.size());
        width_ = width;
        index_ = torch::tensor(index);
        inside_ = torch::tensor(inside).view({1, beats_, 1, width});
        time_ = torch::tensor(time).view({1, beats_, 1, width});
    }

    torch::Tensor render(const BeatParameters& p) const
    {
        const int leads = int(p.amplitude.size(0));
        // leads × beats × waves × window
        const auto centre = p.beatTime.view({1, beats_, 1, 1}) + p.centre.view({leads, 1, kWaves, 1});
        const auto x = (time_ - centre) / p.halfWidth.view({leads, 1, kWaves, 1});
        const auto waves = (bump(x) * p.amplitude.view({leads, 1, kWaves, 1})).sum(2, true) * inside_;
        auto out = torch::zeros({leads, samples_});
        out = out.index_add(1, index_, waves.reshape({leads, beats_ * width_}));
        return out.unsqueeze(0);
    }

private:
    int samples_, beats_ = 0, width_ = 0;
    torch::Tensor index_, inside_, time_;
};

// The recording's beats and the usual place of each wave around them, from the measurement module.
struct BeatLayout {
    std::vector<double> beatTimes;                 // s
    std::array<double, kWaves> centre{}, halfWidth{};   // s from the fiducial
    std::vector<double> isoelectricTimes;          // s: the PR segment of each beat, where the baseline is read
};

BeatLayout layoutBeats(const AdaptedInput& input, const ModelCard& card)
{
    const double fs = input.modelRateHz;
    const int valid = std::max(1, input.validSamples);
    SignalGroup g;
    g.samplingRateHz = fs;
    for (int l = 0; l < input.leads; ++l) {
        Lead lead;
        lead.name = card.input.leads[std::size_t(l)];
        const float* row = input.mv.data() + std::size_t(l) * std::size_t(input.samples);
        lead.samples.assign(row, row + valid);
        g.leads.push_back(std::move(lead));
    }
    const EcgMeasurements m = measureEcg(g);
    if (m.detection.beats.size() < 2)
        throw ExplainError("cf-parametric: fewer than two beats found in the model's window" +
                           (m.detection.problem.empty() ? std::string() : " (" + m.detection.problem + ")") +
                           "; beat parameters cannot be fitted");
    BeatLayout b;
    for (const auto s : m.detection.samples())
        b.beatTimes.push_back(double(s) / fs);
    // Defaults of a normal beat where the delineator found no wave (no P in atrial fibrillation).
    double qOn = -0.045, qOff = 0.045, pCentre = -0.16, pHalf = 0.05, tCentre = 0.28, tHalf = 0.12;
    const auto& f = m.delineation.global;
    const double fid = m.medians.fiducialIndex, mfs = m.medians.samplingRateHz > 0 ? m.medians.samplingRateHz : fs;
    const auto rel = [&](double position) { return (position - fid) / mfs; };
    if (f.hasQrs() && rel(f.qrsOffset) - rel(f.qrsOnset) > 0.03) {
        qOn = rel(f.qrsOnset);
        qOff = rel(f.qrsOffset);
    }
    if (f.hasP()) {
        pCentre = 0.5 * (rel(f.pOnset) + rel(f.pOffset));
        pHalf = std::max(0.02, 0.5 * (rel(f.pOffset) - rel(f.pOnset)));
    } else {
        pCentre = qOn - 0.1;
    }
    if (f.hasT() && rel(f.tOffset) > rel(f.tPeak)) {
        tCentre = rel(f.tPeak);
        tHalf = std::clamp(rel(f.tOffset) - rel(f.tPeak), 0.05, 0.25);
    }
    const double d = qOff - qOn;
    b.centre = {pCentre, qOn + 0.15 * d, qOn + 0.45 * d, qOn + 0.75 * d, tCentre};
    b.halfWidth = {pHalf, 0.2 * d, 0.3 * d, 0.25 * d, tHalf};
    for (const double tau : b.beatTimes)
        b.isoelectricTimes.push_back(tau + (f.hasP() ? 0.5 * (qOn + rel(f.pOffset)) : qOn - 0.02));
    return b;
}

// The baseline: straight lines through the level of each PR segment (the classic isoelectric-knot estimate).
torch::Tensor baseline(const torch::Tensor& mv, const BeatLayout& layout, double fs, int valid)
{
    const int leads = int(mv.size(1)), samples = int(mv.size(2));
    auto out = torch::zeros({1, leads, samples});
    std::vector<int> knots;
    for (const double t : layout.isoelectricTimes) {
        const int i = int(std::lround(t * fs));
        if (i >= 2 && i < valid - 2)
            knots.push_back(i);
    }
    if (knots.empty())
        return out + std::get<0>(mv.slice(2, 0, valid).median(2, true));
    auto a = out.accessor<float, 3>();
    const auto x = mv.accessor<float, 3>();
    for (int l = 0; l < leads; ++l) {
        std::vector<float> level;
        for (const int k : knots)
            level.push_back((x[0][l][k - 2] + x[0][l][k - 1] + x[0][l][k] + x[0][l][k + 1] + x[0][l][k + 2]) / 5.0f);
        for (int i = 0; i < valid; ++i) {
            const auto next = std::upper_bound(knots.begin(), knots.end(), i) - knots.begin();
            if (next == 0)
                a[0][l][i] = level.front();
            else if (next == long(knots.size()))
                a[0][l][i] = level.back();
            else {
                const double u = double(i - knots[std::size_t(next - 1)]) / (knots[std::size_t(next)] - knots[std::size_t(next - 1)]);
                a[0][l][i] = float((1 - u) * level[std::size_t(next - 1)] + u * level[std::size_t(next)]);
            }
        }
    }
    return out;
}

// Least squares for the amplitudes at the layout's shapes, then Adam on every parameter of the beats.
BeatParameters fitBeats(const torch::Tensor& target, const BeatLayout& layout, const BeatRenderer& renderer, int leads,
                        int valid, double& explained)
{
    const auto centre0 = torch::tensor(std::vector<double>(layout.centre.begin(), layout.centre.end()), torch::kFloat32);
    const auto half0 = torch::tensor(std::vector<double>(layout.halfWidth.begin(), layout.halfWidth.end()), torch::kFloat32);
    BeatParameters p;
    p.centre = centre0.repeat({leads, 1});
    p.halfWidth = half0.repeat({leads, 1});
    p.beatTime = torch::tensor(layout.beatTimes, torch::kFloat32);
    // One column per wave (unit amplitude in every lead), the same for all leads.
    std::vector<torch::Tensor> columns;
    for (int w = 0; w < kWaves; ++w) {
        BeatParameters unit = p;
        unit.amplitude = torch::zeros({leads, kWaves});
        unit.amplitude.select(1, w).fill_(1.0f);
        columns.push_back(renderer.render(unit)[0][0].slice(0, 0, valid));
    }
    const auto design = torch::stack(columns, 1);                                  // valid × waves
    const auto y = target[0].slice(1, 0, valid).transpose(0, 1);                   // valid × leads
    const auto gram = design.transpose(0, 1).matmul(design) + 1e-4 * torch::eye(kWaves);
    p.amplitude = torch::linalg_solve(gram, design.transpose(0, 1).matmul(y)).transpose(0, 1).contiguous();

    // Refine: amplitudes (0.1 mV), centres and widths per lead (10 ms, log), beat times (10 ms).
    auto amp = (p.amplitude / kAmplitudeUnit).clone(), cen = torch::zeros({leads, kWaves}), logw = torch::zeros({leads, kWaves}),
         tau = torch::zeros_like(p.beatTime);
    std::vector<torch::Tensor> params{amp, cen, logw, tau};
    std::vector<torch::Tensor> m1, m2;
    for (const auto& t : params) {
        m1.push_back(torch::zeros_like(t));
        m2.push_back(torch::zeros_like(t));
    }
    const auto assemble = [&](const std::vector<torch::Tensor>& q) {
        BeatParameters b;
        b.amplitude = q[0] * kAmplitudeUnit;
        b.centre = p.centre + q[1].clamp(-5.0, 5.0) * kTimeUnit;
        b.halfWidth = p.halfWidth * torch::exp(q[2].clamp(-0.7, 0.7));
        b.beatTime = p.beatTime + q[3].clamp(-3.0, 3.0) * kTimeUnit;
        return b;
    };
    const double total = y.pow(2).sum().item<double>();
    for (int step = 0; step < 120; ++step) {
        std::vector<torch::Tensor> q;
        for (const auto& t : params)
            q.push_back(t.clone().requires_grad_(true));
        torch::Tensor loss;
        {
            torch::AutoGradMode enable(true);
            loss = (renderer.render(assemble(q)).slice(2, 0, valid) - target.slice(2, 0, valid)).pow(2).sum() / std::max(total, 1e-9);
        }
        const auto grads = torch::autograd::grad({loss}, q);
        for (std::size_t i = 0; i < params.size(); ++i) {
            m1[i] = 0.9 * m1[i] + 0.1 * grads[i];
            m2[i] = 0.999 * m2[i] + 0.001 * grads[i] * grads[i];
            const double c1 = 1 - std::pow(0.9, step + 1), c2 = 1 - std::pow(0.999, step + 1);
            params[i] = params[i] - 0.05 * (m1[i] / c1) / ((m2[i] / c2).sqrt() + 1e-8);
        }
    }
    const BeatParameters fitted = assemble(params);
    const double residual = (renderer.render(fitted).slice(2, 0, valid) - target.slice(2, 0, valid)).pow(2).sum().item<double>();
    explained = total > 0 ? 1.0 - residual / total : 0.0;
    return fitted;
}

// The clinical timings of a set of beat parameters (s, medians over leads), for the words of the result.
struct Timings {
    double pOnset, qrsOnset, qrsEnd, tEnd;
};

Timings timingsOf(const BeatParameters& b)
{
    const auto med = [](const torch::Tensor& t) { return t.median().item<double>(); };
    return {med(b.centre.select(1, P) - b.halfWidth.select(1, P)), med(b.centre.select(1, Q) - b.halfWidth.select(1, Q)),
            med(b.centre.select(1, S) + b.halfWidth.select(1, S)), med(b.centre.select(1, T) + b.halfWidth.select(1, T))};
}

double rrIrregularity(const torch::Tensor& times)
{
    const auto rr = times.slice(0, 1) - times.slice(0, 0, times.size(0) - 1);
    if (rr.size(0) < 2)
        return NAN;
    const double rmssd = (rr.slice(0, 1) - rr.slice(0, 0, rr.size(0) - 1)).pow(2).mean().sqrt().item<double>();
    return rmssd / rr.mean().item<double>();
}

std::string signedText(double v, int decimals, const std::string& unit)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%+.*f%s%s", decimals, v, unit.empty() ? "" : " ", unit.c_str());
    return buf;
}

std::vector<ParameterChange> describeChanges(const BeatParameters& before, const BeatParameters& after,
                                             const std::vector<std::string>& leadNames, const std::vector<bool>& recorded)
{
    std::vector<ParameterChange> out;
    const auto d = (after.amplitude - before.amplitude).contiguous();
    const auto a = d.accessor<float, 2>();
    for (int w = 0; w < kWaves; ++w) {
        double largest = 0.0;
        for (std::size_t l = 0; l < leadNames.size(); ++l)
            if (recorded[l])
                largest = std::max(largest, double(std::abs(a[long(l)][w])));
        const double threshold = std::max(0.01, 0.3 * largest);
        for (const int sign : {+1, -1}) {
            std::vector<bool> chosen(leadNames.size(), false);
            double sum = 0.0;
            int n = 0;
            for (std::size_t l = 0; l < leadNames.size(); ++l)
                if (recorded[l] && sign * a[long(l)][w] >= threshold) {
                    chosen[l] = true;
                    sum += a[long(l)][w];
                    ++n;
                }
            if (n == 0)
                continue;
            ParameterChange c{std::string(kWaveNames[std::size_t(w)]) + " amplitude", cf::leadRuns(leadNames, chosen), sum / n, "mV", ""};
            c.text = c.quantity + " in " + c.leads + " " + signedText(c.change, 2, "mV");
            out.push_back(c);
        }
    }
    const Timings t0 = timingsOf(before), t1 = timingsOf(after);
    const auto timing = [&](const char* name, double change) {
        if (std::abs(change) >= 0.002)
            out.push_back({name, "", 1000 * change, "ms", std::string(name) + " " + signedText(1000 * change, 0, "ms")});
    };
    timing("PR", (t1.qrsOnset - t1.pOnset) - (t0.qrsOnset - t0.pOnset));
    timing("QRS", (t1.qrsEnd - t1.qrsOnset) - (t0.qrsEnd - t0.qrsOnset));
    timing("QT", (t1.tEnd - t1.qrsOnset) - (t0.tEnd - t0.qrsOnset));
    const int beats = int(before.beatTime.size(0));
    if (beats >= 2) {
        const auto meanRr = [&](const torch::Tensor& times) { return (times[beats - 1] - times[0]).item<double>() / (beats - 1); };
        const double hr = 60.0 / meanRr(after.beatTime) - 60.0 / meanRr(before.beatTime);
        if (std::abs(hr) >= 0.5)
            out.push_back({"heart rate", "", hr, "bpm", "heart rate " + signedText(hr, 0, "bpm")});
        const double i0 = rrIrregularity(before.beatTime), i1 = rrIrregularity(after.beatTime);
        if (std::isfinite(i0) && std::isfinite(i1) && std::abs(i1 - i0) >= 0.005) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "RR irregularity %.2f → %.2f", i0, i1);
            out.push_back({"RR irregularity", "", i1 - i0, "", buf});
        }
    }
    return out;
}

} // namespace

const std::vector<ParameterSpec>& parametricCounterfactualParameters()
{
    static const std::vector<ParameterSpec> specs = [] {
        const ParametricCounterfactualOptions d;
        return std::vector<ParameterSpec>{
            {"steps", ParameterType::Integer, 1, 100000, std::to_string(d.maxSteps), "", "Optimisation steps at most.", {}},
            {"learning-rate", ParameterType::Real, 1e-4, 10, cf::number(d.learningRate), "",
             "Change per step, in units of 0.1 mV, 10 ms and 10 %.", {}},
            {"amplitude-cost", ParameterType::Real, 0, 1e6, cf::number(d.amplitudeCost), "", "Weight of the wave amplitude changes.", {}},
            {"timing-cost", ParameterType::Real, 0, 1e6, cf::number(d.timingCost), "", "Weight of the PR, QRS, QT, P and T width changes.", {}},
            {"rhythm-cost", ParameterType::Real, 0, 1e6, cf::number(d.rhythmCost), "", "Weight of the beat time changes.", {}},
            {"move-beats", ParameterType::Flag, 0, 0, d.moveBeats ? "true" : "false", "", "Beat times (RR intervals) may change.", {}},
            {"max-amplitude-mv", ParameterType::Real, 0.1, 50, cf::number(d.maxAmplitudeMv), "mV", "Largest |value| after the change.", {}}};
    }();
    return specs;
}

ParametricCounterfactualOptions parametricCounterfactualOptions(const ParameterValues& v)
{
    ParametricCounterfactualOptions o;
    o.maxSteps = v.integer("steps");
    o.learningRate = v.real("learning-rate");
    o.amplitudeCost = v.real("amplitude-cost");
    o.timingCost = v.real("timing-cost");
    o.rhythmCost = v.real("rhythm-cost");
    o.moveBeats = v.flag("move-beats");
    o.maxAmplitudeMv = v.real("max-amplitude-mv");
    return o;
}

CounterfactualResult parametricCounterfactual(const TorchModel& model, const SignalGroup& group, const AdaptedInput& input,
                                              const CounterfactualTarget& target, const ParametricCounterfactualOptions& o)
{
    const auto started = std::chrono::steady_clock::now();
    const ModelCard& card = model.card();
    CounterfactualResult r = cf::startResult("cf-parametric",
                                             {{"steps", std::to_string(o.maxSteps)},
                                              {"learning-rate", cf::number(o.learningRate)},
                                              {"amplitude-cost", cf::number(o.amplitudeCost)},
                                              {"timing-cost", cf::number(o.timingCost)},
                                              {"rhythm-cost", cf::number(o.rhythmCost)},
                                              {"move-beats", o.moveBeats ? "true" : "false"},
                                              {"max-amplitude-mv", cf::number(o.maxAmplitudeMv)}},
                                             card, target);
    const int leads = input.leads, valid = std::max(1, input.validSamples);
    const double fs = input.modelRateHz;

    torch::NoGradGuard noGrad;
    const auto mv = cf::inputMv(input);
    const BeatLayout layout = layoutBeats(input, card);
    const BeatRenderer renderer(layout.beatTimes, fs, input.samples, valid);
    double explained = 0.0;
    const BeatParameters fitted = fitBeats(mv - baseline(mv, layout, fs, valid), layout, renderer, leads, valid, explained);
    const auto rendered = renderer.render(fitted);
    const int beats = int(layout.beatTimes.size());

    const cf::LimbLeadCoupling coupling(card, input);
    std::vector<float> recordedMask(static_cast<std::size_t>(leads));
    std::vector<bool> recorded(static_cast<std::size_t>(leads));
    for (int l = 0; l < leads; ++l) {
        recorded[std::size_t(l)] = coupling.recorded(l);
        recordedMask[std::size_t(l)] = coupling.recorded(l) ? 1.0f : 0.0f;
    }
    const auto leadMask = torch::tensor(recordedMask).view({leads, 1});
    const auto sinusP = sinusPPattern(card);
    const auto amplitudeHigh = torch::max(fitted.amplitude.abs(), torch::tensor({0.3f, 1.0f, 3.0f, 3.0f, 1.5f}).view({1, kWaves}));
    // The same number of beats evenly spread between the first and the last: where a regular rhythm would put them.
    const auto evenRhythm = torch::linspace(fitted.beatTime[0].item<double>(), fitted.beatTime[beats - 1].item<double>(), beats);
    const int amplitudes = leads * kWaves;

    // The searched parameters, one flat vector in search units: amplitude changes (leads × waves), the five global
    // timings, RR regularity and sinus P, then one time change per beat.
    const auto unpack = [&](const torch::Tensor& z) {
        BeatParameters b;
        const auto g = z.slice(0, amplitudes, amplitudes + kGlobals);
        auto amplitude = z.slice(0, 0, amplitudes).view({leads, kWaves}) * kAmplitudeUnit;
        amplitude = amplitude + torch::stack({g[6] * kAmplitudeUnit * sinusP, torch::zeros({leads}), torch::zeros({leads}),
                                              torch::zeros({leads}), torch::zeros({leads})}, 1);
        // Inside what a heart produces (a wave already beyond it may only shrink): P ≤ 0.3 mV, Q ≤ 1, R and S ≤ 3,
        // T ≤ 1.5 mV — a counterfactual that needs a 0.5 mV P wave is not one a reader would believe.
        b.amplitude = torch::max(torch::min(fitted.amplitude + amplitude * leadMask, amplitudeHigh), -amplitudeHigh);
        const auto qrsScale = torch::exp(g[1] * kScaleUnit);
        const auto shift = torch::stack({g[0] * kTimeUnit, torch::zeros({}), torch::zeros({}), torch::zeros({}), g[2] * kTimeUnit});
        const auto scale = torch::stack({torch::ones({}), qrsScale, qrsScale, qrsScale, torch::ones({})});
        const auto widen = torch::stack({torch::exp(g[3] * kScaleUnit), qrsScale, qrsScale, qrsScale, torch::exp(g[4] * kScaleUnit)});
        b.centre = fitted.centre * scale.view({1, kWaves}) + shift.view({1, kWaves});
        b.halfWidth = fitted.halfWidth * widen.view({1, kWaves});
        b.beatTime = fitted.beatTime + (evenRhythm - fitted.beatTime) * (g[5] * kScaleUnit) +
                     z.slice(0, amplitudes + kGlobals) * kTimeUnit;
        return b;
    };
    cf::SearchProblem problem;
    problem.start = torch::zeros({amplitudes + kGlobals + beats});
    problem.signal = [&](const torch::Tensor& z) {
        const auto change = renderer.render(unpack(z)) - rendered;
        return coupling.apply(torch::clamp(mv + change, -o.maxAmplitudeMv, o.maxAmplitudeMv), mv);
    };
    // The cost is taken on what changes in clinical terms — each lead's wave amplitudes, each beat's time — whichever
    // parameters moved them: a coherent change (the sinus P pattern, an even rhythm) costs what its effect costs.
    problem.cost = [&](const torch::Tensor& z) {
        const BeatParameters b = unpack(z);
        const auto g = z.slice(0, amplitudes, amplitudes + kGlobals);
        return o.amplitudeCost * ((b.amplitude - fitted.amplitude) * leadMask).abs().mean() / kAmplitudeUnit +
               o.timingCost * g.slice(0, 0, 5).abs().mean() +
               o.rhythmCost * (b.beatTime - fitted.beatTime).abs().mean() / kTimeUnit;
    };
    // Physiological ranges: amplitudes ±2 mV, P from 100 ms earlier to 80 ms later, QRS ×0.74–×1.8, T from 80 ms
    // earlier to 120 ms later, P and T widths ×0.6–×1.65, the rhythm from as recorded to fully even, the sinus P
    // wave ±0.3 mV in lead II, beats within 150 ms of where they were and in order.
    problem.project = [&](torch::Tensor& z) {
        z.slice(0, 0, amplitudes).clamp_(-20.0, 20.0);
        auto g = z.slice(0, amplitudes, amplitudes + kGlobals);
        g[0].clamp_(-10.0, 8.0);
        g[1].clamp_(-3.0, 6.0);
        g[2].clamp_(-8.0, 12.0);
        g.slice(0, 3, 5).clamp_(-5.0, 5.0);
        g[6].clamp_(-3.0, 3.0);
        auto beatShift = z.slice(0, amplitudes + kGlobals);
        if (!o.moveBeats) {
            g[5].zero_();
            beatShift.zero_();
            return;
        }
        g[5].clamp_(0.0, 10.0);
        beatShift.clamp_(-15.0, 15.0);
        auto s = beatShift.accessor<float, 1>();
        for (int b = 1; b < beats; ++b) {
            const double earliest = layout.beatTimes[std::size_t(b - 1)] + s[b - 1] * kTimeUnit + 0.25;
            const double t = layout.beatTimes[std::size_t(b)] + s[b] * kTimeUnit;
            if (t < earliest)
                s[b] = float((earliest - layout.beatTimes[std::size_t(b)]) / kTimeUnit);
        }
    };
    problem.learningRate = o.learningRate;
    problem.maxSteps = o.maxSteps;
    problem.sharedScale = true;
    problem.progress = o.progress;
    const auto outcome = cf::searchTowards(model, input, target, problem);
    cf::finishResult(r, outcome, problem.signal(outcome.best) - mv, model, group, input, o.maxAmplitudeMv, started);
    r.parameterChanges = describeChanges(fitted, unpack(outcome.best), card.input.leads, recorded);
    char fit[160];
    std::snprintf(fit, sizeof fit, "the beat model (P, Q, R, S, T per lead, %d beats) explains %.0f %% of the signal's variance",
                  beats, 100 * std::max(0.0, explained));
    r.notes.push_back(fit);
    r.runtimeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return r;
}

} // namespace execg
