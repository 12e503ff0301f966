#pragma once
// What a researcher needs to know about a TorchScript file before writing its card (`execg-cli model-info`, the
// GUI's layer chooser for a model without a card): the input it takes — the card's, or guessed by trying — its
// outputs, every submodule's output shape on a probe input and whether Grad-CAM and concept tests can use it (or
// why not), and a card to start from. Torch-free header.
#include "model/ModelCard.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace execg {

struct SubmoduleReport {
    std::string name;                  // dotted: "res_blocks.1.conv2"
    std::string type;                  // its class: "Conv1d", "ResBlock1d"
    std::vector<std::int64_t> shape;   // its output on the probe (a tuple's first tensor); empty when not reached
    std::string problem;               // why no layer method can use it; empty when they can
    std::string note;                  // e.g. which tensor of a tuple is taken
    bool gradCam = false;              // output batch × channels × time, time longer than 1
    bool tcav = false;                 // any tensor output
};

struct ModelInspection {
    std::string path, sha256;
    bool hasCard = false;
    ModelCard card;                     // the model's card, or a skeleton filled in from what was found
    std::vector<std::string> guesses;   // what had to be guessed for the probe, in words
    std::vector<std::int64_t> outputShape;
    std::vector<SubmoduleReport> submodules;
};

// `card`: the model's card when it has one; else the input is guessed (the first 1-D convolution's channels for
// the leads; common lengths tried leads-first, then samples-first). Throws ModelError naming the file when it is not
// a TorchScript model or no probe input runs.
ModelInspection inspectModel(const std::string& path, const std::optional<ModelCard>& card);

} // namespace execg
