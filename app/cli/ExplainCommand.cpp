// execg-cli explain: several explanation methods on one recording with one model; each map written as
// DIR/NAME.npy (float32, leads × samples on the recording's own axis, NaN where the model saw nothing) and
// everything else — prediction, parameters, diagnostics, evidence per lead and wave, timing — in DIR/summary.json.
#include "CliArgs.h"
#include "CliFormat.h"
#include "CounterfactualOutput.h"
#include "Commands.h"
#include "MethodSpecs.h"
#include "ModelArgs.h"
#include "QualityReport.h"

#include "explain/Explainer.h"
#include "explain/WaveSummary.h"
#include "io/AtomicFile.h"
#include "io/npy/NpyArray.h"
#include "model/Prediction.h"
#include "model/torch/TorchModel.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace execg::cli {

namespace {

using nlohmann::ordered_json;

} // namespace

int runExplain(const std::vector<std::string>& words)
{
    CliArgs args(words, {"json", "help", "quality"});
    if (args.has("help")) {
        std::cout << "execg-cli explain --model M.pt [--target T] [--method NAME[:param=value,...]]... FILE --out DIR\n"
                     "                  [--group N] [--start S] [--baseline FILE] [--threads N] [--json]\n"
                     "                  [--quality [--truth FILE.json]]\n"
                     "                  [--method cf-input|cf-parametric|cf-latent[:param=value,...] --cf-target VALUE\n"
                     "                   [--cf-output LABEL|INDEX] [--cf-format wfdb|dicom]]\n\n"
                     "cf-* find a counterfactual: a small change to the recording that brings the output to VALUE (a\n"
                     "probability, or a value in the output's unit) — cf-input changes the signal itself, cf-parametric the\n"
                     "beats' wave amplitudes, intervals and RR (and says so in words), cf-latent the recording's code in the\n"
                     "card's generator. Each writes DIR/<method>.npy, the changed recording as WFDB (or DICOM) and, in\n"
                     "summary.json, whether the target was reached, the prediction's path, the change's size and the\n"
                     "measurements before and after.\n\n"
                     "--quality adds each map's scorecard to summary.json (faithfulness, randomisation check, stability,\n"
                     "complexity, agreement between the methods; localisation when the recording is synthetic and its\n"
                     "ground truth, FILE.json from execg-cli synth, lies beside it or is given with --truth).\n\n"
                     "Without --method: " << "saliency, integrated-gradients, smoothgrad, grad-cam (when the card lists a "
                     "layer), occlusion.\n\nmethods and their parameters:\n";
        for (const auto* e : ExplainerRegistry::instance().all()) {
            std::cout << "  " << e->info().name << "  — " << e->info().description << "\n";
            for (const auto& p : e->info().parameters)
                std::cout << "      " << p.name << "=" << (p.defaultValue.empty() ? "(card's first)" : p.defaultValue)
                          << (p.unit.empty() ? "" : " " + p.unit) << "  " << p.help << "\n";
        }
        std::cout << "\ncounterfactual generators and their parameters:\n";
        for (const auto& c : CounterfactualRegistry::instance().methods()) {
            std::cout << "  " << c.name << "  — " << c.description << (c.needsGenerator ? " (needs the card's generator)" : "") << "\n";
            for (const auto& p : c.parameters)
                std::cout << "      " << p.name << "=" << (p.defaultValue.empty() ? "(empty)" : p.defaultValue)
                          << (p.unit.empty() ? "" : " " + p.unit) << "  " << p.help << "\n";
        }
        return 0;
    }
    auto known = rawArrayOptionNames();
    known.insert(known.end(), modelOptionNames().begin(), modelOptionNames().end());
    known.insert(known.end(), {"json", "help", "method", "target", "out", "group", "start", "baseline", "quality", "truth",
                               "cf-target", "cf-output", "cf-format"});
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("explain: unknown option --" + bad.front());
    if (!args.has("model") || !args.has("out") || args.positional().size() != 1)
        throw UsageError("explain: give --model M.pt, exactly one FILE and --out DIR");
    const std::string modelPath = *args.value("model"), file = args.positional().front(), outDir = *args.value("out");
    const auto t0 = std::chrono::steady_clock::now();
    const int threads = configureThreadsFromArgs(args, "explain");
    const TorchModel model(modelPath, modelCardFromArgs(args, "explain", modelPath));
    const ModelCard& card = model.card();
    const auto specs = methodSpecs(args, card, "explain");

    AdaptOptions adapt;
    adapt.startSeconds = args.number("start").value_or(0.0);
    const GroupInFile in = readGroup(args, file);
    const AdaptedInput input = fitToModel(in, card, adapt);
    std::optional<AdaptedInput> baseline;
    if (const auto b = args.value("baseline")) {
        const GroupInFile bin = readGroup(args, *b);
        baseline = adaptToModel(bin.group(), card);
    }
    const auto raw = model.predict({input}).front();
    const Prediction prediction = interpretOutputs(card, model.sha256(), raw, input.warnings);
    if (!prediction.problem.empty())
        throw std::runtime_error(file + ": " + prediction.problem);
    const int target = targetFromArgs(args, card, raw, "explain");
    const WaveSegmentation waves = segmentWaves(in.group());
    const bool quality = args.has("quality");
    std::vector<std::string> qualityNotes;
    std::optional<GroundTruth> truth;
    if (quality)
        truth = loadGroundTruth(args, file, in.group(), qualityNotes);
    else if (args.has("truth"))
        throw UsageError("explain: --truth needs --quality");

    std::filesystem::create_directories(outDir);
    ordered_json summary;
    summary["model"] = {{"name", card.name}, {"version", card.version}, {"file", modelPath}, {"sha256", model.sha256()}};
    if (card.demo)
        summary["model"]["notice"] = kDemoModelNotice;
    summary["recording"] = {{"file", file}, {"group", in.index}, {"leads", ordered_json::array()},
                            {"sampling_rate_hz", in.group().samplingRateHz},
                            {"window_start_s", round6(double(input.sourceFirst) / input.sourceRateHz)},
                            {"window_end_s", round6(double(input.sourceFirst + input.sourceCount) / input.sourceRateHz)}};
    for (const auto& lead : in.group().leads)
        summary["recording"]["leads"].push_back(lead.name);
    summary["warnings"] = prediction.warnings;
    ordered_json outs = ordered_json::array();
    for (const auto& o : prediction.outputs)
        outs.push_back({{"label", o.label}, {"value", o.value}, {"raw", o.raw}});
    summary["prediction"] = outs;
    summary["target"] = {{"index", target}, {"label", card.outputs[std::size_t(target)].label},
                         {"raw", raw[std::size_t(target)]}};
    summary["beats"] = {{"count", waves.beats.size()}, {"problem", waves.problem}};

    std::cout << "model: " << card.name << " (sha256 " << model.sha256().substr(0, 12) << "…)\n";
    if (card.demo)
        std::cout << "  " << kDemoModelNotice << "\n";
    for (const auto& w : prediction.warnings)
        std::cout << "  warning: " << w << "\n";
    std::cout << "target: " << target << " '" << card.outputs[std::size_t(target)].label << "'\n";

    bool failed = false;
    ordered_json methods = ordered_json::array();
    std::vector<std::size_t> scored;               // index in `methods` of each scorecard
    std::vector<quality::Scorecard> scorecards;
    std::vector<std::vector<float>> scoredMaps;
    for (const auto& spec : specs) {
        ordered_json m{{"method", spec.name}};
        if (isCounterfactualMethod(spec.name)) {
            try {
                const auto r = runCounterfactualMethod(spec.name, spec.parameters, model, modelPath, in.group(), input,
                                                       counterfactualTarget(args, card, target));
                m = writeCounterfactual(args, r, in.recording, in.index, outDir, spec.file.substr(0, spec.file.size() - 4));
                char line[200];
                std::snprintf(line, sizeof line, "  %-22s %8.1f ms  %s: %.3f -> %.3f %s (target %.3f), mean |change| %.3f mV\n",
                              spec.name.c_str(), r.runtimeMs, r.valid ? "reached" : "NOT reached", r.initialValue,
                              r.finalValue, r.outputUnit.c_str(), r.target.value, r.meanAbsMv);
                std::cout << line;
                for (const auto& c : r.parameterChanges)
                    std::cout << "  " << std::string(34, ' ') << c.text << "\n";
                for (const auto& n : r.notes)
                    std::cout << "  " << std::string(34, ' ') << n << "\n";
            } catch (const ExplainError& e) {
                failed = true;
                m["error"] = e.what();
                std::cout << "  " << spec.name << ": error: " << e.what() << "\n";
            }
            methods.push_back(m);
            continue;
        }
        try {
            ExplainOptions options;
            options.parameters = spec.parameters;
            options.baselineInput = baseline ? &*baseline : nullptr;
            Explanation e = runExplanation(spec.name, model, input, target, options);
            mapExplanationToRecording(e, input, in.group());
            std::vector<float> flat;
            for (const auto& lead : e.recordingMap)
                flat.insert(flat.end(), lead.begin(), lead.end());
            npy::writeNpyFloat32((std::filesystem::path(outDir) / spec.file).string(),
                                 {e.recordingMap.size(), e.recordingMap.empty() ? 0 : e.recordingMap.front().size()}, flat);
            const auto s = summariseAttribution(e.recordingMap, in.group(), waves);
            m["file"] = spec.file;
            m["parameters"] = e.parameters;
            if (ExplainerRegistry::instance().find(spec.name)->info().stochastic)
                m["seed"] = e.seed;
            m["runtime_ms"] = round6(e.runtimeMs);
            ordered_json diagnostics = ordered_json::object();
            for (const auto& [k, v] : e.diagnostics)
                diagnostics[k] = round6(v);
            m["diagnostics"] = diagnostics;
            m["notes"] = e.notes;
            m["summary"] = attributionSummaryJson(s);
            char line[160];
            std::snprintf(line, sizeof line, "  %-22s %8.1f ms  ", spec.name.c_str(), e.runtimeMs);
            std::cout << line << (s.headline.empty() ? "no evidence" : s.headline) << "\n";
            for (const auto& [k, v] : e.diagnostics)
                if (k == "completeness_delta")
                    std::cout << "  " << std::string(34, ' ') << "completeness delta " << v << "\n";
            if (quality) {
                auto q = scorecardOptionsFor(card, truth);
                q.baselineInput = options.baselineInput;
                scorecards.push_back(quality::scoreExplanation(model, input, e, q));
                scored.push_back(methods.size());
                scoredMaps.push_back(e.modelMap);
                std::cout << "  " << std::string(34, ' ') << "quality (" << std::lround(scorecards.back().runtimeMs)
                          << " ms): " << scorecardLine(scorecards.back()) << "\n";
            }
        } catch (const ExplainError& e) {
            failed = true;
            m["error"] = e.what();
            std::cout << "  " << spec.name << ": error: " << e.what() << "\n";
        }
        methods.push_back(m);
    }
    if (quality) {
        const auto matrix = quality::agreement(scoredMaps);
        const auto mean = quality::meanAgreement(matrix);
        std::vector<std::string> names;
        for (std::size_t k = 0; k < scored.size(); ++k) {
            methods[scored[k]]["quality"] = scorecardJson(scorecards[k], mean[k]);
            names.push_back(methods[scored[k]]["method"].get<std::string>());
        }
        summary["agreement"] = agreementJson(names, matrix);
        summary["quality"] = {{"seed", 0},
                              {"ground_truth", truth ? ordered_json(truth->file) : ordered_json(nullptr)},
                              {"label_waves", ordered_json::array()},
                              {"notes", qualityNotes}};
        for (const auto w : card.labelWaves)
            summary["quality"]["label_waves"].push_back(keyOf(w));
        for (const auto& n : qualityNotes)
            std::cout << "  note: " << n << "\n";
    }
    summary["methods"] = methods;
    summary["timing"] = {{"threads", threads},
                         {"total_ms", round6(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count())}};
    const std::string summaryPath = (std::filesystem::path(outDir) / "summary.json").string();
    writeFileAtomically(summaryPath, summary.dump(2) + "\n");
    if (args.has("json"))
        std::cout << summary.dump(2) << "\n";
    std::cout << "wrote " << summaryPath << "\n";
    return failed ? 1 : 0;
}

} // namespace execg::cli
