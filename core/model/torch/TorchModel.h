#pragma once
// A TorchScript ECG model with its card: loaded once, checked against the card (a zero input of the card's shape must
// run and give one value per card output), warmed up, run in batches. The torch types stay behind this header so the
// GUI and the command line never include torch.
#include "model/ModelCard.h"
#include "model/ModelInputAdapter.h"

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace execg {

struct ModelError : std::runtime_error {
    ModelError(const std::string& file, const std::string& what) : std::runtime_error(file + ": " + what) {}
};

// Threads for every model in the process; call before the first model is loaded. Also makes idle OpenMP threads
// sleep instead of spin (OMP_WAIT_POLICY=PASSIVE) and keeps OpenBLAS from starting a second pool: at 2 threads,
// spinning OpenMP workers made a batch-1 forward ~50× slower on a 2-core machine.
void configureTorchThreads(int threads);

class TorchModel {
public:
    TorchModel(const std::string& path, ModelCard card);   // throws ModelError naming the file and the problem
    ~TorchModel();
    TorchModel(TorchModel&&) noexcept;
    TorchModel& operator=(TorchModel&&) noexcept;

    const ModelCard& card() const { return card_; }
    const std::string& path() const { return path_; }
    const std::string& sha256() const { return sha256_; }
    int outputCount() const { return outputs_; }

    // Raw outputs (before the card's activation), one row per input; throws ModelError on NaN or a wrong shape.
    std::vector<std::vector<float>> predict(const std::vector<AdaptedInput>& batch) const;

    // The model's direct submodules in order, and whether running them one after another (with the flatten
    // TorchScript's forward puts before a final Linear) reproduces forward() on `probe` to 1e-5.
    std::vector<std::string> children() const;
    bool chainReproducesForward(const AdaptedInput& probe, double* maxDifference = nullptr) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    ModelCard card_;
    std::string path_, sha256_;
    int outputs_ = 0;
};

} // namespace execg
