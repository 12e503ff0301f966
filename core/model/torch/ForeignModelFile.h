#pragma once
// What a model file is when LibTorch cannot load it as TorchScript, and what the user should do: researchers bring
// state_dicts, pickled modules, ONNX and Keras files, and TorchScript saved by a newer PyTorch. Every case gets a
// message that names what the file is and how to export a model ExECG Studio runs (docs/models.md).
// Torch-including: reads the archive with LibTorch's own zip reader.
#include <string>

namespace execg {

// `torchCause`: the cause in LibTorch's error (torchErrorCause). Returns the whole message after "FILE: ".
std::string describeUnloadableModel(const std::string& path, const std::string& torchCause);

} // namespace execg
