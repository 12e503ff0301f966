#include "model/torch/training/Cinc2017Network.h"

#include "model/torch/training/DemoArchitectures.h"

#include <cctype>
#include <cmath>
#include <stdexcept>

namespace execg::training {

namespace {

// A dilated convolution added back onto its input (x + GroupNorm(conv(x)), then ReLU): one child, which Grad-CAM
// and concept tests can name, and deep stacks of them still train.
torch::jit::Module residualBlock(const std::string& type, int channels, int kernel, int dilation, int groups)
{
    torch::jit::Module m(type);
    m.register_parameter("weight", (torch::rand({channels, channels, kernel}) * 2 - 1) * std::sqrt(3.0 / (channels * kernel)), false);
    m.register_parameter("bias", torch::zeros({channels}), false);
    m.register_parameter("norm_weight", torch::ones({channels}), false);
    m.register_parameter("norm_bias", torch::zeros({channels}), false);
    m.define("def forward(self, x):\n"
             "    y = torch.conv1d(x, self.weight, self.bias, [1], [" + std::to_string(dilation * (kernel / 2)) + "], [" +
             std::to_string(dilation) + "])\n"
             "    y = torch.group_norm(y, " + std::to_string(groups) + ", self.norm_weight, self.norm_bias, 1e-05, False)\n"
             "    return torch.relu(x + y)\n");
    return m;
}

constexpr int kRhythmChannels = 8;
constexpr int kFirstLag = 4, kLastLag = 38;   // layer3 steps of 53 ms: 0.21–2.0 s, a heart rate of 30–280 /min

// How periodic the rhythm is: a few learnt projections of layer3's features (a beat detector, a P-wave detector,
// whatever training finds), each one's autocorrelation at the lags an RR interval can take, normalised by its energy.
// A regular rhythm gives sharp peaks at its RR interval and its multiples; atrial fibrillation smears them. The
// convolutions see a few beats at a time; this compares every beat with every other in the window, and stays
// differentiable, so every explanation method still reaches the input through it.
torch::jit::Module rhythmBlock(int in, int channels, int features)
{
    torch::jit::Module m("AfRhythm");
    const int lags = kLastLag - kFirstLag + 1;
    m.register_parameter("weight", (torch::rand({channels, in, 1}) * 2 - 1) * std::sqrt(3.0 / in), false);
    m.register_parameter("bias", torch::zeros({channels}), false);
    m.register_parameter("hidden_weight", (torch::rand({features, channels * lags}) * 2 - 1) * std::sqrt(3.0 / (channels * lags)), false);
    m.register_parameter("hidden_bias", torch::zeros({features}), false);
    m.define("def forward(self, h):\n"
             "    z = torch.conv1d(h, self.weight, self.bias)\n"
             "    z = z - torch.mean(z, [2], True)\n"
             "    energy = torch.sum(z * z, [2]) + 1e-03\n"
             "    r = []\n"
             "    for lag in range(" + std::to_string(kFirstLag) + ", " + std::to_string(kLastLag + 1) + "):\n"
             "        r.append(torch.sum(z[:, :, lag:] * z[:, :, :-lag], [2]) / energy)\n"
             "    return torch.relu(torch.linear(torch.cat(r, 1), self.hidden_weight, self.hidden_bias))\n");
    return m;
}

// One member's forward and the ensemble's alike (the ensemble's stages are the members' side by side).
constexpr const char* kNetworkForward = R"JIT(
def forward(self, x):
    h3 = self.layer3.forward(self.layer2.forward(self.layer1.forward(self.stem.forward(x))))
    h = self.layer7.forward(self.layer6.forward(self.layer5.forward(self.layer4.forward(h3))))
    return self.fc.forward(torch.cat([self.pool.forward(h), self.rhythm.forward(h3)], 1))
)JIT";

} // namespace

