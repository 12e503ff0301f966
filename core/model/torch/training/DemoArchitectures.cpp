#include "model/torch/training/DemoArchitectures.h"

#include "io/AtomicFile.h"

#include <cmath>
#include <sstream>
#include <vector>

namespace execg::training {

namespace {

// Uniform with variance 1/fan_in (LeCun): keeps activations near unit scale through the unnormalised autoencoder.
torch::Tensor initWeight(std::vector<std::int64_t> shape, double fanIn)
{
    const double bound = std::sqrt(3.0 / fanIn);
    return (torch::rand(shape) * 2.0 - 1.0) * bound;
}

void addParameter(torch::jit::Module& m, const std::string& name, torch::Tensor t)
{
    m.register_parameter(name, t.requires_grad_(true), /*is_buffer=*/false);
}

} // namespace

// Conv1d → GroupNorm → ReLU, one child of a classifier (the dilation is written only where it is not 1, so the demo
// models' code, and so their files, stay as they were).
torch::jit::Module convBlock(const std::string& type, int in, int out, int kernel, int stride, int groups, int dilation)
{
    torch::jit::Module m(type);
    addParameter(m, "weight", initWeight({out, in, kernel}, double(in * kernel)));
    addParameter(m, "bias", torch::zeros({out}));
    addParameter(m, "norm_weight", torch::ones({out}));
    addParameter(m, "norm_bias", torch::zeros({out}));
    const int padding = dilation * (kernel / 2);
    m.define("def forward(self, x):\n"
             "    y = torch.conv1d(x, self.weight, self.bias, [" + std::to_string(stride) + "], [" +
             std::to_string(padding) + "]" + (dilation == 1 ? std::string() : ", [" + std::to_string(dilation) + "]") + ")\n"
             "    y = torch.group_norm(y, " + std::to_string(groups) + ", self.norm_weight, self.norm_bias, 1e-05, False)\n"
             "    return torch.relu(y)\n");
    return m;
}

torch::jit::Module buildClassifier(const std::string& typePrefix, ClassifierHead head)
{
    // 2500 samples → stem (stride 4) 625 → 313 → 157 → layer3 79 steps of ~127 ms: Grad-CAM on layer3 still
    // separates P, QRS and T of one beat. Receptive field of layer3: 121 samples (0.48 s).
    torch::jit::Module model(typePrefix + "Net");
    model.register_module("stem", convBlock(typePrefix + "Stem", 12, 24, 9, 4, 4));
    model.register_module("layer1", convBlock(typePrefix + "Layer1", 24, 32, 5, 2, 4));
    model.register_module("layer2", convBlock(typePrefix + "Layer2", 32, 48, 5, 2, 4));
    model.register_module("layer3", convBlock(typePrefix + "Layer3", 48, 64, 5, 2, 8));

    torch::jit::Module gap(typePrefix + "GlobalAveragePool");
    gap.define("def forward(self, x):\n    return torch.mean(x, [2])\n");
    model.register_module("gap", gap);

    torch::jit::Module fc(head == ClassifierHead::Potassium ? typePrefix + "ScaledLinear" : typePrefix + "Linear");
    addParameter(fc, "weight", initWeight({1, 64}, 64.0) * 0.1);
    addParameter(fc, "bias", torch::zeros({1}));
    if (head == ClassifierHead::Potassium)
        // The network predicts (K − 5)/2, a unit-scale target centred on the hyperkalaemia threshold; the file
        // outputs mmol/L so no consumer needs to know the scaling.
        fc.define("def forward(self, x):\n    return torch.linear(x, self.weight, self.bias) * 2.0 + 5.0\n");
    else
        fc.define("def forward(self, x):\n    return torch.linear(x, self.weight, self.bias)\n");
    model.register_module("fc", fc);

    model.define(R"JIT(
def forward(self, x):
    return self.fc.forward(self.gap.forward(self.layer3.forward(self.layer2.forward(self.layer1.forward(self.stem.forward(x))))))
)JIT");
    return model;
}

torch::jit::Module buildAutoencoder(const std::string& typePrefix)
{
    constexpr int c = 48;
    torch::jit::Module encoder(typePrefix + "Encoder");
    addParameter(encoder, "w1", initWeight({c, 12, 5}, 12.0 * 5));
    addParameter(encoder, "b1", torch::zeros({c}));
    addParameter(encoder, "w2", initWeight({c, c, 4}, c * 4.0));
    addParameter(encoder, "b2", torch::zeros({c}));
    addParameter(encoder, "w3", initWeight({c, c, 4}, c * 4.0));
    addParameter(encoder, "b3", torch::zeros({c}));
    addParameter(encoder, "w4", initWeight({kLatentChannels, c, 3}, c * 3.0));
    addParameter(encoder, "b4", torch::zeros({kLatentChannels}));
    // 2500 → 500 (20 ms patches) → 250 → 125; SiLU because it has no dead region (an autoencoder must pass every
    // amplitude) and no normalisation because normalising would discard the amplitude it has to reconstruct.
    encoder.define(R"JIT(
def forward(self, x):
    h = torch.conv1d(x, self.w1, self.b1, [5], [0])
    h = h * torch.sigmoid(h)
    h = torch.conv1d(h, self.w2, self.b2, [2], [1])
    h = h * torch.sigmoid(h)
    h = torch.conv1d(h, self.w3, self.b3, [2], [1])
    h = h * torch.sigmoid(h)
    return torch.conv1d(h, self.w4, self.b4, [1], [1])
)JIT");

    torch::jit::Module decoder(typePrefix + "Decoder");
    addParameter(decoder, "w1", initWeight({c, kLatentChannels, 3}, kLatentChannels * 3.0));
    addParameter(decoder, "b1", torch::zeros({c}));
    addParameter(decoder, "w2", initWeight({2 * c, c, 3}, c * 3.0));
    addParameter(decoder, "b2", torch::zeros({2 * c}));
    addParameter(decoder, "w3", initWeight({2 * c, c, 3}, c * 3.0));
    addParameter(decoder, "b3", torch::zeros({2 * c}));
    addParameter(decoder, "w4", initWeight({8 * 5, c, 1}, double(c)));
    addParameter(decoder, "b4", torch::zeros({8 * 5}));
    // The decoder emits the 8 independent leads (I, II, V1–V6) and forms III, aVR, aVL, aVF by Einthoven's and
    // Goldberger's relations, so every reconstruction and counterfactual is a physically consistent 12-lead ECG.
    auto leadMap = torch::zeros({12, 8});
    leadMap[0][0] = 1.0;                                 // I
    leadMap[1][1] = 1.0;                                 // II
    leadMap[2][0] = -1.0; leadMap[2][1] = 1.0;           // III = II − I
    leadMap[3][0] = -0.5; leadMap[3][1] = -0.5;          // aVR = −(I + II)/2
    leadMap[4][0] = 1.0;  leadMap[4][1] = -0.5;          // aVL = I − II/2
    leadMap[5][0] = -0.5; leadMap[5][1] = 1.0;           // aVF = II − I/2
    for (int v = 0; v < 6; ++v)
        leadMap[6 + v][2 + v] = 1.0;                     // V1–V6
    decoder.register_buffer("lead_map", leadMap);
    // Upsampling by sub-pixel shuffle (a convolution makes r values per step, reshaped into r steps) rather than
    // transposed convolution: same expressiveness, but it runs on the fast convolution path (the transposed
    // convolution's backward made training several times slower on CPU).
    decoder.define(R"JIT(
def shuffle(self, h, r: int):
    b = h.size(0)
    c = h.size(1) // r
    n = h.size(2)
    return h.reshape([b, c, r, n]).permute([0, 1, 3, 2]).reshape([b, c, n * r])

def forward(self, z):
    h = torch.conv1d(z, self.w1, self.b1, [1], [1])
    h = h * torch.sigmoid(h)
    h = self.shuffle(torch.conv1d(h, self.w2, self.b2, [1], [1]), 2)
    h = h * torch.sigmoid(h)
    h = self.shuffle(torch.conv1d(h, self.w3, self.b3, [1], [1]), 2)
    h = h * torch.sigmoid(h)
    y = self.shuffle(torch.conv1d(h, self.w4, self.b4, [1], [0]), 5)
    return torch.matmul(self.lead_map, y)
)JIT");

    torch::jit::Module model(typePrefix + "Autoencoder");
    model.register_module("encoder", encoder);
    model.register_module("decoder", decoder);
    model.define(R"JIT(
def forward(self, x):
    return self.decoder.forward(self.encoder.forward(x))

def encode(self, x):
    return self.encoder.forward(x)

def decode(self, z):
    return self.decoder.forward(z)
)JIT");
    return model;
}

std::int64_t parameterCount(const torch::jit::Module& module)
{
    std::int64_t n = 0;
    for (const auto& p : module.parameters())
        n += p.numel();
    return n;
}

void saveModelAtomically(const torch::jit::Module& module, const std::string& path)
{
    std::ostringstream bytes;
    module.save(bytes);
    writeFileAtomically(path, bytes.str());
}

} // namespace execg::training
