#pragma once
// The options every model command shares: --model M.pt, its card (or --input-* flags for a bare .pt), --threads.
#include "CliArgs.h"

#include "model/ModelCard.h"
#include "model/ModelInputAdapter.h"

#include <string>
#include <vector>

namespace execg::cli {

const std::vector<std::string>& modelOptionNames();   // model, threads, input-fs, input-samples, input-leads, layer

// The card beside the model, or one inferred from --input-fs/--input-samples/--input-leads (with --layer NAME as its
// layers); UsageError otherwise.
ModelCard modelCardFromArgs(const CliArgs& args, const std::string& command, const std::string& modelPath);

// The group fitted to the card, with what the reader had to assume about the file (units, checksums) first among
// the warnings: it matters as much as the fitting.
AdaptedInput fitToModel(const GroupInFile& in, const ModelCard& card, const AdaptOptions& options = {});

// --threads N (default: every core), then configureTorchThreads.
int configureThreadsFromArgs(const CliArgs& args, const std::string& command);

} // namespace execg::cli
