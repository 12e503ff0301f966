#pragma once
// A model card's counterfactual generator: a TorchScript autoencoder (or VAE) with encode(x) → z and decode(z) → x,
// taking the same input as the classifier whose card names it. Checked at load: both methods exist, the latent has
// the card's size, decode gives back the input's shape, and its children (encoder, decoder) reproduce forward().
#include "model/ModelCard.h"
#include "model/ModelInputAdapter.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace execg {

class GeneratorModel {
public:
    // `input` is the classifier card's input; throws ModelError naming the file and the problem.
    GeneratorModel(const std::string& path, const ModelInput& input, int latentSize);
    ~GeneratorModel();
    GeneratorModel(GeneratorModel&&) noexcept;
    GeneratorModel& operator=(GeneratorModel&&) noexcept;

    const std::string& path() const { return path_; }
    const std::string& sha256() const { return sha256_; }
    int latentSize() const { return latentSize_; }
    const std::vector<std::int64_t>& latentShape() const { return latentShape_; }   // of one record, batch 1 first

    std::vector<float> encode(const AdaptedInput& input) const;          // latentSize values
    std::vector<float> decode(const std::vector<float>& latent) const;   // leads × samples, the input's layout
    bool chainVerified() const;
    double chainDifference() const;   // max |decoder(encoder(x)) − forward(x)| at load; −1 when it failed to run

    struct Impl;
    const Impl& impl() const { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
    std::string path_, sha256_;
    int leads_ = 0, samples_ = 0, latentSize_ = 0;
    std::vector<std::int64_t> latentShape_;
};

} // namespace execg
