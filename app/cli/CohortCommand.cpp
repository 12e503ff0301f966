// execg-cli cohort: what a model relies on across many ECGs. `run` analyses a cohort into a results store (SQLite,
// resumable, one shard of a cluster job array if asked); `merge` joins the shards' stores. docs/cohort.md.
#include "CliArgs.h"
#include "Commands.h"
#include "CounterfactualOutput.h"
#include "MethodSpecs.h"
#include "ModelArgs.h"

#include "cohort/CohortReport.h"
#include "cohort/torch/CohortRunner.h"
#include "cohort/torch/CohortTcav.h"
#include "io/AtomicFile.h"
#include "model/torch/TorchModel.h"
#ifdef EXECG_CLI_REPORT
#include "HeadlessGui.h"
#include "render/CohortReportPdf.h"
#endif

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <sstream>

namespace execg::cli {

namespace {

std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int) { interrupted = true; }

const char* kCohortUsage =
    "usage: execg-cli cohort run --model M.pt --db STORE.sqlite [--method NAME[:param=value,...]]...\n"
    "                            [--manifest FILE.csv|FILE.tsv [--path-column NAME]] [--shard K/N]\n"
    "                            [--cf-target VALUE [--cf-output LABEL|INDEX]] [--quality] [--full-maps]\n"
    "                            [--lead NAME] [--start S] [--threads N] [INPUT...]\n"
    "       execg-cli cohort merge --db OUT.sqlite IN.sqlite...\n"
    "       execg-cli cohort report --db STORE.sqlite --out DIR [--by COLUMN] [--bins E1,E2,...]\n"
    "                               [--tcav CONCEPT... [--tcav-layer L]... [--tcav-runs N] [--tcav-examples N]\n"
    "                                [--tcav-inputs N] [--tcav-target T] [--tcav-random-pool DIR] [--model M.pt]\n"
    "                                [--threads N]]\n\n"
    "run: every recording of the cohort — INPUT files, folders (searched for every format a reader knows), @LIST\n"
    "     files (one path per line) and the manifest's rows (a path column and any label columns) — analysed with\n"
    "     the model and methods (the card's default set without --method; with --cf-target and no cf-* method,\n"
    "     cf-parametric too) into STORE.sqlite: the prediction, warnings, measurements, each method's evidence\n"
    "     per lead and wave and its beat-aligned profile, counterfactual deltas, scorecards with --quality, whole\n"
    "     maps with --full-maps. One transaction per record: a run stopped at any point (Ctrl-C, kill -9, a power\n"
    "     cut) is resumed by running the same command again; nothing is lost or counted twice. A record that cannot\n"
    "     be read or analysed is stored with its reason and the run goes on. --shard K/N analyses every N-th record\n"
    "     from the K-th (1 <= K <= N): one task of a job array, each with its own store.\n"
    "     Exit status: 0 when some record was analysed (or all were already stored), 1 when every record failed,\n"
    "     2 for a usage error, 130 when interrupted.\n"
    "merge: the stores' records joined into OUT.sqlite (created when absent); refused when a store was made with\n"
    "     another model, method set, counterfactual target or schema version. A record already in OUT stays as it is.\n"
    "report: the population in DIR/cohort-report.json (and DIR/cohort-report.pdf where execg-cli has the report\n"
    "     renderer): the predictions' distribution; per method the share of evidence per wave and lead (box-plot\n"
    "     figures) overall and per group, the beat-aligned mean evidence per lead under the mean median beat; the\n"
    "     methods' agreement; counterfactual changes with median, 95 % CI, Wilcoxon signed-rank and Holm; a headline\n"
    "     per group and method. Groups: the predicted class, or bands of the prediction (quartiles, or --bins), or\n"
    "     --by a manifest column (bands of it when numeric). A store still being filled can be reported on.\n"
    "     --tcav runs concept tests (built-in names, folders or TABLE.csv:COLUMN, as execg-cli tcav takes them) with\n"
    "     each group's own ECGs as the inputs (up to --tcav-inputs, default 50, spread over the group), towards the\n"
    "     output the group was most often predicted (or --tcav-target); the model is the store's (--model when it\n"
    "     has moved; its SHA-256 must match). Random sets come from built-in ordinary ECGs, or from\n"
    "     --tcav-random-pool DIR, which a concept read from files needs (against generated ECGs it is unreliable).\n";

std::string methodName(const MethodChoice& c)
{
    std::string name = c.method;
    char separator = ':';
    for (const auto& [k, v] : c.parameters) {
        name += separator + k + "=" + v;
        separator = ',';
    }
    return name;
}

std::string duration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return "?";
    const long s = std::lround(seconds);
    char text[32];
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%ld h %02ld min", s / 3600, (s % 3600) / 60);
    else if (s >= 60)
        std::snprintf(text, sizeof text, "%ld min %02ld s", s / 60, s % 60);
    else
        std::snprintf(text, sizeof text, "%ld s", s);
    return text;
}

