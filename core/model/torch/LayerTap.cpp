#include "model/torch/LayerTap.h"

#include <torch/csrc/jit/api/function_impl.h>
#include <torch/csrc/jit/ir/ir.h>
#include <torch/library.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <vector>

namespace execg {

namespace {

// The run in progress on this thread (TorchScript's interpreter runs a graph's operators on the calling thread).
struct TapState {
    bool stopAtLayer = false;
    int calls = 0;
    torch::Tensor captured;
};
thread_local TapState* activeTap = nullptr;

struct StopAtLayer : std::exception {
    const char* what() const noexcept override { return "stopped at the tapped layer"; }
};

// execg::layer_tap: the identity outside a LayerTap run. Inside one it keeps the layer's output — as a leaf that
// requires gradients, from which point on the forward pass records them — or, when only the activations are wanted,
// keeps it and ends the forward pass there.
torch::Tensor layerTapKernel(const torch::Tensor& x)
{
    TapState* state = activeTap;
    if (!state || ++state->calls > 1)
        return x;
    if (state->stopAtLayer) {
        state->captured = x.detach();
        throw StopAtLayer();
    }
    state->captured = x.detach().requires_grad_(true);
    c10::GradMode::set_enabled(true);   // LayerTap::run's guard turns it back off
    // A copy, so that an in-place operation after the layer (out += identity, ReLU(inplace=True)) does not write
    // into the leaf — autograd refuses that — and the kept activations stay what the layer gave.
    return state->captured.clone();
}

std::vector<std::string> split(const std::string& dotted)
{
    std::vector<std::string> parts;
    std::stringstream in(dotted);
    for (std::string part; std::getline(in, part, '.');)
        parts.push_back(part);
    return parts;
}

std::string dotted(const std::vector<std::string>& parts)
{
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i)
        s += (i ? "." : "") + parts[i];
    return s;
}

// The submodule a value stands for: the graph's self → {}, a chain of attribute reads from it → their names.
std::optional<std::vector<std::string>> modulePath(torch::jit::Value* v, const torch::jit::Value* self)
{
    std::vector<std::string> path;
    while (v != self) {
        const auto* node = v->node();
        if (node->kind() != c10::prim::GetAttr)
            return std::nullopt;
        path.push_back(node->s(c10::attr::name));
        v = node->input(0);
    }
    std::reverse(path.begin(), path.end());
    return path;
}

struct Call {
    torch::jit::Node* node;
    std::vector<std::string> path;
    bool inLoop;
};

void collectCalls(torch::jit::Block* block, const torch::jit::Value* self, bool inLoop, std::vector<Call>& calls)
{
    for (auto* node : block->nodes()) {
        if (node->kind() == c10::prim::CallMethod)
            if (auto path = modulePath(node->input(0), self))
                calls.push_back({node, std::move(*path), inLoop});
        for (auto* inner : node->blocks())
            collectCalls(inner, self, inLoop || node->kind() == c10::prim::Loop, calls);
    }
}

bool startsWith(const std::vector<std::string>& path, const std::vector<std::string>& prefix)
{
    return prefix.size() <= path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

torch::jit::Value* insertTap(torch::jit::Value* v, torch::jit::Node* after)
{
    auto* graph = v->owningGraph();
    auto* tap = graph->create(c10::Symbol::fromQualString("execg::layer_tap"), {v}, 1);
    tap->output()->setType(v->type());
    tap->insertAfter(after);
    return tap->output();
}

// Passes the call's output (or, for a tuple, its first tensor) through the tap; returns a note for the user.
std::string tapOutput(torch::jit::Node* call, const std::string& layer)
{
    auto* out = call->output();
    if (out->type()->isSubtypeOf(*c10::TensorType::get())) {
        auto* tapped = insertTap(out, call);
        out->replaceAllUsesAfterNodeWith(tapped->node(), tapped);
        return {};
    }
    const auto tuple = out->type()->cast<c10::TupleType>();
    const auto& elements = tuple ? tuple->elements() : c10::ArrayRef<c10::TypePtr>();
    const auto first = std::find_if(elements.begin(), elements.end(),
                                    [](const c10::TypePtr& t) { return t->isSubtypeOf(*c10::TensorType::get()); });
    if (!tuple || first == elements.end())
        throw LayerTapError("'" + layer + "' returns " + out->type()->repr_str() + ", which holds no tensor to take");
    auto* graph = call->owningGraph();
    auto* unpack = graph->createTupleUnpack(out);
    unpack->insertAfter(call);
    const auto k = std::size_t(first - elements.begin());
    auto* tapped = insertTap(unpack->outputs()[k], unpack);
    std::vector<torch::jit::Value*> values(unpack->outputs().begin(), unpack->outputs().end());
    values[k] = tapped;
    auto* rebuilt = graph->createTuple(values);
    rebuilt->output()->setType(out->type());
    rebuilt->insertAfter(tapped->node());
    out->replaceAllUsesAfterNodeWith(rebuilt, rebuilt->output());
    return "'" + layer + "' returns " + std::to_string(elements.size()) + " values; its tensor number " +
           std::to_string(k + 1) + " is used";
}

} // namespace

LayerTap::LayerTap(const torch::jit::Module& model, const std::string& layer) : model_(model), layer_(layer)
{
    const auto target = split(layer);
    if (target.empty() || std::any_of(target.begin(), target.end(), [](const std::string& s) { return s.empty(); }))
        throw LayerTapError("'" + layer + "' is not a submodule name");
    auto& forward = model.get_method("forward").function();
    auto graph = torch::jit::toGraphFunction(forward).graph()->copy();
    const auto* self = graph->inputs().at(0);
    // Inline every call into a submodule that encloses the layer (any of its methods: a transformer layer runs its
    // attention through _sa_block) until only the layer's own calls are left in the copy.
    std::vector<Call> own;
    for (int round = 0;; ++round) {
        std::vector<Call> calls;
        collectCalls(graph->block(), self, false, calls);
        std::vector<Call> enclosing;
        own.clear();
        for (const auto& c : calls) {
            if (c.path == target && c.node->s(c10::attr::name).rfind("forward", 0) == 0)   // overloads: forward__0
                own.push_back(c);
            else if (!c.path.empty() && c.path.size() < target.size() && startsWith(target, c.path))
                enclosing.push_back(c);
        }
        if (enclosing.empty())
            break;
        if (round > 64)
            throw LayerTapError("'" + layer + "' is nested too deeply to be reached");
        for (const auto& c : enclosing) {
            const auto type = c.node->input(0)->type()->cast<c10::ClassType>();
            auto* callee = type ? torch::jit::tryToGraphFunction(type->getMethod(c.node->s(c10::attr::name))) : nullptr;
            if (!callee)
                throw LayerTapError("'" + layer + "' lies inside '" + dotted(c.path) +
                                    "', whose forward() is not a TorchScript graph that can be opened (an interface "
                                    "or native call)");
            torch::jit::inlineCallTo(c.node, callee, callee->graph().get());
        }
    }
    if (own.empty())
        throw LayerTapError("forward() never calls '" + layer + "' as a module (it may be used through another method, "
                            "or not at all)");
    for (const auto& c : own) {
        if (c.inLoop)
            throw LayerTapError("'" + layer + "' is called inside a loop in forward(), so it has no one output to take");
        // Two calls in one block both run; calls in different branches are checked when they run.
        const auto sameBlock = std::count_if(own.begin(), own.end(), [&](const Call& o) { return o.node->owningBlock() == c.node->owningBlock(); });
        if (sameBlock > 1)
            throw LayerTapError("'" + layer + "' is called " + std::to_string(sameBlock) +
                                " times in forward(), so it has no one output to take");
    }
    for (const auto& c : own)
        note_ = tapOutput(c.node, layer);
    tapped_ = std::make_shared<torch::jit::GraphFunction>("execg_layer_tap", graph, nullptr);
    tapped_->setSchema(forward.getSchema());
}

LayerTap::~LayerTap() = default;

torch::Tensor LayerTap::run(const torch::Tensor& input, bool stopAtLayer, torch::Tensor* output, bool gradientsBefore) const
{
    TapState state;
    state.stopAtLayer = stopAtLayer;
    struct Activate {
        TapState* previous;
        explicit Activate(TapState* s) : previous(activeTap) { activeTap = s; }
        ~Activate() { activeTap = previous; }
    } activate(&state);
    // Not in inference mode even when the caller is: the graph executor keeps what it computes on the first runs for
    // the later ones, and inference tensors among them would refuse a later pass with gradients.
    c10::InferenceMode notInference(false);
    c10::AutoGradMode noGradBeforeTheLayer(gradientsBefore);
    try {
        auto y = (*tapped_)({model_._ivalue(), input});
        if (output)
            *output = y.toTensor();
    } catch (const std::exception&) {
        if (!(stopAtLayer && state.calls == 1 && state.captured.defined()))
            throw;
    }
    if (state.calls == 0 && stopAtLayer && !gradientsBefore)
        // Some modules take a fused path without gradients (PyTorch's TransformerEncoderLayer in eval mode), and
        // their submodules then do not run: the same pass with gradients on takes the ordinary one.
        return run(input, stopAtLayer, output, true);
    if (state.calls == 0)
        throw LayerTapError("'" + layer_ + "' did not run for this input: it lies in a branch of forward() that was "
                            "not taken");
    if (state.calls > 1)
        throw LayerTapError("'" + layer_ + "' ran " + std::to_string(state.calls) + " times for one input");
    return state.captured;
}

torch::Tensor LayerTap::activations(const torch::Tensor& input) const { return run(input, true, nullptr); }

LayerTap::Pass LayerTap::forwardFrom(const torch::Tensor& input) const
{
    Pass pass;
    pass.activations = run(input, false, &pass.output);
    return pass;
}

} // namespace execg

TORCH_LIBRARY_FRAGMENT(execg, m) { m.def("layer_tap(Tensor x) -> Tensor", execg::layerTapKernel); }
