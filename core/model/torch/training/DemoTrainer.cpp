// The training loop, held-out evaluation and file writing of the demo models: the only torch-including training TU
// besides the architectures, since each such TU costs ~25 s to compile.
#include "io/AtomicFile.h"
#include "model/torch/training/DemoArchitectures.h"
#include "model/torch/training/DemoCards.h"
#include "model/torch/training/DemoTraining.h"
#include "model/torch/training/SyntheticDataset.h"
#include "model/torch/training/TrainingMetrics.h"

#include <torch/csrc/jit/runtime/graph_executor.h>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace execg::training {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct Schedule {
    int trainRecords, heldOutRecords, epochs, batch;
    double learningRate;
};

// Full-scale sizes were chosen so that all three models train in < 15 min on two shared cores (docs/demo-models.md).
Schedule scheduleFor(DemoModel model, TrainingScale scale)
{
    if (scale == TrainingScale::Tiny)
        return {48, 32, 3, 16, 3e-3};
    switch (model) {
    case DemoModel::Af: return {3000, 800, 8, 32, 3e-3};
    case DemoModel::Potassium: return {5000, 1400, 20, 32, 3e-3};
    case DemoModel::Autoencoder: return {3000, 300, 12, 32, 2e-3};
    }
    return {0, 0, 0, 0, 0.0};
}

enum class Loss { Logistic, PotassiumHuber, Reconstruction };

torch::Tensor signalsOf(const SyntheticSet& set)
{
    return torch::from_blob(const_cast<float*>(set.samples.data()), {set.count, kDemoLeads, kDemoSamples},
                            torch::kFloat32);
}

torch::Tensor targetsOf(const SyntheticSet& set)
{
    return torch::from_blob(const_cast<float*>(set.targets.data()), {set.count, 1}, torch::kFloat32);
}

torch::Tensor lossOf(Loss loss, const torch::Tensor& out, const torch::Tensor& x, const torch::Tensor& y)
{
    switch (loss) {
    case Loss::Logistic: return torch::binary_cross_entropy_with_logits(out, y);
    // On the model's internal scale (K − 5)/2; Huber with a 0.2 mmol/L knee: MAE-like, so the flat 3.5–5.0 band
    // pulls predictions to its median instead of letting its irreducible error dominate the gradient.
    case Loss::PotassiumHuber:
        return torch::smooth_l1_loss((out - 5.0) / 2.0, (y - 5.0) / 2.0, at::Reduction::Mean, 0.1);
    case Loss::Reconstruction: return torch::mse_loss(out, x);
    }
    return {};
}

std::vector<double> train(torch::jit::Module& model, const SyntheticSet& set, Loss loss, const Schedule& s,
                          const std::string& name, const std::function<void(const std::string&)>& progress)
{
    model.train();
    std::vector<torch::Tensor> params;
    for (const auto& p : model.parameters())
        params.push_back(p);
    torch::optim::Adam optimiser(params, torch::optim::AdamOptions(s.learningRate));
    const auto x = signalsOf(set), y = targetsOf(set);
    const std::int64_t n = set.count;
    const std::int64_t stepsPerEpoch = (n + s.batch - 1) / s.batch;
    const double totalSteps = double(stepsPerEpoch * s.epochs);
    std::int64_t step = 0;
    std::vector<double> epochLoss;
    const auto t0 = Clock::now();
    for (int epoch = 0; epoch < s.epochs; ++epoch) {
        const auto order = torch::randperm(n, torch::kLong);
        double sum = 0.0;
        for (std::int64_t b = 0; b < n; b += s.batch, ++step) {
            // Cosine decay to 5 % of the initial rate: large steps early, fine settling at the end.
            const double lr = s.learningRate * (0.05 + 0.95 * 0.5 * (1.0 + std::cos(M_PI * double(step) / totalSteps)));
            for (auto& group : optimiser.param_groups())
                static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
            const auto idx = order.slice(0, b, std::min(n, b + s.batch));
            const auto xb = x.index_select(0, idx), yb = y.index_select(0, idx);
            optimiser.zero_grad();
            const auto out = model.forward({xb}).toTensor();
            auto l = lossOf(loss, out, xb, yb);
            l.backward();
            torch::nn::utils::clip_grad_norm_(params, 1.0);
            optimiser.step();
            sum += l.item<double>() * double(idx.size(0));
        }
        epochLoss.push_back(sum / double(n));
        if (progress) {
            std::ostringstream line;
            line << name << ": epoch " << epoch + 1 << "/" << s.epochs << " loss " << std::setprecision(4)
                 << epochLoss.back() << " (" << std::fixed << std::setprecision(1) << secondsSince(t0) << " s)";
            progress(line.str());
        }
    }
    model.eval();
    return epochLoss;
}

std::vector<float> predictScalar(torch::jit::Module& model, const SyntheticSet& set, int batch)
{
    torch::NoGradGuard noGrad;
    const auto x = signalsOf(set);
    std::vector<float> out;
    out.reserve(std::size_t(set.count));
    for (std::int64_t b = 0; b < set.count; b += batch) {
        const auto yb = model.forward({x.slice(0, b, std::min<std::int64_t>(set.count, b + batch))}).toTensor().contiguous();
        out.insert(out.end(), yb.data_ptr<float>(), yb.data_ptr<float>() + yb.numel());
    }
    return out;
}

