#!/usr/bin/python3
"""Builds the small TorchScript models the any-model tests load (tests/models/*.pt) and the references they are
checked against, computed here independently of ExECG Studio: a forward hook on the eager module gives a layer's
output, autograd its gradient.

Run once, by hand, with Debian 12's PyTorch (the same 1.13 as libtorch-dev) and commit what it writes:

    sudo apt-get install python3-torch python3-numpy
    /usr/bin/python3 tests/models/make_test_models.py

The models are untrained (seeded random weights): the tests check that layers are reached and gradients flow, not
what the models have learnt. Input: 3 leads (I, II, V1) x 1,000 samples (4 s at 250 Hz), in mV.
"""
import os
import zipfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
LEADS, SAMPLES = 3, 1000
TARGET = 1
torch.set_num_threads(1)


class ResBlock1d(nn.Module):
    """Ribeiro et al. (2020): residual blocks pass (x, y) pairs, y being the skip path before activation."""

    def __init__(self, n_in, n_out, downsample):
        super().__init__()
        self.conv1 = nn.Conv1d(n_in, n_out, 9, padding=4, bias=False)
        self.bn1 = nn.BatchNorm1d(n_out)
        self.relu = nn.ReLU()
        self.dropout1 = nn.Dropout(0.2)
        self.conv2 = nn.Conv1d(n_out, n_out, 9, stride=downsample, padding=4, bias=False)
        self.bn2 = nn.BatchNorm1d(n_out)
        self.dropout2 = nn.Dropout(0.2)
        skip = []
        if downsample > 1:
            skip.append(nn.MaxPool1d(downsample, stride=downsample))
        if n_in != n_out:
            skip.append(nn.Conv1d(n_in, n_out, 1, bias=False))
        self.skip = nn.Sequential(*skip)

    def forward(self, x, y):
        y = self.skip(y)
        x = self.dropout1(self.relu(self.bn1(self.conv1(x))))
        x = self.conv2(x)
        x = x + y
        y = x
        x = self.dropout2(self.relu(self.bn2(x)))
        return x, y


class PairResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(LEADS, 16, 7, padding=3, bias=False)
        self.bn1 = nn.BatchNorm1d(16)
        self.relu = nn.ReLU()
        self.res_blocks = nn.ModuleList([ResBlock1d(16, 16, 1), ResBlock1d(16, 24, 4), ResBlock1d(24, 32, 5)])
        self.lin = nn.Linear(32 * 50, 2)

    def forward(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        y = x
        for block in self.res_blocks:
            x, y = block(x, y)
        return self.lin(x.flatten(1))


class TopSkip(nn.Module):
    """A body and a 1x1 projection of the input added before the head: a top-level skip."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv1d(LEADS, 16, 7, padding=3), nn.ReLU(), nn.Conv1d(16, 16, 7, padding=3), nn.ReLU())
        self.proj = nn.Conv1d(LEADS, 16, 1)
        self.head = nn.Sequential(nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(16, 2))

    def forward(self, x):
        return self.head(self.body(x) + self.proj(x))


class SamplesFirst(nn.Module):
    """The same network fed (batch, samples, leads), as Keras ports are."""

    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def forward(self, x):
        return self.inner(x.transpose(1, 2))


class InceptionBlock(nn.Module):
    def __init__(self, n_in, n_branch):
        super().__init__()
        self.branch1 = nn.Conv1d(n_in, n_branch, 1)
        self.branch3 = nn.Sequential(nn.Conv1d(n_in, n_branch, 1), nn.ReLU(), nn.Conv1d(n_branch, n_branch, 9, padding=4))
        self.branch5 = nn.Sequential(nn.Conv1d(n_in, n_branch, 1), nn.ReLU(), nn.Conv1d(n_branch, n_branch, 39, padding=19))
        self.pool = nn.Sequential(nn.MaxPool1d(3, stride=1, padding=1), nn.Conv1d(n_in, n_branch, 1))
        self.relu = nn.ReLU()

    def forward(self, x):
        return self.relu(torch.cat([self.branch1(x), self.branch3(x), self.branch5(x), self.pool(x)], 1))


class Inception(nn.Module):
    """Branches concatenated inside blocks; the top level is a plain chain (stem, inc1, inc2, gap, fc)."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv1d(LEADS, 16, 7, stride=2, padding=3), nn.ReLU())
        self.inc1 = InceptionBlock(16, 8)
        self.inc2 = InceptionBlock(32, 8)
        self.gap = nn.AdaptiveAvgPool1d(1)
        self.fc = nn.Linear(32, 2)

    def forward(self, x):
        return self.fc(self.gap(self.inc2(self.inc1(self.stem(x)))).flatten(1))


class EcgTransformer(nn.Module):
    """Convolutional tokens, a class token and a positional embedding added in forward(), a transformer encoder."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv1d(LEADS, 32, 10, stride=10), nn.ReLU())
        self.cls_token = nn.Parameter(torch.randn(1, 1, 32) * 0.02)
        self.pos_embedding = nn.Parameter(torch.randn(1, 101, 32) * 0.02)
        layer = nn.TransformerEncoderLayer(32, 4, 64, dropout=0.1, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)
        self.head = nn.Linear(32, 2)

    def forward(self, x):
        tokens = self.stem(x).transpose(1, 2)
        tokens = torch.cat([self.cls_token.expand(tokens.size(0), -1, -1), tokens], 1) + self.pos_embedding
        return self.head(self.encoder(tokens)[:, 0])


class ConvGru(nn.Module):
    """A convolutional front end and a recurrent head."""

    def __init__(self):
        super().__init__()
        self.front = nn.Sequential(nn.Conv1d(LEADS, 16, 7, stride=2, padding=3), nn.ReLU(),
                                   nn.Conv1d(16, 16, 7, stride=2, padding=3), nn.ReLU())
        self.gru = nn.GRU(16, 24, batch_first=True)
        self.head = nn.Linear(24, 2)

    def forward(self, x):
        out, _ = self.gru(self.front(x).transpose(1, 2))
        return self.head(out[:, -1])


class FunctionalRelu(nn.Module):
    """No ReLU modules: F.relu, torch.relu, an in-place relu_ and clamp_min(0) in forward()."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(LEADS, 16, 7, padding=3)
        self.conv2 = nn.Conv1d(16, 16, 7, padding=3)
        self.conv3 = nn.Conv1d(16, 16, 5, padding=2)
        self.conv4 = nn.Conv1d(16, 16, 5, padding=2)
        self.fc = nn.Linear(16, 2)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = torch.relu(self.conv2(x))
        x = self.conv3(x)
        x.relu_()
        x = self.conv4(x).clamp_min(0)
        return self.fc(x.mean(2))


class GuidedRelu(torch.autograd.Function):
    """Springenberg et al.'s rule, written out: only positive gradients where the input was positive."""

    @staticmethod
    def forward(ctx, x):
        y = x.clamp_min(0)
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, g):
        (y,) = ctx.saved_tensors
        return g.clamp_min(0) * (y > 0)


def functional_relu_guided(m, x):
    x = GuidedRelu.apply(m.conv1(x))
    x = GuidedRelu.apply(m.conv2(x))
    x = GuidedRelu.apply(m.conv3(x))
    x = GuidedRelu.apply(m.conv4(x))
    return m.fc(x.mean(2))


def ecg_like_input(batch):
    g = torch.Generator().manual_seed(20261205)
    t = torch.arange(SAMPLES, dtype=torch.float32) / 250.0
    rows = []
    for b in range(batch):
        leads = []
        for lead in range(LEADS):
            beat = torch.exp(-((torch.remainder(t + 0.13 * b, 0.8) - 0.3) ** 2) / 0.0004) * (1.0 + 0.3 * lead)
            wave = 0.25 * torch.exp(-((torch.remainder(t + 0.13 * b, 0.8) - 0.55) ** 2) / 0.004)
            leads.append(beat + wave + 0.05 * torch.randn(SAMPLES, generator=g))
        rows.append(torch.stack(leads))
    return torch.stack(rows)


