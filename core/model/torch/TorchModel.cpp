#include "model/torch/TorchModel.h"

#include "model/Sha256.h"

#include <ATen/Parallel.h>
#include <torch/script.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace execg {

struct TorchModel::Impl {
    torch::jit::Module module;
};

namespace {

torch::Tensor toTensor(const std::vector<AdaptedInput>& batch, int leads, int samples)
{
    auto t = torch::empty({std::int64_t(batch.size()), leads, samples}, torch::kFloat32);
    float* dst = t.data_ptr<float>();
    for (const auto& in : batch) {
        std::copy(in.values.begin(), in.values.end(), dst);
        dst += in.values.size();
    }
    return t;
}

std::string firstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

} // namespace

void configureTorchThreads(int threads)
{
    setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
    setenv("OPENBLAS_NUM_THREADS", "1", 0);
    at::set_num_threads(std::max(1, threads));
}

TorchModel::TorchModel(const std::string& path, ModelCard card)
    : impl_(std::make_unique<Impl>()), card_(std::move(card)), path_(path)
{
    if (!std::filesystem::is_regular_file(path))
        throw ModelError(path, "not found");
    sha256_ = sha256OfFile(path);
    try {
        impl_->module = torch::jit::load(path, torch::kCPU);
    } catch (const std::exception& e) {
        throw ModelError(path, "not a TorchScript model (" + firstLine(e.what()) + ")");
    }
    impl_->module.eval();
    // Warm-up and shape check in one: a zero input of the card's shape.
    AdaptedInput zero;
    zero.leads = int(card_.input.leads.size());
    zero.samples = card_.input.samples;
    zero.values.assign(std::size_t(zero.leads) * std::size_t(zero.samples), 0.0f);
    torch::Tensor y;
    try {
        torch::NoGradGuard noGrad;
        y = impl_->module.forward({toTensor({zero}, zero.leads, zero.samples)}).toTensor();
    } catch (const std::exception& e) {
        throw ModelError(path, "does not accept the card's input (1 × " + std::to_string(zero.leads) + " leads × " +
                                   std::to_string(zero.samples) + " samples): " + firstLine(e.what()));
    }
    if (y.dim() != 2 || y.size(0) != 1)
        throw ModelError(path, "returns shape " + c10::str(y.sizes()) + "; expected (batch, outputs)");
    outputs_ = int(y.size(1));
    if (!card_.outputs.empty() && std::size_t(outputs_) != card_.outputs.size())
        throw ModelError(path, "gives " + std::to_string(outputs_) + " outputs; its card lists " +
                                   std::to_string(card_.outputs.size()));
    if (card_.outputs.empty())
        for (int k = 0; k < outputs_; ++k)
            card_.outputs.push_back({"output " + std::to_string(k + 1), ""});
}

TorchModel::~TorchModel() = default;
TorchModel::TorchModel(TorchModel&&) noexcept = default;
TorchModel& TorchModel::operator=(TorchModel&&) noexcept = default;

std::vector<std::vector<float>> TorchModel::predict(const std::vector<AdaptedInput>& batch) const
{
    std::vector<std::vector<float>> out;
    if (batch.empty())
        return out;
    const int leads = int(card_.input.leads.size()), samples = card_.input.samples;
    for (const auto& in : batch)
        if (in.leads != leads || in.samples != samples)
            throw ModelError(path_, "input of " + std::to_string(in.leads) + " × " + std::to_string(in.samples) +
                                        " does not fit the card's " + std::to_string(leads) + " × " + std::to_string(samples));
    torch::Tensor y;
    try {
        torch::InferenceMode inference;
        y = impl_->module.forward({toTensor(batch, leads, samples)}).toTensor().contiguous().to(torch::kFloat32);
    } catch (const std::exception& e) {
        throw ModelError(path_, "failed while running: " + firstLine(e.what()));
    }
    if (y.dim() != 2 || y.size(0) != std::int64_t(batch.size()) || y.size(1) != outputs_)
        throw ModelError(path_, "returned shape " + c10::str(y.sizes()));
    const float* p = y.data_ptr<float>();
    for (std::size_t b = 0; b < batch.size(); ++b) {
        out.emplace_back(p + b * std::size_t(outputs_), p + (b + 1) * std::size_t(outputs_));
        for (float v : out.back())
            if (!std::isfinite(v))
                throw ModelError(path_, "returned NaN or infinity for input " + std::to_string(b + 1));
    }
    return out;
}

std::vector<std::string> TorchModel::children() const
{
    std::vector<std::string> names;
    for (const auto& c : impl_->module.named_children())
        names.push_back(c.name);
    return names;
}

bool TorchModel::chainReproducesForward(const AdaptedInput& probe, double* maxDifference) const
{
    torch::NoGradGuard noGrad;
    const auto x = toTensor({probe}, probe.leads, probe.samples);
    const auto full = impl_->module.forward({x}).toTensor();
    torch::Tensor h = x;
    try {
        for (const auto& c : impl_->module.named_children()) {
            // TorchScript's forward flattens before a final Linear; nothing else may happen between children.
            if (c.value.type()->name() && c.value.type()->name()->name() == "Linear" && h.dim() > 2)
                h = h.flatten(1);
            auto child = c.value;   // a handle to the same submodule (forward is not const)
            h = child.forward({h}).toTensor();
        }
    } catch (const std::exception&) {
        return false;
    }
    if (h.sizes() != full.sizes())
        return false;
    const double diff = (h - full).abs().max().item<double>();
    if (maxDifference)
        *maxDifference = diff;
    return diff <= 1e-5;
}

} // namespace execg