int runCohortRun(const std::vector<std::string>& words)
{
    CliArgs args(words, {"quality", "full-maps"});
    auto known = rawArrayOptionNames();
    known.insert(known.end(), modelOptionNames().begin(), modelOptionNames().end());
    known.insert(known.end(), {"db", "method", "manifest", "path-column", "shard", "cf-target", "cf-output", "quality",
                               "full-maps", "start"});
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("cohort run: unknown option --" + bad.front());
    if (!args.has("model") || !args.has("db"))
        throw UsageError("cohort run: give --model M.pt and --db STORE.sqlite (execg-cli cohort --help)");
    if (args.positional().empty() && !args.has("manifest"))
        throw UsageError("cohort run: give the recordings: files, folders, @LIST files or --manifest FILE.csv");
    if (args.has("cf-output") && !args.has("cf-target"))
        throw UsageError("cohort run: --cf-output needs --cf-target");

    CohortInputs all;
    Shard shard;
    try {
        all = collectCohortInputs(args.value("manifest").value_or(""), args.positional(), args.value("path-column").value_or(""));
        if (const auto s = args.value("shard"))
            shard = parseShard(*s);
    } catch (const CohortInputError& e) {
        throw UsageError(std::string("cohort run: ") + e.what());
    }
    if (all.inputs.empty())
        throw UsageError("cohort run: no recordings found in what was given");
    const auto inputs = shardOf(all.inputs, shard);

    const std::string modelPath = *args.value("model");
    const int threads = configureThreadsFromArgs(args, "cohort run");
    const auto model = std::make_shared<const TorchModel>(modelPath, modelCardFromArgs(args, "cohort run", modelPath));
    CohortRunOptions options;
    for (const auto& spec : methodSpecs(args, model->card(), "cohort run"))
        options.methods.push_back(spec.choice);
    const bool anyCounterfactual = std::any_of(options.methods.begin(), options.methods.end(),
                                               [](const MethodChoice& c) { return isCounterfactualMethod(c.method); });
    if (args.has("cf-target")) {
        options.counterfactualTarget = counterfactualTarget(args, model->card());
        if (!anyCounterfactual)
            options.methods.push_back({"cf-parametric", {}});
    } else if (anyCounterfactual)
        throw UsageError("cohort run: a cf-* method needs --cf-target VALUE");
    for (const auto& m : options.methods)
        options.methodNames.push_back(methodName(m));
    options.adapt = adaptOptionsFromArgs(args);
    options.read.raw = rawArrayHints(args);
    options.quality = args.has("quality");
    options.fullMaps = args.has("full-maps");

    std::string cfText;
    if (options.counterfactualTarget)
        cfText = *args.value("cf-target") + (args.has("cf-output") ? " @" + *args.value("cf-output") : "");
    CohortStore store = CohortStore::openForRun(*args.value("db"), cohortIdentity(*model, modelPath, options.methodNames, cfText,
                                                                                  all.labelColumns));
    std::cout << "cohort: " << all.inputs.size() << " recordings";
    if (shard.count > 1)
        std::cout << ", shard " << shard.index << "/" << shard.count << ": " << inputs.size();
    std::cout << "; model " << model->card().name << " (sha256 " << model->sha256().substr(0, 12) << "…); methods:";
    for (const auto& n : options.methodNames)
        std::cout << " " << n;
    std::cout << "; " << threads << " threads\n  store " << store.path() << "\n" << std::flush;

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    // A terminal gets one status line rewritten in place; a log (a cluster job's) a line every 5 % or 30 s.
    const bool terminal = isatty(STDOUT_FILENO);
    auto lastLine = std::chrono::steady_clock::now();
    int lastPercent = -1;
    options.progress = [&](const CohortProgress& p) {
        if (!p.lastError.empty())
            std::cout << (terminal ? "\r\033[K" : "") << "  failed: " << p.lastError << "\n";
        char line[200];
        std::snprintf(line, sizeof line, "  %d/%d (%d %%), %.0f/min, %s elapsed, ETA %s, %d failed", p.done, p.total,
                      p.total ? 100 * p.done / p.total : 100, p.perMinute, duration(p.elapsedS).c_str(), duration(p.etaS).c_str(),
                      p.failed);
        const auto now = std::chrono::steady_clock::now();
        const int percent = p.total ? 100 * p.done / p.total : 100;
        if (terminal)
            std::cout << "\r\033[K" << line << std::flush;
        else if (percent / 5 != lastPercent / 5 || now - lastLine > std::chrono::seconds(30) || p.done == p.total) {
            std::cout << line << "\n" << std::flush;
            lastLine = now;
            lastPercent = percent;
        }
        return !interrupted.load();
    };
    const CohortRunSummary summary = runCohort(store, inputs, model, modelPath, options);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (terminal && summary.analysed + summary.failed > 0)
        std::cout << "\n";
    const CohortCounts counts = store.counts();
    std::cout << "cohort: " << summary.analysed << " analysed, " << summary.failed << " failed in " << duration(summary.seconds);
    if (summary.alreadyStored)
        std::cout << "; " << summary.alreadyStored << " already in the store";
    std::cout << "\n  the store holds " << counts.records << " records: " << counts.analysed << " analysed, " << counts.failed
              << " failed\n";
    if (summary.stopped) {
        std::cout << "  interrupted: run the same command again to go on\n";
        return 130;
    }
    if (summary.analysed == 0 && summary.failed > 0) {
        std::cerr << "execg-cli: cohort run: every record failed (" << summary.failed << "); the reasons are in the store and above\n";
        return 1;
    }
    return 0;
}

