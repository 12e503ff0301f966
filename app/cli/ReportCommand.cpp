// execg-cli report: one PDF report (and its JSON, and on request a PNG of the chart page) per recording, for files
// and folders in a batch; progress on stderr; a bad file is reported and skipped, and the exit code says whether
// every case succeeded. Runs without a display (Qt's offscreen platform).
#include "AuditRecord.h"
#include "CliArgs.h"
#include "CliFormat.h"
#include "HeadlessGui.h"
#include "Commands.h"
#include "MethodSpecs.h"
#include "ModelArgs.h"
#include "QualityReport.h"

#include "analysis/ResultsJson.h"
#include "analysis/torch/CaseAnalysis.h"
#include "cohort/CohortInputs.h"
#include "io/AtomicFile.h"
#include "io/ReaderRegistry.h"
#include "model/torch/TorchModel.h"
#include "render/ChartPage.h"
#include "render/PdfReport.h"
#include "render/ReportAssembly.h"
#include "render/Text.h"

#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <set>

namespace execg::cli {

namespace {

using nlohmann::ordered_json;
namespace fs = std::filesystem;

const char* kHelp = R"(execg-cli report --model M.pt FILE|DIR... --out DIR [options]

One PDF report per recording (case summary, model card and its limits, prediction and warnings, the 12-lead
with the chosen method's map, comparison sheets, measurements, reproducibility appendix), its JSON, and with
--png / --svg the chart page as PNG / SVG. Folders are searched for every format the readers know. A bad file is reported
and skipped; the exit code is 1 when any case failed.

  --method NAME[:param=value,...]   repeatable; names and parameters as `execg-cli explain --help` lists them
                                    (default: saliency, integrated-gradients, smoothgrad, grad-cam, occlusion)
  --target T                        output label or index (default: the predicted one)
  --chart-method NAME               whose map the 12-lead page shows (default: the first method)
  --layout 3x4|3x4+1|3x4+3|6x2|12x1  (default 3x4+1)     --order standard|cabrera
  --speed 12.5|25|50 (mm/s)         --gain 5|10|20 (mm/mV)     --half-gain-chest
  --grid red|grey|none              --overlay band|trace|strip     --colours diverging|cividis|viridis
  --scale per-method|shared|VALUE   colour scale: each map's own, one for all methods (same units only), or a
                                    fixed value at full colour (default per-method: maps come in different units)
  --no-uncertainty                  skip the prediction's spread under the recording's own variation (noise,
                                    wander, a beat's shift; MC dropout) and its referral against the card's threshold
  --smooth MS                       display smoothing of the maps: a centred moving average MS wide (default
                                    %SMOOTH%; 0: none); the colour bar says so, the JSON keeps the map as computed
  --map-view samples|waves          waves: each wave's share of the evidence painted over the wave
  --page a4|letter     --deidentify     --png, --svg (the chart page as an image or as vectors)
  --quality [--truth FILE.json]     each map's scorecard (faithfulness, sanity, stability, agreement;
                                    localisation on synthetic records) as a report page and in the JSON
  --group N|rhythm|median  --start S  --lead NAME  --threads N  (and the --input-* flags of a bare .pt, see `execg-cli --help`)
)";

template <typename T>
T choice(const CliArgs& args, const std::string& name, const std::vector<std::pair<std::string, T>>& options, T fallback)
{
    const auto v = args.value(name);
    if (!v)
        return fallback;
    std::string names;
    for (const auto& [key, value] : options) {
        if (key == *v)
            return value;
        names += (names.empty() ? "" : ", ") + key;
    }
    throw UsageError("report: --" + name + " " + *v + " is not one of " + names);
}

// Everything about how the reports look, read and checked once before the first file.
struct ReportLook {
    PaperChartStyle style;
    QPageSize::PageSizeId page = QPageSize::A4;
    ReportScale scale = ReportScale::PerMethod;
    double absoluteScale = 1.0;
    OverlayMode overlay = OverlayMode::Band;
    ColourMapKind colours = ColourMapKind::Diverging;
    MapDisplay map;
};

ReportLook lookFromArgs(const CliArgs& args)
{
    ReportLook look;
    look.page = choice<QPageSize::PageSizeId>(args, "page", {{"a4", QPageSize::A4}, {"letter", QPageSize::Letter}}, look.page);
    if (const auto fixed = args.value("scale"); fixed && !fixed->empty() && (std::isdigit((unsigned char)fixed->front()) || fixed->front() == '.')) {
        look.scale = ReportScale::Absolute;
        look.absoluteScale = args.number("scale").value_or(0.0);
        if (!(look.absoluteScale > 0.0))
            throw UsageError("report: --scale " + *fixed + ": a fixed scale must be a positive number");
    } else {
        look.scale = choice<ReportScale>(args, "scale", {{"per-method", ReportScale::PerMethod}, {"shared", ReportScale::Shared}}, look.scale);
    }
    look.overlay = choice<OverlayMode>(args, "overlay", {{"band", OverlayMode::Band}, {"trace", OverlayMode::TraceColour}, {"strip", OverlayMode::Strip}},
                                       look.overlay);
    look.colours = choice<ColourMapKind>(args, "colours", {{"diverging", ColourMapKind::Diverging}, {"cividis", ColourMapKind::Cividis},
                                                           {"viridis", ColourMapKind::Viridis}},
                                         look.colours);
    look.map = mapDisplayFromArgs(args, "report");
    PaperChartStyle& s = look.style;
    s.layout = choice<ChartLayoutKind>(args, "layout", {{"3x4", ChartLayoutKind::ThreeByFour}, {"3x4+1", ChartLayoutKind::ThreeByFourPlusOne},
                                                        {"3x4+3", ChartLayoutKind::ThreeByFourPlusThree}, {"6x2", ChartLayoutKind::SixByTwo},
                                                        {"12x1", ChartLayoutKind::TwelveByOne}},
                                       s.layout);
    s.order = choice<LeadOrder>(args, "order", {{"standard", LeadOrder::Standard}, {"cabrera", LeadOrder::Cabrera}}, s.order);
    s.speedMmPerSecond = choice<double>(args, "speed", {{"12.5", 12.5}, {"25", 25.0}, {"50", 50.0}}, s.speedMmPerSecond);
    s.gainMmPerMillivolt = choice<double>(args, "gain", {{"5", 5.0}, {"10", 10.0}, {"20", 20.0}}, s.gainMmPerMillivolt);
    s.halfGainChest = args.has("half-gain-chest");
    s.grid = choice<GridStyle>(args, "grid", {{"red", GridStyle::ClinicalRed}, {"grey", GridStyle::NeutralGrey}, {"none", GridStyle::None}}, s.grid);
    return look;
}

struct CaseResult {
    ResultsDocument document;
    bool methodFailed = false;
};

// The PDF and, when asked, the chart page as PNG and SVG.
void writeReportFiles(const CliArgs& args, const ReportContent& c, const std::string& pdf, const std::string& png, const std::string& svg)
{
    QString error;
    if (!writePdfReport(c, q(pdf), &error))
        throw std::runtime_error(error.toStdString());
    const QSizeF pageMm = QPageSize(c.pageSize).size(QPageSize::Millimeter).transposed();
    if (args.has("png")) {
        // The chart page at 150 dpi: what a screen or a slide shows.
        const double pxPerMm = 150.0 / 25.4;
        QImage image(int(pageMm.width() * pxPerMm), int(pageMm.height() * pxPerMm), QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            paintReportChartPage(p, QRectF(QPointF(0, 0), image.size()), pxPerMm, c);
        }
        QSaveFile out(q(png));
        if (!out.open(QIODevice::WriteOnly) || !image.save(&out, "PNG") || !out.commit())
            throw std::runtime_error(png + ": cannot be written (" + out.errorString().toStdString() + ")");
    }
    if (args.has("svg")) {
        // The chart page as vectors, at true size (the SVG states its size in mm).
        QSaveFile out(q(svg));
        if (!out.open(QIODevice::WriteOnly))
            throw std::runtime_error(svg + ": cannot be written (" + out.errorString().toStdString() + ")");
        QSvgGenerator generator;
        generator.setOutputDevice(&out);
        generator.setResolution(254);   // 10 px per mm exactly, so the SVG states the page's true size in mm
        const double pxPerMm = generator.resolution() / 25.4;
        generator.setSize(QSize(int(pageMm.width() * pxPerMm), int(pageMm.height() * pxPerMm)));
        generator.setViewBox(QRect(QPoint(0, 0), generator.size()));
        generator.setTitle(QStringLiteral("ExECG Studio chart"));
        {
            QPainter p(&generator);
            paintReportChartPage(p, QRectF(QPointF(0, 0), QSizeF(generator.size())), pxPerMm, c);
        }
        if (!out.commit())
            throw std::runtime_error(svg + ": cannot be written (" + out.errorString().toStdString() + ")");
    }
}

// One recording: read, fit, predict, explain, measure; the PDF, JSON and PNG written under `stem` in `outDir`.
CaseResult reportCase(const CliArgs& args, const std::shared_ptr<const TorchModel>& model, const std::vector<MethodSpec>& specs,
                      const std::string& file, const fs::path& stem, const ReportLook& look, int threads)
{
    GroupInFile in = readGroup(args, file);
    const int groupIndex = in.index;
    const auto recording = std::make_shared<const Recording>(std::move(in.recording));
    const CaseAnalysis analysis(recording, groupIndex, model, {file, *args.value("model"), {}});
    AnalysisRequest request;
    request.adapt = adaptOptionsFromArgs(args);
    request.target = targetFromArgs(args, model->card(), "report");
    for (const auto& spec : specs)
        request.methods.push_back(spec.choice);
    request.quality = args.has("quality");
    request.uncertainty = !args.has("no-uncertainty");
    if (request.quality)
        request.truth = loadGroundTruth(args, file, analysis.group(), request.qualityNotes);
    FittedCase fitted;
    CaseResult result;
    result.document = analysis.run(request, &fitted);
    result.document.threads = threads;
    for (const auto& m : result.document.methods)
        result.methodFailed = result.methodFailed || !m.error.empty() || !m.scoreError.empty();

    const ReportCase rc = reportCaseFor(result.document, *recording, model->card(), fitted.input);
    ReportContent c = assembleReport(rc);
    c.chart = look.style;
    c.deidentify = args.has("deidentify");
    c.pageSize = look.page;
    c.scale = look.scale;
    c.absoluteScale = look.absoluteScale;
    c.overlay = look.overlay;
    c.colours = look.colours;
    applyMapDisplay(c, look.map, &fitted.waves);
    const auto chosen = args.value("chart-method");
    for (std::size_t k = 0; chosen && k < c.methods.size(); ++k)
        if (c.methods[k].name == q(*chosen))
            c.chartMethod = int(k);

    // The results document first, then its entry in the audit trail, then the report that cites that entry.
    const std::string pdf = stem.string() + ".pdf", png = stem.string() + ".png", svg = stem.string() + ".svg";
    const std::string json = stem.string() + ".json";
    std::map<std::string, std::string>& files = result.document.files;
    files["pdf"] = pdf;
    if (args.has("png"))
        files["png"] = png;
    if (args.has("svg"))
        files["svg"] = svg;
    writeResultsFile(result.document, json);
    c.audit = recordAudit(result.document, "execg-cli report", json);
    try {
        writeReportFiles(args, c, pdf, png, svg);
    } catch (...) {
        // No results document that names a report which is not there.
        std::error_code ignored;
        fs::remove(json, ignored);
        throw;
    }
    return result;
}

} // namespace

int runReport(const std::vector<std::string>& words)
{
    CliArgs args(words, {"help", "deidentify", "png", "svg", "half-gain-chest", "quality", "no-uncertainty"});
    if (args.has("help")) {
        std::string help = kHelp;
        help.replace(help.find("%SMOOTH%"), 8, std::to_string(int(kDefaultSmoothingMs)) + " ms");
        std::cout << help;
        return 0;
    }
    auto known = rawArrayOptionNames();
    known.insert(known.end(), modelOptionNames().begin(), modelOptionNames().end());
    known.insert(known.end(), {"help", "method", "target", "out", "group", "start", "chart-method", "layout", "order", "speed",
                               "gain", "half-gain-chest", "grid", "overlay", "colours", "scale", "page", "deidentify", "png",
                               "svg", "quality", "truth", "smooth", "map-view", "no-uncertainty"});
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("report: unknown option --" + bad.front());
    if (!args.has("model") || !args.has("out") || args.positional().empty())
        throw UsageError("report: give --model M.pt, one or more FILEs or DIRs, and --out DIR");
    if (args.has("truth") && !args.has("quality"))
        throw UsageError("report: --truth needs --quality");
    const auto app = headlessGuiApplication();

    const std::string modelPath = *args.value("model");
    const fs::path outDir = *args.value("out");
    const int threads = configureThreadsFromArgs(args, "report");
    const auto model = std::make_shared<const TorchModel>(modelPath, modelCardFromArgs(args, "report", modelPath));
    const auto specs = methodSpecs(args, model->card(), "report");
    for (const auto& spec : specs)
        if (isCounterfactualMethod(spec.choice.method))
            throw UsageError("report: " + spec.choice.method + " is a counterfactual generator; `execg-cli explain` runs those");
    const ReportLook look = lookFromArgs(args);
    std::vector<std::string> files;
    try {
        files = recordingFilesIn(args.positional());
    } catch (const CohortInputError& e) {
        throw UsageError(std::string("report: ") + e.what());
    }
    if (files.empty())
        throw UsageError("report: no recordings found in the files and folders given");
    fs::create_directories(outDir);

    const auto t0 = std::chrono::steady_clock::now();
    ordered_json cases = ordered_json::array();
    std::set<std::string> stems;
    int failed = 0, incomplete = 0;   // no report; a report with a method that could not run
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& file = files[i];
        // Output names from the input's name; a second input of that name gets "-2".
        std::string stem = fs::path(file).stem().string();
        for (int n = 2; !stems.insert(stem).second; ++n)
            stem = fs::path(file).stem().string() + "-" + std::to_string(n);
        std::cerr << "[" << i + 1 << "/" << files.size() << "] " << file << " ... " << std::flush;
        const auto c0 = std::chrono::steady_clock::now();
        try {
            auto r = reportCase(args, model, specs, file, outDir / stem, look, threads);
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c0).count();
            incomplete += r.methodFailed;
            std::cerr << (r.methodFailed ? "written, but a method failed" : "ok") << " (" << std::lround(ms) << " ms)\n";
            ordered_json entry = resultsToJson(r.document);
            entry["runtime_ms"] = round6(ms);
            cases.push_back(entry);
        } catch (const std::exception& e) {
            ++failed;
            std::cerr << "failed: " << e.what() << "\n";
            cases.push_back({{"file", file}, {"error", e.what()}});
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const ordered_json summary = {{"cases", cases},
                                  {"reports", int(files.size()) - failed},
                                  {"failed", failed},
                                  {"with_a_failed_method", incomplete},
                                  {"seconds", round6(seconds)},
                                  {"records_per_minute", round6(60.0 * double(files.size()) / std::max(seconds, 1e-9))}};
    writeFileAtomically((outDir / "report-summary.json").string(), summary.dump(2) + "\n");
    std::cout << files.size() - std::size_t(failed) << " of " << files.size() << " reports written to " << outDir.string()
              << " in " << std::lround(seconds * 10) / 10.0 << " s (" << std::lround(60.0 * double(files.size()) / std::max(seconds, 1e-9))
              << " records/min)" << (failed ? "; " + std::to_string(failed) + " failed" : "")
              << (incomplete ? "; " + std::to_string(incomplete) + " with a method that could not run" : "") << "\n";
    return failed || incomplete ? 1 : 0;
}

} // namespace execg::cli
