#pragma once
// The demo models' cards (schema docs/model-card.md): what they expect, what they output, and what they must not be
// used for.
#include "model/ModelCard.h"

namespace execg::training {

inline constexpr const char* kAutoencoderFile = "ecg_autoencoder.pt";

ModelCard afCard(int latentSize);
ModelCard potassiumCard(int latentSize);

} // namespace execg::training
