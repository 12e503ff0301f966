#pragma once
// How this machine's float32 arithmetic meets the Captum reference input, found without our explainers: the plain
// gradient of logit 1 taken here with LibTorch's autograd, in float32 and again in float64, each compared with
// Captum's saliency.npy. Captum's float32 maps equal the float64 gradient on the reference input; on a CPU whose
// float32 kernels round differently (seen: AMD EPYC, AVX2 without AVX-512, Debian's LibTorch 1.13), one max-pool or
// ReLU decision in the stem falls the other way and the float32 gradient differs from Captum's at a few hundred of the
// 30,000 elements (the receptive field of that one decision) — on that machine no float32 implementation can agree
// with Captum element for element there, PyTorch's own included. The agreement tests then check the rest.
// Torch before Qt: include this before <QtTest>.
#include "CaptumReference.h"

#include "io/npy/NpyArray.h"

#include <ATen/Parallel.h>
#include <torch/script.h>

#include <cmath>
#include <vector>

namespace execg::test {

struct CaptumRounding {
    std::vector<float> float32Gradient;   // d logit 1 / d x, float32, as LibTorch gives it on this machine
    std::size_t float32Beyond = 0;        // its elements beyond the agreement tolerance from Captum's saliency
    std::size_t float64Beyond = 0;        // the same for the float64 gradient
    // This machine's float32 rounding flips a decision Captum's machine did not: float64 agrees, float32 does not.
    bool decisionFlipsHere() const { return float32Beyond > 0 && float64Beyond == 0; }
};

inline const CaptumRounding& captumRounding()
{
    static const CaptumRounding r = [] {
        CaptumRounding out;
        // The threads the reference was made with and the tests run at: a reduction split otherwise may round
        // (and flip a decision) differently.
        at::set_num_threads(2);
        const auto input = npy::readNpyArray((captumDir() + "/input.npy").toStdString());
        const auto reference = npy::readNpyArray((captumDir() + "/out/saliency.npy").toStdString());
        const std::vector<float> x(input.values.begin(), input.values.end());
        const std::vector<float> ref(reference.values.begin(), reference.values.end());
        for (const auto type : {torch::kFloat32, torch::kFloat64}) {
            auto model = torch::jit::load((captumDir() + "/model.pt").toStdString());
            model.eval();
            model.to(type);
            auto t = torch::tensor(x).reshape({1, 12, 2500}).to(type).requires_grad_(true);
            model.forward({t}).toTensor()[0][1].backward();
            const auto g = t.grad().to(torch::kFloat64).contiguous();
            std::vector<float> gradient(std::size_t(g.numel()));
            for (std::size_t i = 0; i < gradient.size(); ++i)
                gradient[i] = float(g.data_ptr<double>()[i]);
            const auto beyond = agreementWith(gradient, ref).beyond;
            if (type == torch::kFloat32) {
                out.float32Gradient = gradient;
                out.float32Beyond = beyond;
            } else
                out.float64Beyond = beyond;
        }
        return out;
    }();
    return r;
}

} // namespace execg::test