// 4500 samples → stem (stride 2) 2250 → 1125 → 563 → layer3 282 steps of 53 ms → layer4 141 steps of 107 ms; then
// three dilated residual layers whose receptive field (about 10 s) spans many beats, and each channel's mean and
// spread over the window (how much a feature varies is what tells an irregular rhythm). Beside them the rhythm
// branch reads layer3, where each beat's timing is still sharp, and compares the beats across the whole window.
torch::jit::Module afCinc2017Network()
{
    torch::jit::Module model("AfCinc2017Net");
    model.register_module("stem", convBlock("AfStem", 1, kWidths[0], 15, 2, 4));
    model.register_module("layer1", convBlock("AfLayer1", kWidths[0], kWidths[1], 9, 2, 4));
    model.register_module("layer2", convBlock("AfLayer2", kWidths[1], kWidths[2], 9, 2, 8));
    model.register_module("layer3", convBlock("AfLayer3", kWidths[2], kWidths[3], 9, 2, 8));
    model.register_module("layer4", convBlock("AfLayer4", kWidths[3], kWidths[4], 9, 2, 8));
    model.register_module("layer5", residualBlock("AfLayer5", kWidths[5], 9, 2, 8));
    model.register_module("layer6", residualBlock("AfLayer6", kWidths[6], 9, 4, 8));
    model.register_module("layer7", residualBlock("AfLayer7", kWidths[7], 9, 8, 8));
    // Each channel's mean over time and its spread (the square root of the variance, kept off zero so that its
    // gradient stays finite): how much a feature varies across the window is what tells an irregular rhythm.
    torch::jit::Module pool("AfStatisticsPool");
    pool.define("def forward(self, x):\n    m = torch.mean(x, [2])\n    v = torch.mean((x - m.unsqueeze(2)) ** 2, [2])\n"
                "    return torch.cat([m, torch.sqrt(v + 1e-05)], 1)\n");
    model.register_module("pool", pool);
    model.register_module("rhythm", rhythmBlock(kWidths[3], kRhythmChannels, kRhythmFeatures));
    torch::jit::Module fc("AfLinear");
    constexpr int features = 2 * kWidths[7] + kRhythmFeatures;   // layer7's mean and spread, the rhythm features
    fc.register_parameter("weight", (torch::rand({4, features}) * 2 - 1) * std::sqrt(3.0 / features) * 0.1, false);
    fc.register_parameter("bias", torch::zeros({4}), false);
    fc.define("def forward(self, x):\n    return torch.linear(x, self.weight, self.bias)\n");
    model.register_module("fc", fc);
    model.define(kNetworkForward);
    for (auto p : model.parameters())
        p.requires_grad_(true);
    return model;
}

namespace {

// TorchScript for the channels [from, from + count) of x.
std::string channelSlice(int from, int count)
{
    return "x[:, " + std::to_string(from) + ":" + std::to_string(from + count) + "]";
}

// The members' stages side by side, so that the ensemble is one network with the members' layer names: the input's
// channels are split between the members (`width` each; 0: every member reads the whole input, as the stems read
// the one lead), each member's own stage runs on its share, and the outputs are concatenated. Grad-CAM and concept
// tests on "layer7" or "rhythm" then read every member's channels, which is the ensemble's layer, not one member's.
torch::jit::Module sideBySide(const std::string& type, const std::vector<torch::jit::Module>& stages, int width)
{
    torch::jit::Module m(type);
    std::string body = "def forward(self, x):\n    return torch.cat([";
    for (std::size_t k = 0; k < stages.size(); ++k) {
        const auto name = "m" + std::to_string(k);
        m.register_module(name, stages[k]);
        body += (k ? ", self." : "self.") + name + ".forward(";
        body += width == 0 ? std::string("x") : channelSlice(int(k) * width, width);
        body += ")";
    }
    m.define(body + "], 1)\n");
    return m;
}

// The ensemble's classifier: each member's own linear layer on its own share of the pooled features (means, spreads,
// rhythm: each block holds the members one after the other) and the members' logits averaged.
torch::jit::Module averagedHeads(const std::vector<torch::jit::Module>& heads, int pooled, int rhythm)
{
    torch::jit::Module m("AfEnsembleHead");
    const auto n = int(heads.size());
    std::string body = "def forward(self, x):\n    z = ";
    for (int k = 0; k < n; ++k) {
        const auto name = "m" + std::to_string(k);
        m.register_module(name, heads[std::size_t(k)]);
        body += (k ? " + self." : "self.") + name + ".forward(torch.cat([" + channelSlice(k * pooled, pooled) + ", " +
                channelSlice(n * pooled + k * pooled, pooled) + ", " + channelSlice(2 * n * pooled + k * rhythm, rhythm) + "], 1))";
    }
    m.define(body + "\n    return z / " + std::to_string(n) + ".0\n");
    return m;
}

} // namespace

// Members trained from different seeds, as one network whose logits are the members' mean: the same layer names,
// the same forward as one member, so the adapter, the explainers and the card treat it as they treat one.
torch::jit::Module afCinc2017Ensemble(const std::vector<torch::jit::Module>& members)
{
    const auto stage = [&](const char* name) {
        std::vector<torch::jit::Module> stages;
        for (const auto& m : members)
            stages.push_back(m.attr(name).toModule());
        return stages;
    };
    if (members.empty())
        throw std::invalid_argument("an ensemble of no networks");
    torch::jit::Module model("AfCinc2017Ensemble");
    // Each stage reads the previous one's output: the stem the lead itself, layer k the widths of layer k - 1.
    const char* stages[] = {"stem", "layer1", "layer2", "layer3", "layer4", "layer5", "layer6", "layer7"};
    for (int k = 0; k < 8; ++k)
        model.register_module(stages[k], sideBySide(std::string("AfEnsemble") + char(std::toupper(stages[k][0])) + (stages[k] + 1),
                                                    stage(stages[k]), k ? kWidths[std::size_t(k - 1)] : 0));
    model.register_module("pool", members.front().attr("pool").toModule());   // per channel: no weights to keep apart
    model.register_module("rhythm", sideBySide("AfEnsembleRhythm", stage("rhythm"), kWidths[3]));
    model.register_module("fc", averagedHeads(stage("fc"), kWidths[7], kRhythmFeatures));
    model.define(kNetworkForward);
    return model;
}

} // namespace execg::training
