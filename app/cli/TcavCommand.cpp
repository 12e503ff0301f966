// execg-cli tcav: concept tests (TCAV) of a model's layers — built-in synthetic concepts, folders of ECGs or label
// table columns against random sets, with the statistics in words and as JSON (docs/tcav.md).
#include "CliArgs.h"
#include "MethodSpecs.h"
#include "CliFormat.h"
#include "Commands.h"
#include "ModelArgs.h"

#include "concept/torch/Tcav.h"
#include "io/AtomicFile.h"
#include "model/torch/TorchModel.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>

namespace execg::cli {

namespace {

using nlohmann::ordered_json;

double round4(double v) { return std::round(v * 10000.0) / 10000.0; }

} // namespace

int runTcav(const std::vector<std::string>& words)
{
    CliArgs args(words, {"json", "help"});
    if (args.has("help")) {
        std::cout << "execg-cli tcav --model M.pt [--layer L]... [--concept NAME|DIR|TABLE.csv:COLUMN]... --inputs FILE|DIR...\n"
                     "               [--target T] [--runs 20] [--seed S] [--examples 50] [--random-pool DIR]\n"
                     "               [--threads N] [--json] [--out FILE.json]\n\n"
                     "Concept tests: for each concept (default: the card's concept_defaults, else peaked-t, af and\n"
                     "random) and layer (default: the layers the card lists for TCAV), --runs CAVs against random\n"
                     "sets, the TCAV score (share of the --inputs whose target output rises along the CAV) and\n"
                     "magnitude, a two-sided Welch t-test against random-vs-random CAVs, p corrected for\n"
                     "concepts x layers (Holm), 95 % CI and the CAVs' held-out accuracy (below 0.7: unreliable, never a\n"
                     "finding). Random sets come from --random-pool (a folder) or built-in ordinary sinus ECGs; a\n"
                     "concept read from files needs random ECGs read from files (--random-pool), and a built-in one\n"
                     "the built-in pool: against ECGs of another origin its CAVs are unreliable, never a finding.\n\n"
                     "built-in concepts (--examples synthetic ECGs each, matched ordinary patients):\n";
        for (const auto& c : tcav::builtinConcepts())
            std::cout << "  " << c.name << "  — " << c.description << "\n";
        return 0;
    }
    auto known = modelOptionNames();
    known.insert(known.end(), {"json", "help", "layer", "concept", "inputs", "target", "runs", "seed", "examples",
                               "random-pool", "out"});
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("tcav: unknown option --" + bad.front());
    if (!args.has("model") || !args.has("inputs"))
        throw UsageError("tcav: give --model M.pt, --inputs FILE|DIR and the concepts (--concept; without one, the card's "
                         "concept_defaults)");
    if (!args.positional().empty())
        throw UsageError("tcav: unexpected argument '" + args.positional().front() + "' (inputs go after --inputs)");
    const std::string modelPath = *args.value("model");
    configureThreadsFromArgs(args, "tcav");
    const TorchModel model(modelPath, modelCardFromArgs(args, "tcav", modelPath));
    const ModelCard& card = model.card();

    TcavOptions o;
    o.layers = args.values("layer");
    o.runs = args.integer("runs").value_or(20);
    o.seed = std::uint64_t(args.integer("seed").value_or(0));
    const int examples = args.integer("examples").value_or(50);
    if (o.runs < 2 || examples < 10)
        throw UsageError("tcav: --runs must be at least 2 and --examples at least 10");
    int target = 0;
    if (const auto t = args.value("target")) {
        const auto k = outputIndex(card, *t);
        if (!k)
            throw UsageError("tcav: --target " + *t + " is neither an output label nor an index of the model");
        target = *k;
    }
    const double seconds = tcav::conceptExampleSeconds(card.input);
    std::vector<tcav::ConceptSet> concepts;
    std::vector<std::string> specs = args.values("concept");
    if (specs.empty()) {
        try {
            specs = tcav::defaultConceptNames(card);
        } catch (const std::invalid_argument& e) {
            throw UsageError(modelPath + ": " + e.what());
        }
    }
    for (const auto& spec : specs) {
        try {   // built-in sets are drawn at the model's own rate and window, so they need no resampling or padding
            concepts.push_back(tcav::conceptSetFromSpec(spec, examples, o.seed, card.input.samplingRateHz, seconds));
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("tcav: ") + e.what());
        }
    }
    const tcav::ConceptSet pool =
        tcav::randomPoolSet(args.value("random-pool").value_or(""), examples, o.seed, card.input.samplingRateHz, seconds);
    const tcav::ConceptSet inputs = tcav::filesConceptSet(args.values("inputs"), "inputs");

