#include "model/torch/ModelInspection.h"

#include "model/torch/TorchModel.h"
#include "model/torch/TorchModelImpl.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

namespace execg {

namespace {

// The first 1-D convolution's input channels: how many leads the model takes, for most ECG networks.
std::optional<int> convolutionChannels(const torch::jit::Module& module)
{
    for (const auto& p : module.named_parameters(true))
        if (p.value.dim() == 3 && p.name.size() >= 6 && p.name.compare(p.name.size() - 6, 6, "weight") == 0)
            return int(p.value.size(1));
    return std::nullopt;
}

// Does a zero input of this shape give one row of outputs?
std::optional<std::int64_t> outputsFor(torch::jit::Module module, const std::vector<std::int64_t>& shape)
{
    try {
        torch::NoGradGuard noGrad;
        const auto y = module.forward({torch::zeros(shape)}).toTensor();
        if (y.dim() == 2 && y.size(0) == 1)
            return y.size(1);
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

ModelCard guessedCard(const std::string& path, const torch::jit::Module& module, std::vector<std::string>& guesses)
{
    const auto channels = convolutionChannels(module);
    const int leads = channels.value_or(12);
    guesses.push_back(channels ? std::to_string(leads) + " leads (its first 1-D convolution takes " + std::to_string(leads) + " channels)"
                               : "12 leads (no 1-D convolution to tell)");
    std::vector<std::string> names = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
    if (leads == 1)
        names = {"II"};
    else if (leads == 2)
        names = {"I", "II"};
    else if (leads == 8)
        names = {"I", "II", "V1", "V2", "V3", "V4", "V5", "V6"};
    else if (leads < 1 || leads > 12)
        throw ModelError(path, "its first convolution takes " + std::to_string(leads) + " channels; describe its input "
                               "with --input-fs HZ --input-samples N --input-leads ...");
    for (const auto layout : {InputLayout::LeadsFirst, InputLayout::SamplesFirst})
        for (const int samples : {5000, 2500, 4096, 1000, 3000, 7500, 2048, 15000, 9000, 1250, 500}) {
            const std::vector<std::int64_t> shape = layout == InputLayout::LeadsFirst ? std::vector<std::int64_t>{1, leads, samples}
                                                                                      : std::vector<std::int64_t>{1, samples, leads};
            if (!outputsFor(module, shape))
                continue;
            const double rate = samples == 4096 ? 400.0 : samples / 10.0;
            auto card = inferredModelCard(path, rate, samples, std::vector<std::string>(names.begin(), names.begin() + leads));
            card.input.layout = layout;
            guesses.push_back(std::to_string(samples) + " samples" +
                              (layout == InputLayout::SamplesFirst ? ", samples first (batch × samples × leads)" : "") +
                              " (the first common length it accepts)");
            guesses.push_back(std::to_string(int(rate)) + " Hz (" + (samples == 4096 ? "as CODE/Ribeiro models take 4096 samples at 400 Hz" : "10 s assumed") +
                              "): check it — nothing in the file says");
            guesses.push_back("lead names, units (mV) and normalisation (none) are assumed: check them");
            card.warnings.clear();
            return card;
        }
    throw ModelError(path, "no common input length (500–15,000 samples of " + std::to_string(leads) +
                           " leads, either layout) runs; describe its input with --input-fs HZ --input-samples N");
}

std::string typeName(const torch::jit::Module& m)
{
    const auto name = m.type()->name();
    return name ? name->name() : "?";
}

} // namespace

ModelInspection inspectModel(const std::string& path, const std::optional<ModelCard>& card)
{
    ModelInspection r;
    r.path = path;
    r.hasCard = card.has_value() && !card->inferred;
    {
        const auto module = loadTorchScript(path, r.sha256);
        r.card = card ? *card : guessedCard(path, module, r.guesses);
    }
    ModelCard probeCard = r.card;
    probeCard.layers.clear();   // every submodule is tried below
    probeCard.inferred = true;
    if (!r.hasCard)
        probeCard.outputs.clear();
    const TorchModel model(path, probeCard);
    r.outputShape = {1, model.outputCount()};
    if (!r.hasCard) {
        r.card.outputs = model.card().outputs;
        r.card.task = model.outputCount() == 1 ? ModelTask::Binary : ModelTask::Multiclass;
        r.card.activation = model.outputCount() == 1 ? OutputActivation::Sigmoid : OutputActivation::Softmax;
        r.card.intendedUse = "describe what the model is for";
        r.card.name = std::filesystem::path(path).stem().string();
        r.card.version = "1";
        r.card.inferred = false;
    }
    const auto probe = toTensor({chainProbe(model.card())});
    std::map<std::string, std::string> types;
    for (const auto& m : model.impl().module.named_modules())
        types[m.name] = typeName(m.value);
    for (const auto& name : model.submodules()) {
        SubmoduleReport s;
        s.name = name;
        s.type = types[name];
        s.problem = s.type == "ModuleList" || s.type == "ModuleDict"
                        ? "a container (" + s.type + "): it has no output of its own; its members do"
                        : model.layerProblem(name);
        if (s.problem.empty()) {
            try {
                torch::NoGradGuard noGrad;
                const auto a = model.impl().layerActivations(probe, name);
                s.shape.assign(a.sizes().begin(), a.sizes().end());
                s.tcav = a.numel() > 0;
                s.gradCam = a.dim() == 3 && a.size(2) > 1;
                if (!s.gradCam)
                    s.note = "Grad-CAM needs batch × channels × time";
                // A card that takes shorter inputs: the layer's time axis is shorter there, and must still be one.
                const int shortest = model.card().input.shortestLength();
                if (s.gradCam && model.card().input.takesShorterInputs() &&
                    model.impl().layerActivations(probe.slice(2, 0, shortest).contiguous(), name).size(2) < 2) {
                    s.gradCam = false;
                    s.note = "Grad-CAM: one time sample at the card's shortest input (" + std::to_string(shortest) + " samples)";
                }
            } catch (const std::exception& e) {
                s.problem = torchErrorCause(e.what());
            }
            if (const auto note = model.layerNote(name); !note.empty())
                s.note = note;
        }
        r.submodules.push_back(std::move(s));
    }
    if (!r.hasCard) {
        // The skeleton names the deepest feature map Grad-CAM can use: the shortest time axis, then the most
        // channels, then the shallowest name (a block rather than its last convolution).
        const SubmoduleReport* best = nullptr;
        const auto depth = [](const std::string& n) { return std::count(n.begin(), n.end(), '.'); };
        for (const auto& s : r.submodules) {
            if (!s.gradCam)
                continue;
            if (!best || s.shape[2] < best->shape[2] || (s.shape[2] == best->shape[2] && s.shape[1] > best->shape[1]) ||
                (s.shape[2] == best->shape[2] && s.shape[1] == best->shape[1] && depth(s.name) < depth(best->name)))
                best = &s;
        }
        r.card.layers.clear();
        if (best)
            r.card.layers.push_back({best->name, true, true});
    }
    return r;
}

} // namespace execg
