// execg-cli report: one PDF report (and its JSON, and on request a PNG of the chart page) per recording, for files
// and folders in a batch; progress on stderr; a bad file is reported and skipped, and the exit code says whether
// every case succeeded. Runs without a display (Qt's offscreen platform).
#include "CliArgs.h"
#include "CliFormat.h"
#include "Commands.h"
#include "MethodSpecs.h"
#include "ModelArgs.h"
#include "QualityReport.h"

#include "explain/Explainer.h"
#include "explain/WaveSummary.h"
#include "io/AtomicFile.h"
#include "io/ReaderRegistry.h"
#include "render/EvidenceText.h"
#include "io/dicom/DicomEcgReader.h"
#include "model/Prediction.h"
#include "model/torch/TorchModel.h"
#include "render/ChartPage.h"
#include "render/PdfReport.h"
#include "render/ReportAssembly.h"
#include "render/Text.h"

#include <QGuiApplication>
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
  --page a4|letter     --deidentify     --png, --svg (the chart page as an image or as vectors)
  --quality [--truth FILE.json]     each map's scorecard (faithfulness, sanity, stability, agreement;
                                    localisation on synthetic records) as a report page and in the JSON
  --group N  --start S  --threads N  (and the --input-* flags of a bare .pt, see `execg-cli --help`)
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

