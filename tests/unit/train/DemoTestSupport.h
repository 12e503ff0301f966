#pragma once
// What the demo-model tests share: a record of a synthetic set as the runner's input.
#include "model/ModelInputAdapter.h"
#include "model/torch/training/SyntheticDataset.h"

namespace execg::training {

inline AdaptedInput asInput(const SyntheticSet& set, int i)
{
    AdaptedInput in;
    in.leads = kDemoLeads;
    in.samples = kDemoSamples;
    in.values.assign(set.record(i), set.record(i) + kDemoLeads * kDemoSamples);
    return in;
}

} // namespace execg::training
