#include "model/torch/TimeLocality.h"

#include <torch/csrc/jit/api/module.h>
#include <torch/csrc/jit/passes/inliner.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace execg {
namespace {

int floorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
int ceilDiv(int a, int b) { return -floorDiv(-a, b); }

// Operations that act on each sample on its own (per channel at most), so a changed range passes through unchanged.
const std::set<std::string> kSampleWise{
    "aten::relu", "aten::relu_", "aten::relu6", "aten::sigmoid", "aten::sigmoid_", "aten::tanh", "aten::tanh_",
    "aten::gelu", "aten::silu", "aten::silu_", "aten::mish", "aten::elu", "aten::elu_", "aten::selu", "aten::celu",
    "aten::leaky_relu", "aten::leaky_relu_", "aten::hardtanh", "aten::hardtanh_", "aten::hardswish",
    "aten::hardsigmoid", "aten::softplus", "aten::prelu", "aten::clamp", "aten::clamp_", "aten::clamp_min",
    "aten::clamp_max", "aten::abs", "aten::neg", "aten::exp", "aten::square", "aten::sqrt", "aten::add", "aten::add_",
    "aten::sub", "aten::sub_", "aten::mul", "aten::mul_", "aten::div", "aten::div_", "aten::batch_norm",
    "aten::dropout", "aten::dropout_", "aten::feature_dropout", "aten::alpha_dropout", "aten::contiguous",
    "aten::clone", "aten::detach"};
// Operations on the signal that give a plain value that cannot depend on its length. (Its size can: a slice of a
// positional table to the signal's length would then pass for a sample-wise addition, so aten::size is refused.)
const std::set<std::string> kShapeQueries{"aten::dim"};

std::vector<int> intList(const torch::jit::Value* v, std::size_t expected)
{
    const auto iv = torch::jit::toIValue(v);
    if (!iv || !iv->isIntList())
        throw std::string("a window parameter that is not a constant list of integers");
    auto list = iv->toIntVector();
    if (list.empty())
        return {};
    if (list.size() != expected)
        throw std::string("a window that is not one-dimensional");
    return {list.begin(), list.end()};
}

} // namespace

std::optional<TimeLocality> TimeLocality::analyse(const torch::jit::Module& module, std::string* whyNot)
{
    try {
        // Freezing turns parameters and the eval-mode flags into constants, so batch norm's `training` argument and
        // the kernel sizes can be read; the frozen copy is thrown away.
        const auto frozen = torch::jit::freeze(module.clone(), c10::nullopt, false);
        auto graph = frozen.get_method("forward").graph()->copy();
        torch::jit::Inline(*graph);
        if (graph->inputs().size() != 2 || graph->outputs().size() != 1)
            throw std::string("forward takes or returns more than one signal");

        TimeLocality t;
        std::map<const torch::jit::Value*, int> id{{graph->inputs()[1], 0}};
        std::map<int, int> stride{{0, 1}};   // cumulative stride of each value
        const auto tracked = [&](const torch::jit::Value* v) { return id.count(v) != 0; };

        const std::function<void(torch::jit::Block*, bool)> walk = [&](torch::jit::Block* block, bool nested) {
            for (torch::jit::Node* n : block->nodes()) {
                const std::string kind = n->kind().toQualString();
                std::vector<int> ins;
                for (const auto* v : n->inputs())
                    if (tracked(v))
                        ins.push_back(id[v]);
                for (auto* b : n->blocks()) {
                    walk(b, true);
                    for (const auto* v : b->outputs())
                        if (tracked(v))
                            throw std::string(kind + " passing the signal through a branch or loop");
                }
                if (ins.empty())
                    continue;
                if (kShapeQueries.count(kind))
                    continue;
                if (nested || n->outputs().size() != 1 || !n->output()->type()->cast<c10::TensorType>())
                    throw std::string(kind + " on the signal");
                Op op;
                if (kind == "aten::conv1d" || kind == "aten::_convolution" || kind == "aten::max_pool1d" ||
                    kind == "aten::avg_pool1d") {
                    if (!tracked(n->input(0)) || ins.size() != 1)
                        throw std::string(kind + " with a weight computed from the signal");
                    op.window = true;
                    if (kind == "aten::conv1d" || kind == "aten::_convolution") {
                        const auto w = torch::jit::toIValue(n->input(1));
                        if (!w || !w->isTensor() || w->toTensor().dim() != 3)
                            throw std::string("a convolution that is not one-dimensional");
                        op.kernel = int(w->toTensor().size(2));
                        const auto s = intList(n->input(3), 1);
                        const auto padding = torch::jit::toIValue(n->input(4));
                        if (padding && padding->isString()) {
                            if (padding->toStringRef() != "valid")
                                throw std::string("a convolution with padding '" + padding->toStringRef() + "'");
                        } else {
                            const auto p = intList(n->input(4), 1);
                            op.padding = p.empty() ? 0 : p[0];
                        }
                        const auto d = intList(n->input(5), 1);
                        op.stride = s.empty() ? 1 : s[0];
                        op.dilation = d.empty() ? 1 : d[0];
                        if (kind == "aten::_convolution") {
                            const auto transposed = torch::jit::toIValue(n->input(6));
                            if (!transposed || !transposed->isBool() || transposed->toBool())
                                throw std::string("a transposed convolution");
                        }
                    } else {
                        const auto k = intList(n->input(1), 1);
                        const auto s = intList(n->input(2), 1);
                        const auto p = intList(n->input(3), 1);
                        op.kernel = k.at(0);
                        op.stride = s.empty() ? op.kernel : s[0];
                        op.padding = p.empty() ? 0 : p[0];
                        const int ceilArg = kind == "aten::max_pool1d" ? 5 : 4;
                        if (kind == "aten::max_pool1d") {
                            const auto d = intList(n->input(4), 1);
                            op.dilation = d.empty() ? 1 : d[0];
                        }
                        const auto ceilMode = torch::jit::toIValue(n->input(std::size_t(ceilArg)));
                        if (!ceilMode || !ceilMode->isBool() || ceilMode->toBool())
                            throw std::string(kind + " with ceil_mode");
                    }
                    if (op.kernel < 1 || op.stride < 1 || op.dilation < 1 || op.padding < 0)
                        throw std::string(kind + " with parameters out of range");
                } else if (kSampleWise.count(kind)) {
                    if (kind == "aten::batch_norm") {
                        const auto training = torch::jit::toIValue(n->input(5));
                        if (!training || !training->isBool() || training->toBool())
                            throw std::string("batch norm with batch statistics");
                    }
                } else {
                    throw std::string(kind + " on the signal");
                }
                op.inputs = ins;
                int inStride = stride[ins[0]];
                for (int v : ins)
                    if (stride[v] != inStride)
                        throw std::string("branches of different time resolution joined by " + kind);
                const int value = int(t.ops_.size()) + 1;
                stride[value] = inStride * op.stride;
                t.alignment_ = std::lcm(t.alignment_, stride[value]);
                t.ops_.push_back(op);
                id[n->output()] = value;
                // An in-place operation changes its first input too: later uses of it must see the new reach.
                if (kind.back() == '_' && tracked(n->input(0)))
                    id[n->input(0)] = value;
            }
        };
        walk(graph->block(), false);
        const auto* out = graph->outputs()[0];
        if (!tracked(out))
            throw std::string("an output that does not depend on the signal");
        t.output_ = id[out];
        t.outputStride_ = stride[t.output_];
        return t;
    } catch (const std::string& reason) {
        if (whyNot)
            *whyNot = reason;
    } catch (const std::exception& e) {
        if (whyNot)
            *whyNot = std::string("its graph could not be read (") + e.what() + ")";
    }
    return std::nullopt;
}

