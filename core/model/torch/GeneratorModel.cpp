#include "model/torch/GeneratorModel.h"

#include "model/torch/GeneratorModelImpl.h"
#include "model/torch/TorchModel.h"
#include "model/torch/TorchModelImpl.h"

namespace execg {

namespace {

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

} // namespace

GeneratorModel::GeneratorModel(const std::string& path, const ModelInput& input, int latentSize, std::vector<int> latentShape)
    : impl_(std::make_unique<Impl>()), path_(path), leads_(int(input.leads.size())), samples_(input.samples),
      latentSize_(latentSize)
{
    impl_->module = loadTorchScript(path, sha256_);
    if (!impl_->module.find_method("decode"))
        throw ModelError(path, "has no decode() method; a counterfactual generator needs decode(z) (and encode(x) where it has one)");
    hasEncoder_ = bool(impl_->module.find_method("encode"));
    torch::NoGradGuard noGrad;
    const auto x = torch::zeros({1, leads_, samples_});
    torch::Tensor z, back;
    try {
        if (hasEncoder_) {
            z = impl_->module.run_method("encode", x).toTensor();
        } else {
            if (latentShape.empty())
                latentShape = {1, latentSize};
            z = torch::zeros(std::vector<std::int64_t>(latentShape.begin(), latentShape.end()));
        }
        back = impl_->module.run_method("decode", z).toTensor();
    } catch (const std::exception& e) {
        throw ModelError(path, std::string(hasEncoder_ ? "encode/decode fail on the card's input (1 × " : "decode fails on a zero latent for the card's input (1 × ") +
                                   std::to_string(leads_) + " × " + std::to_string(samples_) + "): " + torchErrorCause(e.what()));
    }
    latentShape_ = z.sizes().vec();
    if (z.numel() != latentSize)
        throw ModelError(path, "encodes a record into " + std::to_string(z.numel()) + " values " + shapeText(latentShape_) +
                                   "; the card says latent_size " + std::to_string(latentSize));
    if (back.sizes().vec() != x.sizes().vec())
        throw ModelError(path, "decode() gives " + shapeText(back.sizes().vec()) + "; expected " + shapeText(x.sizes().vec()));
    // The chain check on a structured probe: counterfactual search runs encoder and decoder as children.
    try {
        impl_->chain = ModelChain(impl_->module);
        const auto probe = torch::sin(torch::arange(leads_ * samples_, torch::kFloat32) * 0.05f).reshape({1, leads_, samples_});
        const auto full = impl_->module.forward({probe}).toTensor();
        const auto chained = impl_->chain.run(probe);
        if (chained.sizes() == full.sizes())
            impl_->chainDifference = (chained - full).abs().max().item<double>();
    } catch (const std::exception&) {
        impl_->chainDifference = -1.0;
    }
}

GeneratorModel::~GeneratorModel() = default;
GeneratorModel::GeneratorModel(GeneratorModel&&) noexcept = default;
GeneratorModel& GeneratorModel::operator=(GeneratorModel&&) noexcept = default;

bool GeneratorModel::chainVerified() const { return impl_->chainDifference >= 0 && impl_->chainDifference <= 1e-5; }
double GeneratorModel::chainDifference() const { return impl_->chainDifference; }

std::vector<float> GeneratorModel::encode(const AdaptedInput& input) const
{
    if (!hasEncoder_)
        throw ModelError(path_, "has no encode() method: its latent is found by inversion");
    if (input.leads != leads_ || input.samples != samples_)
        throw ModelError(path_, "input of " + std::to_string(input.leads) + " × " + std::to_string(input.samples) +
                                    " does not fit the generator's " + std::to_string(leads_) + " × " + std::to_string(samples_));
    torch::InferenceMode inference;
    auto module = impl_->module;
    const auto z = module.run_method("encode", toTensor({input})).toTensor().contiguous();
    return {z.data_ptr<float>(), z.data_ptr<float>() + z.numel()};
}

std::vector<float> GeneratorModel::decode(const std::vector<float>& latent) const
{
    if (latent.size() != std::size_t(latentSize_))
        throw ModelError(path_, "latent of " + std::to_string(latent.size()) + " values; the generator takes " +
                                    std::to_string(latentSize_));
    torch::InferenceMode inference;
    auto module = impl_->module;
    const auto z = torch::from_blob(const_cast<float*>(latent.data()), latentShape_, torch::kFloat32).clone();
    const auto x = module.run_method("decode", z).toTensor().contiguous();
    return {x.data_ptr<float>(), x.data_ptr<float>() + x.numel()};
}

std::unique_ptr<GeneratorModel> loadCardGenerator(const std::string& cardPath, const ModelCard& card)
{
    if (!card.generator)
        return nullptr;
    return std::make_unique<GeneratorModel>(generatorPathFor(cardPath, *card.generator), card.input,
                                            card.generator->latentSize, card.generator->latentShape);
}

} // namespace execg