    const TcavResult r = runTcav(model, concepts, pool, inputs, target, o);

    ordered_json j;
    j["model"] = {{"name", card.name}, {"file", modelPath}, {"sha256", r.modelSha256}};
    if (card.demo)
        j["model"]["notice"] = kDemoModelNotice;
    j["target"] = {{"index", r.target}, {"label", r.targetLabel}};
    j["seed"] = r.seed;
    j["runs"] = r.runs;
    j["inputs"] = r.inputs;
    j["random_pool"] = pool.name;
    ordered_json rows = ordered_json::array();
    for (const auto& row : r.rows) {
        ordered_json runScores = ordered_json::array();
        for (const double s : row.runScores)
            runScores.push_back(round4(s));
        rows.push_back({{"concept", row.conceptName}, {"layer", row.layer}, {"score", round4(row.score)},
                        {"magnitude", round4(row.magnitude)}, {"ci", {round4(row.ciLow), round4(row.ciHigh)}},
                        {"random_score", round4(row.nullMean)}, {"p", row.p}, {"p_corrected", row.pCorrected},
                        {"significant", row.significant}, {"cav_accuracy", round4(row.cavAccuracy)},
                        {"reliable", row.reliable}, {"runs", row.runs}, {"run_scores", runScores}, {"verdict", row.verdict}});
    }
    j["rows"] = rows;
    j["notes"] = r.notes;
    j["activations"] = {{"computed", r.computedActivations}, {"cached", r.cachedActivations}};
    j["runtime_ms"] = std::round(r.runtimeMs);
    if (const auto out = args.value("out"))
        writeFileAtomically(*out, j.dump(2) + "\n");
    if (args.has("json")) {
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << "model: " << card.name << " (sha256 " << r.modelSha256.substr(0, 12) << "…)  target: " << r.targetLabel
              << "  inputs: " << r.inputs << "  runs: " << r.runs << "  seed: " << r.seed << "\n";
    if (card.demo)
        std::cout << "  " << kDemoModelNotice << "\n";
    std::printf("  %-16s %-10s %6s %13s %7s %10s %6s  %s\n", "concept", "layer", "score", "95% CI", "random", "p (Holm)",
                "CAV", "verdict");
    // A significant score below random means the concept lowers the target (the verdict's "falls"): the table
    // says so too, or a reader takes "SIGNIFICANT" for evidence that the model uses the concept towards the target.
    const auto shortVerdict = [](const TcavRow& row) {
        if (row.significant)
            return row.score >= row.nullMean ? "SIGNIFICANT" : "SIGNIFICANT, AGAINST";
        return row.reliable ? "not significant" : "UNRELIABLE CAV";
    };
    for (const auto& row : r.rows)
        std::printf("  %-16s %-10s %6.3f  [%.3f,%.3f] %7.3f %10.2g %5.0f%%  %s\n", row.conceptName.c_str(), row.layer.c_str(),
                    row.score, row.ciLow, row.ciHigh, row.nullMean, row.pCorrected, 100 * row.cavAccuracy, shortVerdict(row));
    for (const auto& n : r.notes)
        std::cout << "  note: " << n << "\n";
    std::printf("  %.1f s; layer activations computed for %d sets, %d served from the cache\n", r.runtimeMs / 1000.0,
                r.computedActivations, r.cachedActivations);
    return 0;
}

} // namespace execg::cli
