// What a command-line call costs before and around its work, wall time per process. Prints figures; never pass/fail.
//   bench_cli_startup [google-benchmark flags]
// execg-cli links no LibTorch; execg-cli-models does and pays its start-up (its operators register before main).
// The same `info` on the demo case through each shows that start-up; `predict` through execg-cli shows the hand-over
// (execv) on top of a model command's own cost.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace {

const std::string kDemo = EXECG_SOURCE_DIR "/resources/demo/demo_hyperkalaemia.hea";
const std::string kModel = EXECG_SOURCE_DIR "/resources/models/potassium.pt";

// Runs the program with its output to /dev/null; throws unless it exits 0.
void run(std::vector<std::string> args)
{
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (error != 0)
        throw std::runtime_error("cannot start " + args[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(args[0] + " " + args[1] + " failed");
}

void BM_Info_Cli(benchmark::State& state)
{
    for (auto _ : state)
        run({EXECG_CLI_PATH, "info", kDemo});
}

void BM_Info_CliModels(benchmark::State& state)
{
    for (auto _ : state)
        run({EXECG_CLI_MODELS_PATH, "info", kDemo});
}

void BM_Predict_ThroughCli(benchmark::State& state)
{
    for (auto _ : state)
        run({EXECG_CLI_PATH, "predict", "--model", kModel, "--threads", "2", kDemo});
}

void BM_Predict_CliModels(benchmark::State& state)
{
    for (auto _ : state)
        run({EXECG_CLI_MODELS_PATH, "predict", "--model", kModel, "--threads", "2", kDemo});
}

} // namespace

BENCHMARK(BM_Info_Cli)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(20);
BENCHMARK(BM_Info_CliModels)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(10);
BENCHMARK(BM_Predict_ThroughCli)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);
BENCHMARK(BM_Predict_CliModels)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

BENCHMARK_MAIN();
