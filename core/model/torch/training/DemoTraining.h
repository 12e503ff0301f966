#pragma once
// Trains ExECG Studio's three demo models entirely in C++ on the synthetic ECG generator and writes them with their
// model cards (docs/demo-models.md): af.pt (AF vs not AF, one logit), potassium.pt (serum K+, mmol/L) and
// ecg_autoencoder.pt (encode/decode, the classifiers' counterfactual generator). Torch-free header: the app and the
// tests include it without compiling against LibTorch.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace execg::training {

enum class DemoModel { Af, Potassium, Autoencoder };
enum class TrainingScale {
    Full,   // the shipped models
    Tiny,   // a few records and epochs: proves the pipeline in seconds, the models are useless
};

struct DemoTrainingOptions {
    std::string outputDir;
    TrainingScale scale = TrainingScale::Full;
    int threads = 2;
    std::uint64_t seed = 1;
    std::vector<DemoModel> models{DemoModel::Af, DemoModel::Potassium, DemoModel::Autoencoder};
    std::function<void(const std::string&)> progress;   // one line per step; may be empty
};

struct DemoModelReport {
    std::string name;                   // "af", "potassium", "autoencoder"
    std::string modelFile, cardFile;    // paths written (cardFile empty for the autoencoder: it has no card)
    std::int64_t parameters = 0;
    int trainRecords = 0, heldOutRecords = 0, epochs = 0;
    double dataSeconds = 0.0;           // generating its training and held-out sets
    double trainSeconds = 0.0;          // the optimisation itself
    std::vector<double> epochLoss;      // mean training loss of each epoch
    std::vector<std::pair<std::string, double>> heldOut;   // metric name → value on the held-out set
    std::uintmax_t modelBytes = 0, cardBytes = 0;
};

struct DemoTrainingReport {
    std::vector<DemoModelReport> models;
    double totalSeconds = 0.0;
};

// Throws std::runtime_error naming what failed (output folder not writable, a model that does not save, …).
DemoTrainingReport trainDemoModels(const DemoTrainingOptions& options);

// The report as the plain text execg-train prints.
std::string formatReport(const DemoTrainingReport& report);

// The autoencoder's held-out figures, computed with the torch side behind this header.
struct AutoencoderCheck {
    double rmseMv = 0.0;                // over every lead and sample
    std::vector<std::int64_t> latentShape;   // encode() of one record: [1, channels, steps]
    std::int64_t latentSize = 0;        // values per record
    std::vector<std::int64_t> decodedShape;  // decode(encode(x)) of one record
    double chainDifference = -1.0;      // max |decoder(encoder(x)) − forward(x)| over the set
};
struct SyntheticSet;
AutoencoderCheck checkAutoencoder(const std::string& modelPath, const SyntheticSet& set, int batch = 32);

} // namespace execg::training
