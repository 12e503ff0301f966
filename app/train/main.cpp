// execg-train: trains the three demo models from scratch on synthetic ECGs and writes them with their cards; or, with
// --cinc2017 DIR, the real-data AF model on the PhysioNet/CinC 2017 recordings.
//   execg-train --out resources/models [--threads 2] [--seed 1] [--tiny] [--only af|potassium|autoencoder]
//   execg-train --cinc2017 ../shared/cinc2017 --out resources/models [--threads 2] [--seed 1] [--epochs N] [--limit N]
//               [--recording-epochs N [--start-from FILE]]
//   execg-train --cinc2017 ../shared/cinc2017 --members A.pt,B.pt --out resources/models
//   execg-train --cinc2017 ../shared/cinc2017 --card-for resources/models/af-cinc2017.pt
#include "model/torch/TorchModel.h"
#include "model/torch/training/Cinc2017Training.h"
#include "model/torch/training/DemoTraining.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

const char* kUsage =
    "usage: execg-train --out DIR [--threads N] [--seed S] [--tiny] [--only af|potassium|autoencoder]\n"
    "  Trains the demo models on synthetic ECGs (docs/demo-models.md) and writes af.pt, potassium.pt,\n"
    "  ecg_autoencoder.pt and the classifiers' cards into DIR.\n"
    "  --threads N   torch and data-generation threads (default 2)\n"
    "  --seed S      seed of data and initialisation (default 1; the shipped models use 1)\n"
    "  --tiny        a few records and epochs: checks the pipeline in seconds, the models are useless\n"
    "  --only M      train only af, potassium or autoencoder\n"
    "\n"
    "usage: execg-train --cinc2017 DIR --out DIR [--threads N] [--seed S] [--epochs N] [--limit N]\n"
    "                   [--recording-epochs N [--start-from FILE]]\n"
    "  Trains the real-data AF model (normal / AF / other / noisy, single lead) on the PhysioNet/CinC 2017\n"
    "  recordings in DIR (REFERENCE.csv and WFDB records) and writes af-cinc2017.pt, its card and its\n"
    "  validation split (docs/demo-models.md).\n"
    "  --epochs N    at most N epochs (default 80; early stopping after 14 without improvement)\n"
    "  --limit N     only N recordings: checks the pipeline, the model is useless\n"
    "  --recording-epochs N  then N epochs on whole recordings: every window of each record, the loss on\n"
    "                the mean of their logits, as the model is used (default 0)\n"
    "  --weight-decay X  AdamW's weight decay (default 0.0001)\n"
    "  --label-smoothing X  the cross-entropy's label smoothing (default 0)\n"
    "  --short-crops X  the share of training crops cut to 8-15 s and padded, as a shorter recording is\n"
    "                at inference (default 0.25; 0: version 2.1's recipe); with --own-length the share of\n"
    "                batches cut to 8-14 s, not padded\n"
    "  --own-length  short crops, and recordings shorter than the window, go in at their own length (8 s\n"
    "                at least), never padded; the card says the model takes them so\n"
    "  --start-from FILE  skip the first stage: the whole-recording epochs start from that af-cinc2017.pt\n"
    "                (the same file as a run with both stages and the same seed gives)\n"
    "  --exclude FILE  record IDs (one per line, # comments) left out of training, listed in\n"
    "                af-cinc2017.excluded.txt and counted in the card; the validation split stays whole (IDs\n"
    "                in it, or not in REFERENCE.csv, are named and ignored). docs/scripts/cinc2017-label-check.sh\n"
    "                writes such a list. Not with --members, which carries each member's own list\n"
    "  --members A.pt,B.pt,...  no training: networks trained as above from different seeds, written as one\n"
    "                model whose outputs are the mean of their logits, scored on the same validation split\n"
    "                (an experiment in docs/demo-models.md; the shipped model is one network)\n";

