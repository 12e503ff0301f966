// execg-cli explain: several explanation methods on one recording with one model; each map written as
// DIR/NAME.npy (float32, leads × samples on the recording's own axis, NaN where the model saw nothing) and
// everything else — prediction, parameters, diagnostics, evidence per lead and wave, timing — in DIR/summary.json.
#include "AuditRecord.h"
#include "CliArgs.h"
#include "CliFormat.h"
#include "CounterfactualOutput.h"
#include "Commands.h"
#include "MethodSpecs.h"
#include "ModelArgs.h"
#include "QualityReport.h"

#include "analysis/ResultsJson.h"
#include "analysis/torch/CaseAnalysis.h"
#include "io/npy/NpyArray.h"
#include "model/torch/TorchModel.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace execg::cli {

namespace {

// The map on the recording's own axis as float32 leads × samples (NaN where the model saw nothing).
void writeMap(const Explanation& e, const std::string& path)
{
    std::vector<float> flat;
    for (const auto& lead : e.recordingMap)
        flat.insert(flat.end(), lead.begin(), lead.end());
    npy::writeNpyFloat32(path, {e.recordingMap.size(), e.recordingMap.empty() ? 0 : e.recordingMap.front().size()}, flat);
}

} // namespace

int runExplain(const std::vector<std::string>& words)
{
    CliArgs args(words, {"json", "help", "quality", "no-uncertainty"});
    if (args.has("help")) {
        std::cout << "execg-cli explain --model M.pt [--target T] [--method NAME[:param=value,...]]... FILE --out DIR\n"
                     "                  [--group N|rhythm|median] [--start S] [--lead NAME] [--baseline FILE] [--threads N] [--json]\n"
                     "                  [--quality [--truth FILE.json]] [--no-uncertainty]\n"
                     "                  [--method cf-input|cf-parametric|cf-latent[:param=value,...] --cf-target VALUE\n"
                     "                   [--cf-output LABEL|INDEX] [--cf-format wfdb|dicom|scp|edf]]\n\n"
                     "cf-* find a counterfactual: a small change to the recording that brings the output to VALUE (a\n"
                     "probability, or a value in the output's unit) — cf-input changes the signal itself, cf-parametric the\n"
                     "beats' wave amplitudes, intervals and RR (and says so in words), cf-latent the recording's code in the\n"
                     "card's generator. Each writes DIR/<method>.npy, the changed recording as WFDB (--cf-format: or\n"
                     "DICOM, SCP-ECG, EDF+) and, in summary.json, whether the target was reached, the prediction's path,\n"
                     "the change's size and the measurements before and after.\n\n"
                     "--quality adds each map's scorecard to summary.json (faithfulness, randomisation check, stability,\n"
                     "complexity, agreement between the methods; localisation when the recording is synthetic and its\n"
                     "ground truth, FILE.json from execg-cli synth, lies beside it or is given with --truth).\n\n"
                     "The prediction's spread under the recording's own variation (noise at its level, baseline wander, the\n"
                     "window a beat later or earlier; MC dropout where the model has dropout) goes into summary.json with a\n"
                     "referral when its 90 % interval crosses the card's decision_threshold; --no-uncertainty skips it.\n\n"
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
    known.insert(known.end(), {"json", "help", "method", "target", "out", "group", "start", "baseline", "quality", "truth", "no-uncertainty",
                               "cf-target", "cf-output", "cf-format"});
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("explain: unknown option --" + bad.front());
    if (!args.has("model") || !args.has("out") || args.positional().size() != 1)
        throw UsageError("explain: give --model M.pt, exactly one FILE and --out DIR");
    const std::string modelPath = *args.value("model"), file = args.positional().front(), outDir = *args.value("out");
    const auto t0 = std::chrono::steady_clock::now();
    const int threads = configureThreadsFromArgs(args, "explain");
    const auto model = std::make_shared<const TorchModel>(modelPath, modelCardFromArgs(args, "explain", modelPath));
    const ModelCard& card = model->card();
    const auto specs = methodSpecs(args, card, "explain");

    AnalysisRequest request;
    request.adapt = adaptOptionsFromArgs(args);
    request.target = targetFromArgs(args, card, "explain");
    for (const auto& spec : specs) {
        request.methods.push_back(spec.choice);
        if (isCounterfactualMethod(spec.choice.method))
            request.counterfactualTarget = counterfactualTarget(args, card);
    }
    GroupInFile in = readGroup(args, file);
    const int groupIndex = in.index;
    const auto recording = std::make_shared<const Recording>(std::move(in.recording));
    const CaseAnalysis analysis(recording, groupIndex, model, {file, modelPath, {}});
    std::optional<AdaptedInput> baseline;
    if (const auto b = args.value("baseline")) {
        const GroupInFile bin = readGroup(args, *b);
        AdaptOptions fullWindow;   // cut to each window's length by the explainer (a model may take shorter windows)
        fullWindow.fullWindow = true;
        baseline = adaptToModel(bin.group(), card, fullWindow);
        request.baseline = &*baseline;
    }
    request.quality = args.has("quality");
    request.uncertainty = !args.has("no-uncertainty");
    if (request.quality)
        request.truth = loadGroundTruth(args, file, analysis.group(), request.qualityNotes);
    else if (args.has("truth"))
        throw UsageError("explain: --truth needs --quality");

    std::filesystem::create_directories(outDir);
    std::cout << "model: " << card.name << " (sha256 " << model->sha256().substr(0, 12) << "…)\n";
    if (card.demo)
        std::cout << "  " << kDemoModelNotice << "\n";
    bool failed = false;
    std::size_t next = 0;   // the spec of the method that finishes next
    request.predicted = [](const ResultsDocument& d) {
        for (const auto& w : d.warnings)
            std::cout << "  warning: " << w << "\n";
        std::cout << "target: " << d.target->index << " '" << d.target->label << "'\n";
        if (d.uncertainty) {
            std::cout << "uncertainty: " << d.uncertainty->verdict << "\n";
            for (const auto& w : d.uncertainty->warnings)
                std::cout << "  warning: " << w << "\n";
        }
    };
    request.methodDone = [&](MethodResult& m) {
        const MethodSpec& spec = specs[next++];
        if (!m.error.empty()) {
            failed = true;
            std::cout << "  " << m.method << ": error: " << m.error << "\n";
        } else if (m.counterfactual) {
            writeCounterfactual(args, analysis, m, outDir, spec.file.substr(0, spec.file.size() - 4));
            printCounterfactual(*m.counterfactual);
        } else {
            m.file = spec.file;
            writeMap(*m.explanation, (std::filesystem::path(outDir) / spec.file).string());
            char line[160];
            std::snprintf(line, sizeof line, "  %-22s %8.1f ms  ", m.method.c_str(), m.explanation->runtimeMs);
            std::cout << line << (m.headline.empty() ? "no evidence" : m.headline) << "\n";
            for (const auto& [k, v] : m.explanation->diagnostics)
                if (k == "completeness_delta")
                    std::cout << "  " << std::string(34, ' ') << "completeness delta " << v << "\n";
        }
    };
    // Scorecards come after every map (they compare the maps); each line names its method.
    request.scored = [&](const MethodResult& m) {
        char name[40];
        std::snprintf(name, sizeof name, "  %-22s ", m.method.c_str());
        if (!m.scoreError.empty()) {
            failed = true;
            std::cout << name << "quality: error: " << m.scoreError << "\n";
            return;
        }
        std::cout << name << "quality (" << std::lround(m.scorecard->runtimeMs) << " ms): " << scorecardLine(*m.scorecard) << "\n";
    };
    ResultsDocument document = analysis.run(request);
    if (document.quality)
        for (const auto& n : document.quality->notes)
            std::cout << "  note: " << n << "\n";
    document.threads = threads;
    // The whole command, as before: loading the model and reading the file included.
    document.totalMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const std::string summaryPath = (std::filesystem::path(outDir) / "summary.json").string();
    writeResultsFile(document, summaryPath);
    recordAudit(document, "execg-cli explain", summaryPath);
    if (args.has("json"))
        std::cout << resultsText(document);
    std::cout << "wrote " << summaryPath << "\n";
    return failed ? 1 : 0;
}

} // namespace execg::cli
