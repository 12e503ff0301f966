#pragma once
// The demo models as TorchScript modules built in C++ (no Python): parameters registered on jit modules, methods
// compiled from TorchScript source with define(). Structure is part of the contract with the explainers:
//  - classifiers: direct children stem, layer1, layer2, layer3, gap, fc; forward is exactly that chain, gap returns
//    [B, C] (mean over time) and fc is linear (the potassium model's un-scaling to mmol/L lives inside fc);
//  - autoencoder: children encoder, decoder; encode(x) = encoder(x), decode(z) = decoder(z), forward = both.
// GroupNorm, not BatchNorm: C++-built modules have no training flag, so there is no train/eval difference at all.
#include <torch/script.h>

#include <cstdint>
#include <string>

namespace execg::training {

enum class ClassifierHead {
    Logit,        // one logit
    Potassium,    // one value in mmol/L: fc computes (K − 5)/2 and un-scales it
};

torch::jit::Module buildClassifier(const std::string& typePrefix, ClassifierHead head);

// Conv1d (padding keeping the length at stride 1) → GroupNorm → ReLU: one child of a classifier chain.
torch::jit::Module convBlock(const std::string& type, int in, int out, int kernel, int stride, int groups, int dilation = 1);

inline constexpr int kLatentChannels = 32;
inline constexpr int kLatentSteps = 125;   // one latent step per 80 ms (stride 20 at 250 Hz)
torch::jit::Module buildAutoencoder(const std::string& typePrefix);

std::int64_t parameterCount(const torch::jit::Module& module);

// The TorchScript file written whole or not at all (a trainer killed while saving leaves the previous file, not half
// of a new one); throws WriteError naming the path.
void saveModelAtomically(const torch::jit::Module& module, const std::string& path);

} // namespace execg::training