bool parseUnsigned(const std::string& s, unsigned long long& v)
{
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 18)
        return false;
    v = std::stoull(s);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace execg::training;
    DemoTrainingOptions options;
    Cinc2017Options cinc;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "execg-train: " << a << " needs a value\n" << kUsage;
                std::exit(1);
            }
            return argv[++i];
        };
        unsigned long long n = 0;
        if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return 0;
        } else if (a == "--out") {
            options.outputDir = value();
        } else if (a == "--threads") {
            if (!parseUnsigned(value(), n) || n < 1 || n > 256) {
                std::cerr << "execg-train: --threads must be 1-256\n";
                return 1;
            }
            options.threads = int(n);
        } else if (a == "--seed") {
            if (!parseUnsigned(value(), n)) {
                std::cerr << "execg-train: --seed must be a non-negative whole number\n";
                return 1;
            }
            options.seed = n;
        } else if (a == "--cinc2017") {
            cinc.dataDir = value();
        } else if (a == "--epochs" || a == "--limit" || a == "--recording-epochs") {
            if (!parseUnsigned(value(), n) || n < 1 || n > 100000) {
                std::cerr << "execg-train: " << a << " must be a positive whole number\n";
                return 1;
            }
            (a == "--epochs" ? cinc.maxEpochs : a == "--limit" ? cinc.limitRecords : cinc.recordingEpochs) = int(n);
        } else if (a == "--weight-decay" || a == "--label-smoothing" || a == "--short-crops") {
            const std::string v = value();
            char* end = nullptr;
            const double d = std::strtod(v.c_str(), &end);
            if (v.empty() || *end != '\0' || !(d >= 0.0) || d >= 1.0) {
                std::cerr << "execg-train: " << a << " must be a number from 0 to below 1, not '" << v << "'\n";
                return 1;
            }
            (a == "--weight-decay" ? cinc.weightDecay : a == "--label-smoothing" ? cinc.labelSmoothing : cinc.shortCrops) = d;
        } else if (a == "--own-length") {
            cinc.ownLength = true;
        } else if (a == "--start-from") {
            cinc.startFrom = value();
        } else if (a == "--card-for") {
            cinc.cardFor = value();
        } else if (a == "--exclude") {
            try {
                cinc.excludeFromTraining = readRecordIds(value());
            } catch (const std::exception& e) {
                std::cerr << "execg-train: --exclude " << e.what() << "\n";
                return 1;
            }
        } else if (a == "--members") {
            const std::string list = value();
            for (std::size_t from = 0; from <= list.size();) {
                const auto comma = std::min(list.find(',', from), list.size());
                if (comma > from)
                    cinc.members.push_back(list.substr(from, comma - from));
                from = comma + 1;
            }
        } else if (a == "--tiny") {
            options.scale = TrainingScale::Tiny;
        } else if (a == "--only") {
            const std::string m = value();
            if (m == "af") options.models = {DemoModel::Af};
            else if (m == "potassium") options.models = {DemoModel::Potassium};
            else if (m == "autoencoder") options.models = {DemoModel::Autoencoder};
            else {
                std::cerr << "execg-train: --only must be af, potassium or autoencoder, not '" << m << "'\n";
                return 1;
            }
        } else {
            std::cerr << "execg-train: unknown argument '" << a << "'\n" << kUsage;
            return 1;
        }
    }
    if (options.outputDir.empty() && (cinc.cardFor.empty() || cinc.dataDir.empty())) {
        std::cerr << "execg-train: --out DIR is required\n" << kUsage;
        return 1;
    }
    execg::configureTorchThreads(options.threads);
    options.progress = [](const std::string& line) { std::cout << line << std::endl; };
    if (!cinc.dataDir.empty()) {
        if (!cinc.members.empty() && !cinc.excludeFromTraining.empty()) {
            std::cerr << "execg-train: --exclude applies to training, and --members trains nothing (the members' own lists, "
                         "NAME.excluded.txt beside NAME.pt, are carried into the average)\n";
            return 1;
        }
        if (cinc.ownLength && cinc.recordingEpochs > 0) {
            std::cerr << "execg-train: --own-length and --recording-epochs: the whole-recording stage pads its windows to 15 s\n";
            return 1;
        }
        if (!cinc.members.empty() && (cinc.recordingEpochs > 0 || !cinc.startFrom.empty())) {
            std::cerr << "execg-train: --recording-epochs and --start-from train, and --members trains nothing\n";
            return 1;
        }
        if (!cinc.cardFor.empty() && (!cinc.members.empty() || !cinc.excludeFromTraining.empty() || cinc.recordingEpochs > 0 ||
                                      !cinc.startFrom.empty() || !options.outputDir.empty())) {
            std::cerr << "execg-train: --card-for trains and assembles nothing, and writes beside its file: not with --members, "
                         "--exclude, --recording-epochs, --start-from or --out\n";
            return 1;
        }
        cinc.outputDir = options.outputDir;
        cinc.threads = options.threads;
        cinc.seed = options.seed;
        cinc.progress = options.progress;
        try {
            std::cout << "\n" << formatCinc2017Report(!cinc.cardFor.empty()   ? rescoreAfCinc2017(cinc)
                                                      : cinc.members.empty() ? trainAfCinc2017(cinc)
                                                                             : assembleAfCinc2017(cinc));
        } catch (const std::exception& e) {
            std::cerr << "execg-train: " << e.what() << "\n";
            return 1;
        }
        return 0;
    }
    try {
        const auto report = trainDemoModels(options);
        std::cout << "\n" << formatReport(report);
    } catch (const std::exception& e) {
        std::cerr << "execg-train: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
