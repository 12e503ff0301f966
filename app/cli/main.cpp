// execg-cli: the batch and scripting face of ExECG Studio. Thin: every subcommand calls into execg_core.
#include "CliArgs.h"
#include "Commands.h"

#include "io/ReadError.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <iostream>
#include <map>

namespace {

// Each command's usage block: the general usage lists them all, and `execg-cli COMMAND --help` prints the command's own
// (explain, report, tcav and synth print a longer help of their own).
struct Command {
    const char* name;
    std::function<int(const std::vector<std::string>&)> run;
    const char* usage;
    bool ownHelp = false;   // answers --help itself, at length
};

const std::vector<Command>& commands()
{
    static const std::vector<Command> list{
        {"info", execg::cli::runInfo, R"(  info FILE... [--json]                   format, groups, leads, rate, duration, units, demographics,
                                          device, filters, annotations, warnings
)"},
        {"dump", execg::cli::runDump, R"(  dump FILE [--group N|rhythm|median] [--leads I,II,..] [--from S --to S]
                                          physical values in mV as CSV (header: time_s, lead names)
)"},
        {"convert", execg::cli::runConvert, R"(  convert IN OUT [--group N|rhythm|median] [--from S --to S] [--compression huffman|none] [--force]
                                          the recording (a group, a window) written in the format OUT's
                                          extension names: .hea WFDB 16, .dcm DICOM, .edf EDF+, .scp SCP-ECG;
                                          the input is never written to, an existing OUT only with --force
)"},
        {"measure", execg::cli::runMeasure, R"(  measure FILE [--json] [--group N|rhythm|median] [--from S --to S]
                                          detected beats (sample, time) and the measurements: HR, RR,
                                          PR, QRS, QT, QTc, axes, per-lead amplitudes, ST at J+60
)"},
        {"predict", execg::cli::runPredict, R"(  predict --model M.pt FILE... [--json] [--uncertainty] [--group N|rhythm|median] [--start S] [--lead NAME] [--threads N]
        [--input-fs HZ --input-samples N [--input-leads I,II,...] [--layer NAME]...]
                                          a TorchScript model's outputs (labels, probabilities or values
                                          with units), warnings and timing; the --input-* flags describe
                                          a bare .pt that has no M.card.json beside it, --layer names its
                                          layers for Grad-CAM and concept tests (model-info lists them);
                                          --lead NAME: the lead a single-lead model is given;
                                          --uncertainty: each prediction's 90 % interval under the
                                          recording's own variation and the referral it calls for
)"},
        {"model-info", execg::cli::runModelInfo, R"(  model-info M.pt [--json] [--input-fs HZ --input-samples N [--input-leads I,II,...]]
                                          what a TorchScript file takes and gives, each submodule's output
                                          on a probe input and whether Grad-CAM / concept tests can use it,
                                          and a card skeleton for a model without one
)"},
        {"explain", execg::cli::runExplain, R"(  explain --model M.pt [--target T] [--method NAME[:param=value,...]]... FILE --out DIR
        [--start S] [--lead NAME] [--baseline FILE] [--threads N]
                                          explanation maps as DIR/NAME.npy (leads × samples on the
                                          recording's axis) and DIR/summary.json, the results document
                                          (prediction, parameters, diagnostics, evidence per lead and wave);
                                          `execg-cli explain --help` lists methods and parameters
)", true},
#ifdef EXECG_CLI_REPORT
        {"report", execg::cli::runReport, R"(  report --model M.pt FILE|DIR... --out DIR [--method ...] [--layout 3x4+1] [--deidentify] [--png]
                                          a PDF report and a JSON per recording, a batch summary;
                                          `execg-cli report --help` lists every option
)", true},
        {"compare", execg::cli::runCompare, R"(  compare --model A.pt --model B.pt... FILE --out DIR [--method NAME]
                                          model against model: predictions, evidence per lead and wave,
                                          the difference table and its reading; JSON and PDF
)", true},
#endif
        {"tcav", execg::cli::runTcav, R"(  tcav --model M.pt --concept NAME|DIR|TABLE.csv:COLUMN... --inputs FILE|DIR... [--layer L]... [--target T]
        [--runs N] [--seed S] [--json]
                                          concept tests (TCAV): score, 95 % CI, p (Holm-corrected) against
                                          random concepts per concept and layer; `execg-cli tcav --help`
                                          lists the built-in concepts
)", true},
        {"cohort", execg::cli::runCohort, R"(  cohort run --model M.pt --db STORE.sqlite [--method ...]... [--manifest FILE.csv] [--shard K/N] [--cf-target V] [INPUT...]
  cohort merge --db OUT.sqlite IN.sqlite...
  cohort report --db STORE.sqlite --out DIR [--by COLUMN] [--bins E1,E2,...]
                                          a cohort analysed into a resumable SQLite store (prediction,
                                          evidence per lead and wave, beat-aligned profiles, measurements,
                                          counterfactual deltas); shards of a job array merged;
                                          `execg-cli cohort --help` lists every option
)", true},
        {"audit", execg::cli::runAudit, R"(  audit verify|list [--log PATH]
                                          the audit log of every analysis explain and report ran: verify
                                          names each edited, removed or reordered entry
)", true},
        {"synth", execg::cli::runSynth, R"(  synth --out DIR [--rhythm sinus|af|flutter] [--k MMOL_L] [--hr BPM] [--seconds S] [--fs HZ] [--seed S]
        [--count N] [--format wfdb|dicom] ...
                                          synthetic 12-lead ECGs with ground-truth JSON beside each;
                                          `execg-cli synth --help` lists every parameter
)", true},
    };
    return list;
}

const char* kRawArrayOptions = R"(
options every command accepts (for NumPy arrays, which carry no metadata):
  --fs HZ                sampling rate (default 500)
  --units mV|uV          units of the stored values (default mV)
  --lead-names I,II,...  lead names in array order (default: the 12 standard leads)

--group N is the file's N-th group in the order it stores them (a MUSE export may store the median beats first);
--group rhythm and --group median choose by kind, the same kind in every file (default: the rhythm, as predict).
)";

std::string usage()
{
    std::string text = "usage: execg-cli COMMAND [options]   (execg-cli --version: the version)\n\ncommands:\n";
    for (const auto& c : commands())
        text += c.usage;
    return text + kRawArrayOptions;
}

bool asksForHelp(const std::vector<std::string>& words)
{
    for (const auto& w : words)
        if (w == "--help" || w == "-h")
            return true;
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    std::ios::sync_with_stdio(false);
    if (argc >= 2 && !std::strcmp(argv[1], "--version")) {
        std::cout << "execg-cli " EXECG_VERSION "\n";
        return 0;
    }
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        std::cout << usage();
        return argc < 2 ? 2 : 0;
    }
    const auto it = std::find_if(commands().begin(), commands().end(), [&](const Command& c) { return c.name == std::string(argv[1]); });
    if (it == commands().end()) {
        std::cerr << "execg-cli: unknown command '" << argv[1] << "'\n\n" << usage();
        return 2;
    }
    const std::vector<std::string> words(argv + 2, argv + argc);
    // Help comes first, whatever else is on the line (`dump FILE --group --help` must not read "--help" as a group).
    if (asksForHelp(words) && !it->ownHelp) {
        std::cout << "usage: execg-cli\n" << it->usage << kRawArrayOptions;
        return 0;
    }
    try {
        return it->run(asksForHelp(words) ? std::vector<std::string>{"--help"} : words);
    } catch (const execg::cli::UsageError& e) {
        std::cerr << "execg-cli: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "execg-cli: " << e.what() << "\n";
        return 1;
    }
}
