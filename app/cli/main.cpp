// execg-cli: the batch and scripting face of ExECG Studio. Thin: every subcommand calls into execg_core.
#include "CliArgs.h"
#include "Commands.h"

#include "io/ReadError.h"

#include <cstring>
#include <functional>
#include <iostream>
#include <map>

namespace {

const char* kUsage = R"(usage: execg-cli COMMAND [options]   (execg-cli --version: the version)

commands:
  info FILE... [--json]                   format, groups, leads, rate, duration, units, demographics,
                                          device, filters, annotations, warnings
  dump FILE [--group N] [--leads I,II,..] [--from S --to S]
                                          physical values in mV as CSV (header: time_s, lead names)
  convert IN OUT [--group N] [--from S --to S] [--compression huffman|none] [--force]
                                          the recording (a group, a window) written in the format OUT's
                                          extension names: .hea WFDB 16, .dcm DICOM, .edf EDF+, .scp SCP-ECG;
                                          the input is never written to, an existing OUT only with --force
  measure FILE [--json] [--group N] [--from S --to S]
                                          detected beats (sample, time) and the measurements: HR, RR,
                                          PR, QRS, QT, QTc, axes, per-lead amplitudes, ST at J+60
  predict --model M.pt FILE... [--json] [--group N] [--start S] [--threads N]
        [--input-fs HZ --input-samples N [--input-leads I,II,...]]
                                          a TorchScript model's outputs (labels, probabilities or values
                                          with units), warnings and timing; the --input-* flags describe
                                          a bare .pt that has no M.card.json beside it
  explain --model M.pt [--target T] [--method NAME[:param=value,...]]... FILE --out DIR
        [--start S] [--baseline FILE] [--threads N]
                                          explanation maps as DIR/NAME.npy (leads × samples on the
                                          recording's axis) and DIR/summary.json (prediction, parameters,
                                          diagnostics, evidence per lead and wave, timing);
                                          `execg-cli explain --help` lists methods and parameters
  report --model M.pt FILE|DIR... --out DIR [--method ...] [--layout 3x4+1] [--deidentify] [--png]
                                          a PDF report and a JSON per recording, a batch summary;
                                          `execg-cli report --help` lists every option
  tcav --model M.pt --concept NAME|DIR|TABLE.csv:COLUMN... --inputs FILE|DIR... [--layer L]... [--target T]
        [--runs N] [--seed S] [--json]
                                          concept tests (TCAV): score, 95 % CI, p (Holm-corrected) against
                                          random concepts per concept and layer; `execg-cli tcav --help`
                                          lists the built-in concepts
  synth --out DIR [--rhythm sinus|af|flutter] [--k MMOL_L] [--hr BPM] [--seconds S] [--fs HZ] [--seed S]
        [--count N] [--format wfdb|dicom] ...
                                          synthetic 12-lead ECGs with ground-truth JSON beside each;
                                          `execg-cli synth --help` lists every parameter

options every command accepts (for NumPy arrays, which carry no metadata):
  --fs HZ                sampling rate (default 500)
  --units mV|uV          units of the stored values (default mV)
  --lead-names I,II,...  lead names in array order (default: the 12 standard leads)
)";

} // namespace

int main(int argc, char** argv)
{
    std::ios::sync_with_stdio(false);
    if (argc >= 2 && !std::strcmp(argv[1], "--version")) {
        std::cout << "execg-cli " EXECG_VERSION "\n";
        return 0;
    }
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::map<std::string, std::function<int(const std::vector<std::string>&)>> commands{
        {"info", execg::cli::runInfo},
        {"dump", execg::cli::runDump},
        {"convert", execg::cli::runConvert},
        {"measure", execg::cli::runMeasure},
        {"predict", execg::cli::runPredict},
        {"explain", execg::cli::runExplain},
        {"synth", execg::cli::runSynth},
        {"tcav", execg::cli::runTcav},
#ifdef EXECG_CLI_REPORT
        {"report", execg::cli::runReport},
#endif
    };
    const auto it = commands.find(argv[1]);
    if (it == commands.end()) {
        std::cerr << "execg-cli: unknown command '" << argv[1] << "'\n\n" << kUsage;
        return 2;
    }
    try {
        return it->second(std::vector<std::string>(argv + 2, argv + argc));
    } catch (const execg::cli::UsageError& e) {
        std::cerr << "execg-cli: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "execg-cli: " << e.what() << "\n";
        return 1;
    }
}