std::vector<int> TimeLocality::lengths(int inputLength) const
{
    std::vector<int> length{inputLength};
    for (const Op& op : ops_) {
        const int in = length[std::size_t(op.inputs[0])];
        length.push_back(op.window ? floorDiv(in + 2 * op.padding - op.dilation * (op.kernel - 1) - 1, op.stride) + 1 : in);
    }
    return length;
}

bool TimeLocality::fits(int inputLength) const
{
    // Every length positive, and branches joined sample by sample of one length (a length-1 branch would broadcast
    // over all of time).
    const auto length = lengths(inputLength);
    for (std::size_t i = 0; i < ops_.size(); ++i) {
        if (length[i + 1] < 1)
            return false;
        for (int v : ops_[i].inputs)
            if (length[std::size_t(v)] != length[std::size_t(ops_[i].inputs[0])])
                return false;
    }
    return true;
}

int TimeLocality::outputLength(int inputLength) const { return lengths(inputLength)[std::size_t(output_)]; }

TimeRange TimeLocality::reach(TimeRange changed, int inputLength) const
{
    const auto length = lengths(inputLength);
    std::vector<TimeRange> r{changed};
    for (std::size_t i = 0; i < ops_.size(); ++i) {
        const Op& op = ops_[i];
        TimeRange out;
        for (int v : op.inputs) {
            const TimeRange in = r[std::size_t(v)];
            if (in.empty())
                continue;
            TimeRange o = in;
            if (op.window) {
                // Output j reads inputs j·s − p + t·d, t = 0 … k − 1.
                o.lo = std::max(0, ceilDiv(in.lo + op.padding - op.dilation * (op.kernel - 1), op.stride));
                o.hi = std::min(length[i + 1], floorDiv(in.hi - 1 + op.padding, op.stride) + 1);
            }
            out = out.empty() ? o : TimeRange{std::min(out.lo, o.lo), std::max(out.hi, o.hi)};
        }
        r.push_back(out);
    }
    return r[std::size_t(output_)];
}

TimeRange TimeLocality::dependence(TimeRange wanted, int inputLength) const
{
    const auto length = lengths(inputLength);
    std::vector<TimeRange> need(ops_.size() + 1);
    need[std::size_t(output_)] = wanted;
    for (std::size_t i = ops_.size(); i-- > 0;) {
        const TimeRange o = need[i + 1];
        if (o.empty())
            continue;
        const Op& op = ops_[i];
        TimeRange in = o;
        if (op.window) {
            in.lo = o.lo * op.stride - op.padding;
            in.hi = (o.hi - 1) * op.stride - op.padding + op.dilation * (op.kernel - 1) + 1;
        }
        for (int v : op.inputs) {
            TimeRange& n = need[std::size_t(v)];
            const TimeRange c{std::max(0, in.lo), std::min(length[std::size_t(v)], in.hi)};
            n = n.empty() ? c : TimeRange{std::min(n.lo, c.lo), std::max(n.hi, c.hi)};
        }
    }
    return need[0];
}

} // namespace execg
