#pragma once
// A TorchScript ECG model with its card: loaded once, checked against the card (a zero input of the card's shape must
// run and give one value per card output), warmed up, run in batches. The torch types stay behind this header so the
// GUI and the command line never include torch.
#include "model/ModelCard.h"
#include "model/ModelInputAdapter.h"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace execg {

struct ModelError : std::runtime_error {
    ModelError(const std::string& file, const std::string& what) : std::runtime_error(file + ": " + what) {}
};

// Threads for every model in the process; call before the first model is loaded. Also installs the tensor memory
// cache, and sets OMP_WAIT_POLICY=PASSIVE and OPENBLAS_NUM_THREADS=1 in the environment — which libgomp and
// OpenBLAS read when loaded, before main, so those two reach only child processes (see docs/models.md).
void configureTorchThreads(int threads);

// "LibTorch 1.13.1" — for reports' reproducibility appendix.
std::string libtorchVersion();

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

    // Raw outputs (before the card's activation), one row per input, in batches as given. A row may hold NaN or
    // infinity: interpretOutputs (model/Prediction.h) turns that into the problem shown for that input. Throws
    // ModelError when the input does not fit the card, the model throws, or the output has the wrong shape.
    std::vector<std::vector<float>> predict(const std::vector<AdaptedInput>& batch) const;
    // Throws ModelError unless every input has the card's leads and a length it takes: the card's samples, or down
    // to its shortest_samples where it gives one.
    void checkInputShape(const std::vector<AdaptedInput>& batch) const;

    // MC dropout: the model's dropout submodules (a type named …Dropout…, as torch.nn's are), and for each of
    // `windows`, `passes` runs of predict() with them switched on in one copy of the model (the model itself stays in
    // eval mode, whoever else is using it; each window's passes drawn from `seed`). A traced model's dropout is fixed
    // at tracing: its passes do not differ. Empty without dropout layers.
    std::vector<std::string> dropoutLayers() const;
    std::vector<std::vector<std::vector<float>>> predictWithDropout(const std::vector<AdaptedInput>& windows, int passes,
                                                                    std::uint64_t seed) const;

    // Layer access for Grad-CAM and concept tests. A layer is reached through the model's submodule chain where
    // running them one after another reproduces forward() (checked at load on a fixed probe input, to 1e-5
    // relative; the cheapest route, and what incremental occlusion builds on), and otherwise on forward()'s own
    // graph, wherever forward() calls it once (model/torch/LayerTap.h).
    std::vector<std::string> children() const;     // the chain's steps
    std::vector<std::string> submodules() const;   // every named submodule, dotted, in the model's order
    bool chainVerified() const;
    double chainDifference() const;   // the load-time check's max |chain − forward|; −1 when the chain failed to run
    // Empty when `layer` can be used; otherwise why not (not a submodule, called twice, in a loop…).
    std::string layerProblem(const std::string& layer) const;
    // What a user should know about a usable layer's output (a tuple: which tensor is taken); else empty.
    std::string layerNote(const std::string& layer) const;
    // The same check on another input (tests, and a user's own recording).
    bool chainReproducesForward(const AdaptedInput& probe, double* maxDifference = nullptr) const;

    // The torch side (model/torch/TorchModelImpl.h), for the explainers.
    struct Impl;
    const Impl& impl() const { return *impl_; }

private:
    void verifyChain();

    std::unique_ptr<Impl> impl_;
    ModelCard card_;
    std::string path_, sha256_;
    int outputs_ = 0;
};

} // namespace execg