def layer_reference(model, layer, x):
    """The layer's output and d output[TARGET] / d output, by a forward hook on the eager module."""
    kept = {}

    def hook(_module, _inputs, output):
        out = output[0] if isinstance(output, tuple) else output
        out.retain_grad()
        kept["a"] = out
        kept["value"] = out.detach().clone()   # before any in-place operation after the layer

    handle = model.get_submodule(layer).register_forward_hook(hook)
    y = model(x)
    handle.remove()
    y[:, TARGET].sum().backward()
    return kept["value"], kept["a"].grad.detach()


def save(name, array):
    np.save(os.path.join(HERE, "reference", name + ".npy"), np.ascontiguousarray(array.numpy().astype(np.float32)))


def main():
    os.makedirs(os.path.join(HERE, "reference"), exist_ok=True)
    x = ecg_like_input(2)
    save("input", x)
    torch.manual_seed(2026)
    models = {
        "pair_resnet": PairResNet(),
        "top_skip": TopSkip(),
        "inception": Inception(),
        "transformer": EcgTransformer(),
        "conv_gru": ConvGru(),
        "functional_relu": FunctionalRelu(),
    }
    layers = {
        "pair_resnet": ["res_blocks.1", "res_blocks.2.conv1"],
        "top_skip": ["body", "body.2"],
        "inception": ["inc1", "inc2.branch5"],
        "transformer": ["stem", "encoder.layers.1"],
        "conv_gru": ["front", "gru"],
        "functional_relu": ["conv2"],
    }
    for name, model in models.items():
        model.eval()
        with torch.no_grad():
            for p in model.parameters():   # livelier than the default init, so that gradients are not tiny
                p.mul_(1.5)
        scripted = torch.jit.script(model)
        scripted.save(os.path.join(HERE, name + ".pt"))
        with torch.no_grad():
            save(name + "__output", model(x))
        for layer in layers[name]:
            a, g = layer_reference(model, layer, x.clone())
            save(name + "__" + layer + "__act", a)
            save(name + "__" + layer + "__grad", g)
    # Traced variants: the graph records one run, submodule calls kept.
    for name in ["top_skip", "conv_gru", "pair_resnet"]:
        torch.jit.trace(models[name], x).save(os.path.join(HERE, name + "_traced.pt"))
    # Samples-first: the top-skip network fed (batch, samples, leads).
    torch.jit.script(SamplesFirst(models["top_skip"]).eval()).save(os.path.join(HERE, "samples_first.pt"))
    # Guided backpropagation through functional ReLUs.
    xg = x.clone().requires_grad_(True)
    functional_relu_guided(models["functional_relu"], xg)[:, TARGET].sum().backward()
    save("functional_relu__guided", xg.grad)

    # Files that are not TorchScript, or not for LibTorch 1.13 (the loader must say what each is).
    foreign = os.path.join(HERE, "foreign")
    os.makedirs(foreign, exist_ok=True)
    small = TopSkip().eval()
    torch.save(small.state_dict(), os.path.join(foreign, "state_dict.pt"))
    torch.save(small.state_dict(), os.path.join(foreign, "state_dict_legacy.pth"), _use_new_zipfile_serialization=False)
    torch.save(small, os.path.join(foreign, "pickled_module.pt"))
    try:
        torch.onnx.export(small, torch.zeros(1, LEADS, SAMPLES), os.path.join(foreign, "model.onnx"))
    except Exception as e:   # Debian's build may lack the exporter: say so, the test then uses its own bytes
        print("no ONNX export:", e)
    # A TorchScript file as PyTorch 2.x writes one when the model calls an operator 1.13 lacks.
    newer = os.path.join(foreign, "newer_pytorch.pt")
    torch.jit.script(small).save(newer + ".tmp")
    with zipfile.ZipFile(newer + ".tmp") as src, zipfile.ZipFile(newer, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.endswith("code/__torch__.py"):
                data = data.replace(b"    return _1", b"    _2 = torch.scaled_dot_product_attention(x, x, x)\n    return _1")
                assert b"scaled_dot_product_attention" in data
            if item.filename.endswith("/version"):
                data = b"10\n"
            dst.writestr(item, data)
    os.remove(newer + ".tmp")


if __name__ == "__main__":
    main()
