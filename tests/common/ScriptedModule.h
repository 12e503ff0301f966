#pragma once
// Small TorchScript modules written in code, for tests that need a model of one behaviour (a NaN output, a dropout,
// one lead, a decoder) but nothing else of LibTorch: the header is torch-free because a test file that includes
// <torch/script.h> costs ~10 CPU-s more to compile (LibTorch's headers leave GCC several seconds of pending template
// instantiations in every such file, precompiled header or not). ScriptedModule.cpp is compiled once.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace execg::test {

struct ScriptedParameter {
    std::string name;
    std::vector<std::int64_t> shape;
    // One value per element, or a single value for all; empty: normal random values times randomScale, drawn after
    // torch::manual_seed(randomSeed).
    std::vector<float> values;
    std::uint64_t randomSeed = 0;
    float randomScale = 1.0f;
};

struct ScriptedModule {
    std::string name;                                               // the TorchScript class name
    std::string methods;                                            // TorchScript source of its methods
    std::vector<ScriptedParameter> parameters;
    std::vector<std::pair<std::string, ScriptedModule>> children;   // registered in this order, before `methods`
    bool trainingFlag = false;   // a `training` attribute (false), which torch.nn modules have and modules made here lack
};

// Defines the module (children first) and saves it at `path`. Throws on a TorchScript compile error.
void saveScriptedModule(const ScriptedModule& module, const std::string& path);

} // namespace execg::test
