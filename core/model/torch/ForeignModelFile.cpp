#include "model/torch/ForeignModelFile.h"

#include "io/FileExtension.h"

#include <caffe2/serialize/inline_container.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <regex>
#include <string_view>
#include <vector>

namespace execg {

namespace {

constexpr const char* kExport = "export it from PyTorch as TorchScript — torch.jit.script(model) (or "
                                "torch.jit.trace(model, example_input)), then .save(\"model.pt\"); see docs/models.md";

std::string head(const std::string& path, std::size_t bytes)
{
    std::ifstream in(path, std::ios::binary);
    std::string s(bytes, '\0');
    in.read(s.data(), std::streamsize(bytes));
    s.resize(std::size_t(in.gcount()));
    return s;
}

// The class of the object a pickle holds: its first GLOBAL ("c<module>\n<name>\n").
std::string firstPickledClass(std::string_view pickle)
{
    const auto at = pickle.find('c', pickle.size() > 2 && pickle[0] == '\x80' ? 2 : 0);
    if (at == std::string_view::npos)
        return {};
    const auto moduleEnd = pickle.find('\n', at + 1);
    if (moduleEnd == std::string_view::npos)
        return {};
    const auto nameEnd = pickle.find('\n', moduleEnd + 1);
    if (nameEnd == std::string_view::npos || nameEnd - at > 200)
        return {};
    return std::string(pickle.substr(at + 1, moduleEnd - at - 1)) + "." +
           std::string(pickle.substr(moduleEnd + 1, nameEnd - moduleEnd - 1));
}

std::string describePickle(const std::string& className, const std::string& how)
{
    if (className == "collections.OrderedDict" || className.empty())
        return "a state_dict — the weights only, saved with torch.save(model.state_dict())" + how +
               " — not a TorchScript model: it holds no architecture to run. In Python, load it into the model "
               "(model.load_state_dict(...)) and " + kExport;
    return "a pickled PyTorch module (class " + className + ", saved with torch.save(model))" + how +
           " — not a TorchScript model: it needs its Python class to load. In Python, " + kExport;
}

std::string describeZip(const std::string& path, const std::string& torchCause)
{
    std::vector<std::string> records;
    std::string pickle;
    try {
        caffe2::serialize::PyTorchStreamReader reader(path);
        records = reader.getAllRecords();
        if (reader.hasRecord("data.pkl")) {
            auto [data, size] = reader.getRecord("data.pkl");
            pickle.assign(static_cast<const char*>(data.get()), std::min<std::size_t>(size, 4096));
        }
    } catch (const std::exception&) {
        return "a zip archive but not a PyTorch file (" + torchCause + "); " + kExport;
    }
    const bool code = std::any_of(records.begin(), records.end(), [](const std::string& r) { return r.rfind("code/", 0) == 0; });
    if (!code && !pickle.empty())
        return describePickle(firstPickledClass(pickle), "");
    // TorchScript that this LibTorch cannot read: an operator it lacks, or a newer file format.
    static const std::regex unknownOp(R"(Unknown (?:builtin op|type name|function)[: ]+'?([A-Za-z_:.0-9]+))");
    std::smatch m;
    if (std::regex_search(torchCause, m, unknownOp)) {
        auto op = m[1].str();
        while (!op.empty() && op.back() == '.')
            op.pop_back();
        return "TorchScript saved by a newer PyTorch: it uses " + op + ", which LibTorch 1.13 (the version "
               "ExECG Studio runs) does not have. Export it again with PyTorch 1.13, or replace that operation in the "
               "model's code (docs/models.md lists what loads)";
    }
    if (torchCause.find("version") != std::string::npos)
        return "TorchScript in a newer file format than LibTorch 1.13 reads (" + torchCause +
               "). Export it again with PyTorch 1.13 (docs/models.md)";
    return "TorchScript that LibTorch 1.13 cannot load (" + torchCause + ")";
}

} // namespace

std::string describeUnloadableModel(const std::string& path, const std::string& torchCause)
{
    const auto start = head(path, 512);
    const auto extension = lowerCaseExtension(path);
    if (start.rfind("PK\x03\x04", 0) == 0)
        return describeZip(path, torchCause);
    // torch.save's format before PyTorch 1.6: a pickle of the magic number 0x1950a86a20f9469cfc6c, then the object.
    static const std::string legacyMagic("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 14);
    if (start.rfind(legacyMagic, 0) == 0) {
        const auto body = head(path, 1 << 16);
        const bool stateDict = body.find("ccollections\nOrderedDict\n") != std::string::npos;
        return describePickle(stateDict ? "collections.OrderedDict" : "a class the file names", " in PyTorch's legacy format");
    }
    if (start.rfind("\x89HDF\r\n\x1a\n", 0) == 0)
        return "an HDF5 file (a Keras/TensorFlow model?), not a TorchScript model: ExECG Studio runs TorchScript. Port "
               "the model to PyTorch and " + std::string(kExport);
    // ONNX: a protobuf ModelProto, field 1 (ir_version) first, then the producer's name.
    const bool onnxBytes = start.size() > 4 && start[0] == '\x08' &&
                           (start.find("pytorch") != std::string::npos || start.find("onnx") != std::string::npos ||
                            start.find("keras") != std::string::npos || start.find("tf2onnx") != std::string::npos);
    if (extension == ".onnx" || onnxBytes)
        return "an ONNX model, not a TorchScript model: ExECG Studio runs TorchScript (LibTorch has no ONNX runtime, and "
               "explanations need the model's own gradients). From the PyTorch model it came from, " + std::string(kExport);
    if (start.rfind("\x80", 0) == 0)
        return describePickle(firstPickledClass(start), " as a plain pickle");
    return "not a TorchScript model (" + torchCause + ")";
}

} // namespace execg
