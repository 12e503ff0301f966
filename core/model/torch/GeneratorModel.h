#pragma once
// A model card's counterfactual generator: a TorchScript autoencoder, VAE or GAN generator with decode(z) → x and,
// where it has one, encode(x) → z, taking the same input as the classifier whose card names it (a generator without
// an encoder is inverted by optimisation). Checked at load: decode exists, the latent has the card's size (and
// shape), decode gives back the input's shape, and its children (encoder, decoder) reproduce forward().
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
    // `latentShape` (batch 1 first) is needed only for a generator without encode(); [1, latentSize] when empty.
    GeneratorModel(const std::string& path, const ModelInput& input, int latentSize, std::vector<int> latentShape = {});
    ~GeneratorModel();
    GeneratorModel(GeneratorModel&&) noexcept;
    GeneratorModel& operator=(GeneratorModel&&) noexcept;

    const std::string& path() const { return path_; }
    const std::string& sha256() const { return sha256_; }
    int latentSize() const { return latentSize_; }
    const std::vector<std::int64_t>& latentShape() const { return latentShape_; }   // of one record, batch 1 first

    bool hasEncoder() const { return hasEncoder_; }
    std::vector<float> encode(const AdaptedInput& input) const;          // latentSize values; throws without encode()
    std::vector<float> decode(const std::vector<float>& latent) const;   // leads × samples, the input's layout
    bool chainVerified() const;
    double chainDifference() const;   // max |decoder(encoder(x)) − forward(x)| at load; −1 when it failed to run

    struct Impl;
    const Impl& impl() const { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
    std::string path_, sha256_;
    int leads_ = 0, samples_ = 0, latentSize_ = 0;
    bool hasEncoder_ = false;
    std::vector<std::int64_t> latentShape_;
};

// The card's generator, loaded from beside the card; null when the card names none. Throws ModelError.
std::unique_ptr<GeneratorModel> loadCardGenerator(const std::string& cardPath, const ModelCard& card);

} // namespace execg