std::uintmax_t writeCard(const ModelCard& card, const std::string& path)
{
    const std::string json = modelCardToJson(card);
    parseModelCard(json, path);   // never ship a card the app would refuse
    writeFileAtomically(path, json + '\n');
    return fs::file_size(path);
}

std::string modelName(DemoModel m)
{
    switch (m) {
    case DemoModel::Af: return "af";
    case DemoModel::Potassium: return "potassium";
    case DemoModel::Autoencoder: return "autoencoder";
    }
    return "?";
}

void evaluateAf(torch::jit::Module& model, const SyntheticSet& heldOut, DemoModelReport& r)
{
    const auto scores = predictScalar(model, heldOut, 64);
    r.heldOut.emplace_back("auroc", auroc(scores, heldOut.targets));
    // AF against each kind of negative on its own: shows which rhythm, if any, the model confuses with AF.
    for (const std::string neg : {"sinus", "sinus+PAC", "sinus+PVC", "flutter"}) {
        std::vector<float> s, l;
        for (int i = 0; i < heldOut.count; ++i)
            if (heldOut.kinds[std::size_t(i)] == "af" || heldOut.kinds[std::size_t(i)] == neg) {
                s.push_back(scores[std::size_t(i)]);
                l.push_back(heldOut.targets[std::size_t(i)]);
            }
        r.heldOut.emplace_back("auroc af vs " + neg, auroc(s, l));
    }
    int correct = 0;
    for (int i = 0; i < heldOut.count; ++i)
        correct += (scores[std::size_t(i)] > 0.0f) == (heldOut.targets[std::size_t(i)] > 0.5f);
    r.heldOut.emplace_back("accuracy at p=0.5", double(correct) / double(heldOut.count));
}

void evaluatePotassium(torch::jit::Module& model, const SyntheticSet& heldOut, DemoModelReport& r)
{
    const auto predicted = predictScalar(model, heldOut, 64);
    r.heldOut.emplace_back("mae mmol/L", meanAbsoluteError(predicted, heldOut.targets));
    const struct { const char* name; double lo, hi; } bands[] = {
        {"K < 3.5", 0.0, 3.5}, {"3.5 <= K <= 5.0", 3.5, 5.0 + 1e-6}, {"K > 5.0", 5.0 + 1e-6, 100.0}};
    for (const auto& band : bands) {
        std::size_t count = 0;
        const double mae = meanAbsoluteErrorIn(predicted, heldOut.targets, band.lo, band.hi, &count);
        r.heldOut.emplace_back(std::string("mae ") + band.name, mae);
        r.heldOut.emplace_back(std::string("records ") + band.name, double(count));
    }
}

} // namespace

AutoencoderCheck checkAutoencoder(const std::string& modelPath, const SyntheticSet& set, int batch)
{
    torch::NoGradGuard noGrad;
    auto model = torch::jit::load(modelPath, torch::kCPU);
    model.eval();
    auto encoder = model.attr("encoder").toModule();
    auto decoder = model.attr("decoder").toModule();
    const auto x = signalsOf(set);
    AutoencoderCheck c;
    double squares = 0.0, chain = 0.0;
    for (std::int64_t b = 0; b < set.count; b += batch) {
        const auto xb = x.slice(0, b, std::min<std::int64_t>(set.count, b + batch));
        const auto z = model.get_method("encode")({xb}).toTensor();
        const auto decoded = model.get_method("decode")({z}).toTensor();
        const auto full = model.forward({xb}).toTensor();
        const auto viaChildren = decoder.forward({encoder.forward({xb}).toTensor()}).toTensor();
        if (b == 0) {
            c.latentShape = {1, z.size(1), z.size(2)};
            c.latentSize = z.size(1) * z.size(2);
            c.decodedShape = {1, decoded.size(1), decoded.size(2)};
        }
        if (decoded.sizes() != xb.sizes())
            throw std::runtime_error(modelPath + ": decode(encode(x)) has shape " + c10::str(decoded.sizes()));
        squares += (full - xb).pow(2).sum().item<double>();
        chain = std::max({chain, (viaChildren - full).abs().max().item<double>(),
                          (decoded - full).abs().max().item<double>()});
    }
    c.rmseMv = std::sqrt(squares / double(x.numel()));
    c.chainDifference = chain;
    return c;
}

