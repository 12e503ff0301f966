#pragma once
#include <string>
#include <vector>

namespace execg::cli {

// Each subcommand: takes the words after its name, writes to stdout/stderr, returns the exit code.
int runInfo(const std::vector<std::string>& words);
int runDump(const std::vector<std::string>& words);
int runMeasure(const std::vector<std::string>& words); // beats, intervals, axes, amplitudes
int runPredict(const std::vector<std::string>& words); // a TorchScript model on recordings
int runExplain(const std::vector<std::string>& words); // explanation maps and their summary
int runTcav(const std::vector<std::string>& words);    // concept tests (TCAV) of a model's layers
int runSynth(const std::vector<std::string>& words);   // synth --help lists every parameter
int runReport(const std::vector<std::string>& words);  // PDF reports in a batch (built with the GUI libraries)
int runModelInfo(const std::vector<std::string>& words); // a TorchScript file's input, outputs, submodules, a card skeleton
int runConvert(const std::vector<std::string>& words); // a recording in another format (WFDB, DICOM, EDF+, SCP-ECG)
int runCohort(const std::vector<std::string>& words);  // cohort run | merge: a population's analysis in a results store
int runAudit(const std::vector<std::string>& words);   // audit verify | list: the hash-chained analysis log
int runCompare(const std::vector<std::string>& words); // model against model on one recording (built with the GUI libraries)

} // namespace execg::cli
