// execg-cli model-info: what a TorchScript file takes and gives, every submodule's output on a probe input and
// whether Grad-CAM and concept tests can use it, and a card to start from — for a model that came without one.
#include "CliArgs.h"
#include "Commands.h"
#include "ModelArgs.h"

#include "model/ModelCard.h"
#include "model/torch/ModelInspection.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace execg::cli {

namespace {

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string s;
    for (const auto d : shape)
        s += (s.empty() ? "" : "×") + std::to_string(d);
    return s.empty() ? "—" : s;
}

} // namespace

int runModelInfo(const std::vector<std::string>& words)
{
    CliArgs args(words, {"json"});
    auto known = modelOptionNames();
    known.insert(known.end(), {"json"});
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("model-info: unknown option --" + bad.front());
    if (args.positional().size() != 1 || args.has("model"))
        throw UsageError("model-info: give one model file: execg-cli model-info M.pt");
    const std::string path = args.positional().front();
    configureThreadsFromArgs(args, "model-info");
    std::optional<ModelCard> card;
    if (std::filesystem::exists(modelCardPathFor(path)) || args.has("input-fs") || args.has("input-samples"))
        card = modelCardFromArgs(args, "model-info", path);
    const ModelInspection info = inspectModel(path, card);

    if (args.has("json")) {
        nlohmann::ordered_json j;
        j["file"] = info.path;
        j["sha256"] = info.sha256;
        j["card"] = info.hasCard ? modelCardPathFor(path) : "";
        j["guesses"] = info.guesses;
        j["input"] = {{"leads", info.card.input.leads}, {"samples", info.card.input.samples},
                      {"layout", toString(info.card.input.layout)}};
        if (info.card.input.shortestSamples > 0)
            j["input"]["shortest_samples"] = info.card.input.shortestSamples;
        j["output_shape"] = info.outputShape;
        j["submodules"] = nlohmann::ordered_json::array();
        for (const auto& s : info.submodules) {
            nlohmann::ordered_json m{{"name", s.name}, {"type", s.type}, {"output_shape", s.shape},
                                     {"gradcam", s.gradCam}, {"tcav", s.tcav}};
            if (!s.problem.empty())
                m["problem"] = s.problem;
            if (!s.note.empty())
                m["note"] = s.note;
            j["submodules"].push_back(m);
        }
        if (!info.hasCard)
            j["card_skeleton"] = nlohmann::ordered_json::parse(modelCardToJson(info.card));
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::printf("model     %s\nSHA-256   %s\n", info.path.c_str(), info.sha256.c_str());
    if (info.hasCard)
        std::printf("card      %s\n", modelCardPathFor(path).c_str());
    else
        std::printf("card      none: the probe input below is %s\n", card ? "as the --input flags say" : "guessed");
    for (const auto& g : info.guesses)
        std::printf("          guessed: %s\n", g.c_str());
    const auto& in = info.card.input;
    const std::string shorter = in.takesShorterInputs()
                                    ? " (shorter recordings at their own length, down to " + std::to_string(in.shortestLength()) + " samples)"
                                    : "";
    std::printf("input     %zu leads × %d samples%s%s; output %s\n\n", in.leads.size(), in.samples, shorter.c_str(),
                in.layout == InputLayout::SamplesFirst ? " (samples first)" : "", shapeText(info.outputShape).c_str());
    std::printf("submodules, their output on the probe input, and what can use them (G: Grad-CAM, which reads the\n"
                "last axis as time; T: concept tests)\n");
    std::size_t width = 10, typeWidth = 8;
    for (const auto& s : info.submodules) {
        width = std::max(width, s.name.size());
        typeWidth = std::max(typeWidth, s.type.size());
    }
    for (const auto& s : info.submodules) {
        const std::string use = std::string(s.gradCam ? "G" : "-") + (s.tcav ? "T" : "-");
        std::printf("  %-*s  %-*s  %-14s %s  %s\n", int(width), s.name.c_str(), int(typeWidth), s.type.c_str(), shapeText(s.shape).c_str(),
                    use.c_str(), (s.problem.empty() ? s.note : s.problem).c_str());
    }
    if (!info.hasCard) {
        std::printf("\na card to start from — save it as %s, then check every field (what is guessed above is not "
                    "known):\n%s\n", modelCardPathFor(path).c_str(), modelCardToJson(info.card).c_str());
        std::printf("\nwithout a card: execg-cli explain --model %s --input-fs HZ --input-samples N --layer NAME ...\n", path.c_str());
    }
    return 0;
}

} // namespace execg::cli
