#include "ScriptedModule.h"

#include <torch/script.h>

#include <stdexcept>

namespace execg::test {
namespace {

torch::Tensor valuesOf(const ScriptedParameter& p)
{
    if (p.values.empty()) {
        torch::manual_seed(p.randomSeed);
        return torch::randn(p.shape) * p.randomScale;
    }
    if (p.values.size() == 1)
        return torch::full(p.shape, p.values.front());
    std::int64_t elements = 1;
    for (const auto n : p.shape)
        elements *= n;
    if (std::int64_t(p.values.size()) != elements)
        throw std::invalid_argument("scripted module: parameter " + p.name + " has the wrong number of values");
    return torch::tensor(p.values).reshape(p.shape);
}

torch::jit::Module build(const ScriptedModule& spec)
{
    torch::jit::Module m(spec.name);
    if (spec.trainingFlag)
        m.register_attribute("training", c10::BoolType::get(), false);
    for (const auto& p : spec.parameters)
        m.register_parameter(p.name, valuesOf(p), false);
    for (const auto& [name, child] : spec.children)
        m.register_module(name, build(child));
    m.define(spec.methods);
    return m;
}

} // namespace

void saveScriptedModule(const ScriptedModule& module, const std::string& path)
{
    build(module).save(path);
}

} // namespace execg::test
