// execg-cli predict: a TorchScript model (with its card, or a bare .pt described by flags) on one or more
// recordings; every result names the model by SHA-256 and carries the warnings a reader must see first.
#include "CliArgs.h"
#include "CliFormat.h"
#include "Commands.h"
#include "ModelArgs.h"

#include "analysis/ResultsJson.h"
#include "analysis/torch/CaseAnalysis.h"
#include "io/NumberText.h"
#include "model/ModelCard.h"
#include "model/ModelInputAdapter.h"
#include "model/Prediction.h"
#include "model/torch/TorchModel.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace execg::cli {

namespace {

using nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kBatch = 16;

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

struct Item {
    std::string file;
    int group = 0;
    FittedCase fitted;   // its windows (one unless the card covers the whole recording)
    Prediction prediction;
    std::vector<float> raw;
    std::shared_ptr<const Recording> recording;   // with --uncertainty only
    std::optional<UncertaintyResult> uncertainty;   // with --uncertainty
    std::string error;   // could not be read or fitted
};

ordered_json round3(double v) { return std::round(v * 1000.0) / 1000.0; }

ordered_json toJson(const TorchModel& model, int threads, double loadMs, double inferMs, const std::vector<Item>& items)
{
    const ModelCard& card = model.card();
    ordered_json j;
    j["model"] = {{"name", card.name}, {"version", card.version}, {"file", model.path()}, {"sha256", model.sha256()},
                  {"task", toString(card.task)}, {"activation", toString(card.activation)}, {"demo", card.demo}};
    if (card.demo)
        j["model"]["notice"] = kDemoModelNotice;
    j["model"]["warnings"] = card.warnings;
    ordered_json results = ordered_json::array();
    int done = 0;
    for (const auto& it : items) {
        ordered_json r;
        r["file"] = it.file;
        if (!it.error.empty()) {
            r["error"] = it.error;
            results.push_back(r);
            continue;
        }
        ++done;
        r["group"] = it.group;
        const auto& first = it.fitted.windows.front();
        const auto& last = it.fitted.windows.back();
        r["window_start_s"] = round3(double(first.sourceFirst) / first.sourceRateHz);
        r["window_end_s"] = round3(double(last.sourceFirst + last.sourceCount) / last.sourceRateHz);
        r["windows"] = it.fitted.windows.size();
        if (!it.prediction.problem.empty())
            r["problem"] = it.prediction.problem;
        ordered_json outs = ordered_json::array();
        for (const auto& o : it.prediction.outputs) {
            ordered_json oj{{"label", o.label}, {"value", o.value}, {"raw", o.raw}};
            if (!o.unit.empty())
                oj["unit"] = o.unit;
            oj["kind"] = o.probability ? "probability" : (card.task == ModelTask::Regression ? "value" : "score");
            outs.push_back(oj);
        }
        r["outputs"] = outs;
        r["warnings"] = it.prediction.warnings;
        if (it.uncertainty)
            r["uncertainty"] = uncertaintyJson(*it.uncertainty);
        if (card.demo)
            r["notice"] = kDemoModelNotice;
        results.push_back(r);
    }
    j["results"] = results;
    j["timing"] = {{"threads", threads}, {"load_and_warm_up_ms", round3(loadMs)}, {"inference_ms", round3(inferMs)},
                   {"per_recording_ms", done ? round3(inferMs / done) : ordered_json(nullptr)}};
    return j;
}


void printText(std::ostream& out, const TorchModel& model, int threads, double loadMs, double inferMs,
               const std::vector<Item>& items)
{
    const ModelCard& card = model.card();
    out << "model: " << card.name;
    if (!card.version.empty() && card.version != "unknown")
        out << ", version " << card.version;
    out << "\n  file " << model.path() << "\n  sha256 " << model.sha256() << "\n";
    if (card.demo)
        out << "  " << kDemoModelNotice << "\n";
    for (const auto& w : card.warnings)
        out << "  warning: " << w << "\n";
    int done = 0;
    for (const auto& it : items) {
        out << "\n" << it.file;
        if (!it.error.empty()) {
            out << "\n  error: " << it.error << "\n";
            continue;
        }
        ++done;
        char window[96];
        std::snprintf(window, sizeof window, "  (group %d, window %.2f–%.2f s)\n", it.group,
                      double(it.fitted.windows.front().sourceFirst) / it.fitted.windows.front().sourceRateHz,
                      double(it.fitted.windows.back().sourceFirst + it.fitted.windows.back().sourceCount) /
                          it.fitted.windows.back().sourceRateHz);
        out << window;
        if (!it.prediction.problem.empty())
            out << "  no result: " << it.prediction.problem << "\n";
        for (const auto& o : it.prediction.outputs)
            out << "  " << o.label << ": " << formatOutputValue(o) << "\n";
        if (it.uncertainty) {
            out << "  " << it.uncertainty->label << ", under the recording's own variation (" << it.uncertainty->draws
                << " draws): " << it.uncertainty->verdict << "\n";
            for (const auto& s : it.uncertainty->sources)
                out << "    " << s.name << ": "
                    << (s.draws ? fixedDecimals(s.low, 2) + "–" + fixedDecimals(s.high, 2) + " (" + s.note + ")" : s.note) << "\n";
            for (const auto& w : it.uncertainty->warnings)
                out << "  warning: " << w << "\n";
        }
        if (card.demo)
            out << "  " << kDemoModelNotice << "\n";
        for (const auto& w : it.prediction.warnings)
            if (std::find(card.warnings.begin(), card.warnings.end(), w) == card.warnings.end())
                out << "  warning: " << w << "\n";
    }
    char timing[160];
    std::snprintf(timing, sizeof timing, "\ntiming: %d threads; load and warm-up %.0f ms; inference %.1f ms (%.1f ms per recording)\n",
                  threads, loadMs, inferMs, done ? inferMs / done : 0.0);
    out << timing;
}

} // namespace