// Files given, and every file a reader knows under folders given, in a stable order.
std::vector<std::string> inputFiles(const std::vector<std::string>& given)
{
    std::set<std::string> extensions;
    for (const auto& r : ReaderRegistry::instance().readers())
        for (const auto& e : r->extensions())
            extensions.insert(e);
    std::vector<std::string> files;
    for (const auto& g : given) {
        if (!fs::is_directory(g)) {
            files.push_back(g);
            continue;
        }
        std::vector<std::string> found;
        for (const auto& entry : fs::recursive_directory_iterator(g, fs::directory_options::skip_permission_denied)) {
            std::string ext = entry.path().extension().string();
            std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
            if (entry.is_regular_file() && extensions.count(ext))
                found.push_back(entry.path().string());
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

struct CaseResult {
    ordered_json json;
    bool methodFailed = false;
};

// One recording: read, fit, predict, explain, measure; the PDF, JSON and PNG written under `stem` in `outDir`.
CaseResult reportCase(const CliArgs& args, const TorchModel& model, const std::vector<MethodSpec>& specs,
                      const std::string& file, const fs::path& stem, const ReportLook& look)
{
    const ModelCard& card = model.card();
    AdaptOptions adapt;
    adapt.startSeconds = args.number("start").value_or(0.0);
    const GroupInFile in = readGroup(args, file);
    const AdaptedInput input = fitToModel(in, card, adapt);
    const auto raw = model.predict({input}).front();
    const Prediction prediction = interpretOutputs(card, model.sha256(), raw, input.warnings);
    if (!prediction.problem.empty())
        throw std::runtime_error(file + ": " + prediction.problem);
    const int target = targetFromArgs(args, card, raw, "report");
    const WaveSegmentation waves = segmentWaves(in.group());

    CaseResult result;
    ordered_json methods = ordered_json::array();
    std::vector<Explanation> explained;     // in the report, in order
    std::vector<QString> headlines;
    std::vector<std::size_t> explainedJson; // their entries in `methods`
    QStringList notes;
    for (const auto& spec : specs) {
        ordered_json m{{"method", spec.name}};
        try {
            ExplainOptions options;
            options.parameters = spec.parameters;
            Explanation e = runExplanation(spec.name, model, input, target, options);
            mapExplanationToRecording(e, input, in.group());
            const auto summary = summariseAttribution(e.recordingMap, in.group(), waves);
            m["parameters"] = e.parameters;
            m["runtime_ms"] = round6(e.runtimeMs);
            m["summary"] = attributionSummaryJson(summary);
            explainedJson.push_back(methods.size());
            headlines.push_back(evidenceHeadline(summary));
            explained.push_back(std::move(e));
        } catch (const ExplainError& e) {
            result.methodFailed = true;
            m["error"] = e.what();
            notes << QStringLiteral("%1 could not run: %2").arg(q(spec.name), q(e.what()));
        }
        methods.push_back(m);
    }
    // The explanation-quality scorecard of every method into the report and the JSON (as `explain --quality`).
    std::vector<quality::Scorecard> scorecards;
    std::vector<double> agreement(explained.size(), 0.0);
    if (args.has("quality")) {
        std::vector<std::string> truthNotes;
        const auto truth = loadGroundTruth(args, file, in.group(), truthNotes);
        for (const auto& n : truthNotes)
            notes << q(n);
        std::vector<std::vector<float>> maps;
        for (const auto& e : explained)
            maps.push_back(e.modelMap);
        agreement = quality::meanAgreement(quality::agreement(maps));
        const auto o = scorecardOptionsFor(card, truth);
        for (std::size_t k = 0; k < explained.size(); ++k) {
            scorecards.push_back(quality::scoreExplanation(model, input, explained[k], o));
            methods[explainedJson[k]]["quality"] = scorecardJson(scorecards.back(), agreement[k]);
        }
    }

    ReportCase rc;
    rc.recording = &in.recording;
    rc.group = in.index;
    rc.inputFile = q(file);
    rc.card = &card;
    rc.modelFile = q(*args.value("model"));
    rc.modelSha256 = q(model.sha256());
    rc.prediction = &prediction;
    rc.target = target;
    rc.input = &input;
    rc.notes = notes;
    rc.versions = {QStringLiteral("ExECG Studio " EXECG_VERSION), QStringLiteral("Qt ") + qVersion(), q(libtorchVersion()), q(dcmtkVersion())};
    for (std::size_t k = 0; k < explained.size(); ++k)
        rc.methods.push_back({&explained[k], headlines[k], scorecards.empty() ? nullptr : &scorecards[k], agreement[k],
                              ExplainerRegistry::instance().find(explained[k].method)->info().stochastic});
    ReportContent c = assembleReport(rc);
    c.chart = look.style;
    c.deidentify = args.has("deidentify");
    c.pageSize = look.page;
    c.scale = look.scale;
    c.absoluteScale = look.absoluteScale;
    c.overlay = look.overlay;
    c.colours = look.colours;
    const auto chosen = args.value("chart-method");
    for (std::size_t k = 0; chosen && k < c.methods.size(); ++k)
        if (c.methods[k].name == q(*chosen))
            c.chartMethod = int(k);

    const std::string pdf = stem.string() + ".pdf";
    QString error;
    if (!writePdfReport(c, q(pdf), &error))
        throw std::runtime_error(error.toStdString());
    ordered_json files = {{"pdf", pdf}};
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
        const std::string png = stem.string() + ".png";
        QSaveFile out(q(png));
        if (!out.open(QIODevice::WriteOnly) || !image.save(&out, "PNG") || !out.commit())
            throw std::runtime_error(png + ": cannot be written (" + out.errorString().toStdString() + ")");
        files["png"] = png;
    }
    if (args.has("svg")) {
        // The chart page as vectors, at true size (the SVG states its size in mm).
        const std::string svg = stem.string() + ".svg";
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
        files["svg"] = svg;
    }

    result.json = {{"file", file},
                   {"model", {{"name", card.name}, {"version", card.version}, {"sha256", model.sha256()}}},
                   {"prediction", ordered_json::array()},
                   {"target", card.outputs[std::size_t(target)].label},
                   {"warnings", prediction.warnings},
                   {"methods", methods},
                   {"files", files}};
    for (const auto& o : prediction.outputs)
        result.json["prediction"].push_back({{"label", o.label}, {"value", o.value}, {"unit", o.unit}});
    if (card.demo)
        result.json["model"]["notice"] = kDemoModelNotice;
    writeFileAtomically(stem.string() + ".json", result.json.dump(2) + "\n");
    return result;
}

} // namespace

int runReport(const std::vector<std::string>& words)
{
    CliArgs args(words, {"help", "deidentify", "png", "svg", "half-gain-chest", "quality"});
    if (args.has("help")) {
        std::cout << kHelp;
        return 0;
    }
    auto known = rawArrayOptionNames();
    known.insert(known.end(), modelOptionNames().begin(), modelOptionNames().end());
    known.insert(known.end(), {"help", "method", "target", "out", "group", "start", "chart-method", "layout", "order", "speed",
                               "gain", "half-gain-chest", "grid", "overlay", "colours", "scale", "page", "deidentify", "png",
                               "svg", "quality", "truth"});
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("report: unknown option --" + bad.front());
    if (!args.has("model") || !args.has("out") || args.positional().empty())
        throw UsageError("report: give --model M.pt, one or more FILEs or DIRs, and --out DIR");
    if (args.has("truth") && !args.has("quality"))
        throw UsageError("report: --truth needs --quality");
    // Painting text needs a QGuiApplication; without a display, the offscreen platform draws just the same.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "execg-cli";
    char* argv[] = {name, nullptr};
    QGuiApplication app(argc, argv);

    const std::string modelPath = *args.value("model");
    const fs::path outDir = *args.value("out");
    configureThreadsFromArgs(args, "report");
    const TorchModel model(modelPath, modelCardFromArgs(args, "report", modelPath));
    const auto specs = methodSpecs(args, model.card(), "report");
    const ReportLook look = lookFromArgs(args);
    const auto files = inputFiles(args.positional());
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
            auto r = reportCase(args, model, specs, file, outDir / stem, look);
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c0).count();
            r.json["runtime_ms"] = round6(ms);
            incomplete += r.methodFailed;
            std::cerr << (r.methodFailed ? "written, but a method failed" : "ok") << " (" << std::lround(ms) << " ms)\n";
            cases.push_back(r.json);
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
