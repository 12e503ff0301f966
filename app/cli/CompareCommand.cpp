// execg-cli compare: model against model on one recording — each model's prediction and evidence (one method), the
// difference of each model's lead × wave table from the first's with its reading in words, as JSON and as a PDF
// (a comparison page, then each model's 12-lead with its map on one colour scale). Runs without a display.
#include "AuditRecord.h"
#include "CliArgs.h"
#include "CliFormat.h"
#include "Commands.h"
#include "HeadlessGui.h"
#include "ModelArgs.h"

#include "analysis/ModelComparison.h"
#include "analysis/ResultsJson.h"
#include "analysis/torch/CaseAnalysis.h"
#include "io/AtomicFile.h"
#include "model/torch/TorchModel.h"
#include "render/ModelComparisonPdf.h"
#include "render/ReportAssembly.h"
#include "render/Text.h"

#include <filesystem>
#include <iostream>

namespace execg::cli {

namespace {

const char* kHelp = R"(execg-cli compare --model A.pt --model B.pt [--model C.pt]... FILE --out DIR [options]

Model against model on one recording: each model's prediction, where its evidence lies (the share of its
|attribution| per lead and wave) and how each model's table differs from the first model's, with the reading in
words ("B relies on the QRS complexes of V1 where A relies on the T waves of V2-V4"). Writes DIR/STEM-comparison.json
and DIR/STEM-comparison.pdf: the comparison page, then each model's 12-lead with its map as shares of its own
evidence, every model on one colour scale. Each model's analysis goes into the audit log.

  --method NAME        the explanation method compared (default integrated-gradients)
  --smooth MS          display smoothing of the maps (default 40; 0: none)   --map-view samples|waves
  --group N|rhythm|median  --start S  --lead NAME  --threads N
)";

} // namespace

int runCompare(const std::vector<std::string>& words)
{
    CliArgs args(words, {"help"});
    if (args.has("help")) {
        std::cout << kHelp;
        return 0;
    }
    auto known = rawArrayOptionNames();
    known.insert(known.end(), {"help", "model", "method", "out", "group", "start", "lead", "threads", "smooth", "map-view"});
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("compare: unknown option --" + bad.front());
    const auto models = args.values("model");
    if (models.size() < 2 || args.positional().size() != 1 || !args.has("out"))
        throw UsageError("compare: give two or more --model M.pt, one FILE and --out DIR");
    const std::string method = args.value("method").value_or("integrated-gradients");
    const MapDisplay display = mapDisplayFromArgs(args, "compare");
    const auto app = headlessGuiApplication();
    configureThreadsFromArgs(args, "compare");
    const std::string file = args.positional().front();
    GroupInFile in = readGroup(args, file);
    const int groupIndex = in.index;
    const auto recording = std::make_shared<const Recording>(std::move(in.recording));
    const AdaptOptions adapt = adaptOptionsFromArgs(args);

    std::vector<std::shared_ptr<const TorchModel>> loaded;
    std::vector<ResultsDocument> documents;
    std::vector<FittedCase> fitted;
    for (const auto& path : models) {
        const auto model = std::make_shared<const TorchModel>(path, loadModelCard(modelCardPathFor(path)));
        const CaseAnalysis analysis(recording, groupIndex, model, {file, path, {}});
        AnalysisRequest request;
        request.adapt = adapt;
        request.methods = {{method, {}}};
        FittedCase f;
        documents.push_back(analysis.run(request, &f));
        recordAudit(documents.back(), "execg-cli compare", "");
        std::cerr << path << ": " << documents.back().methods.front().headline << "\n";
        loaded.push_back(model);
        fitted.push_back(std::move(f));
    }
    std::vector<const ResultsDocument*> pointers;
    for (const auto& d : documents)
        pointers.push_back(&d);
    ModelComparisonReport report;
    try {
        report.comparison = compareModels(pointers, method);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(std::string("compare: ") + e.what());
    }
    for (std::size_t k = 0; k < documents.size(); ++k)
        report.charts.push_back(assembleReport(reportCaseFor(documents[k], *recording, loaded[k]->card(), fitted[k].input)));
    prepareComparisonCharts(report.charts, report.comparison, method, display, &fitted.front().waves);

    const std::filesystem::path out = *args.value("out");
    std::filesystem::create_directories(out);
    const std::string stem = (out / std::filesystem::path(file).stem()).string() + "-comparison";
    writeFileAtomically(stem + ".json", modelComparisonJson(report.comparison).dump(2) + "\n");
    QString error;
    if (!writeModelComparisonPdf(report, q(stem + ".pdf"), &error))
        throw std::runtime_error(error.toStdString());
    for (const auto& r : report.comparison.readings)
        std::cout << r << "\n";
    std::cout << "wrote " << stem << ".json and " << stem << ".pdf\n";
    return 0;
}

} // namespace execg::cli