int runCohortMerge(const std::vector<std::string>& words)
{
    CliArgs args(words, {});
    if (const auto bad = args.unknown({"db"}); !bad.empty())
        throw UsageError("cohort merge: unknown option --" + bad.front());
    if (!args.has("db") || args.positional().empty())
        throw UsageError("cohort merge: give --db OUT.sqlite and the stores to merge");
    // A new store takes the first source's identity; an existing one keeps its own, and every source must match it.
    const std::string outPath = *args.value("db");
    const CohortIdentity identity = std::filesystem::exists(outPath) ? CohortStore::openToRead(outPath).identity()
                                                                     : CohortStore::openToRead(args.positional().front()).identity();
    CohortStore out = CohortStore::openForRun(outPath, identity);
    const auto [copied, present] = out.merge(args.positional());
    const CohortCounts counts = out.counts();
    std::cout << "cohort merge: " << copied << " records copied from " << args.positional().size() << " stores";
    if (present)
        std::cout << ", " << present << " already in " << out.path() << " (left as they were)";
    std::cout << "\n  " << out.path() << " holds " << counts.records << " records: " << counts.analysed << " analysed, "
              << counts.failed << " failed\n";
    return 0;
}

std::vector<double> binsFromArgs(const CliArgs& args)
{
    std::vector<double> bins;
    if (const auto text = args.value("bins")) {
        std::stringstream in(*text);
        for (std::string part; std::getline(in, part, ',');) {
            try {
                std::size_t used = 0;
                bins.push_back(std::stod(part, &used));
                if (used != part.size())
                    throw std::invalid_argument(part);
            } catch (const std::exception&) {
                throw UsageError("cohort report: --bins expects ascending numbers separated by commas, got '" + *text + "'");
            }
            if (bins.size() > 1 && !(bins.back() > bins[bins.size() - 2]))
                throw UsageError("cohort report: --bins must ascend, got '" + *text + "'");
        }
    }
    return bins;
}

