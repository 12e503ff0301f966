#pragma once
// The small any-architecture TorchScript models in tests/models (made by tests/models/make_test_models.py), their
// references (a forward hook and autograd on the eager module) and cards. Torch before Qt: include before any Qt header.
#include "io/npy/NpyArray.h"
#include "model/ModelCard.h"

#include <torch/script.h>

#include <string>
#include <vector>

namespace execg::test {

inline std::string anyModelPath(const std::string& name) { return std::string(EXECG_SOURCE_DIR) + "/tests/models/" + name + ".pt"; }

inline torch::Tensor referenceTensor(const std::string& name)
{
    const auto a = npy::readNpyArray(std::string(EXECG_SOURCE_DIR) + "/tests/models/reference/" + name + ".npy");
    std::vector<std::int64_t> shape(a.shape.begin(), a.shape.end());
    std::vector<float> values(a.values.begin(), a.values.end());
    return torch::tensor(values).reshape(shape);
}

// 2 × 3 leads × 1,000 samples, the input every reference was computed on; the target is output 1.
inline torch::Tensor anyModelInput() { return referenceTensor("input"); }
inline constexpr int kAnyModelTarget = 1;

// Leads I, II, V1 at 250 Hz, 1,000 samples, two outputs; `layers` listed for Grad-CAM and concept tests.
inline ModelCard anyModelCard(const std::string& name, const std::vector<std::string>& layers = {})
{
    ModelCard c;
    c.name = name;
    c.version = "test";
    c.task = ModelTask::Binary;
    c.outputs = {{"negative", ""}, {"positive", ""}};
    c.activation = OutputActivation::Softmax;
    c.input.leads = {"I", "II", "V1"};
    c.input.samplingRateHz = 250;
    c.input.samples = 1000;
    for (const auto& l : layers)
        c.layers.push_back({l, true, true});
    c.intendedUse = "testing layer access on models of many architectures";
    return c;
}

// Relative agreement: max |a − b| ≤ rtol · max |b| (+ a floor for all-zero references).
inline bool closeTo(const torch::Tensor& a, const torch::Tensor& b, double rtol, double* difference = nullptr)
{
    if (a.sizes() != b.sizes())
        return false;
    const double d = (a - b).abs().max().item<double>(), scale = b.abs().max().item<double>();
    if (difference)
        *difference = d / std::max(scale, 1e-12);
    return d <= rtol * std::max(scale, 1e-6);
}

} // namespace execg::test
