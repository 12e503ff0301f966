#pragma once
// The network of the real-data AF model (issue 28), and an ensemble of such networks (`execg-train --members`):
// TorchScript modules built in C++, with the children the card names for Grad-CAM and concept tests (layer3, layer4,
// layer7, rhythm). An ensemble has the same children and the same forward as one network: each child runs the
// members' own stages side by side, so every explanation method reads the ensemble, not one member.
#include <torch/script.h>

#include <array>
#include <vector>

namespace execg::training {

// Output channels of stem, layer1 … layer7 (layers 5–7 are residual: their width is layer4's).
inline constexpr std::array<int, 8> kWidths{32, 48, 64, 96, 128, 128, 128, 128};
inline constexpr int kRhythmFeatures = 32;   // the rhythm branch's output

// One network, its parameters drawn from torch's generator (torch::manual_seed first for a given draw).
torch::jit::Module afCinc2017Network();

// The members (afCinc2017Network's, trained) as one network whose logits are their mean. The members are shared,
// not copied. Throws std::invalid_argument for no members.
torch::jit::Module afCinc2017Ensemble(const std::vector<torch::jit::Module>& members);

} // namespace execg::training
