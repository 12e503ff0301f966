// The commands that run a model, as the front execg-cli has them: each hands the whole command line to
// execg-cli-models, which links LibTorch. Loading LibTorch costs a process ~0.7 s before main (its operators register
// at start-up); info, dump, convert, measure, synth and audit never need it, and a script that converts or dumps a
// corpus file by file should not pay it per file. execv keeps the process, its arguments, streams, environment and
// exit code: to the caller this is still execg-cli.
#include "Commands.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace execg::cli {
namespace {

namespace fs = std::filesystem;

// Beside this program (the build tree), else where the install puts it (EXECG_CLI_MODELS_FROM_BIN, relative to bin/).
fs::path modelRuntime()
{
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    if (error)
        throw std::runtime_error("cannot find this program's own folder (/proc/self/exe): " + error.message());
    const fs::path beside = self.parent_path() / "execg-cli-models";
    const fs::path installed = (self.parent_path() / EXECG_CLI_MODELS_FROM_BIN).lexically_normal();
    for (const fs::path& candidate : {beside, installed})
        if (fs::is_regular_file(candidate, error) && ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    throw std::runtime_error("this command runs a model, and the model runtime execg-cli-models is missing or not executable (looked for " +
                             beside.string() + " and " + installed.string() + "); reinstall ExECG Studio");
}

int handOver(const char* command, const std::vector<std::string>& words)
{
    const fs::path runtime = modelRuntime();
    std::vector<std::string> args{runtime.string(), command};
    args.insert(args.end(), words.begin(), words.end());
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::cout.flush();
    ::execv(runtime.c_str(), argv.data());
    const int reason = errno;
    throw std::runtime_error("could not start the model runtime " + runtime.string() + ": " + std::strerror(reason) +
                             "; reinstall ExECG Studio");
}

} // namespace

int runPredict(const std::vector<std::string>& words) { return handOver("predict", words); }
int runExplain(const std::vector<std::string>& words) { return handOver("explain", words); }
int runTcav(const std::vector<std::string>& words) { return handOver("tcav", words); }
int runModelInfo(const std::vector<std::string>& words) { return handOver("model-info", words); }
int runCohort(const std::vector<std::string>& words) { return handOver("cohort", words); }
#ifdef EXECG_CLI_REPORT
int runReport(const std::vector<std::string>& words) { return handOver("report", words); }
int runCompare(const std::vector<std::string>& words) { return handOver("compare", words); }
#endif

} // namespace execg::cli
