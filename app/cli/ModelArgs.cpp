#include "ModelArgs.h"

#include "model/torch/TorchModel.h"

#include <filesystem>
#include <sstream>
#include <thread>

namespace execg::cli {

const std::vector<std::string>& modelOptionNames()
{
    static const std::vector<std::string> names{"model", "threads", "input-fs", "input-samples", "input-leads", "layer", "lead"};
    return names;
}

namespace {

std::vector<std::string> splitLeads(const std::string& list)
{
    std::vector<std::string> out;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty())
            out.push_back(item);
    return out;
}

} // namespace

ModelCard modelCardFromArgs(const CliArgs& args, const std::string& command, const std::string& modelPath)
{
    const std::string cardPath = modelCardPathFor(modelPath);
    const bool flags = args.has("input-fs") || args.has("input-samples") || args.has("input-leads");
    if (std::filesystem::exists(cardPath)) {
        if (flags)
            throw UsageError(command + ": " + modelPath + " has a card (" + cardPath +
                             "); --input-fs/--input-samples/--input-leads are for models without one");
        if (args.has("layer") && command != "tcav")
            throw UsageError(command + ": " + modelPath + " has a card (" + cardPath + "); its layers are listed there "
                             "(choose one with --method grad-cam:layer=NAME); --layer is for models without one");
        return loadModelCard(cardPath);
    }
    if (!args.has("input-fs") || !args.has("input-samples"))
        throw UsageError(command + ": no model card beside " + modelPath + " (" + cardPath +
                         "); describe its input with --input-fs HZ --input-samples N [--input-leads I,II,...]");
    const double fs = *args.number("input-fs");
    const int samples = *args.integer("input-samples");
    if (fs <= 0 || samples <= 0)
        throw UsageError(command + ": --input-fs and --input-samples must be positive");
    ModelCard card;
    try {
        card = inferredModelCard(modelPath, fs, samples, splitLeads(args.value("input-leads").value_or("")));
    } catch (const ModelCardError& e) {
        throw UsageError(command + ": " + e.problem);
    }
    // --layer NAME: without a card, the layers Grad-CAM and concept tests use by default (the first is Grad-CAM's).
    for (const auto& layer : args.values("layer"))
        card.layers.push_back({layer, true, true});
    return card;
}

std::vector<AdaptedInput> fitToModel(const GroupInFile& in, const ModelCard& card, const AdaptOptions& options)
{
    return adaptRecordingWindows(in.recording, in.index, card, options);
}

MapDisplay mapDisplayFromArgs(const CliArgs& args, const std::string& command)
{
    MapDisplay display;
    if (const auto smooth = args.value("smooth")) {
        const auto ms = args.number("smooth");
        if (!ms || !(*ms >= 0.0) || *ms > 1000.0)
            throw UsageError(command + ": --smooth " + *smooth + ": give a width in milliseconds from 0 to 1000");
        display.smoothingMs = *ms;
    }
    if (const auto view = args.value("map-view"); view && !mapViewFromString(*view, display.view))
        throw UsageError(command + ": --map-view " + *view + " is not one of samples, waves");
    return display;
}

AdaptOptions adaptOptionsFromArgs(const CliArgs& args)
{
    AdaptOptions adapt;
    adapt.startSeconds = args.number("start").value_or(0.0);
    adapt.lead = args.value("lead").value_or("");
    return adapt;
}

int configureThreadsFromArgs(const CliArgs& args, const std::string& command)
{
    const int threads = args.integer("threads").value_or(int(std::max(1u, std::thread::hardware_concurrency())));
    if (threads < 1)
        throw UsageError(command + ": --threads must be at least 1");
    configureTorchThreads(threads);
    return threads;
}

} // namespace execg::cli