DemoTrainingReport trainDemoModels(const DemoTrainingOptions& o)
{
    const auto t0 = Clock::now();
    if (o.outputDir.empty())
        throw std::runtime_error("no output folder given");
    std::error_code ec;
    fs::create_directories(o.outputDir, ec);
    if (!fs::is_directory(o.outputDir))
        throw std::runtime_error(o.outputDir + ": cannot create the output folder");
    torch::set_num_threads(std::max(1, o.threads));
    // The graph executor's profiling and fusion passes gain nothing for these conv-dominated graphs but made the
    // first epoch up to 5x slower than the rest; plain interpretation also keeps epoch times steady.
    struct OptimizeOff {
        bool before = torch::jit::getGraphExecutorOptimize();
        OptimizeOff() { torch::jit::setGraphExecutorOptimize(false); }
        ~OptimizeOff() { torch::jit::setGraphExecutorOptimize(before); }
    } optimizeOff;
    auto say = [&](const std::string& s) { if (o.progress) o.progress(s); };
    const int latentSize = kLatentChannels * kLatentSteps;

    DemoTrainingReport report;
    for (const DemoModel m : o.models) {
        DemoModelReport r;
        r.name = modelName(m);
        const Schedule s = scheduleFor(m, o.scale);
        const SetKind kind = m == DemoModel::Af ? SetKind::Af : m == DemoModel::Potassium ? SetKind::Potassium
                                                                                          : SetKind::Mixed;
        auto tData = Clock::now();
        say(r.name + ": generating " + std::to_string(s.trainRecords) + " training and " +
            std::to_string(s.heldOutRecords) + " held-out records");
        const SyntheticSet trainSet = generateSet(kind, s.trainRecords, trainingSeedBase(kind, o.seed), o.threads);
        const SyntheticSet heldOut = generateSet(kind, s.heldOutRecords, heldOutSeedBase(kind, o.seed), o.threads);
        r.dataSeconds = secondsSince(tData);
        r.trainRecords = s.trainRecords;
        r.heldOutRecords = s.heldOutRecords;
        r.epochs = s.epochs;

        // Seeded per model so that --only reproduces the same file as a full run.
        torch::manual_seed(o.seed * 10 + std::uint64_t(m));
        auto model = m == DemoModel::Autoencoder ? buildAutoencoder("ExecgDemoAe")
                     : m == DemoModel::Af        ? buildClassifier("ExecgDemoAf", ClassifierHead::Logit)
                                                 : buildClassifier("ExecgDemoK", ClassifierHead::Potassium);
        r.parameters = parameterCount(model);
        const Loss loss = m == DemoModel::Af ? Loss::Logistic : m == DemoModel::Potassium ? Loss::PotassiumHuber
                                                                                          : Loss::Reconstruction;
        const auto tTrain = Clock::now();
        r.epochLoss = train(model, trainSet, loss, s, r.name, o.progress);
        r.trainSeconds = secondsSince(tTrain);

        const std::string base = m == DemoModel::Autoencoder ? "ecg_autoencoder" : r.name;
        r.modelFile = (fs::path(o.outputDir) / (base + ".pt")).string();
        for (auto p : model.parameters())
            p.requires_grad_(false);
        saveModelAtomically(model, r.modelFile);
        r.modelBytes = fs::file_size(r.modelFile);
        if (m == DemoModel::Autoencoder) {
            const auto check = checkAutoencoder(r.modelFile, heldOut);
            r.heldOut.emplace_back("rmse mV", check.rmseMv);
            r.heldOut.emplace_back("latent size", double(check.latentSize));
            r.heldOut.emplace_back("chain difference", check.chainDifference);
        } else {
            if (m == DemoModel::Af)
                evaluateAf(model, heldOut, r);
            else
                evaluatePotassium(model, heldOut, r);
            r.cardFile = (fs::path(o.outputDir) / (r.name + ".card.json")).string();
            r.cardBytes = writeCard(m == DemoModel::Af ? afCard(latentSize) : potassiumCard(latentSize), r.cardFile);
        }
        std::ostringstream done;
        done << r.name << ": done in " << std::fixed << std::setprecision(1) << r.trainSeconds << " s";
        for (const auto& [k, v] : r.heldOut)
            if (k.rfind("records", 0) != 0)
                done << ", " << k << " " << std::setprecision(4) << v;
        say(done.str());
        report.models.push_back(std::move(r));
    }
    report.totalSeconds = secondsSince(t0);
    return report;
}

std::string formatReport(const DemoTrainingReport& report)
{
    std::ostringstream s;
    s << std::fixed;
    for (const auto& r : report.models) {
        s << r.name << " (" << r.modelFile << ", " << r.modelBytes << " bytes";
        if (!r.cardFile.empty())
            s << "; card " << r.cardBytes << " bytes";
        s << ")\n  " << r.parameters << " parameters, " << r.trainRecords << " training / " << r.heldOutRecords
          << " held-out records, " << r.epochs << " epochs\n  data " << std::setprecision(1) << r.dataSeconds
          << " s, training " << r.trainSeconds << " s, loss " << std::setprecision(4)
          << (r.epochLoss.empty() ? 0.0 : r.epochLoss.front()) << " -> "
          << (r.epochLoss.empty() ? 0.0 : r.epochLoss.back()) << "\n";
        for (const auto& [k, v] : r.heldOut)
            s << "  held-out " << k << ": " << std::setprecision(k.rfind("records", 0) == 0 ? 0 : 4) << v << "\n";
    }
    s << "total " << std::setprecision(1) << report.totalSeconds << " s\n";
    return s.str();
}

} // namespace execg::training