// Concept tests per group with the store's model (its SHA-256 checked: the figures must be that model's).
void addTcav(const CliArgs& args, CohortReport& report)
{
    const std::string modelPath = args.value("model").value_or(report.identity.modelFile);
    configureThreadsFromArgs(args, "cohort report");
    const TorchModel model(modelPath, modelCardFromArgs(args, "cohort report", modelPath));
    if (model.sha256() != report.identity.modelSha256)
        throw UsageError("cohort report: " + modelPath + " is not the model the store was made with (SHA-256 " +
                         model.sha256().substr(0, 12) + "…, the store's " + report.identity.modelSha256.substr(0, 12) +
                         "…); give that model with --model");
    CohortTcavOptions o;
    o.concepts = args.values("tcav");
    o.layers = args.values("tcav-layer");
    o.runs = args.integer("tcav-runs").value_or(20);
    o.examples = args.integer("tcav-examples").value_or(50);
    o.inputsPerGroup = args.integer("tcav-inputs").value_or(50);
    o.randomPool = args.value("tcav-random-pool").value_or("");
    if (o.runs < 2 || o.examples < 10 || o.inputsPerGroup < 10)
        throw UsageError("cohort report: --tcav-runs must be at least 2, --tcav-examples and --tcav-inputs at least 10");
    if (const auto t = args.value("tcav-target")) {
        o.target = outputIndex(model.card(), *t);
        if (!o.target)
            throw UsageError("cohort report: --tcav-target " + *t + " is neither an output label nor an index of the model");
    }
    try {
        addCohortTcav(report, model, o);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("cohort report: ") + e.what());
    }
}

int runCohortReport(const std::vector<std::string>& words)
{
    CliArgs args(words, {});
    if (const auto bad = args.unknown({"db", "out", "by", "bins", "tcav", "tcav-layer", "tcav-runs", "tcav-examples", "tcav-inputs",
                                       "tcav-target", "tcav-random-pool", "model", "threads"});
        !bad.empty())
        throw UsageError("cohort report: unknown option --" + bad.front());
    if (!args.has("db") || !args.has("out") || !args.positional().empty())
        throw UsageError("cohort report: give --db STORE.sqlite and --out DIR");
    const auto t0 = std::chrono::steady_clock::now();
    const CohortStore store = CohortStore::openToRead(*args.value("db"));
    CohortReportOptions options;
    options.byColumn = args.value("by").value_or("");
    options.bins = binsFromArgs(args);
    CohortReport report;
    try {
        report = buildCohortReport(store, options);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("cohort report: ") + e.what());
    }
    if (args.has("tcav"))
        addTcav(args, report);
    const std::filesystem::path dir(*args.value("out"));
    std::filesystem::create_directories(dir);
    const std::string jsonPath = (dir / "cohort-report.json").string();
    writeFileAtomically(jsonPath, cohortReportJson(report).dump(1) + "\n");
    std::cout << "cohort report: " << report.counts.records << " records (" << report.counts.analysed << " analysed, "
              << report.counts.failed << " failed); groups by " << report.grouping << "\n";
    for (const auto& h : report.headlines)
        std::cout << "  " << h << "\n";
    for (const auto& c : report.counterfactuals)
        std::cout << "  " << c.method << ": target reached in " << c.reached << " of " << c.records << "\n";
    for (const auto& t : report.tcav) {
        if (!t.error.empty()) {
            std::cout << "  TCAV, " << t.group << ": " << t.error << "\n";
            continue;
        }
        for (const auto& row : t.rows)
            std::cout << "  TCAV, " << t.group << " (" << t.inputs << " ECGs, " << t.targetLabel << "): " << row.conceptName << " at "
                      << row.layer << ": " << row.verdict << "\n";
    }
    std::cout << "wrote " << jsonPath << "\n";
#ifdef EXECG_CLI_REPORT
    const auto app = headlessGuiApplication();
    const std::string pdfPath = (dir / "cohort-report.pdf").string();
    std::string error;
    if (!writeCohortReportPdf(report, pdfPath, &error)) {
        std::cerr << "execg-cli: cohort report: " << error << "\n";
        return 1;
    }
    std::cout << "wrote " << pdfPath << "\n";
#endif
    std::cout << "  in " << duration(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()) << "\n";
    return 0;
}

} // namespace

int runCohort(const std::vector<std::string>& words)
{
    if (words.empty() || words.front() == "--help" || words.front() == "-h") {
        std::cout << kCohortUsage;
        return words.empty() ? 2 : 0;
    }
    const std::vector<std::string> rest(words.begin() + 1, words.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
        std::cout << kCohortUsage;
        return 0;
    }
    try {
        if (words.front() == "run")
            return runCohortRun(rest);
        if (words.front() == "merge")
            return runCohortMerge(rest);
        if (words.front() == "report")
            return runCohortReport(rest);
    } catch (const CohortStoreError& e) {
        std::cerr << "execg-cli: cohort " << words.front() << ": " << e.what() << "\n";
        return 1;
    }
    throw UsageError("cohort: unknown subcommand '" + words.front() + "' (run, merge, report)");
}

} // namespace execg::cli
