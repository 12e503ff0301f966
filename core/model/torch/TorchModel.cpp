#include "model/torch/TorchModel.h"

#include "model/Sha256.h"
#include "model/torch/ForeignModelFile.h"
#include "model/torch/TensorMemoryCache.h"
#include "model/torch/TorchModelImpl.h"

#include <ATen/Parallel.h>
#include <torch/version.h>

#include <algorithm>
#include <dlfcn.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <map>
#include <set>

namespace execg {

torch::Tensor toTensor(const std::vector<const AdaptedInput*>& batch)
{
    const auto leads = batch.empty() ? 0 : batch.front()->leads, samples = batch.empty() ? 0 : batch.front()->samples;
    for (const auto* in : batch)
        if (in->leads != leads || in->samples != samples || in->values.size() != std::size_t(leads) * std::size_t(samples))
            throw std::invalid_argument("inputs of different shapes in one batch (" + std::to_string(leads) + " × " + std::to_string(samples) +
                                        ", " + std::to_string(in->leads) + " × " + std::to_string(in->samples) + ")");
    auto t = torch::empty({std::int64_t(batch.size()), leads, samples}, torch::kFloat32);
    float* dst = t.data_ptr<float>();
    for (const auto* in : batch) {
        std::copy(in->values.begin(), in->values.end(), dst);
        dst += in->values.size();
    }
    return t;
}

torch::Tensor toTensor(const std::vector<AdaptedInput>& batch)
{
    std::vector<const AdaptedInput*> inputs;
    inputs.reserve(batch.size());
    for (const auto& in : batch)
        inputs.push_back(&in);
    return toTensor(inputs);
}

// Torch's messages run to a TorchScript traceback; the reader needs the cause, which is the first line of a plain
// error and the last line ("RuntimeError: mat1 and mat2 shapes cannot be multiplied …") after a traceback.
std::string torchErrorCause(const std::string& s)
{
    if (s.find("Traceback of TorchScript") == std::string::npos) {
        const auto begin = std::min(s.size(), s.find_first_not_of("\n "));   // TorchScript's compiler starts with a newline
        return s.substr(begin, s.find('\n', begin) - begin);
    }
    const auto end = s.find_last_not_of("\n ");
    const auto newline = s.rfind('\n', end);
    const auto begin = newline == std::string::npos ? 0 : newline + 1;
    return s.substr(begin, end - begin + 1);
}

torch::Tensor inModelLayout(const torch::Tensor& leadsFirst, const ModelCard& card)
{
    return card.input.layout == InputLayout::SamplesFirst ? leadsFirst.transpose(1, 2) : leadsFirst;
}

torch::jit::Module loadTorchScript(const std::string& path, std::string& sha256)
{
    if (!std::filesystem::is_regular_file(path))
        throw ModelError(path, "not found");
    sha256 = sha256OfFile(path);
    installTensorMemoryCache();
    torch::jit::Module module;
    try {
        module = torch::jit::load(path, torch::kCPU);
    } catch (const std::exception& e) {
        throw ModelError(path, describeUnloadableModel(path, torchErrorCause(e.what())));
    }
    module.eval();
    return module;
}

namespace {

std::string joined(const std::vector<std::string>& names)
{
    std::string s;
    for (const auto& n : names)
        s += (s.empty() ? "" : ", ") + n;
    return s.empty() ? "none" : s;
}

AdaptedInput zeroInput(const ModelCard& card, int samples)
{
    AdaptedInput in;
    in.leads = int(card.input.leads.size());
    in.samples = samples;
    in.values.assign(std::size_t(in.leads) * std::size_t(in.samples), 0.0f);
    return in;
}

AdaptedInput zeroInput(const ModelCard& card) { return zeroInput(card, card.input.samples); }

// "1 × 12 leads × 5000 samples", or "1 × 5000 samples × 12 leads, samples first".
std::string inputShapeText(const ModelCard& card)
{
    const bool samplesFirst = card.input.layout == InputLayout::SamplesFirst;
    const auto leads = std::to_string(card.input.leads.size()) + " leads", samples = std::to_string(card.input.samples) + " samples";
    return "1 × " + (samplesFirst ? samples + " × " + leads + ", samples first" : leads + " × " + samples);
}

// The likeliest cause of a model refusing the card's full input is the card's layout.
std::string layoutHint(const ModelCard& card)
{
    const bool samplesFirst = card.input.layout == InputLayout::SamplesFirst;
    return std::string(" — if the model takes ") + (samplesFirst ? "leads" : "samples") + " first, say so in its card (input.layout)";
}

} // namespace

// Structure in every lead and at every scale, so that a model whose forward() does anything besides its children
// in order shows a difference (a zero input could hide an added bias or a scaling).
AdaptedInput chainProbe(const ModelCard& card)
{
    AdaptedInput in = zeroInput(card);
    std::mt19937 rng(20261124);
    std::normal_distribution<float> noise(0.0f, 0.1f);
    for (int l = 0; l < in.leads; ++l)
        for (int s = 0; s < in.samples; ++s)
            in.values[std::size_t(l) * std::size_t(in.samples) + std::size_t(s)] =
                0.8f * float(std::sin(0.05 * s + l)) + noise(rng);
    return in;
}


std::string libtorchVersion() { return std::string("LibTorch ") + TORCH_VERSION; }

void configureTorchThreads(int threads)
{
    const bool blasThreadsGiven = std::getenv("OPENBLAS_NUM_THREADS") != nullptr;   // the user's choice stands
    setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
    setenv("OPENBLAS_NUM_THREADS", "1", 0);
    // OpenBLAS reads OPENBLAS_NUM_THREADS as it loads, before main, so the line above reaches only child processes.
    // Its threads spin while they wait: beside LibTorch's own threads on a few busy cores they starve each other
    // (the concept tests' CAV training went from 34 s to over 300 s under load). Single-threaded BLAS, set here
    // where the library offers it (libblas.so.3 may be another BLAS), leaves the parallel work to LibTorch.
    using SetBlasThreads = void (*)(int);
    if (auto* setBlasThreads = reinterpret_cast<SetBlasThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
        setBlasThreads && !blasThreadsGiven)
        setBlasThreads(1);
    at::set_num_threads(std::max(1, threads));
    installTensorMemoryCache();
}

TorchModel::TorchModel(const std::string& path, ModelCard card)
    : impl_(std::make_unique<Impl>()), card_(std::move(card)), path_(path)
{
    impl_->module = loadTorchScript(path, sha256_);
    // Warm-up and shape check in one: a zero input of the card's shape; the message says what the model was given.
    const auto forwardZeros = [&](int samples, const std::string& given) {
        try {
            torch::NoGradGuard noGrad;
            return impl_->module.forward({inModelLayout(toTensor({zeroInput(card_, samples)}), card_)}).toTensor();
        } catch (const std::exception& e) {
            throw ModelError(path, "does not accept " + given + ": " + torchErrorCause(e.what()) +
                                       (samples == card_.input.samples ? layoutHint(card_) : ""));
        }
    };
    const torch::Tensor y = forwardZeros(card_.input.samples, "the card's input (" + inputShapeText(card_) + ")");
    if (y.dim() != 2 || y.size(0) != 1)
        throw ModelError(path, "returns shape " + c10::str(y.sizes()) + "; expected (batch, outputs)");
    // A card that says the model takes shorter inputs is held to it at load, not on the first short recording.
    if (card_.input.takesShorterInputs()) {
        const std::string shortest = "the card's shortest input (input.shortest_samples: " + std::to_string(card_.input.shortestLength()) + " samples)";
        const torch::Tensor s = forwardZeros(card_.input.shortestLength(), shortest);
        if (!s.sizes().equals(y.sizes()))
            throw ModelError(path, "returns shape " + c10::str(s.sizes()) + " for " + shortest + " and " + c10::str(y.sizes()) + " for its full one");
    }
    outputs_ = int(y.size(1));
    if (!card_.outputs.empty() && std::size_t(outputs_) != card_.outputs.size())
        throw ModelError(path, "gives " + std::to_string(outputs_) + " outputs; its card lists " +
                                   std::to_string(card_.outputs.size()));
    if (card_.outputs.empty())
        for (int k = 0; k < outputs_; ++k)
            card_.outputs.push_back({"output " + std::to_string(k + 1), ""});
    verifyChain();
}

void TorchModel::verifyChain()
{
    std::set<std::string> submodules;
    for (const auto& m : impl_->module.named_modules())
        submodules.insert(m.name);
    std::vector<std::string> nested;
    for (const auto& layer : card_.layers) {
        if (layer.name.empty() || !submodules.count(layer.name))
            throw ModelError(path_, "its card names layer '" + layer.name + "', which the model does not have (it has: " +
                                        joined(ModelChain(impl_->module).names()) + ")");
        if (layer.name.find('.') != std::string::npos)
            nested.push_back(layer.name);
    }
    const auto probe = chainProbe(card_);
    double diff = -1.0;
    impl_->chain = ModelChain(impl_->module, nested);
    bool reproduces = chainReproducesForward(probe, &diff);
    if (!reproduces && !nested.empty()) {
        // An opened submodule whose forward() is more than its submodules in order (a residual block, say) breaks the
        // chain: keep the top-level chain; the layers inside such a submodule are reached on the graph instead.
        impl_->chain = ModelChain(impl_->module);
        reproduces = chainReproducesForward(probe, &diff);
    }
    if (!reproduces) {
        const auto names = impl_->chain.names();
        impl_->chainProblem =
            diff < 0 ? "running the model's submodules (" + joined(names) + ") one after another fails or gives another shape than forward()"
                     : "running the model's submodules one after another does not reproduce forward() (difference " +
                           std::to_string(diff) + ")";
    }
    impl_->chainDifference = diff;
    impl_->card = card_;
    for (const auto& layer : card_.layers)
        if (const auto problem = layerProblem(layer.name); !problem.empty())
            card_.warnings.push_back("layer '" + layer.name + "' unusable for Grad-CAM and concept tests: " + problem);
}

bool TorchModel::Impl::onChain(const std::string& layer) const
{
    return chainProblem.empty() && chain.indexOf(layer) >= 0;
}

std::shared_ptr<const LayerTap> TorchModel::Impl::tap(const std::string& layer) const
{
    std::lock_guard lock(layerMutex);
    if (const auto it = taps.find(layer); it != taps.end())
        return it->second;
    if (const auto it = layerProblems.find(layer); it != layerProblems.end())
        throw LayerTapError(it->second);
    bool known = false;
    for (const auto& m : module.named_modules())
        known = known || (!m.name.empty() && m.name == layer);
    if (!known) {
        layerProblems[layer] = "'" + layer + "' is not a submodule of the model (its top-level submodules: " +
                               joined(ModelChain(module).names()) + ")";
        throw LayerTapError(layerProblems[layer]);
    }
    try {
        auto made = std::make_shared<const LayerTap>(module, layer);
        torch::NoGradGuard noGrad;
        made->activations(inModelLayout(toTensor({chainProbe(card)}), card));   // reached on an ordinary input, not only in the graph
        taps[layer] = made;
        return made;
    } catch (const LayerTapError& e) {
        layerProblems[layer] = e.what();
    } catch (const std::exception& e) {
        layerProblems[layer] = "running forward() up to '" + layer + "' failed: " + torchErrorCause(e.what());
    }
    throw LayerTapError(layerProblems[layer]);
}

torch::Tensor TorchModel::Impl::layerActivations(const torch::Tensor& leadsFirst, const std::string& layer) const
{
    const auto input = inModelLayout(leadsFirst, card);
    if (onChain(layer))
        return chain.runTo(input, layer);
    return tap(layer)->activations(input);
}

LayerTap::Pass TorchModel::Impl::layerForward(const torch::Tensor& leadsFirst, const std::string& layer) const
{
    const auto input = inModelLayout(leadsFirst, card);
    if (!onChain(layer))
        return tap(layer)->forwardFrom(input);
    LayerTap::Pass pass;
    {
        torch::NoGradGuard noGrad;
        pass.activations = chain.runTo(input, layer);
    }
    pass.activations = pass.activations.detach().requires_grad_(true);
    torch::AutoGradMode enable(true);
    pass.output = chain.runFrom(pass.activations, layer);
    return pass;
}

TorchModel::~TorchModel()
{
    // The buffers its runs left for reuse go back to the system with it (another model refills the cache quickly).
    if (impl_)
        releaseTensorMemoryCache();
}
TorchModel::TorchModel(TorchModel&&) noexcept = default;
TorchModel& TorchModel::operator=(TorchModel&&) noexcept = default;

std::vector<std::vector<float>> TorchModel::predict(const std::vector<AdaptedInput>& batch) const
{
    std::vector<std::vector<float>> out;
    if (batch.empty())
        return out;
    checkInputShape(batch);
    // Inputs of one length go in together; a card that takes shorter inputs may give a batch of several lengths.
    std::map<int, std::vector<std::size_t>> byLength;
    for (std::size_t b = 0; b < batch.size(); ++b)
        byLength[batch[b].samples].push_back(b);
    out.resize(batch.size());
    for (const auto& [length, where] : byLength) {
        std::vector<const AdaptedInput*> same;
        for (const auto b : where)
            same.push_back(&batch[b]);
        torch::Tensor y;
        try {
            torch::InferenceMode inference;
            auto module = impl_->module;   // a handle: forward() is not const
            y = module.forward({inModelLayout(toTensor(same), card_)}).toTensor().contiguous().to(torch::kFloat32);
        } catch (const std::exception& e) {
            throw ModelError(path_, "failed while running: " + torchErrorCause(e.what()));
        }
        if (y.dim() != 2 || y.size(0) != std::int64_t(same.size()) || y.size(1) != outputs_)
            throw ModelError(path_, "returned shape " + c10::str(y.sizes()) + " for " + std::to_string(same.size()) +
                                        " inputs; expected (" + std::to_string(same.size()) + ", " +
                                        std::to_string(outputs_) + ")");
        const float* p = y.data_ptr<float>();
        for (std::size_t k = 0; k < where.size(); ++k)
            out[where[k]].assign(p + k * std::size_t(outputs_), p + (k + 1) * std::size_t(outputs_));
    }
    return out;
}

void TorchModel::checkInputShape(const std::vector<AdaptedInput>& batch) const
{
    const int leads = int(card_.input.leads.size()), samples = card_.input.samples;
    const int shortest = card_.input.shortestLength();
    for (const auto& in : batch)
        if (in.leads != leads || in.samples > samples || in.samples < shortest ||
            in.values.size() != std::size_t(leads) * std::size_t(in.samples))
            throw ModelError(path_, "input of " + std::to_string(in.leads) + " × " + std::to_string(in.samples) +
                                        " does not fit the card's " + std::to_string(leads) + " × " +
                                        (shortest < samples ? std::to_string(shortest) + "–" : "") + std::to_string(samples));
}

std::vector<std::string> TorchModel::dropoutLayers() const
{
    std::vector<std::string> out;
    for (const auto& m : impl_->module.named_modules()) {
        const auto type = m.value.type()->name();
        if (!m.name.empty() && type && type->name().find("Dropout") != std::string::npos)
            out.push_back(m.name);
    }
    return out;
}

std::vector<std::vector<std::vector<float>>> TorchModel::predictWithDropout(const std::vector<AdaptedInput>& windows, int passes,
                                                                            std::uint64_t seed) const
{
    const auto layers = dropoutLayers();
    if (layers.empty() || passes <= 0)
        return {};
    try {
        torch::NoGradGuard noGrad;
        torch::jit::Module copy = impl_->module.clone();
        for (const auto& m : copy.named_modules())
            if (std::find(layers.begin(), layers.end(), m.name) != layers.end()) {
                torch::jit::Module layer = m.value;   // a handle on the copy's submodule
                layer.train(true);
            }
        std::vector<std::vector<std::vector<float>>> out;
        for (const auto& input : windows) {
            torch::manual_seed(seed);
            // The window repeated: one call, each row its own dropout mask.
            const auto x = inModelLayout(toTensor({input}), card_).repeat({passes, 1, 1});
            const auto y = copy.forward({x}).toTensor().contiguous().to(torch::kFloat32);
            const float* p = y.data_ptr<float>();
            auto& rows = out.emplace_back();
            for (int b = 0; b < passes; ++b)
                rows.emplace_back(p + std::size_t(b) * std::size_t(outputs_), p + std::size_t(b + 1) * std::size_t(outputs_));
        }
        return out;
    } catch (const std::exception& e) {
        throw ModelError(path_, "failed while running with dropout on: " + torchErrorCause(e.what()));
    }
}

std::vector<std::string> TorchModel::children() const { return impl_->chain.names(); }
bool TorchModel::chainVerified() const { return impl_->chainProblem.empty(); }
double TorchModel::chainDifference() const { return impl_->chainDifference; }

std::string TorchModel::layerProblem(const std::string& layer) const
{
    if (impl_->onChain(layer))
        return {};
    try {
        impl_->tap(layer);
        return {};
    } catch (const LayerTapError& e) {
        return e.what();
    }
}

std::string TorchModel::layerNote(const std::string& layer) const
{
    if (impl_->onChain(layer))
        return {};
    try {
        return impl_->tap(layer)->note();
    } catch (const LayerTapError&) {
        return {};
    }
}

std::vector<std::string> TorchModel::submodules() const
{
    std::vector<std::string> names;
    for (const auto& m : impl_->module.named_modules())
        if (!m.name.empty())
            names.push_back(m.name);
    return names;
}

bool TorchModel::chainReproducesForward(const AdaptedInput& probe, double* maxDifference) const
{
    torch::NoGradGuard noGrad;
    const auto x = inModelLayout(toTensor({probe}), card_);
    torch::Tensor full, h;
    try {
        auto module = impl_->module;
        full = module.forward({x}).toTensor();
        h = impl_->chain.run(x);
    } catch (const std::exception&) {
        return false;
    }
    if (h.sizes() != full.sizes())
        return false;
    const double diff = (h - full).abs().max().item<double>();
    const double scale = std::max(1.0, full.abs().max().item<double>());
    if (maxDifference)
        *maxDifference = diff;
    return std::isfinite(diff) && diff <= 1e-5 * scale;
}

} // namespace execg
