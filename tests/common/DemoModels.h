#pragma once
// The shipped demo models, loaded once per test process (torch before Qt: include before any Qt header).
#include "model/torch/TorchModel.h"

#include <map>
#include <memory>
#include <string>

namespace execg::test {

inline const std::string& demoModelDir()
{
    static const std::string dir = std::string(EXECG_SOURCE_DIR) + "/resources/models/";
    return dir;
}

// "potassium", "af": the model with its card.
inline const TorchModel& demoModel(const std::string& name)
{
    static std::map<std::string, std::unique_ptr<TorchModel>> models;
    auto& m = models[name];
    if (!m)
        m = std::make_unique<TorchModel>(demoModelDir() + name + ".pt", loadModelCard(demoModelDir() + name + ".card.json"));
    return *m;
}

} // namespace execg::test
