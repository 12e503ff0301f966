#pragma once
// A linear "ECG model" f(x) = Σ w·x + c saved as a user's TorchScript file, with its card: its exact attributions
// are known (saliency = w, input × gradient = w·x), so quality measures have answers to be checked against.
// Torch before Qt: include this before any Qt header.
#include "model/torch/TorchModel.h"

#include <torch/script.h>

#include "Corpus.h"

#include <QCoreApplication>

namespace execg::test {

inline ModelCard linearCard(int leads, int samples, double fs)
{
    ModelCard c;
    c.name = "linear";
    c.task = ModelTask::Regression;
    c.outputs = {{"value", ""}};
    c.activation = OutputActivation::None;
    static const char* names[] = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
    for (int l = 0; l < leads; ++l)
        c.input.leads.push_back(names[l]);
    c.input.samplingRateHz = fs;
    c.input.samples = samples;
    c.intendedUse = "test";
    return c;
}

// w: leads × samples.
inline std::string saveLinearModel(const QString& name, const torch::Tensor& w, double c)
{
    torch::jit::Module m("Linear");
    m.register_parameter("w", w.unsqueeze(0), false);
    m.register_parameter("c", torch::full({1}, c), false);
    m.define(R"(
def forward(self, x):
    return (x * self.w).sum(dim=2).sum(dim=1, keepdim=True) + self.c
)");
    // One folder per process: the quality tests run in parallel, and scratchDir empties the folder it gives.
    const auto path = (scratchDir(QStringLiteral("quality-models-%1").arg(QCoreApplication::applicationPid())) + "/" + name + ".pt")
                          .toStdString();
    m.save(path);
    return path;
}

inline AdaptedInput adaptedInputOf(const torch::Tensor& x, double fs)
{
    AdaptedInput in;
    in.leads = int(x.size(0));
    in.samples = int(x.size(1));
    in.modelRateHz = fs;
    const auto c = x.contiguous();
    in.values.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    in.mv = in.values;   // the linear card takes mV without normalisation
    in.validSamples = in.samples;
    return in;
}

inline std::vector<float> valuesOf(const torch::Tensor& t)
{
    const auto c = t.contiguous();
    return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

} // namespace execg::test
