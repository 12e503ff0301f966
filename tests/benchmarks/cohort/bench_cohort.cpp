// Issue 26: a cohort's cost on this machine — records per minute for read + predict + the card's default methods
// (no PDFs) into the SQLite store, the process's memory as the run goes on (it must stay flat: nothing is kept per
// record), the store's bytes per record, and the report's time over the store and over the store replicated to
// 10,000 records. Figures only, never pass/fail.
//   bench_cohort [records=1000] [rate-hz=500] [threads=2] [replicate-to=10000] [methods=card default, or a,b,c]
#include "cohort/CohortReport.h"
#include "cohort/torch/CohortRunner.h"
#include "explain/Explainer.h"
#include "io/WriterRegistry.h"
#include "model/ModelCard.h"
#include "model/torch/TorchModel.h"
#include "synth/EcgSynthesizer.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

using namespace execg;
namespace fs = std::filesystem;

namespace {

// VmRSS and VmHWM (peak) of this process, in MiB.
std::pair<double, double> memoryMiB()
{
    std::ifstream status("/proc/self/status");
    double rss = 0, hwm = 0;
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmRSS:", 0) == 0)
            rss = std::stod(line.substr(6)) / 1024.0;
        if (line.rfind("VmHWM:", 0) == 0)
            hwm = std::stod(line.substr(6)) / 1024.0;
    }
    return {rss, hwm};
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

std::uintmax_t storeBytes(const std::string& path)
{
    std::uintmax_t bytes = 0;
    for (const char* suffix : {"", "-wal", "-shm"})
        if (fs::exists(path + suffix))
            bytes += fs::file_size(path + suffix);
    return bytes;
}

} // namespace

int main(int argc, char** argv)
{
    const int records = argc > 1 ? std::atoi(argv[1]) : 1000;
    const double rateHz = argc > 2 ? std::atof(argv[2]) : 500.0;
    const int threads = argc > 3 ? std::atoi(argv[3]) : 2;
    const int replicateTo = argc > 4 ? std::atoi(argv[4]) : 10000;
    configureTorchThreads(threads);
    const fs::path dir = fs::temp_directory_path() / ("bench_cohort_" + std::to_string(::getpid()));
    fs::create_directories(dir / "in");

    const auto t0 = std::chrono::steady_clock::now();
    std::vector<CohortInput> inputs;
    const RecordingWriter& wfdb = *WriterRegistry::instance().byName("WFDB");
    for (int i = 0; i < records; ++i) {
        synth::SynthParams p;
        p.seed = std::uint64_t(i);
        p.samplingRateHz = rateHz;
        p.potassiumMmolL = 2.5 + 6.0 * (i % 97) / 96.0;
        const std::string file = (dir / "in" / ("r" + std::to_string(100000 + i) + ".hea")).string();
        wfdb.write(synth::generateEcg(p).recording, file);
        inputs.push_back({file, {{"k", std::to_string(p.potassiumMmolL)}}});
    }
    std::printf("cohort: %d synthetic ECGs, 10 s x 12 leads at %.0f Hz, written in %.1f s\n", records, rateHz, seconds(t0));

    const std::string modelPath = std::string(EXECG_SOURCE_DIR) + "/resources/models/potassium.pt";
    const auto model = std::make_shared<const TorchModel>(modelPath, loadModelCard(modelCardPathFor(modelPath)));
    CohortRunOptions options;
    std::vector<std::string> names;
    if (argc > 5) {
        std::stringstream list(argv[5]);
        for (std::string m; std::getline(list, m, ',');)
            names.push_back(m);
    } else {
        names = defaultExplainerNames(model->card());
    }
    for (const auto& n : names) {
        options.methods.push_back({n, {}});
        options.methodNames.push_back(n);
    }
    const std::string storePath = (dir / "cohort.sqlite").string();
    CohortStore store = CohortStore::openForRun(storePath, cohortIdentity(*model, modelPath, options.methodNames, "", {"k"}));
    const auto before = memoryMiB();
    std::printf("model: %s, %d threads; methods:", model->card().name.c_str(), threads);
    for (const auto& n : names)
        std::printf(" %s", n.c_str());
    std::printf("\nmemory before the run: RSS %.0f MiB\n", before.first);
    int nextReport = std::max(1, records / 10);
    options.progress = [&](const CohortProgress& p) {
        if (p.done == nextReport || p.done == p.total) {
            const auto m = memoryMiB();
            std::printf("  %6d records: %6.0f /min, RSS %.0f MiB (peak %.0f)\n", p.done, p.perMinute, m.first, m.second);
            nextReport += std::max(1, records / 10);
        }
        return true;
    };
    const auto t1 = std::chrono::steady_clock::now();
    const auto summary = runCohort(store, inputs, model, modelPath, options);
    const double runS = seconds(t1);
    std::printf("run: %d analysed, %d failed in %.1f s: %.0f records/min, %.1f ms/record\n", summary.analysed, summary.failed, runS,
                60.0 * records / runS, 1000.0 * runS / records);
    {
        // Closed, the store's journal is checkpointed into the file: what stays on disk.
        CohortStore closed = std::move(store);
    }
    std::printf("store: %.1f kB per record (%.1f MB for %d)\n", double(storeBytes(storePath)) / 1024.0 / records,
                double(storeBytes(storePath)) / 1e6, records);
    store = CohortStore::openToRead(storePath);

    auto t2 = std::chrono::steady_clock::now();
    auto report = buildCohortReport(store, {"k", {3.5, 5.0, 6.0}});
    const auto json = cohortReportJson(report).dump();
    std::printf("report over %d records (JSON, no PDF): %.2f s\n", records, seconds(t2));

    if (replicateTo > records) {
        // The same records again under other names, to time the report over a large store.
        const std::string bigPath = (dir / "big.sqlite").string();
        CohortStore big = CohortStore::openForRun(bigPath, store.identity());
        std::vector<CohortRecord> all;
        store.forEachRecord([&](const CohortRecord& r) { all.push_back(r); });
        const auto t3 = std::chrono::steady_clock::now();
        for (int i = 0; i < replicateTo; ++i) {
            CohortRecord r = all[std::size_t(i) % all.size()];
            r.input = "copy" + std::to_string(i) + "/" + r.input;
            big.add(r);
        }
        std::printf("replicated to %d records in %.1f s (%.1f ms per stored record)\n", replicateTo, seconds(t3),
                    1000.0 * seconds(t3) / replicateTo);
        t2 = std::chrono::steady_clock::now();
        report = buildCohortReport(big, {"k", {3.5, 5.0, 6.0}});
        const auto bigJson = cohortReportJson(report).dump();
        const auto m = memoryMiB();
        std::printf("report over %d records (JSON, no PDF): %.2f s; RSS %.0f MiB (peak %.0f)\n", replicateTo, seconds(t2), m.first,
                    m.second);
    }
    fs::remove_all(dir);
    return 0;
}
