#pragma once
// The options every model command shares: --model M.pt, its card (or --input-* flags for a bare .pt), --threads.
#include "CliArgs.h"

#include "explain/MapDisplay.h"
#include "model/ModelCard.h"
#include "model/ModelInputAdapter.h"

#include <string>
#include <vector>

namespace execg::cli {

const std::vector<std::string>& modelOptionNames();   // model, threads, input-fs, input-samples, input-leads, layer, lead

// The card beside the model, or one inferred from --input-fs/--input-samples/--input-leads (with --layer NAME as its
// layers); UsageError otherwise.
ModelCard modelCardFromArgs(const CliArgs& args, const std::string& command, const std::string& modelPath);

// The group fitted to the card — its windows: one, or the whole recording's for a card with a window rule — with what
// the reader had to assume about the file (units, checksums) first among the warnings: it matters as much as the
// fitting.
std::vector<AdaptedInput> fitToModel(const GroupInFile& in, const ModelCard& card, const AdaptOptions& options = {});

// --smooth MS and --map-view samples|waves: how report and compare draw the maps (default 40 ms, samples).
MapDisplay mapDisplayFromArgs(const CliArgs& args, const std::string& command);

// --start S and --lead NAME (the recording's lead a single-lead model is given).
AdaptOptions adaptOptionsFromArgs(const CliArgs& args);

// --threads N (default: every core), then configureTorchThreads.
int configureThreadsFromArgs(const CliArgs& args, const std::string& command);

} // namespace execg::cli
