#include "model/torch/IncrementalChain.h"

#include "model/torch/TorchModelImpl.h"

#include <ATen/Parallel.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <future>

namespace execg {
namespace {

int alignDown(int v, int step) { return v >= 0 ? v / step * step : -((-v + step - 1) / step) * step; }

// Copies of x changed in a few stretches, for the plan's check: zeroed windows at the start, middle and end, and one
// lead raised by 0.5 (an ablation-like change that keeps the rest).
std::pair<torch::Tensor, std::vector<TimeRange>> checkCopies(const torch::Tensor& x)
{
    const int L = int(x.size(2)), w = std::max(1, L / 20);
    const std::vector<TimeRange> ranges{{0, w}, {L / 2 - w / 2, L / 2 - w / 2 + w}, {L - w, L}, {L / 3, L / 3 + w}};
    auto copies = x.repeat({std::int64_t(ranges.size()), 1, 1});
    for (std::size_t k = 0; k < 3; ++k)
        copies[std::int64_t(k)].slice(1, ranges[k].lo, ranges[k].hi).zero_();
    copies[3].slice(0, 0, 1).slice(1, ranges[3].lo, ranges[3].hi).add_(0.5);
    return {copies, ranges};
}

// The plan for inputs of `samples` samples, checked against forward() on the probe cut to that length; null with
// the reason in `problem` where there is none.
std::shared_ptr<const IncrementalPlan> makePlan(const TorchModel& model, int samples, std::string& problem)
{
    const auto& impl = model.impl();
    if (!model.chainVerified()) {
        problem = "its submodules run in order do not reproduce forward()";
        return nullptr;
    }
    if (model.card().input.layout != InputLayout::LeadsFirst) {
        problem = "it takes samples first, and the plan crops along the last axis";
        return nullptr;
    }
    auto plan = std::make_shared<IncrementalPlan>();
    std::string why;
    int length = samples;
    for (std::size_t i = 0; i + 1 < impl.chain.size(); ++i) {
        auto t = TimeLocality::analyse(impl.chain.child(i), &why);
        if (t && !t->fits(length)) {
            t.reset();
            why = "branches of different lengths at " + std::to_string(samples) + " samples";
        }
        if (!t)
            break;
        plan->local.push_back(*t);
        length = t->outputLength(length);
    }
    if (plan->local.empty()) {
        problem = "its first submodule is not time-local (" + why + ")";
        return nullptr;
    }
    try {
        torch::NoGradGuard noGrad;
        const auto x = toTensor({chainProbe(model.card())}).slice(2, 0, samples).contiguous();
        const auto [copies, ranges] = checkCopies(x);
        auto module = impl.module;
        const auto full = module.forward({copies}).toTensor();
        const auto fast = IncrementalChain(model, plan, x).outputs(copies, ranges, 64);
        const double diff = (fast - full).abs().max().item<double>();
        const double scale = std::max(1.0, full.abs().max().item<double>());
        if (!(diff <= 1e-4 * scale)) {
            problem = "recomputing only what a change reaches did not reproduce forward() at " + std::to_string(samples) +
                      " samples (difference " + std::to_string(diff) + ")";
            return nullptr;
        }
    } catch (const std::exception& e) {
        problem = std::string("recomputing only what a change reaches failed: ") + torchErrorCause(e.what());
        return nullptr;
    }
    return plan;
}

} // namespace

std::shared_ptr<const IncrementalPlan> incrementalPlan(const TorchModel& model, int samples, std::string* whyNot)
{
    const auto& impl = model.impl();
    // Under the lock while it is made: two explainers asking at once get one plan, checked once.
    std::lock_guard lock(impl.incrementalMutex);
    auto it = impl.incremental.find(samples);
    if (it == impl.incremental.end()) {
        std::string problem;
        auto plan = makePlan(model, samples, problem);
        it = impl.incremental.emplace(samples, std::make_pair(std::move(plan), std::move(problem))).first;
    }
    if (whyNot)
        *whyNot = it->second.second;
    return it->second.first;
}

std::shared_ptr<const IncrementalPlan> incrementalPlan(const TorchModel& model, std::string* whyNot)
{
    return incrementalPlan(model, model.card().input.samples, whyNot);
}

IncrementalChain::IncrementalChain(const TorchModel& model, std::shared_ptr<const IncrementalPlan> plan, const torch::Tensor& x)
    : model_(&model), plan_(std::move(plan))
{
    torch::NoGradGuard noGrad;
    const auto& chain = model.impl().chain;
    auto h = x;
    base_.push_back(h[0]);
    for (std::size_t i = 0; i < plan_->local.size(); ++i) {
        h = chain.child(i).forward({h}).toTensor();
        base_.push_back(h[0]);
    }
}

void IncrementalChain::propagate(const torch::Tensor& copies, std::vector<TimeRange>& range,
                                 std::vector<torch::Tensor>& patch) const
{
    const auto& chain = model_->impl().chain;
    const std::size_t count = range.size();
    for (std::size_t b = 0; b < count; ++b)
        if (!range[b].empty())
            patch[b] = copies[std::int64_t(b)].slice(1, range[b].lo, range[b].hi);

    for (std::size_t k = 0; k < plan_->local.size(); ++k) {
        const TimeLocality& t = plan_->local[k];
        const torch::Tensor& in = base_[k];
        const int length = int(in.size(1));
        std::vector<TimeRange> reached(count), need(count);
        std::vector<int> cropStart(count, 0);
        int cropLength = 0;
        for (std::size_t b = 0; b < count; ++b) {
            if (range[b].empty() || (reached[b] = t.reach(range[b], length)).empty())
                continue;
            need[b] = t.dependence(reached[b], length);
            cropStart[b] = std::max(0, alignDown(need[b].lo, t.alignment()));
            cropLength = std::max(cropLength, need[b].hi - cropStart[b]);
        }
        // One crop length for all (one shape per pass); a crop that would run past the end moves back, or where the
        // alignment forbids that, keeps its own length.
        std::map<int, std::vector<std::size_t>> byCropLength;
        for (std::size_t b = 0; b < count; ++b) {
            if (reached[b].empty())
                continue;
            int crop = cropLength;
            if (cropStart[b] + crop > length) {
                const int moved = alignDown(length - crop, t.alignment());
                if (moved >= 0 && moved + crop >= need[b].hi)
                    cropStart[b] = moved;
                else
                    crop = length - cropStart[b];
            }
            byCropLength[crop].push_back(b);
        }
        std::vector<torch::Tensor> next(count);
        for (const auto& [crop, members] : byCropLength) {
            // All crops of the group in one gather (channels × windows × crop → windows × channels × crop), then
            // each copy's changed samples over its crop.
            std::vector<std::int64_t> starts;
            for (std::size_t b : members)
                starts.push_back(cropStart[b]);
            auto crops = in.unfold(1, crop, 1).index_select(1, torch::tensor(starts)).permute({1, 0, 2}).contiguous();
            for (std::size_t g = 0; g < members.size(); ++g) {
                const std::size_t b = members[g];
                const int a = cropStart[b];
                const int lo = std::max(range[b].lo, a), hi = std::min(range[b].hi, a + crop);
                if (lo < hi)
                    crops[std::int64_t(g)].slice(1, lo - a, hi - a).copy_(patch[b].slice(1, lo - range[b].lo, hi - range[b].lo));
            }
            const auto y = chain.child(k).forward({crops}).toTensor();
            for (std::size_t g = 0; g < members.size(); ++g) {
                const std::size_t b = members[g];
                const int offset = cropStart[b] / t.outputStride();
                if (reached[b].lo - offset < 0 || reached[b].hi - offset > y.size(2))
                    throw std::logic_error("incremental crop does not cover the samples it should");
                next[b] = y[std::int64_t(g)].slice(1, reached[b].lo - offset, reached[b].hi - offset);
            }
        }
        range = std::move(reached);
        patch = std::move(next);
    }
}

torch::Tensor IncrementalChain::outputs(const torch::Tensor& copies, const std::vector<TimeRange>& changed,
                                       std::size_t batch) const
{
    const std::size_t count = changed.size();
    std::vector<TimeRange> range = changed;
    std::vector<torch::Tensor> patch(count);
    // The crops are small: split between workers of one OpenMP thread each rather than splitting every small
    // operation between threads, whose hand-offs cost more than the work (and stall whenever a core is briefly
    // taken). The workers are LibTorch's persistent inter-op threads: a new thread would, on its first parallel
    // operation, reset the thread count and with it oneDNN's cache of compiled kernels.
    if (count == 0)
        return torch::empty({0, model_->outputCount()});
    struct OneOpenMpThread {
        int before = omp_get_max_threads();
        OneOpenMpThread() { omp_set_num_threads(1); }
        ~OneOpenMpThread() { omp_set_num_threads(before); }
    };
    const std::size_t workers = std::min<std::size_t>(count, std::size_t(std::max(1, at::get_num_threads())));
    std::vector<std::exception_ptr> failures(workers);
    const auto work = [&](std::size_t w) {
        try {
            torch::NoGradGuard noGrad;
            const std::size_t first = count * w / workers, last = count * (w + 1) / workers;
            std::vector<TimeRange> r(range.begin() + long(first), range.begin() + long(last));
            std::vector<torch::Tensor> p(last - first);
            propagate(copies.slice(0, std::int64_t(first), std::int64_t(last)), r, p);
            std::copy(r.begin(), r.end(), range.begin() + long(first));
            std::move(p.begin(), p.end(), patch.begin() + long(first));
        } catch (...) {
            failures[w] = std::current_exception();
        }
    };
    {
        std::vector<std::future<void>> done;
        // Whatever happens here, no task may outlive the state it works on.
        struct WaitAll {
            std::vector<std::future<void>>& done;
            ~WaitAll()
            {
                for (auto& d : done)
                    d.wait();
            }
        } waitAll{done};
        for (std::size_t w = 1; w < workers; ++w) {
            auto finished = std::make_shared<std::promise<void>>();
            done.push_back(finished->get_future());
            at::launch([&work, w, finished] {
                at::get_num_threads();   // LibTorch's per-thread set-up first, so that it cannot undo the next line
                const OneOpenMpThread one;
                work(w);
                finished->set_value();
            });
        }
        const OneOpenMpThread one;
        work(0);
    }
    for (const auto& f : failures)
        if (f)
            std::rethrow_exception(f);

    torch::NoGradGuard noGrad;
    const auto& chain = model_->impl().chain;
    auto h = base_.back().unsqueeze(0).repeat({std::int64_t(count), 1, 1});
    for (std::size_t b = 0; b < count; ++b)
        if (!range[b].empty())
            h[std::int64_t(b)].slice(1, range[b].lo, range[b].hi).copy_(patch[b]);
    // The rest of the model in full, in the caller's batches: it holds whole activations.
    std::vector<torch::Tensor> parts;
    for (std::int64_t b = 0; b < h.size(0); b += std::int64_t(batch))
        parts.push_back(chain.runRange(h.slice(0, b, std::min(h.size(0), b + std::int64_t(batch))), plan_->local.size(), chain.size()));
    return torch::cat(parts);
}

} // namespace execg
