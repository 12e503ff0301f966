#pragma once
// Which parts of a module's output along time a change to part of its input can reach, found by reading the module's
// TorchScript graph. A module is time-local when every operation on the signal is a 1-D convolution or pooling
// window, or acts sample by sample (activations, eval-mode batch norm, sums of branches): then a change to input
// samples [lo, hi) reaches only a computable output range, and that range can be recomputed from a short crop of the
// input. The perturbation explainers use this to recompute, for each occluded window, only what the window reaches.
// Torch-including: for the model and explainer code only.
#include <torch/script.h>

#include <optional>
#include <string>
#include <vector>

namespace execg {

struct TimeRange {
    int lo = 0, hi = 0;   // samples [lo, hi)
    bool empty() const { return hi <= lo; }
    int size() const { return empty() ? 0 : hi - lo; }
};

class TimeLocality {
public:
    // The module's forward (self, x) → Tensor read as a time-local program; nullopt with `whyNot` set when some
    // operation on the signal is not understood or is not local (global pooling, attention, interpolation, loops …).
    static std::optional<TimeLocality> analyse(const torch::jit::Module& module, std::string* whyNot = nullptr);

    int outputLength(int inputLength) const;
    // Whether an input of this length keeps every intermediate non-empty and joins only branches of equal length.
    bool fits(int inputLength) const;
    // Output samples that can differ when input samples `changed` differ.
    TimeRange reach(TimeRange changed, int inputLength) const;
    // Input samples that output samples `wanted` depend on.
    TimeRange dependence(TimeRange wanted, int inputLength) const;
    // A crop of the input that starts at a multiple of alignment() gives the outputs from start / outputStride() on,
    // as the whole input does, wherever they depend on the crop alone.
    int alignment() const { return alignment_; }
    int outputStride() const { return outputStride_; }

private:
    struct Op {
        bool window = false;          // convolution or pooling window; otherwise sample by sample
        int kernel = 1, stride = 1, padding = 0, dilation = 1;
        std::vector<int> inputs;      // value ids; 0 is the module's input, op i makes value i + 1
    };
    std::vector<int> lengths(int inputLength) const;

    std::vector<Op> ops_;
    int output_ = 0;
    int alignment_ = 1, outputStride_ = 1;
};

} // namespace execg
