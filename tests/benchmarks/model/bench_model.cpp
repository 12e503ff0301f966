// Model inference speed: forward (TorchModel::predict, as the app calls it) and forward + input gradient (what the
// attribution methods pay per step) at batch 1 and 50, at 1 and 2 threads, for the Captum reference model and the
// shipped demo models. Figures only, never pass/fail.
//   bench_model [google-benchmark flags]
//   LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas bench_model   # the same with Debian's reference BLAS
#include "model/ModelCard.h"
#include "model/torch/TorchModel.h"
#include "model/torch/TorchModelImpl.h"

#include <ATen/Parallel.h>
#include <torch/csrc/autograd/autograd.h>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>

using namespace execg;

namespace {

const char* kModels[] = {"captum", "af", "potassium", "autoencoder"};

ModelCard twelveLeadCard(const std::string& name)
{
    ModelCard c = inferredModelCard(name, 250, 2500);
    c.outputs.clear();
    return c;
}

std::string modelPath(int which)
{
    const std::string name = kModels[which];
    if (name == "captum")
        return std::string(EXECG_CORPUS_DIR) + "/../reference/captum/model.pt";
    if (name == "autoencoder")
        return std::string(EXECG_SOURCE_DIR) + "/resources/models/ecg_autoencoder.pt";
    return std::string(EXECG_SOURCE_DIR) + "/resources/models/" + name + ".pt";
}

// Loaded once per model. The autoencoder returns a record, not outputs, so it is run through its module only.
struct Loaded {
    std::unique_ptr<TorchModel> model;
    torch::jit::Module module;
};

const Loaded* load(int which)
{
    static std::map<int, Loaded> cache;
    if (auto it = cache.find(which); it != cache.end())
        return &it->second;
    const auto path = modelPath(which);
    if (!std::filesystem::exists(path))
        return nullptr;
    Loaded l;
    if (std::string(kModels[which]) == "autoencoder") {
        l.module = torch::jit::load(path);
        l.module.eval();
    } else {
        const auto cardPath = modelCardPathFor(path);
        l.model = std::make_unique<TorchModel>(path, std::filesystem::exists(cardPath) ? loadModelCard(cardPath)
                                                                                        : twelveLeadCard(path));
        l.module = l.model->impl().module;
    }
    return &cache.emplace(which, std::move(l)).first->second;
}

std::vector<AdaptedInput> randomBatch(int n)
{
    std::mt19937 rng(5);
    std::normal_distribution<float> mv(0.0f, 0.3f);
    std::vector<AdaptedInput> batch;
    batch.resize(std::size_t(n));
    for (auto& in : batch) {
        in.leads = 12;
        in.samples = 2500;
        in.values.resize(30000);
        for (auto& v : in.values)
            v = mv(rng);
    }
    return batch;
}

// Wall time per record (the benchmarks use real time: torch works on several threads), shown in seconds with an SI prefix ("4.1ms").
benchmark::Counter perRecord(int batch)
{
    return benchmark::Counter(double(batch), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// args: model, batch, threads
void BM_Forward(benchmark::State& state)
{
    const int which = int(state.range(0)), batch = int(state.range(1));
    at::set_num_threads(int(state.range(2)));
    const Loaded* l = load(which);
    if (!l) {
        state.SkipWithError((modelPath(which) + " not found").c_str());
        return;
    }
    const auto inputs = randomBatch(batch);
    const auto x = toTensor(inputs);
    auto module = l->module;
    for (auto _ : state) {
        if (l->model)
            benchmark::DoNotOptimize(l->model->predict(inputs));
        else {
            torch::InferenceMode inference;
            benchmark::DoNotOptimize(module.forward({x}).toTensor());
        }
    }
    state.SetLabel(std::string(kModels[which]) + " b" + std::to_string(batch) + " t" + std::to_string(state.range(2)));
    state.counters["per_record"] = perRecord(batch);
}

// Forward plus the gradient of the first output's sum with respect to the input only (as saliency, IG, SmoothGrad do).
void BM_ForwardInputGradient(benchmark::State& state)
{
    const int which = int(state.range(0)), batch = int(state.range(1));
    at::set_num_threads(int(state.range(2)));
    const Loaded* l = load(which);
    if (!l || !l->model) {
        state.SkipWithError("classifier not found");
        return;
    }
    const auto x0 = toTensor(randomBatch(batch));
    auto module = l->module;
    for (auto _ : state) {
        auto x = x0.clone().requires_grad_(true);
        const auto y = module.forward({x}).toTensor();
        const auto g = torch::autograd::grad({y.select(1, y.size(1) - 1).sum()}, {x});
        benchmark::DoNotOptimize(g[0].data_ptr<float>());
    }
    state.SetLabel(std::string(kModels[which]) + " b" + std::to_string(batch) + " t" + std::to_string(state.range(2)));
    state.counters["per_record"] = perRecord(batch);
}

// Every BLAS library mapped: the libblas.so.3 that LD_LIBRARY_PATH or Debian's alternatives chose comes first
// (OpenBLAS may be mapped as well, through liblapack).
std::string mappedBlas()
{
    std::ifstream maps("/proc/self/maps");
    std::vector<std::string> paths;
    for (std::string line; std::getline(maps, line);)
        if (line.find("blas") != std::string::npos && line.find('/') != std::string::npos) {
            const auto path = line.substr(line.find('/'));
            if (std::find(paths.begin(), paths.end(), path) == paths.end())
                paths.push_back(path);
        }
    std::string out;
    for (const auto& p : paths)
        out += (out.empty() ? "" : ", ") + p;
    return out.empty() ? "none mapped" : out;
}

} // namespace

BENCHMARK(BM_Forward)->ArgsProduct({{0, 1, 2, 3}, {1, 50}, {1, 2}})->Unit(benchmark::kMillisecond)->MinTime(1.0)->UseRealTime();
BENCHMARK(BM_ForwardInputGradient)->ArgsProduct({{0, 1, 2}, {1, 50}, {1, 2}})->Unit(benchmark::kMillisecond)->MinTime(1.0)->UseRealTime();

int main(int argc, char** argv)
{
    configureTorchThreads(2);
    benchmark::Initialize(&argc, argv);
    load(0);   // maps the BLAS the process really uses
    benchmark::AddCustomContext("blas", mappedBlas());
    benchmark::AddCustomContext("mkldnn", at::globalContext().userEnabledMkldnn() ? "enabled" : "disabled");
    benchmark::AddCustomContext("omp_wait_policy", std::getenv("OMP_WAIT_POLICY") ? std::getenv("OMP_WAIT_POLICY") : "unset");
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