int runPredict(const std::vector<std::string>& words)
{
    CliArgs args(words, {"json", "uncertainty"});
    auto known = rawArrayOptionNames();
    known.insert(known.end(), modelOptionNames().begin(), modelOptionNames().end());
    known.insert(known.end(), {"json", "group", "start", "uncertainty"});
    if (const auto bad = args.unknown(known); !bad.empty())
        throw UsageError("predict: unknown option --" + bad.front());
    if (!args.has("model") || args.positional().empty())
        throw UsageError("predict: give --model M.pt and at least one FILE");
    const std::string modelPath = *args.value("model");
    const AdaptOptions adapt = adaptOptionsFromArgs(args);
    const int threads = configureThreadsFromArgs(args, "predict");
    ModelCard card = modelCardFromArgs(args, "predict", modelPath);
    auto t0 = Clock::now();
    const auto shared = std::make_shared<const TorchModel>(modelPath, std::move(card));
    const TorchModel& model = *shared;
    const double loadMs = msSince(t0);

    std::vector<Item> items;
    for (const auto& file : args.positional()) {
        Item it;
        it.file = file;
        try {
            GroupInFile in = readGroup(args, file);
            it.group = in.index;
            it.fitted.windows = fitToModel(in, model.card(), adapt);
            // Kept only for the stability check: a call over thousands of recordings holds just their windows.
            if (args.has("uncertainty"))
                it.recording = std::make_shared<const Recording>(std::move(in.recording));
            it.fitted.input = it.fitted.windows.front();
        } catch (const UsageError&) {
            throw;
        } catch (const std::exception& e) {
            it.error = e.what();
        }
        items.push_back(std::move(it));
    }
    double inferMs = 0.0;
    std::vector<Item*> ready;
    for (auto& it : items)
        if (it.error.empty())
            ready.push_back(&it);
    for (std::size_t first = 0; first < ready.size(); first += kBatch) {
        const std::size_t last = std::min(ready.size(), first + kBatch);
        std::vector<const FittedCase*> batch;
        for (std::size_t k = first; k < last; ++k)
            batch.push_back(&ready[k]->fitted);
        t0 = Clock::now();
        auto results = CaseAnalysis::predictBatch(model, batch);
        inferMs += msSince(t0);
        for (std::size_t k = first; k < last; ++k) {
            ready[k]->prediction = std::move(results[k - first].prediction);
            ready[k]->raw = std::move(results[k - first].raw);
        }
    }
    // The spread of each prediction under its recording's own variation (tens of model calls a recording: asked for).
    if (args.has("uncertainty"))
        for (Item* it : ready) {
            if (!it->prediction.problem.empty())
                continue;
            try {
                const CaseAnalysis analysis(it->recording, it->group, shared, {it->file, modelPath, {}});
                const FittedCase fitted = analysis.fit(adapt);
                it->uncertainty = analysis.uncertainty(fitted, {it->raw, it->prediction}, predictedTarget(it->raw), adapt);
            } catch (const std::exception& e) {
                it->prediction.warnings.push_back(std::string("no uncertainty: ") + e.what());
            }
        }
    if (args.has("json"))
        std::cout << toJson(model, threads, loadMs, inferMs, items).dump(2) << "\n";
    else
        printText(std::cout, model, threads, loadMs, inferMs, items);
    for (const auto& it : items)
        if (!it.error.empty() || !it.prediction.problem.empty())
            return 1;
    return 0;
}

} // namespace execg::cli
